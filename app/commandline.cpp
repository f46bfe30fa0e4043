#include "commandline.h"

#include "catalogreader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

const QString HelpCommand = u"help"_s;
const QString VersionCommand = u"version"_s;
const QString CheckCommand = u"check-catalog"_s;

QString summaryLine(const QString &file, const Catalog &catalog)
{
    return u"%1: %2 releases, %3 tracks, %4 cues, %5 themes, %6 occurrences, %7 excerpts"_s.arg(
        file, QString::number(catalog.releases.size()), QString::number(catalog.trackCount()),
        QString::number(catalog.cues.size()), QString::number(catalog.themes.size()),
        QString::number(catalog.occurrences.size()), QString::number(catalog.excerpts.size()));
}

} // namespace

CommandLine::CommandLine(const QStringList &arguments)
{
    m_parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine", "Cuebook: browse film and TV scores, follow "
                                                   "their themes and play the files you own."));
    const QCommandLineOption help({u"h"_s, u"help"_s},
                                  QCoreApplication::translate("CommandLine", "Show this help."));
    const QCommandLineOption version({u"v"_s, u"version"_s},
                                     QCoreApplication::translate("CommandLine", "Show the version."));
    const QCommandLineOption check(
        CheckCommand,
        QCoreApplication::translate("CommandLine",
                                    "Check the catalog FILEs without opening a window: print each "
                                    "fault (on standard error), then a summary line for each valid "
                                    "file. Exit status 0 when every file is valid, 1 otherwise."));
    const QCommandLineOption catalog(
        u"catalog"_s,
        QCoreApplication::translate("CommandLine",
                                    "Open the catalog FILE beside the bundled one (repeatable)."),
        u"FILE"_s);
    m_parser.addOptions({help, version, check, catalog});
    m_parser.addPositionalArgument(u"FILE"_s,
                                 QCoreApplication::translate("CommandLine", "Catalog files."),
                                 u"[FILE...]"_s);

    if (!m_parser.parse(arguments)) {
        m_mode = Headless;
        m_parseError = m_parser.errorText();
        return;
    }
    m_files = m_parser.positionalArguments();
    m_catalogFiles = m_parser.values(catalog);
    if (m_parser.isSet(help))
        m_command = HelpCommand;
    else if (m_parser.isSet(version))
        m_command = VersionCommand;
    else if (m_parser.isSet(check))
        m_command = CheckCommand;
    else if (!m_files.isEmpty())
        m_parseError = QCoreApplication::translate("CommandLine",
                                                   "Unexpected argument \"%1\"; to open a catalog, "
                                                   "use --catalog FILE.")
                           .arg(m_files.constFirst());
    m_mode = (m_command.isEmpty() && m_parseError.isEmpty()) ? Gui : Headless;
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
    return checkCatalogs(out, err);
}

int CommandLine::checkCatalogs(QTextStream &out, QTextStream &err) const
{
    if (m_files.isEmpty()) {
        err << QCoreApplication::translate("CommandLine",
                                           "--check-catalog needs at least one catalog FILE.")
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
