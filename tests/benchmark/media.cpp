// cuebook-bench-media FOLDER: the scanning and playback figures of cuebook-bench, as one JSON
// object, in a process of its own (cuebook-bench runs it).
#include "audiofolder.h"
#include "catalog/catalogreader.h"
#include "library/libraryscanner.h"
#include "player.h"
#include "testcatalogs.h"
#include "userdata/filelinkstore.h"
#include "userdata/scancachestore.h"
#include "userdata/userdatabase.h"
#include "wavwriter.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cmath>

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

    QTextStream(stdout) << QJsonDocument(figures).toJson(QJsonDocument::Compact);
    return 0;
}
