#include "commandline.h"

#include "catalog/catalogreader.h"
#include "library/libraryscanner.h"
#include "userdata/filelinkstore.h"
#include "userdata/scancachestore.h"
#include "userdata/userdatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTextStream>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QString HelpCommand = u"help"_s;
const QString VersionCommand = u"version"_s;
const QString CheckCommand = u"check-catalog"_s;
const QString ScanCommand = u"scan-folder"_s;
const QString DryRunOption = u"dry-run"_s;
const QString ExportNotesCommand = u"export-notes"_s;
const QString ImportNotesCommand = u"import-notes"_s;
const QString ExportLabelsCommand = u"export-labels"_s;
const QString ImportLabelsCommand = u"import-labels"_s;
const QString OnlyOption = u"only"_s;
const QString ThemeMapCommandName = u"theme-map"_s;
const QString OutputOption = u"output"_s;
const QString BundledCatalogPath = u":/catalogs/star-trek-picard/catalog.json"_s;
// Lets tests and scripts scan into a database of their own.
const char DatabaseVariable[] = "CUEBOOK_USER_DATABASE";

QString summaryLine(const QString &file, const Catalog &catalog)
{
    return u"%1: %2 releases, %3 tracks, %4 cues, %5 themes, %6 occurrences, %7 excerpts"_s.arg(
        file, QString::number(catalog.releases.size()), QString::number(catalog.trackCount()),
        QString::number(catalog.cues.size()), QString::number(catalog.themes.size()),
        QString::number(catalog.occurrences.size()), QString::number(catalog.excerpts.size()));
}

QString cueText(const CueKey &cue)
{
    return cue.catalogId + u'/' + cue.cueId;
}

// One tab-separated line per file, the format --help promises to scripts.
QString scanLine(const AudioFileInfo &file, const MatchResult &match, const QString &movedFrom)
{
    if (!movedFrom.isEmpty())
        return u"moved\t%1\t%2"_s.arg(movedFrom, file.path);
    switch (match.status) {
    case MatchResult::Linked:
        return u"linked\t%1\t%2"_s.arg(
            file.path, cueText({match.link.catalogId, match.link.cueId}));
    case MatchResult::Ambiguous: {
        QStringList candidates;
        for (const MatchCandidate &candidate : match.candidates)
            candidates.append(cueText({candidate.catalogId, candidate.cueId}));
        return u"ambiguous\t%1\t%2"_s.arg(file.path, candidates.join(u','));
    }
    case MatchResult::Unmatched:
        break;
    case MatchResult::Unreadable:
        return u"unreadable\t%1\t%2"_s.arg(file.path, match.reason);
    }
    return u"unmatched\t%1"_s.arg(file.path);
}

} // namespace

