#pragma once

#include "navigation/location.h"

#include <QStringList>
#include <QWidget>

class CatalogFilterModel;
class CatalogModel;
class CoverGrid;
class CoverLoader;
class CoverSourceFinder;
class ReleaseGridModel;
class UserDataTracker;
class SearchField;
class ThemeListModel;
class UserDatabase;
class QAction;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTreeView;

// The left side of the window: the search field over two tabs, the releases and their tracks
// (as a tree, or as a grid of covers over the same filter), and the list of themes. Choosing a
// row or a cover emits the place it stands for; select() shows a place chosen elsewhere, in the
// tree and the grid alike, without emitting anything.
class CatalogBrowser : public QWidget
{
    Q_OBJECT

public:
    enum class ReleaseView { Tree, Covers };

    CatalogBrowser(CatalogModel *catalogs, CoverLoader *covers,
        const CoverSourceFinder *coverSources, QWidget *parent = nullptr);

    // Selects the release or track row (and the theme in the theme list) of the location. A row
    // the search hides clears the search first: a link the user followed must land somewhere.
    void select(const Location &location);

    // What search finds in the user's notes, files and markers (CatalogFilterModel::setUserData).
    void setUserData(const UserDataTracker *userData);
    // Whose markers that name themes the Themes tab counts beside the catalogs' occurrences.
    void setThemeMarkers(const UserDatabase *userData);

    // The actions of the tree's context menu (they act on the current row).
    void setTrackActions(const QList<QAction *> &actions);

    void focusSearch();
    void showReleases();
    void showThemes();
    void expandAll();
    void collapseAll();

    ReleaseView releaseView() const { return m_releaseView; }
    // Shows the Releases tab as the tree or as covers, and focuses it.
    void showReleasesAs(ReleaseView view);

    // Column widths, sort order, the current tab, the release view and the cover size, for
    // QSettings.
    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

signals:
    void locationActivated(const Location &location);
    // A track double-clicked or Enter pressed on it: the user wants to hear it.
    void trackActivated(const Location &location);
    // Local files or folders dropped on a track (a Location::Cue); the model is left as it was.
    void filesDropped(const Location &cue, const QStringList &localPaths);
    // Enter or a double-click on a cover: the user wants the release's tracks.
    void releaseOpened(const Location &release);
    // An image file dropped on a cover (a Location::Release).
    void coverImageDropped(const Location &release, const QString &imagePath);
    void releaseViewChanged(ReleaseView view);

private:
    void createTree();
    void createCoverGrid(CoverLoader *covers, const CoverSourceFinder *coverSources);
    void gridCurrentChanged();
    Location gridRelease(int row) const;
    void createThemeList();
    void setUpThemeColumns();
    void treeCurrentChanged();
    static Location cueLocation(const QModelIndex &track);
    void themeActivated();
    void updateTreeState();
    void expandSmallGroups();

    CatalogModel *m_catalogs = nullptr;
    CatalogFilterModel *m_filterModel = nullptr;
    ThemeListModel *m_themeModel = nullptr;
    QSortFilterProxyModel *m_themeSortModel = nullptr;
    bool m_selecting = false;

    SearchField *m_searchField = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStackedWidget *m_treeStack = nullptr;
    QTreeView *m_tree = nullptr;
    ReleaseGridModel *m_gridModel = nullptr;
    CoverGrid *m_coverGrid = nullptr;
    ReleaseView m_releaseView = ReleaseView::Tree;
    QLabel *m_noMatch = nullptr;
    QTreeView *m_themeList = nullptr;
};
