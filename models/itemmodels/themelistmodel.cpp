#include "itemmodels/themelistmodel.h"

#include "catalog/occurrences.h"
#include "catalog/timecode.h"
#include "itemmodels/catalogmodel.h"
#include "userdata/markeroccurrences.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QLocale>
#include <QSet>

#include <limits>

using namespace Qt::StringLiterals;

ThemeListModel::ThemeListModel(const CatalogModel *catalogs, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalogs(catalogs)
{
    Q_ASSERT(catalogs);
    connect(catalogs, &QAbstractItemModel::modelReset, this, &ThemeListModel::reload);
    // Top-level rows come and go only with whole catalogs (see CatalogModel).
    auto topLevelChanged = [this](const QModelIndex &parent) {
        if (!parent.isValid())
            reload();
    };
    connect(catalogs, &QAbstractItemModel::rowsInserted, this, topLevelChanged);
    connect(catalogs, &QAbstractItemModel::rowsRemoved, this, topLevelChanged);
    m_runningTimeMs = ThemeCensus::runningTimeMs(m_catalogs->catalogs());
    m_rows = findRows();
}

void ThemeListModel::setUserData(const UserDatabase *userData)
{
    if (m_userData)
        disconnect(m_userData->markers(), nullptr, this, nullptr);
    m_userData = userData;
    if (userData)
        connect(
            userData->markers(), &MarkerStore::markersChanged, this, &ThemeListModel::recountCue);
    recount();
}

QModelIndex ThemeListModel::indexOfTheme(const QString &themeId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).themeId == themeId)
            return index(row, NameColumn);
    }
    return {};
}

int ThemeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int ThemeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ThemeListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows.at(index.row());
    const ThemeCensus::Entry &census = row.census;
    const int column = index.column();
    const CueKey heard = column == FirstHeardColumn ? census.firstHeard
        : column == LastHeardColumn                 ? census.lastHeard
                                                    : CueKey {};
    const double share = ThemeCensus::share(census.heardMs, m_runningTimeMs);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return row.name;
        case ComposerColumn:
            return row.composer;
        case CuesColumn:
            // A number, so that a sorting proxy orders 10 after 9.
            return int(census.cues.size());
        case FirstHeardColumn:
        case LastHeardColumn:
            return cueTitle(heard);
        case ReleasesColumn:
            return int(census.releases.size());
        case ShareColumn:
            return share < 0 ? QString() : QLocale().toString(share * 100.0, 'f', 1) + u'%';
        }
        break;
    case SortRole:
        // Names and counts sort as shown; the cues by where they stand, the shares as numbers.
        if (column == FirstHeardColumn || column == LastHeardColumn)
            return albumPlace(heard);
        if (column == ShareColumn)
            return share;
        return data(index, Qt::DisplayRole);
    case CueRole:
        if (!heard.isEmpty())
            return QVariant::fromValue(heard);
        break;
    case Qt::ToolTipRole:
        switch (column) {
        case NameColumn:
            if (!row.aliases.isEmpty())
                return tr("Also known as %1").arg(QLocale().createSeparatedList(row.aliases));
            break;
        case CuesColumn:
            if (census.usersOnlyCueCount > 0)
                return tr("%1 of them only in your markers").arg(census.usersOnlyCueCount);
            break;
        case FirstHeardColumn:
        case LastHeardColumn: {
            if (heard.isEmpty())
                break;
            const CueKey byEpisode
                = column == FirstHeardColumn ? census.firstEpisode : census.lastEpisode;
            if (byEpisode.isEmpty())
                return placeText(heard);
            return tr("%1\nIn episode order: %2").arg(placeText(heard), placeText(byEpisode));
        }
        case ReleasesColumn: {
            QStringList titles;
            for (const ThemeCensus::ReleaseKey &key : census.releases) {
                const Catalog *catalog = m_catalogs->catalog(key.catalogId);
                const Release *release = catalog ? catalog->release(key.releaseId) : nullptr;
                if (release)
                    titles.append(release->title);
            }
            return titles.join(u'\n');
        }
        case ShareColumn:
            return share < 0
                ? tr("Not timed: no entrance of this theme has both a start and an end")
                : tr("Heard for %1 of %2 of music, where entrances are timed")
                      .arg(TimeCode::formatSeconds(census.heardMs),
                          TimeCode::formatSeconds(m_runningTimeMs));
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == CuesColumn || column == ReleasesColumn || column == ShareColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case CatalogIdRole:
        return row.catalogId;
    case ThemeIdRole:
        return row.themeId;
    }
    return QVariant();
}

