#include "mainwindow.h"

#include "backforwardbuttons.h"
#include "busyindicator.h"
#include "catalog/timecode.h"
#include "catalogbrowser.h"
#include "coverpicker.h"
#include "covers/coverloader.h"
#include "covers/coversourcefinder.h"
#include "errorreporter.h"
#include "filelinker.h"
#include "itemmodels/catalogmodel.h"
#include "itemmodels/userdatatracker.h"
#include "messages.h"
#include "notesexchanger.h"
#include "opencatalogs.h"
#include "panes/detailview.h"
#include "playback.h"
#include "playerbar.h"
#include "playingcuetimeline.h"
#include "sessionstate.h"
#include "thememap/thememapwindow.h"
#include "timeline/cuetimeline.h"
#include "unsavededits.h"
#include "userdata/coverstore.h"
#include "userdata/markercommands.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"
#include "waveform/waveformloader.h"
#include "windowactions.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileDialog>
#include <QSplitter>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(UserDatabase *userData, QWidget *parent)
    : QMainWindow(parent)
    , m_userData(userData)
{
    setWindowTitle(tr("Cuebook"));
    createPanes();
    createParts();
    connectParts();
    connectActions();
    if (!m_session->restoreLayout())
        m_errors->reportPassing(m_session->errorString());
}

// The catalog browser and the detail view side by side, over the player bar.
void MainWindow::createPanes()
{
    m_catalogModel = new CatalogModel(this);
    m_undoStack = new QUndoStack(this);
    // The tree's note marks and what search finds in notes, files and markers.
    m_userDataTracker = new UserDataTracker(m_catalogModel, this);
    m_userDataTracker->setUserData(m_userData);
    // Covers are read once for the grid and the release pane alike.
    m_coverLoader = new CoverLoader(CoverCache::defaultFolder(), this);
    m_coverSources = new CoverSourceFinder(
        [this](const QString &catalogId) { return m_catalogModel->catalog(catalogId); }, m_userData,
        this);
    connect(m_catalogModel, &CatalogModel::catalogsChanged, m_coverSources,
        &CoverSourceFinder::forgetAll);
    connect(
        m_coverSources, &CoverSourceFinder::sourcesChanged, m_coverLoader, &CoverLoader::forget);
    m_browser = new CatalogBrowser(m_catalogModel, m_coverLoader, m_coverSources);
    m_browser->setUserData(m_userDataTracker);
    m_browser->setThemeMarkers(m_userData);
    m_detailView = new DetailView(m_catalogModel);
    m_detailView->setUserData(m_userData);
    m_detailView->setUndoStack(m_undoStack);
    m_detailView->setCovers(m_coverLoader, m_coverSources);
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_browser);
    m_splitter->addWidget(m_detailView);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_playerBar = new PlayerBar;
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_playerBar);
    m_playingTimeline = new CueTimeline;
    m_playingTimeline->setObjectName(u"playingTimeline"_s);
    m_playingTimeline->setContentsMargins(8, 0, 8, 4);
    layout->addWidget(m_playingTimeline);
    setCentralWidget(central);
}

// The parts that do the work, each reporting its faults through m_errors.
void MainWindow::createParts()
{
    m_errors = new ErrorReporter(statusBar(), this);
    auto *busyIndicator = new BusyIndicator;
    busyIndicator->hide();
    statusBar()->addPermanentWidget(busyIndicator);
    m_catalogs = new OpenCatalogs(m_catalogModel, busyIndicator, m_errors, this);
    m_playback = new Playback(m_catalogModel, m_userData, m_playerBar, this);
    m_playingCue = new PlayingCueTimeline(m_playback, m_catalogModel, m_playingTimeline, this);
    m_playingCue->setUserData(m_userData);
    m_playingCue->setUndoStack(m_undoStack);
    m_playingCue->setWaveformLoader(new WaveformLoader(this));
    m_detailView->setPlayheadLookup([this](const CueKey &cue) -> std::optional<qint64> {
        const PlayQueue::Item *item = m_playback->current();
        return item && item->cue() == cue ? std::optional<qint64>(m_playback->position())
                                          : std::nullopt;
    });
    m_linker = new FileLinker(m_userData, m_catalogModel, m_errors);
    m_covers = new CoverPicker(m_userData, m_errors, this);
    m_exchanger = new NotesExchanger(m_userData, m_catalogModel, m_errors, this);
    m_session = new SessionState(this, m_splitter, m_browser, m_detailView, m_catalogs, m_playback);
    m_unsavedEdits = new UnsavedEdits(m_userData, m_errors, this);
    m_backForward = new BackForwardButtons(this);
}

