#include "catalog/occurrences.h"
#include "testcatalogs.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Picard = u"star-trek-picard"_s;
const QString Season3 = u"picard-season-3"_s;

QStringList themeIds(const QList<OccurrenceRow> &rows)
{
    QStringList ids;
    for (const OccurrenceRow &row : rows)
        ids.append(row.occurrence.themeId);
    return ids;
}

QStringList cueIds(const QList<OccurrenceRow> &rows)
{
    QStringList ids;
    for (const OccurrenceRow &row : rows)
        ids.append(row.occurrence.cueId);
    return ids;
}

QStringList catalogIds(const QList<OccurrenceRow> &rows)
{
    QStringList ids;
    for (const OccurrenceRow &row : rows)
        ids.append(row.catalogId);
    return ids;
}

QStringList whereTexts(const QList<OccurrenceRow> &rows)
{
    QStringList texts;
    for (const OccurrenceRow &row : rows)
        texts.append(Occurrences::whereText(row.occurrence));
    return texts;
}

QStringList kindTexts(const QList<OccurrenceRow> &rows)
{
    QStringList texts;
    for (const OccurrenceRow &row : rows)
        texts.append(Occurrences::kindText(row.occurrence.kind));
    return texts;
}

QStringList instruments(const QList<OccurrenceRow> &rows)
{
    QStringList texts;
    for (const OccurrenceRow &row : rows)
        texts.append(row.occurrence.instruments);
    return texts;
}

QList<qint64> startTimes(const QList<OccurrenceRow> &rows)
{
    QList<qint64> times;
    for (const OccurrenceRow &row : rows)
        times.append(row.occurrence.startMs);
    return times;
}

Occurrence occurrence(const QString &themeId, const QString &cueId, qint64 startMs,
    Occurrence::Position position = Occurrence::NoPosition, const QString &note = QString())
{
    Occurrence o;
    o.themeId = themeId;
    o.cueId = cueId;
    o.startMs = startMs;
    o.position = position;
    o.note = note;
    return o;
}

