#include "audiofolder.h"
#include "testfiles.h"
#include "unprivileged.h"
#include "waveform/waveformcache.h"
#include "waveform/waveformloader.h"
#include "wavwriter.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <taglib/flacfile.h>

#include <cmath>

using namespace Qt::StringLiterals;

// WaveformLoader on the real GStreamer decoder: the peaks of generated files with loud and
// silent parts in every format the app plays, answers from the cache without decoding, and
// requests that are cancelled, replaced, or outlived by their loader, or that fail.
class tst_WaveformLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void peaksOfEveryFormat_data();
    void peaksOfEveryFormat();
    void cacheHitNeedsNoDecoding();
    void damagedCacheFileIsDecodedAgain();
    void failedCacheWriteStillShows();
    void cancelDropsTheRequest();
    void newRequestReplacesTheOld();
    void sameRequestTwiceIsOne();
    void destroyedWhileDecoding();
    void missingFile();
    void folderIsNotAFile();
    void notAudio_data();
    void notAudio();
    void unreadableFile();

private:
    // Decoding takes a fraction of a second here; CI machines are slower and busier.
    static constexpr int DecodeTimeout = 20'000;

    QString file(const QString &name) const { return m_dir.filePath(name); }
    // A cache folder of the current test's own: every test starts with an empty cache.
    QString cacheFolder() const;
    // Requests path from a new loader and waits for its answer: empty peaks when it failed.
    static WaveformPeaks peaksOf(const QString &path, const QString &cacheFolder);

    QTemporaryDir m_dir;
};

QString tst_WaveformLoader::cacheFolder() const
{
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
    return m_dir.filePath(u"cache-"_s + QString::fromLatin1(QTest::currentTestFunction()) + tag);
}

WaveformPeaks tst_WaveformLoader::peaksOf(const QString &path, const QString &cacheFolder)
{
    WaveformLoader loader(cacheFolder);
    QSignalSpy ready(&loader, &WaveformLoader::ready);
    QSignalSpy failed(&loader, &WaveformLoader::failed);
    loader.request(path);
    if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, DecodeTimeout))
        qWarning("no answer about %s", qPrintable(path));
    return ready.isEmpty() ? WaveformPeaks() : ready.at(0).at(1).value<WaveformPeaks>();
}

