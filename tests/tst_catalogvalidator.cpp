// The rules of the catalog format (CatalogValidator), through CatalogReader::readData: what is
// required, ids and references, the format and its version, unknown and repeated keys, and what
// a valid file reads as. How single values are read and typed is tst_jsonfields'.
#include "catalog/catalogreader.h"
#include "catalogpatches.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace CatalogPatches;

class tst_CatalogValidator : public QObject
{
    Q_OBJECT

private slots:
    void faults_data();
    void faults();
    void accepts_data();
    void accepts();
    void reportsAllFaultsInDocumentOrder();
    void refusesOtherFormatsAlone();
    void warnsAboutUnknownKeys();
    void refusesDuplicateKeys();
    void readsImplicitCues();
    void readsEveryField();
    void readsSharedCues();
};

namespace {

const QString IdRule
    = u"(expected lower-case letters, digits and dashes, starting with a letter or digit)"_s;

} // namespace

void tst_CatalogValidator::faults_data()
{
    QTest::addColumn<Patches>("patches");
    QTest::addColumn<QStringList>("expected");
    const QJsonValue remove(QJsonValue::Undefined);
    const auto row = addFaultRow;

    // The three examples of resources/catalogs/catalog-format.md, word for word.
    row("format doc: time",
        {{u"releases[1]"_s,
             QJsonObject {
                 {u"id"_s, u"second"_s}, {u"title"_s, u"Second"_s}, {u"tracks"_s, QJsonArray {}}}},
            {u"releases[1].tracks"_s,
                QJsonDocument::fromJson(R"([
            {"number": 1, "title": "a"}, {"number": 2, "title": "b"}, {"number": 3, "title": "c"},
            {"number": 4, "title": "d"}, {"number": 5, "title": "e", "duration": "1:7x"}])")
                    .array()}},
        {u"releases[1].tracks[4].duration: \"1:7x\" is not a time (expected m:ss)"_s});
    QJsonArray thirteenOccurrences;
    for (int i = 0; i < 12; ++i)
        thirteenOccurrences.append(QJsonObject {{u"theme"_s, u"borg"_s}, {u"cue"_s, u"twins"_s}});
    thirteenOccurrences.append(QJsonObject {{u"theme"_s, u"romulan"_s}, {u"cue"_s, u"twins"_s}});
    row("format doc: reference",
        {{u"themes[0].id"_s, u"borg"_s}, {u"occurrences"_s, thirteenOccurrences}},
        {u"occurrences[12].theme: no theme \"romulan\""_s});
    row("format doc: defined twice",
        {{u"cues[1]"_s, QJsonObject {{u"id"_s, u"main-title"_s}, {u"title"_s, u"Main Title"_s}}},
            {u"cues[2]"_s, QJsonObject {{u"id"_s, u"arrival"_s}, {u"title"_s, u"Arrival"_s}}},
            {u"cues[3]"_s,
                QJsonObject {{u"id"_s, u"main-title"_s}, {u"title"_s, u"Main Title"_s}}}},
        {u"cues[3].id: \"main-title\" is defined twice"_s});

    // Required values, kind by kind.
    row("catalog id required", {{u"id"_s, remove}}, {u"id: required"_s});
    row("catalog title required", {{u"title"_s, remove}}, {u"title: required"_s});
    row("catalog title empty", {{u"title"_s, u""_s}},
        {u"title: required (found an empty string)"_s});
    row("source id required", {{u"sources[1]"_s, QJsonObject {{u"title"_s, u"x"_s}}}},
        {u"sources[1].id: required"_s});
    row("source title required", {{u"sources[0].title"_s, remove}},
        {u"sources[0].title: required"_s});
    row("theme id required", {{u"themes[1]"_s, QJsonObject {{u"name"_s, u"x"_s}}}},
        {u"themes[1].id: required"_s});
    row("theme name required", {{u"themes[0].name"_s, remove}}, {u"themes[0].name: required"_s});
    row("cue id required", {{u"cues[1]"_s, QJsonObject {{u"title"_s, u"x"_s}}}},
        {u"cues[1].id: required"_s});
    row("cue title required", {{u"cues[0].title"_s, remove}}, {u"cues[0].title: required"_s});
    row("release id required", {{u"releases[0].id"_s, remove}}, {u"releases[0].id: required"_s});
    row("release title required", {{u"releases[0].title"_s, remove}},
        {u"releases[0].title: required"_s});
    row("release tracks required", {{u"releases[0].tracks"_s, remove}},
        {u"releases[0].tracks: required"_s});
    row("track number required", {{u"releases[0].tracks[1].number"_s, remove}},
        {u"releases[0].tracks[1].number: required"_s});
    row("track title required", {{u"releases[0].tracks[0].title"_s, remove}},
        {u"releases[0].tracks[0].title: required"_s});
    row("occurrence theme required", {{u"occurrences[0].theme"_s, remove}},
        {u"occurrences[0].theme: required"_s});
    row("occurrence cue required", {{u"occurrences[0].cue"_s, remove}},
        {u"occurrences[0].cue: required"_s});
    row("occurrence cue empty", {{u"occurrences[0].cue"_s, u""_s}},
        {u"occurrences[0].cue: required (found an empty string)"_s});
    row("excerpt id required", {{u"excerpts[0].id"_s, remove}}, {u"excerpts[0].id: required"_s});
    row("excerpt source required", {{u"excerpts[0].source"_s, remove}},
        {u"excerpts[0].source: required"_s});
    row("excerpt text required", {{u"excerpts[0].text"_s, remove}},
        {u"excerpts[0].text: required"_s});
    row("excerpt text empty", {{u"excerpts[0].text"_s, u""_s}},
        {u"excerpts[0].text: required (found an empty string)"_s});

    // Ids: the pattern, and unique within their kind.
    row("catalog id pattern", {{u"id"_s, u"Star Trek"_s}},
        {u"id: \"Star Trek\" is not a valid id "_s + IdRule});
    row("theme id with spaces",
        {{u"themes[1]"_s, QJsonObject {{u"id"_s, u"Main Title"_s}, {u"name"_s, u"x"_s}}}},
        {u"themes[1].id: \"Main Title\" is not a valid id "_s + IdRule});
    row("id starting with a dash",
        {{u"sources[1]"_s, QJsonObject {{u"id"_s, u"-x"_s}, {u"title"_s, u"x"_s}}}},
        {u"sources[1].id: \"-x\" is not a valid id "_s + IdRule});
    row("id with an underscore",
        {{u"cues[1]"_s, QJsonObject {{u"id"_s, u"main_title"_s}, {u"title"_s, u"x"_s}}}},
        {u"cues[1].id: \"main_title\" is not a valid id "_s + IdRule});
    row("id with a slash",
        {{u"cues[1]"_s, QJsonObject {{u"id"_s, u"album/1-2"_s}, {u"title"_s, u"x"_s}}}},
        {u"cues[1].id: \"album/1-2\" is not a valid id "_s + IdRule});
    row("id non-ASCII letter", {{u"excerpts[0].id"_s, u"café"_s}},
        {u"excerpts[0].id: \"café\" is not a valid id "_s + IdRule});
    row("id empty", {{u"releases[0].id"_s, u""_s}},
        {u"releases[0].id: \"\" is not a valid id "_s + IdRule});
    row("id a number", {{u"releases[0].id"_s, 7}},
        {u"releases[0].id: expected a string, found a number"_s});
    row("source defined twice",
        {{u"sources[1]"_s, QJsonObject {{u"id"_s, u"review"_s}, {u"title"_s, u"x"_s}}}},
        {u"sources[1].id: \"review\" is defined twice"_s});
    row("theme defined twice",
        {{u"themes[1]"_s, QJsonObject {{u"id"_s, u"romulan"_s}, {u"name"_s, u"x"_s}}}},
        {u"themes[1].id: \"romulan\" is defined twice"_s});
    row("release defined twice",
        {{u"releases[1]"_s,
            QJsonObject {
                {u"id"_s, u"album"_s}, {u"title"_s, u"x"_s}, {u"tracks"_s, QJsonArray {}}}}},
        {u"releases[1].id: \"album\" is defined twice"_s});
    row("excerpt defined twice",
        {{u"excerpts[1]"_s,
            QJsonObject {{u"id"_s, u"quote"_s}, {u"source"_s, u"review"_s}, {u"text"_s, u"x"_s}}}},
        {u"excerpts[1].id: \"quote\" is defined twice"_s});

    // A disc and track number appear once in a release.
    row("disc and number twice",
        {{u"releases[0].tracks[1].number"_s, 4},
            {u"releases[0].tracks[2]"_s, QJsonObject {{u"number"_s, 3}, {u"title"_s, u"c"_s}}},
            {u"releases[0].tracks[3]"_s, QJsonObject {{u"number"_s, 4}, {u"title"_s, u"d"_s}}}},
        {u"releases[0].tracks[3]: disc 1 track 4 appears twice (also releases[0].tracks[1])"_s});
    row("explicit disc 1 equals the default",
        {{u"releases[0].tracks[1]"_s,
            QJsonObject {{u"disc"_s, 1}, {u"number"_s, 1}, {u"title"_s, u"b"_s}}}},
        {u"releases[0].tracks[1]: disc 1 track 1 appears twice (also releases[0].tracks[0])"_s});
    row("three times the same track",
        {{u"releases[0].tracks[1].number"_s, 1},
            {u"releases[0].tracks[2]"_s, QJsonObject {{u"number"_s, 1}, {u"title"_s, u"c"_s}}}},
        {u"releases[0].tracks[1]: disc 1 track 1 appears twice (also releases[0].tracks[0])"_s,
            u"releases[0].tracks[2]: disc 1 track 1 appears twice (also releases[0].tracks[0])"_s});

    // Times against each other and against the length of the cue.
    row("end before start",
        {{u"occurrences[0].start"_s, u"1:20"_s}, {u"occurrences[0].end"_s, u"1:10"_s}},
        {u"occurrences[0].end: \"1:10\" is before start \"1:20\""_s});
    row("start past the end of the cue",
        {{u"occurrences[0].start"_s, u"9:00"_s}, {u"occurrences[0].end"_s, remove}},
        {u"occurrences[0].start: \"9:00\" is past the end of cue \"twins\" (4:15)"_s});
    row("end past the end of the cue", {{u"occurrences[0].end"_s, u"4:15.001"_s}},
        {u"occurrences[0].end: \"4:15.001\" is past the end of cue \"twins\" (4:15)"_s});
    row("both past the end of an implicit cue",
        {{u"occurrences[0].cue"_s, u"album/1-2"_s}, {u"occurrences[0].start"_s, u"3:00"_s},
            {u"occurrences[0].end"_s, u"3:30"_s}},
        // QJsonDocument writes "end" before "start": document order.
        {u"occurrences[0].end: \"3:30\" is past the end of cue \"album/1-2\" (2:00)"_s,
            u"occurrences[0].start: \"3:00\" is past the end of cue \"album/1-2\" (2:00)"_s});

    // References.
    row("occurrence theme", {{u"occurrences[0].theme"_s, u"klingon"_s}},
        {u"occurrences[0].theme: no theme \"klingon\""_s});
    row("occurrence cue",
        {{u"occurrences[0].cue"_s, u"nope"_s}, {u"occurrences[0].start"_s, remove}},
        {u"occurrences[0].cue: no cue \"nope\""_s});
    row("occurrence source", {{u"occurrences[0].source"_s, u"blog"_s}},
        {u"occurrences[0].source: no source \"blog\""_s});
    row("occurrence source empty", {{u"occurrences[0].source"_s, u""_s}},
        {u"occurrences[0].source: no source \"\""_s});
    row("occurrence of a missing implicit cue", {{u"occurrences[0].cue"_s, u"album/1-3"_s}},
        {u"occurrences[0].cue: no cue \"album/1-3\""_s});
    row("a theme id is not a cue", {{u"occurrences[0].cue"_s, u"romulan"_s}},
        {u"occurrences[0].cue: no cue \"romulan\""_s});
    row("track cue", {{u"releases[0].tracks[0].cue"_s, u"twin"_s}},
        {u"releases[0].tracks[0].cue: no cue \"twin\""_s});
    row("track cue a number", {{u"releases[0].tracks[0].cue"_s, 1}},
        {u"releases[0].tracks[0].cue: expected a string, found a number"_s});
    row("excerpt source", {{u"excerpts[0].source"_s, u"revue"_s}},
        {u"excerpts[0].source: no source \"revue\""_s});
    row("excerpt release", {{u"excerpts[0].releases"_s, QJsonArray {u"album"_s, u"box-set"_s}}},
        {u"excerpts[0].releases[1]: no release \"box-set\""_s});
    row("excerpt cue",
        {{u"excerpts[0].cues"_s, QJsonArray {u"twins"_s, u"album/1-2"_s, u"album/2-1"_s}}},
        {u"excerpts[0].cues[2]: no cue \"album/2-1\""_s});
    row("excerpt theme", {{u"excerpts[0].themes"_s, QJsonArray {u"borg"_s}}},
        {u"excerpts[0].themes[0]: no theme \"borg\""_s});
    row("reference with an escape", {{u"occurrences[0].theme"_s, raw(R"("rom\u00fclan")")}},
        {u"occurrences[0].theme: no theme \"romülan\""_s});

    // Several sources for one entrance, and inferred entrances.
    row("occurrence sources", {{u"occurrences[0].sources"_s, QJsonArray {u"review"_s, u"blog"_s}}},
        {u"occurrences[0].sources[1]: no source \"blog\""_s});
    row("occurrence sources listed twice",
        {{u"occurrences[0].sources"_s, QJsonArray {u"review"_s, u"review"_s}}},
        {u"occurrences[0].sources[1]: \"review\" is listed twice"_s});
    row("occurrence sources not an array", {{u"occurrences[0].sources"_s, u"review"_s}},
        {u"occurrences[0].sources: expected an array, found a string"_s});
    row("occurrence sources element", {{u"occurrences[0].sources"_s, QJsonArray {u"review"_s, 2}}},
        {u"occurrences[0].sources[1]: expected a string, found a number"_s});
    row("occurrence source and sources",
        {{u"occurrences[0].source"_s, u"review"_s},
            {u"occurrences[0].sources"_s, QJsonArray {u"review"_s}}},
        {u"occurrences[0].sources: both \"source\" and \"sources\" are given (expected one of them)"_s});
    row("inferred a string", {{u"occurrences[0].inferred"_s, u"yes"_s}},
        {u"occurrences[0].inferred: expected true or false, found a string"_s});
    row("basis without inferred", {{u"occurrences[0].basis"_s, u"The title says so."_s}},
        {u"occurrences[0].basis: only an inferred occurrence has a basis (expected \"inferred\": true)"_s});
    row("basis with inferred false",
        {{u"occurrences[0].inferred"_s, false}, {u"occurrences[0].basis"_s, u"The title."_s}},
        {u"occurrences[0].basis: only an inferred occurrence has a basis (expected \"inferred\": true)"_s});
    row("basis with a faulty inferred",
        {{u"occurrences[0].inferred"_s, 1}, {u"occurrences[0].basis"_s, u"The title."_s}},
        {u"occurrences[0].inferred: expected true or false, found a number"_s});
    row("basis empty", {{u"occurrences[0].inferred"_s, true}, {u"occurrences[0].basis"_s, u""_s}},
        {u"occurrences[0].basis: \"\" is blank (expected what the inference rests on, or no \"basis\" key)"_s});
    row("basis white space",
        {{u"occurrences[0].inferred"_s, true}, {u"occurrences[0].basis"_s, u" \t"_s}},
        {u"occurrences[0].basis: \" \\u0009\" is blank (expected what the inference rests on, or no \"basis\" key)"_s});
    row("basis a number", {{u"occurrences[0].inferred"_s, true}, {u"occurrences[0].basis"_s, 3}},
        {u"occurrences[0].basis: expected a string, found a number"_s});

    // Covers stay inside the catalog's folder.
    row("cover parent", {{u"releases[0].cover"_s, u"../x.png"_s}},
        {u"releases[0].cover: \"../x.png\" leaves the catalog's folder"_s});
    row("cover the parent folder", {{u"releases[0].cover"_s, u".."_s}},
        {u"releases[0].cover: \"..\" leaves the catalog's folder"_s});
    row("cover climbing out", {{u"releases[0].cover"_s, u"covers/../../x.png"_s}},
        {u"releases[0].cover: \"covers/../../x.png\" leaves the catalog's folder"_s});
    row("cover parent with backslashes", {{u"releases[0].cover"_s, u"..\\x.png"_s}},
        {u"releases[0].cover: \"..\\\\x.png\" leaves the catalog's folder"_s});
    row("cover absolute", {{u"releases[0].cover"_s, u"/etc/passwd"_s}},
        {u"releases[0].cover: \"/etc/passwd\" is an absolute path (expected a path relative to the catalog file)"_s});
    row("cover drive letter", {{u"releases[0].cover"_s, u"C:\\covers\\x.png"_s}},
        {u"releases[0].cover: \"C:\\\\covers\\\\x.png\" is an absolute path (expected a path relative to the catalog file)"_s});
    row("cover network path", {{u"releases[0].cover"_s, u"\\\\server\\x.png"_s}},
        {u"releases[0].cover: \"\\\\\\\\server\\\\x.png\" is an absolute path (expected a path relative to the catalog file)"_s});
    row("cover resource", {{u"releases[0].cover"_s, u":/covers/x.png"_s}},
        {u"releases[0].cover: \":/covers/x.png\" is an absolute path (expected a path relative to the catalog file)"_s});
    row("cover empty", {{u"releases[0].cover"_s, u""_s}},
        {u"releases[0].cover: \"\" is not a path (expected a path relative to the catalog file)"_s});
}

