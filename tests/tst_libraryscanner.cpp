#include "audiofolder.h"
#include "library/libraryscanner.h"
#include "testfiles.h"
#include "userdata/filelinkstore.h"
#include "userdata/scancachestore.h"
#include "userdata/userdatabase.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <random>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// A release of three generated tracks, so that scanned files have something to link to.
Catalog generatedCatalog()
{
    Catalog catalog;
    catalog.id = u"generated"_s;
    catalog.title = u"Generated"_s;
    Release release;
    release.id = u"tones"_s;
    release.title = u"Three Tones"_s;
    release.artists = {u"Sine Wave"_s};
    const QList<std::pair<QString, qint64>> tracks
        = {{u"Low Tone"_s, 1500}, {u"Middle Tone"_s, 2000}, {u"High Tone"_s, 1000}};
    for (const auto &[title, ms] : tracks) {
        Cue cue;
        cue.id = title.toLower().replace(u' ', u'-');
        cue.title = title;
        catalog.cues.append(cue);
        release.tracks.append({1, int(release.tracks.size()) + 1, title, ms, cue.id});
    }
    catalog.releases.append(release);
    catalog.buildIndex();
    return catalog;
}

QHash<QString, AudioFileInfo> byPath(const QList<AudioFileInfo> &files)
{
    QHash<QString, AudioFileInfo> known;
    for (const AudioFileInfo &file : files)
        known.insert(file.path, file);
    return known;
}

} // namespace

class tst_LibraryScanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsTagsAndMatches();
    void reportsProgress();
    void cancel();
    void incrementalRescan();
    void unreadableFiles_data();
    void unreadableFiles();
    void permissionDenied();
    void missingFolder();
    void oneScanAtATime();
    void movedFileFoundAgain();
    void renamedFolderTakesItsLinksAlong();
    void fileMovedToAnUnrelatedFolder();
    void aCopyIsNotAMove();

private:
    // Runs one test function of this program again as uid and gid 65534, with no groups, and
    // fails unless it passes there: permissions do not keep root out, and CI runs as root.
    void runUnprivileged(const QString &testFunction);
    // Scans folder to the end and returns what finished() carried.
    ScanResult scanned(const QString &folder, const QHash<QString, AudioFileInfo> &known = {});
    // Scans folder as the app does with what db knows, and stores the result as the app does:
    // moves, then the proposed links, then what was found.
    ScanResult scanAndStore(UserDatabase &db, const QString &folder);
    // Low, Middle and High Tone, tagged to match the catalog, in folder.
    bool writeTones(const QString &folder);
    QString newFolder(const QString &name);
    QString copyOf(const QString &templateName, const QString &path, const AudioFolder::Tags &tags);

    QTemporaryDir m_dir;
    QString m_templates;
    Catalog m_catalog;
};

void tst_LibraryScanner::initTestCase()
{
    if (!AudioFolder::hasSox())
        QFAIL("sox is not installed: these tests generate their audio with it "
              "(apt-get install sox libsox-fmt-all)");
    qRegisterMetaType<ScanResult>();
    QVERIFY(m_dir.isValid());
    m_templates = newFolder(u".templates"_s);
    QVERIFY(AudioFolder::encode(m_templates + u"/low.flac"_s, 1500, 220));
    QVERIFY(AudioFolder::encode(m_templates + u"/middle.ogg"_s, 2000, 440));
    QVERIFY(AudioFolder::encode(m_templates + u"/high.wav"_s, 1000, 880));
    QVERIFY(AudioFolder::writeSilentMp3(m_templates + u"/silence.mp3"_s, 100));
    m_catalog = generatedCatalog();
}

