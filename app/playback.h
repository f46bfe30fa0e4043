#pragma once

#include "playqueue.h"

#include <QObject>

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

    qreal volume() const;
    void setVolume(qreal volume);
    // The item playing (or paused), or nullptr.
    const PlayQueue::Item *current() const { return m_queue.current(); }

signals:
    void currentChanged();
    void errorOccurred(const QString &message);

private:
    void apply(PlayQueue::Step step);
    void playCurrent();
    void playerFailed(const QString &message);

    PlayQueue m_queue;
    Player *m_player = nullptr;
    PlayerBar *m_bar = nullptr;
};
