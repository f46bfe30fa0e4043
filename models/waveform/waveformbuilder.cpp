#include "waveform/waveformbuilder.h"

#include <algorithm>
#include <cmath>

namespace {

qint16 toStored(float value)
{
    return qint16(std::lround(std::clamp(value, -1.0f, 1.0f) * WaveformPeaks::FullScale));
}

} // namespace

int WaveformBuilder::defaultFramesPerBucket(int sampleRate)
{
    return std::max(1, sampleRate / 200);
}

WaveformBuilder::WaveformBuilder(int sampleRate, int channelCount, int framesPerBucket)
    : m_sampleRate(std::max(1, sampleRate))
    , m_channelCount(std::max(1, channelCount))
    , m_framesPerBucket(framesPerBucket > 0 ? framesPerBucket : defaultFramesPerBucket(sampleRate))
    , m_samplesPerBucket(m_framesPerBucket * m_channelCount)
{ }

void WaveformBuilder::add(std::span<const quint8> samples)
{
    accumulate(samples, 128.0f, 1.0f / 128.0f);
}

void WaveformBuilder::add(std::span<const qint16> samples)
{
    accumulate(samples, 0.0f, 1.0f / 32768.0f);
}

void WaveformBuilder::add(std::span<const qint32> samples)
{
    accumulate(samples, 0.0f, 1.0f / 2147483648.0f);
}

void WaveformBuilder::add(std::span<const float> samples)
{
    accumulate(samples, 0.0f, 1.0f);
}

template<typename Sample>
void WaveformBuilder::accumulate(std::span<const Sample> samples, float offset, float scale)
{
    const Sample *next = samples.data();
    const Sample *end = next + samples.size();
    while (next < end) {
        // One run up to the end of the current bucket, with the bucket's sums in locals so that
        // the compiler keeps them in registers.
        const Sample *runEnd
            = next + std::min<qsizetype>(end - next, m_samplesPerBucket - m_samplesInBucket);
        float low = m_samplesInBucket > 0 ? m_min : 1.0f;
        float high = m_samplesInBucket > 0 ? m_max : -1.0f;
        float squares = m_squares;
        m_samplesInBucket += int(runEnd - next);
        for (; next < runEnd; ++next) {
            const float value = (float(*next) - offset) * scale;
            low = std::min(low, value);
            high = std::max(high, value);
            squares += value * value;
        }
        m_min = low;
        m_max = high;
        m_squares = squares;
        if (m_samplesInBucket == m_samplesPerBucket) {
            m_buckets.append(currentBucket());
            m_samplesInBucket = 0;
            m_squares = 0;
        }
    }
    m_samples += qint64(samples.size());
}

WaveformPeaks::Bucket WaveformBuilder::currentBucket() const
{
    const float rms = std::sqrt(m_squares / float(std::max(1, m_samplesInBucket)));
    return {toStored(m_min), toStored(m_max),
        quint16(std::lround(std::min(rms, 1.0f) * WaveformPeaks::FullScale))};
}

WaveformPeaks WaveformBuilder::peaks() const
{
    QList<WaveformPeaks::Bucket> buckets = m_buckets;
    // A bucket that holds at least one whole frame counts; a piece of a frame alone does not.
    if (m_samplesInBucket >= m_channelCount)
        buckets.append(currentBucket());
    return WaveformPeaks(m_sampleRate, m_channelCount, m_framesPerBucket, frameCount(), buckets);
}
