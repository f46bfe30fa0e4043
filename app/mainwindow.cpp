#include "mainwindow.h"

#include "busyindicator.h"
#include "catalogbrowser.h"
#include "filelinker.h"
#include "itemmodels/catalogmodel.h"
#include "messages.h"
#include "opencatalogs.h"
#include "panes/detailview.h"
#include "playback.h"
#include "playerbar.h"
#include "userdata/coverstore.h"
#include "userdata/userdatabase.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Settings keys, in one place.
const QString GeometryKey = u"window/geometry"_s;
const QString StateKey = u"window/state"_s;
const QString SplitterKey = u"window/splitter"_s;
const QString BrowserKey = u"window/browser"_s;
const QString OpenFilesKey = u"catalogs/files"_s;
const QString LastLocationKey = u"navigation/last"_s;

} // namespace

MainWindow::MainWindow(UserDatabase *userData, QWidget *parent)
    : QMainWindow(parent)
    , m_userData(userData)
{
    setWindowTitle(tr("Cuebook"));
    m_catalogModel = new CatalogModel(this);

    m_browser = new CatalogBrowser(m_catalogModel);
    m_detailView = new DetailView(m_catalogModel);
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_browser);
    m_splitter->addWidget(m_detailView);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_playerBar = new PlayerBar;
    m_playback = new Playback(m_catalogModel, m_userData, m_playerBar, this);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_playerBar);
    setCentralWidget(central);
    connect(m_browser, &CatalogBrowser::locationActivated, this, &MainWindow::navigate);
    connect(m_browser, &CatalogBrowser::trackActivated, m_playback, &Playback::playRelease);
    connect(m_playback, &Playback::currentChanged, this, &MainWindow::showNowPlaying);
    connect(m_playback, &Playback::errorOccurred, this,
        [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    m_detailView->setUserData(m_userData);
    if (m_userData) {
        m_detailView->setCoverLookup([this](const QString &catalogId, const QString &releaseId) {
            return m_userData->covers()->releaseCover(catalogId, releaseId);
        });
        connect(m_userData->covers(), &CoverStore::releaseCoverChanged, this,
            [this] { m_detailView->showLocation(m_history.current()); });
    }
    connect(m_detailView, &DetailView::locationActivated, this, &MainWindow::navigate);
    m_linker = new FileLinker(m_userData, m_catalogModel, this);
    connect(m_linker, &FileLinker::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_browser, &CatalogBrowser::filesDropped, m_linker, &FileLinker::linkFiles);
    connect(m_playback, &Playback::itemFailed, this,
        [this](const PlayQueue::Item &item) { m_linker->markFailed(item.cue(), item.filePath); });
    connect(m_detailView, &DetailView::actionRequested, this, [this](const PaneAction &action) {
        if (action.kind == PaneAction::Play)
            m_playback->playCue(action.cue, action.startMs);
        else if (action.kind == PaneAction::PlayRelease)
            m_playback->playRelease(
                {Location::Release, action.cue.catalogId, action.cue.releaseId, {}});
        else
            m_linker->perform(action);
    });
    connect(m_catalogModel, &CatalogModel::catalogsChanged, this, &MainWindow::updateStatus);

    auto *busyIndicator = new BusyIndicator;
    busyIndicator->hide();
    statusBar()->addPermanentWidget(busyIndicator);
    m_catalogs = new OpenCatalogs(m_catalogModel, busyIndicator, this);
    connect(m_catalogs, &OpenCatalogs::busyChanged, this, &MainWindow::loadingChanged);
    connect(m_catalogs, &OpenCatalogs::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_catalogs, &OpenCatalogs::catalogOpened, this, [this] {
        m_linker->refreshFileStates();
        updateActions();
    });

    createActions();
    createMenus();
    readSettings();
    qApp->installEventFilter(this);
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
}

QAction *MainWindow::makeAction(
    const QString &text, const QString &statusTip, const QKeySequence &shortcut, const QIcon &icon)
{
    auto *action = new QAction(icon, text, this);
    action->setShortcut(shortcut);
    action->setStatusTip(statusTip);
    return action;
}

void MainWindow::createActions()
{
    m_openAction
        = makeAction(tr("&Open Catalog…"), tr("Open a catalog file beside the ones already open"),
            QKeySequence::Open, QIcon::fromTheme(u"document-open"_s));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseCatalog);

    m_closeCatalogAction = makeAction(
        tr("&Close Catalog"), tr("Close the catalog of the selected item"), QKeySequence::Close);
    connect(m_closeCatalogAction, &QAction::triggered, this, &MainWindow::closeCurrentCatalog);

    m_quitAction = makeAction(tr("&Quit"), tr("Quit Cuebook"), QKeySequence::Quit,
        QIcon::fromTheme(u"application-exit"_s));
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_findAction = makeAction(tr("&Find…"), tr("Search titles, composers and themes"),
        QKeySequence::Find, QIcon::fromTheme(u"edit-find"_s));
    connect(m_findAction, &QAction::triggered, m_browser, &CatalogBrowser::focusSearch);

    m_backAction = makeAction(tr("&Back"), tr("Go back to what you looked at before"),
        QKeySequence::Back, style()->standardIcon(QStyle::SP_ArrowBack));
    connect(m_backAction, &QAction::triggered, this, &MainWindow::goBack);

    m_forwardAction = makeAction(tr("&Forward"), tr("Go forward again"), QKeySequence::Forward,
        style()->standardIcon(QStyle::SP_ArrowForward));
    connect(m_forwardAction, &QAction::triggered, this, &MainWindow::goForward);

    m_nowPlayingAction = makeAction(tr("&Now Playing"),
        tr("Show the cue that plays, and its track in the list"), Qt::CTRL | Qt::Key_J);
    connect(m_nowPlayingAction, &QAction::triggered, this, [this] {
        if (const PlayQueue::Item *item = m_playback->current())
            navigate({Location::Cue, item->catalogId, item->cueId, item->releaseId});
    });

    m_releasesAction = makeAction(
        tr("&Releases"), tr("Browse the releases and their tracks"), Qt::CTRL | Qt::Key_R);
    connect(m_releasesAction, &QAction::triggered, m_browser, &CatalogBrowser::showReleases);

    m_themesAction = makeAction(
        tr("&Themes"), tr("Browse every theme, with how many cues quote it"), Qt::CTRL | Qt::Key_T);
    connect(m_themesAction, &QAction::triggered, m_browser, &CatalogBrowser::showThemes);

    m_expandAction = makeAction(
        tr("&Expand All"), tr("Show the tracks of every release"), Qt::CTRL | Qt::Key_Plus);
    connect(m_expandAction, &QAction::triggered, m_browser, &CatalogBrowser::expandAll);

    m_collapseAction
        = makeAction(tr("&Collapse All"), tr("Show only the releases"), Qt::CTRL | Qt::Key_Minus);
    connect(m_collapseAction, &QAction::triggered, m_browser, &CatalogBrowser::collapseAll);

    m_playAction
        = makeAction(tr("&Play"), tr("Play the selected track, then the rest of its release"));
    connect(m_playAction, &QAction::triggered, this,
        [this] { m_playback->playRelease(m_history.current()); });

    m_playPauseAction = makeAction(tr("Play/&Pause"), tr("Pause or go on playing"), Qt::Key_Space,
        style()->standardIcon(QStyle::SP_MediaPlay));
    connect(m_playPauseAction, &QAction::triggered, m_playback, &Playback::togglePlayPause);

    m_playReleaseAction = makeAction(tr("Play &Release"),
        tr("Play the linked tracks of the release in album order"), Qt::CTRL | Qt::Key_P);
    connect(m_playReleaseAction, &QAction::triggered, this, [this] {
        const Location location = m_history.current();
        m_playback->playRelease(location.kind == Location::Cue
                ? Location {Location::Release, location.catalogId, location.releaseId, {}}
                : location);
    });

    m_linkFileAction = makeAction(tr("&Link Audio File…"),
        tr("Link audio files you own to the selected cue"), Qt::CTRL | Qt::Key_L);
    m_linkFileAction->setEnabled(m_userData != nullptr);
    connect(m_linkFileAction, &QAction::triggered, this,
        [this] { m_linker->chooseFilesFor(m_history.current()); });
    m_locateAction = makeAction(tr("L&ocate Missing File…"),
        tr("Find the selected cue's missing audio file where it went"));
    m_locateAction->setEnabled(m_userData != nullptr);
    connect(m_locateAction, &QAction::triggered, this,
        [this] { m_linker->locateMissing(m_history.current()); });
    m_browser->setTrackActions(
        {m_playAction, m_playReleaseAction, m_linkFileAction, m_locateAction});

    m_coverAction = makeAction(
        tr("Set &Cover Image…"), tr("Use an image of your own as the selected release's cover"));
    connect(m_coverAction, &QAction::triggered, this, &MainWindow::chooseCoverImage);
    m_drawnCoverAction
        = makeAction(tr("Use &Drawn Cover"), tr("Forget the image chosen for the release's cover"));
    connect(m_drawnCoverAction, &QAction::triggered, this, [this] {
        const Location release = m_history.current();
        if (m_userData && release.kind == Location::Release)
            m_userData->covers()->setReleaseCover(release.catalogId, release.id, QString());
    });

    m_scanAction = makeAction(tr("&Scan Music Folder…"),
        tr("Find the audio files of a folder and link them to the catalog's cues"),
        Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    m_scanAction->setEnabled(m_userData != nullptr);
    connect(m_scanAction, &QAction::triggered, m_linker, &FileLinker::scanMusicFolder);

    m_aboutAction
        = makeAction(tr("&About Cuebook"), tr("Who made Cuebook, and the sources of its catalog"));
    connect(m_aboutAction, &QAction::triggered, this, [this] { Messages::showAbout(this); });
    updateActions();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_openAction, m_closeCatalogAction});
    file->addSeparator();
    file->addAction(m_scanAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_findAction);
    edit->addSeparator();
    edit->addActions({m_coverAction, m_drawnCoverAction});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({m_releasesAction, m_themesAction});
    view->addSeparator();
    view->addActions({m_expandAction, m_collapseAction});

    QMenu *playMenu = menuBar()->addMenu(tr("&Play"));
    playMenu->addActions({m_playPauseAction, m_playAction, m_playReleaseAction});
    playMenu->addSeparator();
    playMenu->addActions({m_linkFileAction, m_locateAction});

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addActions({m_backAction, m_forwardAction});
    go->addSeparator();
    go->addAction(m_nowPlayingAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *toolBar = addToolBar(tr("Navigation"));
    toolBar->setObjectName(u"navigationToolBar"_s);
    toolBar->setMovable(false);
    toolBar->addActions({m_backAction, m_forwardAction});
    toolBar->addSeparator();
    toolBar->addAction(m_openAction);
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(StateKey).toByteArray());
    if (!m_splitter->restoreState(settings.value(SplitterKey).toByteArray()))
        m_splitter->setSizes({620, 660});
    m_browser->restoreState(settings.value(BrowserKey).toByteArray());
    m_playback->restoreVolume(settings);
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(SplitterKey, m_splitter->saveState());
    settings.setValue(BrowserKey, m_browser->saveState());
    settings.setValue(OpenFilesKey, m_catalogs->files());
    settings.setValue(LastLocationKey, m_history.current().toStringList());
    m_playback->saveSession(settings);
}

