#include "commandline.h"
#include "errorreporter.h"
#include "mainwindow.h"
#include "userdata/userdatabase.h"

#include <QApplication>
#include <QTextStream>

#include <cstdio>

namespace {

void setApplicationMetadata()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Cuebook"));
    QCoreApplication::setApplicationName(QStringLiteral("Cuebook"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CUEBOOK_VERSION));
}

QStringList arguments(int argc, char *argv[])
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list.append(QString::fromLocal8Bit(argv[i]));
    return list;
}

} // namespace

int main(int argc, char *argv[])
{
    // The FFmpeg backend of Qt 6.4 crashes without an audio device; GStreamer plays without one.
    if (qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "gstreamer");

    const CommandLine commandLine(arguments(argc, argv));
    if (commandLine.mode() == CommandLine::Headless) {
        QCoreApplication app(argc, argv);
        setApplicationMetadata();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return commandLine.run(out, err);
    }

    QApplication app(argc, argv);
    setApplicationMetadata();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Cuebook"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.cuebook.Cuebook"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cuebook.svg")));

    UserDatabase userData;
    const QString userDataPath = qEnvironmentVariableIsSet("CUEBOOK_USER_DATABASE")
        ? qEnvironmentVariable("CUEBOOK_USER_DATABASE")
        : UserDatabase::defaultPath();
    const bool userDataOpen = userData.open(userDataPath);
    MainWindow window(userDataOpen ? &userData : nullptr);
    window.openBundledCatalog();
    window.restoreSession();
    for (const QString &file : commandLine.catalogFiles())
        window.openCatalog(file);
    window.show();
    if (!userDataOpen) {
        window.errorReporter()->reportBlocking(
            QCoreApplication::translate("main", "Your Links and Notes"),
            QCoreApplication::translate("main",
                "Your file links and notes could not be opened (%1). "
                "The file is left untouched; browsing works, but links "
                "and notes are unavailable until it can be read.")
                .arg(userData.errorString()));
    }
    return app.exec();
}
