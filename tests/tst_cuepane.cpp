#include "anchorclick.h"
#include "catalogmodel.h"
#include "catalogreader.h"
#include "cuepane.h"
#include "occurrencemodel.h"
#include "panebrowser.h"
#include "testcatalogs.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;
}

class tst_CuePane : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sharedCueShowsEveryRelease();
    void factsOfTheCue();
    void themesInTheOrderHeard();
    void emptyStates();
    void clickOnThemeLinkActivatesTheme();
    void tabThenEnterActivatesLink();
    void unknownDurationAndComposers();
    void clearAndUnknownCue();

private:
    void show(const QString &cueId, const QString &releaseId = {});
    QString text() const { return m_browser->toPlainText(); }
    // Where the "Excerpts" section starts, so that the themes' links can be told from the
    // excerpts' ones.
    int excerptsPosition() const;

    CatalogModel *m_catalogs = nullptr;
    CuePane *m_pane = nullptr;
    PaneBrowser *m_browser = nullptr;
};

void tst_CuePane::init()
{
    CatalogReader reader;
    QVERIFY2(reader.read(QFINDTESTDATA("../resources/catalogs/star-trek-picard/catalog.json")),
        qPrintable(reader.errorString()));
    m_catalogs = new CatalogModel;
    QVERIFY(m_catalogs->addCatalog(reader.takeCatalog()));
    m_pane = new CuePane(m_catalogs);
    m_pane->resize(560, 720);
    m_browser = m_pane->findChild<PaneBrowser *>();
    QVERIFY(m_browser);
}

void tst_CuePane::cleanup()
{
    delete m_pane;
    delete m_catalogs;
}

void tst_CuePane::show(const QString &cueId, const QString &releaseId)
{
    m_pane->showCue(Picard, cueId, releaseId);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane));
}

int tst_CuePane::excerptsPosition() const
{
    return m_browser->document()
        ->find(u"Excerpts"_s, 0, QTextDocument::FindCaseSensitively)
        .position();
}

void tst_CuePane::sharedCueShowsEveryRelease()
{
    show(u"main-title"_s, u"picard-s1"_s);
    QCOMPARE(m_pane->cueId(), u"main-title"_s);
    QCOMPARE(m_pane->releaseId(), u"picard-s1"_s);
    QVERIFY(text().contains(u"Appears on"_s));
    QVERIFY(text().contains(u"Season 1, Chapter 1 · track 1"_s));
    QVERIFY(text().contains(u"Season 1 · track 1"_s));

    QSignalSpy activated(m_pane, &CuePane::locationActivated);
    for (const QString &releaseId : {u"picard-s1-chapter-1"_s, u"picard-s1"_s}) {
        const Location release {Location::Release, Picard, releaseId, {}};
        QVERIFY(AnchorClick::click(m_browser, release));
        QCOMPARE(activated.last().first().value<Location>(), release);
    }
}

void tst_CuePane::factsOfTheCue()
{
    show(u"walking-with-number-one"_s);
    const Cue &cue = *m_catalogs->catalog(Picard)->cue(u"walking-with-number-one"_s);
    QVERIFY(text().startsWith(u"Walking With Number One\nJeff Russo"_s));
    QVERIFY(text().contains(u"Duration\n1:16"_s));
    QVERIFY(text().contains(u"Episode\nSeason 1, episode 1"_s));
    QVERIFY(text().contains(cue.description));
}

