#include "anchorclick.h"
#include "busyindicator.h"
#include "itemmodels/catalogmodel.h"
#include "itemmodels/themelistmodel.h"
#include "mainwindow.h"
#include "notes/noteeditor.h"
#include "notes/noteview.h"
#include "panes/cuepane.h"
#include "panes/panebrowser.h"
#include "panes/releasepane.h"
#include "panes/themepane.h"
#include "refusedwrites.h"
#include "testfiles.h"
#include "thememap/thememapview.h"
#include "thememap/thememapwindow.h"
#include "userdata/coverstore.h"
#include "userdata/notestore.h"
#include "userdata/userdatabase.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QWindow>

using namespace Qt::StringLiterals;

// The window as a user drives it: clicks on tree rows and links, keys, menus, restarts.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void startsWithNothingSelected();
    void selectingAReleaseShowsItsPane();
    void selectingATrackShowsItsCue();
    void themeLinkShowsTheTheme();
    void occurrenceLinkSelectsTheCueInTheTree();
    void backAndForward();
    void mouseBackAndForwardButtons();
    void searchFiltersAsTheUserTypes();
    void noMatchSaysWhatWasSearched();
    void ctrlFFocusesSearchAndEscClears();
    void linkToAHiddenRowClearsTheSearch();
    void themeListShowsTheme();
    void brokenCatalogShowsFaultsAndChangesNothing();
    void secondCatalogOpensBesideTheBundledOne();
    void settingsRestore();
    void failedUserDataWriteIsToldOnce();
    void failedCoverWriteIsToldInADialog();
    void sessionThatCannotBeSavedIsSaidOnClose();
    void noteWrittenInTheWindow();
    void coverGridFromTheViewMenu();
    void imageDroppedOnACoverBecomesIt();
    void themeMapOpensTheCueOfAMark();

private:
    void openWindow(bool resize = true, UserDatabase *userData = nullptr);
    // A user database in a file of the test's own, in m_userData.
    void openUserData();
    QModelIndex treeRow(const QString &title, const QModelIndex &parent = {}) const;
    void clickRow(const QModelIndex &index);
    PaneBrowser *browserOf(QWidget *pane) const;
    QWidget *currentPane() const;
    QString writeFile(const QString &name, const QByteArray &contents);
    // Answers the next modal dialog; returns what it said (text, informative and detailed text).
    QString closeNextMessageBox();

    QTemporaryDir m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    std::unique_ptr<MainWindow> m_window;
    QTreeView *m_tree = nullptr;
    QLineEdit *m_search = nullptr;
    QString m_dialogText;
    bool m_busyWhileDialog = true;
};

namespace {

const QByteArray SecondCatalog = R"({
  "format": "cuebook-catalog", "version": 1, "id": "voyager", "title": "Star Trek: Voyager",
  "themes": [ { "id": "star-trek-march", "name": "Star Trek March", "composer": "Jerry Goldsmith" } ],
  "cues": [ { "id": "main-title", "title": "Voyager Main Title" } ],
  "releases": [ { "id": "voyager-album", "title": "Voyager Suite", "tracks": [
      { "number": 1, "title": "Voyager Main Title", "duration": "2:00", "cue": "main-title" } ] } ],
  "occurrences": [ { "theme": "star-trek-march", "cue": "main-title", "kind": "allusion" } ]
}
)";

const QByteArray BrokenCatalog = R"({
  "format": "cuebook-catalog", "version": 1, "id": "broken", "title": "Broken",
  "releases": [ { "id": "a", "title": "A", "tracks": [ { "number": 1, "title": "T", "duration": "1:7x" } ] } ],
  "occurrences": [ { "theme": "romulan", "cue": "a/1-1" } ]
}
)";

} // namespace

void tst_MainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"CuebookTest"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
}

void tst_MainWindow::init()
{
    QSettings().clear();
    openWindow();
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_userData.reset();
}

void tst_MainWindow::openWindow(bool resize, UserDatabase *userData)
{
    m_window.reset();
    m_window = std::make_unique<MainWindow>(userData);
    m_window->openBundledCatalog();
    m_window->restoreSession();
    if (resize)
        m_window->resize(1280, 800);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_tree = m_window->findChild<QTreeView *>(u"catalogTree"_s);
    m_search = m_window->findChild<QLineEdit *>();
    QVERIFY(m_tree);
    QVERIFY(m_search);
}

