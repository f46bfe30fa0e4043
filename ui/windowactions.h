#pragma once

#include <QCoreApplication>

class QAction;
class QMainWindow;

// The window's commands, each with its text, status tip, shortcut and icon, and the menus and
// the toolbar that offer them. What a command does is wired by the window that owns them.
struct WindowActions
{
    Q_DECLARE_TR_FUNCTIONS(WindowActions)

public:
    // Creates every action as a child of window, and fills its menu bar and toolbar.
    static WindowActions create(QMainWindow *window);

    QAction *open = nullptr;
    QAction *closeCatalog = nullptr;
    QAction *scan = nullptr;
    QAction *quit = nullptr;
    QAction *find = nullptr;
    QAction *cover = nullptr;
    QAction *drawnCover = nullptr;
    QAction *releases = nullptr;
    QAction *themes = nullptr;
    QAction *expand = nullptr;
    QAction *collapse = nullptr;
    QAction *playPause = nullptr;
    QAction *play = nullptr;
    QAction *playRelease = nullptr;
    QAction *linkFile = nullptr;
    QAction *locate = nullptr;
    QAction *back = nullptr;
    QAction *forward = nullptr;
    QAction *nowPlaying = nullptr;
    QAction *about = nullptr;

private:
    void createMenus(QMainWindow *window) const;
};
