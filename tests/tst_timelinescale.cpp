#include "timeline/themecolors.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelinenavigation.h"
#include "timeline/timelinescale.h"
#include "timeline/timelinewaveform.h"
#include "timelinefixtures.h"

#include <QSet>
#include <QTest>

#include <cmath>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace TimelineFixtures;

// The timeline's arithmetic, without a widget: where a moment falls, how the view zooms and
// scrolls, the ruler's steps, peaks folded to columns, where occurrences stand, theme colours,
// where a drag leaves a marker.
class tst_TimelineScale : public QObject
{
    Q_OBJECT

private slots:
    void mapsBothWays();
    void zoomKeepsTheAnchor_data();
    void zoomKeepsTheAnchor();
    void viewStaysInTheCue();
    void ensureVisibleScrollsAsLittleAsNeeded();
    void ticksAdaptToTheZoom();
    void foldTakesTheExtremesOfEachColumn();
    void occurrenceSpans();
    void themeColorsAreStable();
    void dragsStayInTheCue();
};

void tst_TimelineScale::mapsBothWays()
{
    TimelineScale scale;
    scale.setDuration(Duration);
    scale.setTrack(10, 600);
    QCOMPARE(scale.xOf(0), 10.0);
    QCOMPARE(scale.xOf(double(Duration)), 610.0);
    QCOMPARE(scale.msAt(310), Duration / 2);
    QCOMPARE(scale.msPerPixel(), 500.0);
    // Outside the track, clamped to the cue.
    QCOMPARE(scale.msAt(-50), 0);
    QCOMPARE(scale.msAt(5000), Duration);
}

void tst_TimelineScale::zoomKeepsTheAnchor_data()
{
    QTest::addColumn<double>("anchor");
    QTest::addColumn<double>("factor");
    for (const double anchor : {200.0, 333.3, 480.0}) {
        for (const double factor : {1.25, 3.0, 40.0})
            QTest::addRow("at %g by %g", anchor, factor) << anchor << factor;
    }
}

void tst_TimelineScale::zoomKeepsTheAnchor()
{
    QFETCH(double, anchor);
    QFETCH(double, factor);
    TimelineScale scale;
    scale.setDuration(Duration);
    scale.setTrack(10, 600);
    const double before = scale.viewStart() + (anchor - 10) * scale.msPerPixel();
    scale.zoomBy(factor, anchor);
    QCOMPARE(scale.zoom(), factor);
    QVERIFY(std::abs(scale.viewStart() + (anchor - 10) * scale.msPerPixel() - before) < 1e-6);
    scale.zoomBy(1 / factor, anchor);
    QVERIFY(!scale.isZoomed());
}

