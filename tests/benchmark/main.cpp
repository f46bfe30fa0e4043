// cuebook-bench: builds a synthetic 100,000-track catalog and prints one JSON object of figures.
// Speed targets are checked here, by a person reading the figures, not by timed assertions.
#include "catalog/catalogreader.h"
#include "itemmodels/catalogfiltermodel.h"
#include "itemmodels/catalogmodel.h"
#include "itemmodels/themelistmodel.h"
#include "itemmodels/userdatatracker.h"
#include "syntheticcatalog.h"
#include "userdata/markerstore.h"
#include "userdata/notestore.h"
#include "userdata/userdatabase.h"
#include "userdatabench.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int Runs = 9;

double medianMs(const std::function<void()> &prepare, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < Runs; ++i) {
        prepare();
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(Runs / 2);
}

double rounded(double value)
{
    return std::round(value * 10.0) / 10.0;
}

// Peak resident set size, from the kernel's own high-water mark.
double peakRssMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return rounded(line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0);
    }
    return -1;
}

// The 95th percentile of 1,000 saves of a note as the editor makes them while the user types:
// NoteStore::setNote with one more character each time, each its own commit to the file (WAL),
// which a killed process does not lose. -1 when the database cannot be opened or a save fails.
double noteSaveP95Ms(const QString &folder)
{
    UserDatabase database;
    if (!database.open(folder + u"/notes.sqlite"_s))
        return -1;
    NoteStore *notes = database.notes();
    const CueKey cue {u"bench"_s, u"cue-1"_s};
    // A few hundred notes around it, as a user's database has.
    for (int i = 0; i < 500; ++i)
        notes->setNote({u"bench"_s, u"other-%1"_s.arg(i)}, u"An earlier note, %1."_s.arg(i));
    QString text = u"The March enters in the horns at 1:12, then "_s;
    QList<double> times;
    for (int edit = 0; edit < 1000; ++edit) {
        text.append(QChar(u'a' + edit % 26));
        QElapsedTimer timer;
        timer.start();
        if (!notes->setNote(cue, text))
            return -1;
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() * 95 / 100);
}

// Visits every row the proxy shows, so that the figures include its mapping work.
int countVisibleRows(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    const int rows = model.rowCount(parent);
    int total = rows;
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (model.hasChildren(index))
            total += model.rowCount(index);
    }
    return total;
}

// The filter again with the user's own data beside the catalog, as the window has it: 10,000
// notes, 5,000 linked files and 1,000 cues with markers, through UserDataTracker:
// filter_user_data_ms and filter_user_data_rows. Empty, with the reason on stderr, when the
// database cannot be opened.
QJsonObject filterWithUserDataFigures(
    CatalogModel &model, const QString &catalogId, const QString &folder)
{
    UserDatabase database;
    if (!database.open(folder + u"/userdata-filter.sqlite"_s)) {
        std::fprintf(stderr, "cuebook-bench: %s\n", qPrintable(database.errorString()));
        return {};
    }
    QList<Marker> markers;
    for (int n = 0; n < 10'000; ++n) {
        const CueKey cue {catalogId, u"cue-%1"_s.arg(n * 10)};
        database.notes()->setNote(cue,
            n % 4 ? u"Strings at 0:%1, then the theme in the horns"_s.arg(n % 60)
                  : u"A solo cello, note %1"_s.arg(n));
        if (n % 2 == 0)
            model.setFileState({catalogId, u"cue-%1"_s.arg(n * 10 + 1)}, FileState::Linked);
        if (n % 10 == 0) {
            Marker marker;
            marker.id = Marker::newId();
            marker.cue = cue;
            marker.startMs = 72'000;
            marker.label = u"the March"_s;
            markers.append(marker);
        }
    }
    database.markers()->putMarkers(markers);
    UserDataTracker userDataTracker(&model);
    userDataTracker.setUserData(&database);
    CatalogFilterModel filter;
    filter.setSourceModel(&model);
    filter.setUserData(&userDataTracker);
    QJsonObject filterMs;
    QJsonObject filterRows;
    const QList<std::pair<QString, QString>> queries {{u"1"_s, u"a"_s}, {u"3"_s, u"bor"_s},
        {u"note"_s, u"note:cello"_s}, {u"has_note"_s, u"has:note"_s},
        {u"has_file"_s, u"has:file"_s}, {u"has_marker"_s, u"has:marker"_s}};
    for (const auto &entry : queries) {
        int rows = 0;
        filterMs[entry.first] = rounded(medianMs([&] { filter.setQuery(QString()); },
            [&] {
                filter.setQuery(entry.second);
                rows = countVisibleRows(filter);
            }));
        filterRows[entry.first] = rows;
    }
    return {{u"filter_user_data_ms"_s, filterMs}, {u"filter_user_data_rows"_s, filterRows}};
}