void tst_CatalogValidator::faults()
{
    QFETCH(Patches, patches);
    QFETCH(QStringList, expected);
    CatalogReader reader;
    QVERIFY(!reader.readData(catalogJson(patches), FileName));
    QCOMPARE(reader.errors(), expected);
    QCOMPARE(reader.errorString(), expected.join(u'\n'));
    QVERIFY(isEmpty(reader.catalog()));
}

void tst_CatalogValidator::accepts_data()
{
    QTest::addColumn<Patches>("patches");
    const QJsonValue remove(QJsonValue::Undefined);
    QTest::newRow("no sections at all")
        << Patches {{u"sources"_s, remove}, {u"themes"_s, remove}, {u"cues"_s, remove},
               {u"releases"_s, remove}, {u"occurrences"_s, remove}, {u"excerpts"_s, remove}};
    QTest::newRow("empty sections") << Patches {{u"sources"_s, QJsonArray {}},
        {u"themes"_s, QJsonArray {}}, {u"cues"_s, QJsonArray {}}, {u"releases"_s, QJsonArray {}},
        {u"occurrences"_s, QJsonArray {}}, {u"excerpts"_s, QJsonArray {}}};
    QTest::newRow("empty tracks") << Patches {
        {u"releases[0].tracks"_s, QJsonArray {}}, {u"occurrences"_s, remove}};
    QTest::newRow("empty lists") << Patches {
        {u"releases[0].artists"_s, QJsonArray {}}, {u"excerpts[0].cues"_s, QJsonArray {}}};
    QTest::newRow("same id in two kinds")
        << Patches {{u"themes[0].id"_s, u"twins"_s}, {u"occurrences[0].theme"_s, u"twins"_s}};
    QTest::newRow("digits first in an id") << Patches {{u"id"_s, u"2020-scores"_s}};
    QTest::newRow("dashes in an id") << Patches {{u"id"_s, u"a--b-"_s}};
    QTest::newRow("version 1.0") << Patches {{u"version"_s, 1.0}};
    QTest::newRow("same number on two discs")
        << Patches {{u"releases[0].tracks[1].number"_s, 1}, {u"releases[0].tracks[1].disc"_s, 2}};
    QTest::newRow("same number on two releases") << Patches {{u"releases[1]"_s,
        QJsonObject {{u"id"_s, u"other"_s}, {u"title"_s, u"Other"_s},
            {u"tracks"_s, QJsonArray {QJsonObject {{u"number"_s, 1}, {u"title"_s, u"x"_s}}}}}}};
    QTest::newRow("start equals end") << Patches {{u"occurrences[0].end"_s, u"0:10"_s}};
    QTest::newRow("end at the very end") << Patches {{u"occurrences[0].end"_s, u"4:15"_s}};
    QTest::newRow("end without start") << Patches {{u"occurrences[0].start"_s, remove}};
    QTest::newRow("time and position") << Patches {{u"occurrences[0].position"_s, u"opening"_s}};
    QTest::newRow("no duration, any time")
        << Patches {{u"releases[0].tracks[0].duration"_s, remove},
               {u"occurrences[0].start"_s, u"59:00"_s}, {u"occurrences[0].end"_s, u"59:59"_s}};
    QTest::newRow("the longest track decides") << Patches {
        {u"releases[1]"_s,
            QJsonObject {{u"id"_s, u"reissue"_s}, {u"title"_s, u"Reissue"_s},
                {u"tracks"_s,
                    QJsonArray {QJsonObject {{u"number"_s, 1}, {u"title"_s, u"Twins (long)"_s},
                        {u"duration"_s, u"5:00"_s}, {u"cue"_s, u"twins"_s}}}}}},
        {u"occurrences[0].end"_s, u"4:50"_s}};
    QTest::newRow("complete false") << Patches {{u"releases[0].complete"_s, false}};
    QTest::newRow("cover inside") << Patches {{u"releases[0].cover"_s, u"covers/album.png"_s}};
    QTest::newRow("cover back inside")
        << Patches {{u"releases[0].cover"_s, u"covers/../album.png"_s}};
    QTest::newRow("cover with a dot") << Patches {{u"releases[0].cover"_s, u"./album.png"_s}};
    QTest::newRow("cover with a colon later")
        << Patches {{u"releases[0].cover"_s, u"covers/a:b.png"_s}};
    QTest::newRow("implicit cue referenced")
        << Patches {{u"occurrences[1]"_s,
                        QJsonObject {{u"theme"_s, u"romulan"_s}, {u"cue"_s, u"album/1-2"_s},
                            {u"end"_s, u"2:00"_s}}},
               {u"excerpts[0].cues"_s, QJsonArray {u"album/1-2"_s}}};
    QTest::newRow("track naming a later release's implicit cue") << Patches {
        {u"releases[0].tracks[1].cue"_s, u"later/1-1"_s},
        {u"releases[1]"_s,
            QJsonObject {{u"id"_s, u"later"_s}, {u"title"_s, u"Later"_s},
                {u"tracks"_s, QJsonArray {QJsonObject {{u"number"_s, 1}, {u"title"_s, u"x"_s}}}}}}};
    QTest::newRow("escaped reference")
        << Patches {{u"occurrences[0].theme"_s, raw(R"("rom\u0075lan")")}};
    QTest::newRow("sources") << Patches {
        {u"sources[1]"_s, QJsonObject {{u"id"_s, u"blog"_s}, {u"title"_s, u"Blog"_s}}},
        {u"occurrences[0].sources"_s, QJsonArray {u"review"_s, u"blog"_s}}};
    QTest::newRow("sources empty") << Patches {{u"occurrences[0].sources"_s, QJsonArray {}}};
    QTest::newRow("inferred without a basis") << Patches {{u"occurrences[0].inferred"_s, true}};
    QTest::newRow("inferred with a basis") << Patches {
        {u"occurrences[0].inferred"_s, true}, {u"occurrences[0].basis"_s, u"The title."_s}};
    QTest::newRow("inferred false") << Patches {{u"occurrences[0].inferred"_s, false}};
    QTest::newRow("speaker") << Patches {{u"excerpts[0].speaker"_s, u"Jeff Russo"_s}};
    QTest::newRow("huge number in an unknown key") << Patches {{u"extra"_s, raw("1e400")}};
    QTest::newRow("nested unknown key")
        << Patches {{u"releases[0].tracks[0].extra"_s, QJsonObject {{u"a"_s, QJsonArray {1, 2}}}}};
    QTest::newRow("null in an unknown key") << Patches {{u"extra"_s, QJsonValue::Null}};
}

