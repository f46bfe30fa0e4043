// How single values of a catalog are read (JsonFields::FieldReader), through
// CatalogReader::readData: types, whole numbers, times, dates, enumerations, blank texts, values
// quoted in messages, long arrays and the cap on the number of messages.
#include "catalog/catalogreader.h"
#include "catalogpatches.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace CatalogPatches;

class tst_JsonFields : public QObject
{
    Q_OBJECT

private slots:
    void faults_data();
    void faults();
    void accepts_data();
    void accepts();
    void readsLongArrays_data();
    void readsLongArrays();
    void capsTheNumberOfMessages_data();
    void capsTheNumberOfMessages();
};

void tst_JsonFields::faults_data()
{
    QTest::addColumn<Patches>("patches");
    QTest::addColumn<QStringList>("expected");
    const QString numberRule = u"(expected a whole number from 1 to 9999)"_s;
    const auto row = addFaultRow;
    // Types.
    row("string found number", {{u"releases[0].title"_s, 5}},
        {u"releases[0].title: expected a string, found a number"_s});
    row("string found null", {{u"releases[0].label"_s, QJsonValue::Null}},
        {u"releases[0].label: expected a string, found null"_s});
    row("string found false", {{u"cues[0].episode"_s, false}},
        {u"cues[0].episode: expected a string, found false"_s});
    row("string found object", {{u"sources[0].url"_s, QJsonObject {}}},
        {u"sources[0].url: expected a string, found an object"_s});
    row("bool found string", {{u"releases[0].complete"_s, u"yes"_s}},
        {u"releases[0].complete: expected true or false, found a string"_s});
    row("bool found number", {{u"releases[0].complete"_s, 1}},
        {u"releases[0].complete: expected true or false, found a number"_s});
    row("section not an array",
        {{u"sources"_s, QJsonObject {}}, {u"excerpts"_s, QJsonValue::Undefined}},
        {u"sources: expected an array, found an object"_s});
    row("section null", {{u"excerpts"_s, QJsonValue::Null}},
        {u"excerpts: expected an array, found null"_s});
    row("element not an object", {{u"themes[1]"_s, u"borg"_s}},
        {u"themes[1]: expected an object, found a string"_s});
    row("tracks not an array", {{u"releases[0].tracks"_s, QJsonObject {}}},
        {u"releases[0].tracks: expected an array, found an object"_s});
    row("track not an object", {{u"releases[0].tracks[2]"_s, true}},
        {u"releases[0].tracks[2]: expected an object, found true"_s});
    row("artists not an array", {{u"releases[0].artists"_s, u"Jeff Russo"_s}},
        {u"releases[0].artists: expected an array, found a string"_s});
    row("artists element", {{u"releases[0].artists"_s, QJsonArray {u"Jeff Russo"_s, 3}}},
        {u"releases[0].artists[1]: expected a string, found a number"_s});
    row("aliases element", {{u"themes[0].aliases"_s, QJsonArray {QJsonValue::Null}}},
        {u"themes[0].aliases[0]: expected a string, found null"_s});
    row("composers not an array", {{u"cues[0].composers"_s, QJsonObject {}}},
        {u"cues[0].composers: expected an array, found an object"_s});
    row("performers element", {{u"cues[0].performers"_s, QJsonArray {true}}},
        {u"cues[0].performers[0]: expected a string, found true"_s});
    row("excerpt releases not an array", {{u"excerpts[0].releases"_s, u"album"_s}},
        {u"excerpts[0].releases: expected an array, found a string"_s});
    row("excerpt cues element", {{u"excerpts[0].cues"_s, QJsonArray {QJsonValue(QJsonArray {})}}},
        {u"excerpts[0].cues[0]: expected a string, found an array"_s});
    row("disc a string", {{u"releases[0].tracks[0].disc"_s, u"1"_s}},
        {u"releases[0].tracks[0].disc: expected a number, found a string"_s});
    row("duration a number", {{u"releases[0].tracks[0].duration"_s, 255}},
        {u"releases[0].tracks[0].duration: expected a string, found a number"_s});
    row("reference a number", {{u"occurrences[0].theme"_s, 1}},
        {u"occurrences[0].theme: expected a string, found a number"_s});

    // Disc and track numbers.
    row("number 0", {{u"releases[0].tracks[0].number"_s, 0}},
        {u"releases[0].tracks[0].number: 0 is out of range "_s + numberRule});
    row("number negative", {{u"releases[0].tracks[0].number"_s, -1}},
        {u"releases[0].tracks[0].number: -1 is out of range "_s + numberRule});
    row("number 10000", {{u"releases[0].tracks[0].number"_s, 10000}},
        {u"releases[0].tracks[0].number: 10000 is out of range "_s + numberRule});
    row("number 1e+30", {{u"releases[0].tracks[0].number"_s, 1e30}},
        {u"releases[0].tracks[0].number: 1e+30 is out of range "_s + numberRule});
    row("number 1e400", {{u"releases[0].tracks[0].number"_s, raw("1e400")}},
        {u"releases[0].tracks[0].number: 1e400 is out of range "_s + numberRule});
    row("number -1e400", {{u"releases[0].tracks[0].number"_s, raw("-1e400")}},
        {u"releases[0].tracks[0].number: -1e400 is out of range "_s + numberRule});
    row("number huge integer",
        {{u"releases[0].tracks[0].number"_s, raw("123456789012345678901234567890")}},
        {u"releases[0].tracks[0].number: 123456789012345678901234567890 is out of range "_s
            + numberRule});
    row("number fraction", {{u"releases[0].tracks[0].number"_s, 2.5}},
        {u"releases[0].tracks[0].number: 2.5 is not a whole number "_s + numberRule});
    row("disc 0", {{u"releases[0].tracks[0].disc"_s, 0}},
        {u"releases[0].tracks[0].disc: 0 is out of range "_s + numberRule});

    // Times.
    row("duration not a time", {{u"releases[0].tracks[0].duration"_s, u"1:7x"_s}},
        {u"releases[0].tracks[0].duration: \"1:7x\" is not a time (expected m:ss)"_s});
    row("duration seconds only", {{u"releases[0].tracks[1].duration"_s, u"120"_s}},
        {u"releases[0].tracks[1].duration: \"120\" is not a time (expected m:ss)"_s});
    row("start not a time", {{u"occurrences[0].start"_s, u"0:1"_s}},
        {u"occurrences[0].start: \"0:1\" is not a time (expected m:ss)"_s});
    row("end not a time", {{u"occurrences[0].end"_s, u"soon"_s}},
        {u"occurrences[0].end: \"soon\" is not a time (expected m:ss)"_s});

    // Dates.
    const QString dateRule = u"(expected YYYY, YYYY-MM or YYYY-MM-DD)"_s;
    row("date 30 February", {{u"releases[0].date"_s, u"2020-02-30"_s}},
        {u"releases[0].date: \"2020-02-30\" is not a date (2020-02 has 29 days)"_s});
    row("date 29 February of a common year", {{u"sources[0].date"_s, u"2021-02-29"_s}},
        {u"sources[0].date: \"2021-02-29\" is not a date (2021-02 has 28 days)"_s});
    row("date 1900 is not a leap year", {{u"sources[0].date"_s, u"1900-02-29"_s}},
        {u"sources[0].date: \"1900-02-29\" is not a date (1900-02 has 28 days)"_s});
    row("date 31 April", {{u"releases[0].date"_s, u"2020-04-31"_s}},
        {u"releases[0].date: \"2020-04-31\" is not a date (2020-04 has 30 days)"_s});
    row("date day 0", {{u"releases[0].date"_s, u"2020-04-00"_s}},
        {u"releases[0].date: \"2020-04-00\" is not a date (2020-04 has 30 days)"_s});
    row("date month 13", {{u"releases[0].date"_s, u"2020-13"_s}},
        {u"releases[0].date: \"2020-13\" is not a date "_s + dateRule});
    row("date month 0", {{u"releases[0].date"_s, u"2020-00-10"_s}},
        {u"releases[0].date: \"2020-00-10\" is not a date "_s + dateRule});
    row("date one-digit month", {{u"releases[0].date"_s, u"2020-2-07"_s}},
        {u"releases[0].date: \"2020-2-07\" is not a date "_s + dateRule});
    row("date second separator", {{u"releases[0].date"_s, u"2020-02/07"_s}},
        {u"releases[0].date: \"2020-02/07\" is not a date "_s + dateRule});
    row("date first separator", {{u"releases[0].date"_s, u"2020x02"_s}},
        {u"releases[0].date: \"2020x02\" is not a date "_s + dateRule});
    row("date slashes", {{u"releases[0].date"_s, u"2020/02/07"_s}},
        {u"releases[0].date: \"2020/02/07\" is not a date "_s + dateRule});
    row("date words", {{u"sources[0].date"_s, u"March 2020"_s}},
        {u"sources[0].date: \"March 2020\" is not a date "_s + dateRule});
    row("date two-digit year", {{u"sources[0].date"_s, u"20"_s}},
        {u"sources[0].date: \"20\" is not a date "_s + dateRule});
    row("date with time", {{u"sources[0].date"_s, u"2020-02-07T10:00"_s}},
        {u"sources[0].date: \"2020-02-07T10:00\" is not a date "_s + dateRule});
    row("date a number", {{u"releases[0].date"_s, 2020}},
        {u"releases[0].date: expected a string, found a number"_s});

    // Enumerations.
    row("occurrence kind", {{u"occurrences[0].kind"_s, u"motif"_s}},
        {u"occurrences[0].kind: \"motif\" is not one of statement, quotation, allusion, fragment, variation"_s});
    row("occurrence kind is case-sensitive", {{u"occurrences[0].kind"_s, u"Statement"_s}},
        {u"occurrences[0].kind: \"Statement\" is not one of statement, quotation, allusion, fragment, variation"_s});
    row("occurrence position", {{u"occurrences[0].position"_s, u"start"_s}},
        {u"occurrences[0].position: \"start\" is not one of opening, middle, ending, throughout"_s});
    row("source kind", {{u"sources[0].kind"_s, u"blog"_s}},
        {u"sources[0].kind: \"blog\" is not one of review, interview, article, liner-notes, other"_s});
    row("source kind a number", {{u"sources[0].kind"_s, 1}},
        {u"sources[0].kind: expected a string, found a number"_s});

    // Who speaks in an excerpt.
    row("speaker empty", {{u"excerpts[0].speaker"_s, u""_s}},
        {u"excerpts[0].speaker: \"\" is blank (expected the name of who speaks, or no \"speaker\" key)"_s});
    row("speaker white space", {{u"excerpts[0].speaker"_s, u"  "_s}},
        {u"excerpts[0].speaker: \"  \" is blank (expected the name of who speaks, or no \"speaker\" key)"_s});
    row("speaker a number", {{u"excerpts[0].speaker"_s, 7}},
        {u"excerpts[0].speaker: expected a string, found a number"_s});
    row("speaker null", {{u"excerpts[0].speaker"_s, QJsonValue::Null}},
        {u"excerpts[0].speaker: expected a string, found null"_s});
    row("speaker a list", {{u"excerpts[0].speaker"_s, QJsonArray {u"Jeff Russo"_s}}},
        {u"excerpts[0].speaker: expected a string, found an array"_s});

    // Values in messages are quoted safely and cut short.
    row("quote and line break in a value", {{u"occurrences[0].kind"_s, u"a \"b\"\nc"_s}},
        {u"occurrences[0].kind: \"a \\\"b\\\"\\nc\" is not one of statement, quotation, allusion, fragment, variation"_s});
    row("long value", {{u"occurrences[0].theme"_s, QString(100, u'x')}},
        {u"occurrences[0].theme: no theme \""_s + QString(60, u'x') + u"…\""_s});
    row("long value cut before a surrogate pair",
        {{u"occurrences[0].theme"_s, QString(QString(59, u'x') + u"𝄞𝄞"_s)}},
        {u"occurrences[0].theme: no theme \""_s + QString(59, u'x') + u"…\""_s});
}

