#pragma once

#include <QMediaPlayer>
#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

// The player's controls: previous, play/pause, next, a seek slider with the elapsed and total
// time, the title playing, mute and volume. Like Qt's PlayerControls it emits what the user
// asks for and shows the state it is given; it never sees the player. The transport controls
// are disabled until setNowPlaying() and after clear().
class PlayerBar : public QWidget
{
    Q_OBJECT

public:
    explicit PlayerBar(QWidget *parent = nullptr);

    void setPlaybackState(QMediaPlayer::PlaybackState state);
    QMediaPlayer::PlaybackState playbackState() const { return m_state; }
    // Ignored while the user drags the seek slider.
    void setPosition(qint64 ms);
    qint64 position() const;
    // 0 or less when unknown.
    void setDuration(qint64 ms);
    // Linear volume, 0 to 1, as QAudioOutput takes it; the slider shows it on a logarithmic
    // scale, as loudness is heard.
    void setVolume(qreal volume);
    qreal volume() const;
    void setMuted(bool muted);
    bool isMuted() const { return m_muted; }
    // Enables the controls and shows what plays.
    void setNowPlaying(const QString &title);
    QString nowPlaying() const { return m_title; }
    // Nothing queued: the controls are disabled and the time and title cleared.
    void clear();

    // "1:05", or "1:02:07" from an hour on.
    static QString formatTime(qint64 ms);

signals:
    void playPauseClicked();
    void previousClicked();
    void nextClicked();
    void seekRequested(qint64 ms);
    void volumeChanged(qreal volume);
    void mutedChanged(bool muted);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createButtons();
    void createSeekBar();
    void createVolumeControls();
    void createLayout();
    void seekSliderAction(int action);
    void updateElapsed(qint64 ms);
    void updateTitle();
    void updateMuteButton();
    void setTransportEnabled(bool enabled);

    QToolButton *m_previousButton = nullptr;
    QToolButton *m_playPauseButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_elapsedLabel = nullptr;
    QSlider *m_seekSlider = nullptr;
    QLabel *m_totalLabel = nullptr;
    QToolButton *m_muteButton = nullptr;
    QSlider *m_volumeSlider = nullptr;

    QMediaPlayer::PlaybackState m_state = QMediaPlayer::StoppedState;
    QString m_title;
    bool m_muted = false;
};