void tst_CatalogValidator::accepts()
{
    QFETCH(Patches, patches);
    CatalogReader reader;
    QVERIFY2(reader.readData(catalogJson(patches), FileName), qPrintable(reader.errorString()));
    QCOMPARE(reader.errors(), QStringList());
    QCOMPARE(reader.catalog().filePath, FileName);
}

// Faults come out in the order of the file, although references are checked after the
// definitions are read, and releases before occurrences whatever order the file has.
void tst_CatalogValidator::reportsAllFaultsInDocumentOrder()
{
    const QByteArray json = R"({
  "format": "cuebook-catalog", "version": 1, "id": "order", "title": "Order",
  "occurrences": [ { "theme": "klingon", "cue": "twins", "start": "9:00" } ],
  "releases": [ { "id": "album", "title": "Album", "date": "2020-02-30", "tracks": [
      { "number": 1, "title": "Twins", "duration": "4:15", "cue": "twins" } ] } ],
  "themes": [ { "id": "Borg", "name": "Borg" } ],
  "cues": [ { "id": "twins" } ]
})";
    CatalogReader reader;
    QVERIFY(!reader.readData(json, FileName));
    QCOMPARE(reader.errors(),
        (QStringList {fault(u"occurrences[0].theme: no theme \"klingon\""_s),
            fault(u"occurrences[0].start: \"9:00\" is past the end of cue \"twins\" (4:15)"_s),
            fault(u"releases[0].date: \"2020-02-30\" is not a date (2020-02 has 29 days)"_s),
            fault(u"themes[0].id: \"Borg\" is not a valid id "_s + IdRule),
            fault(u"cues[0].title: required"_s)}));
}

