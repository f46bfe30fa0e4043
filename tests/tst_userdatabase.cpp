#include "filesizelimit.h"
#include "testfiles.h"
#include "unprivileged.h"
#include "userdata/coverstore.h"
#include "userdata/filelinkstore.h"
#include "userdata/markerstore.h"
#include "userdata/notestore.h"
#include "userdata/scancachestore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

using namespace UserDataFixtures;

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_UserDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void createsTheFileWithTheCurrentSchema();
    void migratesFromVersionZero();
    void migratesFromVersionOne();
    void refusesGarbageUntouched_data();
    void refusesGarbageUntouched();
    void refusesNewerSchemaUntouched();
    void refusesAnotherProgramsDatabase();
    void refusesAFolder();
    void startsAfreshBesideADamagedFile_data();
    void startsAfreshBesideADamagedFile();
    void aLockedFileIsInUseNotDamaged();
    void newerAndForeignFilesAreNeverSetAside();
    void setAsideFailsInAReadOnlyFolder();
    void damageFoundInUseIsCheckedAtTheNextOpen();
    void twoInstancesAtOnce();
    void everyFailedWriteIsReported();
    void callsWithoutAnOpenFileFailQuietly();
    void writesOfSeveralStoresLandTogether();

private:
    QString path(const QString &name = u"userdata.sqlite"_s) const { return m_dir->filePath(name); }
    // The bytes of a database of ours with count notes, closed: its log copied into it and gone.
    static QByteArray databaseWithNotes(int count);

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

void tst_UserDatabase::migratesFromVersionZero()
{
    // An empty file, as a crash right after creating it would leave.
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    UserDatabase db;
    QVERIFY2(db.open(path()), qPrintable(db.errorString()));
    QVERIFY(db.notes()->setNote({Picard, u"main-title"_s}, u"note"_s));
    QVERIFY(db.fileLinks()->linkFile(link(u"main-title"_s, u"/music/01.flac"_s)));
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
        QCOMPARE(db.notes()->note({Picard, u"main-title"_s}), u"kept"_s);
        QVERIFY(db.fileLinks()->linkFile(link(u"main-title"_s, u"/music/01.flac"_s)));
        QVERIFY(db.scanCache()->storeKnownFiles(u"/music"_s, {}));
    }
    // Upgraded once: opening again finds the current version.
    UserDatabase db;
    QVERIFY(db.open(path()));
    QCOMPARE(db.fileLinks()->links({Picard, u"main-title"_s}).size(), 1);
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
    QCOMPARE(db.openFailure(), UserDatabase::OpenFailure::Damaged);
    QVERIFY2(db.errorString().contains(path()), qPrintable(db.errorString()));
    QVERIFY2(
        db.errorString().contains(u"not a database"_s) || db.errorString().contains(u"damaged"_s),
        qPrintable(db.errorString()));
    QCOMPARE(contents(path()), bytes);
    QVERIFY(!QFile::exists(path() + u"-wal"_s));
    // A second attempt is refused the same way: nothing was "repaired" in between.
    QVERIFY(!db.open(path()));
    QCOMPARE(contents(path()), bytes);
    QVERIFY(!db.notes()->setNote({Picard, u"main-title"_s}, u"x"_s));
}

