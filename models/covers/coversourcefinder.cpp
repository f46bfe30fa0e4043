#include "covers/coversourcefinder.h"

#include "catalog/catalog.h"
#include "userdata/coverstore.h"
#include "userdata/filelinkstore.h"
#include "userdata/userdatabase.h"

#include <QDir>
#include <QFileInfo>

CoverSourceFinder::CoverSourceFinder(
    CatalogLookup catalogs, UserDatabase *userData, QObject *parent)
    : QObject(parent)
    , m_catalogs(std::move(catalogs))
    , m_userData(userData)
{
    if (!userData)
        return;
    connect(userData->covers(), &CoverStore::releaseCoverChanged, this,
        [this](const QString &catalogId, const QString &releaseId) {
            forget(keyOf(catalogId, releaseId));
        });
    connect(userData->fileLinks(), &FileLinkStore::linksChanged, this,
        &CoverSourceFinder::linksChanged);
}

void CoverSourceFinder::forgetAll()
{
    m_found.clear();
}

QString CoverSourceFinder::keyOf(const QString &catalogId, const QString &releaseId)
{
    return catalogId + u'/' + releaseId;
}

CoverSources CoverSourceFinder::sourcesFor(const QString &catalogId, const QString &releaseId) const
{
    const QString key = keyOf(catalogId, releaseId);
    auto found = m_found.constFind(key);
    if (found == m_found.cend())
        found = m_found.insert(key, find(catalogId, releaseId));
    return *found;
}

CoverSources CoverSourceFinder::find(const QString &catalogId, const QString &releaseId) const
{
    const Catalog *catalog = m_catalogs(catalogId);
    const Release *release = catalog ? catalog->release(releaseId) : nullptr;
    if (!release)
        return {};
    CoverSources sources;
    sources.key = keyOf(catalogId, releaseId);
    sources.title = release->title;
    sources.composers = release->artists;
    // Without the catalog's file there is nothing to resolve a catalog's cover path against.
    if (!release->cover.isEmpty() && !catalog->filePath.isEmpty())
        sources.catalogImage = QFileInfo(catalog->filePath).absoluteDir().filePath(release->cover);
    if (!m_userData || !m_userData->isOpen())
        return sources;
    sources.userImage = m_userData->covers()->releaseCover(catalogId, releaseId);
    if (!m_linkedPathsRead) {
        m_linkedPaths = m_userData->fileLinks()->linkedPaths();
        m_linkedPathsRead = true;
    }
    for (const Track &track : release->tracks) {
        const QStringList paths = m_linkedPaths.value({catalogId, track.cueId});
        if (!paths.isEmpty())
            sources.audioFiles.append(paths.first());
    }
    return sources;
}

void CoverSourceFinder::linksChanged(const CueKey &cue)
{
    m_linkedPathsRead = false;
    const Catalog *catalog = m_catalogs(cue.catalogId);
    if (!catalog)
        return;
    // Only releases whose sources were given out: a scan links thousands of cues whose covers
    // no one has looked at yet.
    for (const TrackRef &track : catalog->tracksOfCue(cue.cueId)) {
        const QString key = keyOf(cue.catalogId, catalog->releases[track.release].id);
        if (m_found.contains(key))
            forget(key);
    }
}

void CoverSourceFinder::forget(const QString &key)
{
    m_found.remove(key);
    emit sourcesChanged(key);
}
