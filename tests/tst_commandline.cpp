#include "audiofolder.h"
#include "cuebookprocess.h"
#include "testcatalogs.h"
#include "testfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Runs the real cuebook executable, as a user or a script would.
class tst_CommandLine : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void version();
    void help();
    void checkValidFile();
    void checkBundledCatalog();
    void checkInvalidFileListsEveryFault();
    void checkSeveralFilesFailsIfAnyFails();
    void checkMissingFile();
    void checkPrintsWarningsAndStillPasses();
    void checkInvalidFixtures_data();
    void checkInvalidFixtures();
    void checkWithoutFiles();
    void unknownOption();
    void runsWithoutDisplay();
    void scanFolder();
    void scanFolderDryRun();
    void scanRenamedFolder();
    void scanMissingFolder();
    void scanFolderWithoutDir();
    void scanUnusableDatabase();

private:
    using Result = CuebookProcess::Result;
    static Result run(const QStringList &arguments, const QProcessEnvironment &environment = {})
    {
        return CuebookProcess::run(QStringLiteral(CUEBOOK_EXECUTABLE), arguments, environment);
    }
    QString writeFile(const QString &name, const QByteArray &contents);
    // Three files of the Picard Chapter 1 album, one of an album no catalog holds, and an empty
    // FLAC, under a new folder named name; empty when sox is missing.
    QString writeMusicFolder(const QString &name);
    QProcessEnvironment environmentWithDatabase(const QString &path) const;

    QTemporaryDir m_dir;
};

namespace {

const QByteArray ValidCatalog = R"({
  "format": "cuebook-catalog", "version": 1, "id": "tiny", "title": "Tiny",
  "sources": [ { "id": "review", "kind": "review", "title": "A review" } ],
  "themes": [ { "id": "march", "name": "Star Trek March" } ],
  "cues": [ { "id": "main-title", "title": "Main Title" } ],
  "releases": [ { "id": "album", "title": "Album", "tracks": [
      { "number": 1, "title": "Main Title", "duration": "1:43", "cue": "main-title" },
      { "number": 2, "title": "End Title", "duration": "1:44" } ] } ],
  "occurrences": [ { "theme": "march", "cue": "main-title", "kind": "quotation", "position": "ending" } ],
  "excerpts": [ { "id": "one", "source": "review", "text": "Stunning.", "cues": ["main-title"] } ]
}
)";

const QByteArray CatalogWithTwoFaults = R"({
  "format": "cuebook-catalog", "version": 1, "id": "broken", "title": "Broken",
  "cues": [ { "id": "main-title", "title": "Main Title" } ],
  "releases": [ { "id": "album", "title": "Album", "tracks": [
      { "number": 1, "title": "Main Title", "duration": "1:7x", "cue": "main-title" } ] } ],
  "occurrences": [ { "theme": "romulan", "cue": "main-title" } ]
}
)";

} // namespace

void tst_CommandLine::init()
{
    QVERIFY(m_dir.isValid());
}

QString tst_CommandLine::writeFile(const QString &name, const QByteArray &contents)
{
    return TestFiles::writeFile(m_dir.filePath(name), contents);
}

void tst_CommandLine::version()
{
    const Result result = run({u"--version"_s});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, u"cuebook %1\n"_s.arg(QStringLiteral(CUEBOOK_VERSION)));
    QCOMPARE(result.err, QString());
}