void tst_UserDatabase::refusesNewerSchemaUntouched()
{
    {
        UserDatabase db;
        QVERIFY(db.open(path()));
        QVERIFY(db.notes()->setNote({Picard, u"main-title"_s}, u"from the future"_s));
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

QByteArray tst_UserDatabase::databaseWithNotes(int count)
{
    // In a folder of its own: the data functions call it before init() made m_dir.
    QTemporaryDir folder;
    const QString file = folder.filePath(u"whole.sqlite"_s);
    {
        UserDatabase db;
        if (!folder.isValid() || !db.open(file))
            qFatal("%s", qPrintable(db.errorString()));
    }
    QStringList statements = {u"BEGIN"_s};
    for (int i = 0; i < count; ++i) {
        statements.append(u"INSERT INTO notes VALUES ('%1', 'cue-%2', '%3', 1)"_s.arg(
            Picard, QString::number(i), u"a note of some length "_s.repeated(4)));
    }
    statements.append(u"COMMIT"_s);
    if (!runSql(file, statements))
        qFatal("could not write the notes");
    if (QFile::exists(file + u"-wal"_s))
        qFatal("the log outlived the connection");
    return contents(file);
}

void tst_UserDatabase::startsAfreshBesideADamagedFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QByteArray garbage(64 * 1024, '\0');
    for (int i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 7919 + 13) % 251);
    QTest::newRow("random bytes") << garbage << u"not a database"_s;
    QTest::newRow("damaged sqlite")
        << QByteArray("SQLite format 3\0", 16) + garbage << u"not a database"_s;
    // A whole database cut short, as a copy to a full disk leaves it.
    const QByteArray whole = databaseWithNotes(2000);
    QTest::newRow("truncated") << whole.left(whole.size() / 2) << u"cut short"_s;
    // Its pages after the first zeroed, as a failed sync can leave them.
    QByteArray zeroed = whole;
    std::fill(zeroed.begin() + 4096, zeroed.end(), '\0');
    QTest::newRow("zeroed") << zeroed << u"malformed"_s;
}

void tst_UserDatabase::startsAfreshBesideADamagedFile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    TestFiles::writeFile(path(), bytes);
    // Companions of the damaged file go with it: a fresh database must never start beside the
    // old one's log.
    const QByteArray wal = "the log of the damaged file";
    const bool withLog = QByteArray(QTest::currentDataTag()) == "random bytes";
    if (withLog)
        TestFiles::writeFile(path() + u"-wal"_s, wal);

    UserDatabase db;
    QVERIFY(!db.open(path()));
    QCOMPARE(db.openFailure(), UserDatabase::OpenFailure::Damaged);
    QVERIFY2(db.errorString().contains(reason), qPrintable(db.errorString()));
    QCOMPARE(contents(path()), bytes);

    QVERIFY2(db.startAfresh(), qPrintable(db.errorString()));
    QVERIFY(db.isOpen());
    const QString aside = db.setAsidePath();
    const QRegularExpression name(
        u"^userdata\\.sqlite\\.damaged-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d$"_s);
    QVERIFY2(name.match(QFileInfo(aside).fileName()).hasMatch(), qPrintable(aside));
    QCOMPARE(QFileInfo(aside).absolutePath(), QFileInfo(path()).absolutePath());
    QCOMPARE(contents(aside), bytes);
    if (withLog) {
        QCOMPARE(contents(aside + u"-wal"_s), wal);
        QVERIFY(contents(path() + u"-wal"_s) != wal);
    }
    // The fresh file works, and is the one found at the next start.
    QVERIFY(db.notes()->note({Picard, u"cue-1"_s}).isEmpty());
    QVERIFY(db.notes()->setNote({Picard, u"main-title"_s}, u"afresh"_s));
    db.close();
    UserDatabase again;
    QVERIFY2(again.open(path()), qPrintable(again.errorString()));
    QCOMPARE(again.notes()->note({Picard, u"main-title"_s}), u"afresh"_s);
    QCOMPARE(contents(aside), bytes);
}

void tst_UserDatabase::aLockedFileIsInUseNotDamaged()
{
    // An empty file another program holds locked: no damage to set aside, only a wait that ran
    // out.
    TestFiles::writeFile(path());
    QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
    const auto removeOther = qScopeGuard([&] {
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"locker"_s);
    });
    other.setDatabaseName(path());
    QVERIFY(other.open());
    QSqlQuery lock(other);
    QVERIFY2(lock.exec(u"BEGIN EXCLUSIVE"_s), qPrintable(lock.lastError().text()));

    UserDatabase db;
    QVERIFY(!db.open(path()));
    QCOMPARE(db.openFailure(), UserDatabase::OpenFailure::InUse);
    QVERIFY2(db.errorString().contains(u"in use"_s), qPrintable(db.errorString()));
    QVERIFY(!db.startAfresh());
    QVERIFY(QFile::exists(path()));
    // Nothing set aside: the other program's journal beside the file is all there is.
    QCOMPARE(QDir(m_dir->path()).entryList({u"userdata.sqlite*"_s}, QDir::Files),
        (QStringList {u"userdata.sqlite"_s, u"userdata.sqlite-journal"_s}));

    QVERIFY(lock.exec(u"ROLLBACK"_s));
    QVERIFY2(db.open(path()), qPrintable(db.errorString()));
}

