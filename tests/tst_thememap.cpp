#include "catalog/thememap.h"
#include "testcatalogs.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;

OccurrenceRow usersMarker(const QString &cueId, const QString &themeId, qint64 startMs)
{
    Occurrence occurrence;
    occurrence.cueId = cueId;
    occurrence.themeId = themeId;
    occurrence.startMs = startMs;
    occurrence.kind = Occurrence::Statement;
    occurrence.note = u"horns, soft"_s;
    return {Picard, occurrence, u"marker-1"_s};
}
} // namespace

// The theme map's matrix, checked against the test catalog's occurrences (testcatalogs.cpp).
class tst_ThemeMap : public QObject
{
    Q_OBJECT

private slots:
    void rowsAreTheReleasesCuesInAlbumOrder();
    void columnsAreThemesByFirstHeard();
    void marksStandInTheirCellsWithTheirKinds();
    void placeInTheCell();
    void usersMarkersAreMarkedAsTheirs();
    void filters();
    void themesByCount();
    void wholeCatalogListsEachCueOnce();
    void episodeOrder();
    void nothingToMap();

private:
    static int columnOf(const ThemeMap &map, const QString &themeId);
    static int rowOf(const ThemeMap &map, const QString &cueId);
    static QList<ThemeMap::Mark> marksAt(
        const ThemeMap &map, const QString &cueId, const QString &themeId);

    const Catalog m_catalog = TestCatalogs::picard();
};

int tst_ThemeMap::columnOf(const ThemeMap &map, const QString &themeId)
{
    for (int i = 0; i < map.columns.size(); ++i) {
        if (map.columns[i].themeId == themeId)
            return i;
    }
    return -1;
}

int tst_ThemeMap::rowOf(const ThemeMap &map, const QString &cueId)
{
    for (int i = 0; i < map.rows.size(); ++i) {
        if (map.rows[i].cueId == cueId)
            return i;
    }
    return -1;
}

QList<ThemeMap::Mark> tst_ThemeMap::marksAt(
    const ThemeMap &map, const QString &cueId, const QString &themeId)
{
    QList<ThemeMap::Mark> marks;
    for (const int i : map.marksAt(rowOf(map, cueId), columnOf(map, themeId)))
        marks.append(map.marks[i]);
    return marks;
}

