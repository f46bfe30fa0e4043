#pragma once

#include "catalog/cuekey.h"
#include "userdata/marker.h"
#include "userdata/userdatastore.h"

#include <QList>
#include <QString>

#include <optional>

// The user's markers on cues, in the user database, keyed by their ids. Reached through
// UserDatabase::markers(); a failed write returns false, changes nothing, and reaches
// UserDatabase::errorOccurred.
class MarkerStore : public UserDataStore
{
    Q_OBJECT

public:
    explicit MarkerStore(UserDatabase *database);

    // In the order heard: by start, then end, then label.
    QList<Marker> markers(const CueKey &cue) const;
    // Every marker that names the theme, by cue then start.
    QList<Marker> markersOfTheme(const QString &catalogId, const QString &themeId) const;
    std::optional<Marker> marker(const QString &id) const;
    QList<CueKey> cuesWithMarkers() const;
    int markerCount() const;
    // Every marker, by catalog and cue, each cue's in the order heard: one query, for exports and
    // imports of a whole database.
    QList<Marker> allMarkers() const;

    // Adds the marker, or replaces the one with its id (it may move to another cue). An empty
    // id, a negative start or an end before the start is refused. The marker's times of
    // creation and change are kept as given; zero means now.
    bool putMarker(const Marker &marker);
    // All or none, in one transaction: an import either lands whole or leaves the file as it was.
    bool putMarkers(const QList<Marker> &markers);
    // Removing a marker that is not there changes nothing and succeeds.
    bool removeMarker(const QString &id);
    // All or none, in one transaction, as removeMarker() does each: what the user deletes at once
    // comes back at once.
    bool removeMarkers(const QStringList &ids);

signals:
    // For each cue whose markers were added, changed or removed.
    void markersChanged(const CueKey &cue);

private:
    bool write(const QList<Marker> &markers);
    bool validate(const Marker &marker) const;
};
