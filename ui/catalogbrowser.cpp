#include "catalogbrowser.h"

#include "covergrid/covergrid.h"
#include "covergrid/covergridview.h"
#include "itemmodels/catalogfiltermodel.h"
#include "itemmodels/catalogmodel.h"
#include "itemmodels/releasegridmodel.h"
#include "itemmodels/themelistmodel.h"
#include "searchfield.h"
#include "trackdelegate.h"
#include "tracktree.h"

#include <QDataStream>
#include <QHeaderView>
#include <QIODevice>
#include <QLabel>
#include <QMenu>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// 2: the Themes tab has its census columns; a state of 1 keeps its tree header and tab.
// 3: the release view and the cover size follow.
constexpr quint32 StateVersion = 3;
} // namespace

CatalogBrowser::CatalogBrowser(CatalogModel *catalogs, CoverLoader *covers,
    const CoverSourceFinder *coverSources, QWidget *parent)
    : QWidget(parent)
    , m_catalogs(catalogs)
{
    m_searchField = new SearchField;
    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    createTree();
    createCoverGrid(covers, coverSources);
    createThemeList();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->addWidget(m_searchField);
    layout->addWidget(m_tabs, 1);
}

void CatalogBrowser::createTree()
{
    m_filterModel = new CatalogFilterModel(this);
    m_filterModel->setSourceModel(m_catalogs);

    auto *tree = new TrackTree;
    m_tree = tree;
    m_tree->setObjectName(u"catalogTree"_s);
    m_tree->setModel(m_filterModel);
    m_tree->setItemDelegateForColumn(CatalogModel::TitleColumn, new TrackDelegate(m_tree));
    m_tree->viewport()->setAcceptDrops(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAllColumnsShowFocus(true);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(CatalogModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(CatalogModel::ArtistColumn, 120);
    header->resizeSection(CatalogModel::NumberColumn, 84);
    header->resizeSection(CatalogModel::DurationColumn, 64);

    m_noMatch = new QLabel;
    m_noMatch->setObjectName(u"noMatch"_s);
    m_noMatch->setAlignment(Qt::AlignCenter);
    m_noMatch->setWordWrap(true);
    m_noMatch->setMargin(24);
    m_noMatch->setTextFormat(Qt::RichText);
    m_treeStack = new QStackedWidget;
    m_treeStack->addWidget(m_tree);
    m_treeStack->addWidget(m_noMatch);
    m_tabs->addTab(m_treeStack, tr("Releases"));

    connect(m_searchField, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filterModel->setQuery(text);
        updateTreeState();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &CatalogBrowser::treeCurrentChanged);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.data(CatalogModel::KindRole).toInt() == CatalogModel::TrackItem)
            emit trackActivated(cueLocation(index));
    });
    connect(tree, &TrackTree::filesDropped, this,
        [this](const QModelIndex &track, const QStringList &paths) {
            emit filesDropped(cueLocation(track), paths);
        });
    connect(m_catalogs, &QAbstractItemModel::modelReset, this, &CatalogBrowser::updateTreeState);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_catalogs, signal, this, &CatalogBrowser::updateTreeState);
}

