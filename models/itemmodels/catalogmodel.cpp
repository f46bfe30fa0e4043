#include "itemmodels/catalogmodel.h"

#include <QFont>

#include "catalog/timecode.h"

#include <algorithm>

// An index's internalId names its parent, so that nothing is allocated per row:
//   0                                  a top-level row (a catalog, or a release of the only one)
//   (slot + 1) << ReleaseBits          a release of the catalog in that slot (grouped)
//   (slot + 1) << ReleaseBits | r + 1  a track of release r of that catalog
// Twenty-four bits of release and eight of slot fit a 32-bit quintptr.
namespace {

constexpr int ReleaseBits = 24;
constexpr quintptr ReleaseMask = (quintptr(1) << ReleaseBits) - 1;

quintptr releaseParentId(int slot)
{
    return quintptr(slot + 1) << ReleaseBits;
}

quintptr trackParentId(int slot, int release)
{
    return releaseParentId(slot) | quintptr(release + 1);
}

// A cue's state: bit 0 is the note, bits 1 and 2 the FileState.
constexpr quint8 NoteBit = 0x1;
constexpr quint8 FileMask = 0x6;
constexpr int FileShift = 1;
constexpr quint8 PlayingBit = 0x8;

FileState fileStateOf(quint8 state)
{
    return FileState((state & FileMask) >> FileShift);
}

QVariant rightAligned()
{
    return int(Qt::AlignRight | Qt::AlignVCenter);
}

QString trackArtists(const Catalog &catalog, const Release &release, const Track &track)
{
    const Cue *cue = catalog.cue(track.cueId);
    if (cue && !cue->composers.isEmpty())
        return cue->composers.join(u", ");
    return release.artists.join(u", ");
}

} // namespace

CatalogModel::CatalogModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

bool CatalogModel::addCatalog(Catalog catalog)
{
    if (catalogIndex(catalog.id) >= 0 || m_catalogs.size() >= MaxCatalogs
        || catalog.releases.size() > MaxReleases)
        return false;
    Q_ASSERT_X(catalog.cues.isEmpty() || catalog.cueIndex(catalog.cues.first().id) == 0,
        "CatalogModel::addCatalog", "Catalog::buildIndex() was not called");

    const int count = m_catalogs.size();
    const int releaseCount = catalog.releases.size();
    QList<quint8> states(catalog.cues.size(), 0);
    const int slot = freeSlot();
    auto append = [&] {
        m_catalogs.append(std::move(catalog));
        m_cueStates.append(std::move(states));
        m_slots.append(slot);
        updateSlots();
    };

    // The second catalog makes catalogs the top level. A first catalog without releases adds no
    // row, but the models that follow the open catalogs must still hear of it.
    if (count == 1 || (count == 0 && releaseCount == 0)) {
        beginResetModel();
        append();
        endResetModel();
    } else {
        // The first catalog's releases, or one more catalog row.
        beginInsertRows(QModelIndex(), count, count == 0 ? releaseCount - 1 : count);
        append();
        endInsertRows();
    }
    emit catalogsChanged();
    return true;
}

bool CatalogModel::removeCatalog(const QString &catalogId)
{
    const int c = catalogIndex(catalogId);
    if (c < 0)
        return false;
    auto remove = [&] {
        m_catalogs.removeAt(c);
        m_cueStates.removeAt(c);
        m_slots.removeAt(c);
        updateSlots();
    };

    const int count = m_catalogs.size();
    const int releaseCount = m_catalogs.at(c).releases.size();
    // Back to one catalog, its releases become the top level; see addCatalog() for the other.
    if (count == 2 || (count == 1 && releaseCount == 0)) {
        beginResetModel();
        remove();
        endResetModel();
    } else {
        const int first = count == 1 ? 0 : c;
        const int last = count == 1 ? releaseCount - 1 : c;
        beginRemoveRows(QModelIndex(), first, last);
        remove();
        endRemoveRows();
    }
    emit catalogsChanged();
    return true;
}

const Catalog *CatalogModel::catalog(const QString &catalogId) const
{
    const int c = catalogIndex(catalogId);
    return c < 0 ? nullptr : &m_catalogs.at(c);
}