ScanResult tst_LibraryScanner::scanned(
    const QString &folder, const QHash<QString, AudioFileInfo> &known)
{
    LibraryScanner scanner;
    scanner.setCatalogs({m_catalog});
    QSignalSpy finished(&scanner, &LibraryScanner::finished);
    if (!scanner.scan(folder, known) || !finished.wait(10'000))
        return {};
    return finished.at(0).at(0).value<ScanResult>();
}

QString tst_LibraryScanner::newFolder(const QString &name)
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(path);
    return path;
}

QString tst_LibraryScanner::copyOf(
    const QString &templateName, const QString &path, const AudioFolder::Tags &tags)
{
    if (!QFile::copy(m_templates + u'/' + templateName, path)
        || !AudioFolder::writeTags(path, tags))
        return {};
    return path;
}

void tst_LibraryScanner::readsTagsAndMatches()
{
    const QString folder = newFolder(u"tags/Three Tones"_s);
    const AudioFolder::Tags low {
        u"Low Tone"_s, u"Three Tones"_s, u"Sine Wave"_s, u"Sine Wave"_s, u"Sine Wave"_s, 1, 3, 1};
    AudioFolder::Tags middle = low;
    middle.title = u"Middle Tone"_s;
    middle.track = 2;
    QVERIFY(!copyOf(u"low.flac"_s, folder + u"/01 Low Tone.flac"_s, low).isEmpty());
    QVERIFY(!copyOf(u"middle.ogg"_s, folder + u"/02 Middle Tone.ogg"_s, middle).isEmpty());
    // No tags at all: the folder and the file name say what it is.
    QVERIFY(QFile::copy(m_templates + u"/high.wav"_s, folder + u"/03 - High Tone.wav"_s));
    TestFiles::writeFile(folder + u"/notes.txt"_s, "not scanned");

    const ScanResult result = scanned(m_dir.filePath(u"tags"_s));
    QCOMPARE(result.files.size(), 3);
    const AudioFileInfo &flac = result.files.at(0);
    QCOMPARE(flac.path, folder + u"/01 Low Tone.flac"_s);
    QCOMPARE(flac.folder, folder);
    QCOMPARE(flac.fileName, u"01 Low Tone.flac"_s);
    QCOMPARE(flac.size, QFileInfo(flac.path).size());
    QCOMPARE(flac.mtime, QFileInfo(flac.path).lastModified().toMSecsSinceEpoch());
    QCOMPARE(flac.title, u"Low Tone"_s);
    QCOMPARE(flac.album, u"Three Tones"_s);
    QCOMPARE(flac.albumArtist, u"Sine Wave"_s);
    QCOMPARE(flac.composer, u"Sine Wave"_s);
    QCOMPARE(flac.trackNumber, 1);
    QCOMPARE(flac.trackTotal, 3);
    QCOMPARE(flac.discNumber, 1);
    QVERIFY2(std::abs(flac.durationMs - 1500) <= 20, qPrintable(QString::number(flac.durationMs)));
    QCOMPARE(flac.audioHash.size(), 16);
    QCOMPARE(result.files.at(1).title, u"Middle Tone"_s);
    QVERIFY(std::abs(result.files.at(1).durationMs - 2000) <= 20);
    QVERIFY(result.files.at(2).title.isEmpty());
    QVERIFY(std::abs(result.files.at(2).durationMs - 1000) <= 20);
    QCOMPARE(
        QSet<QString>({flac.audioHash, result.files.at(1).audioHash, result.files.at(2).audioHash})
            .size(),
        3);

    QCOMPARE(result.matches.size(), 3);
    const QStringList cues = {u"low-tone"_s, u"middle-tone"_s, u"high-tone"_s};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(result.matches.at(i).status, MatchResult::Linked);
        QCOMPARE(result.matches.at(i).link.cueId, cues.at(i));
    }
    QCOMPARE(result.linkedCount, 3);
    QCOMPARE(result.reusedCount, 0);
}

