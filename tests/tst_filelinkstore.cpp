#include "userdata/filelinkstore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace UserDataFixtures;

class tst_FileLinkStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void linkSurvivesReopen();
    void severalFilesPreferLossless();
    void userChoosesThePreferredFile();
    void preferredFileSkipsMissingFiles();
    void relinkKeepsAddedAtAndPreference();
    void unlinkAndSignals();
    void fileStates();
    void storeTenThousandLinksInOneTransaction();
    void relinkMovedFile();
    void relinkMergesWithTheLinkAlreadyThere();
    void aFailedLinkStoresNoneOfTheBatch();

private:
    QString path(const QString &name = u"userdata.sqlite"_s) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_FileLinkStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_FileLinkStore::linkSurvivesReopen()
{
    {
        UserDatabase db;
        QVERIFY(db.open(path()));
        FileLinkStore &store = *db.fileLinks();
        QVERIFY(store.linkFile(link(u"main-title"_s, u"/music/01 Main Title.flac"_s)));
    }
    UserDatabase db;
    QVERIFY(db.open(path()));
    FileLinkStore &store = *db.fileLinks();
    const QList<FileLink> links = store.links({Picard, u"main-title"_s});
    QCOMPARE(links.size(), 1);
    const FileLink &stored = links.first();
    QCOMPARE(stored.cue, (CueKey {Picard, u"main-title"_s}));
    compareFiles(stored.file, link(u"main-title"_s, u"/music/01 Main Title.flac"_s).file);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(stored.format, u"flac"_s);
    QVERIFY(stored.addedAt.isValid());
    QVERIFY(!stored.isPreferred);
    QVERIFY(store.links({Picard, u"end-title"_s}).isEmpty());
    QVERIFY(store.links({u"other-catalog"_s, u"main-title"_s}).isEmpty());
}

void tst_FileLinkStore::severalFilesPreferLossless()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    FileLinkStore &store = *db.fileLinks();
    // Linked in the worst order: the MP3 first, then the WAV, then the FLAC.
    QVERIFY(store.linkFile(link(u"main-title"_s, u"/music/mp3/01.mp3"_s)));
    QVERIFY(store.linkFile(link(u"main-title"_s, u"/music/wav/01.wav"_s)));
    QVERIFY(store.linkFile(link(u"main-title"_s, u"/music/flac/01.FLAC"_s)));
    const QList<FileLink> links = store.links({Picard, u"main-title"_s});
    QCOMPARE(links.size(), 3);
    QCOMPARE(links.at(0).format, u"flac"_s);
    QCOMPARE(links.at(1).format, u"wav"_s);
    QCOMPARE(links.at(2).format, u"mp3"_s);
    // None exists on disk: the best of them, for the caller to report missing.
    const auto preferred = store.preferredFile({Picard, u"main-title"_s});
    QVERIFY(preferred);
    QCOMPARE(preferred->file.path, u"/music/flac/01.FLAC"_s);
    QVERIFY(!store.preferredFile({Picard, u"end-title"_s}));
}

void tst_FileLinkStore::userChoosesThePreferredFile()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    FileLinkStore &store = *db.fileLinks();
    QVERIFY(store.linkFile(link(u"main-title"_s, u"/music/01.flac"_s)));
    QVERIFY(store.linkFile(link(u"main-title"_s, u"/music/01.mp3"_s)));
    QVERIFY(store.linkFile(link(u"main-title"_s, u"/music/01.ogg"_s)));
    QSignalSpy changed(&store, &FileLinkStore::linksChanged);
    QVERIFY(store.setPreferredFile({Picard, u"main-title"_s}, u"/music/01.mp3"_s));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(store.preferredFile({Picard, u"main-title"_s})->file.path, u"/music/01.mp3"_s);
    // Choosing another moves the choice: never two preferred files for one cue.
    QVERIFY(store.setPreferredFile({Picard, u"main-title"_s}, u"/music/01.ogg"_s));
    const QList<FileLink> links = store.links({Picard, u"main-title"_s});
    QCOMPARE(links.at(0).file.path, u"/music/01.ogg"_s);
    QVERIFY(links.at(0).isPreferred);
    QCOMPARE(std::count_if(
                 links.cbegin(), links.cend(), [](const FileLink &l) { return l.isPreferred; }),
        1);
    // A path the cue does not have is refused, and the choice stays.
    QVERIFY(!store.setPreferredFile({Picard, u"main-title"_s}, u"/music/elsewhere.flac"_s));
    QVERIFY(db.errorString().contains(u"/music/elsewhere.flac"_s));
    QCOMPARE(store.preferredFile({Picard, u"main-title"_s})->file.path, u"/music/01.ogg"_s);
    // Linked again by a scan, the file keeps being the user's choice.
    QVERIFY(store.linkFile(link(u"main-title"_s, u"/music/01.ogg"_s)));
    QCOMPARE(store.preferredFile({Picard, u"main-title"_s})->file.path, u"/music/01.ogg"_s);
    // And a link can ask to be the preferred one.
    FileLink wav = link(u"main-title"_s, u"/music/01.wav"_s);
    wav.isPreferred = true;
    QVERIFY(store.linkFile(wav));
    QCOMPARE(store.preferredFile({Picard, u"main-title"_s})->file.path, u"/music/01.wav"_s);
}

