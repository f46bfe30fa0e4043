#include "mainwindow.h"

#include "catalogfiltermodel.h"
#include "catalogmodel.h"
#include "catalogreader.h"
#include "cuepane.h"
#include "releasepane.h"
#include "searchfield.h"
#include "themelistmodel.h"
#include "themepane.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const QString BundledCatalogPath = u":/catalogs/star-trek-picard/catalog.json"_s;

// Settings keys, in one place.
const QString GeometryKey = u"window/geometry"_s;
const QString StateKey = u"window/state"_s;
const QString SplitterKey = u"window/splitter"_s;
const QString TreeHeaderKey = u"tree/header"_s;
const QString ThemeHeaderKey = u"themes/header"_s;
const QString OpenFilesKey = u"catalogs/files"_s;
const QString LastLocationKey = u"navigation/last"_s;

QStringList toStringList(const Location &location)
{
    return {QString::number(location.kind), location.catalogId, location.id, location.releaseId};
}

Location toLocation(const QStringList &fields)
{
    if (fields.size() != 4)
        return {};
    const int kind = fields.at(0).toInt();
    if (kind < Location::Release || kind > Location::Theme)
        return {};
    return {Location::Kind(kind), fields.at(1), fields.at(2), fields.at(3)};
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Cuebook"));
    setObjectName(u"MainWindow"_s);
    m_catalogModel = new CatalogModel(this);
    m_loader = new CatalogLoader(this);
    connect(m_loader, &CatalogLoader::finished, this, &MainWindow::catalogRead);
    connect(m_loader, &CatalogLoader::busyChanged, this, &MainWindow::loadingChanged);

    createBrowser();
    createPanes();
    createThemeList();
    createActions();
    createMenus();
    createStatusBar();
    readSettings();
    qApp->installEventFilter(this);
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
}

void MainWindow::createBrowser()
{
    m_filterModel = new CatalogFilterModel(this);
    m_filterModel->setSourceModel(m_catalogModel);

    m_searchField = new SearchField;
    m_tree = new QTreeView;
    m_tree->setObjectName(u"catalogTree"_s);
    m_tree->setModel(m_filterModel);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(CatalogModel::TitleColumn, QHeaderView::Stretch);
    m_tree->header()->resizeSection(CatalogModel::ArtistColumn, 120);
    m_tree->header()->resizeSection(CatalogModel::NumberColumn, 84);
    m_tree->header()->resizeSection(CatalogModel::DurationColumn, 64);

    m_noMatch = new QLabel;
    m_noMatch->setObjectName(u"noMatch"_s);
    m_noMatch->setAlignment(Qt::AlignCenter);
    m_noMatch->setWordWrap(true);
    m_noMatch->setMargin(24);
    m_noMatch->setTextFormat(Qt::RichText);
    m_treeStack = new QStackedWidget;
    m_treeStack->addWidget(m_tree);
    m_treeStack->addWidget(m_noMatch);

    m_browserTabs = new QTabWidget;
    m_browserTabs->setDocumentMode(true);
    m_browserTabs->addTab(m_treeStack, tr("Releases"));

    auto *browser = new QWidget;
    auto *layout = new QVBoxLayout(browser);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->addWidget(m_searchField);
    layout->addWidget(m_browserTabs, 1);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(browser);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    connect(m_searchField, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filterModel->setQuery(text);
        updateTreeState();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::treeCurrentChanged);
    connect(m_catalogModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateTreeState);
    connect(m_catalogModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateTreeState);
    connect(m_catalogModel, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateTreeState);
}

void MainWindow::createPanes()
{
    m_placeholder = new QLabel(
        tr("<p style='font-size:large'>Nothing selected</p>"
           "<p>Choose a release or a track in the list, or a theme in the Themes list.<br>"
           "Search with Ctrl+F: words, or <code>theme:romulan</code>, "
           "<code>composer:goldsmith</code>, <code>duration:&gt;3:00</code>.</p>"));
    m_placeholder->setObjectName(u"placeholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    m_releasePane = new ReleasePane(m_catalogModel);
    m_cuePane = new CuePane(m_catalogModel);
    m_themePane = new ThemePane(m_catalogModel);
    m_paneStack = new QStackedWidget;
    for (QWidget *pane : {static_cast<QWidget *>(m_placeholder), static_cast<QWidget *>(m_releasePane),
                          static_cast<QWidget *>(m_cuePane), static_cast<QWidget *>(m_themePane)})
        m_paneStack->addWidget(pane);
    m_splitter->addWidget(m_paneStack);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);

    connect(m_releasePane, &ReleasePane::locationActivated, this, &MainWindow::navigate);
    connect(m_cuePane, &CuePane::locationActivated, this, &MainWindow::navigate);
    connect(m_themePane, &ThemePane::locationActivated, this, &MainWindow::navigate);
}

