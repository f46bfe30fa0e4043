#include "audiofolder.h"
#include "covers/covercache.h"
#include "covers/coverloader.h"
#include "covers/embeddedart.h"
#include "covers/typographiccover.h"
#include "testfiles.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int Side = 96;

QByteArray imageBytes(const QColor &color, QSize size = {200, 200}, const char *format = "PNG")
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QColor centreOf(const QPixmap &pixmap)
{
    const QImage image = pixmap.toImage();
    return image.pixelColor(image.width() / 2, image.height() / 2);
}

// Close enough for a colour that went through JPEG.
bool near(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) < 12 && std::abs(a.green() - b.green()) < 12
        && std::abs(a.blue() - b.blue()) < 12;
}

} // namespace

class tst_CoverLoader : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void drawnCoverWithoutSources();
    void userImageComesFirst();
    void embeddedArt_data();
    void embeddedArt();
    void catalogImageWhenNoArt();
    void goneOrBrokenSourcesArePassedOver();
    void scaledToFitKeepingAspect();
    void cacheHitAfterRestart();
    void corruptCacheEntryIsRebuilt();
    void forgetReadsTheNewImage();
    void manyRequestsAllArrive();

private:
    // The cover, read by loader: asked, waited for, asked again.
    QPixmap load(CoverLoader &loader, const CoverSources &sources, bool *fromCache = nullptr,
        CoverOrigin *origin = nullptr, qreal ratio = 1.0);
    CoverSources sourcesFor(const QString &releaseId) const;
    QString audioWithArt(const QString &name, const QColor &color);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_cacheFolder;
};

void tst_CoverLoader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cacheFolder = m_dir->filePath(u"cache"_s);
}

CoverSources tst_CoverLoader::sourcesFor(const QString &releaseId) const
{
    CoverSources sources;
    sources.key = u"star-trek-picard/"_s + releaseId;
    sources.title = u"Star Trek: Picard"_s;
    sources.composers = {u"Jeff Russo"_s};
    return sources;
}

QPixmap tst_CoverLoader::load(CoverLoader &loader, const CoverSources &sources, bool *fromCache,
    CoverOrigin *origin, qreal ratio)
{
    QSignalSpy loaded(&loader, &CoverLoader::coverLoaded);
    QPixmap cover = loader.cover(sources, Side, ratio);
    if (!cover.isNull())
        return cover;
    for (;;) {
        if (!loaded.wait(10000))
            return {};
        const QList<QVariant> last = loaded.last();
        if (last.at(0).toString() == sources.key)
            break;
    }
    if (fromCache)
        *fromCache = loaded.last().at(2).toBool();
    if (origin)
        *origin = loaded.last().at(1).value<CoverOrigin>();
    return loader.cover(sources, Side, ratio);
}

QString tst_CoverLoader::audioWithArt(const QString &name, const QColor &color)
{
    const QString path = m_dir->filePath(name);
    const bool written = path.endsWith(u".mp3"_s) ? AudioFolder::writeSilentMp3(path, 20)
                                                  : AudioFolder::encode(path, 300);
    if (!written)
        qFatal("cannot write %s", qPrintable(path));
    if (color.isValid() && !AudioFolder::embedCover(path, imageBytes(color), u"image/png"_s))
        qFatal("cannot embed a cover in %s", qPrintable(path));
    return path;
}

void tst_CoverLoader::drawnCoverWithoutSources()
{
    CoverLoader loader(m_cacheFolder);
    const CoverSources sources = sourcesFor(u"chapter-1"_s);
    QVERIFY(loader.cover(sources, Side, 1.0).isNull());
    CoverOrigin origin = CoverOrigin::UserImage;
    const QPixmap cover = load(loader, sources, nullptr, &origin);
    QCOMPARE(cover.size(), QSize(Side, Side));
    QCOMPARE(origin, CoverOrigin::Drawn);
    QCOMPARE(cover.toImage().pixelColor(2, 2).rgb(), TypographicCover::colorFor(sources.key).rgb());
    QCOMPARE(loader.origin(sources.key, Side, 1.0), CoverOrigin::Drawn);
    // High DPI: a cover of twice the pixels, drawn at the same size.
    const QPixmap sharp = load(loader, sources, nullptr, nullptr, 2.0);
    QCOMPARE(sharp.size(), QSize(Side * 2, Side * 2));
    QCOMPARE(sharp.deviceIndependentSize().toSize(), QSize(Side, Side));
}