void tst_MainWindow::openUserData()
{
    const QString path = m_dir.filePath(
        u"user-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(path);
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY(m_userData->open(path));
}

QModelIndex tst_MainWindow::treeRow(const QString &title, const QModelIndex &parent) const
{
    const QAbstractItemModel *model = m_tree->model();
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == title)
            return index;
    }
    return {};
}

void tst_MainWindow::clickRow(const QModelIndex &index)
{
    m_tree->scrollTo(index);
    QTest::mouseClick(m_tree->viewport(), Qt::LeftButton, {}, m_tree->visualRect(index).center());
}

PaneBrowser *tst_MainWindow::browserOf(QWidget *pane) const
{
    return pane ? pane->findChild<PaneBrowser *>() : nullptr;
}

QWidget *tst_MainWindow::currentPane() const
{
    for (QWidget *pane : std::initializer_list<QWidget *> {m_window->findChild<ReleasePane *>(),
             m_window->findChild<CuePane *>(), m_window->findChild<ThemePane *>()}) {
        if (pane->isVisible())
            return pane;
    }
    return nullptr;
}

QString tst_MainWindow::writeFile(const QString &name, const QByteArray &contents)
{
    return TestFiles::writeFile(m_dir.filePath(name), contents);
}

QString tst_MainWindow::closeNextMessageBox()
{
    m_dialogText.clear();
    QTimer::singleShot(0, this, [this] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            QTimer::singleShot(20, this, [this] { closeNextMessageBox(); });
            return;
        }
        m_dialogText = box->text() + u'\n' + box->informativeText() + u'\n' + box->detailedText();
        m_busyWhileDialog = m_window->findChild<BusyIndicator *>()->isVisible();
        box->accept();
    });
    return {};
}

void tst_MainWindow::startsWithNothingSelected()
{
    QVERIFY(!currentPane());
    QVERIFY(!m_window->currentLocation().isValid());
    QCOMPARE(m_tree->model()->rowCount(), 3);
    const auto *placeholder = m_window->findChild<QLabel *>(u"placeholder"_s);
    QVERIFY(placeholder && placeholder->isVisible());
    QVERIFY(placeholder->text().contains(u"Nothing selected"_s));
    QCOMPARE(m_window->statusBar()->currentMessage(), u"Star Trek: Picard: 84 tracks"_s);
}

void tst_MainWindow::selectingAReleaseShowsItsPane()
{
    const QModelIndex release
        = treeRow(u"Star Trek: Picard – Season 1, Chapter 1 (Original Series Soundtrack)"_s);
    QVERIFY(release.isValid());
    clickRow(release);
    auto *pane = m_window->findChild<ReleasePane *>();
    QTRY_VERIFY(pane->isVisible());
    QCOMPARE(pane->releaseId(), u"picard-s1-chapter-1"_s);
    const QString text = browserOf(pane)->toPlainText();
    QVERIFY(text.contains(u"Lakeshore Records"_s));
    QVERIFY(text.contains(u"28 tracks"_s));
    // The ComicBook excerpt about this album, with its source.
    QVERIFY(text.contains(u"Lakeshore Records has announced that it will release"_s));
    QVERIFY(text.contains(u"ComicBook"_s));
}

void tst_MainWindow::selectingATrackShowsItsCue()
{
    const QModelIndex release
        = treeRow(u"Star Trek: Picard – Season 1 (Original Series Soundtrack)"_s);
    const QModelIndex twins = treeRow(u"Twins"_s, release);
    QVERIFY(twins.isValid());
    clickRow(twins);
    auto *pane = m_window->findChild<CuePane *>();
    QTRY_VERIFY(pane->isVisible());
    QCOMPARE(pane->cueId(), u"twins"_s);
    QCOMPARE(pane->releaseId(), u"picard-s1"_s);
    const QString text = browserOf(pane)->toPlainText();
    QVERIFY(text.contains(u"Romulan theme"_s));
    QVERIFY(text.contains(u"towards the end"_s));
    // A cue on two albums shows both.
    QVERIFY(text.contains(u"Season 1, Chapter 1"_s));
    QCOMPARE(m_window->currentLocation().kind, Location::Cue);
}

