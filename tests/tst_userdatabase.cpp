#include "userdata/userdatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Picard = u"star-trek-picard"_s;

FileLink link(const QString &cueId, const QString &path)
{
    FileLink link;
    link.cue = {Picard, cueId};
    AudioFileInfo &file = link.file;
    file.path = path;
    file.folder = QFileInfo(path).path();
    file.fileName = QFileInfo(path).fileName();
    file.size = 1234;
    file.mtime = 1'700'000'000'123;
    file.audioHash = u"00ff10aa00ff10aa"_s;
    file.durationMs = 103'000;
    file.title = u"Main Title"_s;
    file.album = u"Star Trek: Picard – Season 1, Vol. 1"_s;
    file.albumArtist = u"Jeff Russo"_s;
    file.composer = u"Jeff Russo"_s;
    file.trackNumber = 1;
    file.trackTotal = 24;
    file.discNumber = 1;
    return link;
}

// Every field AudioFileInfo has, so that a field added to it and not stored fails here.
void compareFiles(const AudioFileInfo &actual, const AudioFileInfo &expected)
{
    QCOMPARE(actual.path, expected.path);
    QCOMPARE(actual.folder, expected.folder);
    QCOMPARE(actual.fileName, expected.fileName);
    QCOMPARE(actual.size, expected.size);
    QCOMPARE(actual.mtime, expected.mtime);
    QCOMPARE(actual.audioHash, expected.audioHash);
    QCOMPARE(actual.title, expected.title);
    QCOMPARE(actual.album, expected.album);
    QCOMPARE(actual.albumArtist, expected.albumArtist);
    QCOMPARE(actual.artist, expected.artist);
    QCOMPARE(actual.composer, expected.composer);
    QCOMPARE(actual.trackNumber, expected.trackNumber);
    QCOMPARE(actual.trackTotal, expected.trackTotal);
    QCOMPARE(actual.discNumber, expected.discNumber);
    QCOMPARE(actual.durationMs, expected.durationMs);
    QCOMPARE(actual.readable, expected.readable);
    QCOMPARE(actual.unreadableReason, expected.unreadableReason);
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs statements on the file through a connection of the test's own, as another program (or
// an older Cuebook) would.
bool runSql(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (ok && !query.exec(statement)) {
                qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return ok;
}

} // namespace

class tst_UserDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void createsTheFileWithTheCurrentSchema();
    void linkSurvivesReopen();
    void releaseCoverRoundTrip();
    void severalFilesPreferLossless();
    void userChoosesThePreferredFile();
    void preferredFileSkipsMissingFiles();
    void relinkKeepsAddedAtAndPreference();
    void unlinkAndSignals();
    void fileStates();
    void storeTenThousandLinksInOneTransaction();
    void relinkMovedFile();
    void knownFilesForRescans();
    void notesRoundTrip();
    void migratesFromVersionZero();
    void migratesFromVersionOne();
    void refusesGarbageUntouched_data();
    void refusesGarbageUntouched();
    void refusesNewerSchemaUntouched();
    void refusesAnotherProgramsDatabase();
    void refusesAFolder();
    void twoInstancesAtOnce();
    void writeFailureIsReportedAndStoresNothing();
    void callsWithoutAnOpenFileFailQuietly();

private:
    QString path(const QString &name = u"userdata.sqlite"_s) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_UserDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_UserDatabase::createsTheFileWithTheCurrentSchema()
{
    UserDatabase db;
    QVERIFY2(db.open(path(u"sub/folder/userdata.sqlite"_s)), qPrintable(db.errorString()));
    QVERIFY(db.isOpen());
    QVERIFY(QFile::exists(path(u"sub/folder/userdata.sqlite"_s)));
    db.close();

    QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
    raw.setDatabaseName(path(u"sub/folder/userdata.sqlite"_s));
    QVERIFY(raw.open());
    {
        QSqlQuery query(raw);
        QVERIFY(query.exec(u"PRAGMA user_version"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), UserDatabase::SchemaVersion);
        QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"wal"_s);
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"check"_s);
}

