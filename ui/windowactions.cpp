#include "windowactions.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>

using namespace Qt::StringLiterals;

WindowActions WindowActions::create(QMainWindow *window, QUndoStack *undoStack)
{
    const auto make = [window](const QString &text, const QString &statusTip,
                          const QKeySequence &shortcut = {}, const QIcon &icon = {}) {
        auto *action = new QAction(icon, text, window);
        action->setShortcut(shortcut);
        action->setStatusTip(statusTip);
        return action;
    };
    WindowActions actions;
    actions.open
        = make(tr("&Open Catalog…"), tr("Open a catalog file beside the ones already open"),
            QKeySequence::Open, QIcon::fromTheme(u"document-open"_s));
    actions.closeCatalog = make(
        tr("&Close Catalog"), tr("Close the catalog of the selected item"), QKeySequence::Close);
    actions.quit = make(tr("&Quit"), tr("Quit Cuebook"), QKeySequence::Quit,
        QIcon::fromTheme(u"application-exit"_s));
    actions.undo = undoStack->createUndoAction(window, tr("&Undo"));
    actions.undo->setShortcut(QKeySequence::Undo);
    actions.undo->setStatusTip(tr("Take back the last change to your markers"));
    actions.undo->setIcon(QIcon::fromTheme(u"edit-undo"_s));
    actions.redo = undoStack->createRedoAction(window, tr("&Redo"));
    actions.redo->setShortcut(QKeySequence::Redo);
    actions.redo->setStatusTip(tr("Make the change taken back again"));
    actions.redo->setIcon(QIcon::fromTheme(u"edit-redo"_s));
    actions.find = make(tr("&Find…"), tr("Search titles, composers and themes"), QKeySequence::Find,
        QIcon::fromTheme(u"edit-find"_s));
    actions.back = make(tr("&Back"), tr("Go back to what you looked at before"), QKeySequence::Back,
        window->style()->standardIcon(QStyle::SP_ArrowBack));
    actions.forward = make(tr("&Forward"), tr("Go forward again"), QKeySequence::Forward,
        window->style()->standardIcon(QStyle::SP_ArrowForward));
    actions.nowPlaying = make(tr("&Now Playing"),
        tr("Show the cue that plays, and its track in the list"), Qt::CTRL | Qt::Key_J);
    actions.releases
        = make(tr("&Releases"), tr("Browse the releases and their tracks"), Qt::CTRL | Qt::Key_R);
    actions.themes = make(
        tr("&Themes"), tr("Browse every theme, with how many cues quote it"), Qt::CTRL | Qt::Key_T);
    actions.releaseTree = make(tr("Releases as &List"),
        tr("Show the releases as a list that opens on their tracks"), Qt::CTRL | Qt::Key_1,
        QIcon::fromTheme(u"view-list-tree"_s));
    actions.releaseCovers
        = make(tr("Releases as C&overs"), tr("Show the releases as a grid of their covers"),
            Qt::CTRL | Qt::Key_2, QIcon::fromTheme(u"view-list-icons"_s));
    auto *releaseViews = new QActionGroup(window);
    for (QAction *action : {actions.releaseTree, actions.releaseCovers}) {
        action->setCheckable(true);
        releaseViews->addAction(action);
    }
    actions.releaseTree->setChecked(true);
    actions.themeMap = make(tr("Theme &Map"),
        tr("Draw where each theme is heard in the release or catalog shown"), Qt::CTRL | Qt::Key_3);
    actions.expand
        = make(tr("&Expand All"), tr("Show the tracks of every release"), Qt::CTRL | Qt::Key_Plus);
    actions.collapse
        = make(tr("&Collapse All"), tr("Show only the releases"), Qt::CTRL | Qt::Key_Minus);
    actions.play = make(tr("&Play"), tr("Play the selected track, then the rest of its release"));
    actions.playPause = make(tr("Play/&Pause"), tr("Pause or go on playing"), Qt::Key_Space,
        window->style()->standardIcon(QStyle::SP_MediaPlay));
    actions.playRelease = make(tr("Play &Release"),
        tr("Play the linked tracks of the release in album order"), Qt::CTRL | Qt::Key_P);
    actions.addMarker = make(tr("Add &Marker at Playhead"),
        tr("Mark the moment that plays, in the cue that plays; name it at once"), Qt::Key_M);
    actions.linkFile = make(tr("&Link Audio File…"),
        tr("Link audio files you own to the selected cue"), Qt::CTRL | Qt::Key_L);
    actions.locate = make(tr("L&ocate Missing File…"),
        tr("Find the selected cue's missing audio file where it went"));
    actions.cover = make(
        tr("Set &Cover Image…"), tr("Use an image of your own as the selected release's cover"));
    actions.drawnCover
        = make(tr("Use &Drawn Cover"), tr("Forget the image chosen for the release's cover"));
    actions.scan = make(tr("&Scan Music Folder…"),
        tr("Find the audio files of a folder and link them to the catalog's cues"),
        Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    actions.exportNotes = make(tr("&Export Notes…"),
        tr("Save every note and marker as a JSON backup, or as Markdown to read and share"));
    actions.importNotes = make(tr("&Import Notes…"),
        tr("Bring back the notes and markers of a JSON backup; nothing is doubled"));
    actions.exportLabels = make(tr("Export Audacity &Labels…"),
        tr("Save the markers of the cue shown as an Audacity label file"));
    actions.importLabels = make(tr("Import &Audacity Labels…"),
        tr("Add the labels of an Audacity or Sonic Visualiser label file to the cue shown as "
           "markers"));
    actions.about
        = make(tr("&About Cuebook"), tr("Who made Cuebook, and the sources of its catalog"));
    actions.createMenus(window);
    return actions;
}

void WindowActions::createMenus(QMainWindow *window) const
{
    QMenu *file = window->menuBar()->addMenu(tr("&File"));
    file->addActions({open, closeCatalog});
    file->addSeparator();
    file->addAction(scan);
    file->addSeparator();
    file->addActions({importNotes, exportNotes});
    file->addSeparator();
    file->addActions({importLabels, exportLabels});
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = window->menuBar()->addMenu(tr("&Edit"));
    edit->addActions({undo, redo});
    edit->addSeparator();
    edit->addAction(find);
    edit->addSeparator();
    edit->addActions({cover, drawnCover});

    QMenu *view = window->menuBar()->addMenu(tr("&View"));
    view->addActions({releases, themes});
    view->addSeparator();
    view->addActions({releaseTree, releaseCovers});
    view->addSeparator();
    view->addAction(themeMap);
    view->addSeparator();
    view->addActions({expand, collapse});

    QMenu *playing = window->menuBar()->addMenu(tr("&Play"));
    playing->addActions({playPause, play, playRelease});
    playing->addSeparator();
    playing->addAction(addMarker);
    playing->addSeparator();
    playing->addActions({linkFile, locate});

    QMenu *go = window->menuBar()->addMenu(tr("&Go"));
    go->addActions({back, forward});
    go->addSeparator();
    go->addAction(nowPlaying);

    QMenu *help = window->menuBar()->addMenu(tr("&Help"));
    help->addAction(about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *toolBar = window->addToolBar(tr("Navigation"));
    toolBar->setObjectName(u"navigationToolBar"_s);
    toolBar->setMovable(false);
    toolBar->addActions({back, forward});
    toolBar->addSeparator();
    toolBar->addAction(open);
}
