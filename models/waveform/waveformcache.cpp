#include "waveform/waveformcache.h"

#include "library/xxh64.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtEndian>

#include <cstring>

using namespace Qt::StringLiterals;

// The layout, every number little-endian:
//   magic "CBWF", u32 version,
//   i64 audio file size, i64 audio file modification time (ms since the epoch),
//   u32 length + UTF-8 bytes of the audio file's absolute path,
//   i32 sample rate, i32 channel count, i32 frames per bucket, i64 frame count, i64 bucket count,
//   bucket count × (i16 min, i16 max, u16 rms),
//   u64 XXH64 of every byte before it.
namespace {

constexpr qsizetype BucketBytes = 6;

// The audio file as the cache knows it: a changed size or time means other audio.
struct Source
{
    QByteArray path;
    qint64 size = -1;
    qint64 mtime = -1;
};

std::optional<Source> sourceOf(const QString &audioPath)
{
    const QFileInfo info(audioPath);
    if (!info.isFile())
        return std::nullopt;
    return Source {
        info.absoluteFilePath().toUtf8(), info.size(), info.lastModified().toMSecsSinceEpoch()};
}

quint64 checksum(QByteArrayView bytes)
{
    Xxh64 hash;
    hash.addData(bytes);
    return hash.result();
}

template<typename T>
void put(QByteArray &out, T value)
{
    char bytes[sizeof(T)];
    qToLittleEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

// Reads numbers from the front of a byte range, and says when one was not there.
class Reader
{
public:
    explicit Reader(QByteArrayView bytes)
        : m_bytes(bytes)
    { }

    template<typename T>
    T take()
    {
        if (!has(sizeof(T))) {
            m_failed = true;
            return T {};
        }
        const T value = qFromLittleEndian<T>(m_bytes.data() + m_at);
        m_at += qsizetype(sizeof(T));
        return value;
    }
    QByteArrayView take(qsizetype size)
    {
        if (size < 0 || !has(size)) {
            m_failed = true;
            return {};
        }
        const QByteArrayView part = m_bytes.sliced(m_at, size);
        m_at += size;
        return part;
    }
    bool has(qsizetype size) const { return remaining() >= size; }
    qsizetype remaining() const { return m_bytes.size() - m_at; }
    bool failed() const { return m_failed; }

private:
    QByteArrayView m_bytes;
    qsizetype m_at = 0;
    bool m_failed = false;
};

} // namespace

QString WaveformCache::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/waveforms"_s;
}

WaveformCache::WaveformCache(const QString &folder)
    : m_folder(folder)
{ }

QString WaveformCache::cacheFilePath(const QString &audioPath) const
{
    const QByteArray path = QFileInfo(audioPath).absoluteFilePath().toUtf8();
    return m_folder + u'/' + QString::number(checksum(path), 16).rightJustified(16, u'0')
        + u".peaks"_s;
}

std::optional<WaveformPeaks> WaveformCache::load(const QString &audioPath) const
{
    const std::optional<Source> source = sourceOf(audioPath);
    if (!source)
        return std::nullopt;
    QFile file(cacheFilePath(audioPath));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray bytes = file.readAll();
    if (bytes.size() < qsizetype(sizeof(Magic) + sizeof(quint64))
        || std::memcmp(bytes.constData(), Magic, sizeof(Magic)) != 0)
        return std::nullopt;
    // The checksum first: everything read after it is what store() wrote.
    const QByteArrayView body = QByteArrayView(bytes).chopped(sizeof(quint64));
    if (qFromLittleEndian<quint64>(bytes.constData() + body.size()) != checksum(body))
        return std::nullopt;

    Reader in(body.sliced(sizeof(Magic)));
    if (in.take<quint32>() != Version || in.take<qint64>() != source->size
        || in.take<qint64>() != source->mtime || in.take(in.take<quint32>()) != source->path)
        return std::nullopt;
    const qint32 sampleRate = in.take<qint32>();
    const qint32 channelCount = in.take<qint32>();
    const qint32 framesPerBucket = in.take<qint32>();
    const qint64 frameCount = in.take<qint64>();
    const qint64 bucketCount = in.take<qint64>();
    // Compared by division: a forged count must not overflow the check that refuses it.
    if (in.failed() || bucketCount < 0 || bucketCount > in.remaining() / BucketBytes)
        return std::nullopt;
    QList<WaveformPeaks::Bucket> buckets(bucketCount);
    for (WaveformPeaks::Bucket &bucket : buckets)
        bucket = {in.take<qint16>(), in.take<qint16>(), in.take<quint16>()};
    if (in.has(1))
        return std::nullopt;
    // The constructor refuses counts that do not fit together: then the peaks are empty.
    WaveformPeaks peaks(sampleRate, channelCount, framesPerBucket, frameCount, std::move(buckets));
    if (peaks.isEmpty())
        return std::nullopt;
    return peaks;
}

bool WaveformCache::store(const QString &audioPath, const WaveformPeaks &peaks)
{
    const QString path = cacheFilePath(audioPath);
    QString error;
    if (const std::optional<Source> source = sourceOf(audioPath); !source) {
        error = u"the audio file is gone"_s;
    } else if (!QDir().mkpath(m_folder)) {
        error = u"cannot create the folder"_s;
    } else {
        QByteArray out;
        out.reserve(64 + source->path.size() + peaks.buckets().size() * BucketBytes);
        out.append(Magic, sizeof(Magic));
        put<quint32>(out, Version);
        put<qint64>(out, source->size);
        put<qint64>(out, source->mtime);
        put<quint32>(out, quint32(source->path.size()));
        out.append(source->path);
        put<qint32>(out, peaks.sampleRate());
        put<qint32>(out, peaks.channelCount());
        put<qint32>(out, peaks.framesPerBucket());
        put<qint64>(out, peaks.frameCount());
        put<qint64>(out, peaks.buckets().size());
        for (const WaveformPeaks::Bucket &bucket : peaks.buckets()) {
            put<qint16>(out, bucket.min);
            put<qint16>(out, bucket.max);
            put<quint16>(out, bucket.rms);
        }
        put<quint64>(out, checksum(out));
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(out) == out.size() && file.commit())
            return true;
        error = file.errorString();
    }
    if (!m_warned) {
        m_warned = true;
        qWarning("Cuebook: the waveform of %s is not cached (%s: %s); it will be decoded again "
                 "next time. Further cache failures are not logged.",
            qPrintable(audioPath), qPrintable(path), qPrintable(error));
    }
    return false;
}
