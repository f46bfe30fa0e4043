#include "library/xxh64.h"
#include "testfiles.h"
#include "waveform/waveformbuilder.h"
#include "waveform/waveformcache.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;

// WaveformCache: what it stores comes back while the audio file is unchanged, and nothing else
// ever does: not a stale, short, corrupt or old cache file, and not a forged length.
class tst_WaveformCache : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTrip();
    void defaultFolder();
    void changedAudioFileIsStale_data();
    void changedAudioFileIsStale();
    void damagedCacheFileIsIgnored_data();
    void damagedCacheFileIsIgnored();
    void forgedLengthIsIgnored();
    void oneCacheFilePerAudioFile();
    void failedWriteIsLoggedOnce();

private:
    static WaveformPeaks somePeaks();
    // Puts in the last 8 bytes the checksum store() would: XXH64 of all the bytes before them.
    static void sign(QByteArray &bytes);
    // The cache file store() wrote for m_audio.
    QByteArray cacheBytes() const;

    QTemporaryDir m_dir;
    QString m_audio;
    QString m_folder;
};

WaveformPeaks tst_WaveformCache::somePeaks()
{
    WaveformBuilder builder(44100, 2);
    std::vector<float> samples(2 * 44100);
    for (size_t i = 0; i < samples.size(); ++i)
        samples[i] = float(i % 1000) / 1000.0f - 0.5f;
    builder.add(std::span<const float>(samples));
    return builder.peaks();
}

void tst_WaveformCache::sign(QByteArray &bytes)
{
    Xxh64 hash;
    hash.addData(QByteArrayView(bytes).chopped(8));
    qToLittleEndian<quint64>(hash.result(), bytes.data() + bytes.size() - 8);
}

QByteArray tst_WaveformCache::cacheBytes() const
{
    QFile file(WaveformCache(m_folder).cacheFilePath(m_audio));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no cache file for %s", qPrintable(m_audio));
    return file.readAll();
}

void tst_WaveformCache::init()
{
    QVERIFY(m_dir.isValid());
    const QString name = QString::fromLatin1(QTest::currentTestFunction());
    const QString dataTag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
    m_audio = TestFiles::writeFile(
        m_dir.filePath(name + dataTag + u".flac"_s), QByteArray("not decoded here").repeated(10));
    m_folder = m_dir.filePath(name + dataTag + u"-cache"_s);
}

void tst_WaveformCache::roundTrip()
{
    WaveformCache cache(m_folder);
    QVERIFY(!cache.load(m_audio));
    const WaveformPeaks peaks = somePeaks();
    // 220 frames (4.99 ms) a bucket: 201 buckets for a second.
    QCOMPARE(peaks.buckets().size(), 201);
    QVERIFY(cache.store(m_audio, peaks));
    QVERIFY(QFileInfo(cache.cacheFilePath(m_audio)).absolutePath().startsWith(m_folder));
    const std::optional<WaveformPeaks> loaded = WaveformCache(m_folder).load(m_audio);
    QVERIFY(loaded);
    QCOMPARE(*loaded, peaks);
    QCOMPARE(loaded->sampleRate(), 44100);
    QCOMPARE(loaded->channelCount(), 2);
    // The audio file's path, whichever way it is written.
    const QString current = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir.path()));
    const bool relative = cache.load(QFileInfo(m_audio).fileName()).has_value();
    QVERIFY(QDir::setCurrent(current));
    QVERIFY(relative);
    QVERIFY(!cache.load(m_dir.filePath(u"missing.flac"_s)));
}

void tst_WaveformCache::defaultFolder()
{
    QVERIFY(WaveformCache::defaultFolder().endsWith(u"/waveforms"_s));
    QCOMPARE(WaveformCache().folder(), WaveformCache::defaultFolder());
}

void tst_WaveformCache::changedAudioFileIsStale_data()
{
    QTest::addColumn<bool>("sizeChanges");
    QTest::newRow("same size, new time") << false;
    QTest::newRow("new size, same time") << true;
}

void tst_WaveformCache::changedAudioFileIsStale()
{
    QFETCH(bool, sizeChanges);
    WaveformCache cache(m_folder);
    QVERIFY(cache.store(m_audio, somePeaks()));
    QVERIFY(cache.load(m_audio));
    const QDateTime modified = QFileInfo(m_audio).lastModified();
    QFile file(m_audio);
    QVERIFY(file.open(QIODevice::ReadWrite));
    if (sizeChanges) {
        QVERIFY(file.resize(file.size() + 1));
        QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
    } else {
        QVERIFY(file.setFileTime(modified.addSecs(-60), QFileDevice::FileModificationTime));
    }
    file.close();
    QVERIFY(!cache.load(m_audio));
    // The next store replaces it.
    QVERIFY(cache.store(m_audio, somePeaks()));
    QVERIFY(cache.load(m_audio));
}