void tst_JsonFields::faults()
{
    QFETCH(Patches, patches);
    QFETCH(QStringList, expected);
    CatalogReader reader;
    QVERIFY(!reader.readData(catalogJson(patches), FileName));
    QCOMPARE(reader.errors(), expected);
    QCOMPARE(reader.errorString(), expected.join(u'\n'));
    QVERIFY(isEmpty(reader.catalog()));
}

void tst_JsonFields::accepts_data()
{
    QTest::addColumn<Patches>("patches");
    QTest::newRow("number 1.0") << Patches {{u"releases[0].tracks[0].number"_s, raw("1.0")}};
    QTest::newRow("number 9999") << Patches {{u"releases[0].tracks[0].number"_s, 9999}};
    QTest::newRow("number 1e1") << Patches {{u"releases[0].tracks[0].number"_s, raw("1E1")}};
    QTest::newRow("h:mm:ss and fractions") << Patches {
        {u"releases[0].tracks[0].duration"_s, u"1:02:07"_s},
        {u"occurrences[0].start"_s, u"0:41.250"_s}, {u"occurrences[0].end"_s, u"1:00:00.5"_s}};
    QTest::newRow("dates") << Patches {
        {u"releases[0].date"_s, u"2020"_s}, {u"sources[0].date"_s, u"2020-02"_s}};
    QTest::newRow("leap days") << Patches {
        {u"releases[0].date"_s, u"2000-02-29"_s}, {u"sources[0].date"_s, u"2024-02-29"_s}};
    QTest::newRow("escapes in text")
        << Patches {{u"releases[0].title"_s, raw(R"("Tab\tQuote\"Slash\/Back\\\ud834\udd1e")")}};
}

void tst_JsonFields::accepts()
{
    QFETCH(Patches, patches);
    CatalogReader reader;
    QVERIFY2(reader.readData(catalogJson(patches), FileName), qPrintable(reader.errorString()));
    QCOMPARE(reader.errors(), QStringList());
    QCOMPARE(reader.catalog().filePath, FileName);
}

// The parser keeps element counts up to 65535 in its nodes and counts longer arrays again.
void tst_JsonFields::readsLongArrays_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("65535") << 65'535;
    QTest::newRow("70000") << 70'000;
}

void tst_JsonFields::readsLongArrays()
{
    QFETCH(int, count);
    QJsonArray themes;
    for (int i = 0; i < count; ++i)
        themes.append(QJsonObject {{u"id"_s, u"t%1"_s.arg(i)}, {u"name"_s, u"T"_s}});
    CatalogReader reader;
    QVERIFY2(reader.readData(
                 catalogJson({{u"themes"_s, themes}, {u"occurrences"_s, QJsonArray {}}}), FileName),
        qPrintable(reader.errorString()));
    QCOMPARE(reader.catalog().themes.size(), count);
    QCOMPARE(reader.catalog().themes.last().id, u"t%1"_s.arg(count - 1));
}

// A file broken in every element gives the first thousand messages and a count of the rest,
// not millions of lines.
void tst_JsonFields::capsTheNumberOfMessages_data()
{
    QTest::addColumn<int>("faults");
    QTest::newRow("1000") << 1000;
    QTest::newRow("1001") << 1001;
    QTest::newRow("1500") << 1500;
}

void tst_JsonFields::capsTheNumberOfMessages()
{
    QFETCH(int, faults);
    QJsonArray themes;
    for (int i = 0; i < faults; ++i)
        themes.append(QJsonObject {{u"id"_s, u"t%1"_s.arg(i)}, {u"x"_s, i}});
    CatalogReader reader;
    QVERIFY(!reader.readData(
        catalogJson({{u"themes"_s, themes}, {u"occurrences"_s, QJsonArray {}}}), FileName));
    const int listed = std::min(faults, 1000);
    QCOMPARE(reader.errors().size(), faults > 1000 ? 1001 : 1000);
    QCOMPARE(reader.errors().at(0), fault(u"themes[0].name: required"_s));
    QCOMPARE(reader.errors().at(listed - 1), fault(u"themes[%1].name: required"_s.arg(listed - 1)));
    QCOMPARE(reader.warnings().size(), reader.errors().size());
    QCOMPARE(reader.warnings().at(listed - 1),
        fault(u"themes[%1].x: unknown key (ignored)"_s.arg(listed - 1)));
    if (faults > 1000) {
        const QString rest = fault(u"%1 more not listed"_s.arg(faults - 1000));
        QCOMPARE(reader.errors().last(), rest);
        QCOMPARE(reader.warnings().last(), rest);
    }
}

QTEST_GUILESS_MAIN(tst_JsonFields)
#include "tst_jsonfields.moc"