void tst_UserDatabase::linkSurvivesReopen()
{
    {
        UserDatabase db;
        QVERIFY(db.open(path()));
        QVERIFY(db.linkFile(link(u"main-title"_s, u"/music/01 Main Title.flac"_s)));
    }
    UserDatabase db;
    QVERIFY(db.open(path()));
    const QList<FileLink> links = db.fileLinks({Picard, u"main-title"_s});
    QCOMPARE(links.size(), 1);
    const FileLink &stored = links.first();
    QCOMPARE(stored.cue, (CueKey {Picard, u"main-title"_s}));
    compareFiles(stored.file, link(u"main-title"_s, u"/music/01 Main Title.flac"_s).file);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(stored.format, u"flac"_s);
    QVERIFY(stored.addedAt.isValid());
    QVERIFY(!stored.isPreferred);
    QVERIFY(db.fileLinks({Picard, u"end-title"_s}).isEmpty());
    QVERIFY(db.fileLinks({u"other-catalog"_s, u"main-title"_s}).isEmpty());
}

void tst_UserDatabase::severalFilesPreferLossless()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    // Linked in the worst order: the MP3 first, then the WAV, then the FLAC.
    QVERIFY(db.linkFile(link(u"main-title"_s, u"/music/mp3/01.mp3"_s)));
    QVERIFY(db.linkFile(link(u"main-title"_s, u"/music/wav/01.wav"_s)));
    QVERIFY(db.linkFile(link(u"main-title"_s, u"/music/flac/01.FLAC"_s)));
    const QList<FileLink> links = db.fileLinks({Picard, u"main-title"_s});
    QCOMPARE(links.size(), 3);
    QCOMPARE(links.at(0).format, u"flac"_s);
    QCOMPARE(links.at(1).format, u"wav"_s);
    QCOMPARE(links.at(2).format, u"mp3"_s);
    // None exists on disk: the best of them, for the caller to report missing.
    const auto preferred = db.preferredFile({Picard, u"main-title"_s});
    QVERIFY(preferred);
    QCOMPARE(preferred->file.path, u"/music/flac/01.FLAC"_s);
    QVERIFY(!db.preferredFile({Picard, u"end-title"_s}));
}

void tst_UserDatabase::userChoosesThePreferredFile()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    QVERIFY(db.linkFile(link(u"main-title"_s, u"/music/01.flac"_s)));
    QVERIFY(db.linkFile(link(u"main-title"_s, u"/music/01.mp3"_s)));
    QVERIFY(db.linkFile(link(u"main-title"_s, u"/music/01.ogg"_s)));
    QSignalSpy changed(&db, &UserDatabase::fileLinksChanged);
    QVERIFY(db.setPreferredFile({Picard, u"main-title"_s}, u"/music/01.mp3"_s));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(db.preferredFile({Picard, u"main-title"_s})->file.path, u"/music/01.mp3"_s);
    // Choosing another moves the choice: never two preferred files for one cue.
    QVERIFY(db.setPreferredFile({Picard, u"main-title"_s}, u"/music/01.ogg"_s));
    const QList<FileLink> links = db.fileLinks({Picard, u"main-title"_s});
    QCOMPARE(links.at(0).file.path, u"/music/01.ogg"_s);
    QVERIFY(links.at(0).isPreferred);
    QCOMPARE(std::count_if(
                 links.cbegin(), links.cend(), [](const FileLink &l) { return l.isPreferred; }),
        1);
    // A path the cue does not have is refused, and the choice stays.
    QVERIFY(!db.setPreferredFile({Picard, u"main-title"_s}, u"/music/elsewhere.flac"_s));
    QVERIFY(db.errorString().contains(u"/music/elsewhere.flac"_s));
    QCOMPARE(db.preferredFile({Picard, u"main-title"_s})->file.path, u"/music/01.ogg"_s);
    // Linked again by a scan, the file keeps being the user's choice.
    QVERIFY(db.linkFile(link(u"main-title"_s, u"/music/01.ogg"_s)));
    QCOMPARE(db.preferredFile({Picard, u"main-title"_s})->file.path, u"/music/01.ogg"_s);
    // And a link can ask to be the preferred one.
    FileLink wav = link(u"main-title"_s, u"/music/01.wav"_s);
    wav.isPreferred = true;
    QVERIFY(db.linkFile(wav));
    QCOMPARE(db.preferredFile({Picard, u"main-title"_s})->file.path, u"/music/01.wav"_s);
}

void tst_UserDatabase::preferredFileSkipsMissingFiles()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    const QString mp3 = path(u"01.mp3"_s);
    QFile file(mp3);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(db.linkFile(link(u"main-title"_s, path(u"gone.flac"_s))));
    QVERIFY(db.linkFile(link(u"main-title"_s, mp3)));
    QCOMPARE(db.preferredFile({Picard, u"main-title"_s})->file.path, mp3);
}