void tst_MainWindow::themeLinkShowsTheTheme()
{
    m_window->navigate({Location::Cue, u"star-trek-picard"_s, u"twins"_s, u"picard-s1"_s});
    auto *cuePane = m_window->findChild<CuePane *>();
    QTRY_VERIFY(cuePane->isVisible());
    const Location romulan {Location::Theme, u"star-trek-picard"_s, u"romulan-theme"_s, {}};
    QVERIFY(AnchorClick::click(browserOf(cuePane), romulan));
    auto *themePane = m_window->findChild<ThemePane *>();
    QTRY_VERIFY(themePane->isVisible());
    QCOMPARE(themePane->themeId(), u"romulan-theme"_s);
    QVERIFY(browserOf(themePane)->toPlainText().contains(u"Fred Steiner"_s));
    QCOMPARE(m_window->currentLocation(), romulan);
}

void tst_MainWindow::occurrenceLinkSelectsTheCueInTheTree()
{
    m_window->navigate({Location::Theme, u"star-trek-picard"_s, u"voyager-theme"_s, {}});
    auto *themePane = m_window->findChild<ThemePane *>();
    QTRY_VERIFY(themePane->isVisible());
    const QList<Location> cues = AnchorClick::locations(browserOf(themePane)->document());
    const auto mysteryShip = std::find_if(cues.begin(), cues.end(), [](const Location &location) {
        return location.kind == Location::Cue && location.id == u"mystery-ship"_s;
    });
    QVERIFY(mysteryShip != cues.end());
    QVERIFY(AnchorClick::click(browserOf(themePane), *mysteryShip));
    QTRY_VERIFY(m_window->findChild<CuePane *>()->isVisible());
    const QModelIndex current = m_tree->currentIndex();
    QCOMPARE(current.data().toString(), u"Mystery Ship"_s);
    QCOMPARE(current.data(CatalogModel::CueIdRole).toString(), u"mystery-ship"_s);
    QCOMPARE(current.data(CatalogModel::ReleaseIdRole).toString(), mysteryShip->releaseId);
}

void tst_MainWindow::backAndForward()
{
    const Location cue {Location::Cue, u"star-trek-picard"_s, u"twins"_s, u"picard-s1"_s};
    const Location theme {Location::Theme, u"star-trek-picard"_s, u"romulan-theme"_s, {}};
    m_window->navigate(cue);
    QVERIFY(AnchorClick::click(browserOf(m_window->findChild<CuePane *>()), theme));
    QTRY_COMPARE(m_window->currentLocation(), theme);

    QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(m_window->currentLocation(), cue);
    QVERIFY(m_window->findChild<CuePane *>()->isVisible());
    QCOMPARE(m_tree->currentIndex().data(CatalogModel::CueIdRole).toString(), u"twins"_s);

    QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(m_window->currentLocation(), theme);
    QVERIFY(m_window->findChild<ThemePane *>()->isVisible());

    // The toolbar buttons do the same.
    QAction *back = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(QKeySequence::Back))
            back = action;
    }
    QVERIFY(back);
    back->trigger();
    QCOMPARE(m_window->currentLocation(), cue);
    QVERIFY(!back->isEnabled());
}

void tst_MainWindow::mouseBackAndForwardButtons()
{
    const Location release {Location::Release, u"star-trek-picard"_s, u"picard-s3"_s, {}};
    const Location theme {Location::Theme, u"star-trek-picard"_s, u"blue-skies"_s, {}};
    m_window->navigate(release);
    m_window->navigate(theme);
    // As the platform sends them: to the window, where the pointer is.
    QWindow *window = m_window->windowHandle();
    QTest::mouseClick(
        window, Qt::BackButton, {}, m_tree->viewport()->mapTo(m_window.get(), QPoint(10, 10)));
    QCOMPARE(m_window->currentLocation(), release);
    QWidget *releasePane = browserOf(m_window->findChild<ReleasePane *>())->viewport();
    QTest::mouseClick(
        window, Qt::ForwardButton, {}, releasePane->mapTo(m_window.get(), QPoint(10, 10)));
    QCOMPARE(m_window->currentLocation(), theme);
}

