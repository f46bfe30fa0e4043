#include "userdata/coverstore.h"
#include "userdata/filelinkstore.h"
#include "userdata/markerstore.h"
#include "userdata/notestore.h"
#include "userdata/scancachestore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

using namespace UserDataFixtures;

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// While it lives, no file of this process can grow past one byte (RLIMIT_FSIZE, which binds
// root too): every write SQLite makes fails as on a full disk. SIGXFSZ is ignored, so the
// write() returns EFBIG instead of the signal killing the test.
class FileSizeLimit
{
public:
    FileSizeLimit()
    {
        m_active = getrlimit(RLIMIT_FSIZE, &m_saved) == 0;
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit tight = m_saved;
        tight.rlim_cur = 1;
        m_active = m_active && setrlimit(RLIMIT_FSIZE, &tight) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    bool isActive() const { return m_active; }

private:
    rlimit m_saved {};
    void (*m_oldHandler)(int) = nullptr;
    bool m_active = false;
};

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
    void twoInstancesAtOnce();
    void everyFailedWriteIsReported();
    void callsWithoutAnOpenFileFailQuietly();
    void writesOfSeveralStoresLandTogether();

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
    QCOMPARE(noteChanged.count(), 0);
    QCOMPARE(coverChanged.count(), 0);
    // Nothing was half saved, and the file takes writes again once the disk does.
    QVERIFY(db.notes()->note({Picard, u"main-title"_s}).isEmpty());
    QCOMPARE(db.fileLinks()->allLinks().size(), 1);
    QCOMPARE(db.fileLinks()->allLinks().constFirst().file.path, u"/music/02.flac"_s);
    QVERIFY(db.scanCache()->scanFolders().isEmpty());
    QVERIFY(db.covers()->releaseCover(Picard, u"picard-s1"_s).isEmpty());
    QVERIFY2(
        db.notes()->setNote({Picard, u"main-title"_s}, u"kept"_s), qPrintable(db.errorString()));
    QCOMPARE(db.notes()->note({Picard, u"main-title"_s}), u"kept"_s);
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