void tst_CoverLoader::userImageComesFirst()
{
    CoverSources sources = sourcesFor(u"season-1"_s);
    sources.userImage = TestFiles::writeFile(m_dir->filePath(u"mine.png"_s), imageBytes(Qt::blue));
    sources.audioFiles = {audioWithArt(u"track.flac"_s, Qt::green)};
    sources.catalogImage
        = TestFiles::writeFile(m_dir->filePath(u"catalog.png"_s), imageBytes(Qt::red));
    CoverLoader loader(m_cacheFolder);
    CoverOrigin origin = CoverOrigin::Drawn;
    QCOMPARE(centreOf(load(loader, sources, nullptr, &origin)), QColor(Qt::blue));
    QCOMPARE(origin, CoverOrigin::UserImage);
}

void tst_CoverLoader::embeddedArt_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("FLAC picture") << u"track.flac"_s;
    QTest::newRow("MP3 ID3v2 APIC") << u"track.mp3"_s;
}

void tst_CoverLoader::embeddedArt()
{
    QFETCH(QString, fileName);
    const QString path = audioWithArt(fileName, Qt::green);
    QVERIFY(!EmbeddedArt::read(path).isEmpty());
    CoverSources sources = sourcesFor(u"season-1"_s);
    // The first file has no art: the second one's is found.
    sources.audioFiles = {audioWithArt(u"plain-"_s + fileName, {}), path};
    sources.catalogImage
        = TestFiles::writeFile(m_dir->filePath(u"catalog.png"_s), imageBytes(Qt::red));
    CoverLoader loader(m_cacheFolder);
    CoverOrigin origin = CoverOrigin::Drawn;
    QVERIFY(near(centreOf(load(loader, sources, nullptr, &origin)), Qt::green));
    QCOMPARE(origin, CoverOrigin::EmbeddedArt);
}

void tst_CoverLoader::catalogImageWhenNoArt()
{
    CoverSources sources = sourcesFor(u"season-1"_s);
    sources.audioFiles = {audioWithArt(u"plain.flac"_s, {})};
    QVERIFY(EmbeddedArt::read(sources.audioFiles.first()).isEmpty());
    sources.catalogImage = TestFiles::writeFile(
        m_dir->filePath(u"catalog.jpg"_s), imageBytes(Qt::red, {300, 300}, "JPEG"));
    CoverLoader loader(m_cacheFolder);
    CoverOrigin origin = CoverOrigin::Drawn;
    QVERIFY(near(centreOf(load(loader, sources, nullptr, &origin)), Qt::red));
    QCOMPARE(origin, CoverOrigin::CatalogImage);
}

void tst_CoverLoader::goneOrBrokenSourcesArePassedOver()
{
    CoverSources sources = sourcesFor(u"season-1"_s);
    sources.userImage = m_dir->filePath(u"deleted.png"_s);
    sources.audioFiles = {m_dir->filePath(u"gone.flac"_s),
        TestFiles::writeFile(m_dir->filePath(u"not-audio.flac"_s), "plain text")};
    sources.catalogImage
        = TestFiles::writeFile(m_dir->filePath(u"broken.png"_s), "\x89PNG but then nothing");
    CoverLoader loader(m_cacheFolder);
    CoverOrigin origin = CoverOrigin::UserImage;
    const QPixmap cover = load(loader, sources, nullptr, &origin);
    QCOMPARE(origin, CoverOrigin::Drawn);
    QCOMPARE(cover.toImage().pixelColor(2, 2).rgb(), TypographicCover::colorFor(sources.key).rgb());
}

