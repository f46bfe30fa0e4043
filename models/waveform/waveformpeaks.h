#pragma once

#include <QList>
#include <QMetaType>

// The waveform of one audio file, as a painter needs it: for every bucket of framesPerBucket()
// frames (about 5 ms), the lowest and highest sample and the RMS, over all channels at once. A
// plain value, implicitly shared: copying it costs a pointer, so a widget takes it by value.
// WaveformBuilder makes one from decoded PCM, WaveformCache keeps it on disk, and
// WaveformLoader::ready(path, peaks) delivers it to the GUI thread.
//
// Why min/max and RMS: min/max is the true envelope, so a single loud transient or a clipped
// peak is never averaged away, and folding many buckets into one pixel stays exact (the min of
// the mins, the max of the maxes). RMS is the loudness under that envelope: in mastered film
// music the peaks of a quiet passage and a loud one are often alike, and only the RMS tells them
// apart (draw it as a darker band inside the envelope, as Audacity does). Channels are folded
// together because the timeline is one lane; channelCount() says what was folded.
//
// For a painter, everything is one call. To draw the part of the file between fromMs and toMs
// into a strip width device pixels wide:
//
//     const QList<WaveformPeaks::Range> columns = peaks.forPixels(width, fromMs, toMs);
//     for (int x = 0; x < columns.size(); ++x)   // columns.size() == width
//         drawLine(x, mid - columns[x].max * half, x, mid - columns[x].min * half);
//
// It costs one pass over the buckets in [fromMs, toMs) plus one per pixel (about 60,000 buckets
// for a whole 5-minute file), so a widget may call it on every zoom or resize and keep the result
// until the next one. Columns past the end of the audio (a catalog duration longer than the file)
// come back as zero ranges with hasAudio false. Use device pixels (width * devicePixelRatio) for
// a sharp waveform at high DPI.
class WaveformPeaks
{
public:
    // One bucket as stored: samples scaled to ±32767 (full scale), rms to 0..32767. Six bytes,
    // so a 5-minute file holds 360 KB of peaks in memory and on disk.
    struct Bucket
    {
        qint16 min = 0;
        qint16 max = 0;
        quint16 rms = 0;

        friend bool operator==(const Bucket &, const Bucket &) = default;
    };

    // What a painter draws for one pixel column: min and max in -1..1 (full scale), rms in 0..1.
    struct Range
    {
        float min = 0;
        float max = 0;
        float rms = 0;
        // False for a column past the end of the audio, or when there are no peaks at all.
        bool hasAudio = false;
    };

    static constexpr float FullScale = 32767.0f;

    WaveformPeaks() = default;
    // frameCount is the number of frames decoded; buckets holds ceil(frameCount /
    // framesPerBucket) entries (the last one may cover fewer frames). An inconsistent set of
    // arguments gives an empty WaveformPeaks: WaveformCache relies on that when it reads a file.
    WaveformPeaks(int sampleRate, int channelCount, int framesPerBucket, qint64 frameCount,
        QList<Bucket> buckets);

    // True for a default-constructed value and for a file that decoded to no audio.
    bool isEmpty() const { return m_buckets.isEmpty(); }
    int sampleRate() const { return m_sampleRate; }
    int channelCount() const { return m_channelCount; }
    int framesPerBucket() const { return m_framesPerBucket; }
    qint64 frameCount() const { return m_frameCount; }
    qint64 durationMs() const;
    const QList<Bucket> &buckets() const { return m_buckets; }

    // width columns for the time span [fromMs, toMs), each the fold of the buckets that span
    // holds; see the class comment. Empty when width < 1 or toMs <= fromMs. A column narrower than
    // a bucket (zoomed in past 5 ms a pixel) repeats the bucket it falls in.
    QList<Range> forPixels(int width, qint64 fromMs, qint64 toMs) const;
    // The whole file in width columns.
    QList<Range> forPixels(int width) const { return forPixels(width, 0, durationMs()); }
    // The fold of every bucket that overlaps [fromMs, toMs), e.g. the loudness of a marker's range.
    Range range(qint64 fromMs, qint64 toMs) const;

    friend bool operator==(const WaveformPeaks &, const WaveformPeaks &) = default;

private:
    // The fold of buckets [first, last], both within the list.
    Range fold(qsizetype first, qsizetype last) const;
    // The bucket that holds the frame at the given time; may be past the last bucket.
    double bucketAt(double ms) const;

    int m_sampleRate = 0;
    int m_channelCount = 0;
    int m_framesPerBucket = 0;
    qint64 m_frameCount = 0;
    QList<Bucket> m_buckets;
};

Q_DECLARE_METATYPE(WaveformPeaks)