void MainWindow::connectParts()
{
    // The one error path, and the status messages that must not hide a fault.
    if (m_userData) {
        connect(m_userData, &UserDatabase::errorOccurred, m_errors, &ErrorReporter::reportPassing);
        connect(m_userData->covers(), &CoverStore::releaseCoverChanged, this,
            [this] { m_detailView->showLocation(m_history.current()); });
    }
    connect(m_playback, &Playback::errorOccurred, m_errors, &ErrorReporter::reportPassing);
    connect(m_linker, &FileLinker::statusMessage, m_errors, &ErrorReporter::showStatus);
    connect(m_catalogs, &OpenCatalogs::statusMessage, m_errors, &ErrorReporter::showStatus);

    // Navigation.
    connect(m_browser, &CatalogBrowser::locationActivated, this, &MainWindow::navigate);
    connect(m_detailView, &DetailView::locationActivated, this, &MainWindow::navigate);
    connect(m_session, &SessionState::locationRestored, this, &MainWindow::navigate);
    connect(m_backForward, &BackForwardButtons::backPressed, this, &MainWindow::goBack);
    connect(m_backForward, &BackForwardButtons::forwardPressed, this, &MainWindow::goForward);

    // Playing and linking files.
    connect(m_browser, &CatalogBrowser::trackActivated, m_playback, &Playback::playRelease);
    connect(m_browser, &CatalogBrowser::filesDropped, m_linker, &FileLinker::linkFiles);
    connect(m_browser, &CatalogBrowser::coverImageDropped, m_covers, &CoverPicker::setImage);
    connect(m_browser, &CatalogBrowser::releaseOpened, this, [this](const Location &release) {
        navigate(release);
        m_detailView->currentWidget()->setFocus(Qt::OtherFocusReason);
    });
    connect(m_detailView, &DetailView::actionRequested, this, &MainWindow::performPaneAction);
    connect(m_playback, &Playback::currentChanged, this, &MainWindow::showNowPlaying);
    // The cue pane's timeline: the playhead on the cue that plays, the waveform of its file.
    const auto showPlayhead = [this](qint64 ms) {
        const PlayQueue::Item *item = m_playback->current();
        m_detailView->setPlayhead(item ? item->cue() : CueKey {}, ms);
    };
    connect(m_playback, &Playback::positionChanged, this, showPlayhead);
    connect(m_playback, &Playback::currentChanged, this,
        [this, showPlayhead] { showPlayhead(m_playback->position()); });
    m_detailView->setWaveformLoader(new WaveformLoader(this));
    connect(m_playingCue, &PlayingCueTimeline::markerRequested, this, &MainWindow::addMarkerAt);
    connect(m_playback, &Playback::itemFailed, this,
        [this](const PlayQueue::Item &item) { m_linker->markFailed(item.cue(), item.filePath); });

    // The open catalogs.
    connect(m_catalogModel, &CatalogModel::catalogsChanged, this, &MainWindow::updateStatus);
    connect(m_catalogs, &OpenCatalogs::catalogOpened, this, [this] {
        m_linker->refreshFileStates();
        updateActions();
    });
}

