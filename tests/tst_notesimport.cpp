#include "exchange/catalognames.h"
#include "exchange/notesexchange.h"
#include "exchange/notesimport.h"
#include "exchange/notesjson.h"
#include "exchangefixtures.h"
#include "refusedwrites.h"
#include "testcatalogs.h"
#include "testfiles.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ExchangeFixtures;

// Exporting a database and importing it into another gives the same notes and markers; importing
// again adds nothing; of two versions the later wins; and an import that fails leaves the
// database as it was, markers and notes alike.
class tst_NotesImport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTripThroughAFreshDatabase();
    void reimportChangesNothing();
    void laterVersionWins();
    void aWholeBackupIsComparedAtOnce();
    void aFailedImportChangesNothing();
    void aBadFileChangesNothing();
    void summaryTexts();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    // The fixture's notes and markers, stored in a database at path.
    static void fill(UserDatabase &database);
    static QList<CueUserData> contents(const UserDatabase &database);

    std::unique_ptr<QTemporaryDir> m_dir;
    QList<Catalog> m_catalogs {TestCatalogs::picard()};
};

void tst_NotesImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_NotesImport::fill(UserDatabase &database)
{
    for (const CueUserData &cue : cues()) {
        if (!database.markers()->putMarkers(cue.markers)
            || (cue.note && !database.notes()->putNoteEntries({*cue.note})))
            qFatal("cannot fill %s: %s", qPrintable(database.filePath()),
                qPrintable(database.errorString()));
    }
}

QList<CueUserData> tst_NotesImport::contents(const UserDatabase &database)
{
    return CueUserDataList::collect(database, CatalogNames());
}

void tst_NotesImport::roundTripThroughAFreshDatabase()
{
    UserDatabase source;
    QVERIFY(source.open(path(u"source.sqlite"_s)));
    fill(source);
    const QString backup = path(u"backup.json"_s);
    NotesExchange exporter(&source, m_catalogs, u"0.1.0"_s);
    const NotesExchange::Outcome exported
        = exporter.exportNotes(backup, NotesExchange::Format::Json);
    QVERIFY2(exported.ok, qPrintable(exported.message));
    QCOMPARE(exported.message, u"Exported 2 notes and 3 markers on 3 cues to “%1”."_s.arg(backup));

    UserDatabase fresh;
    QVERIFY(fresh.open(path(u"fresh.sqlite"_s)));
    QSignalSpy markersChanged(fresh.markers(), &MarkerStore::markersChanged);
    QSignalSpy noteChanged(fresh.notes(), &NoteStore::noteChanged);
    NotesExchange importer(&fresh, m_catalogs, u"0.1.0"_s);
    const NotesExchange::Outcome imported = importer.importNotes(backup);
    QVERIFY2(imported.ok, qPrintable(imported.message + imported.details.join(u'\n')));
    QCOMPARE(imported.message, u"3 markers and 2 notes imported (from “%1”)."_s.arg(backup));
    QCOMPARE(markersChanged.count(), 2);
    QCOMPARE(noteChanged.count(), 2);
    // Every field, times of creation and change included; titles are not stored.
    QList<CueUserData> expected = contents(source);
    QCOMPARE(contents(fresh), expected);
    QCOMPARE(expected.size(), 3);
}

