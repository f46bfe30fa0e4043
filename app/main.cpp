#include "commandline.h"
#include "errorreporter.h"
#include "mainwindow.h"
#include "userdata/userdatabase.h"
#include "userdataopener.h"

#include <QApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

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
    if (commandLine.mode() == CommandLine::HeadlessDrawing) {
        // Fonts and painting, and no display to need.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        setApplicationMetadata();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return commandLine.run(out, err);
    }
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
    auto window = std::make_unique<MainWindow>(userDataOpen ? &userData : nullptr);
    // A refused file is told before the window shows; the parts of a window are made with the
    // database they use, so a fresh start makes the window again.
    const bool afresh
        = !userDataOpen && UserDataOpener(&userData, window->errorReporter()).handleRefusal();
    if (afresh)
        window = std::make_unique<MainWindow>(&userData);
    window->openBundledCatalog();
    window->restoreSession();
    for (const QString &file : commandLine.catalogFiles())
        window->openCatalog(file);
    window->show();
    if (afresh)
        UserDataOpener(&userData, window->errorReporter()).tellWhereTheOldFileIs();
    return app.exec();
}
