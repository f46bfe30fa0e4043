#include "panes/cuepane.h"

#include "catalog/occurrences.h"
#include "catalog/timecode.h"
#include "itemmodels/catalogmodel.h"
#include "panes/panebrowser.h"
#include "panes/panehtml.h"
#include "userdata/filelinkstore.h"
#include "userdata/userdatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

CuePane::CuePane(const CatalogModel *catalogs, QWidget *parent)
    : QWidget(parent)
    , m_catalogs(catalogs)
{
    Q_ASSERT(catalogs);
    m_browser = new PaneBrowser(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    setFocusProxy(m_browser);

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

void CuePane::setUserData(const UserDatabase *userData)
{
    if (m_userData)
        disconnect(m_userData->fileLinks(), nullptr, this, nullptr);
    m_userData = userData;
    if (userData) {
        connect(
            userData->fileLinks(), &FileLinkStore::linksChanged, this, [this](const CueKey &cue) {
                if (cue == m_cue)
                    m_browser->refreshLater();
            });
    }
    render(PaneBrowser::Scroll::Keep);
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
    render();
}

void CuePane::clear()
{
    m_cue = {};
    m_releaseId.clear();
    m_browser->setPageHtml(QString());
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

QString CuePane::themesHtml(const Catalog &catalog) const
{
    QString html = PaneHtml::sectionHeading(tr("Themes, in the order heard"));
    const QList<OccurrenceRow> heard = Occurrences::ofCue(m_catalogs->catalogs(), m_cue);
    if (heard.isEmpty())
        return html + PaneHtml::emptyState(tr("No themes are known in this cue yet."));
    QString rows;
    for (const OccurrenceRow &row : heard)
        rows += occurrenceHtml(catalog, row.occurrence);
    return html + PaneHtml::rowsTable(rows);
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
