#include "itemmodels/catalogfiltermodel.h"
#include "itemmodels/catalogmodel.h"
#include "itemmodels/userdatatracker.h"
#include "testcatalogs.h"
#include "userdata/markerstore.h"
#include "userdata/notestore.h"
#include "userdata/userdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Mode = QAbstractItemModelTester::FailureReportingMode;

// Release titles.
const QString C1 = u"Star Trek: Picard – Season 1, Chapter 1"_s;
const QString S1 = u"Star Trek: Picard Season 1 (Original Series Soundtrack)"_s;
const QString S3 = u"Star Trek: Picard – Season 3 (Original Series Soundtrack)"_s;
// Track titles.
const QString Main = u"Star Trek Picard Main Title"_s;
const QString End = u"Star Trek Picard End Title"_s;
const QString Walking = u"Walking With Number One"_s;
const QString DahjCurly = u"Dahj’s Last Fight"_s;
const QString DahjStraight = u"Dahj's Last Fight"_s;
const QString Collusion = u"Romulan Collusion"_s;
const QString Rafi = u"Rafi Decides To Join"_s;
const QString Mystery = u"Mystery Ship"_s;
const QString Page = u"Page (From Short Treks “Children Of Mars”)"_s;
const QString BlueSkies = u"Blue Skies"_s;
const QString Credits = u"Star Trek Picard Episode 110 End Credits (Full Version)"_s;
const QString Disengage = u"Disengage"_s;
const QString Spacedock = u"Leaving Spacedock"_s;

const QStringList AllOfC1 {C1, Main, End, Walking, DahjCurly, Collusion, Rafi, Mystery, Page};
const QStringList AllOfS1 {S1, Main, End, DahjStraight, Collusion, Rafi, BlueSkies, Credits};

// Every row the proxy shows, depth first, in order.
QStringList visibleTitles(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList titles;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        titles.append(index.data().toString());
        titles += visibleTitles(model, index);
    }
    return titles;
}

const QString Picard = u"star-trek-picard"_s;

// A user database with notes on two cues (one of them on both releases), a marker on the Main
// Title, and file states for two cues, seen through UserDataTracker as the window sees it.
struct UserDataFixture
{
    UserDataFixture()
    {
        if (!dir.isValid() || !database.open(dir.filePath(u"user.sqlite"_s)))
            qFatal("the user database did not open: %s", qPrintable(database.errorString()));
        if (!model.addCatalog(TestCatalogs::picard()))
            qFatal("the catalog was not added");
        NoteStore &notes = *database.notes();
        Marker marker;
        marker.id = Marker::newId();
        marker.cue = {Picard, u"main-title"_s};
        marker.startMs = 72'000;
        marker.label = u"March"_s;
        if (!notes.setNote(
                {Picard, u"walking-with-number-one"_s}, u"Solo *harmonica*, Romulan colours"_s)
            || !notes.setNote({Picard, u"romulan-collusion"_s}, u"The harmonica again"_s)
            || !database.markers()->putMarker(marker))
            qFatal("the user data was not written");
        model.setFileState({Picard, u"rafi-decides-to-join"_s}, FileState::Linked);
        model.setFileState({Picard, u"mystery-ship"_s}, FileState::Missing);
        userData.setUserData(&database);
        proxy.setSourceModel(&model);
        proxy.setUserData(&userData);
    }

    QTemporaryDir dir;
    UserDatabase database;
    CatalogModel model;
    UserDataTracker userData {&model};
    CatalogFilterModel proxy;
};

} // namespace

class tst_CatalogFilterModel : public QObject
{
    Q_OBJECT

private slots:
    void filter_data();
    void filter();
    void severalCatalogs_data();
    void severalCatalogs();
    void emptyQueryShowsAll();
    void noMatchShowsNothing();
    void followsTheOpenCatalogs();
    void passesStateChangesThrough();
    void keepsTheQueryText();
    void parsesNoteAndHas_data();
    void parsesNoteAndHas();
    void userData_data();
    void userData();
    void followsTheUserData();
    void findsTheNotesOfACatalogThatOpens();
    void sameAnswerChangesNoRows();
};