// What each command of the menus and the toolbar does.
void MainWindow::connectActions()
{
    m_actions = WindowActions::create(this, m_undoStack);
    connect(m_actions.open, &QAction::triggered, this, &MainWindow::chooseCatalog);
    connect(m_actions.closeCatalog, &QAction::triggered, this, &MainWindow::closeCurrentCatalog);
    connect(m_actions.scan, &QAction::triggered, m_linker, &FileLinker::scanMusicFolder);
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions.find, &QAction::triggered, m_browser, &CatalogBrowser::focusSearch);
    connect(m_actions.cover, &QAction::triggered, this,
        [this] { m_covers->chooseFor(m_history.current()); });
    connect(m_actions.drawnCover, &QAction::triggered, this,
        [this] { m_covers->useDrawnCover(m_history.current()); });
    connect(m_actions.exportNotes, &QAction::triggered, m_exchanger,
        &NotesExchanger::chooseNotesExport);
    connect(m_actions.importNotes, &QAction::triggered, m_exchanger,
        &NotesExchanger::chooseNotesImport);
    connect(m_actions.exportLabels, &QAction::triggered, this,
        [this] { m_exchanger->chooseLabelsExport(m_history.current()); });
    connect(m_actions.importLabels, &QAction::triggered, this,
        [this] { m_exchanger->chooseLabelsImport(m_history.current()); });
    connect(m_actions.releases, &QAction::triggered, m_browser, &CatalogBrowser::showReleases);
    connect(m_actions.themes, &QAction::triggered, m_browser, &CatalogBrowser::showThemes);
    connect(m_actions.releaseTree, &QAction::triggered, m_browser,
        [this] { m_browser->showReleasesAs(CatalogBrowser::ReleaseView::Tree); });
    connect(m_actions.releaseCovers, &QAction::triggered, m_browser,
        [this] { m_browser->showReleasesAs(CatalogBrowser::ReleaseView::Covers); });
    connect(m_actions.themeMap, &QAction::triggered, this, &MainWindow::showThemeMap);
    connect(m_browser, &CatalogBrowser::releaseViewChanged, this,
        [this](CatalogBrowser::ReleaseView view) {
            (view == CatalogBrowser::ReleaseView::Covers ? m_actions.releaseCovers
                                                         : m_actions.releaseTree)
                ->setChecked(true);
        });
    connect(m_actions.expand, &QAction::triggered, m_browser, &CatalogBrowser::expandAll);
    connect(m_actions.collapse, &QAction::triggered, m_browser, &CatalogBrowser::collapseAll);
    connect(m_actions.playPause, &QAction::triggered, m_playback, &Playback::togglePlayPause);
    connect(m_actions.play, &QAction::triggered, this,
        [this] { m_playback->playRelease(m_history.current()); });
    connect(m_actions.playRelease, &QAction::triggered, this, [this] {
        const Location location = m_history.current();
        m_playback->playRelease(location.kind == Location::Cue
                ? Location {Location::Release, location.catalogId, location.releaseId, {}}
                : location);
    });
    connect(m_actions.addMarker, &QAction::triggered, this,
        [this] { addMarkerAt(m_playback->position()); });
    connect(m_actions.linkFile, &QAction::triggered, this,
        [this] { m_linker->chooseFilesFor(m_history.current()); });
    connect(m_actions.locate, &QAction::triggered, this,
        [this] { m_linker->locateMissing(m_history.current()); });
    connect(m_actions.back, &QAction::triggered, this, &MainWindow::goBack);
    connect(m_actions.forward, &QAction::triggered, this, &MainWindow::goForward);
    connect(m_actions.nowPlaying, &QAction::triggered, this, [this] {
        if (const PlayQueue::Item *item = m_playback->current())
            navigate({Location::Cue, item->catalogId, item->cueId, item->releaseId});
    });
    connect(m_actions.about, &QAction::triggered, this, [this] { Messages::showAbout(this); });

    for (QAction *action : {m_actions.linkFile, m_actions.locate, m_actions.scan,
             m_actions.exportNotes, m_actions.importNotes})
        action->setEnabled(m_userData != nullptr);
    m_browser->setTrackActions({m_actions.play, m_actions.playRelease, m_actions.linkFile,
        m_actions.locate, m_actions.importLabels, m_actions.exportLabels});
    updateActions();
}

void MainWindow::openBundledCatalog()
{
    m_catalogs->openBundled();
}

void MainWindow::openCatalog(const QString &filePath)
{
    m_catalogs->open(filePath);
}

void MainWindow::restoreSession()
{
    m_session->restore();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The note being typed first, so that a refused write of it is among the edits below.
    m_detailView->saveEdits();
    // Edits the disk refused are saved now, or the user decides whether to lose them.
    if (!m_unsavedEdits->mayQuit()) {
        event->ignore();
        return;
    }
    if (!m_session->save(m_history.current()))
        m_errors->reportBlocking(tr("Session Not Saved"), m_session->errorString());
    m_catalogs->cancel();
    event->accept();
}

void MainWindow::showThemeMap()
{
    if (!m_themeMap) {
        m_themeMap = new ThemeMapWindow(m_catalogModel, m_userData, this);
        connect(m_themeMap, &ThemeMapWindow::exportFailed, this, [this](const QString &message) {
            m_errors->reportBlocking(tr("Theme Map Not Exported"), message);
        });
        connect(m_themeMap, &ThemeMapWindow::markActivated, this,
            [this](const QString &catalogId, const ThemeMap::Mark &mark) {
                openThemeMark(catalogId, mark);
            });
    }
    // The release shown (or the release of the cue shown), else the whole catalog.
    const Location &current = m_history.current();
    QString catalogId = current.catalogId;
    if (catalogId.isEmpty() && !m_catalogModel->catalogs().isEmpty())
        catalogId = m_catalogModel->catalogs().first().id;
    const QString releaseId = current.kind == Location::Release ? current.id
        : current.kind == Location::Cue                         ? current.releaseId
                                                                : QString();
    m_themeMap->showScope(catalogId, releaseId);
    m_themeMap->show();
    m_themeMap->raise();
    m_themeMap->activateWindow();
}