void tst_NotesImport::reimportChangesNothing()
{
    UserDatabase database;
    QVERIFY(database.open(path(u"userdata.sqlite"_s)));
    fill(database);
    const QList<CueUserData> before = contents(database);
    NotesImport::Plan plan = NotesImport::plan(database, cues());
    QCOMPARE(plan.summary.markersImported, 0);
    QCOMPARE(plan.summary.notesImported, 0);
    QCOMPARE(plan.summary.alreadyHere, 5);
    QCOMPARE(plan.summary.text(), u"0 markers and 0 notes imported; 5 were already here"_s);

    // Through a file, twice: nothing is written, and nobody is told of a change.
    const QString backup = path(u"backup.json"_s);
    TestFiles::writeFile(backup, NotesJson::write(cues(), {Then, u"0.1.0"_s}));
    QSignalSpy markersChanged(database.markers(), &MarkerStore::markersChanged);
    QSignalSpy noteChanged(database.notes(), &NoteStore::noteChanged);
    NotesExchange exchange(&database, m_catalogs, u"0.1.0"_s);
    for (int i = 0; i < 2; ++i) {
        const NotesExchange::Outcome outcome = exchange.importNotes(backup);
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.message,
            u"0 markers and 0 notes imported; 5 were already here (from “%1”)."_s.arg(backup));
    }
    QCOMPARE(markersChanged.count(), 0);
    QCOMPARE(noteChanged.count(), 0);
    QCOMPARE(contents(database), before);
    QCOMPARE(database.markers()->markerCount(), 3);
}

