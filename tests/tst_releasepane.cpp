#include "anchorclick.h"
#include "audiofolder.h"
#include "catalog/timecode.h"
#include "covers/typographiccover.h"
#include "itemmodels/catalogmodel.h"
#include "panes/panebrowser.h"
#include "panes/panehtml.h"
#include "panes/releasepane.h"
#include "testcatalogs.h"
#include "testcovers.h"
#include "testfiles.h"
#include "userdata/filelinkstore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"

#include <QBuffer>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;
}

class tst_ReleasePane : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsFacts();
    void runningTimeSaysWhatIsKnown();
    void audioFilesFollowTheTree();
    void partialNoteOnlyWhenIncomplete_data();
    void partialNoteOnlyWhenIncomplete();
    void everyExcerptWithItsSource();
    void excerptsCreditTheSpeaker();
    void emptyStateWithoutExcerpts();
    void themeLinkInExcerptActivates();
    void drawsCoverWithoutImage();
    void readsCoverFileOffThread();
    void missingCoverFileFallsBackToDrawn();
    void lateCoverOfAnotherReleaseIsDropped();
    void paneClosedWhileCoverLoads();
    void linkedFilesArtBecomesTheCover();
    void clearAndUnknownRelease();
    void closingTheCatalogClears();

private:
    void show(const QString &catalogId, const QString &releaseId);
    QString text() const { return m_browser->toPlainText(); }
    QColor coverPixel() const;
    // The test catalog with a red cover file for "season-1", in dir.
    static Catalog withRedCover(const QTemporaryDir &dir);
    void usePane(const CatalogModel *catalogs);

    CatalogModel *m_catalogs = nullptr;
    std::unique_ptr<TestCovers> m_covers;
    ReleasePane *m_pane = nullptr;
    PaneBrowser *m_browser = nullptr;
};

void tst_ReleasePane::init()
{
    m_catalogs = new CatalogModel;
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::bundled()));
    usePane(m_catalogs);
    QVERIFY(m_browser);
}

void tst_ReleasePane::cleanup()
{
    delete m_pane;
    m_pane = nullptr;
    m_covers.reset();
    delete m_catalogs;
}

void tst_ReleasePane::show(const QString &catalogId, const QString &releaseId)
{
    m_pane->showRelease(catalogId, releaseId);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane));
}

// The cover sits at the top left of the page: sample inside it, clear of the drawn rule.
QColor tst_ReleasePane::coverPixel() const
{
    const int margin = int(m_browser->document()->documentMargin());
    return m_browser->viewport()->grab().toImage().pixelColor(margin + 3, margin + 3);
}

void tst_ReleasePane::showsFacts()
{
    show(Picard, u"picard-s1"_s);
    QCOMPARE(m_pane->catalogId(), Picard);
    QCOMPARE(m_pane->releaseId(), u"picard-s1"_s);

    const Release &release = *m_catalogs->catalog(Picard)->release(u"picard-s1"_s);
    qint64 total = 0;
    for (const Track &track : release.tracks)
        total += track.durationMs;
    QVERIFY(text().contains(u"Star Trek: Picard – Season 1 (Original Series Soundtrack)"_s));
    QVERIFY(text().contains(u"Jeff Russo"_s));
    QVERIFY(text().contains(u"Lakeshore Records"_s));
    QVERIFY(text().contains(u"3 April 2020"_s));
    QVERIFY(text().contains(u"Digital"_s));
    QVERIFY(text().contains(u"55 tracks"_s));
    QVERIFY(text().contains(u"Running time\t"_s + TimeCode::formatSeconds(total))
        || text().contains(u"Running time\n"_s + TimeCode::formatSeconds(total)));
    // One catalog open: naming it would say nothing.
    QVERIFY(!text().contains(u"Catalog\n"_s));
}