void tst_MainWindow::searchFiltersAsTheUserTypes()
{
    m_search->setFocus();
    QTest::keyClicks(m_search, u"dahjs"_s);
    // Both season 1 albums hold "Dahj’s Last Fight": each keeps its release row.
    QTRY_COMPARE(m_tree->model()->rowCount(), 2);
    const QModelIndex release = m_tree->model()->index(0, 0);
    QCOMPARE(m_tree->model()->rowCount(release), 1);
    QVERIFY(m_tree->model()->index(0, 0, release).data().toString().startsWith(u"Dahj"_s));
    QVERIFY(m_tree->isExpanded(release));

    m_search->clear();
    QTest::keyClicks(m_search, u"theme:romulan"_s);
    QTRY_COMPARE(m_tree->model()->rowCount(), 2);
    QCOMPARE(m_tree->model()->rowCount(m_tree->model()->index(0, 0)), 1);
}

void tst_MainWindow::noMatchSaysWhatWasSearched()
{
    QTest::keyClicks(m_search, u"klingon opera"_s);
    const auto *noMatch = m_window->findChild<QLabel *>(u"noMatch"_s);
    QVERIFY(noMatch);
    QTRY_VERIFY(noMatch->isVisible());
    QVERIFY(!m_tree->isVisible());
    QVERIFY(noMatch->text().contains(u"klingon opera"_s));
    QTest::keyClick(m_search, Qt::Key_Backspace);
    QVERIFY(noMatch->text().contains(u"klingon oper"_s));
    m_search->clear();
    QTRY_VERIFY(m_tree->isVisible());
    QVERIFY(!noMatch->isVisible());
}

void tst_MainWindow::ctrlFFocusesSearchAndEscClears()
{
    m_tree->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_search->hasFocus());
    QTest::keyClicks(m_search, u"twins"_s);
    QTRY_COMPARE(m_tree->model()->rowCount(), 2);
    QTest::keyClick(m_search, Qt::Key_Escape);
    QCOMPARE(m_search->text(), QString());
    QTRY_COMPARE(m_tree->model()->rowCount(), 3);
}

void tst_MainWindow::linkToAHiddenRowClearsTheSearch()
{
    QTest::keyClicks(m_search, u"blue skies"_s);
    QTRY_COMPARE(m_tree->model()->rowCount(), 1);
    m_window->navigate(
        {Location::Cue, u"star-trek-picard"_s, u"twins"_s, u"picard-s1-chapter-1"_s});
    QCOMPARE(m_search->text(), QString());
    QCOMPARE(m_tree->currentIndex().data(CatalogModel::CueIdRole).toString(), u"twins"_s);
    QCOMPARE(m_tree->currentIndex().data(CatalogModel::ReleaseIdRole).toString(),
        u"picard-s1-chapter-1"_s);
}

void tst_MainWindow::themeListShowsTheme()
{
    auto *tabs = m_window->findChild<QTabWidget *>();
    auto *list = m_window->findChild<QTreeView *>(u"themeList"_s);
    QVERIFY(tabs && list);
    QTest::keyClick(m_window.get(), Qt::Key_T, Qt::ControlModifier);
    QTRY_VERIFY(list->isVisible());
    QVERIFY(list->model()->rowCount() >= 12);
    QModelIndex march;
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        if (list->model()->index(row, 0).data().toString() == u"Star Trek March"_s)
            march = list->model()->index(row, 0);
    }
    QVERIFY(march.isValid());
    QVERIFY(list->model()->index(march.row(), 2).data().toInt() >= 5);
    list->scrollTo(march);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(march).center());
    QTRY_VERIFY(m_window->findChild<ThemePane *>()->isVisible());
    QCOMPARE(m_window->findChild<ThemePane *>()->themeId(), u"star-trek-march"_s);

    // Its census: Enter on the last cue heard opens that cue.
    const QModelIndex last = march.siblingAtColumn(ThemeListModel::LastHeardColumn);
    QCOMPARE(last.data().toString(), u"Leaving Spacedock"_s);
    list->setCurrentIndex(last);
    QCOMPARE(m_window->currentLocation().kind, Location::Theme);
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_COMPARE(m_window->currentLocation().kind, Location::Cue);
    QCOMPARE(m_window->currentLocation().id, u"leaving-spacedock"_s);
}

