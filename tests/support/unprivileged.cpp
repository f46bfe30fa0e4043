#include "unprivileged.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Unprivileged {

bool isRoot()
{
    return ::geteuid() == 0;
}

QString rerun(const QString &folder, const QString &testFunction)
{
    const QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s);
    if (setpriv.isEmpty())
        return u"setpriv is not installed (apt-get install util-linux): as root, this test runs "
               "itself again as an unprivileged user with it"_s;
    if (!QDir().mkpath(folder))
        return u"cannot make %1"_s.arg(folder);
    const auto everyone = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
        | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
        | QFileDevice::ExeOther;
    const QString program
        = folder + u'/' + QFileInfo(QCoreApplication::applicationFilePath()).fileName();
    QFile::remove(program);
    if (!QFile::setPermissions(folder, everyone | QFileDevice::WriteGroup | QFileDevice::WriteOther)
        || !QFile::copy(QCoreApplication::applicationFilePath(), program)
        || !QFile::setPermissions(program, everyone))
        return u"cannot copy this program into %1 for the unprivileged user"_s.arg(folder);

    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"TMPDIR"_s, folder);
    environment.insert(u"HOME"_s, folder);
    environment.remove(u"XDG_RUNTIME_DIR"_s);
    child.setProcessEnvironment(environment);
    child.setWorkingDirectory(folder);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(setpriv,
        {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s, program, testFunction});
    if (!child.waitForFinished(120'000))
        return child.errorString();
    const QString output = QString::fromLocal8Bit(child.readAll());
    // The function must have run and passed, not merely been absent.
    const QRegularExpression passed(
        u"^PASS   : \\w+::"_s + QRegularExpression::escape(testFunction) + u"\\(\\)$"_s,
        QRegularExpression::MultilineOption);
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0
        || !passed.match(output).hasMatch())
        return output;
    return {};
}

namespace {

// The test's checks for runInstead(): QVERIFY returns from a function that returns nothing.
void rerunCurrentFunction()
{
    QTemporaryDir scratch;
    QVERIFY2(scratch.isValid(), "no temporary folder for the unprivileged run");
    // Others may pass through, not look in.
    QVERIFY(QFile::setPermissions(scratch.path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ExeGroup | QFileDevice::ExeOther));
    const QString problem
        = rerun(scratch.filePath(u"nobody"_s), QString::fromLatin1(QTest::currentTestFunction()));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

} // namespace

bool runInstead()
{
    if (!isRoot())
        return false;
    rerunCurrentFunction();
    return true;
}

} // namespace Unprivileged