void tst_CatalogFilterModel::filter_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("visible");

    QTest::newRow("one word") << u"collusion"_s << QStringList {C1, Collusion, S1, Collusion};
    QTest::newRow("words are ANDed")
        << u"romulan collusion"_s << QStringList {C1, Collusion, S1, Collusion};
    QTest::newRow("word in a theme heard")
        << u"romulan"_s << QStringList {C1, Main, Collusion, Mystery, S1, Main, Collusion};
    QTest::newRow("release title and track title: picard main")
        // "main" is also in the aliases of the Picard theme and the March.
        << u"picard main"_s
        << QStringList {C1, Main, End, DahjCurly, S1, Main, End, DahjStraight, Credits};
    QTest::newRow("apostrophes: dahjs finds Dahj’s and Dahj's")
        << u"dahjs"_s << QStringList {C1, DahjCurly, S1, DahjStraight};
    QTest::newRow("apostrophe typed")
        << u"Dahj’s last"_s << QStringList {C1, DahjCurly, S1, DahjStraight};
    QTest::newRow("case: RAFI") << u"RAFI"_s << QStringList {C1, Rafi, S1, Rafi};
    QTest::newRow("accent typed") << u"rómulan collusion"_s
                                  << QStringList {C1, Collusion, S1, Collusion};
    QTest::newRow("accent in the catalog: Thème romulien")
        << u"romulien"_s << QStringList {C1, Main, Collusion, Mystery, S1, Main, Collusion};
    QTest::newRow("performer") << u"briones"_s << QStringList {S1, BlueSkies};
    QTest::newRow("quoted phrase") << u"\"blue skies\""_s << QStringList {S1, BlueSkies};
    QTest::newRow("quoted phrase in order only") << u"“skies blue”"_s << QStringList();
    QTest::newRow("matching release keeps all its tracks") << u"chapter"_s << AllOfC1;
    QTest::newRow("label matches releases") << u"lakeshore"_s << AllOfC1 + AllOfS1;

    QTest::newRow("title:") << u"title:end"_s << QStringList {C1, End, S1, End, Credits};
    QTest::newRow("title: is not the release title") << u"title:chapter"_s << QStringList();
    QTest::newRow("title: with quotes in the title") << u"title:mars"_s << QStringList {C1, Page};
    QTest::newRow("artist: cue performer") << u"artist:briones"_s << QStringList {S1, BlueSkies};
    QTest::newRow("artist: release artist") << u"artist:russo"_s << AllOfC1 + AllOfS1;
    QTest::newRow("composer: of the themes quoted")
        << u"composer:goldsmith"_s << QStringList {C1, Main, End, S1, Main, End};
    QTest::newRow("composer: of the cue or a theme it quotes")
        << u"composer:russo"_s
        << QStringList {C1, Main, End, Walking, DahjCurly, Collusion, Rafi, Mystery, S1, Main, End,
               DahjStraight, Collusion, Rafi, Credits};
    QTest::newRow("theme: by name")
        << u"theme:inner"_s << QStringList {C1, Main, Mystery, S1, Main};
    QTest::newRow("theme: by alias")
        << u"theme:ressikan"_s << QStringList {C1, Main, Mystery, S1, Main};
    QTest::newRow("theme: by id") << u"theme:star-trek-march"_s
                                  << QStringList {C1, Main, End, S1, Main, End};
    QTest::newRow("theme: quoted") << u"theme:\"blue skies\""_s << QStringList {S1, BlueSkies};
    QTest::newRow("Theme: field names ignore case")
        << u"Theme:INNER"_s << QStringList {C1, Main, Mystery, S1, Main};
    QTest::newRow("release: quoted value") << u"release:\"picard season\""_s << AllOfS1;
    QTest::newRow("release: unquoted is two terms")
        << u"release:picard season"_s << AllOfC1 + AllOfS1;
    QTest::newRow("episode: empty means any episode")
        << u"episode:"_s
        << QStringList {C1, Main, Walking, DahjCurly, S1, Main, DahjStraight, BlueSkies};
    QTest::newRow("episode: with a value") << u"episode:arcadia"_s << QStringList {S1, BlueSkies};
    QTest::newRow("catalog:") << u"catalog:picard"_s << AllOfC1 + AllOfS1;
    QTest::newRow("catalog: no match") << u"catalog:voyager"_s << QStringList();

    QTest::newRow("duration:>") << u"duration:>2:00"_s
                                << QStringList {C1, Collusion, S1, Collusion, BlueSkies, Credits};
    QTest::newRow("duration:<") << u"duration:<1:45"_s
                                << QStringList {C1, Main, End, Walking, S1, Main, End};
    QTest::newRow("duration:>=") << u"duration:>=1:51"_s
                                 << QStringList {C1, DahjCurly, Collusion, Rafi, Page, S1,
                                        DahjStraight, Collusion, Rafi, BlueSkies, Credits};
    QTest::newRow("duration:<=") << u"duration:<=1:43"_s
                                 << QStringList {C1, Main, Walking, S1, Main};
    QTest::newRow("duration:=") << u"duration:=1:44"_s << QStringList {C1, End, S1, End};
    QTest::newRow("duration: alone is =") << u"duration:1:44"_s << QStringList {C1, End, S1, End};
    QTest::newRow("duration: range")
        << u"duration:1:50-2:00"_s
        << QStringList {C1, DahjCurly, Rafi, Page, S1, DahjStraight, Rafi};
    QTest::newRow("duration: range with en dash, reversed")
        << u"duration:2:00–1:50"_s
        << QStringList {C1, DahjCurly, Rafi, Page, S1, DahjStraight, Rafi};
    QTest::newRow("duration: bare minutes")
        << u"duration:>2"_s << QStringList {C1, Collusion, S1, Collusion, BlueSkies, Credits};
    QTest::newRow("duration: unfinished is ignored") << u"duration:>"_s << AllOfC1 + AllOfS1;

    QTest::newRow("negated field") << u"-theme:picard"_s
                                   << QStringList {C1, End, Walking, Collusion, Rafi, Mystery, Page,
                                          S1, End, Collusion, Rafi, BlueSkies};
    QTest::newRow("negation does not let a matching release back in")
        << u"chapter -rafi"_s
        << QStringList {C1, Main, End, Walking, DahjCurly, Collusion, Mystery, Page};
    QTest::newRow("negated word on the release") << u"-chapter"_s << AllOfS1;
    QTest::newRow("negated duration keeps unknown durations")
        << u"-duration:>2:00"_s
        << QStringList {C1, Main, End, Walking, DahjCurly, Rafi, Mystery, Page, S1, Main, End,
               DahjStraight, Rafi};
    QTest::newRow("lone dash is nothing")
        << u"collusion -"_s << QStringList {C1, Collusion, S1, Collusion};

    QTest::newRow("unknown field is a word: found") << u"trek:"_s << AllOfC1 + AllOfS1;
    QTest::newRow("unknown field is a word: not found") << u"star:trek"_s << QStringList();
    QTest::newRow("fields and words together") << u"theme:romulan duration:>2:00 collusion"_s
                                               << QStringList {C1, Collusion, S1, Collusion};
}

