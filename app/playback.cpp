#include "playback.h"

#include "itemmodels/catalogmodel.h"
#include "player.h"
#include "playerbar.h"
#include "userdata/filelinkstore.h"
#include "userdata/userdatabase.h"

#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

const QString VolumeKey = u"player/volume"_s;
const QString LastCueKey = u"player/lastCue"_s;
const QString LastPositionKey = u"player/lastPosition"_s;

} // namespace

Playback::Playback(
    const CatalogModel *catalogs, const UserDatabase *userData, PlayerBar *bar, QObject *parent)
    : QObject(parent)
    , m_catalogs(catalogs)
    , m_userData(userData)
    , m_bar(bar)
{
    m_player = new Player(this);
    connect(m_player, &Player::positionChanged, m_bar, &PlayerBar::setPosition);
    connect(m_player, &Player::positionChanged, this, &Playback::positionChanged);
    connect(m_player, &Player::durationChanged, m_bar, &PlayerBar::setDuration);
    connect(m_player, &Player::playbackStateChanged, m_bar, &PlayerBar::setPlaybackState);
    connect(m_player, &Player::finished, this, [this] { apply(m_queue.next()); });
    connect(m_player, &Player::errorOccurred, this, &Playback::playerFailed);
    connect(m_player, &Player::noAudioDevice, this, [this] {
        const PlayQueue::Item *item = m_queue.current();
        emit errorOccurred(tr("Playing “%1”, but no audio output device was found: nothing can be "
                              "heard until one is connected or the sound server starts.")
                               .arg(item ? item->title : QString()));
    });

    connect(m_bar, &PlayerBar::playPauseClicked, this, &Playback::togglePlayPause);
    connect(m_bar, &PlayerBar::nextClicked, this, [this] { apply(m_queue.next()); });
    connect(
        m_bar, &PlayerBar::previousClicked, this, [this] { apply(m_queue.previous(position())); });
    connect(m_bar, &PlayerBar::seekRequested, this, &Playback::seek);
    connect(m_bar, &PlayerBar::volumeChanged, m_player, &Player::setVolume);
    connect(m_bar, &PlayerBar::mutedChanged, m_player, &Player::setMuted);
    m_bar->setVolume(m_player->volume());
}

PlayQueue::Item Playback::queueItem(const Location &cue, const Track &track) const
{
    const auto file = m_userData
        ? m_userData->fileLinks()->preferredFile({cue.catalogId, track.cueId})
        : std::nullopt;
    return {
        cue.catalogId, track.cueId, cue.releaseId, track.title, file ? file->file.path : QString()};
}

std::pair<QList<PlayQueue::Item>, int> Playback::releaseItems(const Location &cue) const
{
    const Catalog *catalog = m_catalogs->catalog(cue.catalogId);
    const Release *release = catalog ? catalog->release(cue.releaseId) : nullptr;
    QList<PlayQueue::Item> items;
    int from = -1;
    for (const Track &track : release ? release->tracks : QList<Track>()) {
        if (track.cueId == cue.id && from < 0)
            from = int(items.size());
        items.append(queueItem(cue, track));
    }
    return {items, from};
}

bool Playback::playRelease(const Location &location)
{
    const Catalog *catalog = m_catalogs->catalog(location.catalogId);
    Location cue = location;
    if (location.kind == Location::Release) {
        const Release *release = catalog ? catalog->release(location.id) : nullptr;
        if (release && !release->tracks.isEmpty())
            cue = {
                Location::Cue, location.catalogId, release->tracks.constFirst().cueId, release->id};
    }
    const auto [items, from] = releaseItems(cue);
    if (cue.kind != Location::Cue || items.isEmpty()) {
        emit errorOccurred(tr("Choose a release or a track to play."));
        return false;
    }
    // A track asked for by name plays itself or nothing; a release starts where a file is.
    if (location.kind == Location::Cue && from >= 0 && items.at(from).filePath.isEmpty()
        && std::any_of(items.cbegin(), items.cend(),
            [](const PlayQueue::Item &item) { return !item.filePath.isEmpty(); })) {
        emit errorOccurred(tr("“%1” has no audio file yet: use Link Audio File… (Ctrl+L), or drop "
                              "a file on the track.")
                               .arg(items.at(from).title));
        return false;
    }
    if (!m_queue.playRelease(items, std::max(from, 0))) {
        emit errorOccurred(
            tr("No track of “%1” has an audio file yet: use Link Audio File… (Ctrl+L) on a track.")
                .arg(catalog->release(cue.releaseId)->title));
        return false;
    }
    m_restoredPosition.reset();
    playCurrent();
    return true;
}

