#include "cuebookprocess.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Result = CuebookProcess::Result;

// The headless import and export of notes and labels, end to end with the real cuebook
// executable: exit statuses, what is printed where, the files written and the database changed
// (through the commands themselves), and nothing changed or written on a fault.
class tst_ExchangeCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportAndImportNotes();
    void exportNotesFormats();
    void exportNotesOfOneCatalogOrCue();
    void exportWithoutADatabaseCreatesNone();
    void exportNotesToAFolderFails();
    void importBadNotesChangesNothing();
    void importNewerNotesIsRefused();
    void importAndExportLabels();
    void importBadLabelsChangesNothing();
    void labelsNeedAKnownCue();
    void labelsOfACatalogOfTheLastSession();
    void exchangeUsage_data();
    void exchangeUsage();

private:
    static Result run(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        return CuebookProcess::run(QStringLiteral(CUEBOOK_EXECUTABLE), arguments, environment);
    }
    QString writeFile(const QString &name, const QByteArray &contents)
    {
        return TestFiles::writeFile(m_dir.filePath(name), contents);
    }
    // A database of its own, and settings of its own (no window's last session, unless written).
    QProcessEnvironment exchangeEnvironment(const QString &name) const;
    QString readFile(const QString &path) const;

    QTemporaryDir m_dir;
};

void tst_ExchangeCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QProcessEnvironment tst_ExchangeCommand::exchangeEnvironment(const QString &name) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"CUEBOOK_USER_DATABASE"_s, m_dir.filePath(name + u"/userdata.sqlite"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(name + u"/config"_s));
    return environment;
}

QString tst_ExchangeCommand::readFile(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

namespace {

// Notes and markers on two cues of the bundled catalog and one of a catalog no test opens.
const QByteArray Backup = R"({
  "format": "cuebook-notes", "version": 1,
  "exportedAt": "2025-03-01T09:30:00.000Z", "appVersion": "0.1.0",
  "cues": [
    { "catalog": "star-trek-picard", "cue": "picard-requests-help",
      "note": { "text": "Listen for the March.", "updatedAt": "2025-03-01T09:00:00.000Z" },
      "markers": [
        { "id": "m1", "start": "1:12.250", "label": "the March in the horns",
          "theme": "star-trek-march", "kind": "statement",
          "createdAt": "2025-03-01T09:00:00.000Z", "updatedAt": "2025-03-01T09:00:00.000Z" },
        { "id": "m2", "start": "2:03", "end": "2:10.5", "label": "fanfare",
          "createdAt": "2025-03-01T09:00:00.000Z", "updatedAt": "2025-03-01T09:00:00.000Z" } ] },
    { "catalog": "star-trek-picard", "cue": "walking-with-number-one",
      "note": { "text": "Opens the show.", "updatedAt": "2025-03-01T09:00:00.000Z" } },
    { "catalog": "voyager", "cue": "main-title",
      "markers": [
        { "id": "v1", "start": "0:05", "label": "horns",
          "createdAt": "2025-03-01T09:00:00.000Z", "updatedAt": "2025-03-01T09:00:00.000Z" } ] }
  ]
}
)";

const QByteArray VoyagerCatalog = R"({
  "format": "cuebook-catalog", "version": 1, "id": "voyager", "title": "Star Trek: Voyager",
  "cues": [ { "id": "main-title", "title": "Voyager Main Title" } ]
}
)";

} // namespace

void tst_ExchangeCommand::exportAndImportNotes()
{
    const QProcessEnvironment environment = exchangeEnvironment(u"notes"_s);
    const QString backup = writeFile(u"notes/backup.json"_s, Backup);
    Result result = run({u"--import-notes"_s, backup}, environment);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.out, u"3 markers and 2 notes imported (from “%1”).\n"_s.arg(backup));
    QCOMPARE(result.exitCode, 0);
    // Again: nothing is doubled.
    result = run({u"--import-notes"_s, backup}, environment);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out,
        u"0 markers and 0 notes imported; 5 were already here (from “%1”).\n"_s.arg(backup));

    // Out again, then into a fresh database, then out of that: the same cues, notes and markers.
    const QString exported = m_dir.filePath(u"notes/exported.json"_s);
    result = run({u"--export-notes"_s, exported}, environment);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.out, u"Exported 2 notes and 3 markers on 3 cues to “%1”.\n"_s.arg(exported));
    QCOMPARE(result.exitCode, 0);
    const QString text = readFile(exported);
    QVERIFY2(text.contains(u"\"cueTitle\": \"Picard Requests Help\""_s), qPrintable(text));
    QVERIFY2(text.contains(u"\"start\": \"2:03\", \"end\": \"2:10.500\""_s), qPrintable(text));
    const QProcessEnvironment fresh = exchangeEnvironment(u"fresh"_s);
    result = run({u"--import-notes"_s, exported}, fresh);
    QCOMPARE(result.exitCode, 0);
    const QString again = m_dir.filePath(u"fresh/again.json"_s);
    QCOMPARE(run({u"--export-notes"_s, again}, fresh).exitCode, 0);
    const auto withoutTime = [](QString json) {
        return json.remove(QRegularExpression(u"\"exportedAt\": \"[^\"]*\""_s));
    };
    QCOMPARE(withoutTime(readFile(again)), withoutTime(text));
}

