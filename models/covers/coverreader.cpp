#include "covers/coverreader.h"

#include "covers/covercache.h"
#include "covers/embeddedart.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>

namespace {

// Reads at no more than the size needed, where the format allows (JPEG decodes at a fraction
// of its size for a fraction of the time).
QImage decode(QIODevice *device, int pixelSide)
{
    QImageReader reader(device);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && (size.width() > pixelSide * 2 || size.height() > pixelSide * 2))
        reader.setScaledSize(size.scaled(pixelSide * 2, pixelSide * 2, Qt::KeepAspectRatio));
    return reader.read();
}

QImage decodeFile(const QString &path, int pixelSide)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return decode(&file, pixelSide);
}

QImage decodeBytes(QByteArray bytes, int pixelSide)
{
    if (bytes.isEmpty())
        return {};
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return decode(&buffer, pixelSide);
}

// The cover the source holds, through the cache: a null image when it holds none.
CoverReader::Result readSource(
    CoverCache::SourceKind kind, const QString &path, int pixelSide, const CoverCache &cache)
{
    const std::optional<CacheRecord::SourceFile> source = CacheRecord::sourceFile(path);
    if (!source)
        return {};
    if (const std::optional<QByteArray> cached = cache.find(kind, *source, pixelSide)) {
        // An entry whose image does not decode is as good as none: read the source again.
        const QImage image = QImage::fromData(*cached);
        if (cached->isEmpty() || !image.isNull())
            return {image, CoverOrigin::Drawn, true};
    }
    const QImage image = kind == CoverCache::SourceKind::ImageFile
        ? decodeFile(path, pixelSide)
        : decodeBytes(EmbeddedArt::read(path), pixelSide);
    const QImage scaled = CoverReader::scaledToFit(image, pixelSide);
    cache.store(kind, *source, pixelSide, CoverReader::encoded(scaled));
    return {scaled, CoverOrigin::Drawn, false};
}

} // namespace

QImage CoverReader::scaledToFit(const QImage &image, int pixelSide)
{
    if (image.width() <= pixelSide && image.height() <= pixelSide)
        return image;
    return image.scaled(pixelSide, pixelSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

QByteArray CoverReader::encoded(const QImage &scaled)
{
    if (scaled.isNull())
        return {};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, scaled.hasAlphaChannel() ? "png" : "jpg");
    writer.setQuality(90);
    if (!writer.write(scaled))
        return {};
    return bytes;
}

CoverReader::Result CoverReader::read(
    const CoverSources &sources, int pixelSide, const CoverCache &cache)
{
    auto found = [](Result result, CoverOrigin origin) {
        result.origin = origin;
        return result;
    };
    if (!sources.userImage.isEmpty()) {
        Result result
            = readSource(CoverCache::SourceKind::ImageFile, sources.userImage, pixelSide, cache);
        if (!result.image.isNull())
            return found(result, CoverOrigin::UserImage);
    }
    for (qsizetype i = 0; i < std::min<qsizetype>(sources.audioFiles.size(), MaxAudioFilesTried);
         ++i) {
        Result result = readSource(
            CoverCache::SourceKind::EmbeddedArt, sources.audioFiles[i], pixelSide, cache);
        if (!result.image.isNull())
            return found(result, CoverOrigin::EmbeddedArt);
    }
    if (!sources.catalogImage.isEmpty()) {
        Result result
            = readSource(CoverCache::SourceKind::ImageFile, sources.catalogImage, pixelSide, cache);
        if (!result.image.isNull())
            return found(result, CoverOrigin::CatalogImage);
    }
    return {};
}
