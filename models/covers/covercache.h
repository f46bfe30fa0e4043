#pragma once

#include "library/cacherecord.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <optional>

// Covers scaled to the sizes the window shows, kept on disk so that an image is decoded and
// scaled once: one small file per source file and size, valid only while the source's size and
// modification time still match. A source that holds no image (an audio file without art) is
// remembered too, as an entry with no image, so that it is not opened again. An entry that is
// missing, stale, truncated or corrupt is not trusted: find() says there is none, and the next
// store() replaces it. Writes are atomic. A failed write costs only time (the cover is decoded
// again next time), so it is logged once per cache. Synchronous and thread-safe: CoverLoader's
// workers call it.
class CoverCache
{
public:
    static constexpr char Magic[4] = {'C', 'B', 'C', 'V'};
    // A change in the layout or in how covers are scaled bumps Version, retiring older entries.
    static constexpr quint32 Version = 1;

    // What an entry was made from: the same file read as a picture or as audio gives different
    // covers.
    enum class SourceKind : quint32 { ImageFile = 1, EmbeddedArt = 2 };

    // QStandardPaths::CacheLocation + "/covers".
    static QString defaultFolder();

    explicit CoverCache(const QString &folder = defaultFolder());

    QString folder() const { return m_folder; }
    QString entryPath(SourceKind kind, const QString &sourcePath, int pixelSide) const;

    // The encoded image stored for the source as it is now on disk (empty: it holds none);
    // nothing when there is no entry that can be trusted.
    std::optional<QByteArray> find(
        SourceKind kind, const CacheRecord::SourceFile &source, int pixelSide) const;
    bool store(SourceKind kind, const CacheRecord::SourceFile &source, int pixelSide,
        const QByteArray &encodedImage) const;

private:
    QString m_folder;
    mutable std::atomic_bool m_warned = false;
};