void tst_ReleasePane::audioFilesFollowTheTree()
{
    show(Picard, u"picard-s1-chapter-1"_s);
    QVERIFY(text().contains(u"none linked yet"_s));
    QVERIFY(!text().contains(u"Play release"_s));

    // As the window's check of the disk reports them: in a burst, for cues of this release and
    // of others.
    m_catalogs->setFileState({Picard, u"twins"_s}, FileState::Linked);
    m_catalogs->setFileState({Picard, u"main-title"_s}, FileState::Linked);
    m_catalogs->setFileState({Picard, u"dahj-activates"_s}, FileState::Missing);
    m_catalogs->setFileState({Picard, u"leaving-spacedock"_s}, FileState::Linked);
    QTRY_VERIFY(text().contains(u"2 of 28 tracks · 1 missing or unplayable · ▶ Play release"_s));

    QSignalSpy requested(m_pane, &ReleasePane::actionRequested);
    const PaneAction play {PaneAction::PlayRelease,
        {Location::Cue, Picard, u"main-title"_s, u"picard-s1-chapter-1"_s}, 0, {}};
    QVERIFY(
        AnchorClick::click(m_browser, PaneActionLink::toUrl(play).toString(QUrl::FullyEncoded)));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<PaneAction>(), play);

    for (const QString &cue : {u"twins"_s, u"main-title"_s})
        m_catalogs->setFileState({Picard, cue}, FileState::Missing);
    QTRY_VERIFY(text().contains(u"0 of 28 tracks · 3 missing or unplayable"_s));
    QVERIFY(!text().contains(u"Play release"_s));
}

void tst_ReleasePane::runningTimeSaysWhatIsKnown()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    ReleasePane pane(&catalogs);
    PaneBrowser *browser = pane.findChild<PaneBrowser *>();

    // "chapter-1" gives no duration for one track.
    pane.showRelease(Picard, u"chapter-1"_s);
    const qint64 known
        = CatalogModel::knownDurationMs(*catalogs.catalog(Picard)->release(u"chapter-1"_s));
    QVERIFY(browser->toPlainText().contains(u"at least "_s + TimeCode::formatSeconds(known)));
    QVERIFY(browser->toPlainText().contains(u"8 tracks"_s));

    // The bundled season 3 gives none at all.
    show(Picard, u"picard-s3"_s);
    QVERIFY(text().contains(u"unknown"_s));
    QVERIFY(text().contains(u"1 track"_s));
}

void tst_ReleasePane::partialNoteOnlyWhenIncomplete_data()
{
    QTest::addColumn<QString>("releaseId");
    QTest::addColumn<bool>("partial");
    QTest::newRow("season 3") << u"picard-s3"_s << true;
    QTest::newRow("season 1") << u"picard-s1"_s << false;
    QTest::newRow("chapter 1") << u"picard-s1-chapter-1"_s << false;
}

void tst_ReleasePane::partialNoteOnlyWhenIncomplete()
{
    QFETCH(QString, releaseId);
    QFETCH(bool, partial);
    show(Picard, releaseId);
    QCOMPARE(
        text().contains(u"Partial track list: the sources name only these tracks."_s), partial);
}

void tst_ReleasePane::everyExcerptWithItsSource()
{
    const Catalog &catalog = *m_catalogs->catalog(Picard);
    for (const QString &releaseId : {u"picard-s1"_s, u"picard-s1-chapter-1"_s, u"picard-s3"_s}) {
        show(Picard, releaseId);
        const QList<int> excerpts = catalog.excerptsOfRelease(releaseId);
        QVERIFY(!excerpts.isEmpty());
        for (const int e : excerpts) {
            const Excerpt &excerpt = catalog.excerpts.at(e);
            const Source &source = *catalog.source(excerpt.sourceId);
            QVERIFY2(text().contains(u"“"_s + PaneHtml::quotationText(excerpt.text) + u"”"_s),
                qPrintable(excerpt.id));
            QVERIFY2(text().contains(source.title), qPrintable(excerpt.id));
            if (!source.date.isEmpty())
                QVERIFY(text().contains(PaneHtml::readableDate(source.date)));
        }
        QVERIFY(!text().contains(u"No excerpts about this release yet."_s));
    }
    show(Picard, u"picard-s1"_s);
    QVERIFY(text().contains(u"— Randall D. Larson, Soundtrax, 27 March 2020"_s));
    QVERIFY(text().contains(u"Interview · “Jeff Russo: Scoring STAR TREK PICARD”"_s));
    show(Picard, u"picard-s1-chapter-1"_s);
    QVERIFY(text().contains(u"— ComicBook, February 2020"_s));
}

