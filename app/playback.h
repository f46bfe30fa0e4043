#pragma once

#include "navigation/location.h"
#include "playback/playqueue.h"

#include <QObject>

#include <optional>

class CatalogModel;
class Player;
class PlayerBar;
class QSettings;
class UserDatabase;
struct Track;

// Plays the open catalogs' cues from the files linked to them, and keeps the PlayerBar in step:
// the queue decides what plays, the player plays it, the bar shows it. A file that will not play
// is reported and skipped; the queue moves on.
class Playback : public QObject
{
    Q_OBJECT

public:
    // userData may be nullptr: then no cue has a file, and every play says how to link one.
    Playback(const CatalogModel *catalogs, const UserDatabase *userData, PlayerBar *bar,
        QObject *parent = nullptr);

    // A cue: its release from that cue on, in album order, the tracks that have a file; the cue
    // itself must have one. A release: all of it. False, with errorOccurred saying why, when
    // nothing can play.
    bool playRelease(const Location &location);
    // The one cue from startMs (a theme's entrance), and nothing after it.
    bool playCue(const Location &cue, qint64 startMs = 0);
    void togglePlayPause();
    // Moves the current item to ms; for a restored item, where it will start. Nothing queued:
    // nothing happens.
    void seek(qint64 ms);

    qreal volume() const;
    void setVolume(qreal volume);
    // The item playing (or paused), or nullptr.
    const PlayQueue::Item *current() const { return m_queue.current(); }
    // How far the current item has played (where a restored one will start).
    qint64 position() const;
    // True while a restored item waits for the user to play it.
    bool isRestored() const { return m_restoredPosition.has_value(); }

    // The volume, and the cue that plays and where, for the next start.
    void saveSession(QSettings &settings) const;
    void restoreVolume(const QSettings &settings);
    // Queues the cue that played last, paused where it was: nothing loads or sounds until the
    // user plays. False when it is gone, or has no file now. Call once its catalog is open.
    bool restoreSession(const QSettings &settings);

signals:
    void currentChanged();
    // How far the current item has played, as the player says it (the cue timeline follows it).
    void positionChanged(qint64 ms);
    void errorOccurred(const QString &message);
    // The item's file would not play; the queue has moved on.
    void itemFailed(const PlayQueue::Item &item, const QString &reason);

private:
    PlayQueue::Item queueItem(const Location &cue, const Track &track) const;
    // The tracks of the cue's release, and the index of the cue's track (-1 when not on it).
    std::pair<QList<PlayQueue::Item>, int> releaseItems(const Location &cue) const;
    void apply(PlayQueue::Step step);
    void playCurrent();
    void playerFailed(const QString &message);

    const CatalogModel *m_catalogs = nullptr;
    const UserDatabase *m_userData = nullptr;
    PlayQueue m_queue;
    Player *m_player = nullptr;
    PlayerBar *m_bar = nullptr;
    // Set while a restored item waits for the user: where it will start.
    std::optional<qint64> m_restoredPosition;
};
