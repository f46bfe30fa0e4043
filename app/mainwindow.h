#pragma once

#include "catalogloader.h"
#include "navigationhistory.h"

#include <QMainWindow>

class CatalogFilterModel;
class CatalogModel;
class CuePane;
class ReleasePane;
class SearchField;
class ThemeListModel;
class ThemePane;
class QAction;
class QLabel;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTreeView;
class QWidget;

// The composition root: the catalog tree and its search field, the detail panes, the theme
// list, the menus and the history. It wires and routes; the panes and models do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The bundled catalog is read at once (it is small and compiled in); every other file is
    // read off the GUI thread. A refused file shows its faults and changes nothing.
    void openBundledCatalog();
    void openCatalog(const QString &filePath);
    // Re-opens the catalogs and selection of the last session, once the files are read.
    void restoreSession();

    // Shows the place and records it in the history, as a click on a link does.
    void navigate(const Location &location);
    Location currentLocation() const { return m_history.current(); }

    CatalogModel *catalogModel() const { return m_catalogModel; }

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void createBrowser();
    void createPanes();
    void createThemeList();
    void createActions();
    void createMenus();
    void createStatusBar();
    void readSettings();
    void writeSettings() const;

    void showLocation(const Location &location);
    void goBack();
    void goForward();
    void treeCurrentChanged();
    void selectInTree(const Location &location);
    void selectInThemeList(const Location &location);
    void updateNavigationActions();
    void updateTreeState();
    void expandSmallGroups();

    void chooseCatalog();
    void closeCurrentCatalog();
    void catalogRead(const CatalogLoader::Result &result);
    void loadingChanged(bool busy);
    void showCatalogFaults(const QString &filePath, const QStringList &faults);
    void showAbout();

    CatalogModel *m_catalogModel = nullptr;
    CatalogFilterModel *m_filterModel = nullptr;
    CatalogLoader *m_loader = nullptr;
    ThemeListModel *m_themeModel = nullptr;
    QSortFilterProxyModel *m_themeSortModel = nullptr;
    NavigationHistory m_history;
    // The files opened beside the bundled catalog, in order, as the user named them.
    QStringList m_openFiles;
    Location m_pendingLocation;
    bool m_syncingSelection = false;
    bool m_reportedFirstPaint = false;

    QSplitter *m_splitter = nullptr;
    SearchField *m_searchField = nullptr;
    QTabWidget *m_browserTabs = nullptr;
    QStackedWidget *m_treeStack = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_noMatch = nullptr;
    QStackedWidget *m_paneStack = nullptr;
    QLabel *m_placeholder = nullptr;
    ReleasePane *m_releasePane = nullptr;
    CuePane *m_cuePane = nullptr;
    ThemePane *m_themePane = nullptr;
    QTreeView *m_themeList = nullptr;
    QWidget *m_loadingIndicator = nullptr;
    QLabel *m_loadingLabel = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_closeCatalogAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_releasesAction = nullptr;
    QAction *m_themesAction = nullptr;
    QAction *m_expandAction = nullptr;
    QAction *m_collapseAction = nullptr;
    QAction *m_aboutAction = nullptr;
};