void CatalogBrowser::createCoverGrid(CoverLoader *covers, const CoverSourceFinder *coverSources)
{
    m_gridModel = new ReleaseGridModel(m_filterModel, this);
    m_coverGrid = new CoverGrid(covers, coverSources);
    CoverGridView *view = m_coverGrid->view();
    view->setModel(m_gridModel);
    m_treeStack->insertWidget(1, m_coverGrid);

    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &CatalogBrowser::gridCurrentChanged);
    connect(view, &QListView::activated, this,
        [this](const QModelIndex &index) { emit releaseOpened(gridRelease(index.row())); });
    connect(view, &CoverGridView::imageDropped, this, [this](int row, const QString &imagePath) {
        emit coverImageDropped(gridRelease(row), imagePath);
    });
    // The grid is rebuilt when the filter changes: the release shown stays current in it.
    connect(m_gridModel, &QAbstractItemModel::modelReset, this, [this] {
        const QScopedValueRollback guard(m_selecting, true);
        const QModelIndex current = m_tree->currentIndex();
        const int row = m_gridModel->rowOf(current.data(CatalogModel::CatalogIdRole).toString(),
            current.data(CatalogModel::ReleaseIdRole).toString());
        m_coverGrid->view()->setCurrentIndex(m_gridModel->index(row, 0));
    });
    connect(m_catalogs, &CatalogModel::catalogsChanged, this,
        [this] { m_coverGrid->view()->setShowsCatalog(m_catalogs->isGroupedByCatalog()); });
    m_coverGrid->view()->setShowsCatalog(m_catalogs->isGroupedByCatalog());
}

Location CatalogBrowser::gridRelease(int row) const
{
    const QModelIndex index = m_gridModel->index(row, 0);
    return {Location::Release, index.data(CatalogModel::CatalogIdRole).toString(),
        index.data(CatalogModel::ReleaseIdRole).toString(), {}};
}

void CatalogBrowser::gridCurrentChanged()
{
    const QModelIndex index = m_coverGrid->view()->currentIndex();
    if (m_selecting || !index.isValid())
        return;
    const Location release = gridRelease(index.row());
    select(release);
    emit locationActivated(release);
}

void CatalogBrowser::setUserData(const UserDataTracker *userData)
{
    m_filterModel->setUserData(userData);
}

void CatalogBrowser::setThemeMarkers(const UserDatabase *userData)
{
    m_themeModel->setUserData(userData);
}

void CatalogBrowser::createThemeList()
{
    m_themeModel = new ThemeListModel(m_catalogs, this);
    m_themeSortModel = new QSortFilterProxyModel(this);
    m_themeSortModel->setSourceModel(m_themeModel);
    m_themeSortModel->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_themeSortModel->setSortLocaleAware(true);
    m_themeSortModel->setSortRole(ThemeListModel::SortRole);

    m_themeList = new QTreeView;
    m_themeList->setObjectName(u"themeList"_s);
    m_themeList->setModel(m_themeSortModel);
    m_themeList->setRootIsDecorated(false);
    m_themeList->setUniformRowHeights(true);
    m_themeList->setAllColumnsShowFocus(true);
    m_themeList->setSortingEnabled(true);
    m_themeList->sortByColumn(ThemeListModel::NameColumn, Qt::AscendingOrder);
    setUpThemeColumns();
    m_tabs->addTab(m_themeList, tr("Themes"));

    connect(m_themeList->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &CatalogBrowser::themeActivated);
    // Activating the first or last cue heard opens that cue; any other cell, the theme.
    connect(m_themeList, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QVariant cue = index.data(ThemeListModel::CueRole);
        if (!cue.isValid()) {
            themeActivated();
            return;
        }
        const CueKey key = cue.value<CueKey>();
        emit locationActivated({Location::Cue, key.catalogId, key.cueId, {}});
    });
}

// The name takes the room left; counts fit their numbers; the composer, which the theme's page
// gives, starts hidden. The header's context menu shows and hides any column but the name.
void CatalogBrowser::setUpThemeColumns()
{
    QHeaderView *header = m_themeList->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ThemeListModel::NameColumn, QHeaderView::Stretch);
    for (const int column :
        {ThemeListModel::CuesColumn, ThemeListModel::ReleasesColumn, ThemeListModel::ShareColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    const int cueTitleWidth = m_themeList->fontMetrics().averageCharWidth() * 16;
    header->resizeSection(ThemeListModel::FirstHeardColumn, cueTitleWidth);
    header->resizeSection(ThemeListModel::LastHeardColumn, cueTitleWidth);
    header->setSectionHidden(ThemeListModel::ComposerColumn, true);

    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu menu;
        for (int column = ThemeListModel::NameColumn + 1; column < ThemeListModel::ColumnCount;
             ++column) {
            QAction *shown
                = menu.addAction(m_themeModel->headerData(column, Qt::Horizontal).toString());
            shown->setCheckable(true);
            shown->setChecked(!header->isSectionHidden(column));
            connect(shown, &QAction::toggled, header,
                [header, column](bool on) { header->setSectionHidden(column, !on); });
        }
        menu.exec(header->viewport()->mapToGlobal(pos));
    });
}

