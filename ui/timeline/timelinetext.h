#pragma once

#include <QPointF>
#include <QString>

class TimelineLayout;
class TimelineScale;
class TimelineWaveform;
struct Marker;
struct Occurrence;
struct TimelineContent;

// The words a timeline says: times on its ruler, what hovering tells, and what a screen reader
// reads of it.
namespace TimelineText {

// "1:05", or "1:05.5" and "1:05.25" when the ruler's step is below a second.
QString time(qint64 ms, qint64 step = 1000);
// "the March in the horns\n1:12 · Picard's March · statement"; an unlabelled one is "Marker".
QString marker(const Marker &marker, const TimelineContent &content);
// "Picard's March · Statement\n0:21–0:50", or the place in words where it has no time.
QString occurrence(const Occurrence &occurrence, const TimelineContent &content);
// At pos: the marker there, or the occurrence whose label is there; else every occurrence and
// range that spans the moment, then the moment. Empty where there is nothing to tell.
QString toolTip(const TimelineContent &content, const TimelineLayout &layout,
    const TimelineScale &scale, const QPointF &pos);
// What the track says instead of the waveform ("No audio file linked"), or empty to draw it.
QString waveformMessage(const TimelineWaveform &waveform, qint64 durationMs);
// How long, how much is on it, and how to use it from the keyboard.
QString accessibleDescription(const TimelineContent &content);

} // namespace TimelineText
