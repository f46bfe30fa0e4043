#include "userdata/notestore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"

#include <QDateTime>
#include <QSignalSpy>
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
    void aRefusedNoteIsReported();
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

void tst_NoteStore::aRefusedNoteIsReported()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    NoteStore &store = *db.notes();
    // Another connection makes every new note fail, as a full disk would.
    QVERIFY(runSql(path(), {uR"(CREATE TRIGGER refuse_note BEFORE INSERT ON notes
            BEGIN SELECT RAISE(ABORT, 'disk full'); END)"_s}));
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QSignalSpy changed(&store, &NoteStore::noteChanged);
    QVERIFY(!store.setNote({Picard, u"main-title"_s}, u"lost?"_s));
    QCOMPARE(errors.count(), 1);
    const QString message = errors.at(0).at(0).toString();
    QVERIFY2(message.contains(u"disk full"_s), qPrintable(message));
    QVERIFY2(message.contains(u"note"_s) && message.contains(u"main-title"_s), qPrintable(message));
    QCOMPARE(changed.count(), 0);
    QVERIFY(store.note({Picard, u"main-title"_s}).isEmpty());
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