QVariant ThemeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    switch (role) {
    case Qt::DisplayRole:
        switch (section) {
        case NameColumn:
            return tr("Theme");
        case ComposerColumn:
            return tr("Composer");
        case CuesColumn:
            return tr("Cues");
        case FirstHeardColumn:
            return tr("First heard");
        case LastHeardColumn:
            return tr("Last heard");
        case ReleasesColumn:
            return tr("Releases");
        case ShareColumn:
            return tr("Time");
        }
        break;
    case Qt::ToolTipRole:
        switch (section) {
        case FirstHeardColumn:
        case LastHeardColumn:
            return tr("In album order: the catalogs' releases and tracks as they stand");
        case ReleasesColumn:
            return tr("How many releases it is heard on");
        case ShareColumn:
            return tr("Its share of the catalogs' running time, where entrances are timed");
        }
        break;
    case Qt::TextAlignmentRole:
        if (section == CuesColumn || section == ReleasesColumn || section == ShareColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return QVariant();
}

void ThemeListModel::reload()
{
    beginResetModel();
    m_runningTimeMs = ThemeCensus::runningTimeMs(m_catalogs->catalogs());
    m_rows = findRows();
    endResetModel();
}

void ThemeListModel::recount()
{
    const QHash<QString, ThemeCensus::Entry> census = countThemes();
    for (Row &row : m_rows)
        row.census = census.value(row.themeId);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, CuesColumn), index(m_rows.size() - 1, ColumnCount - 1));
}

// The themes a change to the cue's markers can touch: the ones it was counted in, and the ones
// its markers name now; those alone are counted again.
void ThemeListModel::recountCue(const CueKey &cue)
{
    if (!m_userData || !m_userData->isOpen())
        return;
    QSet<QString> touched;
    for (const Row &row : std::as_const(m_rows)) {
        if (row.census.cues.contains(cue))
            touched.insert(row.themeId);
    }
    for (const Marker &marker : m_userData->markers()->markers(cue)) {
        if (!marker.themeId.isEmpty())
            touched.insert(marker.themeId);
    }
    QList<OccurrenceRow> usersRows;
    for (const QString &themeId : std::as_const(touched)) {
        for (const Catalog &catalog : m_catalogs->catalogs()) {
            for (const Marker &marker : m_userData->markers()->markersOfTheme(catalog.id, themeId))
                usersRows.append(MarkerOccurrences::row(marker));
        }
    }
    const QHash<QString, ThemeCensus::Entry> census
        = ThemeCensus::ofThemes(m_catalogs->catalogs(), touched, usersRows);
    for (int row = 0; row < m_rows.size(); ++row) {
        const auto counted = census.constFind(m_rows.at(row).themeId);
        if (counted == census.cend())
            continue;
        m_rows[row].census = *counted;
        emit dataChanged(index(row, CuesColumn), index(row, ColumnCount - 1));
    }
}

// Every theme at once: one pass over the catalogs and one query per catalog for the user's
// markers, where a theme at a time would cost a query and a pass each.
QHash<QString, ThemeCensus::Entry> ThemeListModel::countThemes() const
{
    QList<OccurrenceRow> usersRows;
    if (m_userData && m_userData->isOpen()) {
        for (const Catalog &catalog : m_catalogs->catalogs()) {
            for (const Marker &marker : m_userData->markers()->themeMarkers(catalog.id))
                usersRows.append(MarkerOccurrences::row(marker));
        }
    }
    return ThemeCensus::ofEveryTheme(m_catalogs->catalogs(), usersRows);
}

QString ThemeListModel::cueTitle(const CueKey &cue) const
{
    const Catalog *catalog = m_catalogs->catalog(cue.catalogId);
    const Cue *found = catalog ? catalog->cue(cue.cueId) : nullptr;
    return found ? found->title : QString();
}

qint64 ThemeListModel::albumPlace(const CueKey &cue) const
{
    const QList<Catalog> &catalogs = m_catalogs->catalogs();
    for (qint64 c = 0; c < catalogs.size(); ++c) {
        if (catalogs.at(c).id != cue.catalogId)
            continue;
        const QList<TrackRef> tracks = catalogs.at(c).tracksOfCue(cue.cueId);
        if (tracks.isEmpty())
            break;
        return (c << 42) | (qint64(tracks.first().release) << 21) | tracks.first().track;
    }
    return std::numeric_limits<qint64>::max();
}

// "Twins: Season 1, Chapter 1, track 9 (Season 1, episode 1)".
QString ThemeListModel::placeText(const CueKey &cue) const
{
    const Catalog *catalog = m_catalogs->catalog(cue.catalogId);
    const Cue *found = catalog ? catalog->cue(cue.cueId) : nullptr;
    if (!found)
        return {};
    QString text = found->title;
    const QList<TrackRef> tracks = catalog->tracksOfCue(cue.cueId);
    if (!tracks.isEmpty()) {
        const Release &release = catalog->releases.at(tracks.first().release);
        text += tr(": %1, track %2")
                    .arg(release.title)
                    .arg(release.tracks.at(tracks.first().track).number);
    }
    if (!found->episode.isEmpty())
        text += u" ("_s + found->episode + u')';
    return text;
}

QList<ThemeListModel::Row> ThemeListModel::findRows() const
{
    const QHash<QString, ThemeCensus::Entry> census = countThemes();
    QList<Row> rows;
    QSet<QString> seen;
    for (const Catalog &catalog : m_catalogs->catalogs()) {
        for (const Theme &theme : catalog.themes) {
            if (seen.contains(theme.id))
                continue;
            seen.insert(theme.id);
            rows.append(Row {catalog.id, theme.id, theme.name, theme.composer, theme.aliases,
                census.value(theme.id)});
        }
    }
    return rows;
}
