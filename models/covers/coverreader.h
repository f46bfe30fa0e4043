#pragma once

#include "covers/coversources.h"

#include <QImage>

class CoverCache;

// Finds a release's cover in its sources, best first, and scales it to fit a square of
// pixelSide: through the cache where it holds the source as it is now, else from the source
// itself, which then goes into the cache. Sources that are gone, unreadable or not images are
// passed over. Synchronous, for a worker thread.
namespace CoverReader {

struct Result
{
    QImage image; // null: no source gave an image, and the drawn cover stands in
    CoverOrigin origin = CoverOrigin::Drawn;
    bool fromCache = false;
};

// Linked files tried for embedded art, at most: a release's files are tagged alike, so a file
// without art after the first few says the rest have none either, and each try opens a file.
constexpr int MaxAudioFilesTried = 4;

Result read(const CoverSources &sources, int pixelSide, const CoverCache &cache);

// image scaled to fit a square of pixelSide, never enlarged.
QImage scaledToFit(const QImage &image, int pixelSide);
// The image encoded for the cache: JPEG, or PNG where it has transparency; empty for a null one.
QByteArray encoded(const QImage &scaled);

} // namespace CoverReader