int CatalogModel::catalogIndex(const QString &catalogId) const
{
    for (int c = 0; c < m_catalogs.size(); ++c) {
        if (m_catalogs.at(c).id == catalogId)
            return c;
    }
    return -1;
}

int CatalogModel::freeSlot() const
{
    for (int slot = 0; slot < MaxCatalogs; ++slot) {
        if (!m_slots.contains(slot))
            return slot;
    }
    Q_UNREACHABLE();
    return -1;
}

void CatalogModel::updateSlots()
{
    m_catalogOfSlot.fill(-1);
    for (int c = 0; c < m_slots.size(); ++c)
        m_catalogOfSlot[m_slots.at(c)] = c;
}

CatalogModel::Item CatalogModel::item(const QModelIndex &index) const
{
    if (!index.isValid())
        return Item();
    const quintptr id = index.internalId();
    if (id == 0)
        return item(index.row(), QModelIndex());
    const int catalog = catalogOfSlot((id >> ReleaseBits) - 1);
    const quintptr release = id & ReleaseMask;
    if (release == 0)
        return Item {ReleaseItem, catalog, index.row()};
    return Item {TrackItem, catalog, int(release - 1), index.row()};
}

CatalogModel::Item CatalogModel::item(int row, const QModelIndex &parent) const
{
    if (!parent.isValid())
        return isGroupedByCatalog() ? Item {CatalogItem, row} : Item {ReleaseItem, 0, row};
    const Item parentItem = item(parent);
    switch (parentItem.kind) {
    case CatalogItem:
        return Item {ReleaseItem, parentItem.catalog, row};
    case ReleaseItem:
        return Item {TrackItem, parentItem.catalog, parentItem.release, row};
    case TrackItem:
        break;
    }
    return Item();
}

QModelIndex CatalogModel::index(const Item &item, int column) const
{
    if (item.catalog < 0 || item.catalog >= m_catalogs.size() || column < 0
        || column >= ColumnCount)
        return QModelIndex();
    const Catalog &catalog = m_catalogs.at(item.catalog);
    const int slot = m_slots.at(item.catalog);
    switch (item.kind) {
    case CatalogItem:
        if (!isGroupedByCatalog())
            return QModelIndex();
        return createIndex(item.catalog, column, quintptr(0));
    case ReleaseItem:
        if (item.release < 0 || item.release >= catalog.releases.size())
            return QModelIndex();
        return createIndex(
            item.release, column, isGroupedByCatalog() ? releaseParentId(slot) : quintptr(0));
    case TrackItem:
        if (item.release < 0 || item.release >= catalog.releases.size() || item.track < 0
            || item.track >= catalog.releases.at(item.release).tracks.size())
            return QModelIndex();
        return createIndex(item.track, column, trackParentId(slot, item.release));
    }
    return QModelIndex();
}

QModelIndex CatalogModel::indexOfCatalog(const QString &catalogId) const
{
    return index(Item {CatalogItem, catalogIndex(catalogId)});
}

QModelIndex CatalogModel::indexOfRelease(const QString &catalogId, const QString &releaseId) const
{
    const int c = catalogIndex(catalogId);
    if (c < 0)
        return QModelIndex();
    return index(Item {ReleaseItem, c, m_catalogs.at(c).releaseIndex(releaseId)});
}

QList<QModelIndex> CatalogModel::indexesOfCue(const CueKey &cue) const
{
    QList<QModelIndex> indexes;
    const int c = catalogIndex(cue.catalogId);
    if (c < 0)
        return indexes;
    for (const TrackRef &ref : m_catalogs.at(c).tracksOfCue(cue.cueId))
        indexes.append(index(Item {TrackItem, c, ref.release, ref.track}));
    return indexes;
}

void CatalogModel::setNoteState(const CueKey &cue, bool hasNote)
{
    setCueState(cue, NoteBit, hasNote ? NoteBit : 0, HasNoteRole);
}

void CatalogModel::setFileState(const CueKey &cue, FileState state)
{
    if (setCueState(cue, FileMask, quint8(quint8(state) << FileShift), HasFileRole))
        emit fileStateChanged(cue);
}

