// Reading a catalog file (CatalogReader): its size, byte order mark, folders and missing files,
// links out of its folder, the fixtures, and that a refused file leaves nothing behind. The
// format's rules are tst_catalogvalidator's, the reading of single values tst_jsonfields'.
#include "catalog/catalogreader.h"
#include "catalogpatches.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace CatalogPatches;

class tst_CatalogReader : public QObject
{
    Q_OBJECT

private slots:
    void readsMinimalCatalog();
    void fixtures_data();
    void fixtures();
    void refusesEmptyFiles_data();
    void refusesEmptyFiles();
    void acceptsByteOrderMark();
    void refusesHugeFileBeforeReading();
    void refusesHugeData();
    void refusesMissingFile();
    void refusesFolder();
    void refusesCoverLinkLeavingFolder();
    void acceptsCoverLinkInsideFolder();
    void refusedFileLeavesCatalogEmpty();
};

void tst_CatalogReader::readsMinimalCatalog()
{
    CatalogReader reader;
    QVERIFY2(reader.readData(catalogJson(), FileName), qPrintable(reader.errorString()));
    QCOMPARE(reader.errors(), QStringList());
    QCOMPARE(reader.warnings(), QStringList());
    const Catalog &catalog = reader.catalog();
    QCOMPARE(catalog.filePath, FileName);
    QCOMPARE(catalog.id, u"test"_s);
    QCOMPARE(catalog.releases.size(), 1);
    QCOMPARE(catalog.releases.at(0).tracks.size(), 2);
    // The index is built: lookups work at once.
    QVERIFY(catalog.cue(u"twins"_s));
    QCOMPARE(catalog.cueDurationMs(u"twins"_s), qint64(255'000));
    QCOMPARE(catalog.occurrencesOfTheme(u"romulan"_s), QList<int> {0});
}

void tst_CatalogReader::fixtures_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("expected");
    const QDir data(QFINDTESTDATA("data/catalogs"));
    QVERIFY(data.exists());
    for (const QString &folder : {u"valid"_s, u"invalid"_s}) {
        const QDir dir(data.filePath(folder));
        for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
            const QString path = dir.filePath(name);
            QStringList expected;
            QFile messages(path.chopped(5) + u".expected"_s);
            if (messages.open(QIODevice::ReadOnly)) {
                const QString text
                    = QString::fromUtf8(messages.readAll()).replace(u"{file}"_s, path);
                expected = text.split(u'\n', Qt::SkipEmptyParts);
            }
            QTest::newRow(qPrintable(folder + u'/' + name)) << path << expected;
        }
    }
}

// Each fixture under invalid/ has its messages in a .expected file next to it, "{file}" standing
// for the path given to read(); the command-line tests use the same files.
void tst_CatalogReader::fixtures()
{
    QFETCH(QString, path);
    QFETCH(QStringList, expected);
    const bool valid = path.contains(u"/valid/"_s);
    QVERIFY2(valid || !expected.isEmpty(), "an invalid fixture needs its .expected file");
    CatalogReader reader;
    QCOMPARE(reader.read(path), valid);
    QCOMPARE(reader.errors(), expected);
    QCOMPARE(reader.warnings(), QStringList());
}

void tst_CatalogReader::refusesEmptyFiles_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("byte order mark only") << QByteArray("\xEF\xBB\xBF");
    QTest::newRow("white space only") << QByteArray(" \n\t\r\n ");
}

void tst_CatalogReader::refusesEmptyFiles()
{
    QFETCH(QByteArray, data);
    CatalogReader reader;
    QVERIFY(!reader.readData(data, FileName));
    QCOMPARE(reader.errors(), QStringList {FileName + u":1:1: (document): the file is empty"_s});

    const QList<std::pair<QByteArray, QString>> others {{"[]", u"an array"_s},
        {"\"catalog\"", u"a string"_s}, {"42", u"a number"_s}, {"true", u"true"_s},
        {"null", u"null"_s}};
    for (const auto &[json, found] : others) {
        QVERIFY(!reader.readData(json, FileName));
        QCOMPARE(reader.errors(),
            QStringList {fault(u"(document): expected an object, found "_s + found)});
    }
}

void tst_CatalogReader::acceptsByteOrderMark()
{
    CatalogReader reader;
    QVERIFY2(reader.readData("\xEF\xBB\xBF" + catalogJson(), FileName),
        qPrintable(reader.errorString()));
    // Positions do not count the mark.
    QVERIFY(!reader.readData("\xEF\xBB\xBF{,}", FileName));
    QCOMPARE(reader.errors(),
        QStringList {
            FileName + u":1:2: (document): expected a key in double quotes, found \",\""_s});
    // Only at the start.
    QVERIFY(!reader.readData("{\xEF\xBB\xBF}", FileName));
    QCOMPARE(reader.errors(),
        QStringList {
            FileName + u":1:2: (document): expected a key in double quotes, found \"\uFEFF\""_s});
}

