#include "catalogbrowser.h"
#include "covergrid/covergridview.h"
#include "covers/typographiccover.h"
#include "itemmodels/catalogmodel.h"
#include "testcatalogs.h"
#include "testcovers.h"
#include "testfiles.h"

#include <QAccessible>
#include <QDragEnterEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QSlider>
#include <QStackedWidget>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;
} // namespace

// The cover grid as the user meets it in the catalog browser: switched to and from the tree,
// clicked, driven from the keyboard, zoomed, searched, and given an image by a drop.
class tst_CoverGrid : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void switchesBetweenTreeAndCovers();
    void clickingACoverSelectsItsReleaseInTheTree();
    void treeSelectionMovesTheGridToo();
    void keyboardMovesAndOpens();
    void searchNarrowsTheGrid();
    void zoomBySliderWheelAndKeys();
    void coversArePaintedOnceRead();
    void severalCatalogsAreLabelled();
    void droppedImageAsksToSetTheCover();
    void dropOfNoImageIsRefused();
    void stateIsRestored();
    void accessibleNames();

private:
    QModelIndex cover(const QString &releaseId) const;
    QPoint centreOf(const QModelIndex &index) const { return m_grid->visualRect(index).center(); }
    bool send(QDropEvent &event, bool expected);

    std::unique_ptr<CatalogModel> m_catalogs;
    std::unique_ptr<TestCovers> m_covers;
    std::unique_ptr<CatalogBrowser> m_browser;
    std::unique_ptr<QTemporaryDir> m_dir;
    CoverGridView *m_grid = nullptr;
    QTreeView *m_tree = nullptr;
    QStackedWidget *m_stack = nullptr;
};

void tst_CoverGrid::init()
{
    m_catalogs = std::make_unique<CatalogModel>();
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picard()));
    m_covers = std::make_unique<TestCovers>(m_catalogs.get());
    m_browser
        = std::make_unique<CatalogBrowser>(m_catalogs.get(), &m_covers->loader, &m_covers->sources);
    m_browser->resize(700, 600);
    m_browser->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_browser.get()));
    m_grid = m_browser->findChild<CoverGridView *>(u"coverGrid"_s);
    m_tree = m_browser->findChild<QTreeView *>(u"catalogTree"_s);
    QVERIFY(m_grid);
    QVERIFY(m_tree);
    m_stack = qobject_cast<QStackedWidget *>(m_tree->parentWidget());
    QVERIFY(m_stack);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_browser->showReleasesAs(CatalogBrowser::ReleaseView::Covers);
}

void tst_CoverGrid::cleanup()
{
    if (m_grid) {
        QDragLeaveEvent leave;
        QApplication::sendEvent(m_grid->viewport(), &leave);
    }
    m_browser.reset();
    m_covers.reset();
    m_catalogs.reset();
    m_dir.reset();
    m_grid = nullptr;
}

QModelIndex tst_CoverGrid::cover(const QString &releaseId) const
{
    QAbstractItemModel *model = m_grid->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(CatalogModel::ReleaseIdRole).toString() == releaseId)
            return index;
    }
    return {};
}

bool tst_CoverGrid::send(QDropEvent &event, bool expected)
{
    event.setAccepted(!expected);
    QApplication::sendEvent(m_grid->viewport(), &event);
    return event.isAccepted();
}

void tst_CoverGrid::switchesBetweenTreeAndCovers()
{
    QSignalSpy changed(m_browser.get(), &CatalogBrowser::releaseViewChanged);
    QCOMPARE(m_stack->currentWidget(), m_grid->parentWidget());
    QVERIFY(m_grid->isVisible());
    QVERIFY(!m_tree->isVisible());
    QCOMPARE(QApplication::focusWidget(), m_grid);

    m_browser->showReleasesAs(CatalogBrowser::ReleaseView::Tree);
    QVERIFY(m_tree->isVisible());
    QVERIFY(!m_grid->isVisible());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].value<CatalogBrowser::ReleaseView>(), CatalogBrowser::ReleaseView::Tree);
    // Asked again for what it shows: nothing changes, nothing is said.
    m_browser->showReleasesAs(CatalogBrowser::ReleaseView::Tree);
    QCOMPARE(changed.size(), 1);
}

void tst_CoverGrid::clickingACoverSelectsItsReleaseInTheTree()
{
    QSignalSpy activated(m_browser.get(), &CatalogBrowser::locationActivated);
    QTest::mouseClick(m_grid->viewport(), Qt::LeftButton, {}, centreOf(cover(u"season-1"_s)));
    QCOMPARE(activated.size(), 1);
    const Location season1 {Location::Release, Picard, u"season-1"_s, {}};
    QCOMPARE(activated[0][0].value<Location>(), season1);
    QCOMPARE(m_tree->currentIndex().data(CatalogModel::ReleaseIdRole).toString(), u"season-1"_s);
    QCOMPARE(m_tree->currentIndex().data(CatalogModel::KindRole).toInt(),
        int(CatalogModel::ReleaseItem));
    // Clicking the same cover again says nothing new.
    QTest::mouseClick(m_grid->viewport(), Qt::LeftButton, {}, centreOf(cover(u"season-1"_s)));
    QCOMPARE(activated.size(), 1);
}

