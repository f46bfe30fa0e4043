#include "itemmodels/userdatatracker.h"

#include "itemmodels/catalogmodel.h"
#include "userdata/markerstore.h"
#include "userdata/notestore.h"
#include "userdata/userdatabase.h"

UserDataTracker::UserDataTracker(CatalogModel *catalogs, QObject *parent)
    : QObject(parent)
    , m_catalogs(catalogs)
{
    Q_ASSERT(catalogs);
    m_column.setCueLocator([catalogs](const CueKey &cue) {
        const Catalog *catalog = catalogs->catalog(cue.catalogId);
        return catalog ? catalog->cueIndex(cue.cueId) : -1;
    });
    // File states set before now (none, in the window) are read once.
    for (const Catalog &catalog : catalogs->catalogs()) {
        for (const Cue &cue : catalog.cues) {
            if (catalogs->fileState({catalog.id, cue.id}) != FileState::None)
                m_column.setFlag({catalog.id, cue.id}, SearchTerm::HasFile, true);
        }
    }
    connect(catalogs, &CatalogModel::catalogsChanged, this, &UserDataTracker::catalogsChanged);
    connect(catalogs, &CatalogModel::fileStateChanged, this, &UserDataTracker::fileStateChanged);
}

void UserDataTracker::setUserData(const UserDatabase *userData)
{
    if (m_userData) {
        disconnect(m_userData->notes(), nullptr, this, nullptr);
        disconnect(m_userData->markers(), nullptr, this, nullptr);
    }
    // Notes and markers come from the database; file states from the model, and they stay.
    for (const CueKey &cue : m_column.cuesWith(SearchTerm::HasNote)) {
        m_column.setNote(cue, {});
        m_catalogs->setNoteState(cue, false);
    }
    for (const CueKey &cue : m_column.cuesWith(SearchTerm::HasMarker))
        m_column.setFlag(cue, SearchTerm::HasMarker, false);
    m_userData = userData;
    if (!userData || !userData->isOpen()) {
        emit changed();
        return;
    }

    // Every note in one query, those kept in memory as the user wrote them.
    for (const NoteEntry &note : userData->notes()->noteEntries())
        m_column.setNote(note.cue, note.text);
    for (const CueKey &cue : userData->markers()->cuesWithMarkers())
        m_column.setFlag(cue, SearchTerm::HasMarker, true);
    markOpenCatalogs();
    emit changed();

    connect(userData->notes(), &NoteStore::noteChanged, this, &UserDataTracker::noteChanged);
    connect(
        userData->markers(), &MarkerStore::markersChanged, this, &UserDataTracker::markersChanged);
}

void UserDataTracker::noteChanged(const CueKey &cue)
{
    const QString note = m_userData->notes()->note(cue);
    m_column.setNote(cue, note);
    m_catalogs->setNoteState(cue, !note.isEmpty());
    emit changed();
}

void UserDataTracker::markersChanged(const CueKey &cue)
{
    m_column.setFlag(cue, SearchTerm::HasMarker, !m_userData->markers()->markers(cue).isEmpty());
    emit changed();
}

void UserDataTracker::fileStateChanged(const CueKey &cue)
{
    m_column.setFlag(cue, SearchTerm::HasFile, m_catalogs->fileState(cue) != FileState::None);
    emit changed();
}

// The cues of a catalog that opens are found in it; those of one that closes are not found.
void UserDataTracker::catalogsChanged()
{
    m_column.relocate();
    markOpenCatalogs();
    emit changed();
}

// A catalog that opens starts without marks; its notes are in the column already. The model
// ignores the cues of catalogs that are not open, and emits nothing for a mark already there.
void UserDataTracker::markOpenCatalogs()
{
    for (const CueKey &cue : m_column.cuesWith(SearchTerm::HasNote))
        m_catalogs->setNoteState(cue, true);
}