void tst_CoverLoader::scaledToFitKeepingAspect()
{
    CoverSources sources = sourcesFor(u"season-1"_s);
    sources.userImage
        = TestFiles::writeFile(m_dir->filePath(u"wide.png"_s), imageBytes(Qt::blue, {1000, 500}));
    CoverLoader loader(m_cacheFolder);
    QCOMPARE(load(loader, sources).size(), QSize(Side, Side / 2));
}

void tst_CoverLoader::cacheHitAfterRestart()
{
    CoverSources sources = sourcesFor(u"season-1"_s);
    sources.audioFiles = {audioWithArt(u"track.flac"_s, Qt::green)};
    bool fromCache = true;
    {
        CoverLoader loader(m_cacheFolder);
        QVERIFY(near(centreOf(load(loader, sources, &fromCache)), Qt::green));
        QVERIFY(!fromCache);
    }
    QVERIFY(!QDir(m_cacheFolder).isEmpty());
    CoverLoader restarted(m_cacheFolder);
    CoverOrigin origin = CoverOrigin::Drawn;
    QVERIFY(near(centreOf(load(restarted, sources, &fromCache, &origin)), Qt::green));
    QVERIFY(fromCache);
    QCOMPARE(origin, CoverOrigin::EmbeddedArt);
}

void tst_CoverLoader::corruptCacheEntryIsRebuilt()
{
    CoverSources sources = sourcesFor(u"season-1"_s);
    sources.audioFiles = {audioWithArt(u"track.flac"_s, Qt::green)};
    {
        CoverLoader loader(m_cacheFolder);
        load(loader, sources);
    }
    const QString entry
        = CoverCache(m_cacheFolder)
              .entryPath(CoverCache::SourceKind::EmbeddedArt, sources.audioFiles.first(), Side);
    QVERIFY(QFile::exists(entry));
    QFile file(entry);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    // Inside the image bytes: the checksum no longer matches.
    bytes[bytes.size() - 40] = char(~bytes[bytes.size() - 40]);
    TestFiles::writeFile(entry, bytes);

    bool fromCache = true;
    {
        CoverLoader loader(m_cacheFolder);
        QVERIFY(near(centreOf(load(loader, sources, &fromCache)), Qt::green));
        QVERIFY(!fromCache);
    }
    CoverLoader again(m_cacheFolder);
    QVERIFY(near(centreOf(load(again, sources, &fromCache)), Qt::green));
    QVERIFY(fromCache);
}

void tst_CoverLoader::forgetReadsTheNewImage()
{
    CoverSources sources = sourcesFor(u"season-1"_s);
    CoverLoader loader(m_cacheFolder);
    load(loader, sources);
    QCOMPARE(loader.origin(sources.key, Side, 1.0), CoverOrigin::Drawn);

    sources.userImage = TestFiles::writeFile(m_dir->filePath(u"mine.png"_s), imageBytes(Qt::blue));
    QSignalSpy loaded(&loader, &CoverLoader::coverLoaded);
    loader.forget(sources.key);
    QCOMPARE(loaded.size(), 1);
    QVERIFY(loader.cover(sources, Side, 1.0).isNull());
    QCOMPARE(centreOf(load(loader, sources)), QColor(Qt::blue));
    QCOMPARE(loader.origin(sources.key, Side, 1.0), CoverOrigin::UserImage);
}

void tst_CoverLoader::manyRequestsAllArrive()
{
    CoverLoader loader(m_cacheFolder);
    QSignalSpy loaded(&loader, &CoverLoader::coverLoaded);
    constexpr int Count = 60;
    for (int i = 0; i < Count; ++i)
        QVERIFY(loader.cover(sourcesFor(u"release-%1"_s.arg(i)), Side, 1.0).isNull());
    // Asked twice while on its way: read once.
    QVERIFY(loader.cover(sourcesFor(u"release-0"_s), Side, 1.0).isNull());
    QTRY_COMPARE(loaded.size(), Count);
    QVERIFY(!loaded.wait(200));
    for (int i = 0; i < Count; ++i)
        QVERIFY(!loader.cover(sourcesFor(u"release-%1"_s.arg(i)), Side, 1.0).isNull());
}

QTEST_MAIN(tst_CoverLoader)
#include "tst_coverloader.moc"