void tst_CatalogFilterModel::filter()
{
    QFETCH(QString, query);
    QFETCH(QStringList, visible);
    CatalogModel model;
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    CatalogFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, Mode::Fatal);

    proxy.setQuery(query);

    QCOMPARE(visibleTitles(proxy), visible);
}

void tst_CatalogFilterModel::severalCatalogs_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("visible");

    const QString picard = u"Star Trek: Picard"_s;
    const QString season3 = u"Star Trek: Picard – Season 3"_s;
    QTest::newRow("track keeps its release and catalog")
        << u"spacedock"_s << QStringList {season3, S3, Spacedock};
    QTest::newRow("shared theme id")
        << u"theme:march"_s
        << QStringList {picard, C1, Main, End, S1, Main, End, season3, S3, Disengage, Spacedock};
    QTest::newRow("catalog: keeps everything in it")
        << u"catalog:season-3"_s << QStringList {season3, S3, Disengage, Spacedock};
    QTest::newRow("catalog: by title")
        << u"catalog:\"picard - season\""_s << QStringList {season3, S3, Disengage, Spacedock};
    QTest::newRow("negated catalog")
        << u"-catalog:picard-season-3 rafi"_s << QStringList {picard, C1, Rafi, S1, Rafi};
    QTest::newRow("episode:") << u"episode:vox"_s << QStringList {season3, S3, Spacedock};
    QTest::newRow("composer: of the cue")
        << u"composer:wiedmann"_s << QStringList {season3, S3, Disengage, Spacedock};
}