// The size is checked before the file is read: these files are sparse, and reading the larger
// one into memory would take 8 GiB.
void tst_CatalogReader::refusesHugeFileBeforeReading()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QList<std::pair<qint64, QString>> sizes {{CatalogReader::MaxFileSize + 1, u"64.1"_s},
        {qint64(70) * 1024 * 1024, u"70.0"_s}, {qint64(8) * 1024 * 1024 * 1024, u"8192.0"_s}};
    for (const auto &[size, mebibytes] : sizes) {
        const QString path = dir.filePath(u"huge.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(size));
        file.close();
        CatalogReader reader;
        QVERIFY(!reader.read(path));
        QCOMPARE(reader.errors(),
            QStringList {path + u": the file is "_s + mebibytes
                + u" MiB; catalogs over 64 MiB are refused"_s});
        QVERIFY(isEmpty(reader.catalog()));
    }
    // Exactly 64 MiB is not refused for its size (here: for what is in it).
    const QString path = dir.filePath(u"limit.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(CatalogReader::MaxFileSize));
    file.close();
    CatalogReader reader;
    QVERIFY(!reader.read(path));
    QCOMPARE(reader.errors(),
        QStringList {
            path + u":1:1: (document): expected a value, found a control character (U+0000)"_s});
}

void tst_CatalogReader::refusesHugeData()
{
    QByteArray data = catalogJson();
    data.append(QByteArray(CatalogReader::MaxFileSize + 1 - data.size(), ' '));
    CatalogReader reader;
    QVERIFY(!reader.readData(data, FileName));
    QCOMPARE(reader.errors(),
        QStringList {fault(u"the file is 64.1 MiB; catalogs over 64 MiB are refused"_s)});
    data.chop(1);
    QVERIFY2(reader.readData(data, FileName), qPrintable(reader.errorString()));
}

void tst_CatalogReader::refusesMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"nowhere.json"_s);
    CatalogReader reader;
    QVERIFY(!reader.read(path));
    QCOMPARE(reader.errors(),
        QStringList {path + u": the file cannot be opened (No such file or directory)"_s});
    QVERIFY(!reader.read(u":/no/such/resource.json"_s));
    QCOMPARE(reader.errors().size(), 1);
    QVERIFY(reader.errors().at(0).startsWith(
        u":/no/such/resource.json: the file cannot be opened ("_s));
}

void tst_CatalogReader::refusesFolder()
{
    QTemporaryDir dir;
    CatalogReader reader;
    QVERIFY(!reader.read(dir.path()));
    QCOMPARE(reader.errors(),
        QStringList {dir.path() + u": the path is a folder, not a catalog file"_s});
    QVERIFY(!reader.read(u"/dev/null"_s));
    QCOMPARE(reader.errors(), QStringList {u"/dev/null: not a regular file"_s});
}

void tst_CatalogReader::refusesCoverLinkLeavingFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString secret = TestFiles::writeFile(dir.filePath(u"outside/secret.png"_s), "not yours");
    const QString catalogPath = TestFiles::writeFile(dir.filePath(u"catalog/catalog.json"_s),
        catalogJson({{u"releases[0].cover"_s, u"covers/front.png"_s}}));
    QVERIFY(QDir().mkpath(dir.filePath(u"catalog/covers"_s)));
    QVERIFY(QFile::link(secret, dir.filePath(u"catalog/covers/front.png"_s)));
    CatalogReader reader;
    QVERIFY(!reader.read(catalogPath));
    QCOMPARE(reader.errors(),
        QStringList {catalogPath
            + u": releases[0].cover: \"covers/front.png\" leaves the catalog's folder (through a symbolic link)"_s});

    // A linked folder leads out just the same.
    QVERIFY(QFile::remove(dir.filePath(u"catalog/covers/front.png"_s)));
    QVERIFY(QDir(dir.filePath(u"catalog/covers"_s)).removeRecursively());
    QVERIFY(QFile::link(dir.filePath(u"outside"_s), dir.filePath(u"catalog/covers"_s)));
    TestFiles::writeFile(
        catalogPath, catalogJson({{u"releases[0].cover"_s, u"covers/secret.png"_s}}));
    QVERIFY(!reader.read(catalogPath));
    QCOMPARE(reader.errors(),
        QStringList {catalogPath
            + u": releases[0].cover: \"covers/secret.png\" leaves the catalog's folder (through a symbolic link)"_s});
}

void tst_CatalogReader::acceptsCoverLinkInsideFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString real = TestFiles::writeFile(dir.filePath(u"catalog/art/front.png"_s), "png");
    QVERIFY(QDir().mkpath(dir.filePath(u"catalog/covers"_s)));
    QVERIFY(QFile::link(real, dir.filePath(u"catalog/covers/front.png"_s)));
    // The catalog itself is opened through a linked folder, which must not count as leaving.
    QVERIFY(QFile::link(dir.filePath(u"catalog"_s), dir.filePath(u"link"_s)));
    const QString catalogPath = TestFiles::writeFile(dir.filePath(u"link/catalog.json"_s),
        catalogJson({{u"releases[0].cover"_s, u"covers/front.png"_s}}));
    CatalogReader reader;
    QVERIFY2(reader.read(catalogPath), qPrintable(reader.errorString()));
    QCOMPARE(reader.catalog().releases.at(0).cover, u"covers/front.png"_s);
}

void tst_CatalogReader::refusedFileLeavesCatalogEmpty()
{
    CatalogReader reader;
    QVERIFY(reader.readData(catalogJson(), FileName));
    QVERIFY(!isEmpty(reader.catalog()));
    QVERIFY(!reader.readData(catalogJson({{u"occurrences[0].theme"_s, u"nope"_s}}), FileName));
    QVERIFY(isEmpty(reader.catalog()));
    QVERIFY(reader.readData(catalogJson(), FileName));
    QVERIFY(!reader.readData("{", FileName));
    QVERIFY(isEmpty(reader.catalog()));
    QVERIFY(reader.readData(catalogJson(), FileName));
    QVERIFY(!reader.read(u"/no/such/file.json"_s));
    QVERIFY(isEmpty(reader.catalog()));
    QCOMPARE(reader.warnings(), QStringList());
}

QTEST_GUILESS_MAIN(tst_CatalogReader)
#include "tst_catalogreader.moc"