void tst_FileLinkStore::preferredFileSkipsMissingFiles()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    FileLinkStore &store = *db.fileLinks();
    const QString mp3 = path(u"01.mp3"_s);
    QFile file(mp3);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(store.linkFile(link(u"main-title"_s, path(u"gone.flac"_s))));
    QVERIFY(store.linkFile(link(u"main-title"_s, mp3)));
    QCOMPARE(store.preferredFile({Picard, u"main-title"_s})->file.path, mp3);
}

void tst_FileLinkStore::relinkKeepsAddedAtAndPreference()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    FileLinkStore &store = *db.fileLinks();
    QVERIFY(store.linkFile(link(u"main-title"_s, u"/music/01.mp3"_s)));
    QVERIFY(store.setPreferredFile({Picard, u"main-title"_s}, u"/music/01.mp3"_s));
    const QDateTime addedAt = store.links({Picard, u"main-title"_s}).first().addedAt;
    FileLink updated = link(u"main-title"_s, u"/music/01.mp3"_s);
    updated.file.size = 999;
    updated.file.durationMs = 104'000;
    QVERIFY(store.linkFile(updated));
    const QList<FileLink> links = store.links({Picard, u"main-title"_s});
    QCOMPARE(links.size(), 1);
    QCOMPARE(links.first().file.size, 999);
    QCOMPARE(links.first().file.durationMs, 104'000);
    QCOMPARE(links.first().addedAt, addedAt);
    QVERIFY(links.first().isPreferred);
}

void tst_FileLinkStore::unlinkAndSignals()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    FileLinkStore &store = *db.fileLinks();
    QSignalSpy changed(&store, &FileLinkStore::linksChanged);
    QVERIFY(store.linkFile(link(u"main-title"_s, u"/music/01.flac"_s)));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<CueKey>(), (CueKey {Picard, u"main-title"_s}));
    QVERIFY(store.unlinkFile({Picard, u"main-title"_s}, u"/music/01.flac"_s));
    QCOMPARE(changed.count(), 2);
    QVERIFY(store.links({Picard, u"main-title"_s}).isEmpty());
    // Nothing to unlink: no change, no signal.
    QVERIFY(store.unlinkFile({Picard, u"main-title"_s}, u"/music/01.flac"_s));
    QCOMPARE(changed.count(), 2);
}

void tst_FileLinkStore::fileStates()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    FileLinkStore &store = *db.fileLinks();
    const QString present = path(u"present.flac"_s);
    QFile file(present);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(store.linkFile(link(u"linked"_s, present)));
    QVERIFY(store.linkFile(link(u"linked"_s, path(u"gone.mp3"_s))));
    QVERIFY(store.linkFile(link(u"missing"_s, path(u"gone.flac"_s))));
    QVERIFY(store.linkFile(link(u"missing"_s, path(u"gone.ogg"_s))));

    QCOMPARE(store.fileState({Picard, u"linked"_s}), FileState::Linked);
    QCOMPARE(store.fileState({Picard, u"missing"_s}), FileState::Missing);
    QCOMPARE(store.fileState({Picard, u"unlinked"_s}), FileState::None);

    // From the table alone: every cue with a link counts as linked.
    const auto fromTable = store.fileStates();
    QCOMPARE(fromTable.size(), 2);
    QCOMPARE(fromTable.value({Picard, u"missing"_s}), FileState::Linked);

    const auto paths = store.linkedPaths();
    QCOMPARE(paths.value({Picard, u"linked"_s}).size(), 2);
    const auto onDisk = FileLinkStore::fileStatesOnDisk(paths);
    QCOMPARE(onDisk.value({Picard, u"linked"_s}), FileState::Linked);
    QCOMPARE(onDisk.value({Picard, u"missing"_s}), FileState::Missing);
}