void tst_MainWindow::brokenCatalogShowsFaultsAndChangesNothing()
{
    m_window->navigate({Location::Cue, u"star-trek-picard"_s, u"twins"_s, u"picard-s1"_s});
    const QString path = writeFile(u"broken.json"_s, BrokenCatalog);
    closeNextMessageBox();
    m_window->openCatalog(path);
    QTRY_VERIFY(!m_dialogText.isEmpty());
    QVERIFY2(m_dialogText.contains(u"releases[0].tracks[0].duration: \"1:7x\" is not a time"_s),
        qPrintable(m_dialogText));
    QVERIFY(m_dialogText.contains(u"occurrences[0].theme: no theme \"romulan\""_s));
    QVERIFY(!m_busyWhileDialog);
    QCOMPARE(m_window->catalogModel()->catalogs().size(), 1);
    QCOMPARE(m_tree->model()->rowCount(), 3);
    QCOMPARE(m_tree->currentIndex().data(CatalogModel::CueIdRole).toString(), u"twins"_s);
}

void tst_MainWindow::secondCatalogOpensBesideTheBundledOne()
{
    m_window->openCatalog(writeFile(u"voyager.json"_s, SecondCatalog));
    QTRY_COMPARE(m_window->catalogModel()->catalogs().size(), 2);
    QCOMPARE(m_tree->model()->rowCount(), 2); // catalogs are now the top level
    // Said once the catalog is in; the count of every open catalog comes back with the next
    // change.
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"Opened"_s));
    QVERIFY(m_window->catalogModel()->removeCatalog(u"voyager"_s));
    QCOMPARE(m_window->statusBar()->currentMessage(), u"Star Trek: Picard: 84 tracks"_s);
    m_window->openCatalog(writeFile(u"voyager.json"_s, SecondCatalog));
    QTRY_COMPARE(m_window->catalogModel()->catalogs().size(), 2);
    // A theme id both catalogs use gathers the cues of both.
    m_window->navigate({Location::Theme, u"star-trek-picard"_s, u"star-trek-march"_s, {}});
    QTRY_VERIFY(m_window->findChild<ThemePane *>()->isVisible());
    QVERIFY(browserOf(m_window->findChild<ThemePane *>())
                ->toPlainText()
                .contains(u"Voyager Main Title"_s));
}

void tst_MainWindow::settingsRestore()
{
    const QString second = writeFile(u"voyager.json"_s, SecondCatalog);
    m_window->openCatalog(second);
    QTRY_COMPARE(m_window->catalogModel()->catalogs().size(), 2);
    const Location cue {Location::Cue, u"star-trek-picard"_s, u"twins"_s, u"picard-s1"_s};
    m_window->navigate(cue);
    auto *splitter = m_window->findChild<QSplitter *>(u"mainSplitter"_s);
    m_window->resize(1100, 700);
    splitter->setSizes({400, 700});
    const QList<int> sizes = splitter->sizes();
    m_tree->header()->resizeSection(CatalogModel::ArtistColumn, 177);
    m_window->close();
    m_window.reset();

    openWindow(false);
    QCOMPARE(m_window->size(), QSize(1100, 700));
    QTRY_COMPARE(m_window->catalogModel()->catalogs().size(), 2);
    QVERIFY(m_window->catalogModel()->catalog(u"voyager"_s));
    QTRY_COMPARE(m_window->currentLocation(), cue);
    QVERIFY(m_window->findChild<CuePane *>()->isVisible());
    QCOMPARE(m_tree->currentIndex().data(CatalogModel::CueIdRole).toString(), u"twins"_s);
    QCOMPARE(m_window->findChild<QSplitter *>(u"mainSplitter"_s)->sizes(), sizes);
    QCOMPARE(m_tree->header()->sectionSize(CatalogModel::ArtistColumn), 177);
}

void tst_MainWindow::failedUserDataWriteIsToldOnce()
{
    openUserData();
    QVERIFY(RefusedWrites::refuse(m_userData->filePath(), u"notes"_s));
    openWindow(true, m_userData.get());
    QSignalSpy shown(m_window->statusBar(), &QStatusBar::messageChanged);
    // Two writes fail in a row, as they do while a disk is full: the user is told, once.
    QVERIFY(!m_userData->notes()->setNote({u"star-trek-picard"_s, u"twins"_s}, u"first"_s));
    QVERIFY(!m_userData->notes()->setNote({u"star-trek-picard"_s, u"twins"_s}, u"second"_s));
    const QString message = m_userData->errorString();
    QVERIFY2(message.contains(QString::fromUtf16(RefusedWrites::Reason)), qPrintable(message));
    QTRY_COMPARE(m_window->statusBar()->currentMessage(), message);
    QCOMPARE(std::count_if(shown.cbegin(), shown.cend(),
                 [&](const QList<QVariant> &arguments) { return arguments.at(0) == message; }),
        1);
}