void MainWindow::createThemeList()
{
    m_themeModel = new ThemeListModel(m_catalogModel, this);
    m_themeSortModel = new QSortFilterProxyModel(this);
    m_themeSortModel->setSourceModel(m_themeModel);
    m_themeSortModel->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_themeSortModel->setSortLocaleAware(true);

    m_themeList = new QTreeView;
    m_themeList->setObjectName(u"themeList"_s);
    m_themeList->setModel(m_themeSortModel);
    m_themeList->setRootIsDecorated(false);
    m_themeList->setUniformRowHeights(true);
    m_themeList->setAllColumnsShowFocus(true);
    m_themeList->setSortingEnabled(true);
    m_themeList->sortByColumn(0, Qt::AscendingOrder);
    m_themeList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_themeList->header()->setStretchLastSection(false);

    m_browserTabs->addTab(m_themeList, tr("Themes"));

    auto activateTheme = [this](const QModelIndex &index) {
        if (m_syncingSelection || !index.isValid())
            return;
        navigate({Location::Theme, index.data(ThemeListModel::CatalogIdRole).toString(),
                  index.data(ThemeListModel::ThemeIdRole).toString(), {}});
    };
    connect(m_themeList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            activateTheme);
    connect(m_themeList, &QTreeView::activated, this, activateTheme);
}

void MainWindow::createActions()
{
    m_openAction = new QAction(QIcon::fromTheme(u"document-open"_s), tr("&Open Catalog…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a catalog file beside the ones already open"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseCatalog);

    m_closeCatalogAction = new QAction(tr("&Close Catalog"), this);
    m_closeCatalogAction->setShortcut(QKeySequence::Close);
    m_closeCatalogAction->setStatusTip(tr("Close the catalog of the selected item"));
    connect(m_closeCatalogAction, &QAction::triggered, this, &MainWindow::closeCurrentCatalog);

    m_quitAction = new QAction(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setStatusTip(tr("Quit Cuebook"));
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_findAction = new QAction(QIcon::fromTheme(u"edit-find"_s), tr("&Find…"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(tr("Search titles, composers and themes"));
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_searchField->setFocus(Qt::ShortcutFocusReason);
        m_searchField->selectAll();
    });

    m_backAction = new QAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("&Back"), this);
    m_backAction->setShortcut(QKeySequence::Back);
    m_backAction->setStatusTip(tr("Go back to what you looked at before"));
    connect(m_backAction, &QAction::triggered, this, &MainWindow::goBack);

    m_forwardAction = new QAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("&Forward"), this);
    m_forwardAction->setShortcut(QKeySequence::Forward);
    m_forwardAction->setStatusTip(tr("Go forward again"));
    connect(m_forwardAction, &QAction::triggered, this, &MainWindow::goForward);

    m_releasesAction = new QAction(tr("&Releases"), this);
    m_releasesAction->setShortcut(Qt::CTRL | Qt::Key_R);
    m_releasesAction->setStatusTip(tr("Browse the releases and their tracks"));
    connect(m_releasesAction, &QAction::triggered, this, [this] {
        m_browserTabs->setCurrentWidget(m_treeStack);
        m_tree->setFocus(Qt::ShortcutFocusReason);
    });

    m_themesAction = new QAction(tr("&Themes"), this);
    m_themesAction->setShortcut(Qt::CTRL | Qt::Key_T);
    m_themesAction->setStatusTip(tr("Browse every theme, with how many cues quote it"));
    connect(m_themesAction, &QAction::triggered, this, [this] {
        m_browserTabs->setCurrentWidget(m_themeList);
        m_themeList->setFocus(Qt::ShortcutFocusReason);
    });

    m_expandAction = new QAction(tr("&Expand All"), this);
    m_expandAction->setShortcut(Qt::CTRL | Qt::Key_Plus);
    m_expandAction->setStatusTip(tr("Show the tracks of every release"));
    connect(m_expandAction, &QAction::triggered, m_tree, &QTreeView::expandAll);

    m_collapseAction = new QAction(tr("&Collapse All"), this);
    m_collapseAction->setShortcut(Qt::CTRL | Qt::Key_Minus);
    m_collapseAction->setStatusTip(tr("Show only the releases"));
    connect(m_collapseAction, &QAction::triggered, m_tree, &QTreeView::collapseAll);

    m_aboutAction = new QAction(tr("&About Cuebook"), this);
    m_aboutAction->setStatusTip(tr("Who made Cuebook, and the sources of its catalog"));
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    updateNavigationActions();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_openAction, m_closeCatalogAction});
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_findAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({m_releasesAction, m_themesAction});
    view->addSeparator();
    view->addActions({m_expandAction, m_collapseAction});

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addActions({m_backAction, m_forwardAction});

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

