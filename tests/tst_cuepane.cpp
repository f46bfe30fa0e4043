#include "anchorclick.h"
#include "catalog/occurrences.h"
#include "itemmodels/catalogmodel.h"
#include "markers/markerpanel.h"
#include "notes/noteeditor.h"
#include "notes/noteview.h"
#include "panes/cuepane.h"
#include "panes/panebrowser.h"
#include "testcatalogs.h"
#include "testfiles.h"
#include "userdata/filelinkstore.h"
#include "userdata/markeroccurrences.h"
#include "userdata/markerstore.h"
#include "userdata/notestore.h"
#include "userdata/userdatabase.h"

#include <QDir>
#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;
const QString MainTitle = u"main-title"_s;
const QString ChapterOne = u"picard-s1-chapter-1"_s;
} // namespace

class tst_CuePane : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sharedCueShowsEveryRelease();
    void factsOfTheCue();
    void themesInTheOrderHeard();
    void oneEntranceListsEverySource();
    void inferredOccurrenceIsMarked();
    void excerptCreditsWhoSpeaks();
    void emptyStates();
    void clickOnThemeLinkActivatesTheme();
    void tabThenEnterActivatesLink();
    void unknownDurationAndComposers();
    void clearAndUnknownCue();
    void audioFilesInPlayOrder();
    void fileActionLinksEmitTheirActions();
    void preferredFileHasNoMakePreferred();
    void noLinkedFileEmptyState();
    void withoutUserDataSaysSo();
    void followsLinksAndFileStates();
    void themePlayLinksWhenTheCueHasAFile();
    void changesKeepTheReadersPlace();
    void usersMarkersAmongTheThemesHeard();
    void markersTabCountsTheCuesMarkers();
    void notebookUnderThePage();
    void noteBelongsToTheCue();
    void noteSavedWhenAnotherCueIsShown();

private:
    void show(const QString &cueId, const QString &releaseId = {});
    QString text() const { return m_browser->toPlainText(); }
    // Where the "Excerpts" section starts, so that the themes' links can be told from the
    // excerpts' ones.
    int excerptsPosition() const;
    // Every action link of the page, in page order.
    QList<PaneAction> actions() const;
    // A file in the temporary folder, with a few bytes in it: the pane never decodes it.
    QString createFile(const QString &relativePath) const;
    FileLink fileLink(const QString &path, qint64 durationMs = -1) const;
    // Main Title.flac gone from disk, then 01 Main Title.flac and 01 Main Title.mp3 there, all
    // linked to main-title at once; they play in that order (lossless first, then by path).
    void linkThreeFiles();
    PaneAction action(PaneAction::Kind kind, const QString &path = {}) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    QString m_missing;
    QString m_flac;
    QString m_mp3;
    CatalogModel *m_catalogs = nullptr;
    CuePane *m_pane = nullptr;
    PaneBrowser *m_browser = nullptr;
};

void tst_CuePane::init()
{
    m_catalogs = new CatalogModel;
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::bundled()));
    m_pane = new CuePane(m_catalogs);
    m_pane->resize(560, 720);
    m_browser = m_pane->findChild<PaneBrowser *>();
    QVERIFY(m_browser);

    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY2(
        m_userData->open(m_dir->filePath(u"user.sqlite"_s)), qPrintable(m_userData->errorString()));
}

void tst_CuePane::cleanup()
{
    delete m_pane;
    delete m_catalogs;
    m_userData.reset();
    m_dir.reset();
}

void tst_CuePane::show(const QString &cueId, const QString &releaseId)
{
    m_pane->showCue({Picard, cueId}, releaseId);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane));
}

int tst_CuePane::excerptsPosition() const
{
    return m_browser->document()
        ->find(u"Excerpts"_s, 0, QTextDocument::FindCaseSensitively)
        .position();
}

QList<PaneAction> tst_CuePane::actions() const
{
    QList<PaneAction> result;
    for (const AnchorClick::Anchor &anchor : AnchorClick::anchors(m_browser->document())) {
        if (const PaneAction action = PaneActionLink::fromUrl(QUrl(anchor.href)); action.isValid())
            result.append(action);
    }
    return result;
}

