#include "timeline/timelinewaveform.h"

#include "timeline/timelinescale.h"

#include <algorithm>
#include <cmath>

void TimelineWaveform::setSource(Source source)
{
    m_buckets.clear();
    m_source = std::move(source);
    m_status = m_source ? Status::Ready : Status::NoAudioFile;
    ++m_generation;
}

void TimelineWaveform::setBuckets(const QList<Peak> &buckets, qint64 durationMs)
{
    if (buckets.isEmpty()) {
        clear();
        return;
    }
    setSource([buckets, durationMs](qint64 from, qint64 to, int columns) {
        return fold(buckets, durationMs, from, to, columns);
    });
    m_buckets = buckets;
}

void TimelineWaveform::setDuration(qint64 durationMs)
{
    if (!m_buckets.isEmpty())
        setBuckets(QList<Peak>(m_buckets), durationMs);
}

void TimelineWaveform::clear()
{
    drop();
    m_status = Status::NoAudioFile;
}

void TimelineWaveform::setReading(int percent)
{
    m_status = Status::Reading;
    m_progress = std::clamp(percent, -1, 100);
}

void TimelineWaveform::setUnreadable(const QString &reason)
{
    drop();
    m_status = Status::Unreadable;
    m_reason = reason;
}

void TimelineWaveform::drop()
{
    m_source = nullptr;
    m_buckets.clear();
    ++m_generation;
    m_shape = {};
}

QList<TimelineWaveform::Peak> TimelineWaveform::fold(
    const QList<Peak> &buckets, qint64 durationMs, qint64 fromMs, qint64 toMs, int columns)
{
    QList<Peak> peaks(std::max(columns, 0), Peak {0, 0, 0, false});
    const qsizetype count = buckets.size();
    if (count == 0 || durationMs <= 0 || toMs <= fromMs || columns <= 0)
        return peaks;
    const double bucketsPerMs = double(count) / double(durationMs);
    const double msPerColumn = double(toMs - fromMs) / columns;
    for (int column = 0; column < columns; ++column) {
        const double from = double(fromMs) + column * msPerColumn;
        const double to = from + msPerColumn;
        const qsizetype first = std::clamp<qsizetype>(qsizetype(from * bucketsPerMs), 0, count - 1);
        // A column narrower than a bucket takes that one bucket.
        const qsizetype last
            = std::clamp<qsizetype>(qsizetype(std::ceil(to * bucketsPerMs)) - 1, first, count - 1);
        Peak peak = buckets.at(first);
        // Buckets are of equal length: the RMS of several is the root of their mean square.
        double squares = double(peak.rms) * peak.rms;
        for (qsizetype i = first + 1; i <= last; ++i) {
            const Peak &bucket = buckets.at(i);
            peak.min = std::min(peak.min, bucket.min);
            peak.max = std::max(peak.max, bucket.max);
            peak.hasAudio = peak.hasAudio || bucket.hasAudio;
            squares += double(bucket.rms) * bucket.rms;
        }
        peak.rms = float(std::sqrt(squares / double(last - first + 1)));
        peaks[column] = peak;
    }
    return peaks;
}

const TimelineWaveform::Shape &TimelineWaveform::shape(
    const TimelineScale &scale, const QRectF &area, qreal devicePixelRatio)
{
    const Key key {scale.viewStart(), scale.viewSpan(), area, devicePixelRatio, m_generation};
    if (key == m_key)
        return m_shape;
    m_key = key;
    m_shape = {};
    const int columns = int(std::lround(area.width() * devicePixelRatio));
    if (!m_source || columns <= 0 || scale.viewSpan() <= 0)
        return m_shape;
    const QList<Peak> peaks = m_source(
        qint64(std::floor(scale.viewStart())), qint64(std::ceil(scale.viewEnd())), columns);
    const qsizetype drawn = std::min<qsizetype>(peaks.size(), columns);
    // In device pixels from here on: every bar starts and ends on a whole one, and silence is
    // still a line one device pixel thick.
    const double ratio = devicePixelRatio;
    const double left = std::round(area.left() * ratio);
    const double middle = area.center().y() * ratio;
    const double half = area.height() * ratio / 2;
    const auto bar = [&](qsizetype column, double top, double bottom) {
        return QRectF(
            (left + double(column)) / ratio, top / ratio, 1 / ratio, (bottom - top) / ratio);
    };
    m_shape.envelope.reserve(drawn);
    m_shape.loudness.reserve(drawn);
    for (qsizetype column = 0; column < drawn; ++column) {
        const Peak &peak = peaks.at(column);
        if (!peak.hasAudio)
            continue;
        const double high = std::clamp(std::max(peak.min, peak.max), -1.0f, 1.0f);
        const double low = std::clamp(std::min(peak.min, peak.max), -1.0f, 1.0f);
        const double top = std::floor(middle - high * half);
        const double bottom = std::max(std::ceil(middle - low * half), top + 1);
        m_shape.envelope.append(bar(column, top, bottom));
        // The loudness band, centred, never outside the envelope.
        const double rms = std::clamp(double(peak.rms), 0.0, 1.0) * half;
        const double rmsTop = std::max(top, std::round(middle - rms));
        const double rmsBottom = std::min(bottom, std::round(middle + rms));
        if (rmsBottom > rmsTop)
            m_shape.loudness.append(bar(column, rmsTop, rmsBottom));
    }
    return m_shape;
}
