#pragma once

#include "timeline/timelinelayout.h"

#include <optional>

// Where the timeline's keys and drags take the user, as arithmetic on its content: the moment
// the keys move from, the next or previous start to jump to, and a marker as a drag leaves it.
namespace TimelineNavigation {

// While playing, "previous" within this much of a start goes to the one before it, as a
// player's Previous does; and "next" skips a start the playhead has not quite reached after a
// seek to it.
inline constexpr qint64 PreviousGraceMs = 1000;
inline constexpr qint64 NextGraceMs = 250;

// The playhead while this cue plays, else where the user last clicked or moved, else 0.
qint64 currentTime(const TimelineContent &content);
// The next (direction 1) or previous (-1) start of a marker or of an occurrence placed in the
// cue, from currentTime(); from nowhere yet, "next" is the first start.
std::optional<qint64> neighbour(const TimelineContent &content, int direction);
// original moved by deltaMs, held by grip: whole by its body, one end by an edge. It stays in
// [0, durationMs], and a range stays at least shortestMs long.
Marker dragged(const Marker &original, TimelineLayout::Grip grip, qint64 deltaMs, qint64 shortestMs,
    qint64 durationMs);

} // namespace TimelineNavigation