void tst_UserDatabase::relinkKeepsAddedAtAndPreference()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    QVERIFY(db.linkFile(link(u"main-title"_s, u"/music/01.mp3"_s)));
    QVERIFY(db.setPreferredFile({Picard, u"main-title"_s}, u"/music/01.mp3"_s));
    const QDateTime addedAt = db.fileLinks({Picard, u"main-title"_s}).first().addedAt;
    FileLink updated = link(u"main-title"_s, u"/music/01.mp3"_s);
    updated.file.size = 999;
    updated.file.durationMs = 104'000;
    QVERIFY(db.linkFile(updated));
    const QList<FileLink> links = db.fileLinks({Picard, u"main-title"_s});
    QCOMPARE(links.size(), 1);
    QCOMPARE(links.first().file.size, 999);
    QCOMPARE(links.first().file.durationMs, 104'000);
    QCOMPARE(links.first().addedAt, addedAt);
    QVERIFY(links.first().isPreferred);
}

void tst_UserDatabase::unlinkAndSignals()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    QSignalSpy changed(&db, &UserDatabase::fileLinksChanged);
    QVERIFY(db.linkFile(link(u"main-title"_s, u"/music/01.flac"_s)));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<CueKey>(), (CueKey {Picard, u"main-title"_s}));
    QVERIFY(db.unlinkFile({Picard, u"main-title"_s}, u"/music/01.flac"_s));
    QCOMPARE(changed.count(), 2);
    QVERIFY(db.fileLinks({Picard, u"main-title"_s}).isEmpty());
    // Nothing to unlink: no change, no signal.
    QVERIFY(db.unlinkFile({Picard, u"main-title"_s}, u"/music/01.flac"_s));
    QCOMPARE(changed.count(), 2);
}

void tst_UserDatabase::fileStates()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    const QString present = path(u"present.flac"_s);
    QFile file(present);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(db.linkFile(link(u"linked"_s, present)));
    QVERIFY(db.linkFile(link(u"linked"_s, path(u"gone.mp3"_s))));
    QVERIFY(db.linkFile(link(u"missing"_s, path(u"gone.flac"_s))));
    QVERIFY(db.linkFile(link(u"missing"_s, path(u"gone.ogg"_s))));

    QCOMPARE(db.fileState({Picard, u"linked"_s}), FileState::Linked);
    QCOMPARE(db.fileState({Picard, u"missing"_s}), FileState::Missing);
    QCOMPARE(db.fileState({Picard, u"unlinked"_s}), FileState::None);

    // From the table alone: every cue with a link counts as linked.
    const auto fromTable = db.fileStates();
    QCOMPARE(fromTable.size(), 2);
    QCOMPARE(fromTable.value({Picard, u"missing"_s}), FileState::Linked);

    const auto paths = db.linkedPaths();
    QCOMPARE(paths.value({Picard, u"linked"_s}).size(), 2);
    const auto onDisk = UserDatabase::fileStatesOnDisk(paths);
    QCOMPARE(onDisk.value({Picard, u"linked"_s}), FileState::Linked);
    QCOMPARE(onDisk.value({Picard, u"missing"_s}), FileState::Missing);
}

void tst_UserDatabase::storeTenThousandLinksInOneTransaction()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    QList<FileLink> links;
    for (int i = 0; i < 10'000; ++i)
        links.append(link(u"cue-%1"_s.arg(i / 2), u"/music/album/%1.flac"_s.arg(i)));
    QSignalSpy changed(&db, &UserDatabase::fileLinksChanged);
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(db.storeLinks(links), qPrintable(db.errorString()));
    qInfo("store_links_10000_ms: %lld", timer.elapsed());
    // One signal per cue, not per link.
    QCOMPARE(changed.count(), 5000);
    QCOMPARE(db.allFileLinks().size(), 10'000);
    const QList<FileLink> two = db.fileLinks({Picard, u"cue-4321"_s});
    QCOMPARE(two.size(), 2);
    QCOMPARE(two.at(0).file.path, u"/music/album/8642.flac"_s);
    QCOMPARE(two.at(1).file.path, u"/music/album/8643.flac"_s);

    // open() checks the whole file (PRAGMA quick_check): what that costs at this size.
    db.close();
    timer.start();
    QVERIFY(db.open(path()));
    qInfo("open_with_10000_links_ms: %lld (file %lld KiB)", timer.elapsed(),
        QFileInfo(path()).size() / 1024);
}

void tst_UserDatabase::relinkMovedFile()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    QVERIFY(db.linkFile(link(u"main-title"_s, u"/old/01.flac"_s)));
    QVERIFY(db.linkFile(link(u"end-title"_s, u"/old/01.flac"_s)));
    QVERIFY(db.linkFile(link(u"end-title"_s, u"/old/02.mp3"_s)));
    AudioFileInfo moved = link(u"main-title"_s, u"/new/01 Main Title.flac"_s).file;
    moved.size = 4321;
    moved.mtime = 1'800'000'000'000;
    moved.title = u"Main Title (retagged)"_s;
    QSignalSpy changed(&db, &UserDatabase::fileLinksChanged);
    QVERIFY(db.relinkMovedFile(u"/old/01.flac"_s, moved));
    QCOMPARE(changed.count(), 2);
    const QList<FileLink> main = db.fileLinks({Picard, u"main-title"_s});
    QCOMPARE(main.size(), 1);
    compareFiles(main.first().file, moved);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(db.fileLinks({Picard, u"end-title"_s}).size(), 2);
    QCOMPARE(db.fileLinks({Picard, u"end-title"_s}).first().file.path, moved.path);
}

