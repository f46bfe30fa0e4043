#include "timeline/cuetimeline.h"
#include "timeline/themecolors.h"
#include "timelinefixtures.h"

#include <QImage>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using namespace TimelineFixtures;

// The timeline as drawn: a real CueTimeline rendered into images, read pixel by pixel.
class tst_TimelinePainter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void paintsWithoutPeaks();
    void paintsPeaksWhereTheyAre();
    void paintsFoldingPeaksWithTheirLoudness();
    void paintsThePlayheadInTheHighlight();
    void paintsSharpAtTwiceTheDevicePixels();
    void paintsAThousandMarkers();

private:
    QPoint atTime(qint64 ms) const
    {
        return QPoint(int(std::lround(m_timeline->scale().xOf(double(ms)))),
            int(m_timeline->trackRect().center().y()));
    }
    QImage render(qreal ratio = 1.0) const
    {
        QImage image(m_timeline->size() * ratio, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(ratio);
        image.fill(Qt::transparent);
        m_timeline->render(&image);
        return image;
    }

    std::unique_ptr<CueTimeline> m_timeline;
};

void tst_TimelinePainter::init()
{
    m_timeline = std::make_unique<CueTimeline>();
    m_timeline->resize(1204, 80);
    m_timeline->setDuration(Duration);
}

void tst_TimelinePainter::cleanup()
{
    m_timeline.reset();
}

