// cuebook-bench-paint: the drawing figures of cuebook-bench, as one JSON object, in a process of
// its own (cuebook-bench runs it), since drawing needs a widget application.
#include "timeline/cuetimeline.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

// A five-minute cue with 1,000 markers (every fifth a range, every third naming a theme), six
// occurrences and a waveform of 4,000 buckets, painted whole at 1200x80 into an image, as the
// cue pane shows it. Median of 21 paints after the first (which lays the markers out and
// shapes the waveform; later paints of the same view reuse both, as the widget's do). Then the
// same with the view zoomed a little before each paint, as while the user zooms or scrolls:
// every paint lays out and shapes anew.
std::pair<double, double> timelinePaintMs()
{
    constexpr qint64 Duration = 300'000;
    QRandomGenerator random(9);
    QList<Marker> markers;
    for (int i = 0; i < 1000; ++i) {
        Marker marker;
        marker.id = QString::number(i);
        marker.startMs = random.bounded(Duration - 10'000);
        if (i % 5 == 0)
            marker.endMs = marker.startMs + random.bounded(1'000, 10'000);
        if (i % 3 == 0)
            marker.themeId = u"theme-%1"_s.arg(i % 7);
        marker.label = u"marker %1 in the horns"_s.arg(i);
        markers.append(marker);
    }
    QList<Occurrence> occurrences;
    for (int i = 0; i < 6; ++i) {
        Occurrence occurrence;
        occurrence.themeId = u"theme-%1"_s.arg(i);
        if (i < 4) {
            occurrence.startMs = i * 60'000;
            occurrence.endMs = occurrence.startMs + 30'000;
        } else {
            occurrence.position = i == 4 ? Occurrence::Opening : Occurrence::Ending;
        }
        occurrences.append(occurrence);
    }
    QList<CueTimeline::Peak> buckets;
    for (int i = 0; i < 4000; ++i) {
        const float level = float(0.2 + 0.7 * std::abs(std::sin(i / 150.0)));
        buckets.append({-level, level * 0.9f, level * 0.4f});
    }

    CueTimeline timeline;
    timeline.resize(1200, 80);
    timeline.setDuration(Duration);
    timeline.setMarkers(markers);
    timeline.setOccurrences(occurrences);
    timeline.setSelectedMarker(u"500"_s);
    timeline.setPeaks(buckets);
    timeline.setPosition(Duration / 3);

    QImage image(timeline.size(), QImage::Format_ARGB32_Premultiplied);
    timeline.render(&image);
    const auto median = [&](const std::function<void(int)> &prepare) {
        QList<double> times;
        for (int run = 0; run < 21; ++run) {
            prepare(run);
            QElapsedTimer timer;
            timer.start();
            timeline.render(&image);
            times.append(double(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(times.begin(), times.end());
        return times.at(times.size() / 2);
    };
    const double steady = median([](int) {});
    const double zooming = median([&](int run) { timeline.zoomBy(run % 2 ? 1 / 1.1 : 1.1, 600); });
    return {steady, zooming};
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QJsonObject figures;
    const auto [steady, zooming] = timelinePaintMs();
    figures[u"timeline_paint_ms"_s] = std::round(steady * 100.0) / 100.0;
    figures[u"timeline_zoom_paint_ms"_s] = std::round(zooming * 100.0) / 100.0;
    QTextStream(stdout) << QJsonDocument(figures).toJson(QJsonDocument::Compact);
    return 0;
}