void MainWindow::createStatusBar()
{
    m_loadingIndicator = new QWidget;
    auto *layout = new QHBoxLayout(m_loadingIndicator);
    layout->setContentsMargins(0, 0, 0, 0);
    m_loadingLabel = new QLabel;
    auto *progress = new QProgressBar;
    progress->setRange(0, 0);
    progress->setMaximumWidth(120);
    progress->setMaximumHeight(14);
    auto *cancel = new QPushButton(tr("Cancel"));
    cancel->setFlat(true);
    connect(cancel, &QPushButton::clicked, m_loader, &CatalogLoader::cancel);
    layout->addWidget(m_loadingLabel);
    layout->addWidget(progress);
    layout->addWidget(cancel);
    statusBar()->addPermanentWidget(m_loadingIndicator);
    m_loadingIndicator->hide();
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(StateKey).toByteArray());
    if (!m_splitter->restoreState(settings.value(SplitterKey).toByteArray()))
        m_splitter->setSizes({620, 660});
    m_tree->header()->restoreState(settings.value(TreeHeaderKey).toByteArray());
    m_themeList->header()->restoreState(settings.value(ThemeHeaderKey).toByteArray());
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(SplitterKey, m_splitter->saveState());
    settings.setValue(TreeHeaderKey, m_tree->header()->saveState());
    settings.setValue(ThemeHeaderKey, m_themeList->header()->saveState());
    settings.setValue(OpenFilesKey, m_openFiles);
    settings.setValue(LastLocationKey, toStringList(m_history.current()));
}

void MainWindow::restoreSession()
{
    QSettings settings;
    m_pendingLocation = toLocation(settings.value(LastLocationKey).toStringList());
    for (const QString &file : settings.value(OpenFilesKey).toStringList())
        openCatalog(file);
    if (!m_loader->isBusy() && m_pendingLocation.isValid())
        navigate(std::exchange(m_pendingLocation, {}));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    m_loader->cancel();
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
    switch (location.kind) {
    case Location::Release:
        m_releasePane->showRelease(location.catalogId, location.id);
        m_paneStack->setCurrentWidget(m_releasePane);
        break;
    case Location::Cue:
        m_cuePane->showCue(location.catalogId, location.id, location.releaseId);
        m_paneStack->setCurrentWidget(m_cuePane);
        break;
    case Location::Theme:
        m_themePane->showTheme(location.catalogId, location.id);
        m_paneStack->setCurrentWidget(m_themePane);
        break;
    case Location::None:
        m_paneStack->setCurrentWidget(m_placeholder);
        break;
    }
    selectInTree(location);
    selectInThemeList(location);
    updateNavigationActions();
}

void MainWindow::treeCurrentChanged()
{
    if (m_syncingSelection)
        return;
    const QModelIndex index = m_tree->currentIndex();
    const QString catalogId = index.data(CatalogModel::CatalogIdRole).toString();
    const QString releaseId = index.data(CatalogModel::ReleaseIdRole).toString();
    switch (index.data(CatalogModel::KindRole).toInt()) {
    case CatalogModel::ReleaseItem:
        navigate({Location::Release, catalogId, releaseId, {}});
        break;
    case CatalogModel::TrackItem:
        navigate({Location::Cue, catalogId, index.data(CatalogModel::CueIdRole).toString(), releaseId});
        break;
    default:
        break;
    }
}

