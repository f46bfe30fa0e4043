#include "userdata/notestore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace UserDataFixtures;

class tst_NoteStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void notesRoundTrip();
    void aRefusedNoteIsKept();
    void theSameTextKeptIsNotSavedYet();
    void entriesKeepTheirTimes();
    void entriesLandTogetherOrNotAtAll();

private:
    QString path(const QString &name = u"userdata.sqlite"_s) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_NoteStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_NoteStore::notesRoundTrip()
{
    {
        UserDatabase db;
        QVERIFY(db.open(path()));
        NoteStore &store = *db.notes();
        QSignalSpy changed(&store, &NoteStore::noteChanged);
        QVERIFY(store.setNote({Picard, u"main-title"_s}, u"horns at 1:12 — “Picard’s theme”"_s));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<CueKey>(), (CueKey {Picard, u"main-title"_s}));
        // The same text again changes nothing.
        QVERIFY(store.setNote({Picard, u"main-title"_s}, u"horns at 1:12 — “Picard’s theme”"_s));
        QCOMPARE(changed.count(), 1);
        QVERIFY(store.setNote({Picard, u"end-title"_s}, u"to delete"_s));
        QVERIFY(store.setNote({Picard, u"end-title"_s}, QString()));
        QCOMPARE(changed.count(), 3);
    }
    UserDatabase db;
    QVERIFY(db.open(path()));
    NoteStore &store = *db.notes();
    QCOMPARE(store.note({Picard, u"main-title"_s}), u"horns at 1:12 — “Picard’s theme”"_s);
    QCOMPARE(store.note({Picard, u"end-title"_s}), QString());
    QCOMPARE(store.note({u"other"_s, u"main-title"_s}), QString());
    QCOMPARE(store.cuesWithNotes(), (QList<CueKey> {{Picard, u"main-title"_s}}));
}