void tst_ExchangeCommand::exportNotesFormats()
{
    const QProcessEnvironment environment = exchangeEnvironment(u"formats"_s);
    QCOMPARE(run({u"--import-notes"_s, writeFile(u"formats/backup.json"_s, Backup)}, environment)
                 .exitCode,
        0);
    const QString markdown = m_dir.filePath(u"formats/notes.MD"_s);
    Result result = run({u"--export-notes"_s, markdown}, environment);
    QCOMPARE(result.exitCode, 0);
    const QString text = readFile(markdown);
    QVERIFY2(text.startsWith(u"# Notes and markers\n\nExported from Cuebook %1 on "_s.arg(
                 QStringLiteral(CUEBOOK_VERSION))),
        qPrintable(text));
    QVERIFY2(text.contains(u"## Star Trek: Picard\n\n### Walking With Number One\n\n"
                           "Episode: Season 1, episode 1\n\nOpens the show.\n\n"
                           "### Picard Requests Help\n"_s),
        qPrintable(text));
    QVERIFY2(text.contains(u"- 1:12 — the March in the horns (theme: Star Trek March, statement)\n"
                           "- 2:03–2:10 — fanfare\n"_s),
        qPrintable(text));
    // A catalog that is not open: its ids.
    QVERIFY2(
        text.contains(u"## voyager\n\n### main-title\n\n- 0:05 — horns\n"_s), qPrintable(text));

    const QString other = m_dir.filePath(u"formats/notes.txt"_s);
    result = run({u"--export-notes"_s, other}, environment);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    QCOMPARE(result.err,
        u"%1: the file name must end in .json (a backup that imports back) or .md (Markdown, to "
        "read)\n"_s.arg(other));
    QVERIFY(!QFileInfo::exists(other));
    result = run({u"--import-notes"_s, markdown}, environment);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"only a .json backup imports"_s), qPrintable(result.err));
}

void tst_ExchangeCommand::exportNotesOfOneCatalogOrCue()
{
    const QProcessEnvironment environment = exchangeEnvironment(u"only"_s);
    QCOMPARE(
        run({u"--import-notes"_s, writeFile(u"only/backup.json"_s, Backup)}, environment).exitCode,
        0);
    const QString catalog = m_dir.filePath(u"only/catalog.json"_s);
    Result result
        = run({u"--export-notes"_s, catalog, u"--only"_s, u"star-trek-picard"_s}, environment);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, u"Exported 2 notes and 2 markers on 2 cues to “%1”.\n"_s.arg(catalog));
    const QString cue = m_dir.filePath(u"only/cue.json"_s);
    result = run({u"--export-notes"_s, cue, u"--only"_s, u"voyager/main-title"_s}, environment);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, u"Exported 0 notes and 1 marker on 1 cue to “%1”.\n"_s.arg(cue));
    QVERIFY(readFile(cue).contains(u"\"id\": \"v1\""_s));
}

void tst_ExchangeCommand::exportWithoutADatabaseCreatesNone()
{
    const QProcessEnvironment environment = exchangeEnvironment(u"nodatabase"_s);
    const QString exported = m_dir.filePath(u"nodatabase-export.json"_s);
    const Result result = run({u"--export-notes"_s, exported}, environment);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, u"Exported 0 notes and 0 markers on 0 cues to “%1”.\n"_s.arg(exported));
    QVERIFY(readFile(exported).contains(u"\"cues\": []"_s));
    QVERIFY(!QFileInfo::exists(environment.value(u"CUEBOOK_USER_DATABASE"_s)));
}