CommandLine::CommandLine(const QStringList &arguments)
{
    m_parser.setApplicationDescription(QCoreApplication::translate("CommandLine",
        "Cuebook: browse film and TV scores, follow "
        "their themes and play the files you own."));
    const QCommandLineOption help(
        {u"h"_s, u"help"_s}, QCoreApplication::translate("CommandLine", "Show this help."));
    const QCommandLineOption version(
        {u"v"_s, u"version"_s}, QCoreApplication::translate("CommandLine", "Show the version."));
    const QCommandLineOption check(CheckCommand,
        QCoreApplication::translate("CommandLine",
            "Check the catalog FILEs without opening a window: print each "
            "fault (on standard error), then a summary line for each valid "
            "file. Exit status 0 when every file is valid, 1 otherwise."));
    const QCommandLineOption catalog(u"catalog"_s,
        QCoreApplication::translate(
            "CommandLine", "Open the catalog FILE beside the bundled one (repeatable)."),
        u"FILE"_s);
    const QCommandLineOption scan(ScanCommand,
        QCoreApplication::translate("CommandLine",
            "Scan the music folder DIR without opening a window, store the links found in the user "
            "database (the file named by the environment variable %1, else the default one), and "
            "print one tab-separated line per audio file: \"linked PATH CATALOG_ID/CUE_ID\", "
            "\"moved OLD_PATH PATH\" (a linked file found again: its links follow it), "
            "\"ambiguous PATH CANDIDATES\" (comma-separated), \"unmatched PATH\" or "
            "\"unreadable PATH REASON\"; then a summary on standard error. Exit status 0 when the "
            "scan ran, 1 when it could not.")
            .arg(QString::fromLatin1(DatabaseVariable)),
        u"DIR"_s);
    const QCommandLineOption dryRun(DryRunOption,
        QCoreApplication::translate("CommandLine",
            "With --scan-folder: store nothing, and leave the user "
            "database alone."));
    const QCommandLineOption exportNotes(ExportNotesCommand,
        QCoreApplication::translate("CommandLine",
            "Export every note and marker of the user database (the file named by %1, else the "
            "default one) to FILE without opening a window: a JSON backup that --import-notes "
            "reads back, or Markdown to read, by the extension .json or .md. Cues of every "
            "catalog are exported, named by title where the catalog is open. Exit status 0, or 1 "
            "with nothing written.")
            .arg(QString::fromLatin1(DatabaseVariable)),
        u"FILE"_s);
    const QCommandLineOption only(OnlyOption,
        QCoreApplication::translate("CommandLine",
            "With --export-notes: export only the catalog CATALOG_ID, or only the cue "
            "CATALOG_ID/CUE_ID."),
        u"CATALOG_ID[/CUE_ID]"_s);
    const QCommandLineOption importNotes(ImportNotesCommand,
        QCoreApplication::translate("CommandLine",
            "Import the notes and markers of the JSON backup FILE into the user database without "
            "duplicates: a marker is known by its id, a note by its cue, and of two versions the "
            "later is kept. A file with any fault imports nothing. Exit status 0, or 1 with "
            "nothing changed."),
        u"FILE"_s);
    const QCommandLineOption exportLabels(ExportLabelsCommand,
        QCoreApplication::translate("CommandLine",
            "Write the markers of the cue CATALOG_ID/CUE_ID to the Audacity label file FILE "
            "(start, end and label, tab-separated, in seconds). Exit status 0, or 1 with nothing "
            "written."),
        u"CATALOG_ID/CUE_ID"_s);
    const QCommandLineOption importLabels(ImportLabelsCommand,
        QCoreApplication::translate("CommandLine",
            "Import the Audacity label file FILE as markers of the cue CATALOG_ID/CUE_ID; a label "
            "already there (same start, end and label) is not added again. A file with one bad "
            "line imports nothing, and the line is named. Exit status 0, or 1 with nothing "
            "changed."),
        u"CATALOG_ID/CUE_ID"_s);
    const QCommandLineOption themeMap(ThemeMapCommandName,
        QCoreApplication::translate("CommandLine",
            "Draw the theme map of the release CATALOG_ID/RELEASE_ID, or of the whole catalog "
            "CATALOG_ID, into the file --output names, without opening a window: PNG or SVG by "
            "its extension, themes as column labels and cue titles as row labels, with the "
            "catalog's occurrences and your markers (from the user database %1 names, else the "
            "default one). Exit status 0, or 1 with nothing written.")
            .arg(QString::fromLatin1(DatabaseVariable)),
        u"CATALOG_ID[/RELEASE_ID]"_s);
    const QCommandLineOption output(OutputOption,
        QCoreApplication::translate("CommandLine", "With --theme-map: the file to write."),
        u"FILE"_s);
    m_parser.addOptions({help, version, check, scan, dryRun, catalog, exportNotes, only,
        importNotes, exportLabels, importLabels, themeMap, output});
    m_parser.addPositionalArgument(u"FILE"_s,
        QCoreApplication::translate("CommandLine",
            "Catalog files (--check-catalog); the label file (--export-labels, "
            "--import-labels)."),
        u"[FILE...]"_s);

    if (!m_parser.parse(arguments)) {
        m_mode = Headless;
        m_parseError = m_parser.errorText();
        return;
    }
    m_files = m_parser.positionalArguments();
    m_catalogFiles = m_parser.values(catalog);
    m_dryRun = m_parser.isSet(dryRun);
    const QStringList commands {CheckCommand, ScanCommand, ExportNotesCommand, ImportNotesCommand,
        ExportLabelsCommand, ImportLabelsCommand, ThemeMapCommandName};
    QStringList given;
    for (const QString &command : commands) {
        if (m_parser.isSet(command))
            given.append(u"--"_s + command);
    }
    if (m_parser.isSet(help))
        m_command = HelpCommand;
    else if (m_parser.isSet(version))
        m_command = VersionCommand;
    else if (m_parser.isSet(check))
        m_command = CheckCommand;
    else if (m_parser.isSet(scan))
        m_command = ScanCommand;
    else if (!given.isEmpty())
        m_command = given.constFirst().mid(2);
    else if (m_dryRun)
        m_parseError
            = QCoreApplication::translate("CommandLine", "--dry-run goes with --scan-folder DIR.");

    if (given.size() > 1 && m_command != HelpCommand && m_command != VersionCommand) {
        m_parseError = QCoreApplication::translate("CommandLine", "%1 and %2 do not go together.")
                           .arg(given.at(0), given.at(1));
    } else if (m_parser.isSet(output) && m_command != ThemeMapCommandName) {
        m_parseError = QCoreApplication::translate(
            "CommandLine", "--output goes with --theme-map CATALOG_ID[/RELEASE_ID].");
    } else if (m_command == ThemeMapCommandName) {
        m_themeMap
            = ThemeMapCommand {m_parser.value(themeMap), m_parser.value(output), m_catalogFiles};
        if (!m_files.isEmpty())
            m_parseError = QCoreApplication::translate("CommandLine",
                "Unexpected argument \"%1\"; --theme-map writes the file --output names.")
                               .arg(m_files.constFirst());
    } else if (m_parser.isSet(only) && m_command != ExportNotesCommand) {
        m_parseError
            = QCoreApplication::translate("CommandLine", "--only goes with --export-notes FILE.");
    } else if (m_command == ExportNotesCommand || m_command == ImportNotesCommand
        || m_command == ExportLabelsCommand || m_command == ImportLabelsCommand) {
        parseExchange(m_files);
    } else if (m_command == ScanCommand) {
        m_scanFolder = m_parser.value(scan);
        if (m_scanFolder.isEmpty())
            m_parseError
                = QCoreApplication::translate("CommandLine", "--scan-folder needs a folder DIR.");
        else if (!m_files.isEmpty())
            m_parseError = QCoreApplication::translate("CommandLine",
                "Unexpected argument \"%1\"; "
                "--scan-folder scans one folder.")
                               .arg(m_files.constFirst());
    } else if (m_command.isEmpty() && m_parseError.isEmpty() && !m_files.isEmpty())
        m_parseError = QCoreApplication::translate("CommandLine",
            "Unexpected argument \"%1\"; to open a catalog, "
            "use --catalog FILE.")
                           .arg(m_files.constFirst());
    m_mode = (m_command.isEmpty() && m_parseError.isEmpty()) ? Gui
        : m_themeMap && m_parseError.isEmpty()               ? HeadlessDrawing
                                                             : Headless;
}