QString tst_CuePane::createFile(const QString &relativePath) const
{
    return TestFiles::writeFile(m_dir->filePath(relativePath), "not really audio");
}

FileLink tst_CuePane::fileLink(const QString &path, qint64 durationMs) const
{
    FileLink link;
    link.cue = {Picard, MainTitle};
    link.file.path = path;
    link.file.durationMs = durationMs;
    return link;
}

void tst_CuePane::linkThreeFiles()
{
    m_missing = m_dir->filePath(u"Lost/Main Title.flac"_s);
    m_flac = createFile(u"Music/01 Main Title.flac"_s);
    m_mp3 = createFile(u"Music/01 Main Title.mp3"_s);
    QVERIFY(m_userData->fileLinks()->storeLinks(
        {fileLink(m_mp3, 103'400), fileLink(m_flac, 103'000), fileLink(m_missing)}));
}

PaneAction tst_CuePane::action(PaneAction::Kind kind, const QString &path) const
{
    return PaneAction {kind, {Location::Cue, Picard, MainTitle, ChapterOne}, 0, path};
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
    // The piccolo melody opens, calling back to the Inner Light, the cello states Picard's
    // theme, the piccolo melody comes back and the March closes it; one source hears Picard's
    // theme throughout (listed before the ending). The March, stated by two sources, is one
    // entrance.
    const QList<QString> expected {u"main-title-piccolo"_s, u"inner-light"_s, u"picard-theme"_s,
        u"main-title-piccolo"_s, u"picard-theme"_s, u"star-trek-march"_s};
    QCOMPARE(themes, expected);

    // The same order the query gives, whatever it is.
    const QList<OccurrenceRow> rows
        = Occurrences::ofCue(m_catalogs->catalogs(), CueKey {Picard, u"main-title"_s});
    QCOMPARE(rows.size(), themes.size());
    for (qsizetype row = 0; row < rows.size(); ++row)
        QCOMPARE(rows.at(row).occurrence.themeId, themes.at(row));

    const QString shown = text();
    QVERIFY(shown.indexOf(u"opening"_s) < shown.indexOf(u"in the middle"_s));
    QVERIFY(shown.indexOf(u"in the middle"_s) < shown.indexOf(u"throughout"_s));
    QVERIFY(shown.indexOf(u"throughout"_s) < shown.indexOf(u"towards the end"_s));
    QVERIFY(shown.contains(u"solo cello"_s));
    QVERIFY(shown.contains(u"Allusion"_s));
    QVERIFY(shown.contains(u"source: Noah Marconi"_s));
    QVERIFY(!shown.contains(u"No themes are known in this cue yet."_s));
}

// The review and the interview both put the March at the end of the main title: one row, with
// both sources.
void tst_CuePane::oneEntranceListsEverySource()
{
    show(u"main-title"_s);
    const qsizetype heading = text().indexOf(u"\nThemes, in the order heard\n"_s);
    const QString themes = text().mid(heading, text().indexOf(u"\nExcerpts\n"_s) - heading);
    QCOMPARE(themes.count(u"towards the end"_s), 1);
    QCOMPARE(themes.count(u"Star Trek March"_s), 1);
    const QString sources
        = QLocale().createSeparatedList({u"Noah Marconi"_s, u"Randall D. Larson"_s});
    QVERIFY(themes.contains(u"Star Trek March · Quotation\nsources: "_s + sources + u'\n'));
    QVERIFY(themes.contains(u"solo cello · source: Noah Marconi\n"_s));
}

// No source names the track: the row says the link is the catalog's, and on what it rests,
// both as text and as the mark's tooltip.
void tst_CuePane::inferredOccurrenceIsMarked()
{
    show(u"picard-and-riker-reunite"_s);
    const Occurrence &march = m_catalogs->catalog(Picard)->occurrences.at(
        m_catalogs->catalog(Picard)->occurrencesOfCue(u"picard-and-riker-reunite"_s).first());
    QVERIFY(march.inferred);
    const QString sources
        = QLocale().createSeparatedList({u"Randall D. Larson"_s, u"Noah Marconi"_s});
    QVERIFY(text().contains(u"Star Trek March · Allusion (inferred)\nsources: "_s + sources
        + u"\nInferred: "_s + march.basis));
    const QTextCursor mark = m_browser->document()->find(u"(inferred)"_s);
    QVERIFY(!mark.isNull());
    QCOMPARE(mark.charFormat().toolTip(), march.basis);

    // In the main title, only the return of the flute melody is inferred.
    show(u"main-title"_s);
    QCOMPARE(text().count(u"(inferred)"_s), 1);
    QVERIFY(text().contains(u"Main title piccolo melody · Statement (inferred)"_s));
}