void tst_WaveformCache::damagedCacheFileIsIgnored_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("empty") << u"empty"_s;
    QTest::newRow("garbage") << u"garbage"_s;
    QTest::newRow("short") << u"short"_s;
    QTest::newRow("header only") << u"header"_s;
    QTest::newRow("one byte changed") << u"flipped"_s;
    QTest::newRow("one byte more") << u"longer"_s;
    QTest::newRow("another magic") << u"magic"_s;
    QTest::newRow("older version") << u"version"_s;
}

void tst_WaveformCache::damagedCacheFileIsIgnored()
{
    QFETCH(QString, damage);
    WaveformCache cache(m_folder);
    QVERIFY(cache.store(m_audio, somePeaks()));
    QByteArray bytes = cacheBytes();
    if (damage == u"empty") {
        bytes.clear();
    } else if (damage == u"garbage") {
        bytes = QByteArray("\x00\xff garbage \x7f", 13).repeated(200);
    } else if (damage == u"short") {
        bytes.chop(bytes.size() / 2);
    } else if (damage == u"header") {
        bytes.truncate(8);
    } else if (damage == u"flipped") {
        bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x10);
    } else if (damage == u"longer") {
        bytes.append('\0');
    } else if (damage == u"magic") {
        bytes[0] = 'X';
    } else {
        // A file written by version 0, its checksum right: only the version says it is old.
        qToLittleEndian<quint32>(0, bytes.data() + 4);
        sign(bytes);
    }
    TestFiles::writeFile(cache.cacheFilePath(m_audio), bytes);
    QVERIFY(!cache.load(m_audio));
    QVERIFY(cache.store(m_audio, somePeaks()));
    QCOMPARE(cache.load(m_audio), somePeaks());
}

void tst_WaveformCache::forgedLengthIsIgnored()
{
    // A file whose checksum is right but whose bucket count would overflow a size computation
    // or allocate exabytes: refused, not allocated. The count sits after the header's
    // fixed fields and the path.
    WaveformCache cache(m_folder);
    QVERIFY(cache.store(m_audio, somePeaks()));
    QByteArray bytes = cacheBytes();
    const qsizetype pathSize = QFileInfo(m_audio).absoluteFilePath().toUtf8().size();
    const qsizetype countAt = 4 + 4 + 8 + 8 + 4 + pathSize + 4 + 4 + 4 + 8;
    QCOMPARE(qFromLittleEndian<qint64>(bytes.constData() + countAt), 201);
    for (qint64 forged : {qint64(1) << 62, std::numeric_limits<qint64>::max(), qint64(-1)}) {
        qToLittleEndian<qint64>(forged, bytes.data() + countAt);
        sign(bytes);
        TestFiles::writeFile(cache.cacheFilePath(m_audio), bytes);
        QVERIFY(!cache.load(m_audio));
    }
}

void tst_WaveformCache::oneCacheFilePerAudioFile()
{
    const QString other = TestFiles::writeFile(m_dir.filePath(u"other.flac"_s), "other audio");
    WaveformCache cache(m_folder);
    QVERIFY(cache.cacheFilePath(m_audio) != cache.cacheFilePath(other));
    QVERIFY(cache.store(m_audio, somePeaks()));
    QVERIFY(cache.store(other, somePeaks()));
    // A changed file's peaks replace its old ones rather than pile up beside them.
    QFile file(m_audio);
    QVERIFY(file.open(QIODevice::Append));
    QVERIFY(file.write("more") == 4);
    file.close();
    QVERIFY(cache.store(m_audio, somePeaks()));
    QCOMPARE(QDir(m_folder).entryList(QDir::Files).size(), 2);
    QVERIFY(cache.load(m_audio));
    QVERIFY(cache.load(other));
}

namespace {

QStringList warnings;

void collectWarnings(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtWarningMsg)
        warnings.append(message);
}

} // namespace

void tst_WaveformCache::failedWriteIsLoggedOnce()
{
    // The cache folder cannot be made: a file is in its place. (A file, not permissions: the
    // tests run as root, who may write anywhere.)
    TestFiles::writeFile(m_folder, "in the way");
    WaveformCache cache(m_folder + u"/waveforms"_s);
    warnings.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collectWarnings);
    const bool first = cache.store(m_audio, somePeaks());
    const bool second = cache.store(m_audio, somePeaks());
    qInstallMessageHandler(previous);
    QVERIFY(!first);
    QVERIFY(!second);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.at(0).contains(m_audio) && warnings.at(0).contains(u"not cached"_s),
        qPrintable(warnings.at(0)));
    QVERIFY(!cache.load(m_audio));
}

QTEST_GUILESS_MAIN(tst_WaveformCache)
#include "tst_waveformcache.moc"