void tst_MainWindow::failedCoverWriteIsToldInADialog()
{
    openUserData();
    // A cover chosen before the disk filled up.
    QVERIFY(m_userData->covers()->setReleaseCover(
        u"star-trek-picard"_s, u"picard-s1"_s, u"/covers/a.png"_s));
    QVERIFY(RefusedWrites::refuse(m_userData->filePath(), u"release_covers"_s));
    openWindow(true, m_userData.get());
    m_window->navigate({Location::Release, u"star-trek-picard"_s, u"picard-s1"_s, {}});
    QAction *drawnCover = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->text() == u"Use &Drawn Cover"_s)
            drawnCover = action;
    }
    QVERIFY(drawnCover && drawnCover->isEnabled());
    closeNextMessageBox();
    drawnCover->trigger();
    QVERIFY2(
        m_dialogText.contains(QString::fromUtf16(RefusedWrites::Reason)), qPrintable(m_dialogText));
    QVERIFY(m_dialogText.contains(u"drawn cover"_s));
    // Told in the dialog, so not once more in the status bar.
    QVERIFY(!m_window->statusBar()->currentMessage().contains(
        QString::fromUtf16(RefusedWrites::Reason)));
    QCOMPARE(m_userData->covers()->releaseCover(u"star-trek-picard"_s, u"picard-s1"_s),
        u"/covers/a.png"_s);
}

void tst_MainWindow::sessionThatCannotBeSavedIsSaidOnClose()
{
    QTemporaryDir elsewhere;
    QVERIFY(elsewhere.isValid());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, elsewhere.path());
    const auto restorePath = qScopeGuard([this] {
        QSettings::setPath(
            QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    });
    // A folder where the settings file should be: no one, root included, can write it.
    const QString file = QSettings().fileName();
    QVERIFY(QDir().mkpath(file));
    closeNextMessageBox();
    m_window->close();
    QVERIFY2(m_dialogText.contains(file), qPrintable(m_dialogText));
    QVERIFY(m_dialogText.contains(u"could not be saved"_s));
}

// A note written on a cue reached through one album: marked on both albums' tracks, found by
// search, and on disk when the window closes, before the save delay is up.
void tst_MainWindow::noteWrittenInTheWindow()
{
    openUserData();
    openWindow(true, m_userData.get());
    const QModelIndex season1
        = treeRow(u"Star Trek: Picard – Season 1 (Original Series Soundtrack)"_s);
    clickRow(treeRow(u"Twins"_s, season1));
    auto *pane = m_window->findChild<CuePane *>();
    QTRY_VERIFY(pane->isVisible());
    auto *view = pane->findChild<NoteView *>();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(30, 20));
    auto *edit = pane->findChild<QPlainTextEdit *>();
    QTRY_VERIFY(edit->hasFocus());
    // Space is the window's play/pause key: here it is a space.
    QTest::keyClicks(edit, u"Sisters in a duel"_s);
    const CueKey twins {u"star-trek-picard"_s, u"twins"_s};
    QTRY_COMPARE(m_userData->notes()->note(twins), u"Sisters in a duel"_s);

    // Marked on every album the cue is on.
    const QModelIndex chapter1
        = treeRow(u"Star Trek: Picard – Season 1, Chapter 1 (Original Series Soundtrack)"_s);
    for (const QModelIndex &release : {season1, chapter1}) {
        const QModelIndex track = treeRow(u"Twins"_s, release);
        QVERIFY(track.isValid());
        QTRY_VERIFY(track.data(CatalogModel::HasNoteRole).toBool());
    }
    // Found by search, words and note: alike.
    m_search->setFocus();
    QTest::keyClicks(m_search, u"note:duel"_s);
    QTRY_COMPARE(m_tree->model()->rowCount(), 2);
    m_search->clear();
    QTest::keyClicks(m_search, u"sisters"_s);
    QTRY_COMPARE(m_tree->model()->rowCount(), 2);

    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(30, 20));
    QTRY_VERIFY(edit->hasFocus());
    QTest::keyClicks(edit, u", then the window closes"_s);
    QVERIFY(m_window->close());
    QCOMPARE(m_userData->notes()->note(twins), u"Sisters in a duel, then the window closes"_s);
}