void tst_CommandLine::help()
{
    const Result result = run({u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith(u"Usage: "_s), qPrintable(result.out));
    for (const QString &option :
        {u"--check-catalog"_s, u"--catalog <FILE>"_s, u"--version"_s, u"--scan-folder <DIR>"_s,
            u"--dry-run"_s, u"CUEBOOK_USER_DATABASE"_s, u"--export-notes <FILE>"_s,
            u"--import-notes <FILE>"_s, u"--export-labels <CATALOG_ID/CUE_ID>"_s,
            u"--import-labels <CATALOG_ID/CUE_ID>"_s, u"--only <CATALOG_ID[/CUE_ID]>"_s})
        QVERIFY2(result.out.contains(option), qPrintable(option));
}

void tst_CommandLine::checkValidFile()
{
    const QString path = writeFile(u"tiny.json"_s, ValidCatalog);
    const Result result = run({u"--check-catalog"_s, path});
    QCOMPARE(result.err, QString());
    // The implicit cue of track 2 counts as a cue.
    QCOMPARE(result.out,
        u"%1: 1 releases, 2 tracks, 2 cues, 1 themes, 1 occurrences, 1 excerpts\n"_s.arg(path));
    QCOMPARE(result.exitCode, 0);
}

void tst_CommandLine::checkBundledCatalog()
{
    const QString path = TestCatalogs::bundledPath();
    const Result result = run({u"--check-catalog"_s, path});
    QCOMPARE(result.err, QString());
    QVERIFY2(result.out.startsWith(path + u": 3 releases, 84 tracks, "_s), qPrintable(result.out));
    QCOMPARE(result.exitCode, 0);
}

void tst_CommandLine::checkInvalidFileListsEveryFault()
{
    const QString path = writeFile(u"broken.json"_s, CatalogWithTwoFaults);
    const Result result = run({u"--check-catalog"_s, path});
    QCOMPARE(result.out, QString());
    QCOMPARE(result.err,
        u"%1: releases[0].tracks[0].duration: \"1:7x\" is not a time (expected m:ss)\n"
        "%1: occurrences[0].theme: no theme \"romulan\"\n"_s.arg(path));
    QCOMPARE(result.exitCode, 1);
}

void tst_CommandLine::checkSeveralFilesFailsIfAnyFails()
{
    const QString valid = writeFile(u"tiny.json"_s, ValidCatalog);
    const QString broken = writeFile(u"broken.json"_s, CatalogWithTwoFaults);
    const Result result = run({u"--check-catalog"_s, valid, broken, valid});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out.count(u'\n'), 2);
    QVERIFY(result.out.startsWith(valid + u": 1 releases"_s));
    QCOMPARE(result.err.count(u'\n'), 2);

    QCOMPARE(run({u"--check-catalog"_s, valid, valid}).exitCode, 0);
}

void tst_CommandLine::checkMissingFile()
{
    const QString path = m_dir.filePath(u"nowhere.json"_s);
    const Result result = run({u"--check-catalog"_s, path});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    QVERIFY2(result.err.startsWith(path + u": "_s), qPrintable(result.err));
    QCOMPARE(result.err.count(u'\n'), 1);
}

void tst_CommandLine::checkPrintsWarningsAndStillPasses()
{
    QByteArray contents = ValidCatalog;
    contents.replace("\"title\": \"Tiny\",", "\"title\": \"Tiny\", \"editor\": \"me\",");
    const QString path = writeFile(u"newer.json"_s, contents);
    const Result result = run({u"--check-catalog"_s, path});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.startsWith(path + u": editor: "_s), qPrintable(result.err));
    QVERIFY(result.err.contains(u"unknown key"_s));
    QVERIFY(result.out.startsWith(path + u": 1 releases"_s));
}

void tst_CommandLine::checkInvalidFixtures_data()
{
    QTest::addColumn<QString>("catalog");
    QTest::addColumn<QString>("expected");
    const QDir folder(QFINDTESTDATA("data/catalogs/invalid"));
    const QStringList catalogs = folder.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(catalogs.size() >= 5);
    for (const QString &name : catalogs) {
        QFile expected(folder.filePath(QFileInfo(name).completeBaseName() + u".expected"_s));
        QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(expected.fileName()));
        QTest::newRow(qPrintable(name))
            << folder.filePath(name) << QString::fromUtf8(expected.readAll());
    }
}

// The fixtures' .expected files hold the reader's exact messages, "{file}" for the path.
void tst_CommandLine::checkInvalidFixtures()
{
    QFETCH(QString, catalog);
    QFETCH(QString, expected);
    const Result result = run({u"--check-catalog"_s, catalog});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    QCOMPARE(result.err.trimmed(), expected.replace(u"{file}"_s, catalog).trimmed());
}

void tst_CommandLine::checkWithoutFiles()
{
    const Result result = run({u"--check-catalog"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(u"needs at least one catalog FILE"_s));
}

void tst_CommandLine::unknownOption()
{
    const Result result = run({u"--frobnicate"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"frobnicate"_s), qPrintable(result.err));
    QVERIFY(result.err.contains(u"--help"_s));
}

void tst_CommandLine::runsWithoutDisplay()
{
    // No platform plugin that could work: a headless command must never need one.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"WAYLAND_DISPLAY"_s);
    environment.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    const QString path = writeFile(u"tiny.json"_s, ValidCatalog);
    const Result result = run({u"--check-catalog"_s, path}, environment);
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith(path));
}