void tst_CatalogFilterModel::severalCatalogs()
{
    QFETCH(QString, query);
    QFETCH(QStringList, visible);
    CatalogModel model;
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    QVERIFY(model.addCatalog(TestCatalogs::picardSeason3()));
    CatalogFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, Mode::Fatal);

    proxy.setQuery(query);

    QCOMPARE(visibleTitles(proxy), visible);
}

void tst_CatalogFilterModel::emptyQueryShowsAll()
{
    CatalogModel model;
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    CatalogFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, Mode::Fatal);

    QCOMPARE(visibleTitles(proxy), AllOfC1 + AllOfS1);
    proxy.setQuery(u"rafi"_s);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setQuery(u"   "_s);
    QCOMPARE(visibleTitles(proxy), AllOfC1 + AllOfS1);
}

void tst_CatalogFilterModel::noMatchShowsNothing()
{
    CatalogModel model;
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    CatalogFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, Mode::Fatal);

    proxy.setQuery(u"voyager"_s);

    QCOMPARE(proxy.rowCount(), 0);
    proxy.setQuery(u"rafi"_s);
    QCOMPARE(visibleTitles(proxy), (QStringList {C1, Rafi, S1, Rafi}));
}

void tst_CatalogFilterModel::followsTheOpenCatalogs()
{
    CatalogModel model;
    CatalogFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, Mode::Fatal);
    proxy.setQuery(u"theme:march"_s);
    QCOMPARE(proxy.rowCount(), 0);

    // Each change of the open catalogs is filtered with the query already set.
    QVERIFY(model.addCatalog(TestCatalogs::picardSeason3()));
    QCOMPARE(visibleTitles(proxy), (QStringList {S3, Disengage, Spacedock}));
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(visibleTitles(proxy).size(), 11);
    Catalog third = TestCatalogs::picard();
    third.id = u"third"_s;
    third.title = u"Third"_s;
    QVERIFY(model.addCatalog(third));
    QCOMPARE(proxy.rowCount(), 3);
    QVERIFY(model.removeCatalog(TestCatalogs::picardSeason3().id));
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(proxy.index(1, 0).data().toString(), u"Third"_s);
    QVERIFY(model.removeCatalog(u"third"_s));
    QCOMPARE(visibleTitles(proxy), (QStringList {C1, Main, End, S1, Main, End}));
    proxy.setQuery(u"spacedock"_s);
    QCOMPARE(proxy.rowCount(), 0);
    QVERIFY(model.removeCatalog(TestCatalogs::picard().id));
    QCOMPARE(proxy.rowCount(), 0);
}

void tst_CatalogFilterModel::passesStateChangesThrough()
{
    CatalogModel model;
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    CatalogFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, Mode::Fatal);
    proxy.setQuery(u"dahjs"_s);
    QSignalSpy changed(&proxy, &QAbstractItemModel::dataChanged);

    model.setNoteState({u"star-trek-picard"_s, u"dahjs-last-fight"_s}, true);

    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), proxy.index(0, 0, proxy.index(1, 0)));
    QVERIFY(proxy.index(0, 0, proxy.index(0, 0)).data(CatalogModel::HasNoteRole).toBool());
    QCOMPARE(visibleTitles(proxy), (QStringList {C1, DahjCurly, S1, DahjStraight}));
}

void tst_CatalogFilterModel::keepsTheQueryText()
{
    CatalogFilterModel proxy;
    CatalogModel model;
    proxy.setSourceModel(&model);
    proxy.setQuery(u"theme:march "_s);
    QCOMPARE(proxy.query(), u"theme:march "_s);
    QCOMPARE(proxy.catalogModel(), &model);
}