void tst_WaveformLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!AudioFolder::hasSox())
        QFAIL("sox is not installed: these tests make their FLAC, MP3 and Ogg files with it "
              "(apt-get install sox libsox-fmt-base libsox-fmt-mp3)");
    // 1 s of silence, 1 s of a 441 Hz sine at half of full scale, 1 s of silence.
    const QString pattern = file(u"pattern.wav"_s);
    QVERIFY(WavWriter::writeParts(pattern, {{1000, 0}, {1000, 0.5}, {1000, 0}}, 2, 44100, 441));
    const QList<std::pair<QString, QStringList>> encodings {
        {u"pattern16.flac"_s, {u"-b"_s, u"16"_s}}, {u"pattern24.flac"_s, {u"-b"_s, u"24"_s}},
        {u"pattern.mp3"_s, {u"-C"_s, u"192"_s}}, {u"pattern.ogg"_s, {u"-C"_s, u"6"_s}}};
    for (const auto &encoding : encodings) {
        QString error;
        QVERIFY2(AudioFolder::transcode(pattern, file(encoding.first), encoding.second, &error),
            qPrintable(error + u" (MP3 needs apt-get install libsox-fmt-mp3)"_s));
    }
    // What makes the 24-bit file a test of its own: GStreamer cannot hand 24-bit samples over
    // as they are.
    TagLib::FLAC::File flac(QFile::encodeName(file(u"pattern24.flac"_s)).constData());
    QVERIFY(flac.isValid() && flac.audioProperties());
    QCOMPARE(flac.audioProperties()->bitsPerSample(), 24);

    // A minute of tone, long enough to still be decoding when a test cancels it.
    QVERIFY(WavWriter::writeParts(file(u"long.wav"_s), {{60'000, 0.25}}, 2, 44100, 330));
    QString error;
    QVERIFY2(AudioFolder::transcode(file(u"long.wav"_s), file(u"long.flac"_s), {}, &error),
        qPrintable(error));
    QVERIFY(QFile::remove(file(u"long.wav"_s)));
}

void tst_WaveformLoader::init()
{
    QVERIFY2(!QFileInfo::exists(cacheFolder()), "a cache left over from another test");
}

void tst_WaveformLoader::peaksOfEveryFormat_data()
{
    QTest::addColumn<QString>("fileName");
    // Lossy encoders move the edges of the loud part and round its amplitude a little.
    QTest::addColumn<double>("amplitudeTolerance");
    QTest::addColumn<int>("durationTolerance");
    QTest::newRow("wav") << u"pattern.wav"_s << 0.002 << 1;
    QTest::newRow("flac 16-bit") << u"pattern16.flac"_s << 0.002 << 1;
    QTest::newRow("flac 24-bit") << u"pattern24.flac"_s << 0.002 << 1;
    QTest::newRow("mp3") << u"pattern.mp3"_s << 0.03 << 80;
    QTest::newRow("ogg") << u"pattern.ogg"_s << 0.03 << 10;
}

void tst_WaveformLoader::peaksOfEveryFormat()
{
    QFETCH(QString, fileName);
    QFETCH(double, amplitudeTolerance);
    QFETCH(int, durationTolerance);
    const QString path = file(fileName);
    WaveformLoader loader(cacheFolder());
    QSignalSpy started(&loader, &WaveformLoader::decodingStarted);
    QSignalSpy progress(&loader, &WaveformLoader::progress);
    QSignalSpy ready(&loader, &WaveformLoader::ready);
    QSignalSpy failed(&loader, &WaveformLoader::failed);
    loader.request(path);
    QCOMPARE(loader.pendingPath(), path);
    QVERIFY(ready.wait(DecodeTimeout));
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.at(0).at(0).toString(), path);
    QCOMPARE(started.size(), 1);
    QVERIFY(loader.pendingPath().isEmpty());

    const WaveformPeaks peaks = ready.at(0).at(1).value<WaveformPeaks>();
    QCOMPARE(peaks.sampleRate(), 44100);
    QCOMPARE(peaks.channelCount(), 2);
    QVERIFY2(std::abs(peaks.durationMs() - 3000) <= durationTolerance,
        qPrintable(QString::number(peaks.durationMs())));
    // Well inside each part, away from its edges.
    for (const auto &[from, to] : {std::pair(100, 900), std::pair(2100, 2900)}) {
        const WaveformPeaks::Range silent = peaks.range(from, to);
        QVERIFY(silent.hasAudio);
        QVERIFY2(silent.max < 0.01f && silent.min > -0.01f && silent.rms < 0.005f,
            qPrintable(u"%1..%2 ms: %3..%4"_s.arg(from).arg(to).arg(silent.min).arg(silent.max)));
    }
    const WaveformPeaks::Range loud = peaks.range(1100, 1900);
    QVERIFY2(std::abs(loud.max - 0.5) <= amplitudeTolerance, qPrintable(QString::number(loud.max)));
    QVERIFY2(std::abs(loud.min + 0.5) <= amplitudeTolerance, qPrintable(QString::number(loud.min)));
    QVERIFY2(std::abs(loud.rms - 0.5 / std::sqrt(2.0)) <= amplitudeTolerance,
        qPrintable(QString::number(loud.rms)));
    // The same in pixel columns of 10 ms.
    const QList<WaveformPeaks::Range> columns = peaks.forPixels(300, 0, 3000);
    QVERIFY(columns.at(50).max < 0.01f);
    QVERIFY(columns.at(150).max > 0.45f);
    QVERIFY(columns.at(250).max < 0.01f);

    QVERIFY(!progress.isEmpty());
    double previous = 0;
    for (const QList<QVariant> &report : progress) {
        QCOMPARE(report.at(0).toString(), path);
        const double fraction = report.at(1).toDouble();
        QVERIFY(fraction > previous && fraction <= 1.0);
        previous = fraction;
    }
    QVERIFY2(previous > 0.9, qPrintable(QString::number(previous)));
}

void tst_WaveformLoader::cacheHitNeedsNoDecoding()
{
    const QString path = file(u"cached.flac"_s);
    QVERIFY(QFile::copy(file(u"pattern16.flac"_s), path));
    WaveformLoader loader(cacheFolder());
    QSignalSpy started(&loader, &WaveformLoader::decodingStarted);
    QSignalSpy progress(&loader, &WaveformLoader::progress);
    QSignalSpy ready(&loader, &WaveformLoader::ready);
    loader.request(path);
    QVERIFY(ready.wait(DecodeTimeout));
    QCOMPARE(started.size(), 1);
    const WaveformPeaks decoded = ready.at(0).at(1).value<WaveformPeaks>();

    // The file's audio is replaced by bytes no decoder reads, its size and time kept: only the
    // cache can still answer with the waveform.
    const QDateTime modified = QFileInfo(path).lastModified();
    const qint64 size = QFileInfo(path).size();
    {
        QFile audio(path);
        QVERIFY(audio.open(QIODevice::WriteOnly));
        QCOMPARE(audio.write(QByteArray(size, 'x')), size);
        QVERIFY(audio.flush()); // or closing would write, and change the time again
        QVERIFY(audio.setFileTime(modified, QFileDevice::FileModificationTime));
    }
    progress.clear();
    loader.request(path);
    QVERIFY(ready.wait(DecodeTimeout));
    QCOMPARE(ready.size(), 2);
    QCOMPARE(ready.at(1).at(1).value<WaveformPeaks>(), decoded);
    QCOMPARE(started.size(), 1);
    QVERIFY(progress.isEmpty());
    // Decoding it would have failed.
    QVERIFY(peaksOf(path, m_dir.filePath(u"cache-empty"_s)).isEmpty());
}

void tst_WaveformLoader::damagedCacheFileIsDecodedAgain()
{
    const QString path = file(u"pattern.ogg"_s);
    const WaveformPeaks decoded = peaksOf(path, cacheFolder());
    QVERIFY(!decoded.isEmpty());
    const WaveformCache cache(cacheFolder());
    QVERIFY(cache.load(path));
    TestFiles::writeFile(cache.cacheFilePath(path), "CBWF\x01\0\0\0 then nothing sensible");
    QVERIFY(!cache.load(path));

    WaveformLoader loader(cacheFolder());
    QSignalSpy started(&loader, &WaveformLoader::decodingStarted);
    QSignalSpy ready(&loader, &WaveformLoader::ready);
    loader.request(path);
    QVERIFY(ready.wait(DecodeTimeout));
    QCOMPARE(started.size(), 1);
    QCOMPARE(ready.at(0).at(1).value<WaveformPeaks>(), decoded);
    // Written again before the answer.
    QCOMPARE(cache.load(path), decoded);
}

void tst_WaveformLoader::failedCacheWriteStillShows()
{
    // A file where the cache folder should be: nothing can be cached.
    TestFiles::writeFile(cacheFolder(), "in the way");
    WaveformLoader loader(cacheFolder() + u"/waveforms"_s);
    QSignalSpy started(&loader, &WaveformLoader::decodingStarted);
    QSignalSpy ready(&loader, &WaveformLoader::ready);
    QSignalSpy failed(&loader, &WaveformLoader::failed);
    const QRegularExpression warning(u"waveform of .* is not cached"_s);
    QTest::ignoreMessage(QtWarningMsg, warning);
    QTest::failOnWarning(warning);
    for (const QString &name : {u"pattern.wav"_s, u"pattern16.flac"_s}) {
        loader.request(file(name));
        QVERIFY(ready.wait(DecodeTimeout));
        QVERIFY(!ready.constLast().at(1).value<WaveformPeaks>().isEmpty());
    }
    QCOMPARE(started.size(), 2);
    QVERIFY(failed.isEmpty());
}

void tst_WaveformLoader::cancelDropsTheRequest()
{
    const QString path = file(u"long.flac"_s);
    WaveformLoader loader(cacheFolder());
    QSignalSpy progress(&loader, &WaveformLoader::progress);
    QSignalSpy ready(&loader, &WaveformLoader::ready);
    QSignalSpy failed(&loader, &WaveformLoader::failed);
    loader.request(path);
    QVERIFY(progress.wait(DecodeTimeout));
    loader.cancel(file(u"pattern.wav"_s)); // not the pending file: nothing happens
    QCOMPARE(loader.pendingPath(), path);
    loader.cancel(path);
    QVERIFY(loader.pendingPath().isEmpty());
    const qsizetype reported = progress.size();
    // Long enough for the whole file to decode, had it gone on: then it would be cached.
    QVERIFY(!ready.wait(1500));
    QVERIFY(failed.isEmpty());
    QCOMPARE(progress.size(), reported);
    QVERIFY(!WaveformCache(cacheFolder()).load(path));

    // The worker is free for the next request.
    loader.request(file(u"pattern.wav"_s));
    QVERIFY(ready.wait(DecodeTimeout));
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.at(0).at(0).toString(), file(u"pattern.wav"_s));
}

void tst_WaveformLoader::newRequestReplacesTheOld()
{
    const QString first = file(u"long.flac"_s);
    const QString second = file(u"pattern24.flac"_s);
    WaveformLoader loader(cacheFolder());
    QSignalSpy started(&loader, &WaveformLoader::decodingStarted);
    QSignalSpy progress(&loader, &WaveformLoader::progress);
    QSignalSpy ready(&loader, &WaveformLoader::ready);
    QSignalSpy failed(&loader, &WaveformLoader::failed);
    loader.request(first);
    QVERIFY(progress.wait(DecodeTimeout));
    loader.request(second);
    QCOMPARE(loader.pendingPath(), second);
    QVERIFY(ready.wait(DecodeTimeout));
    QCOMPARE(ready.at(0).at(0).toString(), second);
    QVERIFY(!ready.wait(1500));
    QCOMPARE(ready.size(), 1);
    QVERIFY(failed.isEmpty());
    QCOMPARE(started.size(), 2);
    QCOMPARE(started.at(0).at(0).toString(), first);
    QCOMPARE(started.at(1).at(0).toString(), second);
    // Once the second file was asked for, every report was about it.
    bool switched = false;
    for (const QList<QVariant> &report : progress) {
        switched = switched || report.at(0).toString() == second;
        QCOMPARE(report.at(0).toString(), switched ? second : first);
    }
    QVERIFY(switched);
    // Dropped before its end: the first file's peaks were never complete, so never cached.
    QVERIFY(!WaveformCache(cacheFolder()).load(first));
}

void tst_WaveformLoader::sameRequestTwiceIsOne()
{
    const QString path = file(u"pattern.wav"_s);
    WaveformLoader loader(cacheFolder());
    QSignalSpy started(&loader, &WaveformLoader::decodingStarted);
    QSignalSpy ready(&loader, &WaveformLoader::ready);
    loader.request(path);
    loader.request(path);
    QVERIFY(ready.wait(DecodeTimeout));
    QVERIFY(!ready.wait(500));
    QCOMPARE(ready.size(), 1);
    QCOMPARE(started.size(), 1);
    // An empty path cancels, as a view with no file would ask.
    loader.request(file(u"long.flac"_s));
    loader.request(QString());
    QVERIFY(loader.pendingPath().isEmpty());
    QVERIFY(!ready.wait(1000));
}

void tst_WaveformLoader::destroyedWhileDecoding()
{
    // No crash, no hang, nothing delivered afterwards; ASan builds check that nothing leaks.
    QObject receiver;
    int delivered = 0;
    for (int round = 0; round < 3; ++round) {
        auto *loader = new WaveformLoader(cacheFolder());
        QSignalSpy progress(loader, &WaveformLoader::progress);
        connect(loader, &WaveformLoader::ready, &receiver, [&delivered] { ++delivered; });
        loader->request(file(u"long.flac"_s));
        QVERIFY(progress.wait(DecodeTimeout));
        delete loader;
    }
    QCOMPARE(delivered, 0);
    QVERIFY(!WaveformCache(cacheFolder()).load(file(u"long.flac"_s)));
    // Destroyed before its thread ever started, and right after a request.
    delete new WaveformLoader(cacheFolder());
    auto *early = new WaveformLoader(cacheFolder());
    early->request(file(u"pattern.wav"_s));
    delete early;
}

void tst_WaveformLoader::missingFile()
{
    WaveformLoader loader(cacheFolder());
    QSignalSpy started(&loader, &WaveformLoader::decodingStarted);
    QSignalSpy failed(&loader, &WaveformLoader::failed);
    const QString path = file(u"nowhere/gone.flac"_s);
    loader.request(path);
    QVERIFY(failed.wait(DecodeTimeout));
    QCOMPARE(failed.at(0).at(0).toString(), path);
    QCOMPARE(failed.at(0).at(1).toString(), u"the file is gone"_s);
    QVERIFY(started.isEmpty());
    QVERIFY(loader.pendingPath().isEmpty());
}

void tst_WaveformLoader::folderIsNotAFile()
{
    WaveformLoader loader(cacheFolder());
    QSignalSpy failed(&loader, &WaveformLoader::failed);
    loader.request(m_dir.path());
    QVERIFY(failed.wait(DecodeTimeout));
    QCOMPARE(failed.at(0).at(1).toString(), u"not a file"_s);
}

void tst_WaveformLoader::notAudio_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("reason");
    QTest::newRow("text") << QByteArray("These are my notes, not a FLAC file.\n").repeated(100)
                          << u"cannot be decoded: "_s;
    QTest::newRow("empty") << QByteArray() << u"empty file (0 bytes)"_s;
    QTest::newRow("truncated header")
        << QByteArray("fLaC\0\0\0\x22", 8) << u"cannot be decoded: "_s;
}