void tst_LibraryScanner::reportsProgress()
{
    const QString folder = newFolder(u"progress"_s);
    for (int i = 0; i < 12; ++i) {
        const QString sub = newFolder(u"progress/%1"_s.arg(i % 3));
        QVERIFY(QFile::copy(m_templates + u"/low.flac"_s, sub + u"/%1.flac"_s.arg(i)));
    }
    LibraryScanner scanner;
    QSignalSpy progress(&scanner, &LibraryScanner::progressChanged);
    QSignalSpy finished(&scanner, &LibraryScanner::finished);
    QVERIFY(scanner.scan(folder));
    QVERIFY(scanner.isScanning());
    QVERIFY(finished.wait());
    QVERIFY(!scanner.isScanning());
    QVERIFY(!progress.isEmpty());
    int previous = 0;
    for (const QList<QVariant> &step : std::as_const(progress)) {
        QCOMPARE(step.at(1).toInt(), 12);
        QVERIFY(step.at(0).toInt() >= previous);
        previous = step.at(0).toInt();
    }
    QCOMPARE(progress.constLast().at(0).toInt(), 12);
    QCOMPARE(finished.at(0).at(0).value<ScanResult>().files.size(), 12);
}

void tst_LibraryScanner::cancel()
{
    const QString folder = newFolder(u"many"_s);
    for (int i = 0; i < 300; ++i)
        QVERIFY(QFile::copy(
            m_templates + u"/low.flac"_s, folder + u"/%1.flac"_s.arg(i, 3, 10, QChar(u'0'))));
    LibraryScanner scanner;
    scanner.setCatalogs({m_catalog});
    QSignalSpy canceled(&scanner, &LibraryScanner::canceled);
    QSignalSpy finished(&scanner, &LibraryScanner::finished);
    connect(&scanner, &LibraryScanner::progressChanged, &scanner, &LibraryScanner::cancel);
    QVERIFY(scanner.scan(folder));
    QVERIFY(canceled.wait());
    QCOMPARE(canceled.count(), 1);
    QVERIFY(!scanner.isScanning());
    // Nothing of the canceled scan arrives later.
    QVERIFY(!finished.wait(100));
    QCOMPARE(finished.count(), 0);
    QCOMPARE(canceled.count(), 1);
}

void tst_LibraryScanner::incrementalRescan()
{
    const QString folder = newFolder(u"rescan"_s);
    for (int i = 1; i <= 5; ++i) {
        AudioFolder::Tags tags;
        tags.title = u"Track %1"_s.arg(i);
        tags.album = u"Rescan"_s;
        QVERIFY(!copyOf(u"low.flac"_s, folder + u"/%1.flac"_s.arg(i), tags).isEmpty());
    }
    const ScanResult first = scanned(folder);
    QCOMPARE(first.files.size(), 5);
    QCOMPARE(first.reusedCount, 0);

    const ScanResult second = scanned(folder, byPath(first.files));
    QCOMPARE(second.reusedCount, 5);
    QCOMPARE(second.files.size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(second.files.at(i).audioHash, first.files.at(i).audioHash);

    // Retagged and touched: only this file is read again.
    const QString touched = folder + u"/3.flac"_s;
    AudioFolder::Tags tags;
    tags.title = u"Renamed"_s;
    QVERIFY(AudioFolder::writeTags(touched, tags));
    QFile file(touched);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(
        QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));
    file.close();

    // A known entry that claims a different title proves which files were reused.
    QHash<QString, AudioFileInfo> known = byPath(first.files);
    for (AudioFileInfo &info : known)
        info.title = u"from the last scan"_s;
    const ScanResult third = scanned(folder, known);
    QCOMPARE(third.reusedCount, 4);
    for (const AudioFileInfo &info : third.files)
        QCOMPARE(info.title, info.path == touched ? u"Renamed"_s : u"from the last scan"_s);
}

