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

QTEST_GUILESS_MAIN(tst_TimeCode)
#include "tst_timecode.moc"