void tst_NotesImport::laterVersionWins()
{
    UserDatabase database;
    QVERIFY(database.open(path(u"userdata.sqlite"_s)));
    fill(database);
    QList<CueUserData> file = cues();
    // Edited here after the backup: the file's older version is not taken.
    Marker editedHere = file[0].markers[1];
    editedHere.label = u"the March, fortissimo"_s;
    editedHere.updatedAtMs = Then + 9'000;
    QVERIFY(database.markers()->putMarker(editedHere));
    // Edited in the file after this database's version: taken.
    file[0].markers[0].startMs = 12'500;
    file[0].markers[0].updatedAtMs = Then + 9'000;
    file[2].note->text = u"A later text."_s;
    file[2].note->updatedAtMs = Then + 9'000;
    // A note older than the one here, with another text: the one here stays.
    QVERIFY(database.notes()->putNoteEntries({{file[0].cue, u"Rewritten here."_s, Then + 9'000}}));
    // New in the file.
    file[1].markers.append(marker(file[1].cue, u"b2"_s, 5'000, 6'000, u"new"_s));

    const NotesImport::Plan plan = NotesImport::plan(database, file);
    QCOMPARE(plan.summary.markersImported, 2);
    QCOMPARE(plan.summary.notesImported, 1);
    QCOMPARE(plan.summary.alreadyHere, 1);
    QCOMPARE(plan.summary.newerHere, 2);
    QCOMPARE(plan.summary.text(),
        u"2 markers and 1 note imported; 1 was already here; 2 are newer here and were kept"_s);
    QVERIFY(NotesImport::apply(database, plan));
    QCOMPARE(database.markers()->marker(u"a1"_s)->startMs, 12'500);
    QCOMPARE(database.markers()->marker(u"a2"_s)->label, u"the March, fortissimo"_s);
    QCOMPARE(database.markers()->marker(u"b2"_s)->endMs, 6'000);
    QCOMPARE(database.notes()->note(file[0].cue), u"Rewritten here."_s);
    QCOMPARE(database.notes()->note(file[2].cue), u"A later text."_s);
    QCOMPARE(database.notes()->noteEntry(file[2].cue)->updatedAtMs, Then + 9'000);
}

// Past a few hundred items the database is read in one query each rather than item by item: the
// outcome must be the same.
void tst_NotesImport::aWholeBackupIsComparedAtOnce()
{
    UserDatabase database;
    QVERIFY(database.open(path(u"userdata.sqlite"_s)));
    QList<CueUserData> file;
    for (int i = 0; i < 100; ++i) {
        CueUserData cue;
        cue.cue = {Picard, u"cue-%1"_s.arg(i)};
        cue.note = NoteEntry {cue.cue, u"Note %1"_s.arg(i), Then};
        for (int j = 0; j < 3; ++j)
            cue.markers.append(marker(cue.cue, u"m%1-%2"_s.arg(i).arg(j), j * 1'000, -1, u"x"_s));
        file.append(cue);
    }
    QVERIFY(NotesImport::apply(database, NotesImport::plan(database, file)));
    QCOMPARE(database.markers()->markerCount(), 300);
    file[7].markers[1].label = u"changed later"_s;
    file[7].markers[1].updatedAtMs = Then + 9'000;
    file[8].note->text = u"changed earlier"_s;
    file[8].note->updatedAtMs = Then - 9'000;
    const NotesImport::Plan plan = NotesImport::plan(database, file);
    QCOMPARE(plan.summary.markersImported, 1);
    QCOMPARE(plan.summary.notesImported, 0);
    QCOMPARE(plan.summary.alreadyHere, 398);
    QCOMPARE(plan.summary.newerHere, 1);
    QCOMPARE(plan.markers.first().label, u"changed later"_s);
}

// The notes cannot be written (a full disk would do the same): the markers written before them in
// the same import are rolled back too, and the user is told once.
void tst_NotesImport::aFailedImportChangesNothing()
{
    const QString file = path(u"userdata.sqlite"_s);
    {
        UserDatabase database;
        QVERIFY(database.open(file));
    }
    QVERIFY(RefusedWrites::refuse(file, u"notes"_s));
    const QString backup = path(u"backup.json"_s);
    TestFiles::writeFile(backup, NotesJson::write(cues(), {Then, u"0.1.0"_s}));
    UserDatabase database;
    QVERIFY(database.open(file));
    QSignalSpy errors(&database, &UserDatabase::errorOccurred);
    NotesExchange exchange(&database, m_catalogs, u"0.1.0"_s);
    const NotesExchange::Outcome outcome = exchange.importNotes(backup);
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.message.startsWith(
                 u"“%1” was not imported: 2 notes could not be saved to "_s.arg(backup)),
        qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(QString::fromUtf16(RefusedWrites::Reason)),
        qPrintable(outcome.message));
    QVERIFY(outcome.message.endsWith(u"Nothing was changed."_s));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(database.markers()->markerCount(), 0);
    QVERIFY(database.markers()->cuesWithMarkers().isEmpty());
    QVERIFY(database.notes()->cuesWithNotes().isEmpty());
}

void tst_NotesImport::aBadFileChangesNothing()
{
    UserDatabase database;
    QVERIFY(database.open(path(u"userdata.sqlite"_s)));
    QByteArray text = NotesJson::write(cues(), {Then, u"0.1.0"_s});
    // The last marker of the file is wrong: none before it is kept.
    text.replace("\"start\": \"1:02:03.001\"", "\"start\": \"1:02:63\"");
    const QString backup = TestFiles::writeFile(path(u"bad.json"_s), text);
    NotesExchange exchange(&database, m_catalogs, u"0.1.0"_s);
    const NotesExchange::Outcome outcome = exchange.importNotes(backup);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.message,
        u"“%1” was not imported: it has a fault. Nothing was changed."_s.arg(backup));
    QCOMPARE(outcome.details.size(), 1);
    QVERIFY2(
        outcome.details.first().contains(u"cues[1].markers[0].start: \"1:02:63\" is not a time"_s),
        qPrintable(outcome.details.first()));
    QCOMPARE(database.markers()->markerCount(), 0);
    QVERIFY(database.notes()->cuesWithNotes().isEmpty());
}

void tst_NotesImport::summaryTexts()
{
    NotesImport::Summary summary;
    summary.markersImported = 12;
    summary.notesImported = 3;
    summary.alreadyHere = 4;
    QCOMPARE(summary.text(), u"12 markers and 3 notes imported; 4 were already here"_s);
    summary.markersImported = 1;
    summary.notesImported = 1;
    summary.alreadyHere = 0;
    summary.newerHere = 1;
    QCOMPARE(summary.text(), u"1 marker and 1 note imported; 1 is newer here and was kept"_s);
}

QTEST_GUILESS_MAIN(tst_NotesImport)
#include "tst_notesimport.moc"