void tst_CatalogValidator::refusesOtherFormatsAlone()
{
    const QJsonValue remove(QJsonValue::Undefined);
    CatalogReader reader;
    QVERIFY(!reader.readData(catalogJson({{u"format"_s, u"cuebook"_s}, {u"version"_s, 3},
                                 {u"title"_s, remove}, {u"releases"_s, 7}}),
        FileName));
    QCOMPARE(reader.errors(),
        (QStringList {fault(u"format: \"cuebook\" is not \"cuebook-catalog\""_s),
            fault(
                u"version: 3 is newer than this version of Cuebook reads (it reads version 1)"_s)}));

    const QList<std::pair<QJsonValue, QString>> versions {
        {remove, u"version: required (expected 1)"_s},
        {0, u"version: 0 is not a version of the format (expected 1)"_s},
        {-2, u"version: -2 is not a version of the format (expected 1)"_s},
        {1.5, u"version: 1.5 is not a version of the format (expected 1)"_s},
        {raw("1e400"), u"version: 1e400 is not a version of the format (expected 1)"_s},
        {2, u"version: 2 is newer than this version of Cuebook reads (it reads version 1)"_s},
        {u"1"_s, u"version: expected a number, found a string"_s}};
    for (const auto &[version, message] : versions) {
        QVERIFY(
            !reader.readData(catalogJson({{u"version"_s, version}, {u"id"_s, remove}}), FileName));
        QCOMPARE(reader.errors(), QStringList {fault(message)});
    }
    QVERIFY(!reader.readData(catalogJson({{u"format"_s, remove}}), FileName));
    QCOMPARE(
        reader.errors(), QStringList {fault(u"format: required (expected \"cuebook-catalog\")"_s)});
    QVERIFY(!reader.readData(catalogJson({{u"format"_s, QJsonArray {}}}), FileName));
    QCOMPARE(reader.errors(), QStringList {fault(u"format: expected a string, found an array"_s)});
    // No warnings either: nothing of such a file is interpreted.
    QVERIFY(
        !reader.readData(catalogJson({{u"version"_s, 2}, {u"layout"_s, u"sides"_s}}), FileName));
    QCOMPARE(reader.warnings(), QStringList());
}

