#pragma once

#include <QtGlobal>

// Which stretch of a cue the timeline shows, and where each moment of it falls: the mapping
// between milliseconds and x over a track of a given left edge and width. The view is
// [viewStart, viewStart + viewSpan] of [0, duration]; zooming narrows the span around a fixed
// point (the time under that x stays where it is), scrolling moves it, never past either end.
class TimelineScale
{
public:
    // The shortest stretch a view shows, however far the user zooms in.
    static constexpr double MinimumSpanMs = 500.0;

    // A new duration resets the view to the whole cue.
    void setDuration(qint64 ms);
    qint64 duration() const { return m_duration; }
    void setTrack(double left, double width);
    double trackLeft() const { return m_left; }
    double trackWidth() const { return m_width; }
    double trackRight() const { return m_left + m_width; }

    double viewStart() const { return m_start; }
    double viewSpan() const { return m_span; }
    double viewEnd() const { return m_start + m_span; }
    // duration / span: 1 shows the whole cue.
    double zoom() const;
    bool isZoomed() const { return m_span < double(m_duration) - 0.5; }

    // x of the moment, which may lie outside the track when the moment is outside the view.
    double xOf(double ms) const;
    // The moment at x, clamped to the cue.
    qint64 msAt(double x) const;
    double msPerPixel() const { return m_width > 0 ? m_span / m_width : 0; }

    // Multiplies the zoom by factor (above 1 zooms in), keeping the moment at anchorX at
    // anchorX where the ends of the cue allow it.
    void zoomBy(double factor, double anchorX);
    void scrollBy(double ms);
    void scrollTo(double startMs);
    // Scrolls as little as needed for ms to be in view (with a margin of a tenth of the view).
    void ensureVisible(double ms);
    void reset();

    // The step between labelled ticks: the smallest "round" duration (1 s, 5 s, 1 min…) whose
    // ticks are at least minSpacing pixels apart at msPerPixel.
    static qint64 majorStep(double msPerPixel, double minSpacing);
    // The unlabelled ticks between two labelled ones.
    static qint64 minorStep(qint64 majorStep);

private:
    void clampView();

    qint64 m_duration = 0;
    double m_left = 0;
    double m_width = 1;
    double m_start = 0;
    double m_span = 0;
};
