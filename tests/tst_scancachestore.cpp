#include "userdata/scancachestore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace UserDataFixtures;

class tst_ScanCacheStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void knownFilesForRescans();

private:
    QString path(const QString &name = u"userdata.sqlite"_s) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_ScanCacheStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_ScanCacheStore::knownFilesForRescans()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    ScanCacheStore &store = *db.scanCache();
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
    QVERIFY2(store.storeKnownFiles(u"/music/"_s, {a, b, locked}), qPrintable(db.errorString()));
    QCOMPARE(store.scanFolders(), QStringList {u"/music"_s});

    auto known = store.knownFiles(u"/music"_s);
    QCOMPARE(known.size(), 3);
    compareFiles(known.value(a.path), a);
    compareFiles(known.value(b.path), b);
    compareFiles(known.value(locked.path), locked);
    if (QTest::currentTestFailed())
        return;

    // A rescan's list replaces the last one.
    QVERIFY(store.storeKnownFiles(u"/music"_s, {b}));
    known = store.knownFiles(u"/music"_s);
    QCOMPARE(known.keys(), QList<QString> {b.path});
    QVERIFY(store.knownFiles(u"/elsewhere"_s).isEmpty());

    QVERIFY(store.removeScanFolder(u"/music"_s));
    QVERIFY(store.scanFolders().isEmpty());
    QVERIFY(store.knownFiles(u"/music"_s).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ScanCacheStore)
#include "tst_scancachestore.moc"
