#include "cuepane.h"

#include "catalogmodel.h"
#include "occurrencemodel.h"
#include "panebrowser.h"
#include "panehtml.h"
#include "timecode.h"

#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CuePane::CuePane(const CatalogModel *catalogs, QWidget *parent)
    : QWidget(parent)
    , m_catalogs(catalogs)
{
    Q_ASSERT(catalogs);
    m_browser = new PaneBrowser(this);
    m_occurrences = new OccurrenceModel(catalogs, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    setFocusProxy(m_browser);

    connect(m_browser, &PaneBrowser::locationActivated, this, &CuePane::locationActivated);
    connect(m_browser, &PaneBrowser::actionRequested, this, &CuePane::actionRequested);
    // The pane keeps ids, not pointers: when catalogs come and go it looks its cue up again.
    connect(catalogs, &QAbstractItemModel::modelReset, this, &CuePane::refresh);
    auto topLevelChanged = [this](const QModelIndex &parent) {
        if (!parent.isValid())
            refresh();
    };
    connect(catalogs, &QAbstractItemModel::rowsInserted, this, topLevelChanged);
    connect(catalogs, &QAbstractItemModel::rowsRemoved, this, topLevelChanged);
}

void CuePane::showCue(const QString &catalogId, const QString &cueId, const QString &releaseId)
{
    const Catalog *catalog = m_catalogs->catalog(catalogId);
    if (!catalog || !catalog->cue(cueId)) {
        clear();
        return;
    }
    m_catalogId = catalogId;
    m_cueId = cueId;
    m_releaseId = releaseId;
    m_occurrences->setCue(catalogId, cueId);
    render();
}

void CuePane::clear()
{
    m_catalogId.clear();
    m_cueId.clear();
    m_releaseId.clear();
    m_occurrences->clear();
    m_browser->setPageHtml(QString());
}

void CuePane::refresh()
{
    // Shows the same subject again over the catalogs now open; one that is gone clears.
    showCue(m_catalogId, m_cueId, m_releaseId);
}

void CuePane::render()
{
    const Catalog *catalog = m_catalogs->catalog(m_catalogId);
    const Cue *cue = catalog ? catalog->cue(m_cueId) : nullptr;
    if (!cue)
        return;
    m_browser->setPageHtml(headerHtml(*catalog, *cue) + PaneHtml::paragraph(cue->description)
        + themesHtml(*catalog) + excerptsHtml(*catalog, *cue));
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

QString CuePane::themesHtml(const Catalog &catalog) const
{
    QString html = PaneHtml::sectionHeading(tr("Themes, in the order heard"));
    if (m_occurrences->rowCount() == 0)
        return html + PaneHtml::emptyState(tr("No themes are known in this cue yet."));
    QString rows;
    for (int row = 0; row < m_occurrences->rowCount(); ++row)
        rows += occurrenceHtml(catalog, row);
    return html + PaneHtml::rowsTable(rows);
}

// One theme as it is heard: where, on the left like a cue sheet's timings; then the theme, its
// kind, the instruments and the source that says so; then the source's note, quieter.
QString CuePane::occurrenceHtml(const Catalog &catalog, int row) const
{
    auto text = [&](int column) { return m_occurrences->index(row, column).data().toString(); };
    const QModelIndex first = m_occurrences->index(row, 0);
    const QString themeId = first.data(OccurrenceModel::ThemeIdRole).toString();

    QString heading = PaneHtml::themeLink(catalog, themeId);
    if (const QString kind = text(OccurrenceModel::KindColumn); !kind.isEmpty())
        heading += u" <span class=\"muted\">· "_s + PaneHtml::escaped(kind) + u"</span>"_s;

    QStringList details;
    if (const QString instruments = text(OccurrenceModel::InstrumentsColumn);
        !instruments.isEmpty())
        details.append(PaneHtml::escaped(instruments));
    if (const QString source = text(OccurrenceModel::SourceColumn); !source.isEmpty()) {
        const Source *cited = catalog.source(first.data(OccurrenceModel::SourceIdRole).toString());
        details.append(
            tr("source: %1").arg(PaneHtml::webLink(cited ? cited->url : QString(), source)));
    }
    const QString note = first.data(OccurrenceModel::NoteRole).toString();
    return PaneHtml::row(text(OccurrenceModel::WhereColumn),
        u"<p class=\"heading\">"_s + heading + u"</p>"_s + PaneHtml::detail(details.join(u" · "))
            + PaneHtml::detail(PaneHtml::escaped(note)));
}

QString CuePane::excerptsHtml(const Catalog &catalog, const Cue &cue) const
{
    return PaneHtml::excerptSection(catalog, catalog.excerptsOfCue(cue.id),
        Location {Location::Cue, catalog.id, cue.id, {}}, tr("No excerpts about this cue yet."));
}