// Russo's answers are his words: the interviewer and the column are where they appeared.
void tst_CuePane::excerptCreditsWhoSpeaks()
{
    show(u"main-title"_s);
    const QString shown = text();
    QVERIFY(
        shown.contains(u"“I thought it would be a good way to begin and end the theme with "
                       "that sound.”\n"
                       "— Jeff Russo, interviewed by Randall D. Larson, Soundtrax, 27 March 2020\n"
                       "Interview · “Jeff Russo: Scoring STAR TREK PICARD”"_s));
    // The interviewer's own question stays his.
    QVERIFY(shown.contains(u"that bit from Jerry’s theme at the end”\n"
                           "— Randall D. Larson, Soundtrax, 27 March 2020\n"_s));
    // A featurette quoted by ComicBook.
    QVERIFY(shown.contains(u"— Jeff Russo, quoted in ComicBook, February 2020\n"_s));
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

    pane.showCue({Picard, u"mystery-ship"_s});
    QVERIFY(browser->toPlainText().contains(u"Duration\nunknown"_s));

    // No composers of its own: the release's artists, as the tree shows them.
    pane.showCue({Picard, u"page"_s});
    QVERIFY(browser->toPlainText().contains(u"Jeff Russo"_s));

    pane.showCue({Picard, u"blue-skies"_s});
    QVERIFY(browser->toPlainText().contains(u"Performed by\nIsa Briones"_s));
}

void tst_CuePane::clearAndUnknownCue()
{
    show(u"main-title"_s);
    m_pane->clear();
    QVERIFY(m_pane->cueId().isEmpty());
    QVERIFY(text().isEmpty());

    show(u"main-title"_s);
    m_pane->showCue({Picard, u"no-such-cue"_s});
    QVERIFY(m_pane->cueId().isEmpty());
    QVERIFY(text().isEmpty());

    show(u"main-title"_s);
    QVERIFY(m_catalogs->removeCatalog(Picard));
    QVERIFY(m_pane->cueId().isEmpty());
    QVERIFY(text().isEmpty());
}

void tst_CuePane::audioFilesInPlayOrder()
{
    linkThreeFiles();
    m_pane->setUserData(m_userData.get());
    show(MainTitle, ChapterOne);

    const QString shown = text();
    const QString folder = QDir::toNativeSeparators(QFileInfo(m_flac).path());
    const QStringList rows {
        u"Main Title.flac · missing\nFLAC · "_s
            + QDir::toNativeSeparators(QFileInfo(m_missing).path()),
        u"01 Main Title.flac · plays\nFLAC · 1:43 · "_s + folder,
        u"01 Main Title.mp3\nMP3 · 1:43 · "_s + folder,
    };
    qsizetype at = shown.indexOf(u"Audio files"_s);
    QVERIFY(at > shown.indexOf(u"Appears on"_s));
    for (const QString &row : rows) {
        const qsizetype next = shown.indexOf(row, at);
        QVERIFY2(next > at, qPrintable(row));
        at = next;
    }
    QVERIFY(at < shown.indexOf(u"Themes, in the order heard"_s));
    QVERIFY(!shown.contains(u"No audio file is linked"_s));

    // The order is the database's play order, whatever it is.
    const QList<FileLink> links = m_userData->fileLinks()->links({Picard, MainTitle});
    QCOMPARE(links.size(), 3);
    QCOMPARE(links.at(0).file.path, m_missing);
    QCOMPARE(links.at(1).file.path, m_flac);
    QCOMPARE(links.at(2).file.path, m_mp3);
}

