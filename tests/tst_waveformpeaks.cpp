#include "waveform/waveformbuilder.h"
#include "waveform/waveformpeaks.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;

// WaveformBuilder and WaveformPeaks: peaks computed from PCM in every sample format, and folded
// into pixel columns for a painter.
class tst_WaveformPeaks : public QObject
{
    Q_OBJECT

private slots:
    void loudAndSilentParts_data();
    void loudAndSilentParts();
    void piecesGiveTheSamePeaks();
    void channelsFoldTogether();
    void partialLastBucket();
    void inconsistentValuesGiveEmptyPeaks();
    void foldsIntoPixels();
    void zoomsIn();
    void columnsPastTheEnd();
    void foldKeepsTheExtremes();
    void rangeOfAMarker();

private:
    // One second of silence, one of a 400 Hz sine at amplitude 0.5, one of silence, at 8 kHz
    // mono: a bucket is 40 frames (5 ms), so 200 buckets a second.
    static std::vector<float> pattern();
    static WaveformPeaks peaksOf(const std::vector<float> &samples, int channels = 1);
};

std::vector<float> tst_WaveformPeaks::pattern()
{
    std::vector<float> samples(3 * 8000, 0.0f);
    for (int i = 8000; i < 16000; ++i)
        samples[i] = float(0.5 * std::sin(2 * std::numbers::pi * 400 * i / 8000.0));
    return samples;
}

WaveformPeaks tst_WaveformPeaks::peaksOf(const std::vector<float> &samples, int channels)
{
    WaveformBuilder builder(8000, channels);
    builder.add(std::span<const float>(samples));
    return builder.peaks();
}

void tst_WaveformPeaks::loudAndSilentParts_data()
{
    QTest::addColumn<QString>("format");
    // How far from the written sample a stored one may be: the format's own rounding.
    QTest::addColumn<double>("tolerance");
    QTest::newRow("float") << u"float"_s << 1e-4;
    QTest::newRow("int32") << u"int32"_s << 1e-4;
    QTest::newRow("int16") << u"int16"_s << 1e-4;
    QTest::newRow("uint8") << u"uint8"_s << 1.0 / 128;
}

void tst_WaveformPeaks::loudAndSilentParts()
{
    QFETCH(QString, format);
    QFETCH(double, tolerance);
    const std::vector<float> samples = pattern();
    WaveformBuilder builder(8000, 1);
    if (format == u"float") {
        builder.add(std::span<const float>(samples));
    } else if (format == u"int32") {
        std::vector<qint32> converted;
        for (float sample : samples)
            converted.push_back(qint32(std::lround(double(sample) * 2147483647.0)));
        builder.add(std::span<const qint32>(converted));
    } else if (format == u"int16") {
        std::vector<qint16> converted;
        for (float sample : samples)
            converted.push_back(qint16(std::lround(sample * 32767.0f)));
        builder.add(std::span<const qint16>(converted));
    } else {
        std::vector<quint8> converted;
        for (float sample : samples)
            converted.push_back(quint8(std::lround(128 + sample * 127.0f)));
        builder.add(std::span<const quint8>(converted));
    }
    const WaveformPeaks peaks = builder.peaks();
    QCOMPARE(peaks.sampleRate(), 8000);
    QCOMPARE(peaks.channelCount(), 1);
    QCOMPARE(peaks.framesPerBucket(), 40);
    QCOMPARE(peaks.frameCount(), 24000);
    QCOMPARE(peaks.durationMs(), 3000);
    QCOMPARE(peaks.buckets().size(), 600);

    for (qsizetype i = 0; i < peaks.buckets().size(); ++i) {
        const WaveformPeaks::Bucket &bucket = peaks.buckets().at(i);
        const float low = bucket.min / WaveformPeaks::FullScale;
        const float high = bucket.max / WaveformPeaks::FullScale;
        const float rms = bucket.rms / WaveformPeaks::FullScale;
        if (i >= 200 && i < 400) {
            // 40 frames at 400 Hz are two whole periods, sampled at their peaks.
            QVERIFY2(std::abs(high - 0.5f) < 0.002f + tolerance, qPrintable(QString::number(high)));
            QVERIFY2(std::abs(low + 0.5f) < 0.002f + tolerance, qPrintable(QString::number(low)));
            QVERIFY2(std::abs(rms - 0.5f / std::numbers::sqrt2_v<float>) < 0.02f,
                qPrintable(QString::number(rms)));
        } else {
            QVERIFY2(std::abs(low) <= tolerance && std::abs(high) <= tolerance && rms <= tolerance,
                qPrintable(u"bucket %1: %2..%3"_s.arg(i).arg(low).arg(high)));
        }
    }
}

