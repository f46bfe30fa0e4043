#include "player.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QFileInfo>
#include <QMediaDevices>

#include <algorithm>

Player::Player(QObject *parent)
    : QObject(parent)
{ }

// The multimedia backend starts on the first play, not with the window: starting GStreamer and
// looking for a sound server costs tens of milliseconds that the first paint should not wait for.
void Player::ensureBackend()
{
    if (m_player)
        return;
    createBackend();
    if (!m_devices) {
        m_devices = new QMediaDevices(this);
        // QAudioOutput keeps the device it was made with; follow the system's default instead,
        // so that headphones plugged in (or a sound server started) after launch are used.
        connect(m_devices, &QMediaDevices::audioOutputsChanged, this,
            [this] { m_output->setDevice(QMediaDevices::defaultAudioOutput()); });
    }
}

void Player::play(const QUrl &file, qint64 startMs)
{
    ensureBackend();
    if (!std::exchange(m_deviceChecked, true) && QMediaDevices::audioOutputs().isEmpty())
        QMetaObject::invokeMethod(this, &Player::noAudioDevice, Qt::QueuedConnection);
    ++m_generation;
    m_source = file;
    m_errorReported = false;
    m_pendingSeek.reset();
    m_startWhenSeeked = false;
    if (file.isEmpty()) {
        m_player->setSource(QUrl());
        return;
    }
    // The backend's messages for a missing or empty file are vague ("Resource not found.",
    // "Stream contains no data."), and every backend error costs a fresh QMediaPlayer (below).
    if (const QString problem = fileProblem(file); !problem.isEmpty()) {
        m_player->setSource(QUrl());
        setState(QMediaPlayer::StoppedState);
        reportLater(problem);
        return;
    }
    m_player->setSource(file);
    if (startMs <= 0) {
        m_player->play();
        return;
    }
    // GStreamer drops a seek made before the media is loaded, and playing first would let the
    // opening of the file be heard: load, seek, then play.
    m_pendingSeek = startMs;
    m_startWhenSeeked = true;
    applyPendingSeek();
}

void Player::pause()
{
    m_startWhenSeeked = false;
    if (m_player)
        m_player->pause();
}

void Player::resume()
{
    if (m_source.isEmpty())
        return;
    // The file failed: try it again (it may have been restored), from a fresh backend.
    if (m_errorReported) {
        play(m_source);
        return;
    }
    if (m_pendingSeek && m_player->mediaStatus() == QMediaPlayer::LoadingMedia) {
        m_startWhenSeeked = true;
        return;
    }
    m_player->play();
}

void Player::togglePlayPause()
{
    if (m_state == QMediaPlayer::PlayingState)
        pause();
    else
        resume();
}

void Player::stop()
{
    m_pendingSeek.reset();
    m_startWhenSeeked = false;
    if (m_player)
        m_player->stop();
}

void Player::seek(qint64 ms)
{
    if (m_source.isEmpty())
        return;
    m_pendingSeek = std::max<qint64>(ms, 0);
    applyPendingSeek();
}

void Player::setVolume(qreal volume)
{
    m_volume = std::clamp<qreal>(volume, 0.0, 1.0);
    if (m_output)
        m_output->setVolume(float(m_volume));
}

void Player::setMuted(bool muted)
{
    m_muted = muted;
    if (m_output)
        m_output->setMuted(muted);
}

qint64 Player::position() const
{
    return m_pendingSeek.value_or(m_player ? m_player->position() : 0);
}

qint64 Player::duration() const
{
    return m_player ? m_player->duration() : 0;
}

void Player::createBackend()
{
    m_player = new QMediaPlayer(this);
    // Without an audio output, GStreamer fails audio-only files ("Internal data stream
    // error."). With no sound device at all it still plays, to a fake sink, in real time.
    m_output = new QAudioOutput(this);
    m_output->setVolume(float(m_volume));
    m_output->setMuted(m_muted);
    m_player->setAudioOutput(m_output);

    connect(m_player, &QMediaPlayer::positionChanged, this, &Player::positionChanged);
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        emit durationChanged(ms);
        applyPendingSeek();
    });
    connect(m_player, &QMediaPlayer::seekableChanged, this, &Player::applyPendingSeek);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &Player::updateStatus);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &Player::setState);
    connect(m_player, &QMediaPlayer::errorOccurred, this,
        [this](QMediaPlayer::Error error, const QString &text) {
            if (error != QMediaPlayer::NoError)
                backendFailed(text);
        });
}