void tst_LibraryScanner::unreadableFiles_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");

    std::mt19937 random(7);
    QByteArray noise(20'000, Qt::Uninitialized);
    for (char &byte : noise)
        byte = char(random());
    QFile flac(m_templates + u"/low.flac"_s);
    QVERIFY(flac.open(QIODevice::ReadOnly));
    const QByteArray flacBytes = flac.readAll();

    QTest::newRow("zero bytes") << u"empty.flac"_s << QByteArray() << u"empty file (0 bytes)"_s;
    QTest::newRow("random bytes named .mp3")
        << u"noise.mp3"_s << noise
        << u"not audio: its content is not FLAC, MP3, AAC, Ogg, MP4 or WAV"_s;
    QTest::newRow("text named .ogg")
        << u"readme.ogg"_s << QByteArray("These are my notes.\n")
        << u"not audio: its content is not FLAC, MP3, AAC, Ogg, MP4 or WAV"_s;
    QTest::newRow("truncated FLAC header")
        << u"cut.flac"_s << flacBytes.first(30)
        << u"not audio: its content is not FLAC, MP3, AAC, Ogg, MP4 or WAV"_s;
    // The container's outline is there, the atom that describes the audio is not.
    QByteArray mp4 = QByteArray::fromHex("00000014667479704d3441200000000069736f6d");
    mp4 += QByteArray::fromHex("00000010") + "mdat" + QByteArray(8, '\x55');
    QTest::newRow("MP4 without its moov atom")
        << u"broken.m4a"_s << mp4
        << u"damaged, or not the format its name says: TagLib cannot read it"_s;
}

void tst_LibraryScanner::unreadableFiles()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString folder
        = newFolder(u"unreadable/"_s + QString::fromLatin1(QTest::currentDataTag()));
    TestFiles::writeFile(folder + u'/' + fileName, content);
    QVERIFY(QFile::copy(m_templates + u"/high.wav"_s, folder + u"/good.wav"_s));

    const ScanResult result = scanned(folder);
    QCOMPARE(result.files.size(), 2);
    const qsizetype bad = result.files.at(0).fileName == fileName ? 0 : 1;
    QCOMPARE(result.files.at(bad).readable, false);
    QCOMPARE(result.files.at(bad).unreadableReason, reason);
    QCOMPARE(result.files.at(bad).audioHash, QString());
    QCOMPARE(result.matches.at(bad).status, MatchResult::Unreadable);
    QCOMPARE(result.matches.at(bad).reason, reason);
    QCOMPARE(result.files.at(1 - bad).readable, true);
    QCOMPARE(result.unreadableCount, 1);
}

void tst_LibraryScanner::permissionDenied()
{
    if (::geteuid() == 0) {
        runUnprivileged(QString::fromLatin1(QTest::currentTestFunction()));
        return;
    }
    const QString folder = newFolder(u"locked"_s);
    const QString locked = newFolder(u"locked/private"_s);
    QVERIFY(QFile::copy(m_templates + u"/low.flac"_s, locked + u"/secret.flac"_s));
    QVERIFY(QFile::copy(m_templates + u"/low.flac"_s, folder + u"/open.flac"_s));
    QVERIFY(QFile::copy(m_templates + u"/low.flac"_s, folder + u"/shut.flac"_s));
    const QFileDevice::Permissions readWrite = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));
    QVERIFY(QFile::setPermissions(folder + u"/shut.flac"_s, QFileDevice::WriteOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(locked, readWrite | QFileDevice::ExeOwner);
        QFile::setPermissions(folder + u"/shut.flac"_s, readWrite);
    });
    QVERIFY2(!QFileInfo(locked).isReadable(),
        "A folder with no permissions is still readable: this user bypasses permissions");

    const ScanResult result = scanned(folder);
    QCOMPARE(result.files.size(), 3);
    QCOMPARE(result.files.at(0).fileName, u"open.flac"_s);
    QCOMPARE(result.files.at(0).readable, true);
    QCOMPARE(result.files.at(1).fileName, u"shut.flac"_s);
    QCOMPARE(result.files.at(1).readable, false);
    QCOMPARE(result.files.at(1).unreadableReason, u"cannot be opened: Permission denied"_s);
    QCOMPARE(result.files.at(2).path, locked);
    QCOMPARE(result.files.at(2).readable, false);
    QCOMPARE(result.files.at(2).unreadableReason, u"folder cannot be read: permission denied"_s);
    QCOMPARE(result.matches.at(2).status, MatchResult::Unreadable);
    QCOMPARE(result.unreadableCount, 2);
}