void tst_UserDatabase::knownFilesForRescans()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    const AudioFileInfo a = link(u"main-title"_s, u"/music/a.flac"_s).file;
    AudioFileInfo b;
    b.path = u"/music/b.mp3"_s;
    b.folder = u"/music"_s;
    b.fileName = u"b.mp3"_s;
    b.size = 20;
    b.mtime = 1000;
    b.readable = false;
    b.unreadableReason = u"not an audio file"_s;
    // An unreadable folder: its path, no file name.
    AudioFileInfo locked;
    locked.path = u"/music/locked"_s;
    locked.folder = u"/music/locked"_s;
    locked.readable = false;
    locked.unreadableReason = u"permission denied"_s;
    QVERIFY2(db.storeKnownFiles(u"/music/"_s, {a, b, locked}), qPrintable(db.errorString()));
    QCOMPARE(db.scanFolders(), QStringList {u"/music"_s});

    auto known = db.knownFiles(u"/music"_s);
    QCOMPARE(known.size(), 3);
    compareFiles(known.value(a.path), a);
    compareFiles(known.value(b.path), b);
    compareFiles(known.value(locked.path), locked);
    if (QTest::currentTestFailed())
        return;

    // A rescan's list replaces the last one.
    QVERIFY(db.storeKnownFiles(u"/music"_s, {b}));
    known = db.knownFiles(u"/music"_s);
    QCOMPARE(known.keys(), QList<QString> {b.path});
    QVERIFY(db.knownFiles(u"/elsewhere"_s).isEmpty());

    QVERIFY(db.removeScanFolder(u"/music"_s));
    QVERIFY(db.scanFolders().isEmpty());
    QVERIFY(db.knownFiles(u"/music"_s).isEmpty());
}

void tst_UserDatabase::notesRoundTrip()
{
    {
        UserDatabase db;
        QVERIFY(db.open(path()));
        QSignalSpy changed(&db, &UserDatabase::noteChanged);
        QVERIFY(db.setNote({Picard, u"main-title"_s}, u"horns at 1:12 — “Picard’s theme”"_s));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<CueKey>(), (CueKey {Picard, u"main-title"_s}));
        // The same text again changes nothing.
        QVERIFY(db.setNote({Picard, u"main-title"_s}, u"horns at 1:12 — “Picard’s theme”"_s));
        QCOMPARE(changed.count(), 1);
        QVERIFY(db.setNote({Picard, u"end-title"_s}, u"to delete"_s));
        QVERIFY(db.setNote({Picard, u"end-title"_s}, QString()));
        QCOMPARE(changed.count(), 3);
    }
    UserDatabase db;
    QVERIFY(db.open(path()));
    QCOMPARE(db.note({Picard, u"main-title"_s}), u"horns at 1:12 — “Picard’s theme”"_s);
    QCOMPARE(db.note({Picard, u"end-title"_s}), QString());
    QCOMPARE(db.note({u"other"_s, u"main-title"_s}), QString());
    QCOMPARE(db.cuesWithNotes(), (QList<CueKey> {{Picard, u"main-title"_s}}));
}