// Quoted words are credited to whoever says them, and to the text they appeared in.
void tst_ReleasePane::excerptsCreditTheSpeaker()
{
    show(Picard, u"picard-s1"_s);
    QVERIFY(text().contains(
        u"orchestra is about 65 players.”\n"
        "— Jeff Russo, interviewed by Randall D. Larson, Soundtrax, 27 March 2020"_s));
    QVERIFY(
        text().contains(u"a lot more woodwinds than I do brass.”\n— Jeff Russo, interviewed by"_s));
    show(Picard, u"picard-s3"_s);
    QVERIFY(
        text().contains(u"James Horner.”\n— Terry Matalas, quoted in Collider, 13 April 2023\n"_s));
    QVERIFY(text().contains(u"as well as new ones.”\n— Frederik Wiedmann, quoted in Collider, "_s));
    QVERIFY(text().contains(u"an epic journey.”\n— Stephen Barton, quoted in Collider, "_s));
    // Collider's own words are Collider's.
    QVERIFY(text().contains(u"on Paramount+.”\n— Collider, 13 April 2023\n"_s));
}

void tst_ReleasePane::emptyStateWithoutExcerpts()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    ReleasePane pane(&catalogs);
    pane.showRelease(Picard, u"season-1"_s);
    const QString shown = pane.findChild<PaneBrowser *>()->toPlainText();
    QVERIFY(shown.contains(u"Excerpts"_s));
    QVERIFY(shown.contains(u"No excerpts about this release yet."_s));
}

void tst_ReleasePane::themeLinkInExcerptActivates()
{
    show(Picard, u"picard-s3"_s);
    QSignalSpy activated(m_pane, &ReleasePane::locationActivated);
    const Location march {Location::Theme, Picard, u"star-trek-march"_s, {}};

    QVERIFY(AnchorClick::click(m_browser, march));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().value<Location>(), march);

    const Location cue {Location::Cue, Picard, u"leaving-spacedock"_s, u"picard-s3"_s};
    QVERIFY(AnchorClick::click(m_browser, cue));
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.last().first().value<Location>(), cue);
    // The release shown does not link to itself.
    QVERIFY(!AnchorClick::find(m_browser->document(),
        AnchorClick::hrefOf({Location::Release, Picard, u"picard-s3"_s,
            {}})).isValid());
}

void tst_ReleasePane::drawsCoverWithoutImage()
{
    show(Picard, u"picard-s1"_s);
    const QRgb drawn = TypographicCover::colorFor(Picard + u"/picard-s1"_s).rgb();
    // The cover comes from the loader's threads: a blank square stands in until it does.
    QTRY_COMPARE(coverPixel().rgb(), drawn);
    QString name;
    for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat())
                name = it.fragment().charFormat().toImageFormat().name();
        }
    }
    QVERIFY(!name.isEmpty());
    const QImage cover
        = m_browser->loadResource(QTextDocument::ImageResource, QUrl(name)).value<QImage>();
    QCOMPARE(cover.deviceIndependentSize().toSize(),
        QSize(ReleasePane::CoverSide, ReleasePane::CoverSide));
    QCOMPARE(cover.pixel(2, 2), drawn);
}

void tst_ReleasePane::readsCoverFileOffThread()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(u"covers"_s));
    QImage red(40, 40, QImage::Format_RGB32);
    red.fill(Qt::red);
    QVERIFY(red.save(dir.filePath(u"covers/season-1.png"_s)));

    Catalog catalog = TestCatalogs::picard();
    catalog.filePath = dir.filePath(u"catalog.json"_s);
    catalog.releases[1].cover = u"covers/season-1.png"_s;
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(std::move(catalog)));
    usePane(&catalogs);

    show(Picard, u"season-1"_s);
    QTRY_COMPARE(coverPixel(), QColor(Qt::red));
    delete m_pane;
    m_pane = nullptr;
}

void tst_ReleasePane::missingCoverFileFallsBackToDrawn()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestFiles::writeFile(dir.filePath(u"broken.png"_s), "not a picture");

    Catalog catalog = TestCatalogs::picard();
    catalog.filePath = dir.filePath(u"catalog.json"_s);
    catalog.releases[0].cover = u"covers/missing.png"_s;
    catalog.releases[1].cover = u"broken.png"_s;
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(std::move(catalog)));
    usePane(&catalogs);

    for (const QString &releaseId : {u"chapter-1"_s, u"season-1"_s}) {
        show(Picard, releaseId);
        QTRY_COMPARE(
            coverPixel().rgb(), TypographicCover::colorFor(Picard + u'/' + releaseId).rgb());
    }
    delete m_pane;
    m_pane = nullptr;
}