void CatalogModel::setPlayingCue(const CueKey &cue)
{
    const CueKey old = std::exchange(m_playingCue, cue);
    setCueState(old, PlayingBit, 0, IsPlayingRole);
    setCueState(cue, PlayingBit, PlayingBit, IsPlayingRole);
}

bool CatalogModel::hasNote(const CueKey &cue) const
{
    return cueState(catalogIndex(cue.catalogId), cue.cueId) & NoteBit;
}

FileState CatalogModel::fileState(const CueKey &cue) const
{
    return fileStateOf(cueState(catalogIndex(cue.catalogId), cue.cueId));
}

quint8 CatalogModel::cueState(int catalog, const QString &cueId) const
{
    if (catalog < 0)
        return 0;
    const int cue = m_catalogs.at(catalog).cueIndex(cueId);
    return cue < 0 ? 0 : m_cueStates.at(catalog).at(cue);
}

bool CatalogModel::setCueState(const CueKey &cue, quint8 mask, quint8 value, int role)
{
    const int c = catalogIndex(cue.catalogId);
    if (c < 0)
        return false;
    const int row = m_catalogs.at(c).cueIndex(cue.cueId);
    if (row < 0)
        return false;
    quint8 &state = m_cueStates[c][row];
    const quint8 next = quint8((state & ~mask) | value);
    if (next == state)
        return false;
    state = next;
    // The same cue stands on several releases: every one of its tracks changes.
    for (const TrackRef &ref : m_catalogs.at(c).tracksOfCue(cue.cueId)) {
        const Item track {TrackItem, c, ref.release, ref.track};
        emit dataChanged(
            index(track, 0), index(track, ColumnCount - 1), {role, Qt::FontRole, Qt::ToolTipRole});
    }
    return true;
}

QString CatalogModel::trackNumberText(const Release &release, const Track &track)
{
    const bool severalDiscs = std::any_of(
        release.tracks.cbegin(), release.tracks.cend(), [](const Track &t) { return t.disc != 1; });
    if (!severalDiscs)
        return QString::number(track.number);
    return QStringLiteral("%1-%2").arg(track.disc).arg(track.number, 2, 10, QLatin1Char('0'));
}

qint64 CatalogModel::knownDurationMs(const Release &release)
{
    qint64 total = -1;
    for (const Track &track : release.tracks) {
        if (track.durationMs >= 0)
            total = std::max<qint64>(total, 0) + track.durationMs;
    }
    return total;
}

QModelIndex CatalogModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return QModelIndex();
    return index(item(row, parent), column);
}

QModelIndex CatalogModel::parent(const QModelIndex &index) const
{
    if (!index.isValid())
        return QModelIndex();
    const quintptr id = index.internalId();
    if (id == 0)
        return QModelIndex();
    const quintptr slot = (id >> ReleaseBits) - 1;
    const quintptr release = id & ReleaseMask;
    if (release == 0)
        return createIndex(catalogOfSlot(slot), 0, quintptr(0));
    return createIndex(
        int(release - 1), 0, isGroupedByCatalog() ? releaseParentId(int(slot)) : quintptr(0));
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        if (isGroupedByCatalog())
            return m_catalogs.size();
        return m_catalogs.isEmpty() ? 0 : m_catalogs.first().releases.size();
    }
    if (parent.column() != 0)
        return 0;
    const Item parentItem = item(parent);
    switch (parentItem.kind) {
    case CatalogItem:
        return m_catalogs.at(parentItem.catalog).releases.size();
    case ReleaseItem:
        return m_catalogs.at(parentItem.catalog).releases.at(parentItem.release).tracks.size();
    case TrackItem:
        break;
    }
    return 0;
}

int CatalogModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    const Item it = item(index);
    const Catalog &catalog = m_catalogs.at(it.catalog);
    switch (role) {
    case KindRole:
        return int(it.kind);
    case CatalogIdRole:
        return catalog.id;
    default:
        break;
    }
    switch (it.kind) {
    case CatalogItem:
        return catalogData(catalog, index.column(), role);
    case ReleaseItem:
        return releaseData(catalog.releases.at(it.release), index.column(), role);
    case TrackItem:
        return trackData(it, index.column(), role);
    }
    return QVariant();
}