// The cue of a mark on the theme map, and its sound from the theme's entrance when the
// entrance is timed and the cue has a file to play.
void MainWindow::openThemeMark(const QString &catalogId, const ThemeMap::Mark &mark)
{
    const Location cue {Location::Cue, catalogId, mark.occurrence.occurrence.cueId,
        m_themeMap ? m_themeMap->releaseId() : QString()};
    navigate(cue);
    const qint64 entrance = mark.occurrence.occurrence.startMs;
    if (entrance >= 0 && m_catalogModel->fileState(cue.cueKey()) == FileState::Linked)
        m_playback->playCue(cue, entrance);
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
    const bool releaseShown = m_covers->canChoose(m_history.current());
    m_actions.cover->setEnabled(releaseShown);
    m_actions.drawnCover->setEnabled(releaseShown);
    m_actions.back->setEnabled(m_history.canGoBack());
    m_actions.nowPlaying->setEnabled(m_playback->current() != nullptr);
    m_actions.addMarker->setEnabled(m_playback->current() && m_userData);
    m_actions.forward->setEnabled(m_history.canGoForward());
    m_actions.closeCatalog->setEnabled(m_catalogs->canClose(m_history.current().catalogId));
    const bool cueShown = m_exchanger->canExchangeLabels(m_history.current());
    m_actions.importLabels->setEnabled(cueShown);
    m_actions.exportLabels->setEnabled(cueShown);
}

void MainWindow::updateStatus()
{
    int tracks = 0;
    for (const Catalog &catalog : m_catalogModel->catalogs())
        tracks += catalog.trackCount();
    const QList<Catalog> &catalogs = m_catalogModel->catalogs();
    const QString count = QLocale().toString(tracks);
    m_errors->showStatus(catalogs.size() == 1
            ? tr("%1: %2 tracks").arg(catalogs.constFirst().title, count)
            : tr("%1 catalogs open, %2 tracks").arg(catalogs.size()).arg(count));
}

void MainWindow::showNowPlaying()
{
    const PlayQueue::Item *item = m_playback->current();
    m_catalogModel->setPlayingCue(item ? item->cue() : CueKey());
    m_actions.nowPlaying->setEnabled(item != nullptr);
    m_actions.addMarker->setEnabled(item && m_userData);
    if (item && m_playback->isRestored())
        m_errors->showStatus(
            tr("“%1” is ready to go on where you left it: press Space to play.").arg(item->title),
            10000);
    else if (item)
        m_errors->showStatus(tr("Playing “%1”").arg(item->title));
}

void MainWindow::performPaneAction(const PaneAction &action)
{
    if (action.kind == PaneAction::Play)
        m_playback->playCue(action.cue, action.startMs);
    else if (action.kind == PaneAction::Seek)
        seekCue(action.cue, action.startMs);
    else if (action.kind == PaneAction::PlayRelease)
        m_playback->playRelease(
            {Location::Release, action.cue.catalogId, action.cue.releaseId, {}});
    else
        m_linker->perform(action);
}

// The cue may have stopped since the pane asked; then it plays from there.
void MainWindow::seekCue(const Location &cue, qint64 ms)
{
    const PlayQueue::Item *item = m_playback->current();
    if (item && item->cue() == CueKey {cue.catalogId, cue.id})
        m_playback->seek(ms);
    else
        m_playback->playCue(cue, ms);
}

// A marker at ms in the cue that plays (M marks where it is now); when the cue pane shows that
// cue, its label opens for the name, so that the user presses M and types.
void MainWindow::addMarkerAt(qint64 ms)
{
    const PlayQueue::Item *item = m_playback->current();
    if (!item || !m_userData)
        return;
    const Marker marker = AddMarkerCommand::pointAt(item->cue(), ms);
    m_undoStack->push(new AddMarkerCommand(m_userData->markers(), marker));
    // A marker that could not be written was reported by the user database.
    if (!m_userData->markers()->marker(marker.id))
        return;
    if (!m_detailView->editMarkerLabel(item->cue(), marker.id)) {
        m_errors->showStatus(tr("Marked %1 in “%2”; name it in the cue's Markers tab.")
                                 .arg(TimeCode::formatSeconds(marker.startMs), item->title));
    }
}

void MainWindow::chooseCatalog()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open Catalog"), QString(), tr("Cuebook catalogs (*.json);;All files (*)"));
    if (!file.isEmpty())
        m_catalogs->open(file);
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
