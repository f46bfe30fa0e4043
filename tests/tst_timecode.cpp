#include "catalog/timecode.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_TimeCode : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void rejects_data();
    void rejects();
    void format_data();
    void format();
    void formatSeconds();
    void formatTenths();
    void parseTyped_data();
    void parseTyped();
    void parseTypedRejects_data();
    void parseTypedRejects();
};

void tst_TimeCode::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("m:ss") << u"1:43"_s << qint64(103'000);
    QTest::newRow("zero") << u"0:00"_s << qint64(0);
    QTest::newRow("mm:ss") << u"12:05"_s << qint64(725'000);
    QTest::newRow("long minutes") << u"75:00"_s << qint64(4'500'000);
    QTest::newRow("h:mm:ss") << u"1:02:07"_s << qint64(3'727'000);
    QTest::newRow("fraction 3") << u"0:41.250"_s << qint64(41'250);
    QTest::newRow("fraction 1") << u"0:41.5"_s << qint64(41'500);
    QTest::newRow("fraction 2") << u"0:41.05"_s << qint64(41'050);
    QTest::newRow("h:mm:ss.fff") << u"2:00:00.001"_s << qint64(7'200'001);
    QTest::newRow("59 seconds") << u"0:59"_s << qint64(59'000);
}

void tst_TimeCode::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QCOMPARE(TimeCode::parse(text), std::optional<qint64>(ms));
}

void tst_TimeCode::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("letters") << u"1:7x"_s;
    QTest::newRow("one-digit seconds") << u"1:7"_s;
    QTest::newRow("three-digit seconds") << u"1:070"_s;
    QTest::newRow("seconds 60") << u"1:60"_s;
    QTest::newRow("minutes 60 after hours") << u"1:60:00"_s;
    QTest::newRow("one-digit minutes after hours") << u"1:2:07"_s;
    QTest::newRow("seconds only") << u"43"_s;
    QTest::newRow("four parts") << u"1:02:03:04"_s;
    QTest::newRow("negative") << u"-1:00"_s;
    QTest::newRow("plus") << u"+1:00"_s;
    QTest::newRow("empty minutes") << u":43"_s;
    QTest::newRow("empty fraction") << u"1:43."_s;
    QTest::newRow("long fraction") << u"1:43.1234"_s;
    QTest::newRow("two dots") << u"1:43.1.2"_s;
    QTest::newRow("spaces") << u" 1:43"_s;
    QTest::newRow("arabic-indic digits") << u"١:٤٣"_s;
    QTest::newRow("huge minutes") << u"99999:00"_s;
    QTest::newRow("huge hours") << u"9999:00:00"_s;
}

void tst_TimeCode::rejects()
{
    QFETCH(QString, text);
    QCOMPARE(TimeCode::parse(text), std::nullopt);
}

void tst_TimeCode::format_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << u"0:00"_s;
    QTest::newRow("m:ss") << qint64(103'000) << u"1:43"_s;
    QTest::newRow("h:mm:ss") << qint64(3'727'000) << u"1:02:07"_s;
    QTest::newRow("fraction") << qint64(41'250) << u"0:41.250"_s;
    QTest::newRow("small fraction") << qint64(41'005) << u"0:41.005"_s;
}

void tst_TimeCode::format()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(TimeCode::format(ms), text);
    QCOMPARE(TimeCode::parse(text), std::optional<qint64>(ms));
}

void tst_TimeCode::formatSeconds()
{
    QCOMPARE(TimeCode::formatSeconds(41'999), u"0:41"_s);
    QCOMPARE(TimeCode::formatSeconds(3'600'000), u"1:00:00"_s);
    QCOMPARE(TimeCode::formatSeconds(-5), u"0:00"_s);
}

void tst_TimeCode::formatTenths()
{
    QCOMPARE(TimeCode::formatTenths(0), u"0:00.0"_s);
    QCOMPARE(TimeCode::formatTenths(72'399), u"1:12.3"_s);
    QCOMPARE(TimeCode::formatTenths(72'999), u"1:12.9"_s);
    QCOMPARE(TimeCode::formatTenths(3'727'050), u"1:02:07.0"_s);
    QCOMPARE(TimeCode::formatTenths(-5), u"0:00.0"_s);
    // What it shows reads back as the time to the tenth.
    QCOMPARE(TimeCode::parseTyped(TimeCode::formatTenths(72'399)), std::optional<qint64>(72'300));
}

void tst_TimeCode::parseTyped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("m:ss") << u"1:12"_s << qint64(72'000);
    QTest::newRow("m:ss.d") << u"1:12.3"_s << qint64(72'300);
    QTest::newRow("m:ss.zzz") << u"1:12.345"_s << qint64(72'345);
    QTest::newRow("h:mm:ss") << u"1:02:07"_s << qint64(3'727'000);
    QTest::newRow("seconds") << u"72"_s << qint64(72'000);
    QTest::newRow("zero") << u"0"_s << qint64(0);
    QTest::newRow("seconds.d") << u"72.5"_s << qint64(72'500);
    QTest::newRow("seconds,d") << u"72,5"_s << qint64(72'500);
    QTest::newRow("seconds.zzz") << u"72.125"_s << qint64(72'125);
    QTest::newRow("rounded down") << u"72.1254"_s << qint64(72'125);
    QTest::newRow("rounded up") << u"72.1255"_s << qint64(72'126);
    QTest::newRow("Audacity's six digits") << u"12.345678"_s << qint64(12'346);
    QTest::newRow("many seconds") << u"4500"_s << qint64(4'500'000);
    QTest::newRow("spaces") << u"  1:12 "_s << qint64(72'000);
}

void tst_TimeCode::parseTyped()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QCOMPARE(TimeCode::parseTyped(text), std::optional<qint64>(ms));
}

void tst_TimeCode::parseTypedRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << u"  "_s;
    QTest::newRow("letters") << u"1:7x"_s;
    QTest::newRow("one-digit seconds") << u"1:7"_s;
    QTest::newRow("negative") << u"-3"_s;
    QTest::newRow("word") << u"soon"_s;
    QTest::newRow("seconds with unit") << u"72s"_s;
    QTest::newRow("empty fraction") << u"72."_s;
    QTest::newRow("only a fraction") << u".5"_s;
    QTest::newRow("two points") << u"7.2.5"_s;
    QTest::newRow("too many seconds") << u"12345678901"_s;
}

void tst_TimeCode::parseTypedRejects()
{
    QFETCH(QString, text);
    QCOMPARE(TimeCode::parseTyped(text), std::nullopt);
}

QTEST_GUILESS_MAIN(tst_TimeCode)
#include "tst_timecode.moc"
