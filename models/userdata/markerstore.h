#pragma once

#include "catalog/cuekey.h"
#include "userdata/marker.h"
#include "userdata/userdatastore.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

// The user's markers on cues, in the user database, keyed by their ids. Reached through
// UserDatabase::markers(). A change whose write fails (a full disk, a read-only folder) is kept
// in memory, over what the file holds: every read shows it, the next write or
// UserDatabase::retryPendingWrites() saves all that is kept in one transaction, and
// UserDatabase::errorOccurred tells the first failure of a run.
class MarkerStore : public UserDataStore
{
    Q_OBJECT

public:
    explicit MarkerStore(UserDatabase *database);

    // In the order heard: by start, then end, then label.
    QList<Marker> markers(const CueKey &cue) const;
    // Every marker that names the theme, by cue then start.
    QList<Marker> markersOfTheme(const QString &catalogId, const QString &themeId) const;
    // Every marker of the catalog that names a theme, by cue then start: one query, for counting
    // every theme at once.
    QList<Marker> themeMarkers(const QString &catalogId) const;
    std::optional<Marker> marker(const QString &id) const;
    QList<CueKey> cuesWithMarkers() const;
    int markerCount() const;
    // Every marker, by catalog and cue, each cue's in the order heard: one query, for exports and
    // imports of a whole database.
    QList<Marker> allMarkers() const;

    // Adds the marker, or replaces the one with its id (it may move to another cue). An empty
    // id, a negative start or an end before the start is refused. The marker's times of
    // creation and change are kept as given; zero means now. False when it is refused, or not
    // on disk (it is then kept, and errorString() says why).
    bool putMarker(const Marker &marker);
    // All or none, in one transaction: an import either lands whole or leaves the file as it
    // was (and is then kept in memory whole, to land whole later).
    bool putMarkers(const QList<Marker> &markers);
    // Removing a marker that is not there changes nothing and succeeds.
    bool removeMarker(const QString &id);
    // All or none, in one transaction, as removeMarker() does each: what the user deletes at once
    // comes back at once.
    bool removeMarkers(const QStringList &ids);

    bool hasPendingWrites() const override { return !m_pending.isEmpty(); }
    // True when the marker's last change is kept in memory, not yet on disk: a write that
    // returned false for it then took effect for the user all the same.
    bool isKept(const QString &id) const { return m_pending.contains(id); }
    QStringList pendingWrites() const override;

signals:
    // For each cue whose markers were added, changed or removed, on disk or in memory.
    void markersChanged(const CueKey &cue);

protected:
    bool writePending() override;
    void discardPending() override;

private:
    // A change not yet on disk: the marker to put, or the one removed.
    struct PendingMarker
    {
        Marker marker;
        bool removed = false;
    };

    bool upsert(const QList<Marker> &markers);
    bool validate(const Marker &marker) const;
    std::optional<Marker> storedMarker(const QString &id) const;
    // rows, less the markers changed in memory, plus those kept for put that keep() accepts.
    QList<Marker> overlaid(QList<Marker> rows, const std::function<bool(const Marker &)> &keep,
        const std::function<bool(const Marker &, const Marker &)> &lessThan) const;
    static QString describe(const Marker &marker, bool removed);

    // By marker id.
    QHash<QString, PendingMarker> m_pending;
};