void tst_CuePane::themesInTheOrderHeard()
{
    show(u"main-title"_s);
    const QList<Location> heard
        = AnchorClick::locations(m_browser->document(), 0, excerptsPosition());
    QList<QString> themes;
    for (const Location &location : heard) {
        if (location.kind == Location::Theme)
            themes.append(location.id);
    }
    // The piccolo opens, the cello states Picard's theme, the flute comes back, and the
    // March closes it; two sources each name the March and Picard's theme.
    const QList<QString> expected {u"inner-light"_s, u"picard-theme"_s, u"inner-light"_s,
        u"picard-theme"_s, u"star-trek-march"_s, u"star-trek-march"_s};
    QCOMPARE(themes, expected);

    // The same order the model gives, whatever it is.
    OccurrenceModel model(m_catalogs);
    model.setCue(Picard, u"main-title"_s);
    QCOMPARE(model.rowCount(), themes.size());
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, 0).data(OccurrenceModel::ThemeIdRole).toString(), themes.at(row));

    const QString shown = text();
    QVERIFY(shown.indexOf(u"opening"_s) < shown.indexOf(u"in the middle"_s));
    QVERIFY(shown.indexOf(u"in the middle"_s) < shown.indexOf(u"throughout"_s));
    QVERIFY(shown.indexOf(u"throughout"_s) < shown.indexOf(u"towards the end"_s));
    QVERIFY(shown.contains(u"solo cello"_s));
    QVERIFY(shown.contains(u"Allusion"_s));
    QVERIFY(shown.contains(u"source: Noah Marconi"_s));
    QVERIFY(!shown.contains(u"No themes are known in this cue yet."_s));
}

void tst_CuePane::emptyStates()
{
    show(u"dahj-activates"_s);
    QVERIFY(text().contains(u"Themes, in the order heard"_s));
    QVERIFY(text().contains(u"No themes are known in this cue yet."_s));
    QVERIFY(text().contains(u"No excerpts about this cue yet."_s));
    QVERIFY(AnchorClick::locations(m_browser->document(), excerptsPosition()).isEmpty());
}

void tst_CuePane::clickOnThemeLinkActivatesTheme()
{
    show(u"main-title"_s);
    QSignalSpy activated(m_pane, &CuePane::locationActivated);
    const Location march {Location::Theme, Picard, u"star-trek-march"_s, {}};

    QVERIFY(AnchorClick::click(m_browser, march));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().value<Location>(), march);
}

void tst_CuePane::tabThenEnterActivatesLink()
{
    show(u"main-title"_s);
    QSignalSpy activated(m_pane, &CuePane::locationActivated);
    m_pane->setFocus();
    QVERIFY(m_browser->hasFocus());

    const QString picardTheme
        = AnchorClick::hrefOf({Location::Theme, Picard, u"picard-theme"_s, {}});
    int tabs = 0;
    while (AnchorClick::focusedHref(m_browser) != picardTheme && tabs < 20) {
        QTest::keyClick(m_browser, Qt::Key_Tab);
        ++tabs;
    }
    QCOMPARE(AnchorClick::focusedHref(m_browser), picardTheme);
    QCOMPARE(activated.size(), 0);
    QTest::keyClick(m_browser, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().value<Location>(),
        Location({Location::Theme, Picard, u"picard-theme"_s, {}}));
}

void tst_CuePane::unknownDurationAndComposers()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    CuePane pane(&catalogs);
    const PaneBrowser *browser = pane.findChild<PaneBrowser *>();

    pane.showCue(Picard, u"mystery-ship"_s);
    QVERIFY(browser->toPlainText().contains(u"Duration\nunknown"_s));

    // No composers of its own: the release's artists, as the tree shows them.
    pane.showCue(Picard, u"page"_s);
    QVERIFY(browser->toPlainText().contains(u"Jeff Russo"_s));

    pane.showCue(Picard, u"blue-skies"_s);
    QVERIFY(browser->toPlainText().contains(u"Performed by\nIsa Briones"_s));
}

void tst_CuePane::clearAndUnknownCue()
{
    show(u"main-title"_s);
    m_pane->clear();
    QVERIFY(m_pane->cueId().isEmpty());
    QVERIFY(text().isEmpty());

    show(u"main-title"_s);
    m_pane->showCue(Picard, u"no-such-cue"_s);
    QVERIFY(m_pane->cueId().isEmpty());
    QVERIFY(text().isEmpty());

    show(u"main-title"_s);
    QVERIFY(m_catalogs->removeCatalog(Picard));
    QVERIFY(m_pane->cueId().isEmpty());
    QVERIFY(text().isEmpty());
}

QTEST_MAIN(tst_CuePane)
#include "tst_cuepane.moc"