void tst_ExchangeCommand::exportNotesToAFolderFails()
{
    const QProcessEnvironment environment = exchangeEnvironment(u"folder"_s);
    const QString folder = m_dir.filePath(u"folder/a.json"_s);
    QVERIFY(QDir().mkpath(folder));
    Result result = run({u"--export-notes"_s, folder}, environment);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    QVERIFY2(result.err.startsWith(u"“%1” could not be written ("_s.arg(folder)),
        qPrintable(result.err));
    QVERIFY(result.err.endsWith(u"). Nothing was written.\n"_s));
    QVERIFY(QFileInfo(folder).isDir());
    const QString missing = m_dir.filePath(u"folder/no/such/folder/labels.txt"_s);
    result = run({u"--export-labels"_s, u"star-trek-picard/main-title"_s, missing}, environment);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(
        result.err.startsWith(u"“%1” could not be written"_s.arg(missing)), qPrintable(result.err));
}

void tst_ExchangeCommand::importBadNotesChangesNothing()
{
    const QProcessEnvironment environment = exchangeEnvironment(u"badnotes"_s);
    QByteArray broken = Backup;
    broken.replace("\"start\": \"0:05\"", "\"start\": \"0:5\"");
    broken.replace("\"end\": \"2:10.5\"", "\"end\": \"2:01\"");
    const QString file = writeFile(u"badnotes/broken.json"_s, broken);
    Result result = run({u"--import-notes"_s, file}, environment);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    QCOMPARE(result.err,
        u"%1:11:47: cues[0].markers[1].end: \"2:01\" is before the start, \"2:03\"\n"
        "%1:17:32: cues[2].markers[0].start: \"0:5\" is not a time (expected m:ss)\n"
        "“%1” was not imported: it has 2 faults. Nothing was changed.\n"_s.arg(file));
    const QString exported = m_dir.filePath(u"badnotes/after.json"_s);
    result = run({u"--export-notes"_s, exported}, environment);
    QCOMPARE(result.out, u"Exported 0 notes and 0 markers on 0 cues to “%1”.\n"_s.arg(exported));
}

void tst_ExchangeCommand::importNewerNotesIsRefused()
{
    QByteArray newer = Backup;
    newer.replace("\"version\": 1", "\"version\": 2");
    const QString file = writeFile(u"newer/newer.json"_s, newer);
    const Result result = run({u"--import-notes"_s, file}, exchangeEnvironment(u"newer"_s));
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.err,
        u"%1:2:41: version: the file is in version 2 of the format, written by a newer Cuebook; "
        "this one reads version 1 (update Cuebook to import it)\n"
        "“%1” was not imported: it has a fault. Nothing was changed.\n"_s.arg(file));
}

void tst_ExchangeCommand::importAndExportLabels()
{
    const QProcessEnvironment environment = exchangeEnvironment(u"labels"_s);
    const QString labels = writeFile(u"labels/audacity.txt"_s,
        "72.347000\t80.500000\tthe March in the horns\n\\\t220\t880\n12.5\t12.5\tfanfare\n");
    const QString cue = u"star-trek-picard/picard-requests-help"_s;
    Result result = run({u"--import-labels"_s, cue, labels}, environment);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.out, u"2 markers imported into %1 (from “%2”).\n"_s.arg(cue, labels));
    QCOMPARE(result.exitCode, 0);
    result = run({u"--import-labels"_s, cue, labels}, environment);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out,
        u"0 markers imported into %1; 2 were already here (from “%2”).\n"_s.arg(cue, labels));

    const QString exported = m_dir.filePath(u"labels/exported.txt"_s);
    result = run({u"--export-labels"_s, cue, exported}, environment);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, u"Exported 2 labels of %1 to “%2”.\n"_s.arg(cue, exported));
    QCOMPARE(readFile(exported),
        u"12.500000\t12.500000\tfanfare\n72.347000\t80.500000\tthe March in the horns\n"_s);
}

void tst_ExchangeCommand::importBadLabelsChangesNothing()
{
    const QProcessEnvironment environment = exchangeEnvironment(u"badlabels"_s);
    const QString cue = u"star-trek-picard/main-title"_s;
    const QString labels = writeFile(u"badlabels/bad.txt"_s,
        "1.0\t2.0\tgood\n-3\t4\tnegative\n5\t4\tbackwards\n6\tseven\n8\t9\tca\xf1on\n");
    Result result = run({u"--import-labels"_s, cue, labels}, environment);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    QCOMPARE(result.err,
        u"%1:2: the start, -3, is negative (expected seconds from the start of the cue)\n"
        "%1:3: the end, 4, is before the start, 5\n"
        "%1:4: 2 columns (expected 3: start, end and label, separated by tabs)\n"
        "%1:5: not UTF-8 text (label files are UTF-8)\n"
        "“%1” was not imported: it has 4 faults. Nothing was changed.\n"_s.arg(labels));
    const QString exported = m_dir.filePath(u"badlabels/after.txt"_s);
    result = run({u"--export-labels"_s, cue, exported}, environment);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, u"Exported 0 labels of %1 to “%2”.\n"_s.arg(cue, exported));
    QCOMPARE(readFile(exported), QString());
}

