#include "panes/cuepane.h"

#include "catalog/occurrences.h"
#include "catalog/timecode.h"
#include "itemmodels/catalogmodel.h"
#include "itemmodels/markermodel.h"
#include "markers/markertable.h"
#include "notes/noteeditor.h"
#include "panes/panebrowser.h"
#include "panes/panehtml.h"
#include "timeline/cuetimeline.h"
#include "timeline/cuetimelinefeed.h"
#include "userdata/filelinkstore.h"
#include "userdata/markercommands.h"
#include "userdata/markeroccurrences.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSplitter>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

CuePane::CuePane(const CatalogModel *catalogs, QWidget *parent)
    : QWidget(parent)
    , m_catalogs(catalogs)
{
    Q_ASSERT(catalogs);
    m_browser = new PaneBrowser;
    // The page on top; below it, the cue's timeline over the notebook of what the user keeps
    // about the cue, a tab each.
    m_noteEditor = new NoteEditor;
    m_markers = new MarkerPanel(catalogs);
    m_notebook = new QTabWidget;
    m_notebook->setObjectName(u"cueNotebook"_s);
    m_notebook->setDocumentMode(true);
    m_notebook->addTab(m_noteEditor, tr("Note"));
    m_notebook->addTab(m_markers, tr("Markers"));
    m_timeline = new CueTimeline;
    m_timeline->setObjectName(u"cueTimeline"_s);
    // Clear of the splitter's handle above it and the pane's edges.
    m_timeline->setContentsMargins(6, 4, 6, 2);
    m_timelineFeed = new CueTimelineFeed(catalogs, m_timeline);
    m_notebookArea = new QWidget;
    m_notebookLayout = new QVBoxLayout(m_notebookArea);
    m_notebookLayout->setContentsMargins(0, 0, 0, 0);
    m_notebookLayout->setSpacing(0);
    m_notebookLayout->addWidget(m_timeline);
    m_notebookLayout->addWidget(m_notebook);
    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(u"cuePaneSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_browser);
    m_splitter->addWidget(m_notebookArea);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    // The same shares at the first start, until the user moves the handle (SessionState keeps
    // where): left to the size hints, the timeline and the tabs took half the pane.
    m_splitter->setSizes({600, 400});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    setFocusProxy(m_browser);
    connect(m_markers, &MarkerPanel::countChanged, this, &CuePane::updateMarkersTab);
    connectTimeline();

    connect(m_browser, &PaneBrowser::locationActivated, this, &CuePane::locationActivated);
    connect(m_browser, &PaneBrowser::actionRequested, this, &CuePane::actionRequested);
    connect(
        m_browser, &PaneBrowser::refreshDue, this, [this] { render(PaneBrowser::Scroll::Keep); });
    // The pane keeps ids, not pointers: when catalogs come and go it looks its cue up again.
    connect(catalogs, &CatalogModel::catalogsChanged, this, &CuePane::refresh);
    connect(catalogs, &CatalogModel::fileStateChanged, this, [this](const CueKey &cue) {
        if (cue == m_cue)
            m_browser->refreshLater();
    });
}

void CuePane::setUserData(UserDatabase *userData)
{
    if (m_userData) {
        disconnect(m_userData->fileLinks(), nullptr, this, nullptr);
        disconnect(m_userData->markers(), nullptr, this, nullptr);
    }
    m_userData = userData;
    const auto refreshShownCue = [this](const CueKey &cue) {
        if (cue == m_cue)
            m_browser->refreshLater();
    };
    if (userData) {
        connect(userData->fileLinks(), &FileLinkStore::linksChanged, this, refreshShownCue);
        // The user's markers with a theme are among the themes heard.
        connect(userData->markers(), &MarkerStore::markersChanged, this, refreshShownCue);
    }
    m_markers->setStore(userData && userData->isOpen() ? userData->markers() : nullptr);
    m_timelineFeed->setUserData(userData);
    m_noteEditor->setUserData(userData);
    render(PaneBrowser::Scroll::Keep);
}

void CuePane::setWaveformLoader(WaveformLoader *loader)
{
    m_timelineFeed->setWaveformLoader(loader);
}

void CuePane::setPlayhead(const CueKey &cue, qint64 ms)
{
    m_playingCue = cue;
    m_playingMs = cue.cueId.isEmpty() ? -1 : ms;
    m_timeline->setPosition(cue == m_cue && !cue.cueId.isEmpty() ? m_playingMs : -1);
}

void CuePane::connectTimeline()
{
    // A moment of a cue with a file plays from there: for the cue that plays, a seek, which
    // keeps the rest of its release queued.
    connect(m_timeline, &CueTimeline::seekRequested, this, [this](qint64 ms) {
        if (!m_cue.cueId.isEmpty() && m_playingCue == m_cue)
            emit actionRequested(PaneAction {PaneAction::Seek, cueLocation(), ms, {}});
        else if (isPlayable())
            emit actionRequested(PaneAction {PaneAction::Play, cueLocation(), ms, {}});
    });
    connect(m_timeline, &CueTimeline::addMarkerRequested, this, [this](qint64 ms) {
        const QString id = m_markers->model()->addMarkerAt(ms);
        if (!id.isEmpty())
            editMarkerLabel(id);
    });
    connect(m_timeline, &CueTimeline::markerMoved, this, &CuePane::moveMarker);
    // The marker selected on the timeline is the one selected in the table, both ways.
    connect(m_timeline, &CueTimeline::selectedMarkerChanged, this, [this](const QString &id) {
        const int row = m_markers->model()->rowOf(id);
        if (row >= 0 && !m_markers->table()->selectedMarkerIds().contains(id))
            m_markers->table()->selectRow(row);
    });
    connect(m_markers->table(), &MarkerTable::selectedMarkersChanged, this, [this] {
        const QStringList ids = m_markers->table()->selectedMarkerIds();
        m_timeline->setSelectedMarker(ids.isEmpty() ? QString() : ids.first());
    });
}

// One drag, one step to undo. Without an undo stack markers are read-only: the timeline shows
// the stored marker again.
void CuePane::moveMarker(const QString &markerId, qint64 startMs, qint64 endMs)
{
    MarkerStore *store = m_markers->model()->store();
    QUndoStack *stack = m_markers->model()->undoStack();
    if (!EditMarkerCommand::pushMove(stack, store, markerId, startMs, endMs))
        m_timeline->setMarkers(store ? store->markers(m_cue) : QList<Marker>());
}

void CuePane::setUndoStack(QUndoStack *stack)
{
    m_markers->setUndoStack(stack);
}

void CuePane::setPlayheadLookup(MarkerPanel::PlayheadLookup lookup)
{
    m_markers->setPlayheadLookup(std::move(lookup));
}

bool CuePane::editMarkerLabel(const QString &markerId)
{
    if (m_markers->model()->rowOf(markerId) < 0)
        return false;
    m_notebook->setCurrentWidget(m_markers);
    return m_markers->editLabel(markerId);
}

void CuePane::updateMarkersTab(int count)
{
    const int tab = m_notebook->indexOf(m_markers);
    m_notebook->setTabText(tab, count > 0 ? tr("Markers (%1)").arg(count) : tr("Markers"));
    QString tip = tr("%1 markers on this cue").arg(count);
    if (count == 0)
        tip = tr("No marker on this cue yet");
    else if (count == 1)
        tip = tr("1 marker on this cue");
    m_notebook->setTabToolTip(tab, tip);
}

void CuePane::showCue(const CueKey &cue, const QString &releaseId)
{
    const Catalog *catalog = m_catalogs->catalog(cue.catalogId);
    if (!catalog || !catalog->cue(cue.cueId)) {
        clear();
        return;
    }
    m_cue = cue;
    m_releaseId = releaseId;
    m_markers->setCue(cue);
    m_timelineFeed->setCue(cue);
    setPlayhead(m_playingCue, m_playingMs);
    m_noteEditor->setCue(cue);
    render();
}

void CuePane::clear()
{
    m_cue = {};
    m_releaseId.clear();
    m_markers->setCue({});
    m_timelineFeed->setCue({});
    m_noteEditor->setCue({});
    m_browser->setPageHtml(QString());
}

void CuePane::saveEdits()
{
    m_noteEditor->save();
}

QByteArray CuePane::saveLayout() const
{
    return m_splitter->saveState();
}

bool CuePane::restoreLayout(const QByteArray &state)
{
    return m_splitter->restoreState(state);
}

void CuePane::refresh()
{
    // Shows the same subject again over the catalogs now open; one that is gone clears.
    showCue(m_cue, m_releaseId);
}

void CuePane::render(PaneBrowser::Scroll scroll)
{
    const Catalog *catalog = m_catalogs->catalog(m_cue.catalogId);
    const Cue *cue = catalog ? catalog->cue(m_cue.cueId) : nullptr;
    if (!cue)
        return;
    m_browser->setPageHtml(headerHtml(*catalog, *cue) + PaneHtml::paragraph(cue->description)
            + filesHtml(*cue) + themesHtml(*catalog) + excerptsHtml(*catalog, *cue),
        scroll);
}

Location CuePane::cueLocation() const
{
    return Location {Location::Cue, m_cue.catalogId, m_cue.cueId, m_releaseId};
}

bool CuePane::isPlayable() const
{
    return m_catalogs->fileState(m_cue) == FileState::Linked;
}

QString CuePane::headerHtml(const Catalog &catalog, const Cue &cue) const
{
    QStringList composers = cue.composers;
    const QList<TrackRef> places = catalog.tracksOfCue(cue.id);
    // A cue the catalog names no composer for is the release's work, as the tree shows it.
    if (composers.isEmpty() && !places.isEmpty())
        composers = catalog.releases.at(places.first().release).artists;

    const qint64 duration = catalog.cueDurationMs(cue.id);
    using PaneHtml::escaped;
    return PaneHtml::title(cue.title) + PaneHtml::subtitle(PaneHtml::nameList(composers))
        + PaneHtml::facts({
            {tr("Duration"),
                duration < 0 ? escaped(tr("unknown")) : escaped(TimeCode::formatSeconds(duration))},
            {tr("Episode"), escaped(cue.episode)},
            {tr("Performed by"), escaped(PaneHtml::nameList(cue.performers))},
            {tr("Appears on"), placesHtml(catalog, cue)},
        });
}

// "Season 1, Chapter 1 · track 1", one line per release the cue stands on.
QString CuePane::placesHtml(const Catalog &catalog, const Cue &cue) const
{
    QStringList lines;
    for (const TrackRef &ref : catalog.tracksOfCue(cue.id)) {
        const Release &release = catalog.releases.at(ref.release);
        const QString number = CatalogModel::trackNumberText(release, release.tracks.at(ref.track));
        lines.append(
            tr("%1 · track %2")
                .arg(PaneHtml::releaseLink(catalog, release.id), PaneHtml::escaped(number)));
    }
    return lines.join(u"<br>");
}

// The files in play order, each with what can be done to it. The first one on disk is the one
// that plays, as FileLinkStore::preferredFile() picks it.
QString CuePane::filesHtml(const Cue &cue) const
{
    QString html = PaneHtml::sectionHeading(tr("Audio files"));
    if (!m_userData || !m_userData->isOpen()) {
        return html
            + PaneHtml::emptyState(tr("Your user database could not be opened, so no audio file "
                                      "can be linked to this cue."));
    }
    const QList<FileLink> links = m_userData->fileLinks()->links(m_cue);
    if (links.isEmpty()) {
        html += PaneHtml::emptyState(
            tr("No audio file is linked to this cue. Link one, drop a file on the track in the "
               "list, or scan a music folder (File > Scan Music Folder…)."));
    }
    const bool unplayable = m_catalogs->fileState(m_cue) == FileState::Unplayable;
    bool playingFound = false;
    for (const FileLink &link : links) {
        FileRole role = SpareFile;
        if (!QFileInfo::exists(link.file.path))
            role = MissingFile;
        else if (!std::exchange(playingFound, true))
            role = unplayable ? UnplayableFile : PlayingFile;
        html += fileHtml(link, role, fileActions(cue, link, role, links.size()));
    }
    return html
        + PaneHtml::actions({fileActionLink(PaneAction::LinkFile, {}, tr("Link Audio File…"),
            tr("Choose audio files for “%1”").arg(cue.title))});
}

// The file's name (its full path as the tooltip) and state; then its format, duration and folder.
QString CuePane::fileHtml(const FileLink &link, FileRole role, const QStringList &actions) const
{
    const QFileInfo file(link.file.path);
    QString heading = u"<span title=\""_s
        + PaneHtml::escaped(QDir::toNativeSeparators(file.filePath())) + u"\">"_s
        + PaneHtml::escaped(file.fileName()) + u"</span>"_s;
    // QString, not auto: with QStringBuilder, auto would return a builder over a dead temporary.
    auto strong = [](const QString &text) -> QString {
        return u"<b>"_s + PaneHtml::escaped(text) + u"</b>"_s;
    };
    switch (role) {
    case PlayingFile:
        heading += u" · <span class=\"muted\">"_s + PaneHtml::escaped(tr("plays")) + u"</span>"_s;
        break;
    case UnplayableFile:
        heading += u" · "_s + strong(tr("would not play"));
        break;
    case MissingFile:
        heading += u" · "_s + strong(tr("missing"));
        break;
    case SpareFile:
        break;
    }
    QStringList details;
    if (!link.format.isEmpty())
        details.append(PaneHtml::escaped(link.format.toUpper()));
    if (link.file.durationMs >= 0)
        details.append(PaneHtml::escaped(TimeCode::formatSeconds(link.file.durationMs)));
    details.append(PaneHtml::escaped(QDir::toNativeSeparators(file.path())));
    return u"<p class=\"heading\">"_s + heading + u"</p>"_s + PaneHtml::detail(details.join(u" · "))
        + PaneHtml::actions(actions);
}

QStringList CuePane::fileActions(
    const Cue &cue, const FileLink &link, FileRole role, qsizetype linkCount) const
{
    const QString path = link.file.path;
    const QString name = QFileInfo(path).fileName();
    QStringList actions;
    if (role == PlayingFile) {
        actions.append(
            fileActionLink(PaneAction::Play, {}, tr("Play"), tr("Play “%1”").arg(cue.title)));
    }
    if (role == MissingFile) {
        actions.append(fileActionLink(PaneAction::LocateFile, path, tr("Locate…"),
            tr("Find “%1” where it is now").arg(name)));
    }
    if (linkCount > 1 && !link.isPreferred) {
        actions.append(fileActionLink(PaneAction::PreferFile, path, tr("Make Preferred"),
            tr("Play “%1” for this cue before its other files").arg(name)));
    }
    if (role != MissingFile) {
        actions.append(fileActionLink(PaneAction::ShowFile, path, tr("Show in Folder"),
            tr("Open the folder that holds “%1”").arg(name)));
    }
    actions.append(fileActionLink(PaneAction::UnlinkFile, path, tr("Unlink"),
        tr("Forget the link to “%1”; the file itself is kept").arg(name)));
    return actions;
}

QString CuePane::fileActionLink(
    PaneAction::Kind kind, const QString &path, const QString &text, const QString &title) const
{
    return PaneHtml::actionLink(PaneAction {kind, cueLocation(), 0, path}, text, title);
}

// The catalog's occurrences and the user's markers that name a theme, in one list.
QString CuePane::themesHtml(const Catalog &catalog) const
{
    QString html = PaneHtml::sectionHeading(tr("Themes, in the order heard"));
    QHash<QString, Marker> markers;
    QList<OccurrenceRow> usersRows;
    if (m_userData && m_userData->isOpen()) {
        for (const Marker &marker : m_userData->markers()->markers(m_cue)) {
            if (marker.themeId.isEmpty())
                continue;
            markers.insert(marker.id, marker);
            usersRows.append(MarkerOccurrences::row(marker));
        }
    }
    const QList<OccurrenceRow> heard = Occurrences::ofCue(m_catalogs->catalogs(), m_cue, usersRows);
    if (heard.isEmpty()) {
        return html
            + PaneHtml::emptyState(tr("No themes are known in this cue yet. Mark one you hear: "
                                      "add a marker and choose its theme."));
    }
    QString rows;
    for (const OccurrenceRow &row : heard) {
        rows += row.isUsers() ? usersOccurrenceHtml(catalog, markers.value(row.markerId))
                              : occurrenceHtml(catalog, row.occurrence);
    }
    return html + PaneHtml::rowsTable(rows);
}

// As occurrenceHtml() lays out the catalog's, marked as the user's, with their label below.
QString CuePane::usersOccurrenceHtml(const Catalog &catalog, const Marker &marker) const
{
    QString heading = PaneHtml::themeLink(catalog, marker.themeId);
    if (const QString kind = MarkerOccurrences::kindText(marker); !kind.isEmpty())
        heading += u" <span class=\"muted\">· "_s + PaneHtml::escaped(kind) + u"</span>"_s;
    heading += u" · "_s + PaneHtml::yoursMark();
    if (isPlayable())
        heading += u" · "_s + PaneHtml::playFromLink(catalog, cueLocation(), marker.startMs);
    return PaneHtml::row(Occurrences::whereText(MarkerOccurrences::row(marker).occurrence),
        u"<p class=\"heading\">"_s + heading + u"</p>"_s
            + PaneHtml::detail(PaneHtml::escaped(marker.label)));
}

// One theme as it is heard: where, on the left like a cue sheet's timings; then the theme, its
// kind (marked when the catalog infers it), the instruments and every source that says so; then
// what an inference rests on and the note, quieter.
QString CuePane::occurrenceHtml(const Catalog &catalog, const Occurrence &occurrence) const
{
    QString heading = PaneHtml::themeLink(catalog, occurrence.themeId);
    if (const QString kind = Occurrences::kindText(occurrence.kind); !kind.isEmpty())
        heading += u" <span class=\"muted\">· "_s + PaneHtml::escaped(kind) + u"</span>"_s;
    if (occurrence.inferred)
        heading += u" "_s + PaneHtml::inferredMark(occurrence.basis);
    if (occurrence.startMs >= 0 && isPlayable())
        heading += u" · "_s + PaneHtml::playFromLink(catalog, cueLocation(), occurrence.startMs);

    QStringList details;
    if (!occurrence.instruments.isEmpty())
        details.append(PaneHtml::escaped(occurrence.instruments));
    if (const QString sources = sourcesHtml(catalog, occurrence.sourceIds); !sources.isEmpty())
        details.append(sources);
    return PaneHtml::row(Occurrences::whereText(occurrence),
        u"<p class=\"heading\">"_s + heading + u"</p>"_s + PaneHtml::detail(details.join(u" · "))
            + (occurrence.inferred ? PaneHtml::inferenceDetail(occurrence.basis) : QString())
            + PaneHtml::detail(PaneHtml::escaped(occurrence.note)));
}

// "sources: Noah Marconi and Randall D. Larson": an entrance that several texts state is one
// row naming them all, each linked to the text where it has an address.
QString CuePane::sourcesHtml(const Catalog &catalog, const QStringList &sourceIds) const
{
    QStringList names;
    for (const QString &id : sourceIds) {
        if (const Source *source = catalog.source(id))
            names.append(PaneHtml::webLink(source->url, Occurrences::sourceName(*source)));
    }
    if (names.isEmpty())
        return QString();
    return (names.size() == 1 ? tr("source: %1") : tr("sources: %1"))
        .arg(PaneHtml::nameList(names));
}

QString CuePane::excerptsHtml(const Catalog &catalog, const Cue &cue) const
{
    return PaneHtml::excerptSection(catalog, catalog.excerptsOfCue(cue.id),
        Location {Location::Cue, catalog.id, cue.id, {}}, tr("No excerpts about this cue yet."));
}
