#include "timeline/timelinenavigation.h"

#include <algorithm>

namespace TimelineNavigation {

qint64 currentTime(const TimelineContent &content)
{
    if (content.positionMs >= 0)
        return content.positionMs;
    return std::max<qint64>(content.cursorMs, 0);
}

std::optional<qint64> neighbour(const TimelineContent &content, int direction)
{
    const bool playing = content.positionMs >= 0;
    const bool placed = playing || content.cursorMs >= 0;
    const qint64 now = currentTime(content);
    std::optional<qint64> best;
    const auto consider = [&](qint64 start) {
        if (start < 0)
            return;
        const bool after = !placed || start > now + (playing ? NextGraceMs : 0);
        const bool before = placed && start < now - (playing ? PreviousGraceMs : 0);
        if (direction > 0 && after && (!best || start < *best))
            best = start;
        if (direction < 0 && before && (!best || start > *best))
            best = start;
    };
    for (const Marker &marker : content.markers)
        consider(marker.startMs);
    for (const Occurrence &occurrence : content.occurrences)
        consider(TimelineLayout::spanOf(occurrence, content.durationMs).start);
    return best;
}

Marker dragged(const Marker &original, TimelineLayout::Grip grip, qint64 deltaMs, qint64 shortestMs,
    qint64 durationMs)
{
    Marker moved = original;
    switch (grip) {
    case TimelineLayout::StartEdge:
        moved.startMs
            = std::clamp(original.startMs + deltaMs, qint64(0), original.endMs - shortestMs);
        break;
    case TimelineLayout::EndEdge:
        moved.endMs
            = std::clamp(original.endMs + deltaMs, original.startMs + shortestMs, durationMs);
        break;
    case TimelineLayout::Body:
    case TimelineLayout::NoGrip: {
        const qint64 length = original.isRange() ? original.endMs - original.startMs : 0;
        moved.startMs = std::clamp(original.startMs + deltaMs, qint64(0), durationMs - length);
        if (original.isRange())
            moved.endMs = moved.startMs + length;
        break;
    }
    }
    return moved;
}

} // namespace TimelineNavigation