Catalog tst_ReleasePane::withRedCover(const QTemporaryDir &dir)
{
    QImage red(40, 40, QImage::Format_RGB32);
    red.fill(Qt::red);
    red.save(dir.filePath(u"red.png"_s));
    Catalog catalog = TestCatalogs::picard();
    catalog.filePath = dir.filePath(u"catalog.json"_s);
    catalog.releases[1].cover = u"red.png"_s;
    return catalog;
}

void tst_ReleasePane::usePane(const CatalogModel *catalogs)
{
    delete m_pane;
    m_covers = std::make_unique<TestCovers>(catalogs);
    m_pane = new ReleasePane(catalogs);
    m_pane->setCovers(&m_covers->loader, &m_covers->sources);
    m_pane->resize(560, 720);
    m_browser = m_pane->findChild<PaneBrowser *>();
}

void tst_ReleasePane::lateCoverOfAnotherReleaseIsDropped()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(withRedCover(dir)));
    usePane(&catalogs);

    show(Picard, u"chapter-1"_s);
    // No event loop between the two: the first read can only finish after the second show.
    m_pane->showRelease(Picard, u"season-1"_s);
    m_pane->showRelease(Picard, u"chapter-1"_s);
    m_covers->loader.waitForIdle();
    QCoreApplication::processEvents();
    QCOMPARE(m_pane->releaseId(), u"chapter-1"_s);
    QCOMPARE(coverPixel().rgb(), TypographicCover::colorFor(Picard + u"/chapter-1"_s).rgb());
    delete m_pane;
    m_pane = nullptr;
}

void tst_ReleasePane::paneClosedWhileCoverLoads()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(withRedCover(dir)));
    usePane(&catalogs);
    show(Picard, u"season-1"_s);
    delete m_pane;
    m_pane = nullptr;
    m_covers->loader.waitForIdle();
    QCoreApplication::processEvents();
}

void tst_ReleasePane::linkedFilesArtBecomesTheCover()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    UserDatabase userData;
    QVERIFY(userData.open(dir.filePath(u"user.sqlite"_s)));
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    delete m_pane;
    m_covers = std::make_unique<TestCovers>(&catalogs, &userData);
    m_pane = new ReleasePane(&catalogs);
    m_pane->setCovers(&m_covers->loader, &m_covers->sources);
    m_pane->resize(560, 720);
    m_browser = m_pane->findChild<PaneBrowser *>();

    show(Picard, u"season-1"_s);
    QTRY_COMPARE(coverPixel().rgb(), TypographicCover::colorFor(Picard + u"/season-1"_s).rgb());

    // A file with art is linked to one of its cues: its art takes the drawn cover's place.
    const QString flac = dir.filePath(u"blue skies.flac"_s);
    QVERIFY(AudioFolder::encode(flac, 300));
    QImage green(64, 64, QImage::Format_RGB32);
    green.fill(Qt::green);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(green.save(&buffer, "PNG"));
    QVERIFY(AudioFolder::embedCover(flac, png, u"image/png"_s));
    QVERIFY(userData.fileLinks()->linkFile(UserDataFixtures::link(u"blue-skies"_s, flac)));
    QTRY_COMPARE(coverPixel(), QColor(Qt::green));
    delete m_pane;
    m_pane = nullptr;
}

void tst_ReleasePane::clearAndUnknownRelease()
{
    show(Picard, u"picard-s1"_s);
    m_pane->clear();
    QVERIFY(m_pane->releaseId().isEmpty());
    QVERIFY(m_pane->catalogId().isEmpty());
    QVERIFY(text().isEmpty());

    show(Picard, u"picard-s1"_s);
    m_pane->showRelease(Picard, u"no-such-release"_s);
    QVERIFY(m_pane->releaseId().isEmpty());
    QVERIFY(text().isEmpty());
}

void tst_ReleasePane::closingTheCatalogClears()
{
    show(Picard, u"picard-s1"_s);
    QVERIFY(m_catalogs->removeCatalog(Picard));
    QVERIFY(m_pane->releaseId().isEmpty());
    QVERIFY(text().isEmpty());
}

QTEST_MAIN(tst_ReleasePane)
#include "tst_releasepane.moc"
