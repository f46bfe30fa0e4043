#include "playerbar.h"

#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

class tst_PlayerBar : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void disabledUntilSomethingIsQueued();
    void clicksEmitIntents();
    void playPauseButtonFollowsTheState();
    void positionAndDurationUpdateTheWidgets();
    void timeFormat_data();
    void timeFormat();
    void dragSeeksOnceOnRelease();
    void keysOnTheSliderSeekAtOnce();
    void volumeAndMute();
    void symbolsFollowThePalette();
    void everyControlHasANameAndATooltip();
    void longTitleIsElided();

private:
    template<typename T>
    T *child(const QString &name) const
    {
        T *widget = m_bar->findChild<T *>(name);
        if (!widget)
            qFatal("no %s", qPrintable(name));
        return widget;
    }
    QPoint handleCenter(QSlider *slider) const;
    // standardIcon() makes a new QIcon each time, and the bar draws the symbols in its text
    // colour: compare their shapes, pixel by pixel.
    bool sameIcon(const QIcon &icon, QStyle::StandardPixmap standard) const
    {
        const QImage drawn = icon.pixmap(16).toImage();
        const QImage expected
            = m_bar->style()->standardIcon(standard, nullptr, m_bar).pixmap(16).toImage();
        if (drawn.size() != expected.size())
            return false;
        for (int y = 0; y < drawn.height(); ++y) {
            for (int x = 0; x < drawn.width(); ++x) {
                if (drawn.pixelColor(x, y).alpha() != expected.pixelColor(x, y).alpha())
                    return false;
            }
        }
        return true;
    }

    PlayerBar *m_bar = nullptr;
};

void tst_PlayerBar::init()
{
    m_bar = new PlayerBar;
    m_bar->resize(800, m_bar->sizeHint().height());
    m_bar->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_bar));
}

void tst_PlayerBar::cleanup()
{
    delete m_bar;
    m_bar = nullptr;
}

QPoint tst_PlayerBar::handleCenter(QSlider *slider) const
{
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.sliderPosition = slider->sliderPosition();
    option.sliderValue = slider->value();
    option.subControls = QStyle::SC_SliderHandle;
    return slider->style()
        ->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider)
        .center();
}

