#include "waveform/waveformloader.h"

#include "waveform/waveformcache.h"
#include "waveform/waveformworker.h"

using namespace Qt::StringLiterals;

WaveformLoader::WaveformLoader(QObject *parent)
    : WaveformLoader(WaveformCache::defaultFolder(), parent)
{ }

WaveformLoader::WaveformLoader(const QString &cacheFolder, QObject *parent)
    : QObject(parent)
    , m_cacheFolder(cacheFolder)
{
    m_thread.setObjectName(u"WaveformLoader"_s);
}

WaveformLoader::~WaveformLoader()
{
    // The worker's event loop ends between two decoded buffers; the worker and its decoder are
    // then deleted on their own thread (QThread::finished), before wait() returns.
    m_thread.quit();
    m_thread.wait();
}

WaveformWorker *WaveformLoader::worker()
{
    if (!m_worker) {
        m_worker = new WaveformWorker(m_cacheFolder);
        m_worker->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        connect(
            m_worker, &WaveformWorker::decodingStarted, this, &WaveformLoader::onDecodingStarted);
        connect(m_worker, &WaveformWorker::progress, this, &WaveformLoader::onProgress);
        connect(m_worker, &WaveformWorker::ready, this, &WaveformLoader::onReady);
        connect(m_worker, &WaveformWorker::failed, this, &WaveformLoader::onFailed);
        m_thread.start();
    }
    return m_worker;
}

void WaveformLoader::request(const QString &path)
{
    if (path.isEmpty()) {
        cancel();
        return;
    }
    if (path == m_pendingPath)
        return;
    const quint64 id = ++m_pendingId;
    m_pendingPath = path;
    WaveformWorker *target = worker();
    QMetaObject::invokeMethod(target, [target, id, path] { target->load(id, path); });
}

void WaveformLoader::cancel(const QString &path)
{
    if (!path.isEmpty() && path == m_pendingPath)
        cancel();
}

void WaveformLoader::cancel()
{
    if (m_pendingPath.isEmpty())
        return;
    ++m_pendingId;
    m_pendingPath.clear();
    WaveformWorker *target = m_worker;
    QMetaObject::invokeMethod(target, [target] { target->stop(); });
}

void WaveformLoader::onDecodingStarted(quint64 id)
{
    if (isPending(id))
        emit decodingStarted(m_pendingPath);
}

void WaveformLoader::onProgress(quint64 id, double fraction)
{
    if (isPending(id))
        emit progress(m_pendingPath, fraction);
}

void WaveformLoader::onReady(quint64 id, const WaveformPeaks &peaks)
{
    if (!isPending(id))
        return;
    const QString path = m_pendingPath;
    m_pendingPath.clear();
    emit ready(path, peaks);
}

void WaveformLoader::onFailed(quint64 id, const QString &reason)
{
    if (!isPending(id))
        return;
    const QString path = m_pendingPath;
    m_pendingPath.clear();
    emit failed(path, reason);
}
