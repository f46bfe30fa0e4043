#pragma once

#include <QList>
#include <QRectF>
#include <QString>

#include <functional>

class TimelineScale;

// The waveform a timeline draws, and the shape it draws for a view, remade only when the view,
// the area or the peaks change. A peak is the lowest and highest sample of a stretch of time,
// in [-1, 1], and its RMS (0 to 1; drawn as a stronger band inside the envelope, the loudness
// under it). Peaks come either as one list over the whole cue (fold() narrows or widens it to the
// columns drawn), or from a function asked for exactly the columns drawn, so that a zoomed view can
// be as sharp as the audio allows.
class TimelineWaveform
{
public:
    // What is known of the cue's audio: no file, a file being read, its peaks, or a file that
    // could not be read.
    enum class Status { NoAudioFile, Reading, Ready, Unreadable };

    struct Peak
    {
        float min = 0;
        float max = 0;
        float rms = 0;
        // False past the end of the audio (a file shorter than the catalog says): not drawn.
        bool hasAudio = true;
        friend bool operator==(const Peak &, const Peak &) = default;
    };
    // The bars of one view, in the track's logical pixels but on whole device pixels.
    struct Shape
    {
        QList<QRectF> envelope;
        QList<QRectF> loudness;
        bool isEmpty() const { return envelope.isEmpty(); }
    };
    // Returns `columns` peaks, one per equal stretch of [fromMs, toMs).
    using Source = std::function<QList<Peak>(qint64 fromMs, qint64 toMs, int columns)>;

    // Either makes the status Ready (NoAudioFile for no peaks at all).
    void setSource(Source source);
    // Buckets of equal length that cover [0, durationMs), and still cover the whole cue after
    // setDuration().
    void setBuckets(const QList<Peak> &buckets, qint64 durationMs);
    void setDuration(qint64 durationMs);
    // Drops the peaks: NoAudioFile.
    void clear();
    // Keeps the peaks it has, and says it is reading; percent is 0 to 100, or -1 for unknown.
    void setReading(int percent);
    // Drops the peaks; reason says why, or is empty.
    void setUnreadable(const QString &reason);
    bool isEmpty() const { return !m_source; }
    Status status() const { return m_status; }
    int progress() const { return m_progress; }
    QString unreadableReason() const { return m_reason; }

    // The peaks of the view as one bar per device pixel column of area (the track in logical
    // pixels, drawn at devicePixelRatio), each on whole device pixels: drawn without
    // antialiasing, they are as sharp as the screen, and cheap to fill.
    const Shape &shape(const TimelineScale &scale, const QRectF &area, qreal devicePixelRatio);

    // The peaks of buckets (equal stretches of [0, durationMs)) over `columns` equal stretches
    // of [fromMs, toMs): a column takes the extremes of every bucket it overlaps, and their RMS.
    static QList<Peak> fold(
        const QList<Peak> &buckets, qint64 durationMs, qint64 fromMs, qint64 toMs, int columns);

private:
    struct Key
    {
        double start = -1;
        double span = -1;
        QRectF area;
        qreal ratio = 0;
        quint64 generation = 0;
        friend bool operator==(const Key &, const Key &) = default;
    };

    void drop();

    Source m_source;
    // What setBuckets() gave, kept to span a new duration.
    QList<Peak> m_buckets;
    Status m_status = Status::NoAudioFile;
    int m_progress = -1;
    QString m_reason;
    quint64 m_generation = 0;
    Key m_key;
    Shape m_shape;
};