void tst_CoverGrid::treeSelectionMovesTheGridToo()
{
    m_browser->showReleasesAs(CatalogBrowser::ReleaseView::Tree);
    m_tree->expandAll();
    QSignalSpy activated(m_browser.get(), &CatalogBrowser::locationActivated);
    // A track of Season 1: its release becomes the grid's current cover.
    const QModelIndex season1 = m_tree->model()->index(1, 0);
    const QModelIndex track = m_tree->model()->index(0, 0, season1);
    QTest::mouseClick(m_tree->viewport(), Qt::LeftButton, {}, m_tree->visualRect(track).center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(m_grid->currentIndex(), cover(u"season-1"_s));

    // And a place chosen elsewhere (a link in a pane) moves both, emitting nothing.
    m_browser->select({Location::Cue, Picard, u"page"_s, {}});
    QCOMPARE(m_grid->currentIndex(), cover(u"chapter-1"_s));
    m_browser->select({Location::Release, Picard, u"season-1"_s, {}});
    QCOMPARE(m_grid->currentIndex(), cover(u"season-1"_s));
    QCOMPARE(activated.size(), 1);
}

void tst_CoverGrid::keyboardMovesAndOpens()
{
    QSignalSpy activated(m_browser.get(), &CatalogBrowser::locationActivated);
    QSignalSpy opened(m_browser.get(), &CatalogBrowser::releaseOpened);
    m_browser->select({Location::Release, Picard, u"chapter-1"_s, {}});
    m_grid->setFocus();
    QTest::keyClick(m_grid, Qt::Key_Right);
    QCOMPARE(m_grid->currentIndex(), cover(u"season-1"_s));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated[0][0].value<Location>().id, u"season-1"_s);
    QTest::keyClick(m_grid, Qt::Key_Home);
    QCOMPARE(m_grid->currentIndex(), cover(u"chapter-1"_s));
    QTest::keyClick(m_grid, Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(
        opened[0][0].value<Location>(), Location({Location::Release, Picard, u"chapter-1"_s, {}}));
    // Qt's test double-click is the second click only: the first one comes before it.
    QTest::mouseClick(m_grid->viewport(), Qt::LeftButton, {}, centreOf(cover(u"season-1"_s)));
    QTest::mouseDClick(m_grid->viewport(), Qt::LeftButton, {}, centreOf(cover(u"season-1"_s)));
    QCOMPARE(opened.size(), 2);
    QCOMPARE(opened[1][0].value<Location>().id, u"season-1"_s);
}

void tst_CoverGrid::searchNarrowsTheGrid()
{
    auto *search = m_browser->findChild<QLineEdit *>();
    QVERIFY(search);
    QCOMPARE(m_grid->model()->rowCount(), 2);
    QTest::keyClicks(search, u"blue skies"_s);
    QCOMPARE(m_grid->model()->rowCount(), 1);
    QVERIFY(cover(u"season-1"_s).isValid());
    QVERIFY(m_grid->isVisible());

    search->clear();
    QTest::keyClicks(search, u"zzzz no such thing"_s);
    auto *noMatch = m_browser->findChild<QLabel *>(u"noMatch"_s);
    QVERIFY(noMatch->isVisible());
    QVERIFY(!m_grid->isVisible());
    QVERIFY(noMatch->text().contains(u"zzzz no such thing"_s));
    search->clear();
    QVERIFY(m_grid->isVisible());
    QCOMPARE(m_grid->model()->rowCount(), 2);
}

void tst_CoverGrid::zoomBySliderWheelAndKeys()
{
    auto *slider = m_browser->findChild<QSlider *>(u"coverSize"_s);
    QVERIFY(slider);
    const int start = m_grid->coverSide();
    QCOMPARE(slider->value(), start);
    const QSize startGrid = m_grid->gridSize();
    const QRect startRect = m_grid->visualRect(cover(u"season-1"_s));

    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageUp);
    QCOMPARE(m_grid->coverSide(), start + 4 * CoverGridView::SideStep);
    QVERIFY(m_grid->gridSize().width() > startGrid.width());
    QVERIFY(m_grid->visualRect(cover(u"season-1"_s)).width() > startRect.width());

    QWheelEvent wheel(QPointF(10, 10), m_grid->viewport()->mapToGlobal(QPointF(10, 10)), {},
        QPoint(0, -2 * QWheelEvent::DefaultDeltasPerStep), Qt::NoButton, Qt::ControlModifier,
        Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_grid->viewport(), &wheel);
    QCOMPARE(m_grid->coverSide(), start + 2 * CoverGridView::SideStep);
    QCOMPARE(slider->value(), m_grid->coverSide());

    m_grid->setFocus();
    QTest::keyClick(m_grid, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(m_grid->coverSide(), start + CoverGridView::SideStep);
    QTest::keyClick(m_grid, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(m_grid->coverSide(), start);

    // Never smaller than the smallest, nor larger than the largest.
    m_grid->setCoverSide(1);
    QCOMPARE(m_grid->coverSide(), slider->minimum());
    m_grid->setCoverSide(100000);
    QCOMPARE(m_grid->coverSide(), slider->maximum());
}

void tst_CoverGrid::coversArePaintedOnceRead()
{
    const QModelIndex season1 = cover(u"season-1"_s);
    const QRect rect = m_grid->visualRect(season1);
    const QColor drawn = TypographicCover::colorFor(Picard + u"/season-1"_s);
    const QColor placeholder
        = m_grid->viewport()->grab(rect).toImage().pixelColor(rect.width() / 2, 12);
    QVERIFY(placeholder != drawn);
    // A point on the cover's plain background, near its top edge.
    QTRY_COMPARE(
        m_grid->viewport()->grab(rect).toImage().pixelColor(rect.width() / 2 + 40, 12).rgb(),
        drawn.rgb());
}

void tst_CoverGrid::severalCatalogsAreLabelled()
{
    const int singleHeight = m_grid->gridSize().height();
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picardSeason3()));
    QCOMPARE(m_grid->model()->rowCount(), 3);
    // A line more under each cover, for the catalog's title.
    QVERIFY(m_grid->gridSize().height() > singleHeight);
    QVERIFY(QTest::qWaitForWindowExposed(m_browser.get()));
    QTest::mouseClick(m_grid->viewport(), Qt::LeftButton, {}, centreOf(cover(u"season-3"_s)));
    QCOMPARE(
        m_tree->currentIndex().data(CatalogModel::CatalogIdRole).toString(), u"picard-season-3"_s);
}