void tst_UserDatabase::newerAndForeignFilesAreNeverSetAside()
{
    // Starting afresh would hide the user's data from the newer Cuebook that wrote it, or take
    // another program's file from it.
    QVERIFY(runSql(path(u"newer.sqlite"_s),
        {u"PRAGMA application_id = 1131767106"_s,
            u"PRAGMA user_version = %1"_s.arg(UserDatabase::SchemaVersion + 1)}));
    QVERIFY(runSql(
        path(u"foreign.sqlite"_s), {u"CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)"_s}));
    const QList<std::pair<QString, UserDatabase::OpenFailure>> files = {
        {path(u"newer.sqlite"_s), UserDatabase::OpenFailure::Newer},
        {path(u"foreign.sqlite"_s), UserDatabase::OpenFailure::Foreign},
    };
    for (const auto &[file, failure] : files) {
        const QByteArray before = contents(file);
        UserDatabase db;
        QVERIFY(!db.open(file));
        QCOMPARE(db.openFailure(), failure);
        QVERIFY(!db.startAfresh());
        QVERIFY(!db.isOpen());
        QVERIFY(db.setAsidePath().isEmpty());
        QCOMPARE(contents(file), before);
    }
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files),
        (QStringList {u"foreign.sqlite"_s, u"newer.sqlite"_s}));
}

void tst_UserDatabase::setAsideFailsInAReadOnlyFolder()
{
    if (Unprivileged::runInstead())
        return;
    const QString folder = path(u"locked"_s);
    const QString file = folder + u"/userdata.sqlite"_s;
    const QByteArray garbage = "not a database, and in a folder that cannot be written to\n";
    TestFiles::writeFile(file, garbage);
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    });

    UserDatabase db;
    QVERIFY(!db.open(file));
    QCOMPARE(db.openFailure(), UserDatabase::OpenFailure::Damaged);
    QVERIFY(!db.startAfresh());
    QVERIFY(!db.isOpen());
    QVERIFY2(db.errorString().contains(u"not set aside"_s)
            && db.errorString().contains(u"Nothing was changed"_s),
        qPrintable(db.errorString()));
    QCOMPARE(contents(file), garbage);
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList {u"userdata.sqlite"_s});
}

void tst_UserDatabase::damageFoundInUseIsCheckedAtTheNextOpen()
{
    // The last page of a whole file, garbled: the cheap check at open passes over it, and
    // SQLite finds it once a read reaches it.
    QByteArray bytes = databaseWithNotes(3000);
    const int pageSize = 4096;
    QVERIFY(bytes.size() > 8 * pageSize);
    for (qsizetype i = bytes.size() - pageSize; i < bytes.size(); ++i)
        bytes[i] = char(0xa5 ^ (i % 7));
    TestFiles::writeFile(path(), bytes);
    {
        UserDatabase db;
        QVERIFY2(db.open(path()), qPrintable(db.errorString()));
        QSignalSpy errors(&db, &UserDatabase::errorOccurred);
        db.notes()->cuesWithNotes();
        db.notes()->cuesWithNotes();
        QCOMPARE(errors.count(), 1);
        const QString message = errors.at(0).at(0).toString();
        QVERIFY2(message.contains(u"damaged"_s) && message.contains(path())
                && message.contains(u"start Cuebook again"_s),
            qPrintable(message));
        QVERIFY(QFile::exists(path() + u"-damage"_s));
    }
    // The note beside the file makes the next open read all of it.
    UserDatabase db;
    QVERIFY(!db.open(path()));
    QCOMPARE(db.openFailure(), UserDatabase::OpenFailure::Damaged);
    QVERIFY2(db.startAfresh(), qPrintable(db.errorString()));
    QVERIFY(QFile::exists(db.setAsidePath() + u"-damage"_s));
    QVERIFY(!QFile::exists(path() + u"-damage"_s));
    QCOMPARE(contents(db.setAsidePath()), bytes);
}

