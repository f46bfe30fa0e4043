#include "covers/covercache.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Kind = CoverCache::SourceKind;

class tst_CoverCache : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void storedEntryIsFound();
    void entryWithoutImageSaysSo();
    void changedSourceIsStale();
    void otherSizeOrKindIsAnotherEntry();
    void untrustworthyEntryIsNotFound_data();
    void untrustworthyEntryIsNotFound();
    void storeReplacesCorruptEntry();
    void failedWriteWarnsOnce();

private:
    CacheRecord::SourceFile source() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_sourcePath;
    std::unique_ptr<CoverCache> m_cache;
};

void tst_CoverCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sourcePath = TestFiles::writeFile(m_dir->filePath(u"music/cover.jpg"_s), "not really a JPEG");
    m_cache = std::make_unique<CoverCache>(m_dir->filePath(u"cache/covers"_s));
}

CacheRecord::SourceFile tst_CoverCache::source() const
{
    const std::optional<CacheRecord::SourceFile> found = CacheRecord::sourceFile(m_sourcePath);
    if (!found)
        qFatal("the source file of the test is gone");
    return *found;
}

void tst_CoverCache::storedEntryIsFound()
{
    QVERIFY(!m_cache->find(Kind::ImageFile, source(), 144));
    QVERIFY(m_cache->store(Kind::ImageFile, source(), 144, "encoded image"));
    QCOMPARE(
        m_cache->find(Kind::ImageFile, source(), 144), std::optional<QByteArray>("encoded image"));
    // Another instance on the same folder (the next start) finds it too.
    const CoverCache again(m_cache->folder());
    QCOMPARE(
        again.find(Kind::ImageFile, source(), 144), std::optional<QByteArray>("encoded image"));
}

void tst_CoverCache::entryWithoutImageSaysSo()
{
    QVERIFY(m_cache->store(Kind::EmbeddedArt, source(), 144, {}));
    const std::optional<QByteArray> found = m_cache->find(Kind::EmbeddedArt, source(), 144);
    QVERIFY(found.has_value());
    QVERIFY(found->isEmpty());
}

void tst_CoverCache::changedSourceIsStale()
{
    const CacheRecord::SourceFile before = source();
    QVERIFY(m_cache->store(Kind::ImageFile, before, 144, "old"));
    TestFiles::writeFile(m_sourcePath, "another image, of another size");
    QVERIFY(!m_cache->find(Kind::ImageFile, source(), 144));

    // Same size, another modification time: other contents all the same.
    QVERIFY(m_cache->store(Kind::ImageFile, source(), 144, "new"));
    QFile file(m_sourcePath);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(
        QDateTime::fromMSecsSinceEpoch(source().mtime + 5000), QFileDevice::FileModificationTime));
    file.close();
    QVERIFY(!m_cache->find(Kind::ImageFile, source(), 144));
}

void tst_CoverCache::otherSizeOrKindIsAnotherEntry()
{
    QVERIFY(m_cache->store(Kind::ImageFile, source(), 144, "at 144"));
    QVERIFY(m_cache->store(Kind::ImageFile, source(), 288, "at 288"));
    QCOMPARE(m_cache->find(Kind::ImageFile, source(), 144), std::optional<QByteArray>("at 144"));
    QCOMPARE(m_cache->find(Kind::ImageFile, source(), 288), std::optional<QByteArray>("at 288"));
    QVERIFY(!m_cache->find(Kind::EmbeddedArt, source(), 144));
    QVERIFY(m_cache->entryPath(Kind::ImageFile, m_sourcePath, 144)
        != m_cache->entryPath(Kind::EmbeddedArt, m_sourcePath, 144));
}

void tst_CoverCache::untrustworthyEntryIsNotFound_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("empty file") << u"empty"_s;
    QTest::newRow("truncated") << u"truncate"_s;
    QTest::newRow("one byte flipped") << u"flip"_s;
    QTest::newRow("garbage") << u"garbage"_s;
    QTest::newRow("a byte appended") << u"append"_s;
}

void tst_CoverCache::untrustworthyEntryIsNotFound()
{
    QFETCH(QString, damage);
    QVERIFY(m_cache->store(Kind::ImageFile, source(), 144, QByteArray(600, 'x')));
    const QString entry = m_cache->entryPath(Kind::ImageFile, m_sourcePath, 144);
    QFile file(entry);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    if (damage == u"empty"_s)
        bytes.clear();
    else if (damage == u"truncate"_s)
        bytes.chop(300);
    else if (damage == u"flip"_s)
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x20);
    else if (damage == u"garbage"_s)
        bytes = QByteArray(bytes.size(), '\x5a');
    else
        bytes.append('!');
    TestFiles::writeFile(entry, bytes);
    QVERIFY(!m_cache->find(Kind::ImageFile, source(), 144));
}

void tst_CoverCache::storeReplacesCorruptEntry()
{
    const QString entry = m_cache->entryPath(Kind::ImageFile, m_sourcePath, 144);
    TestFiles::writeFile(entry, "CBCV and then nothing that makes sense");
    QVERIFY(!m_cache->find(Kind::ImageFile, source(), 144));
    QVERIFY(m_cache->store(Kind::ImageFile, source(), 144, "good"));
    QCOMPARE(m_cache->find(Kind::ImageFile, source(), 144), std::optional<QByteArray>("good"));
}

void tst_CoverCache::failedWriteWarnsOnce()
{
    // A file where the cache's folder should be: no one, root included, can create the folder.
    const QString blocked = TestFiles::writeFile(m_dir->filePath(u"blocked"_s), "a file");
    const CoverCache cache(blocked + u"/covers"_s);
    QTest::ignoreMessage(QtWarningMsg,
        QRegularExpression(u"the cover from .* is not cached .* Further cache failures are not "
                           u"logged\\."_s));
    QVERIFY(!cache.store(Kind::ImageFile, source(), 144, "image"));
    QVERIFY(!cache.store(Kind::ImageFile, source(), 288, "image"));
    QVERIFY(!cache.find(Kind::ImageFile, source(), 144));
}

QTEST_GUILESS_MAIN(tst_CoverCache)
#include "tst_covercache.moc"
