#include "timeline/timelinescale.h"

#include <algorithm>
#include <array>
#include <cmath>

void TimelineScale::setDuration(qint64 ms)
{
    m_duration = std::max<qint64>(ms, 0);
    reset();
}

void TimelineScale::setTrack(double left, double width)
{
    m_left = left;
    m_width = std::max(width, 1.0);
}

double TimelineScale::zoom() const
{
    return m_span > 0 ? double(m_duration) / m_span : 1.0;
}

double TimelineScale::xOf(double ms) const
{
    if (m_span <= 0)
        return m_left;
    return m_left + (ms - m_start) * m_width / m_span;
}

qint64 TimelineScale::msAt(double x) const
{
    const double ms = m_start + (x - m_left) * msPerPixel();
    return std::clamp<qint64>(std::llround(ms), 0, m_duration);
}

void TimelineScale::zoomBy(double factor, double anchorX)
{
    if (m_duration <= 0 || factor <= 0)
        return;
    const double minimum = std::min(MinimumSpanMs, double(m_duration));
    const double anchorMs = m_start + (anchorX - m_left) * msPerPixel();
    m_span = std::clamp(m_span / factor, minimum, double(m_duration));
    m_start = anchorMs - (anchorX - m_left) * msPerPixel();
    clampView();
}

void TimelineScale::scrollBy(double ms)
{
    scrollTo(m_start + ms);
}

void TimelineScale::scrollTo(double startMs)
{
    m_start = startMs;
    clampView();
}

void TimelineScale::ensureVisible(double ms)
{
    const double margin = m_span / 10;
    if (ms < m_start + margin)
        scrollTo(ms - margin);
    else if (ms > viewEnd() - margin)
        scrollTo(ms - m_span + margin);
}

void TimelineScale::reset()
{
    m_start = 0;
    m_span = double(m_duration);
}

void TimelineScale::clampView()
{
    m_start = std::clamp(m_start, 0.0, std::max(0.0, double(m_duration) - m_span));
}

namespace {

// A labelled step and the unlabelled one between: every tick stands at a round time.
struct Step
{
    qint64 major;
    qint64 minor;
};
constexpr std::array<Step, 17> Steps {{{100, 20}, {250, 50}, {500, 100}, {1'000, 200}, {2'000, 500},
    {5'000, 1'000}, {10'000, 2'000}, {15'000, 5'000}, {30'000, 10'000}, {60'000, 10'000},
    {120'000, 30'000}, {300'000, 60'000}, {600'000, 120'000}, {900'000, 300'000},
    {1'800'000, 300'000}, {3'600'000, 600'000}, {7'200'000, 1'800'000}}};

} // namespace

qint64 TimelineScale::majorStep(double msPerPixel, double minSpacing)
{
    for (const Step &step : Steps) {
        if (double(step.major) >= msPerPixel * minSpacing)
            return step.major;
    }
    return Steps.back().major;
}

qint64 TimelineScale::minorStep(qint64 majorStep)
{
    for (const Step &step : Steps) {
        if (step.major == majorStep)
            return step.minor;
    }
    return majorStep;
}
