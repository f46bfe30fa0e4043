// cuebook-bench-paint: the drawing figures of cuebook-bench, as one JSON object, in a process of
// its own (cuebook-bench runs it), since drawing needs a widget application.
#include "catalog/catalogreader.h"
#include "catalogbrowser.h"
#include "covergrid/covergridview.h"
#include "covers/coverloader.h"
#include "covers/coversourcefinder.h"
#include "itemmodels/catalogmodel.h"
#include "syntheticcatalog.h"
#include "timeline/cuetimeline.h"

#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <functional>
#include <tuple>

using namespace Qt::StringLiterals;

namespace {

// A five-minute cue with 1,000 markers (every fifth a range, every third naming a theme), six
// occurrences and a waveform of 4,000 buckets, painted whole at 1200x80 into an image, as the
// cue pane shows it. Median of 21 paints after the first (which lays the markers out and
// shapes the waveform; later paints of the same view reuse both, as the widget's do). Then the
// same with the view zoomed a little before each paint, as while the user zooms or scrolls:
// every paint lays out and shapes anew. Each figure twice: the time that passed, as the other
// figures of cuebook-bench are, and the processor time this thread spent, which a machine busy
// with other work does not inflate.
struct PaintFigures
{
    double steady = 0;
    double steadyCpu = 0;
    double zooming = 0;
    double zoomingCpu = 0;
};

double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

PaintFigures timelinePaintMs()
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
    const auto medians = [&](const std::function<void(int)> &prepare) {
        QList<double> times;
        QList<double> cpuTimes;
        for (int run = 0; run < 21; ++run) {
            prepare(run);
            QElapsedTimer timer;
            const double cpuStart = threadCpuMs();
            timer.start();
            timeline.render(&image);
            times.append(double(timer.nsecsElapsed()) / 1e6);
            cpuTimes.append(threadCpuMs() - cpuStart);
        }
        std::sort(times.begin(), times.end());
        std::sort(cpuTimes.begin(), cpuTimes.end());
        return std::pair(times.at(times.size() / 2), cpuTimes.at(cpuTimes.size() / 2));
    };
    PaintFigures figures;
    std::tie(figures.steady, figures.steadyCpu) = medians([](int) {});
    std::tie(figures.zooming, figures.zoomingCpu)
        = medians([&](int run) { timeline.zoomBy(run % 2 ? 1 / 1.1 : 1.1, 600); });
    return figures;
}

// The cover grid of the 4,000 releases of the synthetic catalog, in the left half of a 1280x800
// window, from its first paint (the switch from the tree) to its last row a screenful at a
// time, as a user paging down does. A frame is what the GUI thread does between two screens: the
// events that came in (covers read by then, drawn covers drawn) and the paint of the view. The
// covers come in as they are read: a frame never waits for one. The slowest frame and the median.
struct GridFigures
{
    double slowest = -1;
    double median = -1;
    int frames = 0;
};

GridFigures gridFrameMs()
{
    QBuffer bytes;
    bytes.open(QIODevice::WriteOnly);
    CatalogReader reader;
    if (!writeSyntheticCatalog(bytes) || !reader.readData(bytes.data(), u"/bench/synthetic.json"_s))
        return {};
    CatalogModel catalogs;
    catalogs.addCatalog(reader.takeCatalog());
    QTemporaryDir cache;
    CoverLoader loader(cache.path());
    CoverSourceFinder sources(
        [&](const QString &catalogId) { return catalogs.catalog(catalogId); }, nullptr);
    CatalogBrowser browser(&catalogs, &loader, &sources);
    browser.resize(640, 720);
    // The window is up with the tree, and the user switches to the covers (Ctrl+2): the first
    // frame is the grid's first, not the window's.
    browser.show();
    QCoreApplication::processEvents();
    browser.showReleasesAs(CatalogBrowser::ReleaseView::Covers);
    auto *view = browser.findChild<CoverGridView *>();
    // A frame is the GUI thread's work on the events waiting (covers read since the last one,
    // the scroll) up to and including the view's repaint into the window, as on screen.
    QList<double> times;
    QScrollBar *scroll = view->verticalScrollBar();
    for (;;) {
        QElapsedTimer timer;
        timer.start();
        QCoreApplication::processEvents();
        times.append(double(timer.nsecsElapsed()) / 1e6);
        if (scroll->value() >= scroll->maximum())
            break;
        scroll->setValue(scroll->value() + scroll->pageStep());
    }
    GridFigures figures;
    figures.frames = int(times.size());
    figures.slowest = *std::max_element(times.begin(), times.end());
    std::sort(times.begin(), times.end());
    figures.median = times.at(times.size() / 2);
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QJsonObject figures;
    const PaintFigures paint = timelinePaintMs();
    const auto rounded = [](double ms) { return std::round(ms * 100.0) / 100.0; };
    figures[u"timeline_paint_ms"_s] = rounded(paint.steady);
    figures[u"timeline_paint_cpu_ms"_s] = rounded(paint.steadyCpu);
    figures[u"timeline_zoom_paint_ms"_s] = rounded(paint.zooming);
    figures[u"timeline_zoom_paint_cpu_ms"_s] = rounded(paint.zoomingCpu);
    const GridFigures grid = gridFrameMs();
    figures[u"grid_frame_ms"_s] = rounded(grid.slowest);
    figures[u"grid_frame_median_ms"_s] = rounded(grid.median);
    figures[u"grid_frames"_s] = grid.frames;
    QTextStream(stdout) << QJsonDocument(figures).toJson(QJsonDocument::Compact);
    return 0;
}