QVariant CatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    switch (role) {
    case Qt::DisplayRole:
        switch (section) {
        case TitleColumn:
            return tr("Title");
        case ArtistColumn:
            return tr("Artists");
        case NumberColumn:
            return tr("#/Date");
        case DurationColumn:
            return tr("Duration");
        }
        break;
    case Qt::TextAlignmentRole:
        if (section == NumberColumn || section == DurationColumn)
            return rightAligned();
        break;
    }
    return QVariant();
}

QVariant CatalogModel::catalogData(const Catalog &catalog, int column, int role) const
{
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (column) {
    case TitleColumn:
        return catalog.title;
    case ArtistColumn:
        // Two strings rather than %n: there is no English .qm to pick the plural form.
        return catalog.releases.size() == 1 ? tr("1 release")
                                            : tr("%1 releases").arg(catalog.releases.size());
    }
    return QVariant();
}

QVariant CatalogModel::releaseData(const Release &release, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TitleColumn:
            return release.title;
        case ArtistColumn:
            return release.artists.join(u", ");
        case NumberColumn:
            return release.date;
        case DurationColumn: {
            const qint64 total = knownDurationMs(release);
            return total < 0 ? QVariant() : TimeCode::formatSeconds(total);
        }
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == NumberColumn || column == DurationColumn)
            return rightAligned();
        break;
    case ReleaseIdRole:
        return release.id;
    case DurationMsRole:
        return knownDurationMs(release);
    }
    return QVariant();
}

QString CatalogModel::trackToolTip(const Catalog &catalog, const Track &track, quint8 state)
{
    QStringList lines;
    if (const Cue *cue = catalog.cue(track.cueId); cue && !cue->episode.isEmpty())
        lines.append(cue->episode);
    switch (fileStateOf(state)) {
    case FileState::Linked:
        lines.append(tr("Linked to an audio file: double-click to play"));
        break;
    case FileState::Missing:
        lines.append(tr("The linked audio file is missing"));
        break;
    case FileState::Unplayable:
        lines.append(tr("The linked audio file would not play"));
        break;
    default:
        break;
    }
    if (state & NoteBit)
        lines.append(tr("You wrote a note on this cue"));
    if (state & PlayingBit)
        lines.append(tr("Playing"));
    return lines.join(u'\n');
}

QVariant CatalogModel::trackData(const Item &it, int column, int role) const
{
    const Catalog &catalog = m_catalogs.at(it.catalog);
    const Release &release = catalog.releases.at(it.release);
    const Track &track = release.tracks.at(it.track);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TitleColumn:
            return track.title;
        case ArtistColumn:
            return trackArtists(catalog, release, track);
        case NumberColumn:
            return trackNumberText(release, track);
        case DurationColumn:
            return track.durationMs < 0 ? QVariant() : TimeCode::formatSeconds(track.durationMs);
        }
        break;
    case Qt::ToolTipRole: {
        const QString tip = trackToolTip(catalog, track, cueState(it.catalog, track.cueId));
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::FontRole: {
        // The playing track stands out; a track whose file has gone or failed reads as absent.
        const quint8 state = cueState(it.catalog, track.cueId);
        const FileState fileState = fileStateOf(state);
        const bool absent = fileState == FileState::Missing || fileState == FileState::Unplayable;
        if (!(state & PlayingBit) && !absent)
            return QVariant();
        QFont font;
        font.setBold(state & PlayingBit);
        font.setItalic(absent);
        return font;
    }
    case IsPlayingRole:
        return bool(cueState(it.catalog, track.cueId) & PlayingBit);
    case Qt::TextAlignmentRole:
        if (column == NumberColumn || column == DurationColumn)
            return rightAligned();
        break;
    case ReleaseIdRole:
        return release.id;
    case CueIdRole:
        return track.cueId;
    case DurationMsRole:
        return track.durationMs;
    case HasNoteRole:
        return bool(cueState(it.catalog, track.cueId) & NoteBit);
    case HasFileRole:
        return int(fileStateOf(cueState(it.catalog, track.cueId)));
    }
    return QVariant();
}