void tst_PlayerBar::disabledUntilSomethingIsQueued()
{
    auto *play = child<QToolButton>(u"playPauseButton"_s);
    auto *seek = child<QSlider>(u"seekSlider"_s);
    auto *volume = child<QSlider>(u"volumeSlider"_s);
    QVERIFY(!play->isEnabled());
    QVERIFY(!child<QToolButton>(u"previousButton"_s)->isEnabled());
    QVERIFY(!child<QToolButton>(u"nextButton"_s)->isEnabled());
    QVERIFY(!seek->isEnabled());
    // Volume is not about the queue.
    QVERIFY(volume->isEnabled());
    QVERIFY(child<QToolButton>(u"muteButton"_s)->isEnabled());

    QSignalSpy clicked(m_bar, &PlayerBar::playPauseClicked);
    QTest::mouseClick(play, Qt::LeftButton);
    QCOMPARE(clicked.count(), 0);

    m_bar->setNowPlaying(u"Main Title"_s);
    QVERIFY(play->isEnabled());
    QVERIFY(seek->isEnabled());
    QCOMPARE(child<QLabel>(u"titleLabel"_s)->text(), u"Main Title"_s);

    m_bar->setDuration(100'000);
    m_bar->setPosition(42'000);
    m_bar->clear();
    QVERIFY(!play->isEnabled());
    QCOMPARE(child<QLabel>(u"titleLabel"_s)->text(), QString());
    QCOMPARE(child<QLabel>(u"elapsedLabel"_s)->text(), u"0:00"_s);
    QCOMPARE(seek->value(), 0);
}

void tst_PlayerBar::clicksEmitIntents()
{
    m_bar->setNowPlaying(u"Main Title"_s);
    QSignalSpy playPause(m_bar, &PlayerBar::playPauseClicked);
    QSignalSpy previous(m_bar, &PlayerBar::previousClicked);
    QSignalSpy next(m_bar, &PlayerBar::nextClicked);
    QTest::mouseClick(child<QToolButton>(u"playPauseButton"_s), Qt::LeftButton);
    QCOMPARE(playPause.count(), 1);
    QTest::mouseClick(child<QToolButton>(u"previousButton"_s), Qt::LeftButton);
    QCOMPARE(previous.count(), 1);
    QTest::mouseClick(child<QToolButton>(u"nextButton"_s), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>(u"nextButton"_s), Qt::LeftButton);
    QCOMPARE(next.count(), 2);
    QCOMPARE(playPause.count(), 1);
    // An intent, not a state change: the button shows what it is told.
    QCOMPARE(m_bar->playbackState(), QMediaPlayer::StoppedState);
}

void tst_PlayerBar::playPauseButtonFollowsTheState()
{
    auto *button = child<QToolButton>(u"playPauseButton"_s);
    QCOMPARE(button->accessibleName(), u"Play"_s);
    m_bar->setPlaybackState(QMediaPlayer::PlayingState);
    QCOMPARE(button->accessibleName(), u"Pause"_s);
    QVERIFY(button->toolTip().startsWith(u"Pause"_s));
    QVERIFY(sameIcon(button->icon(), QStyle::SP_MediaPause));
    m_bar->setPlaybackState(QMediaPlayer::PausedState);
    QCOMPARE(button->accessibleName(), u"Play"_s);
}

void tst_PlayerBar::positionAndDurationUpdateTheWidgets()
{
    m_bar->setNowPlaying(u"Main Title"_s);
    auto *seek = child<QSlider>(u"seekSlider"_s);
    auto *total = child<QLabel>(u"totalLabel"_s);
    auto *elapsed = child<QLabel>(u"elapsedLabel"_s);
    QCOMPARE(total->text(), u"-:--"_s);
    m_bar->setDuration(3'727'000);
    QCOMPARE(total->text(), u"1:02:07"_s);
    QCOMPARE(seek->maximum(), 3'727'000);
    QSignalSpy seekRequested(m_bar, &PlayerBar::seekRequested);
    m_bar->setPosition(65'400);
    QCOMPARE(seek->value(), 65'400);
    QCOMPARE(elapsed->text(), u"1:05"_s);
    // Position updates are not the user seeking.
    QCOMPARE(seekRequested.count(), 0);
}

void tst_PlayerBar::timeFormat_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << u"0:00"_s;
    QTest::newRow("below a second") << qint64(999) << u"0:00"_s;
    QTest::newRow("m:ss") << qint64(103'000) << u"1:43"_s;
    QTest::newRow("ten minutes") << qint64(600'000) << u"10:00"_s;
    QTest::newRow("last second of an hour") << qint64(3'599'999) << u"59:59"_s;
    QTest::newRow("h:mm:ss") << qint64(3'727'000) << u"1:02:07"_s;
    QTest::newRow("negative") << qint64(-5000) << u"0:00"_s;
}

void tst_PlayerBar::timeFormat()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(PlayerBar::formatTime(ms), text);
}

void tst_PlayerBar::dragSeeksOnceOnRelease()
{
    m_bar->setNowPlaying(u"Main Title"_s);
    m_bar->setDuration(200'000);
    m_bar->setPosition(0);
    auto *seek = child<QSlider>(u"seekSlider"_s);
    auto *elapsed = child<QLabel>(u"elapsedLabel"_s);
    QSignalSpy seekRequested(m_bar, &PlayerBar::seekRequested);

    const QPoint start = handleCenter(seek);
    QTest::mousePress(seek, Qt::LeftButton, {}, start);
    QVERIFY(seek->isSliderDown());
    QTest::mouseMove(seek, start + QPoint(seek->width() / 4, 0));
    QTest::mouseMove(seek, start + QPoint(seek->width() / 2, 0));
    QCOMPARE(seekRequested.count(), 0);
    const int dragged = seek->value();
    QVERIFY(dragged > 50'000);
    // The elapsed time previews where the drop will go.
    QCOMPARE(elapsed->text(), PlayerBar::formatTime(dragged));
    // The player keeps reporting its position; the handle stays under the pointer.
    m_bar->setPosition(1000);
    QCOMPARE(seek->value(), dragged);

    QTest::mouseRelease(seek, Qt::LeftButton, {}, start + QPoint(seek->width() / 2, 0));
    QCOMPARE(seekRequested.count(), 1);
    QCOMPARE(seekRequested.at(0).at(0).toLongLong(), qint64(dragged));
    m_bar->setPosition(dragged + 100);
    QCOMPARE(seek->value(), dragged + 100);
}

void tst_PlayerBar::keysOnTheSliderSeekAtOnce()
{
    m_bar->setNowPlaying(u"Main Title"_s);
    m_bar->setDuration(200'000);
    m_bar->setPosition(60'000);
    auto *seek = child<QSlider>(u"seekSlider"_s);
    QSignalSpy seekRequested(m_bar, &PlayerBar::seekRequested);
    seek->setFocus();
    QTest::keyClick(seek, Qt::Key_Right);
    QCOMPARE(seekRequested.count(), 1);
    QCOMPARE(seekRequested.at(0).at(0).toLongLong(), 65'000);
    QTest::keyClick(seek, Qt::Key_PageDown);
    QCOMPARE(seekRequested.count(), 2);
}

void tst_PlayerBar::volumeAndMute()
{
    auto *volume = child<QSlider>(u"volumeSlider"_s);
    auto *mute = child<QToolButton>(u"muteButton"_s);
    QSignalSpy volumeChanged(m_bar, &PlayerBar::volumeChanged);
    QSignalSpy mutedChanged(m_bar, &PlayerBar::mutedChanged);

    // Setters show the state without echoing it back as an intent.
    m_bar->setVolume(0.5);
    QVERIFY(volume->value() > 50); // the slider is logarithmic: half the power sits high
    QVERIFY(qAbs(m_bar->volume() - 0.5) < 0.02);
    m_bar->setMuted(true);
    QVERIFY(mute->isChecked());
    QCOMPARE(mute->toolTip(), u"Unmute"_s);
    QCOMPARE(volumeChanged.count(), 0);
    QCOMPARE(mutedChanged.count(), 0);

    volume->setFocus();
    QTest::keyClick(volume, Qt::Key_End);
    QCOMPARE(volumeChanged.count(), 1);
    QCOMPARE(volumeChanged.at(0).at(0).toReal(), 1.0);
    QTest::keyClick(volume, Qt::Key_Home);
    QCOMPARE(volumeChanged.last().at(0).toReal(), 0.0);

    QTest::mouseClick(mute, Qt::LeftButton);
    QCOMPARE(mutedChanged.count(), 1);
    QCOMPARE(mutedChanged.at(0).at(0).toBool(), false);
    QVERIFY(!m_bar->isMuted());
    QVERIFY(sameIcon(mute->icon(), QStyle::SP_MediaVolume));
    QTest::mouseClick(mute, Qt::LeftButton);
    QCOMPARE(mutedChanged.last().at(0).toBool(), true);
    QVERIFY(m_bar->isMuted());
}

void tst_PlayerBar::everyControlHasANameAndATooltip()
{
    const QList<QWidget *> controls
        = {child<QToolButton>(u"previousButton"_s), child<QToolButton>(u"playPauseButton"_s),
            child<QToolButton>(u"nextButton"_s), child<QSlider>(u"seekSlider"_s),
            child<QLabel>(u"elapsedLabel"_s), child<QLabel>(u"totalLabel"_s),
            child<QToolButton>(u"muteButton"_s), child<QSlider>(u"volumeSlider"_s)};
    for (QWidget *control : controls) {
        QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
        QVERIFY2(!control->toolTip().isEmpty(), qPrintable(control->objectName()));
    }
    for (auto *button : m_bar->findChildren<QToolButton *>())
        QVERIFY2(!button->icon().isNull(), qPrintable(button->objectName()));
    QVERIFY(!child<QLabel>(u"titleLabel"_s)->accessibleName().isEmpty());
}

void tst_PlayerBar::longTitleIsElided()
{
    const QString title = u"Picard: A Very Long Cue Title That Goes On And On "_s.repeated(6);
    m_bar->setNowPlaying(title);
    auto *label = child<QLabel>(u"titleLabel"_s);
    QVERIFY(label->text().size() < title.size());
    QVERIFY(label->text().endsWith(u'…'));
    QCOMPARE(label->toolTip(), title);
    // The bar does not grow to fit the title.
    QVERIFY(m_bar->minimumSizeHint().width() < 800);
}

// Fusion draws its media symbols in black: on a dark palette they must come out light.
void tst_PlayerBar::symbolsFollowThePalette()
{
    auto meanLightness = [](const QIcon &icon) {
        const QImage image = icon.pixmap(16).toImage();
        qint64 sum = 0;
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor pixel = image.pixelColor(x, y);
                if (pixel.alpha() > 128) {
                    sum += pixel.lightness();
                    ++count;
                }
            }
        }
        return count ? int(sum / count) : -1;
    };
    auto *play = child<QToolButton>(u"playPauseButton"_s);
    QPalette dark = m_bar->palette();
    dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    dark.setColor(QPalette::Button, QColor(50, 50, 54));
    dark.setColor(QPalette::Window, QColor(45, 45, 48));
    m_bar->setPalette(dark);
    QVERIFY2(meanLightness(play->icon()) > 200,
        qPrintable(QString::number(meanLightness(play->icon()))));
    QVERIFY(sameIcon(play->icon(), QStyle::SP_MediaPlay));
    for (const char *name : {"previousButton", "nextButton", "muteButton"}) {
        const QIcon icon = child<QToolButton>(QString::fromLatin1(name))->icon();
        QVERIFY2(meanLightness(icon) > 200, name);
    }

    QPalette light = dark;
    light.setColor(QPalette::ButtonText, QColor(20, 20, 20));
    m_bar->setPalette(light);
    QVERIFY(meanLightness(play->icon()) < 60);
}

QTEST_MAIN(tst_PlayerBar)
#include "tst_playerbar.moc"
