#include "sessionstate.h"

#include "catalogbrowser.h"
#include "opencatalogs.h"
#include "panes/detailview.h"
#include "playback.h"

#include <QMainWindow>
#include <QSplitter>

using namespace Qt::StringLiterals;

namespace {

// Settings keys, in one place (Playback keeps its own).
const QString GeometryKey = u"window/geometry"_s;
const QString StateKey = u"window/state"_s;
const QString SplitterKey = u"window/splitter"_s;
const QString BrowserKey = u"window/browser"_s;
const QString DetailKey = u"window/detail"_s;
const QString OpenFilesKey = u"catalogs/files"_s;
const QString LastLocationKey = u"navigation/last"_s;

} // namespace

SessionState::SessionState(QMainWindow *window, QSplitter *splitter, CatalogBrowser *browser,
    DetailView *detailView, OpenCatalogs *catalogs, Playback *playback)
    : QObject(window)
    , m_window(window)
    , m_splitter(splitter)
    , m_browser(browser)
    , m_detailView(detailView)
    , m_catalogs(catalogs)
    , m_playback(playback)
{
    connect(m_catalogs, &OpenCatalogs::busyChanged, this, &SessionState::catalogsBusyChanged);
}

bool SessionState::restoreLayout()
{
    const QSettings settings;
    if (!m_window->restoreGeometry(settings.value(GeometryKey).toByteArray()))
        m_window->resize(1280, 800);
    m_window->restoreState(settings.value(StateKey).toByteArray());
    if (!m_splitter->restoreState(settings.value(SplitterKey).toByteArray()))
        m_splitter->setSizes({620, 660});
    m_browser->restoreState(settings.value(BrowserKey).toByteArray());
    // Without a saved state the panes keep their own first-start sizes.
    m_detailView->restoreLayout(settings.value(DetailKey).toByteArray());
    m_playback->restoreVolume(settings);
    return check(settings,
        tr("The settings in “%1” could not be read: the window starts as on a first start."));
}

void SessionState::restore()
{
    const QSettings settings;
    m_pendingLocation = Location::fromStringList(settings.value(LastLocationKey).toStringList());
    m_restoring = true;
    for (const QString &file : settings.value(OpenFilesKey).toStringList())
        m_catalogs->open(file);
    if (!m_catalogs->isBusy())
        finishRestore();
}

void SessionState::catalogsBusyChanged(bool busy)
{
    if (!busy && m_restoring)
        finishRestore();
}

void SessionState::finishRestore()
{
    m_restoring = false;
    m_playback->restoreSession(QSettings());
    if (m_pendingLocation.isValid())
        emit locationRestored(std::exchange(m_pendingLocation, {}));
}

bool SessionState::save(const Location &current)
{
    QSettings settings;
    settings.setValue(GeometryKey, m_window->saveGeometry());
    settings.setValue(StateKey, m_window->saveState());
    settings.setValue(SplitterKey, m_splitter->saveState());
    settings.setValue(BrowserKey, m_browser->saveState());
    settings.setValue(DetailKey, m_detailView->saveLayout());
    settings.setValue(OpenFilesKey, m_catalogs->files());
    settings.setValue(LastLocationKey, current.toStringList());
    m_playback->saveSession(settings);
    settings.sync();
    return check(settings,
        tr("The open catalogs and the window's layout could not be saved to “%1”: the next start "
           "begins without them."));
}

QStringList SessionState::savedCatalogFiles()
{
    return QSettings().value(OpenFilesKey).toStringList();
}

bool SessionState::check(const QSettings &settings, const QString &failure)
{
    if (settings.status() == QSettings::NoError)
        return true;
    m_errorString = failure.arg(settings.fileName());
    return false;
}
