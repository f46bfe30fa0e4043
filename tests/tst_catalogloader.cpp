#include "catalog/catalogloader.h"
#include "testfiles.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_CatalogLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadsOffTheGuiThread();
    void reportsFaults();
    void keepsTheOrderAsked();
    void cancelDropsEverything();
    void loadAfterCancel();

private:
    QString write(const QString &name, const QString &id);

    QTemporaryDir m_dir;
};

void tst_CatalogLoader::initTestCase()
{
    qRegisterMetaType<CatalogLoader::Result>();
    QVERIFY(m_dir.isValid());
}

QString tst_CatalogLoader::write(const QString &name, const QString &id)
{
    return TestFiles::writeFile(m_dir.filePath(name),
        u"{\"format\": \"cuebook-catalog\", \"version\": 1, \"id\": \"%1\", \"title\": \"T\", "
        "\"releases\": [{\"id\": \"r\", \"title\": \"R\", \"tracks\": [{\"number\": 1, "
        "\"title\": \"One\"}]}]}"_s.arg(id)
            .toUtf8());
}

void tst_CatalogLoader::loadsOffTheGuiThread()
{
    CatalogLoader loader;
    QSignalSpy finished(&loader, &CatalogLoader::finished);
    QSignalSpy busy(&loader, &CatalogLoader::busyChanged);
    const QString path = write(u"a.json"_s, u"alpha"_s);
    loader.load(path);
    // load() returns before the file is read.
    QCOMPARE(finished.count(), 0);
    QVERIFY(loader.isBusy());
    QVERIFY(finished.wait());
    const auto result = finished.at(0).at(0).value<CatalogLoader::Result>();
    QVERIFY(result.ok);
    QCOMPARE(result.filePath, path);
    QCOMPARE(result.catalog.id, u"alpha"_s);
    QCOMPARE(result.catalog.trackCount(), 1);
    QVERIFY(result.catalog.cue(u"r/1-1"_s));
    QTRY_VERIFY(!loader.isBusy());
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
}

void tst_CatalogLoader::reportsFaults()
{
    CatalogLoader loader;
    QSignalSpy finished(&loader, &CatalogLoader::finished);
    const QString path = m_dir.filePath(u"missing.json"_s);
    loader.load(path);
    QVERIFY(finished.wait());
    const auto result = finished.at(0).at(0).value<CatalogLoader::Result>();
    QVERIFY(!result.ok);
    QCOMPARE(result.errors.size(), 1);
    QVERIFY(result.errors.at(0).startsWith(path + u": "_s));
    QVERIFY(result.catalog.id.isEmpty());
}

void tst_CatalogLoader::keepsTheOrderAsked()
{
    CatalogLoader loader;
    QSignalSpy finished(&loader, &CatalogLoader::finished);
    const QStringList ids {u"one"_s, u"two"_s, u"three"_s};
    for (const QString &id : ids)
        loader.load(write(id + u".json"_s, id));
    QTRY_COMPARE(finished.count(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(finished.at(i).at(0).value<CatalogLoader::Result>().catalog.id, ids.at(i));
    QVERIFY(!loader.isBusy());
}

void tst_CatalogLoader::cancelDropsEverything()
{
    CatalogLoader loader;
    QSignalSpy finished(&loader, &CatalogLoader::finished);
    QSignalSpy busy(&loader, &CatalogLoader::busyChanged);
    loader.load(write(u"x.json"_s, u"x"_s));
    loader.load(write(u"y.json"_s, u"y"_s));
    loader.cancel();
    QVERIFY(!loader.isBusy());
    QCOMPARE(busy.count(), 2);
    // Give the dropped read time to finish; it must not be reported.
    QVERIFY(!finished.wait(500));
}

void tst_CatalogLoader::loadAfterCancel()
{
    CatalogLoader loader;
    QSignalSpy finished(&loader, &CatalogLoader::finished);
    loader.load(write(u"x.json"_s, u"x"_s));
    loader.cancel();
    loader.load(write(u"z.json"_s, u"zed"_s));
    QVERIFY(loader.isBusy());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<CatalogLoader::Result>().catalog.id, u"zed"_s);
    QTRY_VERIFY(!loader.isBusy());
}

QTEST_GUILESS_MAIN(tst_CatalogLoader)
#include "tst_catalogloader.moc"