QTEST_MAIN(tst_MainWindow)
void tst_MainWindow::coverGridFromTheViewMenu()
{
    auto *grid = m_window->findChild<QListView *>(u"coverGrid"_s);
    QVERIFY(grid);
    QVERIFY(!grid->isVisible());
    QAction *asCovers = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_2))
            asCovers = action;
    }
    QVERIFY(asCovers);
    QVERIFY(!asCovers->isChecked());
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QVERIFY(grid->isVisible());
    QVERIFY(asCovers->isChecked());
    QCOMPARE(QApplication::focusWidget(), grid);

    // A click shows the release; Enter takes the keyboard to its page.
    const QModelIndex season3 = grid->model()->index(2, 0);
    QCOMPARE(season3.data(CatalogModel::ReleaseIdRole).toString(), u"picard-s3"_s);
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, grid->visualRect(season3).center());
    const Location release {Location::Release, u"star-trek-picard"_s, u"picard-s3"_s, {}};
    QCOMPARE(m_window->currentLocation(), release);
    QCOMPARE(m_tree->currentIndex().data(CatalogModel::ReleaseIdRole).toString(), u"picard-s3"_s);
    QTest::keyClick(grid, Qt::Key_Return);
    QVERIFY(m_window->findChild<ReleasePane *>()->isAncestorOf(QApplication::focusWidget()));

    // The view is remembered.
    m_window->close();
    openWindow();
    grid = m_window->findChild<QListView *>(u"coverGrid"_s);
    QVERIFY(grid->isVisible());
    QCOMPARE(grid->currentIndex().data(CatalogModel::ReleaseIdRole).toString(), u"picard-s3"_s);
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QVERIFY(m_tree->isVisible());
    QVERIFY(!grid->isVisible());
}

void tst_MainWindow::imageDroppedOnACoverBecomesIt()
{
    openUserData();
    openWindow(true, m_userData.get());
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    auto *grid = m_window->findChild<QListView *>(u"coverGrid"_s);
    QVERIFY(grid->isVisible());
    QImage blue(300, 300, QImage::Format_RGB32);
    blue.fill(Qt::blue);
    const QString path = m_dir.filePath(u"blue cover.png"_s);
    QVERIFY(blue.save(path));

    const QModelIndex season1 = grid->model()->index(0, 0);
    const QString releaseId = season1.data(CatalogModel::ReleaseIdRole).toString();
    const QRect rect = grid->visualRect(season1);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(rect.center(), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(grid->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(rect.center(), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(grid->viewport(), &drop);
    QVERIFY(drop.isAccepted());

    QCOMPARE(m_userData->covers()->releaseCover(u"star-trek-picard"_s, releaseId), path);
    QTRY_COMPARE(
        grid->viewport()->grab(rect).toImage().pixelColor(rect.width() / 2, 40), QColor(Qt::blue));
}

void tst_MainWindow::themeMapOpensTheCueOfAMark()
{
    const Location season1 {Location::Release, u"star-trek-picard"_s, u"picard-s1"_s, {}};
    m_window->navigate(season1);
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    auto *map = m_window->findChild<ThemeMapWindow *>();
    QVERIFY(map);
    QTRY_VERIFY(map->isVisible());
    QCOMPARE(map->catalogId(), u"star-trek-picard"_s);
    QCOMPARE(map->releaseId(), u"picard-s1"_s);
    ThemeMapView *view = map->view();
    QVERIFY(!view->map().isEmpty());
    // The March's statement in "Picard Requests Help": a click opens that cue.
    int march = -1;
    for (int i = 0; i < view->map().marks.size(); ++i) {
        const Occurrence &occurrence = view->map().marks[i].occurrence.occurrence;
        if (occurrence.themeId == u"star-trek-march"_s
            && occurrence.cueId == u"picard-requests-help"_s)
            march = i;
    }
    QVERIFY(march >= 0);
    QTest::mouseClick(view, Qt::LeftButton, {}, view->layout()->markRect(march).center().toPoint());
    const Location cue {
        Location::Cue, u"star-trek-picard"_s, u"picard-requests-help"_s, u"picard-s1"_s};
    QCOMPARE(m_window->currentLocation(), cue);
    QVERIFY(m_window->findChild<CuePane *>()->isVisible());
}

#include "tst_mainwindow.moc"
