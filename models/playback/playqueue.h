#pragma once

#include "catalog/cuekey.h"

#include <QList>
#include <QString>

// The playback policy: which tracks play, in which order, from where, and what happens at the
// ends. Plain logic with no sound; MainWindow asks it what to play and hands that to Player.
class PlayQueue
{
public:
    struct Item
    {
        QString catalogId;
        QString cueId;
        QString releaseId;
        QString title;
        // Empty when the track has no file: such tracks never enter the queue.
        QString filePath;

        CueKey cue() const { return {catalogId, cueId}; }
    };

    // What the caller does after a move.
    enum Step {
        PlayCurrent, // another item is current: play it from startOffsetMs()
        RestartCurrent, // the same item again, from its beginning
        NoChange, // the current item goes on playing
        Finished, // nothing is left to play: stop
    };

    // previous() restarts the current item rather than going back when it has played longer
    // than this, as every player does.
    static constexpr qint64 RestartThresholdMs = 3000;

    // Queues the tracks that have a file, in the order given (a release's album order), and
    // makes tracks[fromTrack] current, or the first track with a file after it. The first item
    // played starts at startMs. Returns false when no track has a file (the queue is empty).
    bool playRelease(const QList<Item> &tracks, int fromTrack = 0, qint64 startMs = 0);
    // One cue from startMs (a theme's entry point). False when it has no file.
    bool playCue(const Item &item, qint64 startMs = 0);
    void clear();

    const QList<Item> &items() const { return m_items; }
    int count() const { return int(m_items.size()); }
    bool isEmpty() const { return m_items.isEmpty(); }
    // Tracks left out of the last playRelease()/playCue() for having no file.
    int skippedCount() const { return m_skipped; }

    // -1 when the queue is empty or finished.
    int currentIndex() const { return m_current; }
    // nullptr when there is no current item.
    const Item *current() const;
    // Where the current item starts, in milliseconds: the offset asked for while the first
    // item played is still the one that was started, otherwise 0.
    qint64 startOffsetMs() const { return m_offsetPending ? m_startMs : 0; }
    // True after the last playable item was left by next() or markUnplayable().
    bool isFinished() const { return m_finished; }
    bool hasNext() const { return m_current >= 0 && nextPlayable(m_current) >= 0; }

    Step next();
    // positionMs is how far the current item has played.
    Step previous(qint64 positionMs);
    // A file that would not play: it is skipped from now on. When it is the current item, the
    // queue moves on to the next playable one (PlayCurrent) or finishes.
    Step markUnplayable(int index);
    bool isPlayable(int index) const;
    int unplayableCount() const;

private:
    int nextPlayable(int from) const;
    int previousPlayable(int from) const;
    Step moveTo(int index);

    QList<Item> m_items;
    QList<bool> m_unplayable;
    int m_current = -1;
    int m_skipped = 0;
    qint64 m_startMs = 0;
    bool m_offsetPending = false;
    bool m_finished = false;
};
