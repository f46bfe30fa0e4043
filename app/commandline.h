#pragma once

#include "exchangecommand.h"
#include "thememapcommand.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

class QTextStream;

// The command line: parses every option once, runs the headless commands (--check-catalog,
// --scan-folder, the imports and exports of notes and labels, --theme-map, --help, --version)
// without a display, and hands the GUI its options (--catalog).
class CommandLine
{
public:
    // HeadlessDrawing: no window, but fonts and painting (the offscreen platform).
    enum Mode { Gui, Headless, HeadlessDrawing };

    explicit CommandLine(const QStringList &arguments);
    Q_DISABLE_COPY_MOVE(CommandLine)

    // Decided before any QApplication exists, so that headless commands never need a display.
    Mode mode() const { return m_mode; }

    // Runs a headless command and returns the process exit status.
    int run(QTextStream &out, QTextStream &err) const;

    // Catalog files to open beside the bundled one (--catalog FILE, repeatable).
    QStringList catalogFiles() const { return m_catalogFiles; }

private:
    int checkCatalogs(QTextStream &out, QTextStream &err) const;
    int scanFolder(QTextStream &out, QTextStream &err) const;
    void parseExchange(const QStringList &fileArguments);

    Mode m_mode = Gui;
    QString m_command;
    QString m_parseError;
    QCommandLineParser m_parser;
    QStringList m_files;
    QStringList m_catalogFiles;
    QString m_scanFolder;
    bool m_dryRun = false;
    std::optional<ExchangeCommand> m_exchange;
    std::optional<ThemeMapCommand> m_themeMap;
};