void tst_UserDatabase::twoInstancesAtOnce()
{
    UserDatabase first;
    UserDatabase second;
    QVERIFY(first.open(path(u"one.sqlite"_s)));
    QVERIFY(second.open(path(u"two.sqlite"_s)));
    QVERIFY(first.notes()->setNote({Picard, u"main-title"_s}, u"one"_s));
    QVERIFY(second.notes()->setNote({Picard, u"main-title"_s}, u"two"_s));
    QCOMPARE(first.notes()->note({Picard, u"main-title"_s}), u"one"_s);
    QCOMPARE(second.notes()->note({Picard, u"main-title"_s}), u"two"_s);
    {
        // A third, opened and destroyed while the others stay open.
        UserDatabase third;
        QVERIFY(third.open(path(u"one.sqlite"_s)));
        QCOMPARE(third.notes()->note({Picard, u"main-title"_s}), u"one"_s);
    }
    QCOMPARE(first.notes()->note({Picard, u"main-title"_s}), u"one"_s);
}

void tst_UserDatabase::everyFailedWriteIsReported()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    QVERIFY(db.fileLinks()->linkFile(link(u"end-title"_s, u"/music/02.flac"_s)));
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QSignalSpy linksChanged(db.fileLinks(), &FileLinkStore::linksChanged);
    QSignalSpy noteChanged(db.notes(), &NoteStore::noteChanged);
    QSignalSpy coverChanged(db.covers(), &CoverStore::releaseCoverChanged);
    // One write of each store, each failing on the disk (not in SQL): each returns false and
    // says, once, what was not saved.
    const QList<std::pair<QString, std::function<bool()>>> writes = {
        {u"note"_s,
            [&] {
                return db.notes()->setNote({Picard, u"main-title"_s}, u"lost"_s);
            }},
        {u"/music/01.flac"_s,
            [&] { return db.fileLinks()->linkFile(link(u"main-title"_s, u"/music/01.flac"_s)); }},
        {u"/music/02.flac"_s,
            [&] {
                return db.fileLinks()->unlinkFile({Picard, u"end-title"_s}, u"/music/02.flac"_s);
            }},
        {u"/music/02.flac"_s,
            [&] {
                return db.fileLinks()->setPreferredFile(
                    {Picard, u"end-title"_s}, u"/music/02.flac"_s);
            }},
        {u"/music/moved/02.flac"_s,
            [&] {
                return db.fileLinks()->relinkMovedFile(
                    u"/music/02.flac"_s, link(u"end-title"_s, u"/music/moved/02.flac"_s).file);
            }},
        {u"/music"_s,
            [&] {
                return db.scanCache()->storeKnownFiles(
                    u"/music"_s, {link(u"main-title"_s, u"/music/01.flac"_s).file});
            }},
        {u"cover"_s,
            [&] { return db.covers()->setReleaseCover(Picard, u"picard-s1"_s, u"/c.jpg"_s); }},
    };
    // Checked once the limit is lifted, so that a failure's message can be written anywhere.
    QList<bool> results;
    QStringList errorStrings;
    bool limited = false;
    {
        const FileSizeLimit limit;
        limited = limit.isActive();
        for (const auto &write : writes) {
            results.append(write.second());
            errorStrings.append(db.errorString());
        }
    }
    QVERIFY(limited);
    QCOMPARE(errors.count(), writes.size());
    for (qsizetype i = 0; i < writes.size(); ++i) {
        const QString message = errors.at(i).at(0).toString();
        QVERIFY2(!results.at(i), qPrintable(writes.at(i).first));
        QCOMPARE(errorStrings.at(i), message);
        QVERIFY2(
            message.contains(writes.at(i).first) && message.contains(path()), qPrintable(message));
    }
    QCOMPARE(linksChanged.count(), 0);
    QCOMPARE(coverChanged.count(), 0);
    // The note is kept in memory (NoteStore's tests follow it); the rest was refused, and
    // nothing was half saved.
    QCOMPARE(noteChanged.count(), 1);
    QCOMPARE(db.notes()->note({Picard, u"main-title"_s}), u"lost"_s);
    QCOMPARE(db.fileLinks()->allLinks().size(), 1);
    QCOMPARE(db.fileLinks()->allLinks().constFirst().file.path, u"/music/02.flac"_s);
    QVERIFY(db.scanCache()->scanFolders().isEmpty());
    QVERIFY(db.covers()->releaseCover(Picard, u"picard-s1"_s).isEmpty());
    // The file takes writes again once the disk does.
    QVERIFY2(
        db.notes()->setNote({Picard, u"main-title"_s}, u"kept"_s), qPrintable(db.errorString()));
    QCOMPARE(db.notes()->note({Picard, u"main-title"_s}), u"kept"_s);
    QVERIFY(!db.hasPendingWrites());
    QCOMPARE(errors.count(), writes.size());
}

