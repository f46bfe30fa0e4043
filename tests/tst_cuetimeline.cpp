#include "timeline/cuetimeline.h"
#include "timeline/themecolors.h"
#include "timeline/timelinescale.h"
#include "timeline/timelinewaveform.h"
#include "timelinefixtures.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include <memory>

using namespace Qt::StringLiterals;

using namespace TimelineFixtures;

class tst_CueTimeline : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void clickSeeks_data();
    void clickSeeks();
    void shiftClickAndDoubleClickAddMarkers();
    void clickOnMarkerSelectsAndSeeks();
    void dragMovesAMarkerOnceAtTheDrop();
    void dragResizesARange();
    void escapeCancelsADrag();
    void keysSeek();
    void nextAndPreviousJump();
    void nextAndPreviousWhilePlaying();
    void ctrlWheelZoomKeepsTheTimeUnderTheMouse();
    void keysZoomAroundTheMouseAndReset();
    void wheelScrollsOnlyAZoomedView();
    void dragOnTheTrackPansAZoomedView();
    void playheadFollowsAZoomedView();
    void tooltips();
    void anOccurrencePlacedNowhereIsALabelOnly();
    void waveformStates();
    void compactMode();
    void contentsMarginsFrameTheStrip();
    void accessibleAndFocusable();

private:
    // The track's vertical middle, at x: where a click lands on the track itself.
    QPoint onTrack(double x) const
    {
        return QPoint(int(std::lround(x)), int(m_timeline->trackRect().center().y()));
    }
    QPoint atTime(qint64 ms) const { return onTrack(m_timeline->scale().xOf(double(ms))); }
    QImage render(qreal ratio = 1.0) const
    {
        QImage image(m_timeline->size() * ratio, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(ratio);
        image.fill(Qt::transparent);
        m_timeline->render(&image);
        return image;
    }
    void sendWheel(const QPoint &pos, int delta, Qt::KeyboardModifiers modifiers)
    {
        QWheelEvent wheel(pos, m_timeline->mapToGlobal(pos), QPoint(), QPoint(0, delta),
            Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
        QApplication::sendEvent(m_timeline.get(), &wheel);
    }

    std::unique_ptr<CueTimeline> m_timeline;
};

void tst_CueTimeline::init()
{
    m_timeline = std::make_unique<CueTimeline>();
    m_timeline->resize(1204, 80);
    m_timeline->setDuration(Duration);
    m_timeline->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_timeline.get()));
}

void tst_CueTimeline::cleanup()
{
    m_timeline.reset();
}

void tst_CueTimeline::clickSeeks_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<double>("zoom");
    QTest::addColumn<double>("fraction");
    for (const int width : {300, 801, 1204}) {
        for (const double zoom : {1.0, 4.0}) {
            for (const double fraction : {0.0, 0.1, 0.5, 0.9, 1.0}) {
                QTest::addRow("%d px, x%g, at %g", width, zoom, fraction)
                    << width << zoom << fraction;
            }
        }
    }
}

void tst_CueTimeline::clickSeeks()
{
    QFETCH(int, width);
    QFETCH(double, zoom);
    QFETCH(double, fraction);
    m_timeline->resize(width, 80);
    const QRectF track = m_timeline->trackRect();
    QCOMPARE(track.width(), width - 4.0);
    // Zoomed around the middle of the track, the view is the middle 1/zoom of the cue.
    m_timeline->zoomBy(zoom, track.center().x());
    const double span = Duration / zoom;
    const double viewStart = (Duration - span) / 2;
    QCOMPARE(m_timeline->scale().viewStart(), viewStart);

    QSignalSpy seeks(m_timeline.get(), &CueTimeline::seekRequested);
    const int x = int(std::lround(track.left() + fraction * track.width()));
    QTest::mouseClick(m_timeline.get(), Qt::LeftButton, {}, onTrack(x));
    QCOMPARE(seeks.size(), 1);
    const double expected = viewStart + (x - track.left()) / track.width() * span;
    QVERIFY2(std::abs(seeks.at(0).at(0).toLongLong() - expected) <= 1,
        qPrintable(u"sought %1, expected %2"_s.arg(seeks.at(0).at(0).toLongLong()).arg(expected)));
}

