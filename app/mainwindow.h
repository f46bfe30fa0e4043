#pragma once

#include "navigation/navigationhistory.h"

#include <QMainWindow>

class CatalogBrowser;
class CatalogModel;
class DetailView;
class FileLinker;
class OpenCatalogs;
class Playback;
class PlayerBar;
class UserDatabase;
class QAction;
class QSplitter;

// The composition root: the catalog browser on the left, the detail view on the right, the
// menus, the history and the settings. It wires and routes; panes and models do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Without a user database (it could not be opened) browsing works; linking files does not.
    explicit MainWindow(UserDatabase *userData = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The bundled catalog is read at once (it is small and compiled in); every other file is
    // read off the GUI thread. A refused file shows its faults and changes nothing.
    void openBundledCatalog();
    void openCatalog(const QString &filePath);
    // Re-opens the catalogs and the selection of the last session, once the files are read.
    void restoreSession();

    // Shows the place and records it in the history, as a click on a link does.
    void navigate(const Location &location);
    Location currentLocation() const { return m_history.current(); }

    CatalogModel *catalogModel() const { return m_catalogModel; }

    Playback *playback() const { return m_playback; }

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QAction *makeAction(const QString &text, const QString &statusTip,
        const QKeySequence &shortcut = {}, const QIcon &icon = {});
    void createActions();
    void createMenus();
    void readSettings();
    void writeSettings() const;

    void showLocation(const Location &location);
    void goBack();
    void goForward();
    void updateActions();
    void updateStatus();

    void chooseCatalog();
    void closeCurrentCatalog();
    void loadingChanged(bool busy);
    void chooseCoverImage();
    void showNowPlaying();

    CatalogModel *m_catalogModel = nullptr;
    OpenCatalogs *m_catalogs = nullptr;
    UserDatabase *m_userData = nullptr;
    Playback *m_playback = nullptr;
    FileLinker *m_linker = nullptr;
    NavigationHistory m_history;
    Location m_pendingLocation;
    bool m_restoringPlayer = false;
    bool m_reportedFirstPaint = false;

    QSplitter *m_splitter = nullptr;
    CatalogBrowser *m_browser = nullptr;
    DetailView *m_detailView = nullptr;
    PlayerBar *m_playerBar = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_closeCatalogAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_nowPlayingAction = nullptr;
    QAction *m_releasesAction = nullptr;
    QAction *m_themesAction = nullptr;
    QAction *m_expandAction = nullptr;
    QAction *m_collapseAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_playAction = nullptr;
    QAction *m_playPauseAction = nullptr;
    QAction *m_playReleaseAction = nullptr;
    QAction *m_linkFileAction = nullptr;
    QAction *m_locateAction = nullptr;
    QAction *m_scanAction = nullptr;
    QAction *m_coverAction = nullptr;
    QAction *m_drawnCoverAction = nullptr;
};
