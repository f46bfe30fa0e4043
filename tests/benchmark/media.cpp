// cuebook-bench-media FOLDER: the scanning and playback figures of cuebook-bench, as one JSON
// object, in a process of its own (cuebook-bench runs it).
#include "audiofolder.h"
#include "catalog/catalogreader.h"
#include "covers/coverloader.h"
#include "library/libraryscanner.h"
#include "player.h"
#include "testcatalogs.h"
#include "userdata/filelinkstore.h"
#include "userdata/scancachestore.h"
#include "userdata/userdatabase.h"
#include "waveform/waveformloader.h"
#include "wavwriter.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cmath>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

// Scans the folder, matches it against the catalogs and stores the links, as the app does;
// returns files per second, or -1.
double scanFilesPerSecond(
    const QString &folder, const QList<Catalog> &catalogs, const QString &databasePath)
{
    QFile::remove(databasePath);
    UserDatabase userData;
    if (!userData.open(databasePath))
        return -1;
    LibraryScanner scanner;
    scanner.setCatalogs(catalogs);
    QEventLoop loop;
    ScanResult result;
    QObject::connect(&scanner, &LibraryScanner::finished, &loop, [&](const ScanResult &r) {
        result = r;
        loop.quit();
    });
    QObject::connect(&scanner, &LibraryScanner::errorOccurred, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    if (!scanner.scan(folder))
        return -1;
    loop.exec();
    QList<FileLink> links;
    for (qsizetype i = 0; i < result.matches.size(); ++i) {
        const MatchResult &match = result.matches.at(i);
        if (match.status == MatchResult::Linked)
            links.append(
                {{match.link.catalogId, match.link.cueId}, result.files.at(i), {}, {}, false});
    }
    if (!userData.fileLinks()->storeLinks(links)
        || !userData.scanCache()->storeKnownFiles(folder, result.files))
        return -1;
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    return result.files.isEmpty() ? -1 : std::round(double(result.files.size()) / seconds);
}

// What the window does at every start with the links a scan stored: on the GUI thread, read the
// linked paths from the database; on a worker, look for the files on disk.
void fileCheckMs(const QString &databasePath, QJsonObject &figures)
{
    UserDatabase userData;
    if (!userData.open(databasePath))
        return;
    QElapsedTimer timer;
    timer.start();
    const auto paths = userData.fileLinks()->linkedPaths();
    figures[u"file_states_gui_ms"_s] = std::round(double(timer.nsecsElapsed()) / 1e5) / 10.0;
    timer.restart();
    const auto onDisk = FileLinkStore::fileStatesOnDisk(paths);
    figures[u"disk_check_ms"_s] = std::round(double(timer.nsecsElapsed()) / 1e5) / 10.0;
    qsizetype files = 0;
    for (const QStringList &cuePaths : paths)
        files += cuePaths.size();
    figures[u"disk_check_files"_s] = files;
    figures[u"disk_check_cues"_s] = onDisk.size();
}

// Empties the page cache so that the next scan reads from the disk; false where the machine
// does not allow it (not root, or a container's read-only /proc/sys).
bool dropPageCache()
{
    QProcess::execute(u"sync"_s, {});
    QFile control(u"/proc/sys/vm/drop_caches"_s);
    return control.open(QIODevice::WriteOnly) && control.write("3\n") == 2;
}

// From play() to the first position past 0, median of 7 plays of a generated WAV.
double playStartMs(const QString &folder)
{
    const QString wav = folder + u"/play.wav"_s;
    if (!WavWriter::writeSine(wav, 3000))
        return -1;
    Player player;
    player.setMuted(true);
    QList<double> times;
    for (int run = 0; run < 7; ++run) {
        QEventLoop loop;
        QElapsedTimer timer;
        double started = -1;
        const auto connection
            = QObject::connect(&player, &Player::positionChanged, &loop, [&](qint64 ms) {
                  if (ms > 0 && started < 0) {
                      started = double(timer.nsecsElapsed()) / 1e6;
                      loop.quit();
                  }
              });
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        timer.start();
        player.play(QUrl::fromLocalFile(wav));
        loop.exec();
        QObject::disconnect(connection);
        player.stop();
        times.append(started);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

// Runs loader.request(path) and the event loop until the answer; milliseconds from the request
// to ready(), or -1 when it failed.
double waveformAnswerMs(WaveformLoader &loader, const QString &path, WaveformPeaks *peaks)
{
    QEventLoop loop;
    double ms = -1;
    QElapsedTimer timer;
    const auto onReady = QObject::connect(
        &loader, &WaveformLoader::ready, &loop, [&](const QString &, const WaveformPeaks &answer) {
            ms = double(timer.nsecsElapsed()) / 1e6;
            *peaks = answer;
            loop.quit();
        });
    const auto onFailed = QObject::connect(
        &loader, &WaveformLoader::failed, &loop, [&](const QString &, const QString &reason) {
            QTextStream(stderr) << "cuebook-bench: no waveform: " << reason << '\n';
            loop.quit();
        });
    timer.start();
    loader.request(path);
    loop.exec();
    QObject::disconnect(onReady);
    QObject::disconnect(onFailed);
    return ms;
}

// The process's CPU time so far, every thread counted (GStreamer decodes on threads of its own).
double cpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

// The waveform of a 5-minute 44.1 kHz stereo 16-bit FLAC of pink noise (dense, like a full
// orchestra, so FLAC compresses it little), from request() to ready(). waveform_ms: cold, with
// an empty waveform cache every time, so decoding included (the file itself is in the page
// cache); median of 5. waveform_cpu_ms: the CPU time that took, all threads, median of the same
// 5: unlike the wall time, it hardly depends on what else the machine is running.
// waveform_cached_ms: the same file answered from the cache, median of 5. waveform_fold_ms: its
// peaks folded into 800 pixel columns, what a timeline paint asks for.
void waveformFigures(const QString &folder, QJsonObject &figures)
{
    const QString flac = folder + u"/waveform.flac"_s;
    QProcess sox;
    sox.start(u"sox"_s,
        {u"-n"_s, u"-r"_s, u"44100"_s, u"-c"_s, u"2"_s, u"-b"_s, u"16"_s, flac, u"synth"_s,
            u"300"_s, u"pinknoise"_s, u"vol"_s, u"0.5"_s});
    if (!sox.waitForFinished(120'000) || sox.exitCode() != 0) {
        QTextStream(stderr) << "cuebook-bench: no waveform figures: sox cannot write " << flac
                            << '\n';
        return;
    }
    // The median, rounded to a tenth (or, with 100, a hundredth) of a millisecond.
    const auto median = [](QList<double> times, double perMs = 10.0) {
        std::sort(times.begin(), times.end());
        return std::round(times.at(times.size() / 2) * perMs) / perMs;
    };
    WaveformPeaks peaks;
    QList<double> cold;
    QList<double> cpu;
    for (int run = 0; run < 5; ++run) {
        WaveformLoader loader(u"%1/waveforms-%2"_s.arg(folder).arg(run));
        const double cpuBefore = cpuMs();
        cold.append(waveformAnswerMs(loader, flac, &peaks));
        cpu.append(cpuMs() - cpuBefore);
    }
    QList<double> cached;
    WaveformLoader loader(u"%1/waveforms-0"_s.arg(folder));
    for (int run = 0; run < 5; ++run)
        cached.append(waveformAnswerMs(loader, flac, &peaks));
    QList<double> fold;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        const QList<WaveformPeaks::Range> columns = peaks.forPixels(800);
        fold.append(columns.size() == 800 ? double(timer.nsecsElapsed()) / 1e6 : -1);
    }
    figures[u"waveform_ms"_s] = median(cold);
    figures[u"waveform_cpu_ms"_s] = median(cpu);
    figures[u"waveform_cached_ms"_s] = median(cached);
    figures[u"waveform_fold_ms"_s] = median(fold, 100.0);
}

// 500 FLAC files, each with a 1000x1000 JPEG front cover of its own colour (~40 KB, as a store's
// download embeds), read as the cover grid reads them: two reader threads, scaled to the
// grid's default 144 px, stored in an empty cache. Then the same 500 from a new loader on the
// same cache, as after a restart. Wall time from the first request to the last cover in memory.
void coverFigures(const QString &folder, QJsonObject &figures)
{
    constexpr int Count = 500;
    const QString covers = folder + u"/covers"_s;
    const QString templatePath = covers + u"/template.flac"_s;
    if (!QDir().mkpath(covers) || !AudioFolder::encode(templatePath, 1000)) {
        QTextStream(stderr) << "cuebook-bench: no cover figures: sox cannot write FLAC\n";
        return;
    }
    QList<CoverSources> releases;
    for (int i = 0; i < Count; ++i) {
        const QString path = covers + u"/%1.flac"_s.arg(i);
        QImage art(1000, 1000, QImage::Format_RGB32);
        art.fill(QColor::fromHsv(i * 7 % 360, 160, 200));
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        art.save(&buffer, "JPEG", 90);
        QFile::remove(path);
        if (!QFile::copy(templatePath, path)
            || !AudioFolder::embedCover(path, jpeg, u"image/jpeg"_s)) {
            QTextStream(stderr) << "cuebook-bench: no cover figures: cannot tag " << path << '\n';
            return;
        }
        CoverSources sources;
        sources.key = u"bench/release-%1"_s.arg(i);
        sources.title = sources.key;
        sources.audioFiles = {path};
        releases.append(sources);
    }
    const QString cache = folder + u"/cover-cache"_s;
    QDir(cache).removeRecursively();
    const auto loadAll = [&] {
        CoverLoader loader(cache);
        int loaded = 0;
        int asked = 0;
        // As a grid scrolled through them asks: a screenful or two at a time, never more than
        // the loader keeps queued.
        const auto askMore = [&] {
            for (; asked < Count && asked - loaded < 128; ++asked)
                loader.cover(releases.at(asked), 144, 1.0);
        };
        QEventLoop loop;
        QObject::connect(&loader, &CoverLoader::coverLoaded, &loop, [&] {
            if (++loaded == Count)
                loop.quit();
            askMore();
        });
        QElapsedTimer timer;
        timer.start();
        askMore();
        loop.exec();
        return double(timer.nsecsElapsed()) / 1e6;
    };
    figures[u"cover_cache_ms"_s] = std::round(loadAll());
    figures[u"cover_cache_warm_ms"_s] = std::round(loadAll());
}

} // namespace

int main(int argc, char *argv[])
{
    // Player needs a GUI application; nothing is shown.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    if (app.arguments().size() != 2) {
        err << "usage: cuebook-bench-media FOLDER\n";
        return 2;
    }
    const QString folder = app.arguments().at(1);
    QJsonObject figures;
    CatalogReader picard;
    const QString picardPath = TestCatalogs::bundledPath();
    const QString library = folder + u"/library"_s;
    QString error;
    if (picard.read(picardPath)
        && AudioFolder::writeLibrary(
            library, *picard.catalog().release(u"picard-s1"_s), 10'000, &error)) {
        const QList<Catalog> catalogs {picard.catalog()};
        const QString database = folder + u"/user.sqlite"_s;
        figures[u"scan_files"_s] = 10'000;
        figures[u"scan_files_per_s_warm"_s] = scanFilesPerSecond(library, catalogs, database);
        if (dropPageCache()) {
            figures[u"scan_files_per_s_cold"_s] = scanFilesPerSecond(library, catalogs, database);
        } else {
            figures[u"scan_files_per_s_cold"_s] = QJsonValue();
            figures[u"scan_cold_note"_s] = u"the page cache cannot be dropped here"_s;
        }
        fileCheckMs(database, figures);
    } else {
        err << "cuebook-bench: no scan figures: "
            << (error.isEmpty() ? picard.errorString() : error) << '\n';
    }
    figures[u"play_start_ms"_s] = std::round(playStartMs(folder) * 10.0) / 10.0;
    waveformFigures(folder, figures);
    coverFigures(folder, figures);

    QTextStream(stdout) << QJsonDocument(figures).toJson(QJsonDocument::Compact);
    return 0;
}