void MainWindow::selectInTree(const Location &location)
{
    QModelIndex source;
    if (location.kind == Location::Release) {
        source = m_catalogModel->indexOfRelease(location.catalogId, location.id);
    } else if (location.kind == Location::Cue) {
        const QList<QModelIndex> tracks = m_catalogModel->indexesOfCue(location.catalogId, location.id);
        for (const QModelIndex &track : tracks) {
            if (track.data(CatalogModel::ReleaseIdRole).toString() == location.releaseId)
                source = track;
        }
        if (!source.isValid() && !tracks.isEmpty())
            source = tracks.constFirst();
    }
    QModelIndex target = m_filterModel->mapFromSource(source);
    if (source.isValid() && !target.isValid()) {
        // The search hides it; a link the user followed must land on a visible row.
        m_searchField->clear();
        target = m_filterModel->mapFromSource(source);
    }
    const QScopedValueRollback guard(m_syncingSelection, true);
    if (target.isValid()) {
        m_tree->setCurrentIndex(target);
        m_tree->scrollTo(target);
    } else if (location.kind != Location::Theme) {
        m_tree->setCurrentIndex({});
    }
}

void MainWindow::selectInThemeList(const Location &location)
{
    const QScopedValueRollback guard(m_syncingSelection, true);
    if (location.kind != Location::Theme) {
        m_themeList->setCurrentIndex({});
        return;
    }
    const QModelIndex source = m_themeModel->indexOfTheme(location.id);
    const QModelIndex target = m_themeSortModel->mapFromSource(source);
    m_themeList->setCurrentIndex(target);
    m_themeList->scrollTo(target);
}

void MainWindow::updateNavigationActions()
{
    m_backAction->setEnabled(m_history.canGoBack());
    m_forwardAction->setEnabled(m_history.canGoForward());
    const Catalog *catalog = m_catalogModel->catalog(m_history.current().catalogId);
    m_closeCatalogAction->setEnabled(catalog && catalog->filePath != BundledCatalogPath);
}

void MainWindow::updateTreeState()
{
    const QString query = m_searchField->text().trimmed();
    const bool noMatch = !query.isEmpty() && m_filterModel->rowCount() == 0;
    if (noMatch) {
        m_noMatch->setText(tr("<p style='font-size:large'>No match</p>"
                              "<p>Nothing in the open catalogs matches “%1”.</p>"
                              "<p>Try fewer words, or press Esc to clear the search.</p>")
                               .arg(query.toHtmlEscaped()));
    }
    m_treeStack->setCurrentWidget(noMatch ? static_cast<QWidget *>(m_noMatch) : m_tree);
    if (!query.isEmpty())
        expandSmallGroups();

    int tracks = 0;
    for (const Catalog &catalog : m_catalogModel->catalogs())
        tracks += catalog.trackCount();
    const QList<Catalog> &catalogs = m_catalogModel->catalogs();
    const QString count = QLocale().toString(tracks);
    statusBar()->showMessage(catalogs.size() == 1
                                 ? tr("%1: %2 tracks").arg(catalogs.constFirst().title, count)
                                 : tr("%1 catalogs open, %2 tracks").arg(catalogs.size()).arg(count));
}

void MainWindow::expandSmallGroups()
{
    // Expanding thousands of releases would stall the view for no one's benefit: open what fits
    // on a screen or two, and leave big lists for the user to open.
    constexpr int MaxExpandedReleases = 12;
    auto expandReleases = [this](const QModelIndex &parent) {
        const int releases = m_filterModel->rowCount(parent);
        if (releases > MaxExpandedReleases)
            return;
        for (int row = 0; row < releases; ++row)
            m_tree->expand(m_filterModel->index(row, 0, parent));
    };
    if (!m_catalogModel->isGroupedByCatalog()) {
        expandReleases({});
        return;
    }
    for (int row = 0; row < m_filterModel->rowCount(); ++row) {
        const QModelIndex catalog = m_filterModel->index(row, 0);
        m_tree->expand(catalog);
        expandReleases(catalog);
    }
}

void MainWindow::openBundledCatalog()
{
    CatalogReader reader;
    if (!reader.read(BundledCatalogPath)) {
        showCatalogFaults(BundledCatalogPath, reader.errors());
        return;
    }
    m_catalogModel->addCatalog(reader.takeCatalog());
    expandSmallGroups();
}

void MainWindow::openCatalog(const QString &filePath)
{
    m_loadingLabel->setText(tr("Reading %1…").arg(QFileInfo(filePath).fileName()));
    m_loader->load(filePath);
}

