#include "waveform/waveformpeaks.h"

#include <algorithm>
#include <cmath>

WaveformPeaks::WaveformPeaks(
    int sampleRate, int channelCount, int framesPerBucket, qint64 frameCount, QList<Bucket> buckets)
{
    if (sampleRate <= 0 || channelCount <= 0 || framesPerBucket <= 0 || frameCount < 0
        || buckets.size() != (frameCount + framesPerBucket - 1) / framesPerBucket)
        return;
    m_sampleRate = sampleRate;
    m_channelCount = channelCount;
    m_framesPerBucket = framesPerBucket;
    m_frameCount = frameCount;
    m_buckets = std::move(buckets);
}

qint64 WaveformPeaks::durationMs() const
{
    return m_sampleRate > 0 ? (m_frameCount * 1000 + m_sampleRate / 2) / m_sampleRate : 0;
}

double WaveformPeaks::bucketAt(double ms) const
{
    return ms * m_sampleRate / 1000.0 / m_framesPerBucket;
}

WaveformPeaks::Range WaveformPeaks::fold(qsizetype first, qsizetype last) const
{
    // Start from the first bucket, not from 0: a passage with a DC offset has min > 0.
    int low = m_buckets.at(first).min;
    int high = m_buckets.at(first).max;
    double squares = 0;
    for (qsizetype i = first; i <= last; ++i) {
        const Bucket &bucket = m_buckets.at(i);
        low = std::min<int>(low, bucket.min);
        high = std::max<int>(high, bucket.max);
        squares += double(bucket.rms) * bucket.rms;
    }
    const double rms = std::sqrt(squares / double(last - first + 1));
    return {low / FullScale, high / FullScale, float(rms / FullScale), true};
}

QList<WaveformPeaks::Range> WaveformPeaks::forPixels(int width, qint64 fromMs, qint64 toMs) const
{
    QList<Range> columns;
    if (width < 1 || toMs <= fromMs)
        return columns;
    columns.resize(width);
    if (m_buckets.isEmpty())
        return columns;
    const qsizetype count = m_buckets.size();
    const double span = double(toMs - fromMs);
    double start = bucketAt(double(fromMs));
    for (int x = 0; x < width; ++x) {
        const double end = bucketAt(double(fromMs) + span * (x + 1) / width);
        if (end > 0 && start < double(count)) {
            const qsizetype first = std::max<qsizetype>(0, qsizetype(std::floor(start)));
            // Every bucket the column overlaps; at least the one it falls in.
            const qsizetype last
                = std::clamp<qsizetype>(qsizetype(std::ceil(end)) - 1, first, count - 1);
            columns[x] = fold(first, last);
        }
        start = end;
    }
    return columns;
}

WaveformPeaks::Range WaveformPeaks::range(qint64 fromMs, qint64 toMs) const
{
    if (m_buckets.isEmpty() || toMs <= fromMs)
        return {};
    const qsizetype count = m_buckets.size();
    const qsizetype first = std::max<qsizetype>(0, qsizetype(std::floor(bucketAt(double(fromMs)))));
    const qsizetype last
        = std::min<qsizetype>(count - 1, qsizetype(std::ceil(bucketAt(double(toMs)))) - 1);
    if (first >= count || last < first)
        return {};
    return fold(first, last);
}
