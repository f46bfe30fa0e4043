#pragma once

#include <QString>

// Permission tests as root: root reads every file whatever its mode, and CI runs as root. Such a
// test calls rerun() when it finds itself root; rerun() runs a copy of this test program again,
// with only that test function, as the unprivileged user nobody (setpriv, uid and gid 65534),
// whose TMPDIR and HOME are a folder it may write to. The test function then runs for real in
// the child, which makes its own fixtures.
namespace Unprivileged {

bool isRoot();

// Runs testFunction of this program as nobody; an empty string when it passed, otherwise what
// went wrong, with the child's output. folder is made (and opened to nobody) for the copy of the
// program; every folder above it must let others through (mode o+x).
QString rerun(const QString &folder, const QString &testFunction);

// The whole of it for a test function that makes its fixtures itself: starts with
//     if (Unprivileged::runInstead())
//         return;
// As root, reruns the current test function as nobody from a temporary folder, fails the test
// unless it passed there, and returns true: the caller returns. Otherwise false, and the test
// goes on here.
bool runInstead();

} // namespace Unprivileged
