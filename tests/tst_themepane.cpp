#include "anchorclick.h"
#include "itemmodels/catalogmodel.h"
#include "panes/panebrowser.h"
#include "panes/themepane.h"
#include "testcatalogs.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;
const QString Season3 = u"picard-season-3"_s;
const QString March = u"star-trek-march"_s;
const QString Romulan = u"romulan"_s;
const QString Collusion = u"romulan-collusion"_s;
const QString MysteryShip = u"mystery-ship"_s;
} // namespace

class tst_ThemePane : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void describesTheTheme();
    void everyCueOfEveryCatalogInAlbumOrder();
    void clickOnCueLinkActivatesCueWithItsRelease();
    void followsCatalogsOpenedAndClosed();
    void emptyState();
    void inferredOccurrencesAreMarked();
    void clearAndUnknownTheme();
    void playLinkFollowsTheFileState();
    void occurrenceWithoutTimePlaysTheCue();
    void usersMarkersBesideTheCatalogs();
    void censusOfTheTheme();

private:
    void show(const QString &catalogId, const QString &themeId);
    QString text() const { return m_browser->toPlainText(); }
    QList<Location> cueLinks() const;
    QList<PaneAction> actions() const;

    CatalogModel *m_catalogs = nullptr;
    ThemePane *m_pane = nullptr;
    PaneBrowser *m_browser = nullptr;
};

void tst_ThemePane::init()
{
    m_catalogs = new CatalogModel;
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picard()));
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picardSeason3()));
    m_pane = new ThemePane(m_catalogs);
    m_pane->resize(560, 720);
    m_browser = m_pane->findChild<PaneBrowser *>();
    QVERIFY(m_browser);
}

void tst_ThemePane::cleanup()
{
    delete m_pane;
    delete m_catalogs;
}

void tst_ThemePane::show(const QString &catalogId, const QString &themeId)
{
    m_pane->showTheme(catalogId, themeId);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane));
}

QList<Location> tst_ThemePane::cueLinks() const
{
    QList<Location> cues;
    for (const Location &location : AnchorClick::locations(m_browser->document())) {
        if (location.kind == Location::Cue)
            cues.append(location);
    }
    return cues;
}

QList<PaneAction> tst_ThemePane::actions() const
{
    QList<PaneAction> result;
    for (const AnchorClick::Anchor &anchor : AnchorClick::anchors(m_browser->document())) {
        if (const PaneAction action = PaneActionLink::fromUrl(QUrl(anchor.href)); action.isValid())
            result.append(action);
    }
    return result;
}

void tst_ThemePane::describesTheTheme()
{
    show(Picard, March);
    QCOMPARE(m_pane->catalogId(), Picard);
    QCOMPARE(m_pane->themeId(), March);
    QVERIFY(text().startsWith(u"Star Trek March\n"_s));
    QVERIFY(text().contains(u"also known as “TNG main title”"_s));
    QVERIFY(text().contains(u"Composer\nJerry Goldsmith"_s));
    QVERIFY(text().contains(u"Origin\nStar Trek: The Motion Picture"_s));
}

// The March is heard on main-title and end-title (each on both Season 1 releases) in one
// catalog, and on disengage (disc 1) and leaving-spacedock (disc 2) in the other.
void tst_ThemePane::everyCueOfEveryCatalogInAlbumOrder()
{
    show(Picard, March);
    const QList<Location> expected {
        {Location::Cue, Picard, u"main-title"_s, u"chapter-1"_s},
        {Location::Cue, Picard, u"end-title"_s, u"chapter-1"_s},
        {Location::Cue, Season3, u"disengage"_s, u"season-3"_s},
        {Location::Cue, Season3, u"leaving-spacedock"_s, u"season-3"_s},
    };
    // After the census's links, the cues.
    QCOMPARE(cueLinks().mid(cueLinks().size() - expected.size()), expected);
    QVERIFY(text().contains(u"Heard in 4 cues"_s));
    // Each cue with every place it stands, and each occurrence with how and where.
    QVERIFY(text().contains(u"Season 1, Chapter 1 · track 1; "
                            "Star Trek: Picard Season 1 (Original Series Soundtrack) · track 1"_s));
    QVERIFY(text().contains(u"Season 3 · track 2-04"_s));
    QVERIFY(text().contains(u"2:30–3:00"_s));
    QVERIFY(text().contains(u"full orchestra"_s));
    QVERIFY(text().contains(u"opening"_s));
    // With cues from two catalogs, each group says which.
    QVERIFY(text().contains(u"Star Trek: Picard – Season 3\n"_s));
}

void tst_ThemePane::clickOnCueLinkActivatesCueWithItsRelease()
{
    show(Picard, March);
    QSignalSpy activated(m_pane, &ThemePane::locationActivated);
    const Location spacedock {Location::Cue, Season3, u"leaving-spacedock"_s, u"season-3"_s};
    QVERIFY(AnchorClick::click(m_browser, spacedock));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().value<Location>(), spacedock);

    const Location mainTitle {Location::Cue, Picard, u"main-title"_s, u"chapter-1"_s};
    QVERIFY(AnchorClick::click(m_browser, mainTitle));
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.last().first().value<Location>(), mainTitle);
}