QString tst_CommandLine::writeMusicFolder(const QString &name)
{
    if (!AudioFolder::hasSox())
        return {};
    const QString root = m_dir.filePath(name);
    const QString picard = root + u"/picard"_s;
    const QString discovery = root + u"/discovery"_s;
    if (!QDir().mkpath(picard) || !QDir().mkpath(discovery))
        qFatal("cannot create %s", qPrintable(root));
    const QString picardAlbum
        = u"Star Trek: Picard – Season 1, Chapter 1 (Original Series Soundtrack)"_s;
    struct File
    {
        QString path;
        qint64 durationMs;
        AudioFolder::Tags tags;
    };
    const QList<File> files = {
        {picard + u"/01 Star Trek Picard Main Title.flac"_s, 103'000,
            {u"Star Trek Picard Main Title"_s, picardAlbum, u"Jeff Russo"_s, u"Jeff Russo"_s, {},
                1}},
        {picard + u"/09 Twins.flac"_s, 255'000,
            {u"Twins"_s, picardAlbum, u"Jeff Russo"_s, u"Jeff Russo"_s, {}, 9}},
        {picard + u"/18 Mystery Ship.flac"_s, 190'000,
            {u"Mystery Ship"_s, picardAlbum, u"Jeff Russo"_s, u"Jeff Russo"_s, {}, 18}},
        {discovery + u"/01 Main Title.flac"_s, 103'000,
            {u"Main Title"_s, u"Star Trek: Discovery Season 2"_s, u"Jeff Russo"_s, u"Jeff Russo"_s,
                {}, 1}},
    };
    int frequency = 220;
    for (const File &file : files) {
        if (!AudioFolder::encode(file.path, file.durationMs, frequency += 110)
            || !AudioFolder::writeTags(file.path, file.tags))
            qFatal("cannot write %s", qPrintable(file.path));
    }
    TestFiles::writeFile(root + u"/empty.flac"_s);
    return root;
}

QProcessEnvironment tst_CommandLine::environmentWithDatabase(const QString &path) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"CUEBOOK_USER_DATABASE"_s, path);
    return environment;
}

void tst_CommandLine::scanFolder()
{
    const QString folder = writeMusicFolder(u"music"_s);
    if (folder.isEmpty())
        QFAIL("sox is not installed: these tests generate their audio with it "
              "(apt-get install sox libsox-fmt-all)");
    const QString database = m_dir.filePath(u"scan/userdata.sqlite"_s);
    const QProcessEnvironment environment = environmentWithDatabase(database);

    // Walk order: a folder's files (sorted by name) before its subfolders.
    const QString expectedOut = u"unreadable\t%1/empty.flac\t%2\n"
                                "unmatched\t%1/discovery/01 Main Title.flac\n"
                                "linked\t%1/picard/01 Star Trek Picard Main Title.flac\t"
                                "star-trek-picard/main-title\n"
                                "linked\t%1/picard/09 Twins.flac\tstar-trek-picard/twins\n"
                                "linked\t%1/picard/18 Mystery Ship.flac\t"
                                "star-trek-picard/mystery-ship\n"_s;
    Result result = run({u"--scan-folder"_s, folder}, environment);
    QCOMPARE(result.exitCode, 0);
    const QString reason = result.out.section(u'\n', 0, 0).section(u'\t', 2);
    QVERIFY2(!reason.isEmpty(), qPrintable(result.out));
    QCOMPARE(result.out, expectedOut.arg(folder, reason));
    QCOMPARE(result.err,
        u"Scanned 5 audio files in %1: 3 linked, 0 moved, 0 ambiguous, 1 unmatched, "
        "1 unreadable (0 unchanged since the last scan); links stored in %2\n"_s.arg(
            folder, database));
    QVERIFY(QFileInfo::exists(database));

    // A rescan opens none of the readable files again (the scanner retries unreadable ones: a
    // permission may have changed without the mtime), and finds the same.
    result = run({u"--scan-folder"_s, folder}, environment);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, expectedOut.arg(folder, reason));
    QCOMPARE(result.err,
        u"Scanned 5 audio files in %1: 3 linked, 0 moved, 0 ambiguous, 1 unmatched, "
        "1 unreadable (4 unchanged since the last scan); links stored in %2\n"_s.arg(
            folder, database));
}