void tst_CatalogFilterModel::parsesNoteAndHas_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("field");
    QTest::addColumn<int>("has");
    QTest::addColumn<QString>("text");

    QTest::newRow("note:") << u"note:Horns"_s << int(SearchTerm::NoteField) << 0 << u"horns"_s;
    QTest::newRow("note: any") << u"note:"_s << int(SearchTerm::NoteField) << 0 << QString();
    QTest::newRow("has:note") << u"has:note"_s << int(SearchTerm::HasField)
                              << int(SearchTerm::HasNote) << u"note"_s;
    QTest::newRow("has:notes") << u"HAS:Notes"_s << int(SearchTerm::HasField)
                               << int(SearchTerm::HasNote) << u"notes"_s;
    QTest::newRow("has:file") << u"has:file"_s << int(SearchTerm::HasField)
                              << int(SearchTerm::HasFile) << u"file"_s;
    QTest::newRow("has:m, being typed")
        << u"has:m"_s << int(SearchTerm::HasField) << int(SearchTerm::HasMarker) << u"m"_s;
    QTest::newRow("has:markers") << u"has:markers"_s << int(SearchTerm::HasField)
                                 << int(SearchTerm::HasMarker) << u"markers"_s;
    QTest::newRow("has:wings is a word")
        << u"has:wings"_s << int(SearchTerm::AnyField) << 0 << u"has:wings"_s;
    QTest::newRow("has:notebook is a word")
        << u"has:notebook"_s << int(SearchTerm::AnyField) << 0 << u"has:notebook"_s;
}

void tst_CatalogFilterModel::parsesNoteAndHas()
{
    QFETCH(QString, query);
    QFETCH(int, field);
    QFETCH(int, has);
    QFETCH(QString, text);
    const QList<SearchTerm> terms = SearchQuery::parse(query);
    QCOMPARE(terms.size(), 1);
    QCOMPARE(int(terms.first().field), field);
    QCOMPARE(int(terms.first().has), has);
    QCOMPARE(terms.first().text, text);
    // "has:" alone asks nothing yet.
    QVERIFY(SearchQuery::parse(u"has:"_s).isEmpty());
}

void tst_CatalogFilterModel::userData_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("visible");

    QTest::newRow("a word in a note, on both releases")
        << u"harmonica"_s << QStringList {C1, Walking, Collusion, S1, Collusion};
    QTest::newRow("a word in a title or a note")
        << u"romulan"_s << QStringList {C1, Main, Walking, Collusion, Mystery, S1, Main, Collusion};
    QTest::newRow("note: only in notes") << u"note:romulan"_s << QStringList {C1, Walking};
    QTest::newRow("note: and a word")
        << u"note:harmonica collusion"_s << QStringList {C1, Collusion, S1, Collusion};
    QTest::newRow("note: any note")
        << u"note:"_s << QStringList {C1, Walking, Collusion, S1, Collusion};
    QTest::newRow("has:note") << u"has:note"_s
                              << QStringList {C1, Walking, Collusion, S1, Collusion};
    QTest::newRow("has:file, on disk or not")
        << u"has:file"_s << QStringList {C1, Rafi, Mystery, S1, Rafi};
    QTest::newRow("has:marker") << u"has:marker"_s << QStringList {C1, Main, S1, Main};
    QTest::newRow("has:m") << u"has:m"_s << QStringList {C1, Main, S1, Main};
    QTest::newRow("-has:note") << u"-has:note rafi"_s << QStringList {C1, Rafi, S1, Rafi};
    QTest::newRow("-note:") << u"-note:harmonica has:note"_s << QStringList();
    QTest::newRow("two has:") << u"has:marker has:note"_s << QStringList();
    QTest::newRow("has:wings is a word") << u"has:wings"_s << QStringList();
    QTest::newRow("a word in neither") << u"cello"_s << QStringList();
}

void tst_CatalogFilterModel::userData()
{
    QFETCH(QString, query);
    QFETCH(QStringList, visible);
    UserDataFixture fixture;
    QAbstractItemModelTester tester(&fixture.proxy, Mode::Fatal);

    fixture.proxy.setQuery(query);

    QCOMPARE(visibleTitles(fixture.proxy), visible);
}

