#pragma once

#include <QMediaPlayer>
#include <QObject>
#include <QUrl>

#include <optional>

class QAudioOutput;
class QMediaDevices;

// Plays one audio file at a time: the only owner of QMediaPlayer and QAudioOutput, and a thin
// adapter over them that hides the traps of Qt 6.4's GStreamer backend (early seeks dropped,
// errors reported several times, the state left at playing after an error). What to play next is
// PlayQueue's business, not this class's.
class Player : public QObject
{
    Q_OBJECT

public:
    explicit Player(QObject *parent = nullptr);

    // Loads file and plays it from startMs. With a start offset, playback begins only once the
    // media can seek, so the first moments of the file are never heard.
    void play(const QUrl &file, qint64 startMs = 0);
    void pause();
    // Plays the current source again after pause() or stop(); nothing without a source.
    void resume();
    void togglePlayPause();
    void stop();
    // A seek asked for before the media is loaded is kept and applied once it can be.
    void seek(qint64 ms);

    // Linear volume, 0 to 1, as QAudioOutput takes it.
    qreal volume() const { return m_volume; }
    void setVolume(qreal volume);
    bool isMuted() const { return m_muted; }
    void setMuted(bool muted);

    QUrl source() const { return m_source; }
    QMediaPlayer::PlaybackState playbackState() const { return m_state; }
    qint64 position() const;
    qint64 duration() const;

signals:
    void positionChanged(qint64 ms);
    void durationChanged(qint64 ms);
    void playbackStateChanged(QMediaPlayer::PlaybackState state);
    // The end of the media was reached.
    void finished();
    // Once per source, however often the backend repeats itself; the state is then Stopped.
    void errorOccurred(const QString &message);
    // On the first play with no audio output at all: the file plays, and nothing is heard.
    void noAudioDevice();

private:
    void ensureBackend();
    void createBackend();
    void discardBackend();
    void setState(QMediaPlayer::PlaybackState state);
    void updateStatus(QMediaPlayer::MediaStatus status);
    void applyPendingSeek();
    void startIfStillWaiting();
    void backendFailed(const QString &reason);
    void fail(const QString &reason);
    void reportLater(const QString &reason);
    QString fileProblem(const QUrl &file) const;

    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_output = nullptr;
    QMediaDevices *m_devices = nullptr;
    QUrl m_source;
    QMediaPlayer::PlaybackState m_state = QMediaPlayer::StoppedState;
    qreal m_volume = 1.0;
    bool m_muted = false;
    std::optional<qint64> m_pendingSeek;
    // play() with a start offset: play() is called on the backend once the seek is applied.
    bool m_startWhenSeeked = false;
    bool m_errorReported = false;
    bool m_deviceChecked = false;
    // Counts play() calls, so that an error reported later still belongs to the source asked for.
    quint64 m_generation = 0;
};
