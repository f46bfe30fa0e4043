#pragma once

#include <QByteArray>
#include <QString>

// Files that tests write as fixtures. A fixture that cannot be written stops the test program
// with qFatal and the reason: every check after it would fail for the wrong one.
namespace TestFiles {

// Writes contents to path (an empty file by default), making the folders on the way; returns
// path.
QString writeFile(const QString &path, const QByteArray &contents = {});

} // namespace TestFiles
