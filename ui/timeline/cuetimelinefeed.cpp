#include "timeline/cuetimelinefeed.h"

#include "catalog/occurrences.h"
#include "itemmodels/catalogmodel.h"
#include "timeline/cuetimeline.h"
#include "userdata/filelinkstore.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"
#include "waveform/waveformloader.h"

#include <QFileInfo>

CueTimelineFeed::CueTimelineFeed(
    const CatalogModel *catalogs, CueTimeline *timeline, QObject *parent)
    : QObject(parent ? parent : timeline)
    , m_catalogs(catalogs)
    , m_timeline(timeline)
{
    Q_ASSERT(catalogs && timeline);
    // Ids, not pointers, are kept: when catalogs come and go the cue is looked up again.
    connect(catalogs, &CatalogModel::catalogsChanged, this, &CueTimelineFeed::refresh);
}

void CueTimelineFeed::setUserData(const UserDatabase *userData)
{
    if (m_userData) {
        disconnect(m_userData->fileLinks(), nullptr, this, nullptr);
        disconnect(m_userData->markers(), nullptr, this, nullptr);
    }
    m_userData = userData;
    if (userData) {
        connect(
            userData->fileLinks(), &FileLinkStore::linksChanged, this, [this](const CueKey &cue) {
                if (cue == m_cue)
                    refreshFile();
            });
        connect(userData->markers(), &MarkerStore::markersChanged, this, [this](const CueKey &cue) {
            if (cue == m_cue)
                refreshMarkers();
        });
    }
    refresh();
}

void CueTimelineFeed::setWaveformLoader(WaveformLoader *loader)
{
    if (m_loader)
        disconnect(m_loader, nullptr, this, nullptr);
    m_loader = loader;
    if (!loader)
        return;
    connect(loader, &WaveformLoader::decodingStarted, this, [this](const QString &path) {
        if (path == m_audioPath)
            m_timeline->setReadingProgress(0);
    });
    connect(loader, &WaveformLoader::progress, this, [this](const QString &path, double fraction) {
        if (path == m_audioPath)
            m_timeline->setReadingProgress(int(fraction * 100));
    });
    connect(loader, &WaveformLoader::ready, this, &CueTimelineFeed::waveformReady);
    connect(
        loader, &WaveformLoader::failed, this, [this](const QString &path, const QString &reason) {
            if (path == m_audioPath)
                m_timeline->setUnreadable(tr("The waveform could not be read: %1").arg(reason));
        });
    requestWaveform();
}

void CueTimelineFeed::setCue(const CueKey &cue)
{
    if (cue == m_cue)
        return;
    m_cue = cue;
    m_timeline->setPosition(-1);
    m_timeline->setSelectedMarker({});
    refresh();
}

void CueTimelineFeed::refresh()
{
    const Catalog *catalog = m_catalogs->catalog(m_cue.catalogId);
    if (!catalog || !catalog->cue(m_cue.cueId)) {
        m_timeline->setDuration(0);
        m_timeline->setOccurrences({});
        m_timeline->setMarkers({});
        m_timeline->setNoAudioFile();
        if (!std::exchange(m_audioPath, QString()).isEmpty()) {
            requestWaveform();
            emit audioPathChanged(QString());
        }
        return;
    }
    QList<Occurrence> occurrences;
    for (const OccurrenceRow &row : Occurrences::ofCue(m_catalogs->catalogs(), m_cue))
        occurrences.append(row.occurrence);
    // Every theme of the catalog: a marker may name one the cue's occurrences do not.
    QHash<QString, QString> names;
    for (const Theme &theme : catalog->themes)
        names.insert(theme.id, theme.name);
    m_timeline->setThemeNames(names);
    m_timeline->setOccurrences(occurrences);
    refreshFile();
    refreshMarkers();
}

void CueTimelineFeed::refreshFile()
{
    const Catalog *catalog = m_catalogs->catalog(m_cue.catalogId);
    if (!catalog)
        return;
    std::optional<FileLink> file;
    if (m_userData && m_userData->isOpen())
        file = m_userData->fileLinks()->preferredFile(m_cue);
    const bool onDisk = file && QFileInfo::exists(file->file.path);
    // The file's own length is the one the player plays and the waveform spans.
    const qint64 fileDuration = onDisk ? file->file.durationMs : -1;
    m_timeline->setDuration(
        fileDuration > 0 ? fileDuration : std::max<qint64>(catalog->cueDurationMs(m_cue.cueId), 0));

    const QString path = onDisk ? file->file.path : QString();
    if (path == m_audioPath && !path.isEmpty())
        return;
    if (!file)
        m_timeline->setNoAudioFile();
    else if (!onDisk)
        m_timeline->setUnreadable(tr("The linked audio file is missing"));
    else
        m_timeline->setReadingProgress(-1);
    if (path != m_audioPath) {
        m_audioPath = path;
        requestWaveform();
        emit audioPathChanged(path);
    }
}

void CueTimelineFeed::requestWaveform()
{
    // An empty path cancels what the loader was reading for the cue before.
    if (m_loader)
        m_loader->request(m_audioPath);
}

void CueTimelineFeed::waveformReady(const QString &path, const WaveformPeaks &peaks)
{
    if (path != m_audioPath)
        return;
    if (peaks.isEmpty())
        m_timeline->setUnreadable(tr("The audio file holds no sound"));
    else
        m_timeline->setWaveform(peaks);
}

void CueTimelineFeed::refreshMarkers()
{
    m_timeline->setMarkers(m_userData && m_userData->isOpen()
            ? m_userData->markers()->markers(m_cue)
            : QList<Marker>());
}