// The exchange commands' values: the option's (a FILE, or a CATALOG_ID/CUE_ID for labels, whose
// FILE then comes as the one positional argument).
void CommandLine::parseExchange(const QStringList &fileArguments)
{
    ExchangeCommand exchange;
    exchange.catalogFiles = m_catalogFiles;
    const QString value = m_parser.value(m_command);
    const bool labels = m_command == ExportLabelsCommand || m_command == ImportLabelsCommand;
    exchange.kind = m_command == ExportNotesCommand ? ExchangeCommand::ExportNotes
        : m_command == ImportNotesCommand           ? ExchangeCommand::ImportNotes
        : m_command == ExportLabelsCommand          ? ExchangeCommand::ExportLabels
                                                    : ExchangeCommand::ImportLabels;
    if (labels) {
        exchange.cue = value;
        if (fileArguments.size() != 1) {
            m_parseError = QCoreApplication::translate(
                "CommandLine", "--%1 CATALOG_ID/CUE_ID needs one label FILE after it.")
                               .arg(m_command);
            return;
        }
        exchange.file = fileArguments.constFirst();
    } else {
        exchange.file = value;
        exchange.cue = m_parser.value(OnlyOption);
        if (!fileArguments.isEmpty()) {
            m_parseError = QCoreApplication::translate(
                "CommandLine", "Unexpected argument \"%1\"; --%2 takes one FILE.")
                               .arg(fileArguments.constFirst(), m_command);
            return;
        }
    }
    m_exchange = exchange;
}