void tst_TimelinePainter::paintsWithoutPeaks()
{
    m_timeline->setOccurrences({timedOccurrence(u"march"_s, 30'000, 60'000)});
    m_timeline->setMarkers({pointMarker(u"a"_s, 100'000, u"here"_s)});
    const QImage image = render();
    const QColor base = m_timeline->palette().color(QPalette::Base);
    const QRectF track = m_timeline->trackRect();
    // The message is written in the middle of the track, away from every item.
    bool written = false;
    for (int x = int(track.center().x()) - 60; x < int(track.center().x()) + 60; ++x) {
        if (image.pixelColor(x, int(track.center().y())) != base)
            written = true;
    }
    QVERIFY(written);
    // The occurrence's band tints the track in its theme's hue.
    const QColor band = image.pixelColor(atTime(45'000).x(), int(track.center().y()));
    QVERIFY(band != base);
    const QColor hue = ThemeColors::color(u"march"_s);
    QVERIFY(std::abs(band.hueF() - hue.hueF()) < 0.05);
}

void tst_TimelinePainter::paintsPeaksWhereTheyAre()
{
    // Loud in the first half, silent in the second.
    QList<CueTimeline::Peak> buckets;
    for (int i = 0; i < 600; ++i)
        buckets.append(i < 300 ? CueTimeline::Peak {-0.9f, 0.9f} : CueTimeline::Peak {0, 0});
    m_timeline->setPeaks(buckets);
    const QImage image = render();
    const QColor base = m_timeline->palette().color(QPalette::Base);
    const QRectF track = m_timeline->trackRect();
    const int y = int(track.center().y() - track.height() / 6);
    QVERIFY(image.pixelColor(atTime(75'000).x(), y) != base);
    QCOMPARE(image.pixelColor(atTime(225'000).x(), y), base);

    // Buckets span the whole cue, whatever length it is given after them.
    m_timeline->setDuration(Duration / 2);
    const QImage shorter = render();
    QVERIFY(shorter.pixelColor(atTime(30'000).x(), y) != base);
    QCOMPARE(shorter.pixelColor(atTime(120'000).x(), y), base);
    m_timeline->setDuration(Duration);

    // The same through a source asked per column.
    int asked = 0;
    m_timeline->setPeakSource([&](qint64 from, qint64 to, int columns) {
        ++asked;
        QList<CueTimeline::Peak> peaks;
        for (int c = 0; c < columns; ++c) {
            const double ms = from + (to - from) * (c + 0.5) / columns;
            peaks.append(
                ms < Duration / 2 ? CueTimeline::Peak {-0.9f, 0.9f} : CueTimeline::Peak {0, 0});
        }
        return peaks;
    });
    const QImage again = render();
    QCOMPARE(again.pixelColor(atTime(75'000).x(), y), image.pixelColor(atTime(75'000).x(), y));
    QCOMPARE(again.pixelColor(atTime(225'000).x(), y), base);
    // The shape is kept for the same view and size.
    render();
    QCOMPARE(asked, 1);
    m_timeline->zoomBy(2, 100);
    render();
    QCOMPARE(asked, 2);
}

namespace {

// A waveform value that folds itself, shaped as the waveform loader's peaks are: loud (with
// an RMS of half full scale) for the first minute of audio, and no audio after two minutes.
struct FoldingPeaks
{
    struct Range
    {
        float min = 0;
        float max = 0;
        float rms = 0;
        bool hasAudio = false;
    };
    QList<Range> forPixels(int width, qint64 fromMs, qint64 toMs) const
    {
        QList<Range> columns;
        for (int x = 0; x < width; ++x) {
            const double ms = fromMs + double(toMs - fromMs) * (x + 0.5) / width;
            if (ms < 60'000)
                columns.append({-0.9f, 0.9f, 0.5f, true});
            else if (ms < 120'000)
                columns.append({-0.05f, 0.05f, 0.02f, true});
            else
                columns.append(Range {});
        }
        return columns;
    }
};

} // namespace

void tst_TimelinePainter::paintsFoldingPeaksWithTheirLoudness()
{
    m_timeline->setWaveform(FoldingPeaks {});
    QCOMPARE(m_timeline->waveformStatus(), CueTimeline::WaveformStatus::Ready);
    const QImage image = render();
    const QColor base = m_timeline->palette().color(QPalette::Base);
    const QRectF track = m_timeline->trackRect();
    const int middle = int(track.center().y());
    const int x = atTime(30'000).x();
    // The loudness band in the middle, the envelope around it, in two colours.
    const QColor loudness = image.pixelColor(x, middle);
    const QColor envelope = image.pixelColor(x, int(track.top() + track.height() * 0.12));
    QVERIFY(loudness != base);
    QVERIFY(envelope != base);
    QVERIFY(loudness != envelope);
    // Quiet audio is still a line; past the end of the audio, nothing at all.
    QVERIFY(image.pixelColor(atTime(90'000).x(), middle) != base);
    QCOMPARE(image.pixelColor(atTime(200'000).x(), middle), base);
}

void tst_TimelinePainter::paintsThePlayheadInTheHighlight()
{
    m_timeline->setPosition(150'000);
    const QImage image = render();
    const QColor highlight = m_timeline->palette().color(QPalette::Highlight);
    const int x = int(std::floor(m_timeline->scale().xOf(150'000)));
    const int y = int(m_timeline->trackRect().center().y());
    QCOMPARE(image.pixelColor(x, y), highlight);
    QCOMPARE(image.pixelColor(x - 1, y), highlight);
    QVERIFY(image.pixelColor(x + 3, y) != highlight);
    // Not the playing cue: no playhead.
    m_timeline->setPosition(-1);
    QVERIFY(render().pixelColor(x, y) != highlight);
}

void tst_TimelinePainter::paintsSharpAtTwiceTheDevicePixels()
{
    m_timeline->setMarkers({pointMarker(u"a"_s, 100'000)});
    m_timeline->setPosition(200'000);
    const QImage image = render(2.0);
    QCOMPARE(image.width(), 2 * m_timeline->width());
    const int y = int(2 * m_timeline->trackRect().center().y());
    const QColor base = m_timeline->palette().color(QPalette::Base);
    // The marker's line: two device pixels of one colour, with the background right beside,
    // nothing half-blended (a scaled pixmap would smear it over three or four).
    const int x = int(std::floor(2 * m_timeline->scale().xOf(100'000)));
    const QColor line = image.pixelColor(x, y);
    QVERIFY(line != base);
    QCOMPARE(image.pixelColor(x, y), line);
    QCOMPARE(image.pixelColor(x + 1, y), line);
    QCOMPARE(image.pixelColor(x - 1, y), base);
    QCOMPARE(image.pixelColor(x + 2, y), base);
    const QColor highlight = m_timeline->palette().color(QPalette::Highlight);
    const int playhead = int(std::floor(2 * m_timeline->scale().xOf(200'000)));
    QCOMPARE(image.pixelColor(playhead, y), highlight);
    QCOMPARE(image.pixelColor(playhead - 2, y), highlight);
    QCOMPARE(image.pixelColor(playhead + 2, y), base);
}

void tst_TimelinePainter::paintsAThousandMarkers()
{
    QList<Marker> markers;
    for (int i = 0; i < 1000; ++i) {
        const qint64 start = qint64(i) * Duration / 1000;
        markers.append(i % 5 == 0
                ? rangeMarker(QString::number(i), start, start + 4'000, u"range %1"_s.arg(i))
                : pointMarker(QString::number(i), start, u"point %1"_s.arg(i)));
    }
    m_timeline->setMarkers(markers);
    m_timeline->setSelectedMarker(u"500"_s);
    QList<CueTimeline::Peak> buckets(2000, CueTimeline::Peak {-0.3f, 0.4f});
    m_timeline->setPeaks(buckets);
    m_timeline->setPosition(Duration / 2 + 100);
    const QImage image = render();
    QVERIFY(!image.isNull());
    const QColor highlight = m_timeline->palette().color(QPalette::Highlight);
    // The selected marker's flag is shown even among a thousand.
    const QPoint flag = atTime(150'000) + QPoint(1, 0);
    QCOMPARE(image.pixelColor(flag.x(), int(m_timeline->trackRect().top()) + 1), highlight);
    m_timeline->zoomBy(50, 600);
    QVERIFY(!render(2.0).isNull());
    m_timeline->setCompact(true);
    QVERIFY(!render().isNull());
}

QTEST_MAIN(tst_TimelinePainter)
#include "tst_timelinepainter.moc"
