#include "notesexchanger.h"

#include "errorreporter.h"
#include "itemmodels/catalogmodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>

using namespace Qt::StringLiterals;

namespace {

constexpr int StatusTimeoutMs = 10'000;

} // namespace

NotesExchanger::NotesExchanger(
    UserDatabase *userData, CatalogModel *catalogs, ErrorReporter *errors, QObject *parent)
    : QObject(parent)
    , m_userData(userData)
    , m_catalogs(catalogs)
    , m_errors(errors)
{ }

bool NotesExchanger::canExchangeLabels(const Location &location) const
{
    return isAvailable() && location.kind == Location::Cue;
}

void NotesExchanger::chooseNotesExport()
{
    if (!isAvailable())
        return;
    const QString json = tr("Cuebook notes backup (*.json)");
    const QString markdown = tr("Markdown, to read (*.md)");
    QString filter = json;
    QString file = QFileDialog::getSaveFileName(m_errors->window(), tr("Export Notes"),
        QDir::home().filePath(u"cuebook-notes.json"_s), json + u";;"_s + markdown, &filter);
    if (file.isEmpty())
        return;
    // The filter chosen decides, and gives the file its extension when it has another.
    const NotesExchange::Format format
        = filter == markdown ? NotesExchange::Format::Markdown : NotesExchange::Format::Json;
    if (NotesExchange::formatOf(file) != format)
        file += format == NotesExchange::Format::Json ? u".json"_s : u".md"_s;
    exportNotes(file, format);
}

void NotesExchanger::chooseNotesImport()
{
    if (!isAvailable())
        return;
    const QString file = QFileDialog::getOpenFileName(m_errors->window(), tr("Import Notes"),
        QString(), tr("Cuebook notes backup (*.json);;All files (*)"));
    if (!file.isEmpty())
        importNotes(file);
}

void NotesExchanger::chooseLabelsExport(const Location &cue)
{
    if (!canExchangeLabels(cue))
        return;
    const QString file = QFileDialog::getSaveFileName(m_errors->window(),
        tr("Export Audacity Labels"), QDir::home().filePath(cue.id.section(u'/', -1) + u".txt"_s),
        tr("Audacity labels (*.txt);;All files (*)"));
    if (!file.isEmpty())
        exportLabels(cue.cueKey(), file);
}

void NotesExchanger::chooseLabelsImport(const Location &cue)
{
    if (!canExchangeLabels(cue))
        return;
    const QString file = QFileDialog::getOpenFileName(m_errors->window(),
        tr("Import Audacity Labels"), QString(), tr("Audacity labels (*.txt);;All files (*)"));
    if (!file.isEmpty())
        importLabels(cue.cueKey(), file);
}

bool NotesExchanger::exportNotes(const QString &filePath, NotesExchange::Format format)
{
    return isAvailable()
        && tell(exchange().exportNotes(filePath, format), tr("Notes Not Exported"));
}

bool NotesExchanger::importNotes(const QString &filePath)
{
    return isAvailable() && tell(exchange().importNotes(filePath), tr("Notes Not Imported"));
}

bool NotesExchanger::exportLabels(const CueKey &cue, const QString &filePath)
{
    return isAvailable() && tell(exchange().exportLabels(cue, filePath), tr("Labels Not Exported"));
}

bool NotesExchanger::importLabels(const CueKey &cue, const QString &filePath)
{
    return isAvailable() && tell(exchange().importLabels(cue, filePath), tr("Labels Not Imported"));
}

NotesExchange NotesExchanger::exchange() const
{
    return NotesExchange(
        m_userData, m_catalogs->catalogs(), QCoreApplication::applicationVersion());
}

bool NotesExchanger::tell(const NotesExchange::Outcome &outcome, const QString &failureTitle)
{
    if (!outcome.ok) {
        m_errors->reportBlocking(failureTitle, outcome.message, outcome.details);
        return false;
    }
    // Keys a newer revision added are no fault, but the user should know some were skipped.
    const qsizetype skipped = outcome.details.size();
    const QString warnings = skipped == 0 ? QString()
        : skipped == 1                    ? tr(" (1 key this version does not know was skipped)")
                       : tr(" (%1 keys this version does not know were skipped)").arg(skipped);
    m_errors->showStatus(outcome.message + warnings, StatusTimeoutMs);
    return true;
}