void tst_WaveformPeaks::piecesGiveTheSamePeaks()
{
    // Stereo, split at odd places: inside frames, inside buckets, across many buckets.
    std::vector<qint16> samples;
    for (int i = 0; i < 2 * 5000; ++i)
        samples.push_back(qint16((i * 7919) % 65536 - 32768));
    WaveformBuilder whole(8000, 2);
    whole.add(std::span<const qint16>(samples));
    WaveformBuilder pieces(8000, 2);
    const std::span<const qint16> all(samples);
    qsizetype at = 0;
    for (qsizetype size : {1, 2, 77, 79, 80, 3, 1000, 4321}) {
        pieces.add(all.subspan(at, size));
        at += size;
    }
    pieces.add(all.subspan(at));
    QCOMPARE(pieces.frameCount(), 5000);
    QCOMPARE(pieces.peaks(), whole.peaks());
}

void tst_WaveformPeaks::channelsFoldTogether()
{
    // Left silent, right at full scale and then at -0.25: both channels' extremes show.
    std::vector<float> samples;
    for (int frame = 0; frame < 80; ++frame) {
        samples.push_back(0.0f);
        samples.push_back(frame < 40 ? 1.0f : -0.25f);
    }
    const WaveformPeaks peaks = peaksOf(samples, 2);
    QCOMPARE(peaks.channelCount(), 2);
    QCOMPARE(peaks.buckets().size(), 2);
    QCOMPARE(peaks.buckets().at(0).max, 32767);
    QCOMPARE(peaks.buckets().at(0).min, 0);
    QCOMPARE(peaks.buckets().at(1).min, qint16(-8192));
    // Half the samples at 1: the RMS is sqrt(1/2).
    QCOMPARE(peaks.buckets().at(0).rms, quint16(std::lround(32767 / std::sqrt(2.0))));
}

void tst_WaveformPeaks::partialLastBucket()
{
    WaveformBuilder builder(8000, 2);
    const std::vector<float> samples(2 * 100 + 1, 0.75f);
    builder.add(std::span<const float>(samples));
    // 100 whole frames and half of one: two full buckets and one of 20 frames.
    QCOMPARE(builder.frameCount(), 100);
    const WaveformPeaks peaks = builder.peaks();
    QCOMPARE(peaks.buckets().size(), 3);
    QCOMPARE(peaks.buckets().at(2).max, qint16(std::lround(0.75 * 32767)));
    QCOMPARE(peaks.durationMs(), 13); // 12.5 ms, rounded

    // Louder than full scale (a decoder's overshoot) is full scale.
    const std::vector<float> loud(2, 1.5f);
    builder.add(std::span<const float>(loud));
    QCOMPARE(builder.peaks().buckets().at(2).max, 32767);
}

void tst_WaveformPeaks::inconsistentValuesGiveEmptyPeaks()
{
    const QList<WaveformPeaks::Bucket> three(3);
    QVERIFY(!WaveformPeaks(8000, 1, 40, 100, three).isEmpty());
    QVERIFY(WaveformPeaks(8000, 1, 40, 200, three).isEmpty());
    QVERIFY(WaveformPeaks(0, 1, 40, 100, three).isEmpty());
    QVERIFY(WaveformPeaks(8000, 0, 40, 100, three).isEmpty());
    QVERIFY(WaveformPeaks(8000, 1, 0, 100, three).isEmpty());
    QVERIFY(WaveformPeaks(8000, 1, 40, -1, three).isEmpty());
    QVERIFY(WaveformPeaks().isEmpty());
    QCOMPARE(WaveformPeaks().durationMs(), 0);
    QVERIFY(WaveformPeaks().forPixels(10).isEmpty()); // no duration, no columns
    QCOMPARE(WaveformPeaks().forPixels(10, 0, 1000).size(), 10);
    QVERIFY(!WaveformPeaks().forPixels(10, 0, 1000).at(0).hasAudio);
}

