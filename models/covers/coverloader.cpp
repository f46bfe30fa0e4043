#include "covers/coverloader.h"

#include "covers/coverreader.h"
#include "covers/typographiccover.h"

#include <QMutexLocker>

#include <cmath>

namespace {

// Enough for a screenful of the largest covers many times over, yet a bound: a grid scrolled
// through 4,000 releases keeps the most recent ~1,000 at the default size.
constexpr int MemoryBudgetKiB = 96 * 1024;
// Requests beyond these are the ones the user scrolled past: dropped, and asked for again if
// they come back into view.
constexpr qsizetype MaxQueued = 256;
constexpr int ReaderThreads = 2;

int kibOf(const QPixmap &pixmap)
{
    return std::max(1, int(qint64(pixmap.width()) * pixmap.height() * 4 / 1024));
}

} // namespace

CoverLoader::CoverLoader(const QString &cacheFolder, QObject *parent)
    : QObject(parent)
    , m_cache(cacheFolder)
    , m_memory(MemoryBudgetKiB)
{
    m_pool.setMaxThreadCount(ReaderThreads);
    // The readers take only what the GUI thread leaves (SCHED_IDLE on Linux): on a machine of
    // two cores, two busy readers at normal priority made the GUI thread wait for its turn
    // while the grid scrolled.
    m_pool.setThreadPriority(QThread::IdlePriority);
}

CoverLoader::~CoverLoader()
{
    {
        QMutexLocker lock(&m_queueMutex);
        m_queue.clear();
    }
    m_pool.waitForDone();
}

QString CoverLoader::memoryKey(const QString &key, int pixelSide)
{
    return key + u'@' + QString::number(pixelSide);
}

QPixmap CoverLoader::cover(const CoverSources &sources, int side, qreal devicePixelRatio)
{
    const int pixelSide = int(std::ceil(side * devicePixelRatio));
    const QString memory = memoryKey(sources.key, pixelSide);
    if (const Loaded *loaded = m_memory.object(memory)) {
        QPixmap pixmap = loaded->pixmap;
        pixmap.setDevicePixelRatio(devicePixelRatio);
        return pixmap;
    }
    if (m_inFlight.contains(memory))
        return {};
    m_inFlight.insert(memory);
    {
        QMutexLocker lock(&m_queueMutex);
        m_queue.append({sources, pixelSide, m_generations.value(sources.key)});
        if (m_queue.size() > MaxQueued) {
            const Request dropped = m_queue.takeFirst();
            m_inFlight.remove(memoryKey(dropped.sources.key, dropped.pixelSide));
        }
    }
    m_pool.start([this] { readNewest(); });
    return {};
}

CoverOrigin CoverLoader::origin(const QString &key, int side, qreal devicePixelRatio) const
{
    const Loaded *loaded = m_memory.object(memoryKey(key, int(std::ceil(side * devicePixelRatio))));
    return loaded ? loaded->origin : CoverOrigin::Drawn;
}

void CoverLoader::forget(const QString &key)
{
    ++m_generations[key];
    const QString prefix = key + u'@';
    for (const QString &memory : m_memory.keys()) {
        if (memory.startsWith(prefix))
            m_memory.remove(memory);
    }
    // Reads on their way finish and are dropped; the next cover() asks again.
    for (auto it = m_inFlight.begin(); it != m_inFlight.end();) {
        it = it->startsWith(prefix) ? m_inFlight.erase(it) : std::next(it);
    }
    emit coverLoaded(key, CoverOrigin::Drawn, false);
}

QImage CoverLoader::drawn(const Request &request)
{
    return TypographicCover::render(
        request.sources.title, request.sources.composers, request.sources.key, request.pixelSide);
}

int CoverLoader::queuedCount() const
{
    QMutexLocker lock(&m_queueMutex);
    return int(m_queue.size());
}

void CoverLoader::waitForIdle()
{
    m_pool.waitForDone();
}

void CoverLoader::readNewest()
{
    Request request;
    {
        QMutexLocker lock(&m_queueMutex);
        if (m_queue.isEmpty())
            return;
        request = m_queue.takeLast();
    }
    const CoverReader::Result result
        = CoverReader::read(request.sources, request.pixelSide, m_cache);
    QMetaObject::invokeMethod(
        this,
        [this, request, result] { finish(request, result.image, result.origin, result.fromCache); },
        Qt::QueuedConnection);
}

void CoverLoader::finish(const Request &request, QImage image, CoverOrigin origin, bool fromCache)
{
    const QString &key = request.sources.key;
    if (request.generation != m_generations.value(key))
        return;
    const QString memory = memoryKey(key, request.pixelSide);
    m_inFlight.remove(memory);
    auto *loaded = new Loaded;
    loaded->origin = origin;
    loaded->pixmap = QPixmap::fromImage(image.isNull() ? drawn(request) : std::move(image));
    const int cost = kibOf(loaded->pixmap);
    m_memory.insert(memory, loaded, cost);
    emit coverLoaded(key, origin, fromCache);
}
