#pragma once

#include "waveform/waveformpeaks.h"

#include <span>

// Turns decoded PCM into WaveformPeaks as a decoder delivers it, piece by piece: interleaved
// samples in any of the formats decoders give (8-bit unsigned, 16- and 32-bit signed, float),
// any channel count; a piece may end in the middle of a frame or of a bucket. Memory is the
// peaks only (6 bytes per bucket), never the audio.
class WaveformBuilder
{
public:
    // 5 ms buckets: fine enough to zoom a long cue down to a few seconds across a strip, coarse
    // enough that a whole 5-minute file folds for a paint in well under a millisecond.
    static int defaultFramesPerBucket(int sampleRate);

    // framesPerBucket 0 takes defaultFramesPerBucket(sampleRate). sampleRate and channelCount
    // must be positive.
    WaveformBuilder(int sampleRate, int channelCount, int framesPerBucket = 0);

    int sampleRate() const { return m_sampleRate; }
    int channelCount() const { return m_channelCount; }
    // Whole frames added so far.
    qint64 frameCount() const { return m_samples / m_channelCount; }

    void add(std::span<const quint8> samples);
    void add(std::span<const qint16> samples);
    void add(std::span<const qint32> samples);
    // Full scale is ±1; louder samples (a decoder's overshoot) count as full scale.
    void add(std::span<const float> samples);

    // The peaks of what was added so far, the last bucket as far as it got.
    WaveformPeaks peaks() const;

private:
    template<typename Sample>
    void accumulate(std::span<const Sample> samples, float offset, float scale);
    WaveformPeaks::Bucket currentBucket() const;

    int m_sampleRate = 0;
    int m_channelCount = 1;
    int m_framesPerBucket = 1;
    int m_samplesPerBucket = 1;
    qint64 m_samples = 0;
    QList<WaveformPeaks::Bucket> m_buckets;
    // The bucket being filled.
    int m_samplesInBucket = 0;
    float m_min = 0;
    float m_max = 0;
    float m_squares = 0;
};