void tst_CatalogValidator::warnsAboutUnknownKeys()
{
    CatalogReader reader;
    QVERIFY2(reader.readData(catalogJson({{u"releases[0].edition"_s, u"deluxe"_s},
                                 {u"editor"_s, QJsonObject {{u"name"_s, u"me"_s}}},
                                 {u"occurrences[0].bar numbers"_s, QJsonArray {12, 13}}}),
                 FileName),
        qPrintable(reader.errorString()));
    // QJsonDocument writes keys in alphabetical order, which is the document order here.
    QCOMPARE(reader.warnings(),
        (QStringList {fault(u"editor: unknown key (ignored)"_s),
            fault(u"occurrences[0][\"bar numbers\"]: unknown key (ignored)"_s),
            fault(u"releases[0].edition: unknown key (ignored)"_s)}));
    QCOMPARE(reader.errors(), QStringList());
    QCOMPARE(reader.catalog().releases.at(0).title, u"Album"_s);

    // Keys are shown escaped and cut short, so a message stays one line.
    QVERIFY(reader.readData(
        catalogJson({{u"a\"b\nc"_s, 1}, {QString(100, u'k'), 2}, {QString(59, u'm') + u"𝄞𝄞"_s, 3}}),
        FileName));
    QCOMPARE(reader.warnings(),
        (QStringList {fault(u"[\"a\\\"b\\u000ac\"]: unknown key (ignored)"_s),
            fault(QString(60, u'k') + u"…: unknown key (ignored)"_s),
            fault(u"[\""_s + QString(59, u'm') + u"…\"]: unknown key (ignored)"_s)}));

    // Warnings are reported for a refused file too.
    QVERIFY(!reader.readData(
        catalogJson({{u"releases[0].edition"_s, 2}, {u"releases[0].title"_s, 2}}), FileName));
    QCOMPARE(
        reader.warnings(), QStringList {fault(u"releases[0].edition: unknown key (ignored)"_s)});
    QCOMPARE(reader.errors(),
        QStringList {fault(u"releases[0].title: expected a string, found a number"_s)});
}

