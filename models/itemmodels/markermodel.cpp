#include "itemmodels/markermodel.h"

#include "catalog/timecode.h"
#include "itemmodels/catalogmodel.h"
#include "userdata/markercommands.h"
#include "userdata/markerstore.h"

#include <QHash>
#include <QSet>
#include <QUndoStack>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The same marker, whatever its times of creation and change.
bool sameContent(Marker a, Marker b)
{
    a.createdAtMs = b.createdAtMs = 0;
    a.updatedAtMs = b.updatedAtMs = 0;
    return a == b;
}

QStringList idsOf(const QList<Marker> &markers)
{
    QStringList ids;
    ids.reserve(markers.size());
    for (const Marker &marker : markers)
        ids.append(marker.id);
    return ids;
}

} // namespace

MarkerModel::MarkerModel(const CatalogModel *catalogs, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalogs(catalogs)
{
    Q_ASSERT(catalogs);
    // A catalog opened again may name its themes differently.
    connect(catalogs, &CatalogModel::catalogsChanged, this, [this] {
        if (!m_markers.isEmpty())
            emit dataChanged(index(0, ThemeColumn), index(rowCount() - 1, ThemeColumn));
    });
}

void MarkerModel::setStore(MarkerStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (store) {
        connect(store, &MarkerStore::markersChanged, this, [this](const CueKey &cue) {
            if (cue == m_cue)
                reload();
        });
    }
    reload();
}

void MarkerModel::setUndoStack(QUndoStack *stack)
{
    m_undoStack = stack;
    // Editability is in every item's flags.
    if (!m_markers.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool MarkerModel::isEditable() const
{
    return m_store && m_undoStack;
}

void MarkerModel::setCue(const CueKey &cue)
{
    if (cue == m_cue)
        return;
    // Another cue's markers are not an edit of this one's: the view starts afresh.
    beginResetModel();
    m_cue = cue;
    m_markers.clear();
    if (m_store && !cue.cueId.isEmpty())
        m_markers = m_store->markers(cue);
    endResetModel();
}

const Catalog *MarkerModel::catalog() const
{
    return m_catalogs->catalog(m_cue.catalogId);
}

int MarkerModel::rowOf(const QString &markerId) const
{
    for (int row = 0; row < m_markers.size(); ++row) {
        if (m_markers.at(row).id == markerId)
            return row;
    }
    return -1;
}

QString MarkerModel::addMarkerAt(qint64 atMs)
{
    if (!isEditable() || m_cue.cueId.isEmpty())
        return QString();
    const Marker marker = AddMarkerCommand::pointAt(m_cue, atMs);
    m_undoStack->push(new AddMarkerCommand(m_store, marker));
    return rowOf(marker.id) >= 0 ? marker.id : QString();
}

bool MarkerModel::removeMarkers(const QStringList &markerIds)
{
    if (!isEditable())
        return false;
    QList<Marker> removed;
    for (const QString &id : markerIds) {
        if (const int row = rowOf(id); row >= 0)
            removed.append(m_markers.at(row));
    }
    if (removed.isEmpty())
        return false;
    m_undoStack->push(new RemoveMarkersCommand(m_store, removed));
    return std::none_of(removed.cbegin(), removed.cend(),
        [this](const Marker &marker) { return rowOf(marker.id) >= 0; });
}

QString MarkerModel::timeText(qint64 ms)
{
    return TimeCode::formatTenths(ms);
}

int MarkerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_markers.size());
}

int MarkerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MarkerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Marker &marker = m_markers.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case StartColumn:
            return timeText(marker.startMs);
        case EndColumn:
            return marker.isRange() ? timeText(marker.endMs) : QString();
        case LabelColumn:
            return marker.label;
        case ThemeColumn:
            return themeName(marker.themeId);
        case KindColumn:
            return marker.kind;
        }
        break;
    case Qt::EditRole:
        switch (column) {
        case StartColumn:
            return TimeCode::format(marker.startMs);
        case EndColumn:
            return marker.isRange() ? TimeCode::format(marker.endMs) : QString();
        case LabelColumn:
            return marker.label;
        case ThemeColumn:
            return marker.themeId;
        case KindColumn:
            return marker.kind;
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == StartColumn || column == EndColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case MarkerIdRole:
        return marker.id;
    case TimeMsRole:
        if (column == StartColumn)
            return marker.startMs;
        if (column == EndColumn)
            return marker.isRange() ? marker.endMs : qint64(-1);
        break;
    }
    return {};
}

QVariant MarkerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartColumn:
        return tr("Start");
    case EndColumn:
        return tr("End");
    case LabelColumn:
        return tr("Label");
    case ThemeColumn:
        return tr("Theme");
    case KindColumn:
        return tr("Kind");
    }
    return {};
}

Qt::ItemFlags MarkerModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && isEditable())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool MarkerModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !isEditable()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Marker before = m_markers.at(index.row());
    const std::optional<Marker> after = edited(before, index.column(), value);
    if (!after)
        return false;
    if (sameContent(before, *after))
        return true;
    m_undoStack->push(new EditMarkerCommand(m_store, before, *after));
    // The command ran as it was pushed; the store has the change unless it could not write it
    // (and then it said why).
    const std::optional<Marker> stored = m_store->marker(before.id);
    return stored && sameContent(*stored, *after);
}

