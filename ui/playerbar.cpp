#include "playerbar.h"

#include "catalog/timecode.h"
#include "symbolicon.h"

#include <QAudio>
#include <QBoxLayout>
#include <QEvent>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

QToolButton *toolButton(QWidget *parent, const QString &objectName, QStyle::StandardPixmap icon,
    const QString &name, const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setIcon(SymbolIcon::forButton(parent, icon));
    button->setAccessibleName(name);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

PlayerBar::PlayerBar(QWidget *parent)
    : QWidget(parent)
{
    createButtons();
    createSeekBar();
    createVolumeControls();
    createLayout();
    clear();
}

void PlayerBar::setPlaybackState(QMediaPlayer::PlaybackState state)
{
    m_state = state;
    const bool playing = state == QMediaPlayer::PlayingState;
    m_playPauseButton->setIcon(
        SymbolIcon::forButton(this, playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playPauseButton->setAccessibleName(playing ? tr("Pause") : tr("Play"));
    m_playPauseButton->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
}

void PlayerBar::setPosition(qint64 ms)
{
    // The handle stays under the user's pointer while they drag it.
    if (m_seekSlider->isSliderDown())
        return;
    m_seekSlider->setValue(int(std::clamp<qint64>(ms, 0, m_seekSlider->maximum())));
    updateElapsed(ms);
}

qint64 PlayerBar::position() const
{
    return m_seekSlider->value();
}

void PlayerBar::setDuration(qint64 ms)
{
    m_seekSlider->setMaximum(int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max())));
    m_totalLabel->setText(ms > 0 ? formatTime(ms) : u"-:--"_s);
}

void PlayerBar::setVolume(qreal volume)
{
    const qreal logarithmic = QAudio::convertVolume(
        std::clamp<qreal>(volume, 0, 1), QAudio::LinearVolumeScale, QAudio::LogarithmicVolumeScale);
    const QSignalBlocker blocker(m_volumeSlider);
    m_volumeSlider->setValue(qRound(logarithmic * 100));
}

qreal PlayerBar::volume() const
{
    return QAudio::convertVolume(
        m_volumeSlider->value() / 100.0, QAudio::LogarithmicVolumeScale, QAudio::LinearVolumeScale);
}

void PlayerBar::setMuted(bool muted)
{
    m_muted = muted;
    updateMuteButton();
}

void PlayerBar::setNowPlaying(const QString &title)
{
    m_title = title;
    updateTitle();
    setTransportEnabled(true);
}

void PlayerBar::clear()
{
    m_title.clear();
    updateTitle();
    setDuration(0);
    setPosition(0);
    setPlaybackState(QMediaPlayer::StoppedState);
    setTransportEnabled(false);
}

QString PlayerBar::formatTime(qint64 ms)
{
    return TimeCode::formatSeconds(ms);
}

void PlayerBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange && event->type() != QEvent::StyleChange)
        return;
    m_previousButton->setIcon(SymbolIcon::forButton(this, QStyle::SP_MediaSkipBackward));
    m_nextButton->setIcon(SymbolIcon::forButton(this, QStyle::SP_MediaSkipForward));
    setPlaybackState(m_state);
    updateMuteButton();
}

void PlayerBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateTitle();
}

void PlayerBar::createButtons()
{
    m_previousButton = toolButton(this, u"previousButton"_s, QStyle::SP_MediaSkipBackward,
        tr("Previous"), tr("Previous track; restarts this one after its first seconds"));
    m_playPauseButton = toolButton(
        this, u"playPauseButton"_s, QStyle::SP_MediaPlay, tr("Play"), tr("Play (Space)"));
    m_nextButton = toolButton(
        this, u"nextButton"_s, QStyle::SP_MediaSkipForward, tr("Next"), tr("Next track"));
    connect(m_previousButton, &QToolButton::clicked, this, &PlayerBar::previousClicked);
    connect(m_playPauseButton, &QToolButton::clicked, this, &PlayerBar::playPauseClicked);
    connect(m_nextButton, &QToolButton::clicked, this, &PlayerBar::nextClicked);
}