void tst_CuePane::fileActionLinksEmitTheirActions()
{
    linkThreeFiles();
    m_pane->setUserData(m_userData.get());
    show(MainTitle, ChapterOne);

    // Locate… only for the missing file, Play only for the one that plays, and no play link in
    // the themes: the catalog model has no file state for the cue.
    const QList<PaneAction> expected {
        action(PaneAction::LocateFile, m_missing),
        action(PaneAction::PreferFile, m_missing),
        action(PaneAction::UnlinkFile, m_missing),
        action(PaneAction::Play),
        action(PaneAction::PreferFile, m_flac),
        action(PaneAction::ShowFile, m_flac),
        action(PaneAction::UnlinkFile, m_flac),
        action(PaneAction::PreferFile, m_mp3),
        action(PaneAction::ShowFile, m_mp3),
        action(PaneAction::UnlinkFile, m_mp3),
        action(PaneAction::LinkFile),
    };
    QCOMPARE(actions(), expected);

    QSignalSpy requested(m_pane, &CuePane::actionRequested);
    for (const PaneAction &each : expected) {
        QVERIFY(AnchorClick::click(
            m_browser, PaneActionLink::toUrl(each).toString(QUrl::FullyEncoded)));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.takeFirst().first().value<PaneAction>(), each);
    }
    QVERIFY(text().contains(u"Locate…"_s));
    QVERIFY(text().contains(u"Make Preferred"_s));
    QVERIFY(text().contains(u"Link Audio File…"_s));
}

void tst_CuePane::preferredFileHasNoMakePreferred()
{
    linkThreeFiles();
    m_pane->setUserData(m_userData.get());
    show(MainTitle, ChapterOne);
    QVERIFY(m_userData->fileLinks()->setPreferredFile({Picard, MainTitle}, m_mp3));

    // The user's choice plays first, and offers no Make Preferred.
    const QList<PaneAction> expected {
        action(PaneAction::Play),
        action(PaneAction::ShowFile, m_mp3),
        action(PaneAction::UnlinkFile, m_mp3),
        action(PaneAction::LocateFile, m_missing),
        action(PaneAction::PreferFile, m_missing),
        action(PaneAction::UnlinkFile, m_missing),
        action(PaneAction::PreferFile, m_flac),
        action(PaneAction::ShowFile, m_flac),
        action(PaneAction::UnlinkFile, m_flac),
        action(PaneAction::LinkFile),
    };
    QTRY_COMPARE(actions(), expected);
    QVERIFY(text().contains(u"01 Main Title.mp3 · plays"_s));
    QVERIFY(text().contains(u"01 Main Title.flac\nFLAC"_s));

    // One file: nothing to prefer it to.
    QVERIFY(m_userData->fileLinks()->unlinkFile({Picard, MainTitle}, m_flac));
    QVERIFY(m_userData->fileLinks()->unlinkFile({Picard, MainTitle}, m_missing));
    QTRY_COMPARE(actions(),
        QList<PaneAction>({action(PaneAction::Play), action(PaneAction::ShowFile, m_mp3),
            action(PaneAction::UnlinkFile, m_mp3), action(PaneAction::LinkFile)}));
}

void tst_CuePane::noLinkedFileEmptyState()
{
    m_pane->setUserData(m_userData.get());
    show(MainTitle, ChapterOne);
    QVERIFY(text().contains(u"Audio files\nNo audio file is linked to this cue. Link one, drop a "
                            "file on the track in the list, or scan a music folder "
                            "(File > Scan Music Folder…).\nLink Audio File…"_s));
    QCOMPARE(actions(), QList<PaneAction>({action(PaneAction::LinkFile)}));

    QSignalSpy requested(m_pane, &CuePane::actionRequested);
    QVERIFY(AnchorClick::click(m_browser,
        PaneActionLink::toUrl(action(PaneAction::LinkFile)).toString(QUrl::FullyEncoded)));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<PaneAction>(), action(PaneAction::LinkFile));
}

