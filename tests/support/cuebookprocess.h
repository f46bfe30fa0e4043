#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <cstdio>

// Runs the real cuebook executable, as a user or a script would, for the command line's tests.
// Header only: each test names the executable it was built against.
namespace CuebookProcess {

struct Result
{
    // -1 when the process crashed or did not finish.
    int exitCode = -1;
    QString out;
    QString err;
};

inline Result run(const QString &executable, const QStringList &arguments,
    const QProcessEnvironment &environment = {})
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(executable, arguments);
    if (!process.waitForFinished(60'000))
        qWarning("cuebook did not finish: %s", qPrintable(process.errorString()));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

} // namespace CuebookProcess
