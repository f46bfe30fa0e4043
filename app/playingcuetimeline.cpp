#include "playingcuetimeline.h"

#include "playback.h"
#include "timeline/cuetimeline.h"
#include "timeline/cuetimelinefeed.h"
#include "userdata/markercommands.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QUndoStack>

PlayingCueTimeline::PlayingCueTimeline(
    Playback *playback, const CatalogModel *catalogs, CueTimeline *timeline, QObject *parent)
    : QObject(parent)
    , m_playback(playback)
    , m_timeline(timeline)
    , m_feed(new CueTimelineFeed(catalogs, timeline, this))
{
    m_timeline->setCompact(true);
    m_timeline->setAccessibleName(tr("Timeline of the cue playing"));
    m_timeline->hide();
    connect(m_playback, &Playback::currentChanged, this, &PlayingCueTimeline::followCurrent);
    connect(m_playback, &Playback::positionChanged, m_timeline, &CueTimeline::setPosition);
    connect(m_timeline, &CueTimeline::seekRequested, m_playback, &Playback::seek);
    connect(
        m_timeline, &CueTimeline::addMarkerRequested, this, &PlayingCueTimeline::markerRequested);
    connect(m_timeline, &CueTimeline::markerMoved, this, &PlayingCueTimeline::moveMarker);
    followCurrent();
}

void PlayingCueTimeline::setUserData(UserDatabase *userData)
{
    m_userData = userData;
    m_feed->setUserData(userData);
}

void PlayingCueTimeline::setUndoStack(QUndoStack *stack)
{
    m_undoStack = stack;
}

void PlayingCueTimeline::setWaveformLoader(WaveformLoader *loader)
{
    m_feed->setWaveformLoader(loader);
}

void PlayingCueTimeline::followCurrent()
{
    const PlayQueue::Item *item = m_playback->current();
    const CueKey cue = item ? item->cue() : CueKey {};
    if (cue != m_feed->cue())
        m_feed->setCue(cue);
    m_timeline->setPosition(item ? m_playback->position() : -1);
    m_timeline->setVisible(item != nullptr);
}

// Without a stack the move cannot be undone, so it is not made: the stored marker shows again.
void PlayingCueTimeline::moveMarker(const QString &markerId, qint64 startMs, qint64 endMs)
{
    MarkerStore *store = m_userData && m_userData->isOpen() ? m_userData->markers() : nullptr;
    if (!EditMarkerCommand::pushMove(m_undoStack, store, markerId, startMs, endMs))
        m_timeline->setMarkers(store ? store->markers(m_feed->cue()) : QList<Marker>());
}
