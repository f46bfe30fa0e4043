#pragma once

class QFont;
class QPainter;
class QPalette;
class TimelineLayout;
class TimelineScale;
class TimelineWaveform;
struct TimelineContent;

// Draws a timeline's content as its layout places it, in the palette's roles (a light or a dark
// palette reads alike) and the themes' hues. Lines and bands are snapped to device pixels and
// nothing is drawn through a pixmap, so that it stays sharp at any device pixel ratio.
namespace TimelinePainter {

void paint(QPainter &painter, const TimelineContent &content, const TimelineLayout &layout,
    const TimelineScale &scale, TimelineWaveform &waveform, const QPalette &palette,
    const QFont &labelFont);

} // namespace TimelinePainter
