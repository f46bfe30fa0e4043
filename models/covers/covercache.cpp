#include "covers/covercache.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

// The layout, every number little-endian:
//   magic "CBCV", u32 version, u32 source kind, i32 pixel side,
//   i64 source size, i64 source modification time (ms since the epoch),
//   u32 length + UTF-8 bytes of the source's absolute path,
//   u32 length + the encoded image (none: the source holds no image),
//   u64 XXH64 of every byte before it.
namespace {

QByteArrayView magic()
{
    return QByteArrayView(CoverCache::Magic, sizeof(CoverCache::Magic));
}

} // namespace

QString CoverCache::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/covers"_s;
}

CoverCache::CoverCache(const QString &folder)
    : m_folder(folder)
{ }

QString CoverCache::entryPath(SourceKind kind, const QString &sourcePath, int pixelSide) const
{
    const QByteArray key = QByteArray::number(quint32(kind)) + '|' + QByteArray::number(pixelSide)
        + '|' + QDir::cleanPath(QDir().absoluteFilePath(sourcePath)).toUtf8();
    return m_folder + u'/' + CacheRecord::hexName(key) + u".cover"_s;
}

std::optional<QByteArray> CoverCache::find(
    SourceKind kind, const CacheRecord::SourceFile &source, int pixelSide) const
{
    QFile file(entryPath(kind, QString::fromUtf8(source.path), pixelSide));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray bytes = file.readAll();
    const std::optional<QByteArrayView> body = CacheRecord::unseal(bytes, magic());
    if (!body)
        return std::nullopt;
    CacheRecord::Reader in(*body);
    if (in.take<quint32>() != Version || in.take<quint32>() != quint32(kind)
        || in.take<qint32>() != pixelSide || !in.takeSource(source))
        return std::nullopt;
    const QByteArrayView image = in.take(in.take<quint32>());
    if (in.failed() || in.has(1))
        return std::nullopt;
    return image.toByteArray();
}

bool CoverCache::store(SourceKind kind, const CacheRecord::SourceFile &source, int pixelSide,
    const QByteArray &encodedImage) const
{
    const QString path = entryPath(kind, QString::fromUtf8(source.path), pixelSide);
    QString error;
    if (!QDir().mkpath(m_folder)) {
        error = u"cannot create the folder"_s;
    } else {
        QByteArray out;
        out.reserve(64 + source.path.size() + encodedImage.size());
        out.append(magic());
        CacheRecord::put<quint32>(out, Version);
        CacheRecord::put<quint32>(out, quint32(kind));
        CacheRecord::put<qint32>(out, pixelSide);
        CacheRecord::putSource(out, source);
        CacheRecord::put<quint32>(out, quint32(encodedImage.size()));
        out.append(encodedImage);
        CacheRecord::seal(out);
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(out) == out.size() && file.commit())
            return true;
        error = file.errorString();
    }
    if (!m_warned.exchange(true)) {
        qWarning("Cuebook: the cover from %s is not cached (%s: %s); it will be decoded again "
                 "next time. Further cache failures are not logged.",
            source.path.constData(), qPrintable(path), qPrintable(error));
    }
    return false;
}
