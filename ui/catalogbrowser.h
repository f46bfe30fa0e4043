#pragma once

#include "navigation/location.h"

#include <QStringList>
#include <QWidget>

class CatalogFilterModel;
class CatalogModel;
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

// The left side of the window: the search field over two tabs, the releases and their tracks,
// and the list of themes. Choosing a row emits the place it stands for; select() shows a place
// chosen elsewhere without emitting anything.
class CatalogBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit CatalogBrowser(CatalogModel *catalogs, QWidget *parent = nullptr);

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

    // Column widths, sort order and the current tab, for QSettings.
    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

signals:
    void locationActivated(const Location &location);
    // A track double-clicked or Enter pressed on it: the user wants to hear it.
    void trackActivated(const Location &location);
    // Local files or folders dropped on a track (a Location::Cue); the model is left as it was.
    void filesDropped(const Location &cue, const QStringList &localPaths);

private:
    void createTree();
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
    QLabel *m_noMatch = nullptr;
    QTreeView *m_themeList = nullptr;
};