void tst_ThemeMap::rowsAreTheReleasesCuesInAlbumOrder()
{
    const ThemeMap map = ThemeMap::build(m_catalog, ThemeMap::Options::ofRelease(u"chapter-1"_s));
    QCOMPARE(map.title, u"Star Trek: Picard – Season 1, Chapter 1"_s);
    QCOMPARE(map.catalogId, Picard);
    QStringList cues;
    QStringList labels;
    for (const ThemeMap::Row &row : map.rows) {
        cues.append(row.cueId);
        labels.append(row.label);
    }
    QCOMPARE(cues,
        QStringList(
            {u"main-title"_s, u"end-title"_s, u"walking-with-number-one"_s, u"dahjs-last-fight"_s,
                u"romulan-collusion"_s, u"rafi-decides-to-join"_s, u"mystery-ship"_s, u"page"_s}));
    QCOMPARE(
        labels, QStringList({u"1"_s, u"2"_s, u"3"_s, u"6"_s, u"11"_s, u"13"_s, u"18"_s, u"27"_s}));
    QCOMPARE(map.rows[0].durationMs, 103'000);
}

void tst_ThemeMap::columnsAreThemesByFirstHeard()
{
    const ThemeMap map = ThemeMap::build(m_catalog, ThemeMap::Options::ofRelease(u"chapter-1"_s));
    // All five are first heard in the main title: the catalog's order of themes decides.
    QStringList themes;
    for (const ThemeMap::Column &column : map.columns)
        themes.append(column.themeId);
    QCOMPARE(themes,
        QStringList({u"picard"_s, u"inner-light"_s, u"star-trek-march"_s, u"courage-fanfare"_s,
            u"romulan"_s}));
    // Blue Skies is not on this release: no column for it.
    QCOMPARE(columnOf(map, u"blue-skies"_s), -1);
    QCOMPARE(map.columns[columnOf(map, u"romulan"_s)].cueCount, 3);
    QCOMPARE(map.columns[columnOf(map, u"courage-fanfare"_s)].cueCount, 1);
    QCOMPARE(map.columns[columnOf(map, u"picard"_s)].name, u"Picard’s theme"_s);
}

void tst_ThemeMap::marksStandInTheirCellsWithTheirKinds()
{
    const ThemeMap map = ThemeMap::build(m_catalog, ThemeMap::Options::ofRelease(u"chapter-1"_s));
    QCOMPARE(map.marks.size(), 11);
    const QList<ThemeMap::Mark> picard = marksAt(map, u"main-title"_s, u"picard"_s);
    QCOMPARE(picard.size(), 2);
    // In the order heard: the statement at 0:21, the variation in the middle.
    QCOMPARE(picard[0].occurrence.occurrence.kind, Occurrence::Statement);
    QCOMPARE(picard[1].occurrence.occurrence.kind, Occurrence::Variation);
    QCOMPARE(picard[0].sources, u"Randall D. Larson"_s);
    QCOMPARE(marksAt(map, u"main-title"_s, u"inner-light"_s).value(0).occurrence.occurrence.kind,
        Occurrence::Allusion);
    QCOMPARE(marksAt(map, u"main-title"_s, u"romulan"_s).value(0).occurrence.occurrence.kind,
        Occurrence::Fragment);
    QCOMPARE(marksAt(map, u"end-title"_s, u"star-trek-march"_s).value(0).occurrence.occurrence.kind,
        Occurrence::Quotation);
    QCOMPARE(marksAt(map, u"romulan-collusion"_s, u"romulan"_s).size(), 1);
    QCOMPARE(marksAt(map, u"mystery-ship"_s, u"inner-light"_s).value(0).occurrence.occurrence.kind,
        Occurrence::Statement);
    QVERIFY(marksAt(map, u"page"_s, u"picard"_s).isEmpty());
    QVERIFY(marksAt(map, u"end-title"_s, u"picard"_s).isEmpty());
    for (const ThemeMap::Mark &mark : map.marks)
        QVERIFY(!mark.isUsers());
}

void tst_ThemeMap::placeInTheCell()
{
    const ThemeMap map = ThemeMap::build(m_catalog, ThemeMap::Options::ofRelease(u"chapter-1"_s));
    // Timed: 21 s to 50 s of 1:43.
    const ThemeMap::Mark statement = marksAt(map, u"main-title"_s, u"picard"_s)[0];
    QVERIFY(statement.known);
    QCOMPARE(statement.start, 21'000.0 / 103'000.0);
    QCOMPARE(statement.end, 50'000.0 / 103'000.0);
    // By position: the opening stands early, the ending late, "throughout" spans the cell.
    const ThemeMap::Mark opening = marksAt(map, u"main-title"_s, u"inner-light"_s)[0];
    const ThemeMap::Mark ending = marksAt(map, u"main-title"_s, u"courage-fanfare"_s)[0];
    const ThemeMap::Mark throughout = marksAt(map, u"main-title"_s, u"romulan"_s)[0];
    QVERIFY(opening.start < 0.25);
    QVERIFY(ending.start > 0.75);
    QVERIFY(throughout.start < 0.1 && throughout.end > 0.9);
    QCOMPARE(opening.end, -1.0);
}

void tst_ThemeMap::usersMarkersAreMarkedAsTheirs()
{
    const QList<OccurrenceRow> users {usersMarker(u"page"_s, u"picard"_s, 59'000),
        // Another catalog's marker, and one of a cue that is not on the release: left out.
        OccurrenceRow {
            u"voyager"_s, usersMarker(u"page"_s, u"picard"_s, 1'000).occurrence, u"m2"_s},
        usersMarker(u"blue-skies"_s, u"blue-skies"_s, 1'000)};
    const ThemeMap map
        = ThemeMap::build(m_catalog, ThemeMap::Options::ofRelease(u"chapter-1"_s), users);
    const QList<ThemeMap::Mark> page = marksAt(map, u"page"_s, u"picard"_s);
    QCOMPARE(page.size(), 1);
    QVERIFY(page[0].isUsers());
    QCOMPARE(page[0].occurrence.markerId, u"marker-1"_s);
    QCOMPARE(page[0].start, 59'000.0 / 118'000.0);
    QCOMPARE(map.marks.size(), 12);
    QCOMPARE(columnOf(map, u"blue-skies"_s), -1);
    QCOMPARE(map.columns[columnOf(map, u"picard"_s)].cueCount, 3);
}

void tst_ThemeMap::filters()
{
    const QList<OccurrenceRow> users {usersMarker(u"page"_s, u"picard"_s, 59'000)};
    ThemeMap::Options options = ThemeMap::Options::ofRelease(u"chapter-1"_s);
    options.catalogOccurrences = false;
    ThemeMap map = ThemeMap::build(m_catalog, options, users);
    QCOMPARE(map.marks.size(), 1);
    QVERIFY(map.marks[0].isUsers());
    QCOMPARE(map.columns.size(), 1);

    options.catalogOccurrences = true;
    options.userMarkers = false;
    options.themeIds = {u"romulan"_s, u"star-trek-march"_s};
    map = ThemeMap::build(m_catalog, options, users);
    QCOMPARE(map.columns.size(), 2);
    QCOMPARE(map.marks.size(), 5);
    for (const ThemeMap::Mark &mark : map.marks)
        QVERIFY(!mark.isUsers());
    // The rows stay: a cue where no chosen theme is heard is a finding too.
    QCOMPARE(map.rows.size(), 8);
}

void tst_ThemeMap::themesByCount()
{
    ThemeMap::Options options = ThemeMap::Options::ofRelease(u"chapter-1"_s);
    options.themeOrder = ThemeMap::ThemeOrder::Count;
    const ThemeMap map = ThemeMap::build(m_catalog, options);
    QStringList themes;
    for (const ThemeMap::Column &column : map.columns)
        themes.append(column.themeId);
    // 3 cues, then 2 each by name (Picard’s theme, Star Trek March, The Inner Light), then 1.
    QCOMPARE(themes,
        QStringList({u"romulan"_s, u"picard"_s, u"star-trek-march"_s, u"inner-light"_s,
            u"courage-fanfare"_s}));
}

void tst_ThemeMap::wholeCatalogListsEachCueOnce()
{
    const ThemeMap map = ThemeMap::build(m_catalog, {});
    QCOMPARE(map.title, u"Star Trek: Picard"_s);
    QCOMPARE(rowOf(map, u"main-title"_s), 0);
    // Season 1's own cues follow Chapter 1's, which it shares, once each.
    QCOMPARE(map.rows.count(), 10);
    QVERIFY(rowOf(map, u"blue-skies"_s) > rowOf(map, u"page"_s));
    QVERIFY(map.rows[0].label.isEmpty());
    QCOMPARE(columnOf(map, u"blue-skies"_s), 5);
    QCOMPARE(map.marks.size(), 13);
}

void tst_ThemeMap::episodeOrder()
{
    ThemeMap::Options options;
    options.rowOrder = ThemeMap::RowOrder::Episode;
    const ThemeMap map = ThemeMap::build(m_catalog, options);
    // "Et in Arcadia Ego, Part 2" is the one episode with a number: it comes first; the rest
    // keep album order.
    QCOMPARE(map.rows[0].cueId, u"blue-skies"_s);
    QCOMPARE(map.rows[1].cueId, u"main-title"_s);
}

void tst_ThemeMap::nothingToMap()
{
    Catalog bare = TestCatalogs::picard();
    bare.occurrences.clear();
    bare.buildIndex();
    const ThemeMap map = ThemeMap::build(bare, ThemeMap::Options::ofRelease(u"chapter-1"_s));
    QVERIFY(map.isEmpty());
    QVERIFY(map.columns.isEmpty());
    QCOMPARE(map.rows.size(), 8);
    QVERIFY(ThemeMap::build(m_catalog, ThemeMap::Options::ofRelease(u"no-such-release"_s))
                .rows.isEmpty());
}

QTEST_GUILESS_MAIN(tst_ThemeMap)
#include "tst_thememap.moc"