void tst_FileLinkStore::storeTenThousandLinksInOneTransaction()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    FileLinkStore &store = *db.fileLinks();
    QList<FileLink> links;
    for (int i = 0; i < 10'000; ++i)
        links.append(link(u"cue-%1"_s.arg(i / 2), u"/music/album/%1.flac"_s.arg(i)));
    QSignalSpy changed(&store, &FileLinkStore::linksChanged);
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(store.storeLinks(links), qPrintable(db.errorString()));
    qInfo("store_links_10000_ms: %lld", timer.elapsed());
    // One signal per cue, not per link.
    QCOMPARE(changed.count(), 5000);
    QCOMPARE(store.allLinks().size(), 10'000);
    const QList<FileLink> two = store.links({Picard, u"cue-4321"_s});
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

void tst_FileLinkStore::relinkMovedFile()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    FileLinkStore &store = *db.fileLinks();
    QVERIFY(store.linkFile(link(u"main-title"_s, u"/old/01.flac"_s)));
    QVERIFY(store.linkFile(link(u"end-title"_s, u"/old/01.flac"_s)));
    QVERIFY(store.linkFile(link(u"end-title"_s, u"/old/02.mp3"_s)));
    AudioFileInfo moved = link(u"main-title"_s, u"/new/01 Main Title.flac"_s).file;
    moved.size = 4321;
    moved.mtime = 1'800'000'000'000;
    moved.title = u"Main Title (retagged)"_s;
    QSignalSpy changed(&store, &FileLinkStore::linksChanged);
    QVERIFY(store.relinkMovedFile(u"/old/01.flac"_s, moved));
    QCOMPARE(changed.count(), 2);
    const QList<FileLink> main = store.links({Picard, u"main-title"_s});
    QCOMPARE(main.size(), 1);
    compareFiles(main.first().file, moved);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(store.links({Picard, u"end-title"_s}).size(), 2);
    QCOMPARE(store.links({Picard, u"end-title"_s}).first().file.path, moved.path);
}

void tst_FileLinkStore::relinkMergesWithTheLinkAlreadyThere()
{
    // What a scan of a renamed folder left before moves were followed: each cue linked to its
    // old path (gone, and the user's choice for main-title) and to the new one.
    UserDatabase db;
    QVERIFY(db.open(path()));
    FileLinkStore &store = *db.fileLinks();
    QVERIFY(store.linkFile(link(u"main-title"_s, u"/old/01.flac"_s)));
    QVERIFY(store.linkFile(link(u"main-title"_s, u"/old/01.mp3"_s)));
    QVERIFY(store.linkFile(link(u"main-title"_s, u"/new/01.flac"_s)));
    QVERIFY(store.setPreferredFile({Picard, u"main-title"_s}, u"/old/01.flac"_s));
    QVERIFY(store.linkFile(link(u"end-title"_s, u"/old/02.flac"_s)));
    FileLink endTitle = link(u"end-title"_s, u"/new/02.flac"_s);
    endTitle.isPreferred = true;
    QVERIFY(store.linkFile(endTitle));
    const QDateTime oldAddedAt = store.links({Picard, u"end-title"_s}).constLast().addedAt;

    QSignalSpy changed(&store, &FileLinkStore::linksChanged);
    QVERIFY(store.relinkMovedFiles({{u"/old/01.flac"_s, link(u"x"_s, u"/new/01.flac"_s).file},
        {u"/old/02.flac"_s, link(u"x"_s, u"/new/02.flac"_s).file}}));
    QCOMPARE(changed.count(), 2);
    // One link per path; the preference of either link is kept.
    const QList<FileLink> main = store.links({Picard, u"main-title"_s});
    QCOMPARE(main.size(), 2);
    QCOMPARE(main.at(0).file.path, u"/new/01.flac"_s);
    QVERIFY(main.at(0).isPreferred);
    QCOMPARE(main.at(1).file.path, u"/old/01.mp3"_s);
    const QList<FileLink> end = store.links({Picard, u"end-title"_s});
    QCOMPARE(end.size(), 1);
    QCOMPARE(end.at(0).file.path, u"/new/02.flac"_s);
    QVERIFY(end.at(0).isPreferred);
    QCOMPARE(end.at(0).addedAt, oldAddedAt);
}

void tst_FileLinkStore::aFailedLinkStoresNoneOfTheBatch()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    FileLinkStore &store = *db.fileLinks();
    // Another connection makes the 5,000th link fail, as a full disk would half way.
    QVERIFY(runSql(path(), {uR"(CREATE TRIGGER refuse_link BEFORE INSERT ON file_links
            WHEN NEW.path = '/music/4999.flac' BEGIN SELECT RAISE(ABORT, 'disk full'); END)"_s}));
    QList<FileLink> links;
    for (int i = 0; i < 10'000; ++i)
        links.append(link(u"cue-%1"_s.arg(i), u"/music/%1.flac"_s.arg(i)));
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QSignalSpy changed(&store, &FileLinkStore::linksChanged);
    QVERIFY(!store.storeLinks(links));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains(u"disk full"_s), qPrintable(db.errorString()));
    QCOMPARE(db.errorString(), errors.at(0).at(0).toString());
    QCOMPARE(changed.count(), 0);
    QVERIFY(store.allLinks().isEmpty());
    QVERIFY2(db.errorString().contains(u"10000 audio file links"_s), qPrintable(db.errorString()));
}

QTEST_GUILESS_MAIN(tst_FileLinkStore)
#include "tst_filelinkstore.moc"