void MainWindow::restoreSession()
{
    QSettings settings;
    m_pendingLocation = Location::fromStringList(settings.value(LastLocationKey).toStringList());
    m_restoringPlayer = true;
    for (const QString &file : settings.value(OpenFilesKey).toStringList())
        m_catalogs->open(file);
    if (!m_catalogs->isBusy()) {
        m_restoringPlayer = false;
        m_playback->restoreSession(QSettings());
        if (m_pendingLocation.isValid())
            navigate(std::exchange(m_pendingLocation, {}));
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    m_catalogs->cancel();
    event->accept();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The mouse's back and forward buttons work anywhere in the window, as in a web browser.
    if (event->type() == QEvent::MouseButtonPress) {
        auto *widget = qobject_cast<QWidget *>(watched);
        const auto button = static_cast<QMouseEvent *>(event)->button();
        if (widget && widget->window() == this
            && (button == Qt::BackButton || button == Qt::ForwardButton)) {
            button == Qt::BackButton ? goBack() : goForward();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::paintEvent(QPaintEvent *event)
{
    QMainWindow::paintEvent(event);
    // For cuebook-bench: the moment the window is first on screen, measured from outside.
    if (!m_reportedFirstPaint && qEnvironmentVariableIsSet("CUEBOOK_STARTUP_PROBE")) {
        m_reportedFirstPaint = true;
        QTimer::singleShot(0, this, [] {
            std::fputs("cuebook: first paint\n", stdout);
            std::fflush(stdout);
        });
    }
}

void MainWindow::navigate(const Location &location)
{
    if (!location.isValid())
        return;
    m_history.visit(location);
    showLocation(location);
}

void MainWindow::goBack()
{
    if (m_history.canGoBack())
        showLocation(m_history.back());
}

void MainWindow::goForward()
{
    if (m_history.canGoForward())
        showLocation(m_history.forward());
}

void MainWindow::showLocation(const Location &location)
{
    m_detailView->showLocation(location);
    m_browser->select(location);
    updateActions();
}

void MainWindow::updateActions()
{
    const bool releaseShown = m_userData && m_history.current().kind == Location::Release;
    m_coverAction->setEnabled(releaseShown);
    m_drawnCoverAction->setEnabled(releaseShown);
    m_backAction->setEnabled(m_history.canGoBack());
    m_nowPlayingAction->setEnabled(m_playback->current() != nullptr);
    m_forwardAction->setEnabled(m_history.canGoForward());
    m_closeCatalogAction->setEnabled(m_catalogs->canClose(m_history.current().catalogId));
}

void MainWindow::updateStatus()
{
    int tracks = 0;
    for (const Catalog &catalog : m_catalogModel->catalogs())
        tracks += catalog.trackCount();
    const QList<Catalog> &catalogs = m_catalogModel->catalogs();
    const QString count = QLocale().toString(tracks);
    statusBar()->showMessage(catalogs.size() == 1
            ? tr("%1: %2 tracks").arg(catalogs.constFirst().title, count)
            : tr("%1 catalogs open, %2 tracks").arg(catalogs.size()).arg(count));
}

void MainWindow::loadingChanged(bool busy)
{
    if (!busy && std::exchange(m_restoringPlayer, false))
        m_playback->restoreSession(QSettings());
    if (!busy && m_pendingLocation.isValid())
        navigate(std::exchange(m_pendingLocation, {}));
}

void MainWindow::chooseCatalog()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open Catalog"), QString(), tr("Cuebook catalogs (*.json);;All files (*)"));
    if (!file.isEmpty())
        m_catalogs->open(file);
}

void MainWindow::openBundledCatalog()
{
    m_catalogs->openBundled();
}

void MainWindow::openCatalog(const QString &filePath)
{
    m_catalogs->open(filePath);
}

void MainWindow::closeCurrentCatalog()
{
    const QString catalogId = m_history.current().catalogId;
    if (!m_catalogs->canClose(catalogId))
        return;
    m_history.removeCatalog(catalogId);
    m_catalogs->close(catalogId);
    showLocation(m_history.current());
}

void MainWindow::showNowPlaying()
{
    const PlayQueue::Item *item = m_playback->current();
    m_catalogModel->setPlayingCue(item ? item->cue() : CueKey());
    m_nowPlayingAction->setEnabled(item != nullptr);
    if (item && m_playback->isRestored())
        statusBar()->showMessage(
            tr("“%1” is ready to go on where you left it: press Space to play.").arg(item->title),
            10000);
    else if (item)
        statusBar()->showMessage(tr("Playing “%1”").arg(item->title));
}

void MainWindow::chooseCoverImage()
{
    const Location release = m_history.current();
    if (!m_userData || release.kind != Location::Release)
        return;
    const QString image = QFileDialog::getOpenFileName(
        this, tr("Cover Image"), QString(), tr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)"));
    if (image.isEmpty())
        return;
    if (QImageReader(image).size().isEmpty()) {
        QMessageBox::warning(
            this, tr("Cover Not Set"), tr("“%1” is not an image Cuebook can read.").arg(image));
        return;
    }
    m_userData->covers()->setReleaseCover(
        release.catalogId, release.id, QFileInfo(image).absoluteFilePath());
}
