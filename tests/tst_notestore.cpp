#include "userdata/notestore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"

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

QTEST_GUILESS_MAIN(tst_NoteStore)
#include "tst_notestore.moc"