void tst_CommandLine::scanFolderDryRun()
{
    const QString folder = writeMusicFolder(u"dry"_s);
    if (folder.isEmpty())
        QFAIL("sox is not installed: these tests generate their audio with it "
              "(apt-get install sox libsox-fmt-all)");
    const QString database = m_dir.filePath(u"dry-run/userdata.sqlite"_s);
    const Result result
        = run({u"--scan-folder"_s, folder, u"--dry-run"_s}, environmentWithDatabase(database));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.count(u'\n'), 5);
    QVERIFY2(result.out.contains(
                 u"linked\t%1/picard/09 Twins.flac\tstar-trek-picard/twins\n"_s.arg(folder)),
        qPrintable(result.out));
    QCOMPARE(result.err,
        u"Scanned 5 audio files in %1: 3 linked, 0 moved, 0 ambiguous, 1 unmatched, "
        "1 unreadable (0 unchanged since the last scan); links not stored "
        "(--dry-run)\n"_s.arg(folder));
    QVERIFY(!QFileInfo::exists(database));
    QVERIFY(!QFileInfo::exists(QFileInfo(database).path()));
}

void tst_CommandLine::scanRenamedFolder()
{
    const QString before = writeMusicFolder(u"renamed"_s);
    if (before.isEmpty())
        QFAIL("sox is not installed: these tests generate their audio with it "
              "(apt-get install sox libsox-fmt-all)");
    const QString after = m_dir.filePath(u"renamed again"_s);
    const QString database = m_dir.filePath(u"renamed-db/userdata.sqlite"_s);
    const QProcessEnvironment environment = environmentWithDatabase(database);
    Result result = run({u"--scan-folder"_s, before}, environment);
    QCOMPARE(result.exitCode, 0);
    const QString reason = result.out.section(u'\n', 0, 0).section(u'\t', 2);

    // The linked files are found again under the new name: their links follow them.
    QVERIFY(QDir().rename(before, after));
    result = run({u"--scan-folder"_s, after}, environment);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out,
        u"unreadable\t%2/empty.flac\t%3\n"
        "unmatched\t%2/discovery/01 Main Title.flac\n"
        "moved\t%1/picard/01 Star Trek Picard Main Title.flac\t"
        "%2/picard/01 Star Trek Picard Main Title.flac\n"
        "moved\t%1/picard/09 Twins.flac\t%2/picard/09 Twins.flac\n"
        "moved\t%1/picard/18 Mystery Ship.flac\t%2/picard/18 Mystery Ship.flac\n"_s.arg(
            before, after, reason));
    QCOMPARE(result.err,
        u"Scanned 5 audio files in %1: 0 linked, 3 moved, 0 ambiguous, 1 unmatched, "
        "1 unreadable (0 unchanged since the last scan); links stored in %2\n"_s.arg(
            after, database));

    // Moved once: a rescan finds them linked where they are.
    result = run({u"--scan-folder"_s, after}, environment);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(!result.out.contains(u"moved"_s), qPrintable(result.out));
    QVERIFY2(result.out.contains(
                 u"linked\t%1/picard/09 Twins.flac\tstar-trek-picard/twins\n"_s.arg(after)),
        qPrintable(result.out));
}

void tst_CommandLine::scanMissingFolder()
{
    const QString folder = m_dir.filePath(u"nowhere"_s);
    const QString database = m_dir.filePath(u"missing/userdata.sqlite"_s);
    const Result result = run({u"--scan-folder"_s, folder}, environmentWithDatabase(database));
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    QCOMPARE(result.err, u"%1: no such folder\n"_s.arg(folder));
    QVERIFY(!QFileInfo::exists(database));
}

void tst_CommandLine::scanFolderWithoutDir()
{
    Result result = run({u"--scan-folder"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"scan-folder"_s), qPrintable(result.err));
    QCOMPARE(result.out, QString());

    result = run({u"--dry-run"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"--scan-folder DIR"_s), qPrintable(result.err));
}

void tst_CommandLine::scanUnusableDatabase()
{
    // A database that is not one is refused and left as it was.
    const QByteArray notADatabase = "not a database, just text\n";
    const QString database = writeFile(u"notadatabase.sqlite"_s, notADatabase);
    const QString folder = m_dir.filePath(u"emptyfolder"_s);
    QVERIFY(QDir().mkpath(folder));
    const Result result = run({u"--scan-folder"_s, folder}, environmentWithDatabase(database));
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    QVERIFY2(result.err.startsWith(database + u": the user database cannot be opened: "_s),
        qPrintable(result.err));
    QFile file(database);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), notADatabase);
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
