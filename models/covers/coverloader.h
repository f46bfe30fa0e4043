#pragma once

#include "covers/covercache.h"
#include "covers/coversources.h"

#include <QCache>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QThreadPool>

// Release covers for the views that show many at once (the cover grid, the release pane), read
// off the GUI thread and kept in memory for as long as there is room. Asking for a cover that is
// not in memory returns a null pixmap at once and queues it: coverLoaded() follows. The newest
// requests are read first, and the oldest dropped when the queue is long, so that a view scrolled
// fast fills what it shows now, not what it showed a second ago.
class CoverLoader : public QObject
{
    Q_OBJECT

public:
    explicit CoverLoader(
        const QString &cacheFolder = CoverCache::defaultFolder(), QObject *parent = nullptr);
    ~CoverLoader() override;

    // The cover fitted in a square of side device-independent pixels at devicePixelRatio; a
    // null pixmap while it is read.
    QPixmap cover(const CoverSources &sources, int side, qreal devicePixelRatio);
    // Where the cover in memory came from; Drawn when none is there.
    CoverOrigin origin(const QString &key, int side, qreal devicePixelRatio) const;
    // The cover's sources changed (the user chose an image): what is in memory or on its way
    // of it is dropped, and coverLoaded() tells the views to ask again.
    void forget(const QString &key);

    int queuedCount() const;
    // Waits for every queued read: for tests and the benchmark.
    void waitForIdle();

signals:
    // fromCache: the disk cache held it (the source was not decoded).
    void coverLoaded(const QString &key, CoverOrigin origin, bool fromCache);

private:
    struct Request
    {
        CoverSources sources;
        int pixelSide = 0;
        quint64 generation = 0;
    };
    struct Loaded
    {
        QPixmap pixmap;
        CoverOrigin origin = CoverOrigin::Drawn;
    };

    static QString memoryKey(const QString &key, int pixelSide);
    static QImage drawn(const Request &request);
    void readNewest();
    void finish(const Request &request, QImage image, CoverOrigin origin, bool fromCache);

    CoverCache m_cache;
    QCache<QString, Loaded> m_memory;
    // Keys of requests queued or being read, by memory key.
    QSet<QString> m_inFlight;
    // A forget() bumps the key's generation: reads begun before it are thrown away.
    QHash<QString, quint64> m_generations;

    mutable QMutex m_queueMutex;
    QList<Request> m_queue; // newest last
    QThreadPool m_pool;
};