void CatalogBrowser::treeCurrentChanged()
{
    if (m_selecting)
        return;
    const QModelIndex index = m_tree->currentIndex();
    const QString catalogId = index.data(CatalogModel::CatalogIdRole).toString();
    const QString releaseId = index.data(CatalogModel::ReleaseIdRole).toString();
    Location location;
    switch (index.data(CatalogModel::KindRole).toInt()) {
    case CatalogModel::ReleaseItem:
        location = {Location::Release, catalogId, releaseId, {}};
        break;
    case CatalogModel::TrackItem:
        location = cueLocation(index);
        break;
    default:
        return;
    }
    // The grid's current cover follows, for when the user switches to it.
    select(location);
    emit locationActivated(location);
}

Location CatalogBrowser::cueLocation(const QModelIndex &track)
{
    return {Location::Cue, track.data(CatalogModel::CatalogIdRole).toString(),
        track.data(CatalogModel::CueIdRole).toString(),
        track.data(CatalogModel::ReleaseIdRole).toString()};
}

void CatalogBrowser::themeActivated()
{
    const QModelIndex index = m_themeList->currentIndex();
    if (m_selecting || !index.isValid())
        return;
    emit locationActivated({Location::Theme, index.data(ThemeListModel::CatalogIdRole).toString(),
        index.data(ThemeListModel::ThemeIdRole).toString(), {}});
}

void CatalogBrowser::select(const Location &location)
{
    const QScopedValueRollback guard(m_selecting, true);
    QModelIndex source;
    if (location.kind == Location::Release) {
        source = m_catalogs->indexOfRelease(location.catalogId, location.id);
    } else if (location.kind == Location::Cue) {
        const QList<QModelIndex> tracks = m_catalogs->indexesOfCue(location.cueKey());
        const auto onRelease
            = std::find_if(tracks.begin(), tracks.end(), [&](const QModelIndex &track) {
                  return track.data(CatalogModel::ReleaseIdRole).toString() == location.releaseId;
              });
        source = onRelease != tracks.end() ? *onRelease : tracks.value(0);
    }
    QModelIndex row = m_filterModel->mapFromSource(source);
    if (source.isValid() && !row.isValid()) {
        m_searchField->clear();
        row = m_filterModel->mapFromSource(source);
    }
    if (row.isValid()) {
        m_tree->setCurrentIndex(row);
        m_tree->scrollTo(row);
    } else if (location.kind != Location::Theme) {
        m_tree->setCurrentIndex({});
    }
    if (location.kind == Location::Release || location.kind == Location::Cue) {
        const QString releaseId = location.kind == Location::Release
            ? location.id
            : row.data(CatalogModel::ReleaseIdRole).toString();
        const QModelIndex cover
            = m_gridModel->index(m_gridModel->rowOf(location.catalogId, releaseId), 0);
        m_coverGrid->view()->setCurrentIndex(cover);
        if (cover.isValid())
            m_coverGrid->view()->scrollTo(cover);
    }

    const QModelIndex theme = location.kind == Location::Theme
        ? m_themeSortModel->mapFromSource(m_themeModel->indexOfTheme(location.id))
        : QModelIndex();
    // On the theme's row already (in a census column, say), the current cell stays where it is.
    if (m_themeList->currentIndex().siblingAtColumn(0) != theme)
        m_themeList->setCurrentIndex(theme);
    if (theme.isValid())
        m_themeList->scrollTo(theme);
}

