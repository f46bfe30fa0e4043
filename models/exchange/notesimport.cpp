#include "exchange/notesimport.h"

#include "userdata/markerstore.h"
#include "userdata/notestore.h"
#include "userdata/userdatabase.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace {

// Past this many, the markers and notes here are read in one query each rather than looked up
// one by one: a backup of 500,000 markers would otherwise take minutes to compare.
constexpr qsizetype LookupLimit = 256;

// What the database holds of the file's markers and notes.
class Existing
{
public:
    Existing(const UserDatabase &database, const QList<CueUserData> &cues)
        : m_database(database)
    {
        qsizetype items = 0;
        for (const CueUserData &cue : cues)
            items += cue.markers.size() + (cue.note ? 1 : 0);
        m_readAll = items > LookupLimit;
        if (!m_readAll)
            return;
        for (const Marker &marker : database.markers()->allMarkers())
            m_markers.insert(marker.id, marker);
        for (const NoteEntry &note : database.notes()->noteEntries())
            m_notes.insert(note.cue, note);
    }

    std::optional<Marker> marker(const QString &id) const
    {
        if (!m_readAll)
            return m_database.markers()->marker(id);
        const auto found = m_markers.constFind(id);
        return found == m_markers.constEnd() ? std::nullopt : std::optional(*found);
    }

    std::optional<NoteEntry> note(const CueKey &cue) const
    {
        if (!m_readAll)
            return m_database.notes()->noteEntry(cue);
        const auto found = m_notes.constFind(cue);
        return found == m_notes.constEnd() ? std::nullopt : std::optional(*found);
    }

private:
    const UserDatabase &m_database;
    bool m_readAll = false;
    QHash<QString, Marker> m_markers;
    QHash<CueKey, NoteEntry> m_notes;
};

// What a marker says, without its times of creation and change.
bool sameContent(const Marker &a, const Marker &b)
{
    return a.cue == b.cue && a.startMs == b.startMs && a.endMs == b.endMs && a.label == b.label
        && a.themeId == b.themeId && a.kind == b.kind;
}

} // namespace

namespace NotesImport {

QString quantity(qsizetype count, const QString &one, const QString &many)
{
    return QString::number(count) + u' ' + (count == 1 ? one : many);
}

QString Summary::text() const
{
    QString text = tr("%1 and %2 imported")
                       .arg(quantity(markersImported, tr("marker"), tr("markers")),
                           quantity(notesImported, tr("note"), tr("notes")));
    if (alreadyHere > 0) {
        text += alreadyHere == 1 ? tr("; 1 was already here")
                                 : tr("; %1 were already here").arg(alreadyHere);
    }
    if (newerHere > 0) {
        text += newerHere == 1 ? tr("; 1 is newer here and was kept")
                               : tr("; %1 are newer here and were kept").arg(newerHere);
    }
    return text;
}

Plan plan(const UserDatabase &database, const QList<CueUserData> &cues)
{
    Plan plan;
    Summary &summary = plan.summary;
    const Existing existing(database, cues);
    for (const CueUserData &cue : cues) {
        if (cue.note) {
            const std::optional<NoteEntry> here = existing.note(cue.cue);
            if (!here) {
                plan.notes.append(*cue.note);
            } else if (here->text == cue.note->text) {
                ++summary.alreadyHere;
            } else if (cue.note->updatedAtMs > here->updatedAtMs) {
                plan.notes.append(*cue.note);
            } else {
                ++summary.newerHere;
            }
        }
        for (const Marker &marker : cue.markers) {
            const std::optional<Marker> here = existing.marker(marker.id);
            if (!here) {
                plan.markers.append(marker);
            } else if (sameContent(*here, marker)) {
                ++summary.alreadyHere;
            } else if (marker.updatedAtMs > here->updatedAtMs) {
                plan.markers.append(marker);
            } else {
                ++summary.newerHere;
            }
        }
    }
    summary.markersImported = int(plan.markers.size());
    summary.notesImported = int(plan.notes.size());
    return plan;
}

bool apply(UserDatabase &database, const Plan &plan)
{
    if (plan.markers.isEmpty() && plan.notes.isEmpty())
        return true;
    const QString what
        = Summary::tr("%1 and %2")
              .arg(quantity(plan.markers.size(), Summary::tr("marker"), Summary::tr("markers")),
                  quantity(plan.notes.size(), Summary::tr("note"), Summary::tr("notes")));
    return database.writeTogether(what, [&database, &plan] {
        return (plan.markers.isEmpty() || database.markers()->putMarkers(plan.markers))
            && (plan.notes.isEmpty() || database.notes()->putNoteEntries(plan.notes));
    });
}

} // namespace NotesImport