// Cues on no release, and occurrences that sort the same: what the Picard catalogs lack.
Catalog edgeCases()
{
    Catalog catalog;
    catalog.id = u"edge-cases"_s;
    catalog.themes = {{u"a"_s, u"A"_s, {}, {}, {}, {}}, {u"b"_s, u"B"_s, {}, {}, {}, {}}};
    Cue unreleased;
    unreleased.id = u"unreleased"_s;
    Cue released;
    released.id = u"released"_s;
    catalog.cues = {unreleased, released};
    Release release;
    release.id = u"album"_s;
    Track track;
    track.number = 1;
    track.durationMs = 60'000;
    track.cueId = u"released"_s;
    release.tracks = {track};
    catalog.releases = {release};
    catalog.occurrences = {
        occurrence(u"a"_s, u"unreleased"_s, 1'000, Occurrence::NoPosition, u"unreleased"_s),
        occurrence(u"a"_s, u"released"_s, -1, Occurrence::NoPosition, u"1 nowhere"_s),
        occurrence(u"a"_s, u"released"_s, 10'000, Occurrence::NoPosition, u"2 at 0:10"_s),
        occurrence(u"b"_s, u"released"_s, 10'000, Occurrence::NoPosition, u"3 at 0:10"_s),
        occurrence(u"b"_s, u"released"_s, -1, Occurrence::NoPosition, u"4 nowhere"_s),
        // The middle of a 60 s cue is 0:30: after a time of 0:30, before throughout.
        occurrence(u"b"_s, u"released"_s, -1, Occurrence::Throughout, u"5 throughout"_s),
        occurrence(u"a"_s, u"released"_s, 30'000, Occurrence::NoPosition, u"6 at 0:30"_s),
    };
    catalog.buildIndex();
    return catalog;
}

QStringList notes(const QList<OccurrenceRow> &rows)
{
    QStringList texts;
    for (const OccurrenceRow &row : rows)
        texts.append(row.occurrence.note);
    return texts;
}

} // namespace

class tst_Occurrences : public QObject
{
    Q_OBJECT

private slots:
    void cueOrder_data();
    void cueOrder();
    void cueRows();
    void severalSourcesAndInferences();
    void cueTiesKeepTheCatalogsOrder();
    void cueOfAnotherCatalog();
    void themeAcrossReleasesAndCatalogs();
    void themeInAlbumOrder();
    void themeFollowsTheCatalogsGiven();
    void themeOnCuesWithoutARelease();
    void cueCountOfTheme();
    void kindText();
    void whereText_data();
    void whereText();
    void sourceName();
    void usersRowsAmongTheCues();
    void usersRowsAmongTheThemes();
};

void tst_Occurrences::cueOrder_data()
{
    QTest::addColumn<QString>("cueId");
    QTest::addColumn<QStringList>("themes");
    QTest::addColumn<QStringList>("where");

    QTest::newRow("times and positions mixed")
        << u"main-title"_s
        << QStringList {u"inner-light"_s, u"picard"_s, u"picard"_s, u"romulan"_s,
               u"star-trek-march"_s, u"courage-fanfare"_s}
        << QStringList {u"opening"_s, u"0:21–0:50"_s, u"in the middle"_s, u"throughout"_s,
               u"1:12–1:30"_s, u"towards the end"_s};
    QTest::newRow("positions only, no duration")
        << u"mystery-ship"_s << QStringList {u"inner-light"_s, u"romulan"_s}
        << QStringList {u"opening"_s, u"towards the end"_s};
    QTest::newRow("one time") << u"romulan-collusion"_s << QStringList {u"romulan"_s}
                              << QStringList {u"0:45–1:05"_s};
    QTest::newRow("implicit cue") << u"season-1/1-55"_s << QStringList {u"picard"_s}
                                  << QStringList {u"0:00–0:30"_s};
    QTest::newRow("no occurrences")
        << u"walking-with-number-one"_s << QStringList() << QStringList();
    QTest::newRow("unknown cue") << u"no-such-cue"_s << QStringList() << QStringList();
}

void tst_Occurrences::cueOrder()
{
    QFETCH(QString, cueId);
    QFETCH(QStringList, themes);
    QFETCH(QStringList, where);
    const QList<Catalog> catalogs {TestCatalogs::picard()};

    const QList<OccurrenceRow> rows = Occurrences::ofCue(catalogs, CueKey {Picard, cueId});

    QCOMPARE(themeIds(rows), themes);
    QCOMPARE(whereTexts(rows), where);
}

void tst_Occurrences::cueRows()
{
    const QList<Catalog> catalogs {TestCatalogs::picard()};
    const QList<OccurrenceRow> rows
        = Occurrences::ofCue(catalogs, CueKey {Picard, u"main-title"_s});

    QCOMPARE(kindTexts(rows),
        (QStringList {u"Allusion"_s, u"Statement"_s, u"Variation"_s, u"Fragment"_s, u"Quotation"_s,
            u"Quotation"_s}));
    QCOMPARE(instruments(rows),
        (QStringList {
            u"flute"_s, u"solo cello"_s, u"strings"_s, u"low strings"_s, u"horns"_s, u"brass"_s}));
    QCOMPARE(startTimes(rows), (QList<qint64> {-1, 21'000, -1, -1, 72'000, -1}));
    QCOMPARE(catalogIds(rows), QStringList(6, Picard));
    QCOMPARE(cueIds(rows), QStringList(6, u"main-title"_s));

    const OccurrenceRow &statement = rows.at(1);
    QCOMPARE(statement.cue(), (CueKey {Picard, u"main-title"_s}));
    QCOMPARE(statement.occurrence.themeId, u"picard"_s);
    QCOMPARE(statement.occurrence.endMs, 50'000);
    QCOMPARE(statement.occurrence.note, u"The melody Russo wrote first"_s);
    QCOMPARE(statement.occurrence.sourceIds, QStringList {u"larson-soundtrax"_s});
    QCOMPARE(rows.at(2).occurrence.sourceIds, QStringList());
}

// One entrance stated by two sources is one row with both; an inferred one says so.
void tst_Occurrences::severalSourcesAndInferences()
{
    Catalog catalog = TestCatalogs::picard();
    Occurrence &march = catalog.occurrences[3];
    QCOMPARE(march.themeId, u"star-trek-march"_s);
    march.sourceIds = {u"marconi-review"_s, u"larson-soundtrax"_s};
    march.inferred = true;
    march.basis = u"Both texts name the scene."_s;

    const QList<OccurrenceRow> rows
        = Occurrences::ofCue({catalog}, CueKey {Picard, u"main-title"_s});

    QCOMPARE(rows.size(), 6);
    const Occurrence &row = rows.at(4).occurrence;
    QCOMPARE(row.themeId, u"star-trek-march"_s);
    QCOMPARE(row.sourceIds, (QStringList {u"marconi-review"_s, u"larson-soundtrax"_s}));
    QVERIFY(row.inferred);
    QCOMPARE(row.basis, u"Both texts name the scene."_s);
    QVERIFY(!rows.at(1).occurrence.inferred);
    QVERIFY(rows.at(1).occurrence.basis.isEmpty());
}

void tst_Occurrences::cueTiesKeepTheCatalogsOrder()
{
    const QList<Catalog> catalogs {edgeCases()};

    const QList<OccurrenceRow> rows
        = Occurrences::ofCue(catalogs, CueKey {u"edge-cases"_s, u"released"_s});

    QCOMPARE(notes(rows),
        (QStringList {u"2 at 0:10"_s, u"3 at 0:10"_s, u"6 at 0:30"_s, u"5 throughout"_s,
            u"1 nowhere"_s, u"4 nowhere"_s}));
}

void tst_Occurrences::cueOfAnotherCatalog()
{
    Catalog copy = TestCatalogs::picard();
    copy.id = u"copy"_s;
    const QList<Catalog> catalogs {TestCatalogs::picardSeason3(), copy};

    // A cue belongs to its catalog: the same id in another one is another cue.
    QVERIFY(Occurrences::ofCue(catalogs, CueKey {Picard, u"main-title"_s}).isEmpty());
    QCOMPARE(catalogIds(Occurrences::ofCue(catalogs, CueKey {u"copy"_s, u"main-title"_s})),
        QStringList(6, u"copy"_s));
    QVERIFY(Occurrences::ofCue({}, CueKey {Picard, u"main-title"_s}).isEmpty());
}

void tst_Occurrences::themeAcrossReleasesAndCatalogs()
{
    const QList<Catalog> catalogs {TestCatalogs::picard(), TestCatalogs::picardSeason3()};

    const QList<OccurrenceRow> rows = Occurrences::ofTheme(catalogs, u"star-trek-march"_s);

    QCOMPARE(catalogIds(rows), (QStringList {Picard, Picard, Season3, Season3}));
    // Season 3's disc 1 track 1 before its disc 2 track 4, whatever the file's order.
    QCOMPARE(cueIds(rows),
        (QStringList {u"main-title"_s, u"end-title"_s, u"disengage"_s, u"leaving-spacedock"_s}));
    QCOMPARE(kindTexts(rows),
        (QStringList {u"Quotation"_s, u"Quotation"_s, u"Allusion"_s, u"Quotation"_s}));
    QCOMPARE(whereTexts(rows),
        (QStringList {u"1:12–1:30"_s, u"towards the end"_s, u"opening"_s, u"2:30–3:00"_s}));
    QCOMPARE(instruments(rows),
        (QStringList {u"horns"_s, u"orchestra"_s, u"horns"_s, u"full orchestra"_s}));
    QCOMPARE(startTimes(rows), (QList<qint64> {72'000, -1, -1, 150'000}));
    QCOMPARE(rows.at(3).occurrence.sourceIds, QStringList {u"collider"_s});
}

void tst_Occurrences::themeInAlbumOrder()
{
    const QList<Catalog> catalogs {TestCatalogs::picard()};

    const QList<OccurrenceRow> rows = Occurrences::ofTheme(catalogs, u"picard"_s);

    // The file lists the end credits (season 1 only, track 55) before Dahj's cue (chapter 1
    // track 6, the first release); the main title's two occurrences in the order heard.
    QCOMPARE(cueIds(rows),
        (QStringList {
            u"main-title"_s, u"main-title"_s, u"dahjs-last-fight"_s, u"season-1/1-55"_s}));
    QCOMPARE(startTimes(rows), (QList<qint64> {21'000, -1, -1, 0}));
    QCOMPARE(whereTexts(rows),
        (QStringList {u"0:21–0:50"_s, u"in the middle"_s, u"towards the end"_s, u"0:00–0:30"_s}));
}

void tst_Occurrences::themeFollowsTheCatalogsGiven()
{
    Catalog copy = TestCatalogs::picardSeason3();
    copy.id = u"copy"_s;
    const QString march = u"star-trek-march"_s;

    QCOMPARE(catalogIds(Occurrences::ofTheme(
                 {TestCatalogs::picard(), TestCatalogs::picardSeason3(), copy}, march)),
        (QStringList {Picard, Picard, Season3, Season3, u"copy"_s, u"copy"_s}));
    const QList<OccurrenceRow> reordered
        = Occurrences::ofTheme({copy, TestCatalogs::picard()}, march);
    QCOMPARE(catalogIds(reordered), (QStringList {u"copy"_s, u"copy"_s, Picard, Picard}));
    QCOMPARE(cueIds(reordered),
        (QStringList {u"disengage"_s, u"leaving-spacedock"_s, u"main-title"_s, u"end-title"_s}));
    QVERIFY(Occurrences::ofTheme({}, march).isEmpty());
    QVERIFY(Occurrences::ofTheme({TestCatalogs::picard()}, u"no-such-theme"_s).isEmpty());
}

void tst_Occurrences::themeOnCuesWithoutARelease()
{
    const QList<OccurrenceRow> rows = Occurrences::ofTheme({edgeCases()}, u"a"_s);

    // The unreleased cue comes first in the catalog and in the file, yet after the released one.
    QCOMPARE(notes(rows),
        (QStringList {u"2 at 0:10"_s, u"6 at 0:30"_s, u"1 nowhere"_s, u"unreleased"_s}));
}

void tst_Occurrences::cueCountOfTheme()
{
    QList<Catalog> catalogs {TestCatalogs::picard()};
    // The main title quotes the Picard theme twice: one cue.
    QCOMPARE(Occurrences::cueCountOfTheme(catalogs, u"picard"_s), 3);
    QCOMPARE(Occurrences::cueCountOfTheme(catalogs, u"romulan"_s), 3);
    QCOMPARE(Occurrences::cueCountOfTheme(catalogs, u"star-trek-march"_s), 2);
    QCOMPARE(Occurrences::cueCountOfTheme(catalogs, u"no-such-theme"_s), 0);

    catalogs.append(TestCatalogs::picardSeason3());
    QCOMPARE(Occurrences::cueCountOfTheme(catalogs, u"star-trek-march"_s), 4);
    QCOMPARE(Occurrences::cueCountOfTheme(catalogs, u"picard"_s), 3);
    // An unreleased cue counts too.
    QCOMPARE(Occurrences::cueCountOfTheme({edgeCases()}, u"a"_s), 2);
}

void tst_Occurrences::kindText()
{
    QCOMPARE(Occurrences::kindText(Occurrence::Statement), u"Statement"_s);
    QCOMPARE(Occurrences::kindText(Occurrence::Quotation), u"Quotation"_s);
    QCOMPARE(Occurrences::kindText(Occurrence::Allusion), u"Allusion"_s);
    QCOMPARE(Occurrences::kindText(Occurrence::Fragment), u"Fragment"_s);
    QCOMPARE(Occurrences::kindText(Occurrence::Variation), u"Variation"_s);
    QCOMPARE(Occurrences::kindText(Occurrence::UnknownKind), QString());
}

void tst_Occurrences::whereText_data()
{
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<qint64>("endMs");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("where");

    QTest::newRow("range") << qint64(21'000) << qint64(50'000) << int(Occurrence::NoPosition)
                           << u"0:21–0:50"_s;
    QTest::newRow("start only") << qint64(72'000) << qint64(-1) << int(Occurrence::NoPosition)
                                << u"1:12"_s;
    QTest::newRow("end before start")
        << qint64(72'000) << qint64(60'000) << int(Occurrence::NoPosition) << u"1:12"_s;
    QTest::newRow("a time wins over a position")
        << qint64(0) << qint64(-1) << int(Occurrence::Ending) << u"0:00"_s;
    QTest::newRow("opening") << qint64(-1) << qint64(-1) << int(Occurrence::Opening)
                             << u"opening"_s;
    QTest::newRow("middle") << qint64(-1) << qint64(-1) << int(Occurrence::Middle)
                            << u"in the middle"_s;
    QTest::newRow("throughout") << qint64(-1) << qint64(-1) << int(Occurrence::Throughout)
                                << u"throughout"_s;
    QTest::newRow("ending") << qint64(-1) << qint64(-1) << int(Occurrence::Ending)
                            << u"towards the end"_s;
    QTest::newRow("neither") << qint64(-1) << qint64(-1) << int(Occurrence::NoPosition)
                             << QString();
}

void tst_Occurrences::whereText()
{
    QFETCH(qint64, startMs);
    QFETCH(qint64, endMs);
    QFETCH(int, position);
    QFETCH(QString, where);
    Occurrence o;
    o.startMs = startMs;
    o.endMs = endMs;
    o.position = Occurrence::Position(position);
    QCOMPARE(Occurrences::whereText(o), where);
}

void tst_Occurrences::sourceName()
{
    const Catalog picard = TestCatalogs::picard();
    // The author first; else the publication; else the title.
    QCOMPARE(
        Occurrences::sourceName(*picard.source(u"larson-soundtrax"_s)), u"Randall D. Larson"_s);
    QCOMPARE(Occurrences::sourceName(*picard.source(u"comicbook-news"_s)), u"ComicBook"_s);
    const Source untitled {u"x"_s, Source::Other, u"Liner notes"_s, {}, {}, {}, {}};
    QCOMPARE(Occurrences::sourceName(untitled), u"Liner notes"_s);
}

// The user's own occurrences go where their times put them, after the catalog's at the same
// time; the ones of another cue are not the cue's.
void tst_Occurrences::usersRowsAmongTheCues()
{
    const QList<Catalog> catalogs {edgeCases()};
    const auto users = [](const QString &cueId, qint64 startMs, const QString &note) {
        OccurrenceRow row {u"edge-cases"_s, occurrence(u"a"_s, cueId, startMs, {}, note), note};
        return row;
    };
    const QList<OccurrenceRow> rows = Occurrences::ofCue(catalogs, {u"edge-cases"_s, u"released"_s},
        {users(u"released"_s, 40'000, u"mine at 0:40"_s),
            users(u"released"_s, 10'000, u"mine at 0:10"_s),
            users(u"unreleased"_s, 5'000, u"another cue's"_s)});
    QCOMPARE(notes(rows),
        (QStringList {u"2 at 0:10"_s, u"3 at 0:10"_s, u"mine at 0:10"_s, u"6 at 0:30"_s,
            u"5 throughout"_s, u"mine at 0:40"_s, u"1 nowhere"_s, u"4 nowhere"_s}));
    QVERIFY(rows.at(2).isUsers());
    QCOMPARE(rows.at(2).markerId, u"mine at 0:10"_s);
    QVERIFY(!rows.at(0).isUsers());
    QVERIFY(Occurrences::ofCue(
        catalogs, {u"edge-cases"_s, u"no-such-cue"_s}, {users(u"no-such-cue"_s, 0, u"x"_s)})
                .isEmpty());
}

// Album order for the user's too: a cue only they name takes its place among the catalog's; a
// row of another theme, of a closed catalog or of a cue its catalog lacks is left out.
void tst_Occurrences::usersRowsAmongTheThemes()
{
    const QList<Catalog> catalogs {TestCatalogs::picard(), TestCatalogs::picardSeason3()};
    const auto users = [](const QString &catalogId, const QString &themeId, const QString &cueId,
                           qint64 startMs) {
        OccurrenceRow row {catalogId, occurrence(themeId, cueId, startMs), u"id"_s};
        return row;
    };
    const QList<OccurrenceRow> rows = Occurrences::ofTheme(catalogs, u"star-trek-march"_s,
        {users(Season3, u"star-trek-march"_s, u"disengage"_s, 200'000),
            users(Picard, u"star-trek-march"_s, u"walking-with-number-one"_s, 3'000),
            users(Picard, u"star-trek-march"_s, u"main-title"_s, 10'000),
            users(Picard, u"romulan"_s, u"main-title"_s, 5'000),
            users(u"closed"_s, u"star-trek-march"_s, u"main-title"_s, 5'000),
            users(Picard, u"star-trek-march"_s, u"no-such-cue"_s, 5'000)});
    QCOMPARE(cueIds(rows),
        (QStringList {u"main-title"_s, u"main-title"_s, u"end-title"_s,
            u"walking-with-number-one"_s, u"disengage"_s, u"disengage"_s, u"leaving-spacedock"_s}));
    QCOMPARE(startTimes(rows), (QList<qint64> {10'000, 72'000, -1, 3'000, -1, 200'000, 150'000}));
    QCOMPARE(rows.at(0).markerId, u"id"_s);
}

QTEST_GUILESS_MAIN(tst_Occurrences)
#include "tst_occurrences.moc"
