#pragma once

#include "playqueue.h"

#include <QObject>

#include <optional>

class Player;
class PlayerBar;

// Plays a PlayQueue through the Player and keeps the PlayerBar in step: the queue decides what
// plays, the player plays it, the bar shows it. A file that will not play is reported and
// skipped; the queue moves on.
class Playback : public QObject
{
    Q_OBJECT

public:
    Playback(PlayerBar *bar, QObject *parent = nullptr);

    // Plays the tracks that have a file, from tracks[fromTrack]; false when none has one.
    bool playRelease(const QList<PlayQueue::Item> &tracks, int fromTrack = 0, qint64 startMs = 0);
    bool playCue(const PlayQueue::Item &item, qint64 startMs = 0);
    void togglePlayPause();
    // Makes the queue what it was when the app last closed, shown paused at positionMs: nothing
    // loads or sounds until the user plays. False when no track has a file.
    bool restore(
        const QList<PlayQueue::Item> &tracks, int fromTrack, qint64 positionMs, qint64 durationMs);

    qreal volume() const;
    void setVolume(qreal volume);
    // The item playing (or paused), or nullptr.
    const PlayQueue::Item *current() const { return m_queue.current(); }
    // How far the current item has played (where a restored one will start).
    qint64 position() const;
    // True while a restored item waits for the user to play it.
    bool isRestored() const { return m_restoredPosition.has_value(); }

signals:
    void currentChanged();
    void errorOccurred(const QString &message);
    // The item's file would not play; the queue has moved on.
    void itemFailed(const PlayQueue::Item &item, const QString &reason);

private:
    void apply(PlayQueue::Step step);
    void playCurrent();
    void playerFailed(const QString &message);

    PlayQueue m_queue;
    Player *m_player = nullptr;
    PlayerBar *m_bar = nullptr;
    // Set while a restored item waits for the user: where it will start.
    std::optional<qint64> m_restoredPosition;
};