bool Playback::playCue(const Location &cue, qint64 startMs)
{
    const Catalog *catalog = m_catalogs->catalog(cue.catalogId);
    const QList<TrackRef> places = catalog ? catalog->tracksOfCue(cue.id) : QList<TrackRef>();
    if (cue.kind != Location::Cue || places.isEmpty())
        return false;
    const Release &release = catalog->releases.at(places.constFirst().release);
    const Track &track = release.tracks.at(places.constFirst().track);
    Location reached = cue;
    if (reached.releaseId.isEmpty())
        reached.releaseId = release.id;
    if (!m_queue.playCue(queueItem(reached, track), startMs)) {
        emit errorOccurred(tr("“%1” has no audio file yet: use Link Audio File… (Ctrl+L) on it.")
                               .arg(track.title));
        return false;
    }
    m_restoredPosition.reset();
    playCurrent();
    return true;
}

void Playback::togglePlayPause()
{
    if (m_restoredPosition)
        playCurrent();
    else if (m_queue.current())
        m_player->togglePlayPause();
}

void Playback::saveSession(QSettings &settings) const
{
    settings.setValue(VolumeKey, volume());
    if (const PlayQueue::Item *item = current()) {
        settings.setValue(LastCueKey, QStringList {item->catalogId, item->cueId, item->releaseId});
        settings.setValue(LastPositionKey, position());
    } else {
        settings.remove(LastCueKey);
        settings.remove(LastPositionKey);
    }
}

void Playback::restoreVolume(const QSettings &settings)
{
    setVolume(settings.value(VolumeKey, 1.0).toReal());
}

bool Playback::restoreSession(const QSettings &settings)
{
    const QStringList last = settings.value(LastCueKey).toStringList();
    if (last.size() != 3 || current())
        return false;
    const Location cue {Location::Cue, last.at(0), last.at(1), last.at(2)};
    const auto [items, from] = releaseItems(cue);
    if (from < 0 || items.at(from).filePath.isEmpty() || !m_queue.playRelease(items, from))
        return false;
    qint64 durationMs
        = m_catalogs->catalog(cue.catalogId)->release(cue.releaseId)->tracks.at(from).durationMs;
    if (const auto file = m_userData->fileLinks()->preferredFile(cue.cueKey());
        file && file->file.durationMs > 0)
        durationMs = file->file.durationMs;
    const qint64 positionMs = settings.value(LastPositionKey).toLongLong();
    // A file shorter than it was when the app closed starts from its beginning.
    m_restoredPosition
        = durationMs > 0 && positionMs >= durationMs ? 0 : std::max<qint64>(positionMs, 0);
    m_bar->setNowPlaying(m_queue.current()->title);
    m_bar->setDuration(std::max<qint64>(durationMs, 0));
    m_bar->setPosition(*m_restoredPosition);
    m_bar->setPlaybackState(QMediaPlayer::PausedState);
    emit currentChanged();
    return true;
}

void Playback::seek(qint64 ms)
{
    if (!m_queue.current())
        return;
    ms = std::max<qint64>(ms, 0);
    if (!m_restoredPosition) {
        m_player->seek(ms);
        return;
    }
    m_restoredPosition = ms;
    m_bar->setPosition(ms);
    emit positionChanged(ms);
}

qint64 Playback::position() const
{
    return m_restoredPosition.value_or(m_player->position());
}

qreal Playback::volume() const
{
    return m_player->volume();
}

void Playback::setVolume(qreal volume)
{
    m_player->setVolume(volume);
    m_bar->setVolume(volume);
}

void Playback::apply(PlayQueue::Step step)
{
    switch (step) {
    case PlayQueue::PlayCurrent:
        m_restoredPosition.reset();
        playCurrent();
        break;
    case PlayQueue::RestartCurrent:
        if (m_restoredPosition) {
            m_restoredPosition = 0;
            m_bar->setPosition(0);
            break;
        }
        m_player->seek(0);
        break;
    case PlayQueue::NoChange:
        break;
    case PlayQueue::Finished:
        m_restoredPosition.reset();
        m_player->stop();
        m_bar->clear();
        emit currentChanged();
        break;
    }
}

void Playback::playCurrent()
{
    const PlayQueue::Item *item = m_queue.current();
    if (!item)
        return;
    m_bar->setNowPlaying(item->title);
    const qint64 start
        = std::exchange(m_restoredPosition, std::nullopt).value_or(m_queue.startOffsetMs());
    m_player->play(QUrl::fromLocalFile(item->filePath), start);
    emit currentChanged();
}

void Playback::playerFailed(const QString &message)
{
    const PlayQueue::Item *item = m_queue.current();
    emit errorOccurred(
        item ? tr("“%1” could not be played: %2").arg(item->title, message) : message);
    if (item)
        emit itemFailed(*item, message);
    apply(m_queue.markUnplayable(m_queue.currentIndex()));
}