void tst_WaveformPeaks::foldsIntoPixels()
{
    const WaveformPeaks peaks = peaksOf(pattern());
    // 3 s in 300 columns: 10 ms, two buckets, a column.
    const QList<WaveformPeaks::Range> columns = peaks.forPixels(300);
    QCOMPARE(columns.size(), 300);
    for (int x = 0; x < 300; ++x) {
        const WaveformPeaks::Range &column = columns.at(x);
        QVERIFY(column.hasAudio);
        if (x >= 101 && x < 199) {
            QVERIFY2(column.max > 0.49f && column.min < -0.49f, qPrintable(QString::number(x)));
            QVERIFY(std::abs(column.rms - 0.3536f) < 0.01f);
        } else if (x < 99 || x > 200) {
            QCOMPARE(column.max, 0.0f);
            QCOMPARE(column.min, 0.0f);
        }
    }
    // Wider than the buckets: an 800-pixel strip over the loud second only.
    const QList<WaveformPeaks::Range> zoomed = peaks.forPixels(800, 1000, 2000);
    QCOMPARE(zoomed.size(), 800);
    for (const WaveformPeaks::Range &column : zoomed)
        QVERIFY(column.max > 0.49f);
    QVERIFY(peaks.forPixels(0, 0, 1000).isEmpty());
    QVERIFY(peaks.forPixels(10, 1000, 1000).isEmpty());
}

void tst_WaveformPeaks::zoomsIn()
{
    // One bucket per 5 ms, with its index as its max: 10 columns over 5 ms repeat one bucket,
    // 10 columns over 50 ms show ten.
    QList<WaveformPeaks::Bucket> buckets;
    for (qint16 i = 0; i < 100; ++i)
        buckets.append({qint16(-i), i, 0});
    const WaveformPeaks peaks(8000, 1, 40, 4000, buckets);
    QCOMPARE(peaks.durationMs(), 500);
    for (const WaveformPeaks::Range &column : peaks.forPixels(10, 100, 105))
        QCOMPARE(column.max, 20 / WaveformPeaks::FullScale);
    const QList<WaveformPeaks::Range> tenBuckets = peaks.forPixels(10, 100, 150);
    for (int x = 0; x < 10; ++x)
        QCOMPARE(tenBuckets.at(x).max, (20 + x) / WaveformPeaks::FullScale);
}

void tst_WaveformPeaks::columnsPastTheEnd()
{
    // The catalog says 4 s, the file holds 3: the last quarter has no audio.
    const QList<WaveformPeaks::Range> columns = peaksOf(pattern()).forPixels(400, 0, 4000);
    for (int x = 0; x < 400; ++x)
        QCOMPARE(columns.at(x).hasAudio, x < 300);
    // Before the start too.
    QVERIFY(!peaksOf(pattern()).forPixels(10, -1000, 0).at(9).hasAudio);
}

void tst_WaveformPeaks::foldKeepsTheExtremes()
{
    // A single loud sample in a quiet file shows at every width, never averaged away.
    std::vector<float> samples(8000 * 60, 0.01f);
    samples[12345] = -0.9f;
    const WaveformPeaks peaks = peaksOf(samples);
    for (int width : {1, 7, 100, 800, 3000}) {
        const QList<WaveformPeaks::Range> columns = peaks.forPixels(width);
        float lowest = 0;
        for (const WaveformPeaks::Range &column : columns)
            lowest = std::min(lowest, column.min);
        QCOMPARE(lowest, std::lround(-0.9 * 32767) / WaveformPeaks::FullScale);
    }
}

void tst_WaveformPeaks::rangeOfAMarker()
{
    const WaveformPeaks peaks = peaksOf(pattern());
    QVERIFY(peaks.range(1200, 1800).max > 0.49f);
    QCOMPARE(peaks.range(100, 900).max, 0.0f);
    QVERIFY(peaks.range(100, 900).hasAudio);
    QVERIFY(!peaks.range(5000, 6000).hasAudio);
    QVERIFY(!peaks.range(900, 100).hasAudio);
}

QTEST_APPLESS_MAIN(tst_WaveformPeaks)
#include "tst_waveformpeaks.moc"
