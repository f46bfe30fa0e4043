#pragma once

#include "navigation/location.h"

#include <QObject>
#include <QSettings>

class CatalogBrowser;
class DetailView;
class OpenCatalogs;
class Playback;
class QMainWindow;
class QSplitter;

// The window as the user left it, kept in QSettings for the next start: its geometry and
// toolbars, the splitters and the browser's columns, the catalog files open, the place shown,
// the volume and the cue that played. The layout comes back at once; the place and the cue once
// the catalogs are read. Settings that cannot be read or written are said, never ignored.
class SessionState : public QObject
{
    Q_OBJECT

public:
    SessionState(QMainWindow *window, QSplitter *splitter, CatalogBrowser *browser,
        DetailView *detailView, OpenCatalogs *catalogs, Playback *playback);

    // Before the window shows. False, with errorString(), when the settings could not be read:
    // the window then has its first-start layout.
    bool restoreLayout();
    // Opens the catalog files of the last session again; once they are read, queues the cue
    // that played and emits locationRestored.
    void restore();
    // False, with errorString(), when the settings file could not be written.
    bool save(const Location &current);
    // The catalog files open when the window last closed, for the command line.
    static QStringList savedCatalogFiles();
    QString errorString() const { return m_errorString; }

signals:
    void locationRestored(const Location &location);

private:
    void catalogsBusyChanged(bool busy);
    void finishRestore();
    bool check(const QSettings &settings, const QString &failure);

    QMainWindow *m_window = nullptr;
    QSplitter *m_splitter = nullptr;
    CatalogBrowser *m_browser = nullptr;
    DetailView *m_detailView = nullptr;
    OpenCatalogs *m_catalogs = nullptr;
    Playback *m_playback = nullptr;
    // Between restore() and the moment the catalogs it opened are read.
    bool m_restoring = false;
    Location m_pendingLocation;
    QString m_errorString;
};