void Player::discardBackend()
{
    // Deleted later: this may run inside one of the player's own signals.
    m_player->disconnect(this);
    m_player->deleteLater();
    m_output->deleteLater();
    m_player = nullptr;
    m_output = nullptr;
}

void Player::setState(QMediaPlayer::PlaybackState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit playbackStateChanged(state);
}

void Player::updateStatus(QMediaPlayer::MediaStatus status)
{
    switch (status) {
    case QMediaPlayer::InvalidMedia:
        // The 6.4 GStreamer backend leaves the state Playing here.
        backendFailed(m_player->errorString());
        break;
    case QMediaPlayer::EndOfMedia:
        emit finished();
        break;
    case QMediaPlayer::LoadedMedia:
    case QMediaPlayer::BufferedMedia:
        applyPendingSeek();
        // seekableChanged(true) follows LoadedMedia at once; a file that still cannot seek
        // then (an MP3 without a Xing header has no duration yet) plays from its start, and
        // the seek waits for its duration.
        if (m_startWhenSeeked) {
            QMetaObject::invokeMethod(
                this,
                [this, generation = m_generation] {
                    if (generation == m_generation)
                        startIfStillWaiting();
                },
                Qt::QueuedConnection);
        }
        break;
    default:
        break;
    }
}

void Player::applyPendingSeek()
{
    if (!m_pendingSeek)
        return;
    // Seek only once the media is loaded, seekable and of known length: any earlier, and 6.4
    // drops the seek, or (an MP3 without a Xing header) restarts at 0 with a GStreamer-CRITICAL.
    const QMediaPlayer::MediaStatus status = m_player->mediaStatus();
    if (!m_player->isSeekable() || m_player->duration() <= 0
        || (status != QMediaPlayer::LoadedMedia && status != QMediaPlayer::BufferedMedia))
        return;
    m_player->setPosition(*m_pendingSeek);
    m_pendingSeek.reset();
    startIfStillWaiting();
}

void Player::startIfStillWaiting()
{
    if (!m_startWhenSeeked)
        return;
    m_startWhenSeeked = false;
    m_player->play();
}

void Player::backendFailed(const QString &reason)
{
    if (m_errorReported)
        return;
    // After an error the 6.4 GStreamer player stays "playing", repeats the error up to four
    // times, and blocks the GUI thread for a second on the next stop() or setSource(). A fresh
    // QMediaPlayer has none of that, and deleting the broken one is instant.
    discardBackend();
    createBackend();
    fail(reason);
}

void Player::fail(const QString &reason)
{
    if (m_errorReported)
        return;
    m_errorReported = true;
    m_pendingSeek.reset();
    m_startWhenSeeked = false;
    setState(QMediaPlayer::StoppedState);
    const QString name = m_source.isLocalFile() ? QFileInfo(m_source.toLocalFile()).fileName()
                                                : m_source.toDisplayString();
    emit errorOccurred(tr("“%1” cannot be played. %2").arg(name, reason));
}

void Player::reportLater(const QString &reason)
{
    // Like the backend's errors, ours arrive after play() has returned, so that a receiver can
    // move on to the next file without re-entering play().
    QMetaObject::invokeMethod(
        this,
        [this, reason, generation = m_generation] {
            if (generation == m_generation)
                fail(reason);
        },
        Qt::QueuedConnection);
}

QString Player::fileProblem(const QUrl &file) const
{
    if (!file.isLocalFile())
        return {};
    const QFileInfo info(file.toLocalFile());
    if (!info.exists())
        return tr("The file does not exist.");
    if (info.isDir())
        return tr("It is a folder, not a file.");
    if (!info.isReadable())
        return tr("The file cannot be read; check its permissions.");
    if (info.size() == 0)
        return tr("The file is empty.");
    return {};
}