void tst_ExchangeCommand::labelsNeedAKnownCue()
{
    const QProcessEnvironment environment = exchangeEnvironment(u"unknown"_s);
    const QString labels = writeFile(u"unknown/labels.txt"_s, "1\t2\tx\n");
    Result result
        = run({u"--import-labels"_s, u"star-trek-picard/no-such-cue"_s, labels}, environment);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.err,
        u"star-trek-picard/no-such-cue: “Star Trek: Picard” has no cue “no-such-cue”\n"_s);
    result = run({u"--export-labels"_s, u"voyager/main-title"_s, labels}, environment);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.err,
        u"voyager/main-title: no catalog “voyager” is open (the bundled one, a --catalog FILE, "
        "or one the window had open)\n"_s);
    QCOMPARE(readFile(labels), u"1\t2\tx\n"_s);
    result = run({u"--export-labels"_s, u"main-title"_s, labels}, environment);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.err, u"main-title: not a cue (expected CATALOG_ID/CUE_ID)\n"_s);
    QVERIFY(!QFileInfo::exists(environment.value(u"CUEBOOK_USER_DATABASE"_s)));

    // A catalog named on the command line is known.
    const QString voyager = writeFile(u"unknown/voyager.json"_s, VoyagerCatalog);
    result = run({u"--catalog"_s, voyager, u"--import-labels"_s, u"voyager/main-title"_s, labels},
        environment);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.exitCode, 0);
}

// The catalogs the window had open when it last closed are known too.
void tst_ExchangeCommand::labelsOfACatalogOfTheLastSession()
{
    const QProcessEnvironment environment = exchangeEnvironment(u"session"_s);
    const QString voyager = writeFile(u"session/voyager.json"_s, VoyagerCatalog);
    writeFile(
        u"session/config/Cuebook/Cuebook.conf"_s, "[catalogs]\nfiles=" + voyager.toUtf8() + "\n");
    const QString labels = writeFile(u"session/labels.txt"_s, "1\t2\tx\n");
    Result result = run({u"--import-labels"_s, u"voyager/main-title"_s, labels}, environment);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.exitCode, 0);

    // Gone since: said, and its cues are unknown.
    QVERIFY(QFile::remove(voyager));
    result = run({u"--import-labels"_s, u"voyager/main-title"_s, labels}, environment);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.startsWith(u"%1: a catalog of the window's last session could not be "
                                   "read: its cues are named by id ("_s.arg(voyager)),
        qPrintable(result.err));
    QVERIFY2(result.err.endsWith(u"voyager/main-title: no catalog “voyager” is open (the bundled "
                                 "one, a --catalog FILE, or one the window had open)\n"_s),
        qPrintable(result.err));
}

void tst_ExchangeCommand::exchangeUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("export without a file")
        << QStringList {u"--export-notes"_s} << u"Missing value after '--export-notes'."_s;
    QTest::newRow("labels without a file")
        << QStringList {u"--import-labels"_s, u"star-trek-picard/main-title"_s}
        << u"--import-labels CATALOG_ID/CUE_ID needs one label FILE after it."_s;
    QTest::newRow("two files") << QStringList {u"--import-notes"_s, u"a.json"_s,
        u"b.json"_s} << u"Unexpected argument \"b.json\"; --import-notes takes one FILE."_s;
    QTest::newRow("two commands") << QStringList {u"--import-notes"_s, u"a.json"_s,
        u"--export-notes"_s, u"b.json"_s}
                                  << u"--export-notes and --import-notes do not go together."_s;
    QTest::newRow("only without export")
        << QStringList {u"--import-notes"_s, u"a.json"_s, u"--only"_s, u"star-trek-picard"_s}
        << u"--only goes with --export-notes FILE."_s;
}

void tst_ExchangeCommand::exchangeUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = run(arguments, exchangeEnvironment(u"usage"_s));
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.out, QString());
    QCOMPARE(result.err, message + u"\nTry \"cuebook --help\".\n"_s);
}

QTEST_GUILESS_MAIN(tst_ExchangeCommand)
#include "tst_exchangecommand.moc"
