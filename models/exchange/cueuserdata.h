#pragma once

#include "catalog/cuekey.h"
#include "userdata/marker.h"
#include "userdata/notestore.h"

#include <QList>
#include <QString>

#include <optional>

class CatalogNames;
class UserDatabase;

// The user's data on one cue as a backup or a shared text carries it: the note, the markers in
// the order heard, and (for whoever reads the file) the titles of the cue and its catalog, empty
// when that catalog is not open.
struct CueUserData
{
    CueKey cue;
    QString catalogTitle;
    QString cueTitle;
    std::optional<NoteEntry> note;
    QList<Marker> markers;

    friend bool operator==(const CueUserData &, const CueUserData &) = default;
};

// The cues an export covers: every cue, every cue of one catalog, or one cue.
struct CueScope
{
    // Empty: every catalog.
    QString catalogId;
    // Empty: every cue of the catalog.
    QString cueId;

    bool contains(const CueKey &cue) const;
};

namespace CueUserDataList {

// "CATALOG_ID/CUE_ID" as the command line and messages write a cue. The catalog id holds no
// slash; the cue id may (a track's implicit cue, "release/1-3"). nullopt when either is empty.
std::optional<CueKey> parseCue(QStringView text);
QString cueText(const CueKey &cue);

// Every cue of scope with a note or a marker, whether its catalog is open or not (the database
// is keyed by ids): by catalog id, then in the catalog's order of cues where it is open, by cue
// id where it is not.
QList<CueUserData> collect(
    const UserDatabase &database, const CatalogNames &names, const CueScope &scope = {});

} // namespace CueUserDataList