void tst_CoverGrid::droppedImageAsksToSetTheCover()
{
    QImage image(40, 40, QImage::Format_RGB32);
    image.fill(Qt::blue);
    const QString path = m_dir->filePath(u"my cover.png"_s);
    QVERIFY(image.save(path));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_dir->filePath(u"notes.txt"_s)), QUrl::fromLocalFile(path)});
    TestFiles::writeFile(m_dir->filePath(u"notes.txt"_s), "text");
    const QPoint pos = centreOf(cover(u"season-1"_s));
    QSignalSpy dropped(m_browser.get(), &CatalogBrowser::coverImageDropped);

    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(enter, true));
    QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(move, true));
    // Off every cover: nothing to drop on.
    QDragMoveEvent away(QPoint(m_grid->viewport()->width() - 2, m_grid->viewport()->height() - 2),
        Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(!send(away, false));
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(drop, true));

    QCOMPARE(dropped.size(), 1);
    QCOMPARE(
        dropped[0][0].value<Location>(), Location({Location::Release, Picard, u"season-1"_s, {}}));
    QCOMPARE(dropped[0][1].toString(), path);
}

void tst_CoverGrid::dropOfNoImageIsRefused()
{
    QMimeData mime;
    mime.setUrls(
        {QUrl::fromLocalFile(TestFiles::writeFile(m_dir->filePath(u"track.flac"_s), "fLaC")),
            QUrl(u"https://example.org/cover.png"_s)});
    const QPoint pos = centreOf(cover(u"season-1"_s));
    QSignalSpy dropped(m_browser.get(), &CatalogBrowser::coverImageDropped);
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(!send(enter, false));
    // A drop that comes all the same (the enter was refused, so a real one does not) does nothing.
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    send(drop, false);
    QCOMPARE(dropped.size(), 0);
}

void tst_CoverGrid::stateIsRestored()
{
    m_grid->setCoverSide(208);
    const QByteArray state = m_browser->saveState();

    CatalogBrowser restored(m_catalogs.get(), &m_covers->loader, &m_covers->sources);
    QSignalSpy changed(&restored, &CatalogBrowser::releaseViewChanged);
    QCOMPARE(restored.releaseView(), CatalogBrowser::ReleaseView::Tree);
    restored.restoreState(state);
    QCOMPARE(restored.releaseView(), CatalogBrowser::ReleaseView::Covers);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(restored.findChild<CoverGridView *>()->coverSide(), 208);
    QCOMPARE(restored.findChild<QSlider *>(u"coverSize"_s)->value(), 208);
    // Garbage changes nothing.
    restored.restoreState("not a state");
    QCOMPARE(restored.releaseView(), CatalogBrowser::ReleaseView::Covers);
}

void tst_CoverGrid::accessibleNames()
{
    QCOMPARE(m_grid->accessibleName(), u"Release covers"_s);
    QCOMPARE(m_browser->findChild<QSlider *>(u"coverSize"_s)->accessibleName(), u"Cover size"_s);
    QCOMPARE(cover(u"season-1"_s).data(Qt::AccessibleTextRole).toString(),
        u"Star Trek: Picard Season 1 (Original Series Soundtrack), Jeff Russo, 2020"_s);
    QAccessibleInterface *grid = QAccessible::queryAccessibleInterface(m_grid);
    QVERIFY(grid);
    QCOMPARE(grid->text(QAccessible::Name), u"Release covers"_s);
}

QTEST_MAIN(tst_CoverGrid)
#include "tst_covergrid.moc"
