#pragma once

#include "catalog/thememap.h"
#include "navigation/navigationhistory.h"
#include "navigation/paneaction.h"
#include "windowactions.h"

#include <QMainWindow>

class BackForwardButtons;
class CatalogBrowser;
class CatalogModel;
class CoverLoader;
class CoverPicker;
class ThemeMapWindow;
class CoverSourceFinder;
class CueTimeline;
class UserDataTracker;
class DetailView;
class ErrorReporter;
class FileLinker;
class NotesExchanger;
class OpenCatalogs;
class Playback;
class PlayerBar;
class PlayingCueTimeline;
class SessionState;
class UnsavedEdits;
class UserDatabase;
class QSplitter;
class QUndoStack;

// The composition root: the catalog browser on the left, the detail view on the right, the
// menus and the history. It creates the parts and wires them; each part does its own work, and
// every fault of every part reaches the user through the one ErrorReporter.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Without a user database (it could not be opened) browsing works; linking files does not.
    explicit MainWindow(UserDatabase *userData = nullptr, QWidget *parent = nullptr);

    // The bundled catalog is read at once (it is small and compiled in); every other file is
    // read off the GUI thread. A refused file shows its faults and changes nothing.
    void openBundledCatalog();
    void openCatalog(const QString &filePath);
    // Re-opens the catalogs and the selection of the last session, once the files are read.
    void restoreSession();

    // Shows the place and records it in the history, as a click on a link does.
    void navigate(const Location &location);
    // View > Theme Map: the map of the release shown, or of its catalog.
    void showThemeMap();
    Location currentLocation() const { return m_history.current(); }

    CatalogModel *catalogModel() const { return m_catalogModel; }
    Playback *playback() const { return m_playback; }
    ErrorReporter *errorReporter() const { return m_errors; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPanes();
    void createParts();
    void connectParts();
    void connectActions();

    void showLocation(const Location &location);
    void goBack();
    void goForward();
    void updateActions();
    void updateStatus();
    void showNowPlaying();
    void performPaneAction(const PaneAction &action);
    void openThemeMark(const QString &catalogId, const ThemeMap::Mark &mark);
    void seekCue(const Location &cue, qint64 ms);
    void addMarkerAt(qint64 ms);
    void chooseCatalog();
    void closeCurrentCatalog();

    UserDatabase *m_userData = nullptr;
    CatalogModel *m_catalogModel = nullptr;
    UserDataTracker *m_userDataTracker = nullptr;
    // The user's edits of their markers, from every part of the window, to undo and redo.
    QUndoStack *m_undoStack = nullptr;
    NavigationHistory m_history;

    QSplitter *m_splitter = nullptr;
    CatalogBrowser *m_browser = nullptr;
    DetailView *m_detailView = nullptr;
    PlayerBar *m_playerBar = nullptr;
    CueTimeline *m_playingTimeline = nullptr;

    ErrorReporter *m_errors = nullptr;
    OpenCatalogs *m_catalogs = nullptr;
    Playback *m_playback = nullptr;
    PlayingCueTimeline *m_playingCue = nullptr;
    FileLinker *m_linker = nullptr;
    CoverPicker *m_covers = nullptr;
    CoverLoader *m_coverLoader = nullptr;
    ThemeMapWindow *m_themeMap = nullptr;
    CoverSourceFinder *m_coverSources = nullptr;
    NotesExchanger *m_exchanger = nullptr;
    SessionState *m_session = nullptr;
    UnsavedEdits *m_unsavedEdits = nullptr;
    BackForwardButtons *m_backForward = nullptr;

    WindowActions m_actions;
};