void tst_ThemePane::followsCatalogsOpenedAndClosed()
{
    show(Picard, March);
    QVERIFY(m_catalogs->removeCatalog(Season3));
    QCOMPARE(m_pane->themeId(), March);
    // The census's first and last cue heard, then the cues.
    QCOMPARE(cueLinks().size(), 2 + 2);
    QVERIFY(text().contains(u"Heard in 2 cues"_s));
    QVERIFY(!text().contains(u"Star Trek: Picard – Season 3\n"_s));

    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picardSeason3()));
    QCOMPARE(cueLinks().size(), 2 + 4);

    // The theme's own catalog closed: nothing left to describe it.
    QVERIFY(m_catalogs->removeCatalog(Picard));
    QVERIFY(m_pane->themeId().isEmpty());
    QVERIFY(text().isEmpty());
}

void tst_ThemePane::emptyState()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::bundled()));
    ThemePane pane(&catalogs);
    pane.showTheme(Picard, u"jurati-theme"_s);
    const QString shown = pane.findChild<PaneBrowser *>()->toPlainText();
    QVERIFY(shown.contains(u"No cue is known to quote this theme yet."_s));
    // Its excerpt is still there.
    QVERIFY(shown.contains(u"Dr. Jurati has some of her own thematic stuff."_s));
    QVERIFY(!shown.contains(u"No excerpts about this theme yet."_s));

    pane.showTheme(Picard, u"la-sirena-theme"_s);
    QVERIFY(pane.findChild<PaneBrowser *>()->toPlainText().contains(
        u"No cue is known to quote this theme yet."_s));
}

// The bundled catalog ties the March to "Picard and Riker Reunite" by inference: the row says
// so, with what it rests on; the rows the sources state carry no mark.
void tst_ThemePane::inferredOccurrencesAreMarked()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::bundled()));
    ThemePane pane(&catalogs);
    pane.showTheme(Picard, March);
    PaneBrowser *browser = pane.findChild<PaneBrowser *>();
    const QString shown = browser->toPlainText();
    QCOMPARE(shown.count(u"(inferred)"_s), 1);
    const qsizetype reunion = shown.indexOf(u"Picard and Riker Reunite\n"_s);
    QVERIFY(reunion >= 0);
    QVERIFY(shown.indexOf(u"Allusion (inferred)\nInferred: Russo says that"_s, reunion) > reunion);
    QVERIFY(browser->document()
                ->find(u"(inferred)"_s)
                .charFormat()
                .toolTip()
                .startsWith(u"Russo says that “when you see him and Riker together”"_s));

    pane.showTheme(Picard, u"picard-theme"_s);
    QVERIFY(browser->toPlainText().contains(
        u"Variation (inferred)\nInferred: Russo says “there is a different End Title"_s));
}

void tst_ThemePane::clearAndUnknownTheme()
{
    show(Picard, March);
    m_pane->clear();
    QVERIFY(m_pane->themeId().isEmpty());
    QVERIFY(text().isEmpty());

    show(Picard, March);
    m_pane->showTheme(Picard, u"no-such-theme"_s);
    QVERIFY(m_pane->themeId().isEmpty());
    QVERIFY(text().isEmpty());
}

// The Romulan theme: through main-title and at the ending of mystery-ship (no times), and in
// romulan-collusion from 0:45 to 1:05.
void tst_ThemePane::playLinkFollowsTheFileState()
{
    show(Picard, Romulan);
    QVERIFY(actions().isEmpty());
    QVERIFY(text().contains(u"0:45–1:05"_s));
    QVERIFY(!text().contains(u"▶"_s));

    // As after the app's check of the disk: only the catalog model's state changes.
    m_catalogs->setFileState({Picard, Collusion}, FileState::Linked);
    const PaneAction play {
        PaneAction::Play, {Location::Cue, Picard, Collusion, u"chapter-1"_s}, 45'000, {}};
    QTRY_COMPARE(actions(), QList<PaneAction>({play}));
    QVERIFY(text().contains(u"Statement · low brass · ▶ 0:45"_s));

    QSignalSpy requested(m_pane, &ThemePane::actionRequested);
    QVERIFY(
        AnchorClick::click(m_browser, PaneActionLink::toUrl(play).toString(QUrl::FullyEncoded)));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<PaneAction>(), play);

    for (const auto state : {FileState::Missing, FileState::Unplayable}) {
        m_catalogs->setFileState({Picard, Collusion}, state);
        QTRY_VERIFY(actions().isEmpty());
        QVERIFY(text().contains(u"0:45–1:05"_s));
    }
}