void tst_UserDatabase::releaseCoverRoundTrip()
{
    {
        UserDatabase db;
        QVERIFY(db.open(path()));
        QCOMPARE(db.releaseCover(Picard, u"picard-s1"_s), QString());
        QSignalSpy changed(&db, &UserDatabase::releaseCoverChanged);
        QVERIFY(db.setReleaseCover(Picard, u"picard-s1"_s, u"/music/covers/s1.jpg"_s));
        QVERIFY(db.setReleaseCover(Picard, u"picard-s1"_s, u"/music/covers/s1-large.jpg"_s));
        QVERIFY(db.setReleaseCover(Picard, u"picard-s3"_s, u"/music/covers/s3.png"_s));
        QCOMPARE(changed.count(), 3);
        QCOMPARE(changed.at(2).at(1).toString(), u"picard-s3"_s);
    }
    UserDatabase db;
    QVERIFY(db.open(path()));
    QCOMPARE(db.releaseCover(Picard, u"picard-s1"_s), u"/music/covers/s1-large.jpg"_s);
    QCOMPARE(db.releaseCover(u"other"_s, u"picard-s1"_s), QString());
    QVERIFY(db.setReleaseCover(Picard, u"picard-s1"_s, QString()));
    QCOMPARE(db.releaseCover(Picard, u"picard-s1"_s), QString());
    QCOMPARE(db.releaseCover(Picard, u"picard-s3"_s), u"/music/covers/s3.png"_s);
}

void tst_UserDatabase::migratesFromVersionZero()
{
    // An empty file, as a crash right after creating it would leave.
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    UserDatabase db;
    QVERIFY2(db.open(path()), qPrintable(db.errorString()));
    QVERIFY(db.setNote({Picard, u"main-title"_s}, u"note"_s));
    QVERIFY(db.linkFile(link(u"main-title"_s, u"/music/01.flac"_s)));
}

void tst_UserDatabase::migratesFromVersionOne()
{
    // Version 1 held the notes alone.
    QVERIFY(runSql(path(),
        {uR"(CREATE TABLE notes (catalog_id TEXT NOT NULL, cue_id TEXT NOT NULL,
            body TEXT NOT NULL, updated_at_ms INTEGER NOT NULL,
            PRIMARY KEY (catalog_id, cue_id)) WITHOUT ROWID)"_s,
            u"INSERT INTO notes VALUES ('star-trek-picard', 'main-title', 'kept', 1)"_s,
            u"PRAGMA application_id = 1131767106"_s, u"PRAGMA user_version = 1"_s}));
    {
        UserDatabase db;
        QVERIFY2(db.open(path()), qPrintable(db.errorString()));
        QCOMPARE(db.note({Picard, u"main-title"_s}), u"kept"_s);
        QVERIFY(db.linkFile(link(u"main-title"_s, u"/music/01.flac"_s)));
        QVERIFY(db.storeKnownFiles(u"/music"_s, {}));
    }
    // Upgraded once: opening again finds the current version.
    UserDatabase db;
    QVERIFY(db.open(path()));
    QCOMPARE(db.fileLinks({Picard, u"main-title"_s}).size(), 1);
}

void tst_UserDatabase::refusesGarbageUntouched_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QByteArray garbage(64 * 1024, '\0');
    for (int i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 7919 + 13) % 251);
    QTest::newRow("random bytes") << garbage;
    QTest::newRow("text") << QByteArray("these are my notes, not a database\n");
    // A real SQLite header over garbage pages: damaged, not foreign.
    QTest::newRow("damaged sqlite") << QByteArray("SQLite format 3\0", 16) + garbage;
}

void tst_UserDatabase::refusesGarbageUntouched()
{
    QFETCH(QByteArray, bytes);
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();

    UserDatabase db;
    QVERIFY(!db.open(path()));
    QVERIFY(!db.isOpen());
    QVERIFY2(db.errorString().contains(path()), qPrintable(db.errorString()));
    QVERIFY2(
        db.errorString().contains(u"not a database"_s) || db.errorString().contains(u"damaged"_s),
        qPrintable(db.errorString()));
    QCOMPARE(contents(path()), bytes);
    QVERIFY(!QFile::exists(path() + u"-wal"_s));
    // A second attempt is refused the same way: nothing was "repaired" in between.
    QVERIFY(!db.open(path()));
    QCOMPARE(contents(path()), bytes);
    QVERIFY(!db.setNote({Picard, u"main-title"_s}, u"x"_s));
}