void tst_TimelineScale::viewStaysInTheCue()
{
    TimelineScale scale;
    scale.setDuration(Duration);
    scale.setTrack(0, 600);
    // Zoomed at the very left, the view cannot start before the cue: the anchor gives way.
    scale.zoomBy(4, 590);
    scale.scrollBy(1e9);
    QCOMPARE(scale.viewEnd(), double(Duration));
    scale.scrollBy(-1e9);
    QCOMPARE(scale.viewStart(), 0.0);
    scale.zoomBy(1e6, 300);
    QCOMPARE(scale.viewSpan(), TimelineScale::MinimumSpanMs);
    scale.zoomBy(1e-6, 300);
    QCOMPARE(scale.viewSpan(), double(Duration));
    QCOMPARE(scale.viewStart(), 0.0);
    // A new duration shows the whole of it.
    scale.zoomBy(3, 0);
    scale.setDuration(60'000);
    QVERIFY(!scale.isZoomed());
    QCOMPARE(scale.viewSpan(), 60'000.0);
}

void tst_TimelineScale::ensureVisibleScrollsAsLittleAsNeeded()
{
    TimelineScale scale;
    scale.setDuration(Duration);
    scale.setTrack(0, 600);
    scale.zoomBy(10, 0);
    QCOMPARE(scale.viewSpan(), 30'000.0);
    scale.ensureVisible(10'000);
    QCOMPARE(scale.viewStart(), 0.0);
    scale.ensureVisible(100'000);
    QCOMPARE(scale.viewEnd(), 100'000.0 + 3'000);
    scale.ensureVisible(50'000);
    QCOMPARE(scale.viewStart(), 50'000.0 - 3'000);
}

void tst_TimelineScale::ticksAdaptToTheZoom()
{
    // Labels at least 50 px apart: the whole of a 5-minute cue over 1,200 px is every 15 s…
    QCOMPARE(TimelineScale::majorStep(Duration / 1200.0, 50), 15'000);
    // …zoomed on ten seconds, every half second; a two-hour cue on 300 px, every 30 minutes.
    QCOMPARE(TimelineScale::majorStep(10'000 / 1200.0, 50), 500);
    QCOMPARE(TimelineScale::majorStep(7'200'000 / 300.0, 50), 1'800'000);
    for (const qint64 step : {100, 250, 500, 1'000, 5'000, 15'000, 60'000, 3'600'000}) {
        const qint64 minor = TimelineScale::minorStep(step);
        QVERIFY(minor > 0 && minor < step && step % minor == 0);
    }
}

void tst_TimelineScale::foldTakesTheExtremesOfEachColumn()
{
    const QList<TimelineWaveform::Peak> buckets {
        {-0.1f, 0.1f}, {-0.8f, 0.2f}, {-0.2f, 0.9f}, {0, 0}};
    // Two columns over four buckets: each takes two.
    QCOMPARE(TimelineWaveform::fold(buckets, 4000, 0, 4000, 2),
        (QList<TimelineWaveform::Peak> {{-0.8f, 0.2f}, {-0.2f, 0.9f}}));
    // Zoomed in past the buckets: each column is inside one.
    QCOMPARE(TimelineWaveform::fold(buckets, 4000, 1000, 2000, 4),
        (QList<TimelineWaveform::Peak>(4, {-0.8f, 0.2f})));
    QCOMPARE(TimelineWaveform::fold({}, 4000, 0, 4000, 3).size(), 3);
    // The loudness of several buckets is the root of their mean square.
    const QList<TimelineWaveform::Peak> loud {{-0.5f, 0.5f, 0.3f}, {-0.5f, 0.5f, 0.4f}};
    QCOMPARE(TimelineWaveform::fold(loud, 2000, 0, 2000, 1).at(0).rms,
        float(std::sqrt((0.09 + 0.16) / 2)));
}

void tst_TimelineScale::occurrenceSpans()
{
    const auto span = [](const Occurrence &occurrence) {
        const TimelineLayout::Span s = TimelineLayout::spanOf(occurrence, 90'000);
        return std::tuple(s.start, s.end, s.soft);
    };
    QCOMPARE(span(timedOccurrence(u"t"_s, 10'000, 20'000)), std::tuple(10'000, 20'000, false));
    QCOMPARE(span(timedOccurrence(u"t"_s, 10'000, -1)), std::tuple(10'000, 10'000, false));
    QCOMPARE(span(timedOccurrence(u"t"_s, 80'000, 120'000)), std::tuple(80'000, 90'000, false));
    QCOMPARE(span(placedOccurrence(u"t"_s, Occurrence::Opening)), std::tuple(0, 30'000, true));
    QCOMPARE(span(placedOccurrence(u"t"_s, Occurrence::Middle)), std::tuple(30'000, 60'000, true));
    QCOMPARE(span(placedOccurrence(u"t"_s, Occurrence::Ending)), std::tuple(60'000, 90'000, true));
    QCOMPARE(span(placedOccurrence(u"t"_s, Occurrence::Throughout)), std::tuple(0, 90'000, true));
    QCOMPARE(std::get<0>(span(placedOccurrence(u"t"_s, Occurrence::NoPosition))), -1);
}

void tst_TimelineScale::themeColorsAreStable()
{
    // Fixed values: a theme keeps its colour from one run, and one machine, to the next.
    QCOMPARE(ThemeColors::color(u"march"_s), QColor(0x00, 0x9e, 0x73));
    QCOMPARE(ThemeColors::color(u"fanfare"_s), QColor(0xd5, 0x5e, 0x00));
    QCOMPARE(ThemeColors::color(u"romulan"_s), QColor(0xcc, 0x79, 0xa7));
    QSet<QRgb> seen;
    for (int i = 0; i < 200; ++i) {
        const QColor color = ThemeColors::color(u"theme-%1"_s.arg(i));
        seen.insert(color.rgb());
        // Mid lightness: legible against white and against a dark grey.
        QVERIFY(color.lightnessF() > 0.2 && color.lightnessF() < 0.75);
    }
    QCOMPARE(seen.size(), ThemeColors::count());
}

void tst_TimelineScale::dragsStayInTheCue()
{
    using TimelineNavigation::dragged;
    const Marker range = rangeMarker(u"r"_s, 10'000, 20'000);
    // By the body, whole; it stops at either end of the cue, keeping its length.
    QCOMPARE(dragged(range, TimelineLayout::Body, 5'000, 100, Duration).startMs, 15'000);
    QCOMPARE(dragged(range, TimelineLayout::Body, 5'000, 100, Duration).endMs, 25'000);
    QCOMPARE(dragged(range, TimelineLayout::Body, -50'000, 100, Duration).startMs, 0);
    QCOMPARE(dragged(range, TimelineLayout::Body, -50'000, 100, Duration).endMs, 10'000);
    QCOMPARE(dragged(range, TimelineLayout::Body, 1'000'000, 100, Duration).endMs, Duration);
    // By an edge, one end; never past the other end, nor shorter than the shortest.
    QCOMPARE(dragged(range, TimelineLayout::StartEdge, 15'000, 100, Duration).startMs, 19'900);
    QCOMPARE(dragged(range, TimelineLayout::StartEdge, 15'000, 100, Duration).endMs, 20'000);
    QCOMPARE(dragged(range, TimelineLayout::EndEdge, -15'000, 100, Duration).endMs, 10'100);
    QCOMPARE(dragged(range, TimelineLayout::EndEdge, 1'000'000, 100, Duration).endMs, Duration);
    // A point stays a point.
    const Marker point = pointMarker(u"p"_s, 1'000);
    QCOMPARE(dragged(point, TimelineLayout::Body, -5'000, 100, Duration).startMs, 0);
    QCOMPARE(dragged(point, TimelineLayout::Body, -5'000, 100, Duration).endMs, -1);
}

QTEST_MAIN(tst_TimelineScale)
#include "tst_timelinescale.moc"