std::optional<Marker> MarkerModel::edited(const Marker &marker, int column, const QVariant &value)
{
    const QString text = value.toString().trimmed();
    // A number is milliseconds (the timeline's way); text is what the user typed.
    const auto time = [&value, &text]() -> std::optional<qint64> {
        const int type = value.metaType().id();
        if (type == QMetaType::LongLong || type == QMetaType::Int) {
            const qint64 ms = value.toLongLong();
            return ms >= 0 ? std::optional<qint64>(ms) : std::nullopt;
        }
        return TimeCode::parseTyped(text);
    };
    const QString howToType = tr("Type a time as minutes and seconds (1:12, 1:12.250) or as "
                                 "seconds (72.5).");
    Marker result = marker;
    switch (column) {
    case StartColumn: {
        const std::optional<qint64> start = time();
        if (!start) {
            refuse(tr("“%1” is not a time. %2").arg(text, howToType));
            return std::nullopt;
        }
        if (marker.isRange() && *start >= marker.endMs) {
            refuse(tr("The marker cannot start at %1: it ends at %2. Move its end first, or "
                      "clear the end to make it a point.")
                       .arg(timeText(*start), timeText(marker.endMs)));
            return std::nullopt;
        }
        result.startMs = *start;
        break;
    }
    case EndColumn: {
        if (text.isEmpty()) {
            result.endMs = -1;
            break;
        }
        const std::optional<qint64> end = time();
        if (!end) {
            refuse(tr("“%1” is not a time. %2 Leave the end empty for a point in time.")
                       .arg(text, howToType));
            return std::nullopt;
        }
        if (*end < marker.startMs) {
            refuse(tr("The marker cannot end at %1, before it starts (%2).")
                       .arg(timeText(*end), timeText(marker.startMs)));
            return std::nullopt;
        }
        // A range of no length is a point.
        result.endMs = *end == marker.startMs ? -1 : *end;
        break;
    }
    case LabelColumn:
        result.label = text;
        break;
    case ThemeColumn: {
        const Catalog *cueCatalog = catalog();
        if (!text.isEmpty() && (!cueCatalog || !cueCatalog->theme(text))) {
            refuse(tr("The catalog of this cue has no theme “%1”.").arg(text));
            return std::nullopt;
        }
        result.themeId = text;
        break;
    }
    case KindColumn:
        result.kind = text;
        break;
    default:
        return std::nullopt;
    }
    return result;
}

bool MarkerModel::refuse(const QString &message)
{
    emit editRefused(message);
    return false;
}

QString MarkerModel::themeName(const QString &themeId) const
{
    if (themeId.isEmpty())
        return QString();
    const Catalog *cueCatalog = catalog();
    const Theme *theme = cueCatalog ? cueCatalog->theme(themeId) : nullptr;
    return theme ? theme->name : themeId;
}

void MarkerModel::reload()
{
    update(m_store && !m_cue.cueId.isEmpty() ? m_store->markers(m_cue) : QList<Marker>());
}

void MarkerModel::update(const QList<Marker> &markers)
{
    if (idsOf(markers) == idsOf(m_markers)) {
        const QList<Marker> before = std::exchange(m_markers, markers);
        emitChangedRows(before);
        return;
    }
    if (reorder(markers) || insertAndRemove(markers))
        return;
    beginResetModel();
    m_markers = markers;
    endResetModel();
}

// The same markers in another order (a marker moved in time): a layout change that takes the
// selection and the current index along with the rows.
bool MarkerModel::reorder(const QList<Marker> &markers)
{
    if (markers.size() != m_markers.size())
        return false;
    QHash<QString, int> oldRows;
    oldRows.reserve(m_markers.size());
    for (int row = 0; row < m_markers.size(); ++row)
        oldRows.insert(m_markers.at(row).id, row);
    QList<Marker> before;
    before.reserve(markers.size());
    QList<int> newRowOf(m_markers.size(), -1);
    for (int row = 0; row < markers.size(); ++row) {
        const int oldRow = oldRows.value(markers.at(row).id, -1);
        if (oldRow < 0)
            return false;
        newRowOf[oldRow] = row;
        before.append(m_markers.at(oldRow));
    }
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from)
        to.append(this->index(newRowOf.at(index.row()), index.column()));
    m_markers = markers;
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    emitChangedRows(before);
    return true;
}

// Markers added or removed, the others kept in their order: row by row, so that a view keeps
// its selection on the rows that stay.
bool MarkerModel::insertAndRemove(const QList<Marker> &markers)
{
    const QStringList oldIds = idsOf(m_markers);
    const QStringList newIds = idsOf(markers);
    const QSet<QString> oldSet(oldIds.cbegin(), oldIds.cend());
    const QSet<QString> newSet(newIds.cbegin(), newIds.cend());
    QStringList keptInOldOrder;
    for (const QString &id : oldIds) {
        if (newSet.contains(id))
            keptInOldOrder.append(id);
    }
    QStringList keptInNewOrder;
    for (const QString &id : newIds) {
        if (oldSet.contains(id))
            keptInNewOrder.append(id);
    }
    if (keptInOldOrder != keptInNewOrder)
        return false;
    for (int row = int(m_markers.size()) - 1; row >= 0; --row) {
        if (newSet.contains(m_markers.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_markers.removeAt(row);
        endRemoveRows();
    }
    for (int row = 0; row < markers.size(); ++row) {
        if (oldSet.contains(markers.at(row).id))
            continue;
        beginInsertRows({}, row, row);
        m_markers.insert(row, markers.at(row));
        endInsertRows();
    }
    const QList<Marker> before = std::exchange(m_markers, markers);
    emitChangedRows(before);
    return true;
}

// before is the old content of each row as it now stands.
void MarkerModel::emitChangedRows(const QList<Marker> &before)
{
    for (int row = 0; row < m_markers.size(); ++row) {
        if (before.at(row) != m_markers.at(row))
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}