void tst_UserDatabase::refusesNewerSchemaUntouched()
{
    {
        UserDatabase db;
        QVERIFY(db.open(path()));
        QVERIFY(db.setNote({Picard, u"main-title"_s}, u"from the future"_s));
    }
    QVERIFY(runSql(path(), {u"PRAGMA user_version = %1"_s.arg(UserDatabase::SchemaVersion + 1)}));
    const QByteArray before = contents(path());

    UserDatabase db;
    QVERIFY(!db.open(path()));
    QVERIFY2(db.errorString().contains(u"newer version"_s), qPrintable(db.errorString()));
    QVERIFY(db.errorString().contains(QString::number(UserDatabase::SchemaVersion + 1)));
    QCOMPARE(contents(path()), before);
}

void tst_UserDatabase::refusesAnotherProgramsDatabase()
{
    QVERIFY(runSql(path(), {u"CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)"_s}));
    const QByteArray before = contents(path());
    UserDatabase db;
    QVERIFY(!db.open(path()));
    QVERIFY2(db.errorString().contains(u"another program"_s), qPrintable(db.errorString()));
    QCOMPARE(contents(path()), before);
}

void tst_UserDatabase::refusesAFolder()
{
    QVERIFY(QDir(m_dir->path()).mkdir(u"folder.sqlite"_s));
    UserDatabase db;
    QVERIFY(!db.open(path(u"folder.sqlite"_s)));
    QVERIFY2(db.errorString().contains(u"folder"_s), qPrintable(db.errorString()));
}

void tst_UserDatabase::twoInstancesAtOnce()
{
    UserDatabase first;
    UserDatabase second;
    QVERIFY(first.open(path(u"one.sqlite"_s)));
    QVERIFY(second.open(path(u"two.sqlite"_s)));
    QVERIFY(first.setNote({Picard, u"main-title"_s}, u"one"_s));
    QVERIFY(second.setNote({Picard, u"main-title"_s}, u"two"_s));
    QCOMPARE(first.note({Picard, u"main-title"_s}), u"one"_s);
    QCOMPARE(second.note({Picard, u"main-title"_s}), u"two"_s);
    {
        // A third, opened and destroyed while the others stay open.
        UserDatabase third;
        QVERIFY(third.open(path(u"one.sqlite"_s)));
        QCOMPARE(third.note({Picard, u"main-title"_s}), u"one"_s);
    }
    QCOMPARE(first.note({Picard, u"main-title"_s}), u"one"_s);
}

void tst_UserDatabase::writeFailureIsReportedAndStoresNothing()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    // Another connection makes the 5,000th link and every note fail, as a full disk would.
    QVERIFY(runSql(path(),
        {uR"(CREATE TRIGGER refuse_link BEFORE INSERT ON file_links
            WHEN NEW.path = '/music/4999.flac' BEGIN SELECT RAISE(ABORT, 'disk full'); END)"_s,
            uR"(CREATE TRIGGER refuse_note BEFORE INSERT ON notes
            BEGIN SELECT RAISE(ABORT, 'disk full'); END)"_s}));
    QList<FileLink> links;
    for (int i = 0; i < 10'000; ++i)
        links.append(link(u"cue-%1"_s.arg(i), u"/music/%1.flac"_s.arg(i)));
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QSignalSpy changed(&db, &UserDatabase::fileLinksChanged);
    QVERIFY(!db.storeLinks(links));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains(u"disk full"_s), qPrintable(db.errorString()));
    QCOMPARE(db.errorString(), errors.at(0).at(0).toString());
    QCOMPARE(changed.count(), 0);
    QVERIFY(db.allFileLinks().isEmpty());

    QSignalSpy noteChanged(&db, &UserDatabase::noteChanged);
    QVERIFY(!db.setNote({Picard, u"main-title"_s}, u"lost?"_s));
    QCOMPARE(errors.count(), 2);
    QCOMPARE(noteChanged.count(), 0);
}

void tst_UserDatabase::callsWithoutAnOpenFileFailQuietly()
{
    UserDatabase db;
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QVERIFY(!db.setNote({Picard, u"main-title"_s}, u"x"_s));
    QVERIFY(!db.linkFile(link(u"main-title"_s, u"/music/01.flac"_s)));
    QVERIFY(db.note({Picard, u"main-title"_s}).isEmpty());
    QVERIFY(db.fileLinks({Picard, u"main-title"_s}).isEmpty());
    QCOMPARE(db.fileState({Picard, u"main-title"_s}), FileState::None);
    QCOMPARE(errors.count(), 0);
}

QTEST_GUILESS_MAIN(tst_UserDatabase)
#include "tst_userdatabase.moc"
