#include "playback/playqueue.h"

bool PlayQueue::playRelease(const QList<Item> &tracks, int fromTrack, qint64 startMs)
{
    clear();
    int first = -1;
    for (int i = 0; i < tracks.size(); ++i) {
        if (tracks.at(i).filePath.isEmpty()) {
            ++m_skipped;
            continue;
        }
        if (first < 0 && i >= fromTrack) {
            first = int(m_items.size());
            // The offset belongs to the track asked for, not to one after it.
            m_offsetPending = i == fromTrack && startMs > 0;
        }
        m_items.append(tracks.at(i));
    }
    if (first < 0) {
        m_items.clear();
        return false;
    }
    m_unplayable.fill(false, m_items.size());
    m_current = first;
    m_startMs = startMs;
    return true;
}

bool PlayQueue::playCue(const Item &item, qint64 startMs)
{
    return playRelease({item}, 0, startMs);
}

void PlayQueue::clear()
{
    m_items.clear();
    m_unplayable.clear();
    m_current = -1;
    m_skipped = 0;
    m_startMs = 0;
    m_offsetPending = false;
    m_finished = false;
}

const PlayQueue::Item *PlayQueue::current() const
{
    return m_current >= 0 ? &m_items.at(m_current) : nullptr;
}

PlayQueue::Step PlayQueue::next()
{
    if (m_current < 0)
        return Finished;
    const int index = nextPlayable(m_current);
    if (index < 0) {
        m_current = -1;
        m_offsetPending = false;
        m_finished = true;
        return Finished;
    }
    return moveTo(index);
}

PlayQueue::Step PlayQueue::previous(qint64 positionMs)
{
    // Going back from the end of the queue plays its last item again.
    if (m_finished) {
        const int index = previousPlayable(int(m_items.size()));
        return index >= 0 ? moveTo(index) : Finished;
    }
    if (m_current < 0)
        return Finished;
    const int index = previousPlayable(m_current);
    if (positionMs > RestartThresholdMs || index < 0) {
        m_offsetPending = false;
        return RestartCurrent;
    }
    return moveTo(index);
}

PlayQueue::Step PlayQueue::markUnplayable(int index)
{
    if (index < 0 || index >= m_items.size())
        return NoChange;
    m_unplayable[index] = true;
    if (index != m_current)
        return NoChange;
    return next();
}

bool PlayQueue::isPlayable(int index) const
{
    return index >= 0 && index < m_items.size() && !m_unplayable.at(index);
}

int PlayQueue::unplayableCount() const
{
    return int(m_unplayable.count(true));
}

int PlayQueue::nextPlayable(int from) const
{
    for (int i = from + 1; i < m_items.size(); ++i) {
        if (!m_unplayable.at(i))
            return i;
    }
    return -1;
}

int PlayQueue::previousPlayable(int from) const
{
    for (int i = from - 1; i >= 0; --i) {
        if (!m_unplayable.at(i))
            return i;
    }
    return -1;
}

PlayQueue::Step PlayQueue::moveTo(int index)
{
    m_current = index;
    m_offsetPending = false;
    m_finished = false;
    return PlayCurrent;
}