// Launches the app and times, from the moment it is started, its first painted window and (with a
// catalog to read) the moment that catalog is in the tree. Median of 5 launches. The program
// launched is cuebook-startup-probe: the real app/main.cpp and libraries, with a probe beside
// them (startupprobe.cpp) that prints a line at each of those moments.
std::pair<double, double> startupMs(const QStringList &arguments, const QString &configFolder)
{
    QList<double> paints;
    QList<double> shown;
    for (int run = 0; run < 5; ++run) {
        QProcess app;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_CONFIG_HOME"_s, configFolder);
        if (!environment.contains(u"QT_QPA_PLATFORM"_s))
            environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        app.setProcessEnvironment(environment);
        QElapsedTimer timer;
        timer.start();
        app.start(QStringLiteral(CUEBOOK_STARTUP_PROBE), arguments);
        double paint = -1;
        double catalog = -1;
        const bool wantsCatalog = arguments.contains(u"--catalog"_s);
        while ((paint < 0 || (wantsCatalog && catalog < 0)) && timer.elapsed() < 30'000) {
            if (!app.waitForReadyRead(30'000))
                break;
            while (app.canReadLine()) {
                const QByteArray line = app.readLine().trimmed();
                const double ms = double(timer.nsecsElapsed()) / 1e6;
                if (line == "cuebook: first paint")
                    paint = ms;
                else if (line == "cuebook: catalog shown")
                    catalog = ms;
            }
        }
        app.kill();
        app.waitForFinished();
        paints.append(paint);
        shown.append(catalog);
    }
    std::sort(paints.begin(), paints.end());
    std::sort(shown.begin(), shown.end());
    return {paints.at(paints.size() / 2), shown.at(shown.size() / 2)};
}

// A marker that names a theme, stored while the Themes tab follows the user database: the
// store's write and the census counted again, as after pressing M. -1 when the database fails.
double themeMarkerCensusMs(const CatalogModel &model, const QString &folder)
{
    UserDatabase database;
    if (!database.open(folder + u"/census.sqlite"_s))
        return -1;
    ThemeListModel themes(&model);
    themes.setUserData(&database);
    const Catalog &catalog = model.catalogs().constFirst();
    int next = 0;
    bool stored = true;
    const double ms = medianMs([] {},
        [&] {
            Marker marker;
            marker.id = Marker::newId();
            marker.cue = {catalog.id, catalog.cues.at(next * 997 % catalog.cues.size()).id};
            marker.themeId = catalog.themes.at(next % catalog.themes.size()).id;
            marker.startMs = 1'000;
            ++next;
            stored = database.markers()->putMarker(marker) && stored;
        });
    return stored ? ms : -1;
}

const QString MemoryOption = u"--memory"_s;

// What the filter figures search for, by the key they are printed under.
const QList<std::pair<QString, QString>> &benchQueries()
{
    static const QList<std::pair<QString, QString>> queries {{u"1"_s, u"a"_s}, {u"3"_s, u"bor"_s},
        {u"8"_s, u"daybreak"_s}, {u"theme"_s, u"theme:romulan"_s}};
    return queries;
}

// -1, with the reason on stderr, when the catalog cannot be read.
double catalogPeakRssMb(const QString &path)
{
    CatalogReader reader;
    if (!reader.read(path)) {
        QTextStream(stderr) << reader.errorString() << '\n';
        return -1;
    }
    CatalogModel model;
    CatalogFilterModel filter;
    filter.setSourceModel(&model);
    model.addCatalog(reader.takeCatalog());
    for (const auto &entry : benchQueries()) {
        filter.setQuery(entry.second);
        countVisibleRows(filter);
    }
    return peakRssMb();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    QJsonObject figures;

    // cuebook-bench --write-catalog FILE: only write the synthetic catalog, to open it by hand.
    const QStringList arguments = app.arguments();
    if (arguments.size() == 3 && arguments.at(1) == u"--write-catalog"_s) {
        QFile file(arguments.at(2));
        if (file.open(QIODevice::WriteOnly) && writeSyntheticCatalog(file))
            return 0;
        err << "cuebook-bench: cannot write " << arguments.at(2) << '\n';
        return 1;
    }

    // cuebook-bench --memory FILE: the peak memory of reading FILE once, showing it in the tree and
    // searching it with each query once, as the app does; run as a process of its own, so that
    // neither the timing loops' repeats nor the synthetic catalog's writing count.
    if (arguments.size() == 3 && arguments.at(1) == MemoryOption) {
        const double peakMb = catalogPeakRssMb(arguments.at(2));
        if (peakMb < 0)
            return 1;
        QTextStream(stdout) << peakMb << '\n';
        return 0;
    }

    QTemporaryDir folder;
    // cuebook-bench --user-database: only the user database's figures.
    if (arguments.size() == 2 && arguments.at(1) == u"--user-database"_s) {
        QTextStream(stdout)
            << QJsonDocument(userDatabaseFigures(folder.path())).toJson(QJsonDocument::Indented);
        return 0;
    }
    const QString path = folder.filePath(u"synthetic.json"_s);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !writeSyntheticCatalog(file)) {
            err << "cuebook-bench: cannot write " << path << '\n';
            return 1;
        }
    }
    figures[u"catalog_bytes"_s] = QFileInfo(path).size();

    QProcess memory;
    memory.start(app.applicationFilePath(), {MemoryOption, path});
    bool measured = memory.waitForFinished(120'000) && memory.exitCode() == 0;
    const double peakMb = memory.readAllStandardOutput().trimmed().toDouble(&measured);
    if (!measured) {
        err << "cuebook-bench: the memory figure failed: " << memory.readAllStandardError() << '\n';
        return 1;
    }
    figures[u"peak_rss_mb"_s] = peakMb;

    // A fresh reader per run: freeing the previous run's catalog is not part of reading.
    std::optional<CatalogReader> reader;
    const double readMs = medianMs([&] { reader.emplace(); },
        [&] {
            if (!reader->read(path)) {
                err << reader->errorString() << '\n';
                std::exit(1);
            }
        });
    figures[u"read_ms"_s] = rounded(readMs);
    const Catalog catalog = reader->takeCatalog();
    reader.reset();
    figures[u"tracks"_s] = catalog.trackCount();

    CatalogModel model;
    CatalogFilterModel filter;
    filter.setSourceModel(&model);
    const double modelMs
        = medianMs([&] { model.removeCatalog(catalog.id); }, [&] { model.addCatalog(catalog); });
    figures[u"model_ms"_s] = rounded(modelMs);

    // The Themes tab's census of every theme, as it is counted when a catalog opens and again
    // after each change to a marker.
    const double censusMs = medianMs([] {},
        [&] {
            ThemeListModel themes(&model);
            if (themes.rowCount() != catalog.themes.size()) {
                err << "cuebook-bench: the theme list lost themes\n";
                std::exit(1);
            }
        });
    figures[u"theme_census_ms"_s] = rounded(censusMs);
    const double markedMs = themeMarkerCensusMs(model, folder.path());
    if (markedMs < 0)
        return 1;
    figures[u"theme_marker_census_ms"_s] = rounded(markedMs);

    QJsonObject filterMs;
    QJsonObject filterRows;
    // Not a structured binding: clang 14 cannot capture one in the lambda below.
    for (const auto &entry : benchQueries()) {
        const QString &key = entry.first;
        const QString &query = entry.second;
        int rows = 0;
        filterMs[key] = rounded(medianMs([&] { filter.setQuery(QString()); },
            [&] {
                filter.setQuery(query);
                rows = countVisibleRows(filter);
            }));
        filterRows[key] = rows;
    }
    figures[u"filter_ms"_s] = filterMs;
    figures[u"filter_rows"_s] = filterRows;

    const QJsonObject userData = userDatabaseFigures(folder.path());
    for (auto it = userData.begin(); it != userData.end(); ++it)
        figures[it.key()] = it.value();

    const QJsonObject filtered = filterWithUserDataFigures(model, catalog.id, folder.path());
    if (filtered.isEmpty())
        return 1;
    for (auto it = filtered.begin(); it != filtered.end(); ++it)
        figures[it.key()] = it.value();

    // Two decimals: the figure is a fraction of a millisecond.
    figures[u"note_save_p95_ms"_s] = std::round(noteSaveP95Ms(folder.path()) * 100.0) / 100.0;

    const QString config = folder.filePath(u"config"_s);
    figures[u"first_paint_ms"_s] = rounded(startupMs({}, config).first);
    const auto [paint100k, shown100k] = startupMs({u"--catalog"_s, path}, config);
    figures[u"first_paint_100k_ms"_s] = rounded(paint100k);
    figures[u"catalog_shown_100k_ms"_s] = rounded(shown100k);

    // Scanning and playing run in a process of their own, so that the audio and GUI libraries
    // they need stay out of the catalog's memory figure above.
    QProcess media;
    media.start(QStringLiteral(CUEBOOK_MEDIA_BENCH), {folder.path()});
    if (media.waitForFinished(600'000) && media.exitCode() == 0) {
        const QJsonObject mediaFigures
            = QJsonDocument::fromJson(media.readAllStandardOutput()).object();
        for (auto it = mediaFigures.begin(); it != mediaFigures.end(); ++it)
            figures[it.key()] = it.value();
    } else {
        err << "cuebook-bench: the media benchmark failed: " << media.readAllStandardError()
            << '\n';
    }

    // Drawing needs a widget application: in a process of its own as well.
    QProcess paint;
    paint.start(QStringLiteral(CUEBOOK_PAINT_BENCH), {});
    if (paint.waitForFinished(120'000) && paint.exitCode() == 0) {
        const QJsonObject paintFigures
            = QJsonDocument::fromJson(paint.readAllStandardOutput()).object();
        for (auto it = paintFigures.begin(); it != paintFigures.end(); ++it)
            figures[it.key()] = it.value();
    } else {
        err << "cuebook-bench: the paint benchmark failed: " << paint.readAllStandardError()
            << '\n';
    }

    QTextStream(stdout) << QJsonDocument(figures).toJson(QJsonDocument::Indented);
    return 0;
}