// JSON parsers usually keep the last of two equal keys without a word; a catalog must not lose
// a value that way.
void tst_CatalogValidator::refusesDuplicateKeys()
{
    CatalogReader reader;
    QVERIFY(!reader.readData(R"({"format": "cuebook-catalog", "version": 1, "id": "x", "title": "X",
        "releases": [ { "id": "a", "title": "A", "tracks": [], "tracks": [ { "number": 1, "title": "T" } ] } ],
        "title": "Y", "note": 1, "note": 2 })",
        FileName));
    QCOMPARE(reader.errors(),
        (QStringList {fault(u"releases[0].tracks: the key appears twice"_s),
            fault(u"title: the key appears twice"_s)}));
    // Unknown keys are only warned about, once each time they appear.
    QCOMPARE(reader.warnings(),
        (QStringList {
            fault(u"note: unknown key (ignored)"_s), fault(u"note: unknown key (ignored)"_s)}));
}

void tst_CatalogValidator::readsImplicitCues()
{
    CatalogReader reader;
    const Patches patches {
        {u"releases[0].tracks[2]"_s,
            QJsonObject {{u"disc"_s, 2}, {u"number"_s, 7}, {u"title"_s, u"Bonus"_s}}},
        {u"occurrences[1]"_s,
            QJsonObject {{u"theme"_s, u"romulan"_s}, {u"cue"_s, u"album/2-7"_s},
                {u"kind"_s, u"fragment"_s}}},
        {u"excerpts[0].cues"_s, QJsonArray {u"album/1-2"_s}}};
    QVERIFY2(reader.readData(catalogJson(patches), FileName), qPrintable(reader.errorString()));
    const Catalog &catalog = reader.catalog();
    // Explicit cues first, then one per track without a cue, in track order.
    QCOMPARE(catalog.cues.size(), 3);
    QCOMPARE(catalog.cues.at(0).id, u"twins"_s);
    QVERIFY(!catalog.cues.at(0).isImplicit);
    QCOMPARE(catalog.cues.at(1).id, u"album/1-2"_s);
    QCOMPARE(catalog.cues.at(1).title, u"Remembrance"_s);
    QVERIFY(catalog.cues.at(1).isImplicit);
    QCOMPARE(catalog.cues.at(2).id, u"album/2-7"_s);
    QCOMPARE(catalog.cues.at(2).title, u"Bonus"_s);
    QVERIFY(catalog.cues.at(2).isImplicit);

    const QList<Track> &tracks = catalog.releases.at(0).tracks;
    QCOMPARE(tracks.at(0).cueId, u"twins"_s);
    QCOMPARE(tracks.at(1).cueId, u"album/1-2"_s);
    QCOMPARE(tracks.at(2).cueId, u"album/2-7"_s);
    QCOMPARE(catalog.cueDurationMs(u"album/1-2"_s), qint64(120'000));
    QCOMPARE(catalog.cueDurationMs(u"album/2-7"_s), qint64(-1));
    QCOMPARE(catalog.occurrencesOfCue(u"album/2-7"_s), QList<int> {1});
    QCOMPARE(catalog.excerptsOfCue(u"album/1-2"_s), QList<int> {0});
    QCOMPARE(catalog.tracksOfCue(u"album/1-2"_s).size(), 1);
}

void tst_CatalogValidator::readsEveryField()
{
    const QString path = QFINDTESTDATA("data/catalogs/valid/every-field.json");
    QVERIFY(!path.isEmpty());
    CatalogReader reader;
    QVERIFY2(reader.read(path), qPrintable(reader.errorString()));
    QCOMPARE(reader.warnings(), QStringList());
    const Catalog &catalog = reader.catalog();
    QCOMPARE(catalog.id, u"every-field"_s);
    QCOMPARE(catalog.title, u"Every Field"_s);
    QCOMPARE(catalog.filePath, path);

    QCOMPARE(catalog.sources.size(), 3);
    const Source &larson = catalog.sources.at(0);
    QCOMPARE(larson.id, u"larson-2020"_s);
    QCOMPARE(larson.kind, Source::Interview);
    QCOMPARE(larson.title, u"Scoring the Series"_s);
    QCOMPARE(larson.author, u"Randall D. Larson"_s);
    QCOMPARE(larson.publication, u"Soundtrax"_s);
    QCOMPARE(larson.date, u"2020-03-27"_s);
    QCOMPARE(larson.url, u"https://example.org/larson"_s);
    QCOMPARE(catalog.sources.at(1).kind, Source::LinerNotes);
    QCOMPARE(catalog.sources.at(1).date, u"2020"_s);
    QCOMPARE(catalog.sources.at(2).kind, Source::Other);
    QCOMPARE(catalog.sources.at(2).date, u"2021-11"_s);
    QVERIFY(catalog.sources.at(2).author.isEmpty());

    QCOMPARE(catalog.themes.size(), 2);
    const Theme &picard = catalog.themes.at(0);
    QCOMPARE(picard.id, u"picard"_s);
    QCOMPARE(picard.name, u"Picard’s theme"_s);
    QCOMPARE(picard.composer, u"Jeff Russo"_s);
    QCOMPARE(picard.origin, u"Main title"_s);
    QCOMPARE(picard.aliases, (QStringList {u"Picard theme"_s, u"theme of Picard"_s}));
    QCOMPARE(picard.description, u"A warm melody for solo cello."_s);
    QCOMPARE(catalog.themes.at(1).name, u"“Inner Light” melody"_s);
    QVERIFY(catalog.themes.at(1).aliases.isEmpty());

    QCOMPARE(catalog.cues.size(), 3);
    const Cue &mainTitle = catalog.cues.at(0);
    QCOMPARE(mainTitle.id, u"main-title"_s);
    QCOMPARE(mainTitle.title, u"Main Title"_s);
    QCOMPARE(mainTitle.composers, (QStringList {u"Jeff Russo"_s, u"Jay Chattaway"_s}));
    QCOMPARE(mainTitle.performers, QStringList {u"Hollywood Studio Symphony"_s});
    QCOMPARE(mainTitle.episode, u"Remembrance"_s);
    QCOMPARE(mainTitle.description, u"Opens every episode."_s);
    QVERIFY(!mainTitle.isImplicit);
    QCOMPARE(catalog.cues.at(2).id, u"box-set/2-1"_s);
    QCOMPARE(catalog.cues.at(2).title, u"Bonus Suite"_s);
    QVERIFY(catalog.cues.at(2).isImplicit);

    QCOMPARE(catalog.releases.size(), 1);
    const Release &boxSet = catalog.releases.at(0);
    QCOMPARE(boxSet.id, u"box-set"_s);
    QCOMPARE(boxSet.title, u"The Box Set"_s);
    QCOMPARE(boxSet.artists, QStringList {u"Jeff Russo"_s});
    QCOMPARE(boxSet.label, u"Lakeshore Records"_s);
    QCOMPARE(boxSet.date, u"2020-04-03"_s);
    QCOMPARE(boxSet.format, u"CD"_s);
    QCOMPARE(boxSet.catalogNumber, u"LKS-123"_s);
    QCOMPARE(boxSet.cover, u"covers/box-set.png"_s);
    QCOMPARE(boxSet.complete, false);
    QCOMPARE(boxSet.tracks.size(), 3);
    const Track &first = boxSet.tracks.at(0);
    QCOMPARE(first.disc, 1);
    QCOMPARE(first.number, 1);
    QCOMPARE(first.title, u"Main Title"_s);
    QCOMPARE(first.durationMs, qint64(3'727'000));
    QCOMPARE(first.cueId, u"main-title"_s);
    QCOMPARE(boxSet.tracks.at(1).disc, 2);
    QCOMPARE(boxSet.tracks.at(1).durationMs, qint64(41'250));
    QCOMPARE(boxSet.tracks.at(1).cueId, u"box-set/2-1"_s);
    QCOMPARE(boxSet.tracks.at(2).disc, 1);
    QCOMPARE(boxSet.tracks.at(2).number, 2);
    QCOMPARE(boxSet.tracks.at(2).durationMs, qint64(-1));

    QCOMPARE(catalog.occurrences.size(), 6);
    const Occurrence &statement = catalog.occurrences.at(0);
    QCOMPARE(statement.themeId, u"picard"_s);
    QCOMPARE(statement.cueId, u"main-title"_s);
    QCOMPARE(statement.kind, Occurrence::Statement);
    QCOMPARE(statement.startMs, qint64(10'000));
    QCOMPARE(statement.endMs, qint64(3'600'500));
    QCOMPARE(statement.position, Occurrence::Opening);
    QCOMPARE(statement.instruments, u"solo cello"_s);
    QCOMPARE(statement.sourceIds, QStringList {u"larson-2020"_s});
    QCOMPARE(statement.note, u"First statement."_s);
    QVERIFY(!statement.inferred);
    QVERIFY(statement.basis.isEmpty());
    const Occurrence &inferred = catalog.occurrences.at(2);
    QCOMPARE(inferred.sourceIds, (QStringList {u"larson-2020"_s, u"booklet"_s}));
    QVERIFY(inferred.inferred);
    QCOMPARE(inferred.basis, u"Both texts name the scene, not the track."_s);
    const QList<std::pair<Occurrence::Kind, Occurrence::Position>> kinds {
        {Occurrence::Statement, Occurrence::Opening}, {Occurrence::Quotation, Occurrence::Middle},
        {Occurrence::Allusion, Occurrence::Ending}, {Occurrence::Fragment, Occurrence::Throughout},
        {Occurrence::Variation, Occurrence::NoPosition},
        {Occurrence::UnknownKind, Occurrence::NoPosition}};
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        QCOMPARE(catalog.occurrences.at(i).kind, kinds.at(i).first);
        QCOMPARE(catalog.occurrences.at(i).position, kinds.at(i).second);
    }
    QCOMPARE(catalog.occurrences.at(1).startMs, qint64(-1));
    QCOMPARE(catalog.occurrences.at(1).endMs, qint64(-1));
    QCOMPARE(catalog.occurrences.at(1).cueId, u"box-set/2-1"_s);
    QVERIFY(catalog.occurrences.at(1).sourceIds.isEmpty());

    QCOMPARE(catalog.excerpts.size(), 2);
    const Excerpt &excerpt = catalog.excerpts.at(0);
    QCOMPARE(excerpt.id, u"larson-on-flute"_s);
    QCOMPARE(excerpt.sourceId, u"larson-2020"_s);
    QCOMPARE(excerpt.text, u"The flute ties Picard’s past to the series."_s);
    QCOMPARE(excerpt.releaseIds, QStringList {u"box-set"_s});
    QCOMPARE(excerpt.cueIds, (QStringList {u"main-title"_s, u"box-set/2-1"_s}));
    QCOMPARE(excerpt.themeIds, (QStringList {u"inner-light"_s, u"picard"_s}));
    QCOMPARE(excerpt.speaker, u"Jeff Russo"_s);
    QVERIFY(catalog.excerpts.at(1).cueIds.isEmpty());
    QVERIFY(catalog.excerpts.at(1).speaker.isEmpty());

    QCOMPARE(catalog.excerptsOfTheme(u"picard"_s), QList<int> {0});
    QCOMPARE(catalog.occurrencesOfCue(u"main-title"_s), (QList<int> {0, 3, 4}));
}

void tst_CatalogValidator::readsSharedCues()
{
    const QString path = QFINDTESTDATA("data/catalogs/valid/two-releases-shared-cue.json");
    CatalogReader reader;
    QVERIFY2(reader.read(path), qPrintable(reader.errorString()));
    const Catalog &catalog = reader.catalog();
    QCOMPARE(catalog.cues.size(), 3);
    QCOMPARE(catalog.tracksOfCue(u"main-title"_s).size(), 2);
    QCOMPARE(catalog.tracksOfCue(u"main-title"_s).at(1).release, 1);
    // The longer of the two tracks gives the cue its length.
    QCOMPARE(catalog.cueDurationMs(u"main-title"_s), qint64(105'000));
    QCOMPARE(catalog.releases.at(0).complete, false);
    QCOMPARE(catalog.releases.at(1).tracks.at(2).cueId, u"season-1/2-1"_s);
}

QTEST_GUILESS_MAIN(tst_CatalogValidator)
#include "tst_catalogvalidator.moc"
