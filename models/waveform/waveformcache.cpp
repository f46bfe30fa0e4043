#include "waveform/waveformcache.h"

#include "library/cacherecord.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

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

} // namespace

using CacheRecord::put;

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
    return m_folder + u'/' + CacheRecord::hexName(path) + u".peaks"_s;
}

std::optional<WaveformPeaks> WaveformCache::load(const QString &audioPath) const
{
    const std::optional<CacheRecord::SourceFile> source = CacheRecord::sourceFile(audioPath);
    if (!source)
        return std::nullopt;
    QFile file(cacheFilePath(audioPath));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray bytes = file.readAll();
    // The checksum first: everything read after it is what store() wrote.
    const std::optional<QByteArrayView> body
        = CacheRecord::unseal(bytes, QByteArrayView(Magic, sizeof(Magic)));
    if (!body)
        return std::nullopt;
    CacheRecord::Reader in(*body);
    if (in.take<quint32>() != Version || !in.takeSource(*source))
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
    if (const std::optional<CacheRecord::SourceFile> source = CacheRecord::sourceFile(audioPath);
        !source) {
        error = u"the audio file is gone"_s;
    } else if (!QDir().mkpath(m_folder)) {
        error = u"cannot create the folder"_s;
    } else {
        QByteArray out;
        out.reserve(64 + source->path.size() + peaks.buckets().size() * BucketBytes);
        out.append(Magic, sizeof(Magic));
        put<quint32>(out, Version);
        CacheRecord::putSource(out, *source);
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
        CacheRecord::seal(out);
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
