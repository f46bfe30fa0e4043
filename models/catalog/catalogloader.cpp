#include "catalog/catalogloader.h"

#include "catalog/catalogreader.h"

#include <QtConcurrent/QtConcurrentRun>

namespace {

CatalogLoader::Result readCatalog(const QString &filePath)
{
    CatalogReader reader;
    CatalogLoader::Result result;
    result.filePath = filePath;
    result.ok = reader.read(filePath);
    result.errors = reader.errors();
    result.warnings = reader.warnings();
    if (result.ok)
        result.catalog = reader.takeCatalog();
    return result;
}

} // namespace

CatalogLoader::CatalogLoader(QObject *parent)
    : QObject(parent)
{ }

CatalogLoader::~CatalogLoader()
{
    // The worker holds no reference to this object, but its result must not outlive the
    // process: wait for it rather than leave a thread running at exit.
    if (m_watcher)
        m_watcher->waitForFinished();
}

void CatalogLoader::load(const QString &filePath)
{
    const bool wasBusy = isBusy();
    m_queue.append(filePath);
    startNext();
    if (!wasBusy)
        emit busyChanged(true);
}

void CatalogLoader::cancel()
{
    const bool wasBusy = isBusy();
    m_queue.clear();
    // A read cannot be interrupted half way; its result is dropped when it arrives.
    m_current.clear();
    if (wasBusy)
        emit busyChanged(false);
}

void CatalogLoader::startNext()
{
    if (m_watcher || m_queue.isEmpty())
        return;
    m_current = m_queue.takeFirst();
    m_watcher = new QFutureWatcher<Result>(this);
    connect(m_watcher, &QFutureWatcher<Result>::finished, this, &CatalogLoader::readFinished);
    m_watcher->setFuture(QtConcurrent::run(readCatalog, m_current));
}

void CatalogLoader::readFinished()
{
    const bool wanted = !m_current.isEmpty();
    const Result result = m_watcher->result();
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_current.clear();
    startNext();
    if (!wanted)
        return;
    emit finished(result);
    if (!isBusy())
        emit busyChanged(false);
}