void tst_UserDatabase::callsWithoutAnOpenFileFailQuietly()
{
    UserDatabase db;
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QVERIFY(!db.notes()->setNote({Picard, u"main-title"_s}, u"x"_s));
    QVERIFY(!db.fileLinks()->linkFile(link(u"main-title"_s, u"/music/01.flac"_s)));
    QVERIFY(db.notes()->note({Picard, u"main-title"_s}).isEmpty());
    QVERIFY(db.fileLinks()->links({Picard, u"main-title"_s}).isEmpty());
    QCOMPARE(db.fileLinks()->fileState({Picard, u"main-title"_s}), FileState::None);
    QCOMPARE(errors.count(), 0);
}

// A store's own transaction nests in writeTogether's: what one store wrote goes when another
// fails, and nothing goes when all succeed but the caller says no.
void tst_UserDatabase::writesOfSeveralStoresLandTogether()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    const CueKey cue {u"star-trek-picard"_s, u"main-title"_s};
    Marker marker;
    marker.id = Marker::newId();
    marker.cue = cue;
    marker.label = u"horns"_s;

    QVERIFY(db.writeTogether(u"A marker and a note"_s,
        [&] { return db.markers()->putMarker(marker) && db.notes()->setNote(cue, u"both"_s); }));
    QCOMPARE(db.markers()->markerCount(), 1);
    QCOMPARE(db.notes()->note(cue), u"both"_s);

    Marker second = marker;
    second.id = Marker::newId();
    QVERIFY(!db.writeTogether(u"A marker and a note"_s, [&] {
        return db.markers()->putMarker(second) && db.notes()->setNote(cue, u"changed"_s) && false;
    }));
    QCOMPARE(db.markers()->markerCount(), 1);
    QCOMPARE(db.notes()->note(cue), u"both"_s);

    // A store that fails inside: its message is the one the user gets.
    QVERIFY(UserDataFixtures::runSql(path(), {uR"(CREATE TRIGGER refuse_note BEFORE UPDATE ON notes
            BEGIN SELECT RAISE(ABORT, 'disk full'); END)"_s}));
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QVERIFY(!db.writeTogether(u"A marker and a note"_s,
        [&] { return db.markers()->putMarker(second) && db.notes()->setNote(cue, u"changed"_s); }));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().startsWith(u"The note on the cue"_s),
        qPrintable(errors.at(0).at(0).toString()));
    QCOMPARE(db.markers()->markerCount(), 1);
    // And the store's own transactions still work alone afterwards.
    QVERIFY(db.markers()->putMarker(second));
    QCOMPARE(db.markers()->markerCount(), 2);
}

QTEST_GUILESS_MAIN(tst_UserDatabase)
#include "tst_userdatabase.moc"