int CommandLine::run(QTextStream &out, QTextStream &err) const
{
    if (!m_parseError.isEmpty()) {
        err << m_parseError << '\n'
            << QCoreApplication::translate("CommandLine", "Try \"cuebook --help\".") << '\n';
        return 2;
    }
    if (m_command == HelpCommand) {
        // Built here, not in the constructor: the usage line needs the application's file path.
        out << m_parser.helpText();
        return 0;
    }
    if (m_command == VersionCommand) {
        out << "cuebook " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    if (m_command == ScanCommand)
        return scanFolder(out, err);
    if (m_exchange)
        return m_exchange->run(out, err);
    if (m_themeMap)
        return m_themeMap->run(out, err);
    return checkCatalogs(out, err);
}

int CommandLine::checkCatalogs(QTextStream &out, QTextStream &err) const
{
    if (m_files.isEmpty()) {
        err << QCoreApplication::translate(
            "CommandLine", "--check-catalog needs at least one catalog FILE.")
            << '\n';
        return 2;
    }
    bool allValid = true;
    for (const QString &file : m_files) {
        CatalogReader reader;
        const bool valid = reader.read(file);
        for (const QString &warning : reader.warnings())
            err << warning << '\n';
        for (const QString &error : reader.errors())
            err << error << '\n';
        err.flush();
        if (valid)
            out << summaryLine(file, reader.catalog()) << '\n';
        out.flush();
        allValid = allValid && valid;
    }
    return allValid ? 0 : 1;
}

int CommandLine::scanFolder(QTextStream &out, QTextStream &err) const
{
    const auto fail = [&err](const QString &message) {
        err << message << '\n';
        err.flush();
        return 1;
    };

    const QFileInfo folderInfo(m_scanFolder);
    if (!folderInfo.exists())
        return fail(
            QCoreApplication::translate("CommandLine", "%1: no such folder").arg(m_scanFolder));
    if (!folderInfo.isDir())
        return fail(
            QCoreApplication::translate("CommandLine", "%1: not a folder").arg(m_scanFolder));
    if (!folderInfo.isReadable() || !folderInfo.isExecutable())
        return fail(QCoreApplication::translate("CommandLine", "%1: folder cannot be read")
                        .arg(m_scanFolder));
    // The key of the known files in the database: the scanner's own spelling of the folder.
    const QString folder = QDir::cleanPath(folderInfo.absoluteFilePath());

    QList<Catalog> catalogs;
    bool catalogsValid = true;
    for (const QString &file : QStringList {BundledCatalogPath} + m_catalogFiles) {
        CatalogReader reader;
        const bool valid = reader.read(file);
        for (const QString &warning : reader.warnings())
            err << warning << '\n';
        for (const QString &error : reader.errors())
            err << error << '\n';
        if (valid)
            catalogs.append(reader.takeCatalog());
        catalogsValid = catalogsValid && valid;
    }
    err.flush();
    if (!catalogsValid)
        return 1;

    // Opened before the scan, so that a database that cannot be used costs no scan; --dry-run
    // never touches it, not even to create it.
    UserDatabase database;
    QHash<QString, AudioFileInfo> known;
    QList<AudioFileInfo> linkedFiles;
    if (!m_dryRun) {
        QString path = qEnvironmentVariable(DatabaseVariable);
        if (path.isEmpty())
            path = UserDatabase::defaultPath();
        if (!database.open(path))
            return fail(QCoreApplication::translate(
                "CommandLine", "%1: the user database cannot be opened: %2")
                            .arg(path, database.errorString()));
        known = database.scanCache()->knownFiles(folder);
        linkedFiles = database.fileLinks()->linkedFiles();
    }

    LibraryScanner scanner;
    scanner.setCatalogs(catalogs);
    scanner.setLinkedFiles(linkedFiles);
    QEventLoop loop;
    std::optional<ScanResult> result;
    QString scanError;
    QObject::connect(&scanner, &LibraryScanner::finished, &loop, [&](const ScanResult &scanned) {
        result = scanned;
        loop.quit();
    });
    QObject::connect(&scanner, &LibraryScanner::errorOccurred, &loop, [&](const QString &message) {
        scanError = message;
        loop.quit();
    });
    QObject::connect(&scanner, &LibraryScanner::canceled, &loop, &QEventLoop::quit);
    if (!scanner.scan(folder, known))
        return fail(
            QCoreApplication::translate("CommandLine", "%1: the scan could not start").arg(folder));
    loop.exec();
    if (!result)
        return fail(scanError.isEmpty()
                ? QCoreApplication::translate("CommandLine", "%1: the scan was canceled")
                      .arg(folder)
                : u"%1: %2"_s.arg(folder, scanError));

    QList<FileLink> links;
    QHash<QString, AudioFileInfo> moves;
    for (qsizetype i = 0; i < result->files.size(); ++i) {
        const AudioFileInfo &file = result->files.at(i);
        const MatchResult &match = result->matches.at(i);
        const QString movedFrom = result->movedFrom.value(i);
        out << scanLine(file, match, movedFrom) << '\n';
        if (!movedFrom.isEmpty())
            moves.insert(movedFrom, file);
        else if (match.status == MatchResult::Linked)
            links.append({{match.link.catalogId, match.link.cueId}, file, {}, {}, false});
    }
    out.flush();

    QString stored;
    if (m_dryRun) {
        stored = QCoreApplication::translate("CommandLine", "not stored (--dry-run)");
    } else {
        // Links first: known files stored without their links would make the next scan skip
        // the files whose links were lost. Moves before new links, so that none is doubled.
        if (!database.fileLinks()->relinkMovedFiles(moves)
            || !database.fileLinks()->storeLinks(links)
            || !database.scanCache()->storeKnownFiles(folder, result->files))
            return fail(database.errorString());
        stored
            = QCoreApplication::translate("CommandLine", "stored in %1").arg(database.filePath());
    }
    err << QCoreApplication::translate("CommandLine",
        "Scanned %1 audio files in %2: %3 linked, %4 moved, %5 ambiguous, "
        "%6 unmatched, %7 unreadable (%8 unchanged since the last "
        "scan); links %9")
               .arg(QString::number(result->files.size()), folder,
                   QString::number(result->linkedCount), QString::number(result->movedCount),
                   QString::number(result->ambiguousCount), QString::number(result->unmatchedCount),
                   QString::number(result->unreadableCount), QString::number(result->reusedCount),
                   stored)
        << '\n';
    err.flush();
    return 0;
}
