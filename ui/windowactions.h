#pragma once

#include <QCoreApplication>

class QAction;
class QMainWindow;
class QUndoStack;

// The window's commands, each with its text, status tip, shortcut and icon, and the menus and
// the toolbar that offer them. What a command does is wired by the window that owns them.
struct WindowActions
{
    Q_DECLARE_TR_FUNCTIONS(WindowActions)

public:
    // Creates every action as a child of window, and fills its menu bar and toolbar. Undo and
    // Redo act on undoStack, whose commands name them ("Undo Add Marker").
    static WindowActions create(QMainWindow *window, QUndoStack *undoStack);

    QAction *open = nullptr;
    QAction *closeCatalog = nullptr;
    QAction *scan = nullptr;
    QAction *exportNotes = nullptr;
    QAction *importNotes = nullptr;
    QAction *exportLabels = nullptr;
    QAction *importLabels = nullptr;
    QAction *quit = nullptr;
    // Window-wide, yet a text editor with the focus (the search field, a note, a label being
    // typed) keeps Ctrl+Z for its own text: Qt gives it the shortcut first.
    QAction *undo = nullptr;
    QAction *redo = nullptr;
    QAction *find = nullptr;
    QAction *cover = nullptr;
    QAction *drawnCover = nullptr;
    QAction *releases = nullptr;
    QAction *themes = nullptr;
    // Checkable, one of the two checked: how the Releases tab shows the releases.
    QAction *releaseTree = nullptr;
    QAction *releaseCovers = nullptr;
    QAction *themeMap = nullptr;
    QAction *expand = nullptr;
    QAction *collapse = nullptr;
    QAction *playPause = nullptr;
    QAction *play = nullptr;
    QAction *playRelease = nullptr;
    // M, as Audacity's "label at playback position": a letter, so a text editor with the focus
    // takes it as typing and the action does not fire there.
    QAction *addMarker = nullptr;
    QAction *linkFile = nullptr;
    QAction *locate = nullptr;
    QAction *back = nullptr;
    QAction *forward = nullptr;
    QAction *nowPlaying = nullptr;
    QAction *about = nullptr;

private:
    void createMenus(QMainWindow *window) const;
};