void PlayerBar::createSeekBar()
{
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(u"titleLabel"_s);
    m_titleLabel->setAccessibleName(tr("Now playing"));
    // Elided to the room there is (updateTitle), rather than widening the window.
    m_titleLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_titleLabel->setMinimumWidth(fontMetrics().averageCharWidth() * 12);

    const int timeWidth = fontMetrics().horizontalAdvance(u"00:00:00"_s);
    m_elapsedLabel = new QLabel(this);
    m_elapsedLabel->setObjectName(u"elapsedLabel"_s);
    m_elapsedLabel->setAccessibleName(tr("Elapsed time"));
    m_elapsedLabel->setToolTip(tr("Time played"));
    m_elapsedLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_elapsedLabel->setMinimumWidth(timeWidth);
    m_totalLabel = new QLabel(this);
    m_totalLabel->setObjectName(u"totalLabel"_s);
    m_totalLabel->setAccessibleName(tr("Total time"));
    m_totalLabel->setToolTip(tr("Length of the track"));
    m_totalLabel->setMinimumWidth(timeWidth);

    m_seekSlider = new QSlider(Qt::Horizontal, this);
    m_seekSlider->setObjectName(u"seekSlider"_s);
    m_seekSlider->setAccessibleName(tr("Position"));
    m_seekSlider->setToolTip(tr("Drag to move through the track"));
    m_seekSlider->setSingleStep(5000);
    m_seekSlider->setPageStep(30000);
    connect(m_seekSlider, &QSlider::actionTriggered, this, &PlayerBar::seekSliderAction);
    connect(m_seekSlider, &QSlider::sliderMoved, this, &PlayerBar::updateElapsed);
    connect(m_seekSlider, &QSlider::sliderReleased, this,
        [this] { emit seekRequested(m_seekSlider->value()); });
}

void PlayerBar::createVolumeControls()
{
    m_muteButton
        = toolButton(this, u"muteButton"_s, QStyle::SP_MediaVolume, tr("Mute"), tr("Mute"));
    m_muteButton->setCheckable(true);
    connect(m_muteButton, &QToolButton::clicked, this, [this](bool checked) {
        m_muted = checked;
        updateMuteButton();
        emit mutedChanged(checked);
    });

    m_volumeSlider = new QSlider(Qt::Horizontal, this);
    m_volumeSlider->setObjectName(u"volumeSlider"_s);
    m_volumeSlider->setAccessibleName(tr("Volume"));
    m_volumeSlider->setToolTip(tr("Volume"));
    m_volumeSlider->setRange(0, 100);
    m_volumeSlider->setValue(100);
    m_volumeSlider->setMaximumWidth(fontMetrics().averageCharWidth() * 14);
    connect(m_volumeSlider, &QSlider::valueChanged, this, [this] { emit volumeChanged(volume()); });
}

void PlayerBar::createLayout()
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_previousButton);
    layout->addWidget(m_playPauseButton);
    layout->addWidget(m_nextButton);
    layout->addWidget(m_titleLabel, 2);
    layout->addWidget(m_elapsedLabel);
    layout->addWidget(m_seekSlider, 5);
    layout->addWidget(m_totalLabel);
    layout->addWidget(m_muteButton);
    layout->addWidget(m_volumeSlider, 1);
}

void PlayerBar::seekSliderAction(int action)
{
    // A drag seeks once, on release; a click on the groove, a key or the wheel seeks at once.
    // sliderPosition() already holds where the action goes; value() does not yet.
    if (action == QAbstractSlider::SliderNoAction || m_seekSlider->isSliderDown())
        return;
    emit seekRequested(m_seekSlider->sliderPosition());
}

void PlayerBar::updateElapsed(qint64 ms)
{
    m_elapsedLabel->setText(formatTime(ms));
}

void PlayerBar::updateTitle()
{
    const int width = m_titleLabel->width() - 2 * m_titleLabel->margin();
    m_titleLabel->setText(m_titleLabel->fontMetrics().elidedText(m_title, Qt::ElideRight, width));
    m_titleLabel->setToolTip(m_title);
}

void PlayerBar::updateMuteButton()
{
    m_muteButton->setChecked(m_muted);
    m_muteButton->setIcon(SymbolIcon::forButton(
        this, m_muted ? QStyle::SP_MediaVolumeMuted : QStyle::SP_MediaVolume));
    m_muteButton->setToolTip(m_muted ? tr("Unmute") : tr("Mute"));
}

void PlayerBar::setTransportEnabled(bool enabled)
{
    m_previousButton->setEnabled(enabled);
    m_playPauseButton->setEnabled(enabled);
    m_nextButton->setEnabled(enabled);
    m_seekSlider->setEnabled(enabled);
}
