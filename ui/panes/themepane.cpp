#include "panes/themepane.h"

#include "catalog/occurrences.h"
#include "catalog/themecensus.h"
#include "catalog/timecode.h"
#include "itemmodels/catalogmodel.h"
#include "panes/panebrowser.h"
#include "panes/panehtml.h"
#include "userdata/markeroccurrences.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

ThemePane::ThemePane(const CatalogModel *catalogs, QWidget *parent)
    : QWidget(parent)
    , m_catalogs(catalogs)
{
    Q_ASSERT(catalogs);
    m_browser = new PaneBrowser(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    setFocusProxy(m_browser);

    connect(m_browser, &PaneBrowser::locationActivated, this, &ThemePane::locationActivated);
    connect(m_browser, &PaneBrowser::actionRequested, this, &ThemePane::actionRequested);
    connect(
        m_browser, &PaneBrowser::refreshDue, this, [this] { render(PaneBrowser::Scroll::Keep); });
    // The pane keeps ids, not pointers; and a catalog opened or closed adds or takes cues.
    connect(catalogs, &CatalogModel::catalogsChanged, this, &ThemePane::refresh);
    connect(catalogs, &CatalogModel::fileStateChanged, this, [this](const CueKey &cue) {
        if (m_cues.contains(cue))
            m_browser->refreshLater();
    });
}

void ThemePane::showTheme(const QString &catalogId, const QString &themeId)
{
    const Catalog *catalog = m_catalogs->catalog(catalogId);
    if (!catalog || !catalog->theme(themeId)) {
        clear();
        return;
    }
    m_catalogId = catalogId;
    m_themeId = themeId;
    render();
}

void ThemePane::setUserData(const UserDatabase *userData)
{
    if (m_userData)
        disconnect(m_userData->markers(), nullptr, this, nullptr);
    m_userData = userData;
    // Any cue's marker may name the theme, or have stopped naming it: a change anywhere may
    // change the page, which renders once however many come at once.
    if (userData) {
        connect(userData->markers(), &MarkerStore::markersChanged, this, [this] {
            if (!m_themeId.isEmpty())
                m_browser->refreshLater();
        });
    }
    if (!m_themeId.isEmpty())
        render(PaneBrowser::Scroll::Keep);
}

void ThemePane::clear()
{
    m_catalogId.clear();
    m_themeId.clear();
    m_cues.clear();
    m_browser->setPageHtml(QString());
}

void ThemePane::refresh()
{
    // Shows the same subject again over the catalogs now open; one that is gone clears.
    showTheme(m_catalogId, m_themeId);
}

void ThemePane::render(PaneBrowser::Scroll scroll)
{
    const Catalog *catalog = m_catalogs->catalog(m_catalogId);
    const Theme *theme = catalog ? catalog->theme(m_themeId) : nullptr;
    if (!theme)
        return;
    QHash<QString, Marker> markers;
    QList<OccurrenceRow> usersRows;
    if (m_userData && m_userData->isOpen()) {
        for (const Catalog &open : m_catalogs->catalogs()) {
            for (const Marker &marker : m_userData->markers()->markersOfTheme(open.id, m_themeId)) {
                markers.insert(marker.id, marker);
                usersRows.append(MarkerOccurrences::row(marker));
            }
        }
    }
    const QList<OccurrenceRow> heard
        = Occurrences::ofTheme(m_catalogs->catalogs(), m_themeId, usersRows);
    m_cues.clear();
    for (const OccurrenceRow &row : heard)
        m_cues.insert(row.cue());
    m_browser->setPageHtml(headerHtml(*catalog, *theme) + PaneHtml::paragraph(theme->description)
            + censusHtml(usersRows) + cuesHtml(heard, markers) + excerptsHtml(*catalog),
        scroll);
}

// The theme taken as a whole, as a leitmotif catalogue's census table gives it; nothing for a
// theme no cue quotes (the cues section says so).
QString ThemePane::censusHtml(const QList<OccurrenceRow> &usersRows) const
{
    const QList<Catalog> &catalogs = m_catalogs->catalogs();
    const ThemeCensus::Entry census = ThemeCensus::of(catalogs, m_themeId, usersRows);
    if (census.cues.isEmpty())
        return {};
    QString cues = QString::number(census.cues.size());
    if (census.usersOnlyCueCount > 0)
        cues += u" "_s + tr("(%1 only in your markers)").arg(census.usersOnlyCueCount);

    QString episodes;
    if (!census.firstEpisode.isEmpty()) {
        const auto episodeOf = [this](const CueKey &cue) {
            const Catalog *catalog = m_catalogs->catalog(cue.catalogId);
            const Cue *found = catalog ? catalog->cue(cue.cueId) : nullptr;
            return found ? PaneHtml::cueLink(*catalog, cue.cueId) + u" ("_s
                    + PaneHtml::escaped(found->episode) + u')'
                         : QString();
        };
        episodes = census.firstEpisode == census.lastEpisode
            ? episodeOf(census.firstEpisode)
            : tr("first %1, last %2")
                  .arg(episodeOf(census.firstEpisode), episodeOf(census.lastEpisode));
    }

    QStringList releases;
    for (const ThemeCensus::ReleaseKey &key : census.releases) {
        if (const Catalog *catalog = m_catalogs->catalog(key.catalogId))
            releases.append(PaneHtml::releaseLink(*catalog, key.releaseId));
    }

    const qint64 runningTime = ThemeCensus::runningTimeMs(catalogs);
    const double share = ThemeCensus::share(census.heardMs, runningTime);
    const QString heardFor = share < 0
        ? PaneHtml::escaped(tr("not timed yet: mark where it starts and ends to count it"))
        : PaneHtml::escaped(
            tr("%1 of %2 of music (%3%), where entrances are timed")
                .arg(TimeCode::formatSeconds(census.heardMs), TimeCode::formatSeconds(runningTime),
                    QLocale().toString(share * 100.0, 'f', 1)));

    return PaneHtml::sectionHeading(tr("Census"))
        + PaneHtml::facts({
            {tr("Cues"), PaneHtml::escaped(cues)},
            {tr("First heard"), placeHtml(census.firstHeard)},
            {tr("Last heard"),
                census.lastHeard == census.firstHeard ? QString() : placeHtml(census.lastHeard)},
            {tr("By episode"), episodes},
            {tr("Releases"), releases.join(u"; ")},
            {tr("Heard for"), heardFor},
        });
}

QString ThemePane::trackPlaceText(const Catalog &catalog, const TrackRef &track)
{
    const Release &release = catalog.releases.at(track.release);
    return tr("%1 · track %2")
        .arg(PaneHtml::shortReleaseTitle(catalog, release),
            CatalogModel::trackNumberText(release, release.tracks.at(track.track)));
}

QString ThemePane::placeHtml(const CueKey &cue) const
{
    const Catalog *catalog = m_catalogs->catalog(cue.catalogId);
    if (!catalog || !catalog->cue(cue.cueId))
        return {};
    QString html = PaneHtml::cueLink(*catalog, cue.cueId);
    const QList<TrackRef> tracks = catalog->tracksOfCue(cue.cueId);
    if (!tracks.isEmpty())
        html += PaneHtml::escaped(u" · "_s + trackPlaceText(*catalog, tracks.first()));
    return html;
}

QString ThemePane::headerHtml(const Catalog &catalog, const Theme &theme) const
{
    QStringList aliases;
    for (const QString &alias : theme.aliases)
        aliases.append(tr("“%1”", "an alias").arg(alias));
    const QString alsoKnownAs
        = aliases.isEmpty() ? QString() : tr("also known as %1").arg(PaneHtml::nameList(aliases));

    using PaneHtml::escaped;
    return PaneHtml::title(theme.name) + PaneHtml::subtitle(alsoKnownAs)
        + PaneHtml::facts({
            {tr("Composer"), escaped(theme.composer)},
            {tr("Origin"), escaped(theme.origin)},
            // With one catalog open, naming it says nothing.
            {tr("Catalog"), m_catalogs->isGroupedByCatalog() ? escaped(catalog.title) : QString()},
        });
}

// The occurrences come in album order, so the ones of a cue are next to each other: each cue
// gets a heading row (its title, a link, and where it stands), then one row per occurrence.
QString ThemePane::cuesHtml(
    const QList<OccurrenceRow> &heard, const QHash<QString, Marker> &markers) const
{
    // The cues the catalogs name and the ones only the user's markers add; m_cues holds them.
    const int cueCount = int(m_cues.size());
    if (cueCount == 0) {
        return PaneHtml::sectionHeading(tr("Cues"))
            + PaneHtml::emptyState(tr("No cue is known to quote this theme yet."));
    }
    QString html = PaneHtml::sectionHeading(
        cueCount == 1 ? tr("Heard in 1 cue") : tr("Heard in %1 cues").arg(cueCount));
    const bool severalCatalogs = std::any_of(heard.cbegin(), heard.cend(),
        [&heard](const OccurrenceRow &row) { return row.catalogId != heard.first().catalogId; });

    // One table for every catalog, so that the "where" column lines up all the way down.
    QString rows;
    CueKey shown;
    for (const OccurrenceRow &row : heard) {
        const Catalog *catalog = m_catalogs->catalog(row.catalogId);
        if (!catalog)
            continue;
        if (row.catalogId != shown.catalogId && severalCatalogs) {
            rows += PaneHtml::headingRow(
                u"<p class=\"group-title\">"_s + PaneHtml::escaped(catalog->title) + u"</p>"_s);
        }
        if (row.cue() != shown)
            rows += cueHeadingHtml(*catalog, row.occurrence.cueId);
        shown = row.cue();
        rows += row.isUsers() ? usersOccurrenceHtml(*catalog, markers.value(row.markerId))
                              : occurrenceHtml(*catalog, row.occurrence);
    }
    return html + PaneHtml::rowsTable(rows);
}

QString ThemePane::cueHeadingHtml(const Catalog &catalog, const QString &cueId) const
{
    QStringList places;
    for (const TrackRef &ref : catalog.tracksOfCue(cueId))
        places.append(trackPlaceText(catalog, ref));
    return PaneHtml::headingRow(u"<p class=\"heading\">"_s + PaneHtml::cueLink(catalog, cueId)
        + u"</p>"_s + PaneHtml::detail(PaneHtml::escaped(places.join(u"; "))));
}

QString ThemePane::occurrenceHtml(const Catalog &catalog, const Occurrence &occurrence) const
{
    // A link the catalog infers says so where it is read, and on what it rests.
    QString kind = PaneHtml::escaped(Occurrences::kindText(occurrence.kind));
    if (occurrence.inferred)
        kind += (kind.isEmpty() ? QString() : u" "_s) + PaneHtml::inferredMark(occurrence.basis);

    QStringList parts {kind};
    if (!occurrence.instruments.isEmpty())
        parts.append(PaneHtml::escaped(occurrence.instruments));
    if (const QString play = playLinkHtml(catalog, occurrence); !play.isEmpty())
        parts.append(play);
    parts.removeAll(QString());
    return PaneHtml::row(Occurrences::whereText(occurrence),
        u"<p class=\"heading\">"_s + parts.join(u" · ") + u"</p>"_s
            + (occurrence.inferred ? PaneHtml::inferenceDetail(occurrence.basis) : QString())
            + PaneHtml::detail(PaneHtml::escaped(occurrence.note)));
}

// As occurrenceHtml() lays out the catalog's, marked as the user's, with their label below.
QString ThemePane::usersOccurrenceHtml(const Catalog &catalog, const Marker &marker) const
{
    const OccurrenceRow row = MarkerOccurrences::row(marker);
    QStringList parts {PaneHtml::escaped(MarkerOccurrences::kindText(marker)),
        PaneHtml::yoursMark(), playLinkHtml(catalog, row.occurrence)};
    parts.removeAll(QString());
    return PaneHtml::row(Occurrences::whereText(row.occurrence),
        u"<p class=\"heading\">"_s + parts.join(u" · ") + u"</p>"_s
            + PaneHtml::detail(PaneHtml::escaped(marker.label)));
}

// From where the theme enters, or from the start when the catalog gives no time; nothing for a
// cue without a file that plays.
QString ThemePane::playLinkHtml(const Catalog &catalog, const Occurrence &occurrence) const
{
    if (m_catalogs->fileState(CueKey {catalog.id, occurrence.cueId}) != FileState::Linked)
        return QString();
    const Location cue = PaneHtml::cueLocation(catalog, occurrence.cueId);
    return occurrence.startMs >= 0 ? PaneHtml::playFromLink(catalog, cue, occurrence.startMs)
                                   : PaneHtml::playCueLink(catalog, cue);
}

// Excerpts about the theme from every open catalog that knows it, its own catalog first.
QString ThemePane::excerptsHtml(const Catalog &catalog) const
{
    const Location shown {Location::Theme, catalog.id, m_themeId, {}};
    QList<const Catalog *> sources {&catalog};
    for (const Catalog &other : m_catalogs->catalogs()) {
        if (&other != &catalog)
            sources.append(&other);
    }
    QString blocks;
    for (const Catalog *source : std::as_const(sources)) {
        for (const int e : source->excerptsOfTheme(m_themeId))
            blocks += PaneHtml::excerptBlock(*source, source->excerpts.at(e), shown);
    }
    if (blocks.isEmpty())
        blocks = PaneHtml::emptyState(tr("No excerpts about this theme yet."));
    return PaneHtml::sectionHeading(tr("Excerpts")) + blocks;
}