void tst_ThemePane::occurrenceWithoutTimePlaysTheCue()
{
    show(Picard, Romulan);
    m_catalogs->setFileState({Picard, MysteryShip}, FileState::Linked);
    const PaneAction play {
        PaneAction::Play, {Location::Cue, Picard, MysteryShip, u"chapter-1"_s}, 0, {}};
    QTRY_COMPARE(actions(), QList<PaneAction>({play}));
    QVERIFY(text().contains(u"Allusion · low brass · ▶ Play cue"_s));

    QSignalSpy requested(m_pane, &ThemePane::actionRequested);
    QVERIFY(
        AnchorClick::click(m_browser, PaneActionLink::toUrl(play).toString(QUrl::FullyEncoded)));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<PaneAction>(), play);
}

// A marker that names the theme is the user's own occurrence: among the catalog's, in album
// order, marked as theirs, with a play link from its time; a cue only a marker names is added.
void tst_ThemePane::usersMarkersBesideTheCatalogs()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    UserDatabase userData;
    QVERIFY(userData.open(dir.filePath(u"user.sqlite"_s)));
    const auto put = [&userData](const QString &cueId, qint64 startMs, const QString &label) {
        Marker marker;
        marker.id = Marker::newId();
        marker.cue = {Picard, cueId};
        marker.startMs = startMs;
        marker.label = label;
        marker.themeId = Romulan;
        marker.kind = u"statement"_s;
        return userData.markers()->putMarker(marker);
    };
    QVERIFY(put(Collusion, 20'000, u"the Romulans, first"_s));
    m_pane->setUserData(&userData);
    show(Picard, Romulan);
    QVERIFY(text().contains(u"Heard in 3 cues"_s));
    // Before the catalog's 0:45 in the same cue.
    const qsizetype mine = text().indexOf(u"0:20\nStatement · your marker\nthe Romulans, first"_s);
    QVERIFY2(mine >= 0, qPrintable(text()));
    QVERIFY(mine < text().indexOf(u"0:45–1:05"_s));
    QCOMPARE(text().count(u"your marker"_s), 1);

    // Followed as it changes: a marker on a cue the catalog does not name for the theme.
    QVERIFY(put(u"page"_s, 5'000, u"a hint of it"_s));
    QTRY_VERIFY(text().contains(u"a hint of it"_s));
    QVERIFY(text().contains(u"Heard in 4 cues"_s));
    QVERIFY(cueLinks().contains(Location({Location::Cue, Picard, u"page"_s, u"chapter-1"_s})));

    m_catalogs->setFileState({Picard, Collusion}, FileState::Linked);
    const PaneAction mineFrom20 {
        PaneAction::Play, {Location::Cue, Picard, Collusion, u"chapter-1"_s}, 20'000, {}};
    QTRY_VERIFY(actions().contains(mineFrom20));
    QVERIFY(text().contains(u"Statement · your marker · ▶ 0:20"_s));
    QSignalSpy requested(m_pane, &ThemePane::actionRequested);
    QVERIFY(AnchorClick::click(
        m_browser, PaneActionLink::toUrl(mineFrom20).toString(QUrl::FullyEncoded)));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<PaneAction>(), mineFrom20);

    // Without the user database, only the catalog's.
    m_pane->setUserData(nullptr);
    QVERIFY(!text().contains(u"your marker"_s));
    QVERIFY(text().contains(u"Heard in 3 cues"_s));
}

// Over both catalogs: four cues, the first in Season 1's main title, the last on Season 3's
// second disc; only the timed entrances count as heard: 1:12–1:30 and 2:30–3:00.
void tst_ThemePane::censusOfTheTheme()
{
    show(Picard, March);
    const QString shown = text();
    const qsizetype census = shown.indexOf(u"Census\n"_s);
    QVERIFY2(census >= 0, qPrintable(shown));
    QVERIFY(census < shown.indexOf(u"Heard in 4 cues"_s));
    QVERIFY(shown.contains(u"Cues\n4\n"_s));
    QVERIFY2(shown.contains(
                 u"First heard\nStar Trek Picard Main Title · Season 1, Chapter 1 · track 1"_s),
        qPrintable(shown));
    QVERIFY2(shown.contains(
                 u"Last heard\nLeaving Spacedock · Star Trek: Picard – Season 3 · track 2-04"_s),
        qPrintable(shown));
    QVERIFY(shown.contains(u"Releases\nSeason 1, Chapter 1; "_s));
    QVERIFY(shown.contains(u"Heard for\n0:48 of 23:10 of music (3.5%)"_s));
    // Episodes known by their titles only give no order.
    QVERIFY(!shown.contains(u"By episode"_s));
    const QList<Location> links = cueLinks();
    QCOMPARE(links.at(0).id, u"main-title"_s);
    QCOMPARE(links.at(1).id, u"leaving-spacedock"_s);

    // A theme no timed entrance counts says how to time it.
    show(Picard, u"courage-fanfare"_s);
    QVERIFY(text().contains(u"Heard for\nnot timed yet"_s));
}

QTEST_MAIN(tst_ThemePane)
#include "tst_themepane.moc"
