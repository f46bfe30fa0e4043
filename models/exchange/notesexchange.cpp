#include "exchange/notesexchange.h"

#include "exchange/audacitylabels.h"
#include "exchange/catalognames.h"
#include "exchange/notesimport.h"
#include "exchange/notesjson.h"
#include "exchange/notesjsonreader.h"
#include "exchange/notesmarkdown.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;
using NotesImport::quantity;

NotesExchange::NotesExchange(
    UserDatabase *database, const QList<Catalog> &catalogs, const QString &appVersion)
    : m_database(database)
    , m_catalogs(catalogs)
    , m_appVersion(appVersion)
{ }

std::optional<NotesExchange::Format> NotesExchange::formatOf(const QString &filePath)
{
    const QString suffix = QFileInfo(filePath).suffix().toLower();
    if (suffix == u"json"_s)
        return Format::Json;
    if (suffix == u"md"_s)
        return Format::Markdown;
    return std::nullopt;
}

NotesExchange::Outcome NotesExchange::exportNotes(
    const QString &filePath, Format format, const CueScope &scope) const
{
    const CatalogNames names(m_catalogs);
    const QList<CueUserData> cues = CueUserDataList::collect(*m_database, names, scope);
    const NotesJson::Header header {QDateTime::currentMSecsSinceEpoch(), m_appVersion};
    qsizetype notes = 0;
    qsizetype markers = 0;
    for (const CueUserData &cue : cues) {
        notes += cue.note ? 1 : 0;
        markers += cue.markers.size();
    }
    const QByteArray contents = format == Format::Json ? NotesJson::write(cues, header)
                                                       : NotesMarkdown::write(cues, names, header);
    // A backup that could not be imported again would be no backup.
    if (format == Format::Json && contents.size() > NotesJsonReader::MaxFileSize) {
        return {false,
            tr("“%1” was not written: the backup would take %2 MiB, and an import reads up to %3 "
               "MiB. Export one catalog at a time (cuebook --export-notes FILE --only CATALOG_ID).")
                .arg(filePath)
                .arg(contents.size() / (1024 * 1024) + 1)
                .arg(NotesJsonReader::MaxFileSize / (1024 * 1024)),
            {}};
    }
    return writeFile(filePath, contents,
        tr("Exported %1 and %2 on %3 to “%4”.")
            .arg(quantity(notes, tr("note"), tr("notes")),
                quantity(markers, tr("marker"), tr("markers")),
                quantity(cues.size(), tr("cue"), tr("cues")), filePath));
}

NotesExchange::Outcome NotesExchange::importNotes(const QString &filePath)
{
    NotesJsonReader reader;
    if (!reader.read(filePath)) {
        return {false,
            tr("“%1” was not imported: %2. Nothing was changed.")
                .arg(filePath,
                    reader.errors().size() == 1
                        ? tr("it has a fault")
                        : tr("it has %1 faults").arg(reader.errors().size())),
            reader.errors() + reader.warnings()};
    }
    const NotesImport::Plan plan = NotesImport::plan(*m_database, reader.cues());
    if (!NotesImport::apply(*m_database, plan)) {
        return {false,
            tr("“%1” was not imported: %2 Nothing was changed.")
                .arg(filePath, m_database->errorString()),
            reader.warnings()};
    }
    return {true, tr("%1 (from “%2”).").arg(plan.summary.text(), filePath), reader.warnings()};
}

NotesExchange::Outcome NotesExchange::exportLabels(const CueKey &cue, const QString &filePath) const
{
    const QList<Marker> markers = m_database->markers()->markers(cue);
    return writeFile(filePath, AudacityLabels::write(markers),
        tr("Exported %1 of %2 to “%3”.")
            .arg(quantity(markers.size(), tr("label"), tr("labels")), CueUserDataList::cueText(cue),
                filePath));
}

NotesExchange::Outcome NotesExchange::importLabels(const CueKey &cue, const QString &filePath)
{
    AudacityLabels file;
    if (!file.read(filePath)) {
        return {false,
            tr("“%1” was not imported: %2. Nothing was changed.")
                .arg(filePath,
                    file.errors().size() == 1 ? tr("it has a fault")
                                              : tr("it has %1 faults").arg(file.errors().size())),
            file.errors()};
    }
    const AudacityLabels::Import import
        = AudacityLabels::plan(cue, file.labels(), m_database->markers()->markers(cue));
    if (!import.markers.isEmpty() && !m_database->markers()->putMarkers(import.markers)) {
        return {false,
            tr("“%1” was not imported: %2 Nothing was changed.")
                .arg(filePath, m_database->errorString()),
            {}};
    }
    QString message = tr("%1 imported into %2")
                          .arg(quantity(import.markers.size(), tr("marker"), tr("markers")),
                              CueUserDataList::cueText(cue));
    if (import.alreadyHere > 0) {
        message += import.alreadyHere == 1 ? tr("; 1 was already here")
                                           : tr("; %1 were already here").arg(import.alreadyHere);
    }
    return {true, tr("%1 (from “%2”).").arg(message, filePath), {}};
}

NotesExchange::Outcome NotesExchange::writeFile(
    const QString &filePath, const QByteArray &contents, const QString &done)
{
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size()
        || !file.commit()) {
        return {false,
            tr("“%1” could not be written (%2). Nothing was written.")
                .arg(filePath, file.errorString()),
            {}};
    }
    return {true, done, {}};
}
