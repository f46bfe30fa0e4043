#pragma once

#include <QObject>
#include <QPointer>

class CatalogModel;
class CueTimeline;
class CueTimelineFeed;
class Playback;
class QUndoStack;
class UserDatabase;
class WaveformLoader;

// Keeps the thin timeline under the player bar on the cue that plays: its waveform, themes and
// markers and the playhead, hidden while nothing is queued. A click or a key seeks the cue
// without touching the queue; a marker dragged on it moves as one undoable step; Shift+click or
// a double-click asks the window to mark that moment (markerRequested), as the M key does.
class PlayingCueTimeline : public QObject
{
    Q_OBJECT

public:
    // The timeline is put in its compact mode and hidden until something plays.
    PlayingCueTimeline(Playback *playback, const CatalogModel *catalogs, CueTimeline *timeline,
        QObject *parent = nullptr);

    // Where its file links and markers come from; nullptr shows none.
    void setUserData(UserDatabase *userData);
    // Where the moves of markers go, to be undone; without it markers cannot be dragged.
    void setUndoStack(QUndoStack *stack);
    void setWaveformLoader(WaveformLoader *loader);

    CueTimeline *timeline() const { return m_timeline; }

signals:
    void markerRequested(qint64 ms);

private:
    void followCurrent();
    void moveMarker(const QString &markerId, qint64 startMs, qint64 endMs);

    Playback *m_playback = nullptr;
    CueTimeline *m_timeline = nullptr;
    CueTimelineFeed *m_feed = nullptr;
    QPointer<UserDatabase> m_userData;
    QPointer<QUndoStack> m_undoStack;
};