void tst_CatalogFilterModel::followsTheUserData()
{
    UserDataFixture fixture;
    QAbstractItemModelTester tester(&fixture.proxy, Mode::Fatal);
    fixture.proxy.setQuery(u"cello"_s);
    QCOMPARE(fixture.proxy.rowCount(), 0);

    QVERIFY(fixture.database.notes()->setNote({Picard, u"end-title"_s}, u"Cello solo"_s));
    QTRY_COMPARE(visibleTitles(fixture.proxy), (QStringList {C1, End, S1, End}));
    QVERIFY(fixture.database.notes()->setNote({Picard, u"end-title"_s}, u"Viola solo"_s));
    QTRY_COMPARE(fixture.proxy.rowCount(), 0);

    fixture.proxy.setQuery(u"has:file"_s);
    fixture.model.setFileState({Picard, u"rafi-decides-to-join"_s}, FileState::None);
    fixture.model.setFileState({Picard, u"page"_s}, FileState::Linked);
    QTRY_COMPARE(visibleTitles(fixture.proxy), (QStringList {C1, Mystery, Page}));

    fixture.proxy.setQuery(u"has:marker"_s);
    Marker marker;
    marker.id = Marker::newId();
    marker.cue = {Picard, u"blue-skies"_s};
    marker.label = u"Fanfare"_s;
    QVERIFY(fixture.database.markers()->putMarker(marker));
    QTRY_COMPARE(visibleTitles(fixture.proxy), (QStringList {C1, Main, S1, Main, BlueSkies}));
}

// A note on a cue whose catalog is not open is found once the catalog opens, again after it was
// closed and opened again, and never while it is closed.
void tst_CatalogFilterModel::findsTheNotesOfACatalogThatOpens()
{
    UserDataFixture fixture;
    QAbstractItemModelTester tester(&fixture.proxy, Mode::Fatal);
    QVERIFY(fixture.database.notes()->setNote(
        {u"picard-season-3"_s, u"leaving-spacedock"_s}, u"Vox populi"_s));
    fixture.proxy.setQuery(u"note:populi"_s);
    QCOMPARE(fixture.proxy.rowCount(), 0);

    const QStringList season3 {u"Star Trek: Picard – Season 3"_s, S3, Spacedock};
    QVERIFY(fixture.model.addCatalog(TestCatalogs::picardSeason3()));
    QTRY_COMPARE(visibleTitles(fixture.proxy), season3);
    QVERIFY(fixture.model.removeCatalog(u"picard-season-3"_s));
    QTRY_COMPARE(fixture.proxy.rowCount(), 0);
    QVERIFY(fixture.model.addCatalog(TestCatalogs::picardSeason3()));
    QTRY_COMPARE(visibleTitles(fixture.proxy), season3);
    // Found as the words of a query too, beside the other catalog's notes.
    fixture.proxy.setQuery(u"has:note"_s);
    QCOMPARE(visibleTitles(fixture.proxy),
        (QStringList {u"Star Trek: Picard"_s, C1, Walking, Collusion, S1, Collusion} + season3));
}

void tst_CatalogFilterModel::sameAnswerChangesNoRows()
{
    UserDataFixture fixture;
    QAbstractItemModelTester tester(&fixture.proxy, Mode::Fatal);
    fixture.proxy.setQuery(u"has:note"_s);
    QSignalSpy layout(&fixture.proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy userDataChanged(&fixture.userData, &UserDataTracker::changed);

    // A note typed on a cue that has one already: the answer is the same.
    QVERIFY(fixture.database.notes()->setNote(
        {Picard, u"romulan-collusion"_s}, u"The harmonica again, and again"_s));
    QCOMPARE(userDataChanged.count(), 1);
    QVERIFY(!layout.wait(100));
    // A query that does not read the user's data is not evaluated again at all.
    fixture.proxy.setQuery(u"title:rafi"_s);
    layout.clear();
    QVERIFY(fixture.database.notes()->setNote({Picard, u"rafi-decides-to-join"_s}, u"Rafi"_s));
    QVERIFY(!layout.wait(100));
    QCOMPARE(visibleTitles(fixture.proxy), (QStringList {C1, Rafi, S1, Rafi}));
}

QTEST_GUILESS_MAIN(tst_CatalogFilterModel)
#include "tst_catalogfiltermodel.moc"