void tst_CuePane::withoutUserDataSaysSo()
{
    const QString unavailable = u"Your user database could not be opened, so no audio file can be "
                                "linked to this cue."_s;
    show(MainTitle, ChapterOne);
    QVERIFY(text().contains(u"Audio files\n"_s + unavailable));
    QVERIFY(actions().isEmpty());

    // A database that did not open is no better.
    UserDatabase closed;
    m_pane->setUserData(&closed);
    QVERIFY(text().contains(unavailable));
    QVERIFY(actions().isEmpty());

    m_pane->setUserData(m_userData.get());
    QVERIFY(!text().contains(unavailable));
    QVERIFY(text().contains(u"No audio file is linked to this cue."_s));
    m_pane->setUserData(nullptr);
    QVERIFY(text().contains(unavailable));
}

void tst_CuePane::followsLinksAndFileStates()
{
    m_pane->setUserData(m_userData.get());
    show(MainTitle, ChapterOne);
    const QString flac = createFile(u"Music/01 Main Title.flac"_s);

    QVERIFY(m_userData->fileLinks()->linkFile(fileLink(flac, 103'000)));
    QTRY_VERIFY(text().contains(u"01 Main Title.flac · plays"_s));
    QVERIFY(!text().contains(u"No audio file is linked to this cue."_s));
    QVERIFY(actions().contains(action(PaneAction::Play)));

    // The window found that it does not decode: the catalog model says so for the cue.
    m_catalogs->setFileState({Picard, MainTitle}, FileState::Unplayable);
    QTRY_VERIFY(text().contains(u"01 Main Title.flac · would not play"_s));
    QVERIFY(!actions().contains(action(PaneAction::Play)));

    m_catalogs->setFileState({Picard, MainTitle}, FileState::Linked);
    QTRY_VERIFY(text().contains(u"01 Main Title.flac · plays"_s));

    // Another cue's links leave the page alone.
    const QString before = m_browser->pageHtml();
    FileLink other = fileLink(createFile(u"Music/02 End Title.flac"_s));
    other.cue.cueId = u"end-title"_s;
    QSignalSpy refreshes(m_browser, &PaneBrowser::refreshDue);
    QVERIFY(m_userData->fileLinks()->linkFile(other));
    QVERIFY(!refreshes.wait(50));
    QCOMPARE(m_browser->pageHtml(), before);

    QVERIFY(m_userData->fileLinks()->unlinkFile({Picard, MainTitle}, flac));
    QTRY_VERIFY(text().contains(u"No audio file is linked to this cue."_s));
}

void tst_CuePane::themePlayLinksWhenTheCueHasAFile()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    CuePane pane(&catalogs);
    pane.resize(560, 720);
    auto *browser = pane.findChild<PaneBrowser *>();
    pane.showCue({Picard, MainTitle}, u"season-1"_s);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QVERIFY(!browser->toPlainText().contains(u"▶"_s));

    catalogs.setFileState({Picard, MainTitle}, FileState::Linked);
    QTRY_VERIFY(browser->toPlainText().contains(u"▶"_s));
    // Only the occurrences with a time: Picard's theme at 0:21, the March at 1:12.
    const Location cue {Location::Cue, Picard, MainTitle, u"season-1"_s};
    const QString march
        = PaneActionLink::toUrl({PaneAction::Play, cue, 72'000, {}}).toString(QUrl::FullyEncoded);
    QList<QString> plays;
    for (const AnchorClick::Anchor &anchor : AnchorClick::anchors(browser->document())) {
        if (anchor.href.startsWith(u"cuebook-action:play"_s))
            plays.append(anchor.href);
    }
    QCOMPARE(plays,
        QList<QString>({PaneActionLink::toUrl({PaneAction::Play, cue, 21'000, {}})
                            .toString(QUrl::FullyEncoded),
            march}));
    QVERIFY(browser->toPlainText().contains(u"Picard’s theme · Statement · ▶ 0:21"_s));
    QVERIFY(browser->toPlainText().contains(u"▶ 1:12"_s));

    QSignalSpy requested(&pane, &CuePane::actionRequested);
    QVERIFY(AnchorClick::click(browser, march));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<PaneAction>(),
        PaneAction({PaneAction::Play, cue, 72'000, {}}));

    catalogs.setFileState({Picard, MainTitle}, FileState::Missing);
    QTRY_VERIFY(!browser->toPlainText().contains(u"▶"_s));
}

void tst_CuePane::changesKeepTheReadersPlace()
{
    m_pane->setUserData(m_userData.get());
    m_pane->resize(360, 240);
    show(MainTitle, ChapterOne);
    QScrollBar *scrollBar = m_browser->verticalScrollBar();
    QVERIFY(scrollBar->maximum() > 100);
    scrollBar->setValue(scrollBar->maximum() / 2);
    const int place = scrollBar->value();

    QVERIFY(m_userData->fileLinks()->linkFile(fileLink(createFile(u"Music/01 Main Title.flac"_s))));
    QTRY_VERIFY(text().contains(u"01 Main Title.flac · plays"_s));
    QCOMPARE(scrollBar->value(), place);
    m_catalogs->setFileState({Picard, MainTitle}, FileState::Unplayable);
    QTRY_VERIFY(text().contains(u"would not play"_s));
    QCOMPARE(scrollBar->value(), place);

    // Another cue starts at its top.
    show(u"end-title"_s);
    QCOMPARE(scrollBar->value(), 0);
}

// A marker that names a theme is heard among the catalog's occurrences, by its time, marked as
// the user's; one without a theme is not a theme heard.
void tst_CuePane::usersMarkersAmongTheThemesHeard()
{
    const CueKey mainTitle {Picard, MainTitle};
    Marker march;
    march.id = Marker::newId();
    march.cue = mainTitle;
    march.startMs = 40'000;
    march.label = u"the March, early, in the horns"_s;
    march.themeId = u"star-trek-march"_s;
    march.kind = u"a sigh"_s;
    QVERIFY(m_userData->markers()->putMarker(march));
    Marker plain = march;
    plain.id = Marker::newId();
    plain.themeId.clear();
    plain.label = u"no theme here"_s;
    QVERIFY(m_userData->markers()->putMarker(plain));
    m_pane->setUserData(m_userData.get());
    show(MainTitle);

    QVERIFY(text().contains(u"0:40\nStar Trek March · a sigh · your marker\n"
                            "the March, early, in the horns"_s));
    QVERIFY(!text().contains(u"no theme here"_s));
    QList<QString> themes;
    for (const Location &location :
        AnchorClick::locations(m_browser->document(), 0, excerptsPosition())) {
        if (location.kind == Location::Theme)
            themes.append(location.id);
    }
    const QList<OccurrenceRow> rows
        = Occurrences::ofCue(m_catalogs->catalogs(), mainTitle, {MarkerOccurrences::row(march)});
    QCOMPARE(themes.size(), rows.size());
    for (qsizetype row = 0; row < rows.size(); ++row)
        QCOMPARE(rows.at(row).occurrence.themeId, themes.at(row));
    QCOMPARE(std::count_if(rows.cbegin(), rows.cend(),
                 [](const OccurrenceRow &row) { return row.isUsers(); }),
        1);

    // Followed as it changes.
    march.startMs = 75'000;
    QVERIFY(m_userData->markers()->putMarker(march));
    QTRY_VERIFY(text().contains(u"1:15\nStar Trek March · a sigh · your marker"_s));
    QVERIFY(m_userData->markers()->removeMarker(march.id));
    QTRY_VERIFY(!text().contains(u"your marker"_s));
}

void tst_CuePane::markersTabCountsTheCuesMarkers()
{
    m_pane->setUserData(m_userData.get());
    show(MainTitle);
    auto *notebook = m_pane->findChild<QTabWidget *>(u"cueNotebook"_s);
    auto *markers = m_pane->findChild<MarkerPanel *>();
    QVERIFY(notebook && notebook->isVisible() && markers);
    const int tab = notebook->indexOf(markers);
    QCOMPARE(notebook->tabText(tab), u"Markers"_s);
    for (const qint64 at : {1'000, 2'000}) {
        Marker marker;
        marker.id = Marker::newId();
        marker.cue = {Picard, MainTitle};
        marker.startMs = at;
        QVERIFY(m_userData->markers()->putMarker(marker));
    }
    QCOMPARE(notebook->tabText(tab), u"Markers (2)"_s);
    show(u"end-title"_s);
    QCOMPARE(notebook->tabText(tab), u"Markers"_s);
}

void tst_CuePane::notebookUnderThePage()
{
    show(u"main-title"_s);
    auto *splitter = m_pane->findChild<QSplitter *>(u"cuePaneSplitter"_s);
    QVERIFY(splitter);
    QCOMPARE(splitter->orientation(), Qt::Vertical);
    QCOMPARE(splitter->count(), 2);
    QCOMPARE(splitter->widget(0), m_browser);
    QCOMPARE(splitter->widget(1), m_pane->notebookArea());
    // The tabs at the bottom of the layout, strips such as the timeline above them.
    QCOMPARE(m_pane->notebookLayout()->indexOf(m_pane->notebook()),
        m_pane->notebookLayout()->count() - 1);
    // The note first, then the markers.
    QCOMPARE(m_pane->notebook()->count(), 2);
    QCOMPARE(m_pane->notebook()->tabText(0), u"Note"_s);
    QCOMPARE(m_pane->notebook()->widget(0), m_pane->noteEditor());
    QCOMPARE(m_pane->notebook()->widget(1), m_pane->findChild<MarkerPanel *>());
    // The page gets the room; the notebook is open below it.
    const QList<int> sizes = splitter->sizes();
    QVERIFY(sizes.at(0) > sizes.at(1));
    QVERIFY(sizes.at(1) > 100);

    // Its sizes go to the settings and come back.
    splitter->setSizes({300, 400});
    const QList<int> saved = splitter->sizes();
    const QByteArray state = m_pane->saveLayout();
    splitter->setSizes({600, 100});
    QVERIFY(m_pane->restoreLayout(state));
    QCOMPARE(splitter->sizes(), saved);
    QVERIFY(saved.at(1) > saved.at(0));
    QVERIFY(!m_pane->restoreLayout("not a state"));
}

// Written while the cue was reached through Chapter 1, the note is there when it is reached
// through the full season album: it is the cue's, not the track's.
void tst_CuePane::noteBelongsToTheCue()
{
    m_pane->setUserData(m_userData.get());
    show(u"main-title"_s, ChapterOne);
    NoteEditor *editor = m_pane->noteEditor();
    QTest::keyClick(editor->findChild<NoteView *>(), Qt::Key_F2);
    QVERIFY(editor->isEditing());
    QTest::keyClicks(editor->findChild<QPlainTextEdit *>(), u"The March, *horns*"_s);
    QTRY_COMPARE(m_userData->notes()->note({Picard, MainTitle}), u"The March, *horns*"_s);

    show(u"walking-with-number-one"_s);
    QVERIFY(editor->findChild<NoteView *>()->toPlainText().startsWith(u"Write a note"_s));
    show(u"main-title"_s, u"picard-s1"_s);
    QCOMPARE(editor->findChild<NoteView *>()->toPlainText(), u"The March, horns"_s);
    QCOMPARE(editor->cue(), (CueKey {Picard, MainTitle}));
}

void tst_CuePane::noteSavedWhenAnotherCueIsShown()
{
    m_pane->setUserData(m_userData.get());
    show(u"main-title"_s, ChapterOne);
    NoteEditor *editor = m_pane->noteEditor();
    editor->startEditing();
    QTest::keyClicks(editor->findChild<QPlainTextEdit *>(), u"Picked, then away"_s);
    QVERIFY(m_userData->notes()->note({Picard, MainTitle}).isEmpty());
    show(u"walking-with-number-one"_s);
    QCOMPARE(m_userData->notes()->note({Picard, MainTitle}), u"Picked, then away"_s);
    // And when the pane is cleared (its catalog closed).
    editor->startEditing();
    QTest::keyClicks(editor->findChild<QPlainTextEdit *>(), u"Number One"_s);
    m_pane->clear();
    QCOMPARE(m_userData->notes()->note({Picard, u"walking-with-number-one"_s}), u"Number One"_s);
    QVERIFY(!editor->isEditing());
}

QTEST_MAIN(tst_CuePane)
#include "tst_cuepane.moc"