void CatalogBrowser::setTrackActions(const QList<QAction *> &actions)
{
    m_tree->addActions(actions);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
}

void CatalogBrowser::focusSearch()
{
    m_searchField->setFocus(Qt::ShortcutFocusReason);
    m_searchField->selectAll();
}

void CatalogBrowser::showReleases()
{
    m_tabs->setCurrentWidget(m_treeStack);
    if (m_releaseView == ReleaseView::Covers)
        m_coverGrid->view()->setFocus(Qt::ShortcutFocusReason);
    else
        m_tree->setFocus(Qt::ShortcutFocusReason);
}

void CatalogBrowser::showReleasesAs(ReleaseView view)
{
    const bool changed = view != m_releaseView;
    m_releaseView = view;
    updateTreeState();
    showReleases();
    if (changed)
        emit releaseViewChanged(view);
}

void CatalogBrowser::showThemes()
{
    m_tabs->setCurrentWidget(m_themeList);
    m_themeList->setFocus(Qt::ShortcutFocusReason);
}

void CatalogBrowser::expandAll()
{
    m_tree->expandAll();
}

void CatalogBrowser::collapseAll()
{
    m_tree->collapseAll();
}

void CatalogBrowser::updateTreeState()
{
    const QString query = m_searchField->text().trimmed();
    const bool noMatch = !query.isEmpty() && m_filterModel->rowCount() == 0;
    if (noMatch) {
        m_noMatch->setText(tr("<p style='font-size:large'>No match</p>"
                              "<p>Nothing in the open catalogs matches “%1”.</p>"
                              "<p>Try fewer words, or press Esc to clear the search.</p>")
                               .arg(query.toHtmlEscaped()));
    }
    QWidget *releases
        = m_releaseView == ReleaseView::Covers ? static_cast<QWidget *>(m_coverGrid) : m_tree;
    m_treeStack->setCurrentWidget(noMatch ? static_cast<QWidget *>(m_noMatch) : releases);
    expandSmallGroups();
}

void CatalogBrowser::expandSmallGroups()
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
    if (!m_catalogs->isGroupedByCatalog()) {
        expandReleases({});
        return;
    }
    for (int row = 0; row < m_filterModel->rowCount(); ++row) {
        const QModelIndex catalog = m_filterModel->index(row, 0);
        m_tree->expand(catalog);
        expandReleases(catalog);
    }
}

QByteArray CatalogBrowser::saveState() const
{
    QByteArray state;
    QDataStream stream(&state, QIODevice::WriteOnly);
    stream << StateVersion << m_tree->header()->saveState() << m_themeList->header()->saveState()
           << qint32(m_tabs->currentIndex()) << qint32(m_releaseView)
           << qint32(m_coverGrid->view()->coverSide());
    return state;
}

void CatalogBrowser::restoreState(const QByteArray &state)
{
    QDataStream stream(state);
    quint32 version = 0;
    QByteArray treeHeader;
    QByteArray themeHeader;
    qint32 tab = 0;
    stream >> version >> treeHeader >> themeHeader >> tab;
    if (stream.status() != QDataStream::Ok || version < 1 || version > StateVersion)
        return;
    m_tree->header()->restoreState(treeHeader);
    if (version >= 2)
        m_themeList->header()->restoreState(themeHeader);
    m_tabs->setCurrentIndex(tab);
    qint32 view = 0;
    qint32 coverSide = 0;
    stream >> view >> coverSide;
    if (version < 3 || stream.status() != QDataStream::Ok)
        return;
    m_coverGrid->view()->setCoverSide(coverSide);
    const auto releaseView
        = view == qint32(ReleaseView::Covers) ? ReleaseView::Covers : ReleaseView::Tree;
    if (releaseView != m_releaseView) {
        m_releaseView = releaseView;
        updateTreeState();
        emit releaseViewChanged(releaseView);
    }
}
