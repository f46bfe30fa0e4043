#include "playback.h"

#include "player.h"
#include "playerbar.h"

#include <QUrl>

Playback::Playback(PlayerBar *bar, QObject *parent)
    : QObject(parent)
    , m_bar(bar)
{
    m_player = new Player(this);
    connect(m_player, &Player::positionChanged, m_bar, &PlayerBar::setPosition);
    connect(m_player, &Player::durationChanged, m_bar, &PlayerBar::setDuration);
    connect(m_player, &Player::playbackStateChanged, m_bar, &PlayerBar::setPlaybackState);
    connect(m_player, &Player::finished, this, [this] { apply(m_queue.next()); });
    connect(m_player, &Player::errorOccurred, this, &Playback::playerFailed);

    connect(m_bar, &PlayerBar::playPauseClicked, this, &Playback::togglePlayPause);
    connect(m_bar, &PlayerBar::nextClicked, this, [this] { apply(m_queue.next()); });
    connect(
        m_bar, &PlayerBar::previousClicked, this, [this] { apply(m_queue.previous(position())); });
    connect(m_bar, &PlayerBar::seekRequested, this, [this](qint64 ms) {
        if (!m_restoredPosition) {
            m_player->seek(ms);
            return;
        }
        m_restoredPosition = ms;
        m_bar->setPosition(ms);
    });
    connect(m_bar, &PlayerBar::volumeChanged, m_player, &Player::setVolume);
    connect(m_bar, &PlayerBar::mutedChanged, m_player, &Player::setMuted);
    m_bar->setVolume(m_player->volume());
}

bool Playback::playRelease(const QList<PlayQueue::Item> &tracks, int fromTrack, qint64 startMs)
{
    if (!m_queue.playRelease(tracks, fromTrack, startMs))
        return false;
    m_restoredPosition.reset();
    playCurrent();
    return true;
}

bool Playback::playCue(const PlayQueue::Item &item, qint64 startMs)
{
    if (!m_queue.playCue(item, startMs))
        return false;
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

bool Playback::restore(
    const QList<PlayQueue::Item> &tracks, int fromTrack, qint64 positionMs, qint64 durationMs)
{
    if (!m_queue.playRelease(tracks, fromTrack))
        return false;
    // A file shorter than it was when the app closed starts from its beginning.
    const qint64 position
        = durationMs > 0 && positionMs >= durationMs ? 0 : std::max<qint64>(positionMs, 0);
    m_restoredPosition = position;
    m_bar->setNowPlaying(m_queue.current()->title);
    m_bar->setDuration(std::max<qint64>(durationMs, 0));
    m_bar->setPosition(position);
    m_bar->setPlaybackState(QMediaPlayer::PausedState);
    emit currentChanged();
    return true;
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