void tst_CueTimeline::shiftClickAndDoubleClickAddMarkers()
{
    QSignalSpy seeks(m_timeline.get(), &CueTimeline::seekRequested);
    QSignalSpy adds(m_timeline.get(), &CueTimeline::addMarkerRequested);
    QTest::mouseClick(m_timeline.get(), Qt::LeftButton, Qt::ShiftModifier, atTime(60'000));
    QCOMPARE(adds.size(), 1);
    QVERIFY(std::abs(adds.at(0).at(0).toLongLong() - 60'000) <= 250);
    QCOMPARE(seeks.size(), 0);

    QTest::mouseDClick(m_timeline.get(), Qt::LeftButton, {}, atTime(120'000));
    QTest::mouseRelease(m_timeline.get(), Qt::LeftButton, {}, atTime(120'000));
    QCOMPARE(adds.size(), 2);
    QVERIFY(std::abs(adds.at(1).at(0).toLongLong() - 120'000) <= 250);
    // The double-click's own release does not seek.
    QCOMPARE(seeks.size(), 0);
}

void tst_CueTimeline::clickOnMarkerSelectsAndSeeks()
{
    m_timeline->setMarkers({pointMarker(u"a"_s, 60'000, u"March"_s)});
    QSignalSpy seeks(m_timeline.get(), &CueTimeline::seekRequested);
    QSignalSpy selected(m_timeline.get(), &CueTimeline::selectedMarkerChanged);
    QSignalSpy moves(m_timeline.get(), &CueTimeline::markerMoved);
    // Two pixels off the line still takes the marker.
    QTest::mouseClick(m_timeline.get(), Qt::LeftButton, {}, atTime(60'000) + QPoint(2, 0));
    QCOMPARE(selected.size(), 1);
    QCOMPARE(m_timeline->selectedMarker(), u"a"_s);
    QCOMPARE(seeks.size(), 1);
    QCOMPARE(seeks.at(0).at(0).toLongLong(), 60'000);
    QCOMPARE(moves.size(), 0);
}

void tst_CueTimeline::dragMovesAMarkerOnceAtTheDrop()
{
    m_timeline->setMarkers({pointMarker(u"a"_s, 60'000), pointMarker(u"b"_s, 200'000)});
    QSignalSpy moves(m_timeline.get(), &CueTimeline::markerMoved);
    QSignalSpy seeks(m_timeline.get(), &CueTimeline::seekRequested);
    const QPoint from = atTime(60'000);
    const QPoint to = atTime(90'000);
    QTest::mousePress(m_timeline.get(), Qt::LeftButton, {}, from);
    for (int step = 1; step <= 10; ++step)
        QTest::mouseMove(m_timeline.get(), from + (to - from) * step / 10);
    // A live preview while the button is down; nothing asked yet.
    QCOMPARE(moves.size(), 0);
    const qint64 preview = m_timeline->markers().at(0).startMs;
    const double msPerPixel = m_timeline->scale().msPerPixel();
    QVERIFY(std::abs(preview - 90'000) <= msPerPixel);
    QTest::mouseRelease(m_timeline.get(), Qt::LeftButton, {}, to);

    QCOMPARE(moves.size(), 1);
    QCOMPARE(moves.at(0).at(0).toString(), u"a"_s);
    const qint64 start = moves.at(0).at(1).toLongLong();
    QVERIFY2(std::abs(start - 90'000) <= msPerPixel, qPrintable(QString::number(start)));
    QCOMPARE(moves.at(0).at(2).toLongLong(), -1);
    QCOMPARE(m_timeline->markers().at(0).startMs, start);
    QCOMPARE(m_timeline->markers().at(1).startMs, 200'000);
    QCOMPARE(seeks.size(), 0);

    // Dragged past the end, a marker stops at the end of the cue.
    QTest::mousePress(m_timeline.get(), Qt::LeftButton, {}, atTime(200'000));
    QTest::mouseMove(m_timeline.get(), atTime(250'000));
    QTest::mouseMove(m_timeline.get(), onTrack(m_timeline->width() + 200));
    QTest::mouseRelease(m_timeline.get(), Qt::LeftButton, {}, onTrack(m_timeline->width() + 200));
    QCOMPARE(moves.size(), 2);
    QCOMPARE(moves.at(1).at(1).toLongLong(), Duration);
}

void tst_CueTimeline::dragResizesARange()
{
    m_timeline->setMarkers({rangeMarker(u"r"_s, 100'000, 150'000, u"Fanfare"_s)});
    QSignalSpy moves(m_timeline.get(), &CueTimeline::markerMoved);
    const QPoint end = atTime(150'000);
    QTest::mousePress(m_timeline.get(), Qt::LeftButton, {}, end);
    QTest::mouseMove(m_timeline.get(), end + QPoint(20, 0));
    QTest::mouseMove(m_timeline.get(), end + QPoint(40, 0));
    QTest::mouseRelease(m_timeline.get(), Qt::LeftButton, {}, end + QPoint(40, 0));
    QCOMPARE(moves.size(), 1);
    QCOMPARE(moves.at(0).at(1).toLongLong(), 100'000);
    const qint64 expectedEnd = 150'000 + std::llround(40 * m_timeline->scale().msPerPixel());
    QCOMPARE(moves.at(0).at(2).toLongLong(), expectedEnd);

    // Its bar in the flag row moves it whole, keeping its length.
    const QPoint bar(int(m_timeline->scale().xOf(120'000)), int(m_timeline->trackRect().top()) + 1);
    QTest::mousePress(m_timeline.get(), Qt::LeftButton, {}, bar);
    QTest::mouseMove(m_timeline.get(), bar - QPoint(20, 0));
    QTest::mouseMove(m_timeline.get(), bar - QPoint(40, 0));
    QTest::mouseRelease(m_timeline.get(), Qt::LeftButton, {}, bar - QPoint(40, 0));
    QCOMPARE(moves.size(), 2);
    const qint64 shift = std::llround(40 * m_timeline->scale().msPerPixel());
    QCOMPARE(moves.at(1).at(1).toLongLong(), 100'000 - shift);
    QCOMPARE(moves.at(1).at(2).toLongLong(), expectedEnd - shift);
}

void tst_CueTimeline::escapeCancelsADrag()
{
    const Marker marker = pointMarker(u"a"_s, 60'000);
    m_timeline->setMarkers({marker});
    QSignalSpy moves(m_timeline.get(), &CueTimeline::markerMoved);
    QSignalSpy seeks(m_timeline.get(), &CueTimeline::seekRequested);
    const QPoint from = atTime(60'000);
    QTest::mousePress(m_timeline.get(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_timeline.get(), from + QPoint(30, 0));
    QTest::mouseMove(m_timeline.get(), from + QPoint(60, 0));
    QVERIFY(m_timeline->markers().at(0).startMs > 60'000);
    QTest::keyClick(m_timeline.get(), Qt::Key_Escape);
    QCOMPARE(m_timeline->markers().at(0), marker);
    QTest::mouseRelease(m_timeline.get(), Qt::LeftButton, {}, from + QPoint(60, 0));
    QCOMPARE(moves.size(), 0);
    QCOMPARE(seeks.size(), 0);
    QCOMPARE(m_timeline->markers().at(0), marker);
}

void tst_CueTimeline::keysSeek()
{
    QSignalSpy seeks(m_timeline.get(), &CueTimeline::seekRequested);
    m_timeline->setFocus();
    QTest::keyClick(m_timeline.get(), Qt::Key_Right);
    QTest::keyClick(m_timeline.get(), Qt::Key_Right);
    QTest::keyClick(m_timeline.get(), Qt::Key_Left);
    QTest::keyClick(m_timeline.get(), Qt::Key_End);
    QTest::keyClick(m_timeline.get(), Qt::Key_Right);
    QTest::keyClick(m_timeline.get(), Qt::Key_Home);
    QTest::keyClick(m_timeline.get(), Qt::Key_Left);
    QList<qint64> sought;
    for (const QList<QVariant> &arguments : seeks)
        sought.append(arguments.at(0).toLongLong());
    QCOMPARE(sought, (QList<qint64> {5'000, 10'000, 5'000, Duration, Duration, 0, 0}));

    // Playing, the keys move from the playhead.
    m_timeline->setPosition(100'000);
    QTest::keyClick(m_timeline.get(), Qt::Key_Left);
    QCOMPARE(seeks.last().at(0).toLongLong(), 95'000);
}

void tst_CueTimeline::nextAndPreviousJump()
{
    m_timeline->setMarkers({pointMarker(u"b"_s, 50'000), rangeMarker(u"a"_s, 10'000, 20'000)});
    m_timeline->setOccurrences({timedOccurrence(u"march"_s, 30'000, 40'000),
        placedOccurrence(u"fanfare"_s, Occurrence::Ending)});
    QSignalSpy seeks(m_timeline.get(), &CueTimeline::seekRequested);
    m_timeline->setFocus();
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(m_timeline.get(), Qt::Key_Period);
    QList<qint64> sought;
    for (const QList<QVariant> &arguments : seeks)
        sought.append(arguments.at(0).toLongLong());
    // The soft "ending" band starts two thirds in; after the last start there is nothing.
    QCOMPARE(sought, (QList<qint64> {10'000, 30'000, 50'000, 200'000}));
    QTest::keyClick(m_timeline.get(), Qt::Key_Comma);
    QTest::keyClick(m_timeline.get(), Qt::Key_Comma);
    QCOMPARE(seeks.at(4).at(0).toLongLong(), 50'000);
    QCOMPARE(seeks.at(5).at(0).toLongLong(), 30'000);
}

void tst_CueTimeline::nextAndPreviousWhilePlaying()
{
    m_timeline->setMarkers({pointMarker(u"a"_s, 10'000), pointMarker(u"b"_s, 30'000)});
    QSignalSpy seeks(m_timeline.get(), &CueTimeline::seekRequested);
    m_timeline->setFocus();
    // Just past a start, Previous goes to the one before, as a player's Previous does.
    m_timeline->setPosition(30'400);
    QTest::keyClick(m_timeline.get(), Qt::Key_Comma);
    QCOMPARE(seeks.last().at(0).toLongLong(), 10'000);
    m_timeline->setPosition(33'000);
    QTest::keyClick(m_timeline.get(), Qt::Key_Comma);
    QCOMPARE(seeks.last().at(0).toLongLong(), 30'000);
    // A playhead a little short of a start it was sent to does not stick there.
    m_timeline->setPosition(9'900);
    QTest::keyClick(m_timeline.get(), Qt::Key_Period);
    QCOMPARE(seeks.last().at(0).toLongLong(), 30'000);
    QCOMPARE(seeks.size(), 3);
    // Beyond the last, nothing.
    m_timeline->setPosition(40'000);
    QTest::keyClick(m_timeline.get(), Qt::Key_Period);
    QVERIFY(!seeks.wait(50));
    QCOMPARE(seeks.size(), 3);
}

void tst_CueTimeline::ctrlWheelZoomKeepsTheTimeUnderTheMouse()
{
    for (const int x : {150, 700, 1100}) {
        m_timeline->resetZoom();
        const QPoint mouse = onTrack(x);
        const qint64 before = m_timeline->scale().msAt(x);
        sendWheel(mouse, 120, Qt::ControlModifier);
        sendWheel(mouse, 240, Qt::ControlModifier);
        QVERIFY(m_timeline->scale().isZoomed());
        QVERIFY(m_timeline->scale().zoom() > 1.9);
        QVERIFY(std::abs(m_timeline->scale().msAt(x) - before) <= 1);
        sendWheel(mouse, -120, Qt::ControlModifier);
        QVERIFY(std::abs(m_timeline->scale().msAt(x) - before) <= 1);
    }
}

void tst_CueTimeline::keysZoomAroundTheMouseAndReset()
{
    m_timeline->setFocus();
    const QPoint mouse = onTrack(400);
    // A move with no button: the timeline tracks the mouse to zoom around it.
    QMouseEvent move(QEvent::MouseMove, mouse, m_timeline->mapToGlobal(mouse), Qt::NoButton,
        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(m_timeline.get(), &move);
    const qint64 before = m_timeline->scale().msAt(400);
    QTest::keyClick(m_timeline.get(), Qt::Key_Plus);
    QTest::keyClick(m_timeline.get(), Qt::Key_Plus);
    QCOMPARE(m_timeline->scale().zoom(), 1.5 * 1.5);
    QVERIFY(std::abs(m_timeline->scale().msAt(400) - before) <= 1);
    QTest::keyClick(m_timeline.get(), Qt::Key_Minus);
    QCOMPARE(m_timeline->scale().zoom(), 1.5);
    QTest::keyClick(m_timeline.get(), Qt::Key_0);
    QVERIFY(!m_timeline->scale().isZoomed());
    QCOMPARE(m_timeline->scale().viewStart(), 0.0);

    // Without the mouse, around the playhead.
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(m_timeline.get(), &leave);
    m_timeline->setPosition(250'000);
    const double playheadX = m_timeline->scale().xOf(250'000);
    QTest::keyClick(m_timeline.get(), Qt::Key_Plus);
    QVERIFY(std::abs(m_timeline->scale().xOf(250'000) - playheadX) < 0.01);
    // Zooming stops at half a second across.
    for (int i = 0; i < 40; ++i)
        QTest::keyClick(m_timeline.get(), Qt::Key_Plus);
    QCOMPARE(m_timeline->scale().viewSpan(), TimelineScale::MinimumSpanMs);
}

void tst_CueTimeline::wheelScrollsOnlyAZoomedView()
{
    const QPoint mouse = onTrack(600);
    QWheelEvent unzoomed(mouse, m_timeline->mapToGlobal(mouse), QPoint(), QPoint(0, -120),
        Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_timeline.get(), &unzoomed);
    // Left to the page around it.
    QVERIFY(!unzoomed.isAccepted());

    m_timeline->zoomBy(4, m_timeline->trackRect().left());
    QCOMPARE(m_timeline->scale().viewStart(), 0.0);
    sendWheel(mouse, -120, Qt::NoModifier);
    QCOMPARE(m_timeline->scale().viewStart(), Duration / 4.0 / 8);
    sendWheel(mouse, 240, Qt::NoModifier);
    QCOMPARE(m_timeline->scale().viewStart(), 0.0);
}

void tst_CueTimeline::dragOnTheTrackPansAZoomedView()
{
    QSignalSpy seeks(m_timeline.get(), &CueTimeline::seekRequested);
    m_timeline->zoomBy(4, m_timeline->trackRect().center().x());
    const double start = m_timeline->scale().viewStart();
    const QPoint from = onTrack(600);
    QTest::mousePress(m_timeline.get(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_timeline.get(), from - QPoint(50, 0));
    QTest::mouseMove(m_timeline.get(), from - QPoint(100, 0));
    QTest::mouseRelease(m_timeline.get(), Qt::LeftButton, {}, from - QPoint(100, 0));
    QVERIFY(
        std::abs(m_timeline->scale().viewStart() - (start + 100 * m_timeline->scale().msPerPixel()))
        < 0.01);
    // A pan is not a click.
    QCOMPARE(seeks.size(), 0);

    // Escape puts the view back.
    QTest::mousePress(m_timeline.get(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_timeline.get(), from + QPoint(80, 0));
    QTest::keyClick(m_timeline.get(), Qt::Key_Escape);
    QTest::mouseRelease(m_timeline.get(), Qt::LeftButton, {}, from + QPoint(80, 0));
    QVERIFY(
        std::abs(m_timeline->scale().viewStart() - (start + 100 * m_timeline->scale().msPerPixel()))
        < 0.01);
    QCOMPARE(seeks.size(), 0);
}

void tst_CueTimeline::playheadFollowsAZoomedView()
{
    m_timeline->zoomBy(10, m_timeline->trackRect().left());
    m_timeline->setPosition(10'000);
    QCOMPARE(m_timeline->scale().viewStart(), 0.0);
    m_timeline->setPosition(31'000);
    // A page on: the playhead a tenth of the way in.
    QCOMPARE(m_timeline->scale().viewStart(), 31'000 - 3'000.0);
    // A view the user scrolled away stays where it is.
    m_timeline->zoomBy(1, 0);
    const double away = m_timeline->scale().viewStart() + 100'000;
    QWheelEvent wheel(onTrack(100), QPoint(), QPoint(), QPoint(0, -120 * 80), Qt::NoButton,
        Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_timeline.get(), &wheel);
    QVERIFY(m_timeline->scale().viewStart() >= away);
    const double scrolled = m_timeline->scale().viewStart();
    m_timeline->setPosition(32'000);
    QCOMPARE(m_timeline->scale().viewStart(), scrolled);
}

void tst_CueTimeline::tooltips()
{
    m_timeline->setThemeNames({{u"march"_s, u"Picard’s March"_s}});
    Marker themed = pointMarker(u"a"_s, 72'000, u"the March in the horns"_s);
    themed.themeId = u"march"_s;
    m_timeline->setMarkers({themed, rangeMarker(u"r"_s, 200'000, 230'000)});
    m_timeline->setOccurrences({timedOccurrence(u"march"_s, 120'000, 150'000),
        placedOccurrence(u"fanfare"_s, Occurrence::Opening)});

    QCOMPARE(
        m_timeline->toolTipAt(atTime(72'000)), u"the March in the horns\n1:12 · Picard’s March"_s);
    QCOMPARE(m_timeline->toolTipAt(atTime(200'000)), u"Marker\n3:20–3:50"_s);
    // Inside a range, below its bar: the range, then the time.
    QCOMPARE(m_timeline->toolTipAt(atTime(215'000)), u"Marker\n3:20–3:50\n\n3:35"_s);
    QCOMPARE(
        m_timeline->toolTipAt(atTime(135'000)), u"Picard’s March · Statement\n2:00–2:30\n\n2:15"_s);
    // The soft band of an opening: an unnamed theme goes by its id.
    QCOMPARE(m_timeline->toolTipAt(atTime(50'000)), u"fanfare · Quotation\nopening\n\n0:50"_s);
    QCOMPARE(m_timeline->toolTipAt(atTime(260'000)), u"4:20"_s);

    // The real tooltip event shows the same text.
    const QPoint pos = atTime(72'000);
    QHelpEvent help(QEvent::ToolTip, pos, m_timeline->mapToGlobal(pos));
    QApplication::sendEvent(m_timeline.get(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), m_timeline->toolTipAt(pos));
    QToolTip::hideText();
}

void tst_CueTimeline::anOccurrencePlacedNowhereIsALabelOnly()
{
    m_timeline->setThemeNames({{u"march"_s, u"Star Trek March"_s}});
    m_timeline->setOccurrences({placedOccurrence(u"march"_s, Occurrence::NoPosition)});
    // Its label stands at the right end of the bottom row.
    const QRectF track = m_timeline->trackRect();
    const QPoint label(int(track.right()) - 4, int(track.bottom()) - 4);
    QCOMPARE(m_timeline->toolTipAt(label),
        u"Star Trek March · Quotation\nsomewhere in the cue; where is not known"_s);
    // It spans no moment, and is no place to jump to.
    QCOMPARE(m_timeline->toolTipAt(atTime(0)), u"0:00"_s);
    QSignalSpy seeks(m_timeline.get(), &CueTimeline::seekRequested);
    m_timeline->setFocus();
    QTest::keyClick(m_timeline.get(), Qt::Key_Period);
    QCOMPARE(seeks.size(), 0);
}

void tst_CueTimeline::waveformStates()
{
    QCOMPARE(m_timeline->waveformStatus(), CueTimeline::WaveformStatus::NoAudioFile);
    QCOMPARE(m_timeline->waveformText(), u"No audio file linked"_s);
    m_timeline->setReadingProgress(40);
    QCOMPARE(m_timeline->waveformText(), u"Reading the waveform… 40%"_s);
    m_timeline->setPeaks({{-0.5f, 0.5f}});
    QCOMPARE(m_timeline->waveformStatus(), CueTimeline::WaveformStatus::Ready);
    QVERIFY(m_timeline->waveformText().isEmpty());
    m_timeline->setUnreadable(u"The file ends too early"_s);
    QCOMPARE(m_timeline->waveformText(), u"The file ends too early"_s);
    m_timeline->setNoAudioFile();
    QCOMPARE(m_timeline->waveformText(), u"No audio file linked"_s);
    m_timeline->setDuration(0);
    QCOMPARE(m_timeline->waveformText(), u"The length of this cue is unknown"_s);
    // With no length, a click asks for nothing.
    QSignalSpy seeks(m_timeline.get(), &CueTimeline::seekRequested);
    QTest::mouseClick(m_timeline.get(), Qt::LeftButton, {}, onTrack(300));
    QCOMPARE(seeks.size(), 0);
    render();
}

void tst_CueTimeline::compactMode()
{
    const int normal = m_timeline->sizeHint().height();
    QVERIFY(normal >= 64 && normal <= 90);
    m_timeline->setCompact(true);
    const int compact = m_timeline->sizeHint().height();
    QVERIFY(compact < normal / 2);
    m_timeline->resize(600, compact);
    // The track is all of it, and a click still seeks.
    QCOMPARE(m_timeline->trackRect().height(), compact - 4.0);
    QSignalSpy seeks(m_timeline.get(), &CueTimeline::seekRequested);
    QTest::mouseClick(m_timeline.get(), Qt::LeftButton, {}, onTrack(2 + 298));
    QCOMPARE(seeks.size(), 1);
    QVERIFY(std::abs(seeks.at(0).at(0).toLongLong() - Duration / 2) <= 1);
    render();
}

void tst_CueTimeline::contentsMarginsFrameTheStrip()
{
    const int height = m_timeline->sizeHint().height();
    m_timeline->setContentsMargins(10, 4, 20, 2);
    QCOMPARE(m_timeline->sizeHint().height(), height + 6);
    QCOMPARE(m_timeline->trackRect().left(), 12.0);
    QCOMPARE(m_timeline->trackRect().right(), m_timeline->width() - 22.0);
    QSignalSpy seeks(m_timeline.get(), &CueTimeline::seekRequested);
    QTest::mouseClick(m_timeline.get(), Qt::LeftButton, {}, onTrack(12));
    QTest::mouseClick(m_timeline.get(), Qt::LeftButton, {}, onTrack(m_timeline->width() - 22));
    QCOMPARE(seeks.at(0).at(0).toLongLong(), 0);
    QCOMPARE(seeks.at(1).at(0).toLongLong(), Duration);
}

void tst_CueTimeline::accessibleAndFocusable()
{
    QCOMPARE(m_timeline->accessibleName(), u"Cue timeline"_s);
    m_timeline->setMarkers({pointMarker(u"a"_s, 1000), pointMarker(u"b"_s, 2000)});
    QVERIFY2(
        m_timeline->accessibleDescription().startsWith(u"5:00 long, 2 markers, 0 themes heard."_s),
        qPrintable(m_timeline->accessibleDescription()));
    QCOMPARE(m_timeline->focusPolicy(), Qt::StrongFocus);
    // A click gives it the keyboard.
    QWidget other;
    m_timeline->setFocus();
    QTest::mouseClick(m_timeline.get(), Qt::LeftButton, {}, onTrack(100));
    QVERIFY(m_timeline->hasFocus());
    // Keys it does not use go on to the window (M adds a marker there).
    QKeyEvent m(QEvent::KeyPress, Qt::Key_M, Qt::NoModifier, u"m"_s);
    QApplication::sendEvent(m_timeline.get(), &m);
    QVERIFY(!m.isAccepted());
}

QTEST_MAIN(tst_CueTimeline)
#include "tst_cuetimeline.moc"