void tst_WaveformLoader::notAudio()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, reason);
    const QString path = TestFiles::writeFile(
        file(u"not-audio-"_s + QString::fromLatin1(QTest::currentDataTag()) + u".flac"_s),
        contents);
    WaveformLoader loader(cacheFolder());
    QSignalSpy ready(&loader, &WaveformLoader::ready);
    QSignalSpy failed(&loader, &WaveformLoader::failed);
    loader.request(path);
    QVERIFY(failed.wait(DecodeTimeout));
    QCOMPARE(failed.at(0).at(0).toString(), path);
    QVERIFY2(failed.at(0).at(1).toString().startsWith(reason),
        qPrintable(failed.at(0).at(1).toString()));
    QVERIFY(ready.isEmpty());
    QVERIFY(!WaveformCache(cacheFolder()).load(path));
}

void tst_WaveformLoader::unreadableFile()
{
    if (Unprivileged::isRoot()) {
        // The unprivileged user passes through this test's folder to reach its own.
        QVERIFY(QFile::setPermissions(m_dir.path(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                | QFileDevice::ExeGroup | QFileDevice::ExeOther));
        const QString problem = Unprivileged::rerun(
            file(u"unprivileged"_s), QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        return;
    }
    const QString path = file(u"private.flac"_s);
    QVERIFY(QFile::copy(file(u"pattern16.flac"_s), path));
    QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
    QVERIFY2(!QFileInfo(path).isReadable(), "this user reads a file it has no permission for");
    WaveformLoader loader(cacheFolder());
    QSignalSpy failed(&loader, &WaveformLoader::failed);
    loader.request(path);
    QVERIFY(failed.wait(DecodeTimeout));
    QCOMPARE(failed.at(0).at(1).toString(), u"cannot be opened: Permission denied"_s);
}

QTEST_GUILESS_MAIN(tst_WaveformLoader)
#include "tst_waveformloader.moc"