void tst_NoteStore::aRefusedNoteIsKept()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    NoteStore &store = *db.notes();
    QVERIFY(store.setNote({Picard, u"end-title"_s}, u"saved before"_s));
    // Another connection makes every new note fail, as a full disk would.
    QVERIFY(runSql(path(),
        {uR"(CREATE TRIGGER refuse_note BEFORE INSERT ON notes
            BEGIN SELECT RAISE(ABORT, 'disk full'); END)"_s,
            uR"(CREATE TRIGGER refuse_removal BEFORE DELETE ON notes
            BEGIN SELECT RAISE(ABORT, 'disk full'); END)"_s}));
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QSignalSpy changed(&store, &NoteStore::noteChanged);
    QSignalSpy pending(&db, &UserDatabase::pendingWritesChanged);
    const qint64 typedAt = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(!store.setNote({Picard, u"main-title"_s}, u"kept?"_s));
    QCOMPARE(errors.count(), 1);
    const QString message = errors.at(0).at(0).toString();
    QVERIFY2(message.contains(u"disk full"_s), qPrintable(message));
    QVERIFY2(message.contains(u"note"_s) && message.contains(u"main-title"_s), qPrintable(message));
    QVERIFY2(message.contains(u"kept"_s), qPrintable(message));
    QCOMPARE(db.errorString(), message);
    // Read back as typed, everywhere the store is read.
    QCOMPARE(changed.count(), 1);
    QCOMPARE(store.note({Picard, u"main-title"_s}), u"kept?"_s);
    QCOMPARE(pending.count(), 1);
    QCOMPARE(pending.at(0).at(0).toBool(), true);
    QVERIFY(db.hasPendingWrites());
    QCOMPARE(
        db.pendingWrites(), QStringList {u"The note on the cue star-trek-picard/main-title"_s});

    // More edits in the same run are kept and not told again: a changed text, a removal.
    QVERIFY(!store.setNote({Picard, u"main-title"_s}, u"kept!"_s));
    QVERIFY(!store.setNote({Picard, u"end-title"_s}, QString()));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(store.note({Picard, u"main-title"_s}), u"kept!"_s);
    QCOMPARE(store.note({Picard, u"end-title"_s}), QString());
    QCOMPARE(store.cuesWithNotes(), (QList<CueKey> {{Picard, u"main-title"_s}}));
    QVERIFY(!db.retryPendingWrites());
    QVERIFY2(db.errorString().contains(u"2 edits"_s) && db.errorString().contains(u"disk full"_s),
        qPrintable(db.errorString()));
    QCOMPARE(errors.count(), 1);
    {
        UserDatabase onDisk;
        QVERIFY(onDisk.open(path()));
        QCOMPARE(onDisk.notes()->cuesWithNotes(), (QList<CueKey> {{Picard, u"end-title"_s}}));
    }

    // The disk takes writes again: the next edit saves all that was kept, as it was typed.
    QVERIFY(runSql(path(), {u"DROP TRIGGER refuse_note"_s, u"DROP TRIGGER refuse_removal"_s}));
    QVERIFY(store.setNote({Picard, u"twins"_s}, u"the next edit"_s));
    QVERIFY(!db.hasPendingWrites());
    QCOMPARE(pending.count(), 2);
    QCOMPARE(pending.at(1).at(0).toBool(), false);
    {
        UserDatabase onDisk;
        QVERIFY(onDisk.open(path()));
        QCOMPARE(onDisk.notes()->note({Picard, u"main-title"_s}), u"kept!"_s);
        QCOMPARE(onDisk.notes()->note({Picard, u"end-title"_s}), QString());
        QCOMPARE(onDisk.notes()->note({Picard, u"twins"_s}), u"the next edit"_s);
    }
    QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"times"_s);
    {
        raw.setDatabaseName(path());
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        QVERIFY(query.exec(u"SELECT updated_at_ms FROM notes WHERE cue_id = 'main-title'"_s));
        QVERIFY(query.next());
        // When it was typed, not when it reached the disk.
        QVERIFY(query.value(0).toLongLong() >= typedAt);
        QVERIFY(query.value(0).toLongLong() < QDateTime::currentMSecsSinceEpoch());
        raw.close();
    }
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"times"_s);

    // The run ended with that save: the next failure is told again.
    QVERIFY(runSql(path(), {uR"(CREATE TRIGGER refuse_note BEFORE INSERT ON notes
            BEGIN SELECT RAISE(ABORT, 'disk full'); END)"_s}));
    QVERIFY(!store.setNote({Picard, u"main-title"_s}, u"another run"_s));
    QCOMPARE(errors.count(), 2);
}

void tst_NoteStore::theSameTextKeptIsNotSavedYet()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    NoteStore &store = *db.notes();
    QVERIFY(runSql(path(), {uR"(CREATE TRIGGER refuse_note BEFORE INSERT ON notes
            BEGIN SELECT RAISE(ABORT, 'disk full'); END)"_s}));
    QSignalSpy changed(&store, &NoteStore::noteChanged);
    QVERIFY(!store.setNote({Picard, u"main-title"_s}, u"typed"_s));
    // The same text again is no change, but still not on disk.
    QVERIFY(!store.setNote({Picard, u"main-title"_s}, u"typed"_s));
    QCOMPARE(changed.count(), 1);
    // Closing forgets what was kept: the application asks retryPendingWrites() first.
    db.close();
    QVERIFY(!db.hasPendingWrites());
    QVERIFY(db.open(path()));
    QCOMPARE(store.note({Picard, u"main-title"_s}), QString());
}

// For backups: a note with the time it last changed, written back with that time.
void tst_NoteStore::entriesKeepTheirTimes()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    NoteStore &store = *db.notes();
    const CueKey mainTitle {Picard, u"main-title"_s};
    const CueKey endTitle {Picard, u"end-title"_s};
    QVERIFY(!store.noteEntry(mainTitle));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(store.setNote(mainTitle, u"typed"_s));
    const std::optional<NoteEntry> typed = store.noteEntry(mainTitle);
    QVERIFY(typed);
    QCOMPARE(typed->text, u"typed"_s);
    QVERIFY(typed->updatedAtMs >= before);

    QSignalSpy changed(&store, &NoteStore::noteChanged);
    const QList<NoteEntry> entries {{endTitle, u"from a backup"_s, 1'700'000'000'123},
        {mainTitle, u"replaced"_s, 1'700'000'000'456}};
    QVERIFY(store.putNoteEntries(entries));
    QCOMPARE(changed.count(), 2);
    // By catalog, then cue.
    QCOMPARE(store.noteEntries(), (QList<NoteEntry> {entries.at(0), entries.at(1)}));
    QCOMPARE(store.noteEntry(mainTitle)->updatedAtMs, 1'700'000'000'456);

    QVERIFY(!store.putNoteEntries({{mainTitle, QString(), 1}}));
    QCOMPARE(db.errorString(), u"A note needs a catalog, a cue and a text."_s);
    QCOMPARE(store.note(mainTitle), u"replaced"_s);
}

void tst_NoteStore::entriesLandTogetherOrNotAtAll()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    NoteStore &store = *db.notes();
    const CueKey mainTitle {Picard, u"main-title"_s};
    QVERIFY(store.setNote(mainTitle, u"kept"_s));
    // The second note of the batch fails: the first is not kept either.
    QVERIFY(runSql(path(), {uR"(CREATE TRIGGER refuse_note BEFORE INSERT ON notes
            WHEN NEW.cue_id = 'end-title' BEGIN SELECT RAISE(ABORT, 'disk full'); END)"_s}));
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QSignalSpy changed(&store, &NoteStore::noteChanged);
    QVERIFY(!store.putNoteEntries(
        {{mainTitle, u"lost"_s, 1'700'000'000'000}, {{Picard, u"end-title"_s}, u"lost"_s, 0}}));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().startsWith(u"2 notes could not be saved"_s),
        qPrintable(errors.at(0).at(0).toString()));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(store.note(mainTitle), u"kept"_s);
    QCOMPARE(store.cuesWithNotes().size(), 1);
}

QTEST_GUILESS_MAIN(tst_NoteStore)
#include "tst_notestore.moc"