void tst_LibraryScanner::runUnprivileged(const QString &testFunction)
{
    const QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s);
    QVERIFY2(!setpriv.isEmpty(),
        "setpriv is not installed (apt-get install util-linux): as root, this test runs itself "
        "again as an unprivileged user with it");
    // The other user may not reach the build tree: it runs a copy of this program from a folder
    // it can write to, which is also its temporary folder.
    const QString home = newFolder(u"unprivileged"_s);
    const auto everyone = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
        | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
        | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(m_dir.path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ExeGroup | QFileDevice::ExeOther));
    QVERIFY(
        QFile::setPermissions(home, everyone | QFileDevice::WriteGroup | QFileDevice::WriteOther));
    const QString program
        = home + u'/' + QFileInfo(QCoreApplication::applicationFilePath()).fileName();
    QVERIFY(QFile::copy(QCoreApplication::applicationFilePath(), program));
    QVERIFY(QFile::setPermissions(program, everyone));

    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"TMPDIR"_s, home);
    environment.insert(u"HOME"_s, home);
    environment.remove(u"XDG_RUNTIME_DIR"_s);
    child.setProcessEnvironment(environment);
    child.setWorkingDirectory(home);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(setpriv,
        {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s, program, testFunction});
    QVERIFY2(child.waitForFinished(120'000), qPrintable(child.errorString()));
    const QString output = QString::fromLocal8Bit(child.readAll());
    QVERIFY2(
        child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains(u"PASS   : tst_LibraryScanner::"_s + testFunction + u"()"_s),
        qPrintable(output));
}

void tst_LibraryScanner::missingFolder()
{
    LibraryScanner scanner;
    QSignalSpy error(&scanner, &LibraryScanner::errorOccurred);
    QSignalSpy finished(&scanner, &LibraryScanner::finished);
    const QString folder = m_dir.filePath(u"nowhere"_s);
    QVERIFY(scanner.scan(folder));
    QVERIFY(error.wait());
    QCOMPARE(error.at(0).at(0).toString(), u"The folder “%1” does not exist."_s.arg(folder));
    QCOMPARE(finished.count(), 0);
}

void tst_LibraryScanner::oneScanAtATime()
{
    const QString folder = newFolder(u"once"_s);
    QVERIFY(QFile::copy(m_templates + u"/low.flac"_s, folder + u"/a.flac"_s));
    LibraryScanner scanner;
    QSignalSpy finished(&scanner, &LibraryScanner::finished);
    QVERIFY(scanner.scan(folder));
    QVERIFY(!scanner.scan(folder));
    QVERIFY(finished.wait());
    QVERIFY(scanner.scan(folder));
    QVERIFY(finished.wait());
    QCOMPARE(finished.count(), 2);
}

void tst_LibraryScanner::movedFileFoundAgain()
{
    const QString folder = newFolder(u"moved"_s);
    const AudioFolder::Tags tags {u"Low Tone"_s, u"Three Tones"_s, {}, {}, {}, 1, 0, 0};
    QVERIFY(!copyOf(u"low.flac"_s, folder + u"/low.flac"_s, tags).isEmpty());
    QVERIFY(!copyOf(u"middle.ogg"_s, folder + u"/middle.ogg"_s, tags).isEmpty());
    const ScanResult before = scanned(folder);
    QCOMPARE(before.files.size(), 2);
    const AudioFileInfo missing = before.files.at(0);

    // Moved into another folder, renamed and retagged; a different recording with the same
    // tags takes its old name.
    newFolder(u"moved/sorted"_s);
    const QString moved = folder + u"/sorted/01 Low Tone.flac"_s;
    QVERIFY(QFile::rename(missing.path, moved));
    QVERIFY(AudioFolder::writeTags(moved, {u"Low Tone (Remastered)"_s, {}, {}, {}, {}, 1, 0, 0}));
    QVERIFY(!copyOf(u"high.wav"_s, folder + u"/low.wav"_s, tags).isEmpty());

    const ScanResult after = scanned(folder);
    QCOMPARE(after.files.size(), 3);
    const qsizetype found = LibraryScanner::relocate(missing, after.files);
    QVERIFY(found >= 0);
    QCOMPARE(after.files.at(found).path, moved);

    // Gone for good: nothing else is taken for it.
    QVERIFY(QFile::remove(moved));
    QCOMPARE(LibraryScanner::relocate(missing, scanned(folder).files), -1);
    // A copy of the same audio but another length (a longer cut) is not it either.
    AudioFileInfo longer = missing;
    longer.durationMs += 5000;
    QCOMPARE(LibraryScanner::relocate(longer, before.files), -1);
}

ScanResult tst_LibraryScanner::scanAndStore(UserDatabase &db, const QString &folder)
{
    LibraryScanner scanner;
    scanner.setCatalogs({m_catalog});
    scanner.setLinkedFiles(db.fileLinks()->linkedFiles());
    scanner.setScanFolders(db.scanCache()->scanFolders());
    QSignalSpy finished(&scanner, &LibraryScanner::finished);
    if (!scanner.scan(folder, db.scanCache()->knownFiles(folder)) || !finished.wait(10'000))
        return {};
    const auto result = finished.at(0).at(0).value<ScanResult>();
    QHash<QString, AudioFileInfo> moves;
    QList<FileLink> links;
    for (qsizetype i = 0; i < result.files.size(); ++i) {
        const MatchResult &match = result.matches.at(i);
        if (result.movedFrom.contains(i))
            moves.insert(result.movedFrom.value(i), result.files.at(i));
        else if (match.status == MatchResult::Linked)
            links.append(
                {{match.link.catalogId, match.link.cueId}, result.files.at(i), {}, {}, false});
    }
    if (!db.fileLinks()->relinkMovedFiles(moves) || !db.fileLinks()->storeLinks(links)
        || !db.scanCache()->storeKnownFiles(folder, result.files))
        return {};
    return result;
}

bool tst_LibraryScanner::writeTones(const QString &folder)
{
    AudioFolder::Tags tags {
        u"Low Tone"_s, u"Three Tones"_s, u"Sine Wave"_s, u"Sine Wave"_s, {}, 1, 3, 1};
    if (!QDir().mkpath(folder)
        || copyOf(u"low.flac"_s, folder + u"/01 Low Tone.flac"_s, tags).isEmpty())
        return false;
    tags.title = u"Middle Tone"_s;
    tags.track = 2;
    if (copyOf(u"middle.ogg"_s, folder + u"/02 Middle Tone.ogg"_s, tags).isEmpty())
        return false;
    tags.title = u"High Tone"_s;
    tags.track = 3;
    return !copyOf(u"high.wav"_s, folder + u"/03 High Tone.wav"_s, tags).isEmpty();
}

void tst_LibraryScanner::renamedFolderTakesItsLinksAlong()
{
    UserDatabase db;
    QVERIFY2(db.open(m_dir.filePath(u"renamed.sqlite"_s)), qPrintable(db.errorString()));
    const QString before = m_dir.filePath(u"renamed/Three Tones"_s);
    const QString after = m_dir.filePath(u"renamed/Three Tones (2019)"_s);
    QVERIFY(writeTones(before));
    const ScanResult first = scanAndStore(db, before);
    QCOMPARE(first.linkedCount, 3);
    QCOMPARE(first.movedCount, 0);
    QCOMPARE(db.fileLinks()->allLinks().size(), 3);
    const CueKey low {m_catalog.id, u"low-tone"_s};
    QVERIFY(db.fileLinks()->setPreferredFile(low, before + u"/01 Low Tone.flac"_s));

    QVERIFY(QDir().rename(before, after));
    const ScanResult second = scanAndStore(db, after);
    QCOMPARE(second.files.size(), 3);
    QCOMPARE(second.movedCount, 3);
    QCOMPARE(second.linkedCount, 0);
    QCOMPARE(second.movedFrom.value(0), before + u"/01 Low Tone.flac"_s);
    QCOMPARE(second.movedFrom.value(2), before + u"/03 High Tone.wav"_s);
    QCOMPARE(second.goneFolders, QStringList {before});

    // One link per cue, at the new path, on disk; the user's preference went along.
    QCOMPARE(db.fileLinks()->allLinks().size(), 3);
    for (const QString &cueId : {u"low-tone"_s, u"middle-tone"_s, u"high-tone"_s}) {
        const QList<FileLink> links = db.fileLinks()->links({m_catalog.id, cueId});
        QCOMPARE(links.size(), 1);
        QVERIFY2(links.at(0).file.path.startsWith(after + u'/'), qPrintable(links.at(0).file.path));
        QCOMPARE(db.fileLinks()->fileState({m_catalog.id, cueId}), FileState::Linked);
    }
    QVERIFY(db.fileLinks()->links(low).at(0).isPreferred);
    QCOMPARE(db.fileLinks()->links(low).at(0).file.path, after + u"/01 Low Tone.flac"_s);

    // Scanned again, nothing has moved any more; the old folder is still reported gone until
    // the user forgets it.
    const ScanResult third = scanAndStore(db, after);
    QCOMPARE(third.movedCount, 0);
    QCOMPARE(third.reusedCount, 3);
    QCOMPARE(third.linkedCount, 3);
    QCOMPARE(db.fileLinks()->allLinks().size(), 3);
    QCOMPARE(third.goneFolders, QStringList {before});
    QVERIFY(db.scanCache()->removeScanFolder(before));
    QCOMPARE(db.scanCache()->scanFolders(), QStringList {after});
}

void tst_LibraryScanner::fileMovedToAnUnrelatedFolder()
{
    UserDatabase db;
    QVERIFY2(db.open(m_dir.filePath(u"unrelated.sqlite"_s)), qPrintable(db.errorString()));
    const QString library = m_dir.filePath(u"unrelated/library/Three Tones"_s);
    QVERIFY(writeTones(library));
    QCOMPARE(scanAndStore(db, library).linkedCount, 3);

    // One file leaves for a folder of another name, elsewhere, under another name; the folder
    // it left stays.
    const QString elsewhere = newFolder(u"unrelated/incoming/misc"_s);
    const QString moved = elsewhere + u"/track.ogg"_s;
    QVERIFY(QFile::rename(library + u"/02 Middle Tone.ogg"_s, moved));
    const ScanResult result = scanAndStore(db, elsewhere);
    QCOMPARE(result.files.size(), 1);
    QCOMPARE(result.movedCount, 1);
    QCOMPARE(result.movedFrom.value(0), library + u"/02 Middle Tone.ogg"_s);
    QVERIFY(result.goneFolders.isEmpty());

    const QList<FileLink> middle = db.fileLinks()->links({m_catalog.id, u"middle-tone"_s});
    QCOMPARE(middle.size(), 1);
    QCOMPARE(middle.at(0).file.path, moved);
    QCOMPARE(db.fileLinks()->fileState({m_catalog.id, u"middle-tone"_s}), FileState::Linked);
    QCOMPARE(db.fileLinks()->links({m_catalog.id, u"low-tone"_s}).at(0).file.path,
        library + u"/01 Low Tone.flac"_s);
    QCOMPARE(db.fileLinks()->allLinks().size(), 3);
}

void tst_LibraryScanner::aCopyIsNotAMove()
{
    UserDatabase db;
    QVERIFY2(db.open(m_dir.filePath(u"copy.sqlite"_s)), qPrintable(db.errorString()));
    const QString library = m_dir.filePath(u"copy/library"_s);
    QVERIFY(writeTones(library));
    QCOMPARE(scanAndStore(db, library).linkedCount, 3);

    // The same audio in a second place, the first still there: two files, two links.
    const QString backup = newFolder(u"copy/backup"_s);
    QVERIFY(QFile::copy(library + u"/01 Low Tone.flac"_s, backup + u"/01 Low Tone.flac"_s));
    const ScanResult result = scanAndStore(db, backup);
    QCOMPARE(result.movedCount, 0);
    QVERIFY(result.movedFrom.isEmpty());
    QCOMPARE(db.fileLinks()->links({m_catalog.id, u"low-tone"_s}).size(), 2);
}

QTEST_GUILESS_MAIN(tst_LibraryScanner)
#include "tst_libraryscanner.moc"