void MainWindow::catalogRead(const CatalogLoader::Result &result)
{
    if (!result.ok) {
        showCatalogFaults(result.filePath, result.errors);
        return;
    }
    const QString title = result.catalog.title;
    const QString id = result.catalog.id;
    const QString absolute = QFileInfo(result.filePath).absoluteFilePath();
    if (m_catalogModel->catalog(id) && m_openFiles.contains(absolute)) {
        statusBar()->showMessage(tr("“%1” is already open.").arg(title), 5000);
        return;
    }
    if (m_catalogModel->catalog(id)) {
        showCatalogFaults(result.filePath,
                          {tr("%1: a catalog with the id \"%2\" is already open.").arg(result.filePath, id)});
        return;
    }
    if (!m_catalogModel->addCatalog(result.catalog)) {
        showCatalogFaults(result.filePath, {tr("%1: too many catalogs are open.").arg(result.filePath)});
        return;
    }
    if (!m_openFiles.contains(absolute))
        m_openFiles.append(absolute);
    if (qEnvironmentVariableIsSet("CUEBOOK_STARTUP_PROBE")) {
        std::fputs("cuebook: catalog shown\n", stdout);
        std::fflush(stdout);
    }
    expandSmallGroups();
    statusBar()->showMessage(result.warnings.isEmpty()
                                 ? tr("Opened “%1”.").arg(title)
                                 : tr("Opened “%1”; first of %2 warnings: %3")
                                       .arg(title)
                                       .arg(result.warnings.size())
                                       .arg(result.warnings.constFirst()),
                             8000);
    updateNavigationActions();
}

void MainWindow::loadingChanged(bool busy)
{
    m_loadingIndicator->setVisible(busy);
    if (!busy && m_pendingLocation.isValid())
        navigate(std::exchange(m_pendingLocation, {}));
}

void MainWindow::chooseCatalog()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open Catalog"), QString(),
                                                      tr("Cuebook catalogs (*.json);;All files (*)"));
    if (!file.isEmpty())
        openCatalog(file);
}

void MainWindow::closeCurrentCatalog()
{
    const QString catalogId = m_history.current().catalogId;
    const Catalog *catalog = m_catalogModel->catalog(catalogId);
    if (!catalog || catalog->filePath == BundledCatalogPath)
        return;
    m_openFiles.removeAll(QFileInfo(catalog->filePath).absoluteFilePath());
    m_history.removeCatalog(catalogId);
    m_catalogModel->removeCatalog(catalogId);
    showLocation(m_history.current());
}

void MainWindow::showCatalogFaults(const QString &filePath, const QStringList &faults)
{
    QMessageBox box(QMessageBox::Warning, tr("Catalog Not Opened"),
                    faults.size() == 1
                        ? tr("“%1” was not opened. Nothing has changed.")
                              .arg(QFileInfo(filePath).fileName())
                        : tr("“%1” was not opened: it has %2 faults. Nothing has changed.")
                              .arg(QFileInfo(filePath).fileName())
                              .arg(faults.size()),
                    QMessageBox::Ok, this);
    box.setObjectName(u"catalogFaults"_s);
    box.setInformativeText(faults.mid(0, 5).join(u'\n')
                           + (faults.size() > 5 ? u"\n…"_s : QString()));
    box.setDetailedText(faults.join(u'\n'));
    box.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Cuebook"),
        tr("<h3>Cuebook %1</h3>"
           "<p>A browser for film and television scores: their releases, their cues and the "
           "themes that run through them.</p>"
           "<p>The bundled Star Trek: Picard catalog quotes short excerpts from, and credits:</p>"
           "<ul><li>Noah Marconi, a review of the Season 1 soundtrack</li>"
           "<li>Randall D. Larson, “Jeff Russo: Scoring STAR TREK PICARD”, Soundtrax, "
           "27 March 2020</li>"
           "<li>ComicBook, on the Season 1, Chapter 1 album, February 2020</li>"
           "<li>Musique Fantastique, a preview of the Season 1 album, 5 February 2020</li>"
           "<li>Collider, on the Season 3 track “Leaving Spacedock”, 13 April 2023</li></ul>"
           "<p>Cuebook never ships or downloads audio.</p>")
            .arg(QCoreApplication::applicationVersion()));
}
