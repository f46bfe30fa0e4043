#include "userdata/markerstore.h"

#include <QDateTime>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace {

const QString Columns = u"id, catalog_id, cue_id, start_ms, end_ms, label, theme_id, kind, "
                        "created_at_ms, updated_at_ms"_s;

Marker markerFromRow(const QSqlQuery &row)
{
    Marker marker;
    marker.id = row.value(0).toString();
    marker.cue = {row.value(1).toString(), row.value(2).toString()};
    marker.startMs = row.value(3).toLongLong();
    marker.endMs = row.value(4).isNull() ? -1 : row.value(4).toLongLong();
    marker.label = row.value(5).toString();
    marker.themeId = row.value(6).toString();
    marker.kind = row.value(7).toString();
    marker.createdAtMs = row.value(8).toLongLong();
    marker.updatedAtMs = row.value(9).toLongLong();
    return marker;
}

// Qt binds a null QString as NULL; the text columns hold empty strings instead.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// In the order heard, as markers(cue) reads them.
bool heardBefore(const Marker &a, const Marker &b)
{
    const auto key = [](const Marker &marker) {
        return std::tie(marker.startMs, marker.endMs >= 0 ? marker.endMs : marker.startMs,
            marker.label, marker.id);
    };
    return key(a) < key(b);
}

} // namespace

MarkerStore::MarkerStore(UserDatabase *database)
    : UserDataStore(database)
{ }

QList<Marker> MarkerStore::markers(const CueKey &cue) const
{
    QList<Marker> markers;
    forEachRow(u"SELECT %1 FROM markers WHERE catalog_id = ? AND cue_id = ? "
               "ORDER BY start_ms, coalesce(end_ms, start_ms), label, id"_s.arg(Columns),
        {cue.catalogId, cue.cueId},
        [&](const QSqlQuery &row) { markers.append(markerFromRow(row)); });
    return overlaid(
        markers, [&](const Marker &marker) { return marker.cue == cue; }, heardBefore);
}

namespace {

bool byCueThenStart(const Marker &a, const Marker &b)
{
    return std::tie(a.cue.cueId, a.startMs, a.id) < std::tie(b.cue.cueId, b.startMs, b.id);
}

} // namespace

QList<Marker> MarkerStore::markersOfTheme(const QString &catalogId, const QString &themeId) const
{
    QList<Marker> markers;
    forEachRow(u"SELECT %1 FROM markers WHERE catalog_id = ? AND theme_id = ? "
               "ORDER BY cue_id, start_ms, id"_s.arg(Columns),
        {catalogId, themeId}, [&](const QSqlQuery &row) { markers.append(markerFromRow(row)); });
    return overlaid(
        markers,
        [&](const Marker &marker) {
            return marker.cue.catalogId == catalogId && marker.themeId == themeId;
        },
        byCueThenStart);
}

QList<Marker> MarkerStore::themeMarkers(const QString &catalogId) const
{
    QList<Marker> markers;
    forEachRow(u"SELECT %1 FROM markers WHERE catalog_id = ? AND theme_id <> '' "
               "ORDER BY cue_id, start_ms, id"_s.arg(Columns),
        {catalogId}, [&](const QSqlQuery &row) { markers.append(markerFromRow(row)); });
    return overlaid(
        markers,
        [&](const Marker &marker) {
            return marker.cue.catalogId == catalogId && !marker.themeId.isEmpty();
        },
        byCueThenStart);
}

QList<Marker> MarkerStore::overlaid(QList<Marker> rows,
    const std::function<bool(const Marker &)> &keep,
    const std::function<bool(const Marker &, const Marker &)> &lessThan) const
{
    if (m_pending.isEmpty())
        return rows;
    rows.removeIf([&](const Marker &marker) { return m_pending.contains(marker.id); });
    for (const PendingMarker &pending : m_pending) {
        if (!pending.removed && keep(pending.marker))
            rows.append(pending.marker);
    }
    std::sort(rows.begin(), rows.end(), lessThan);
    return rows;
}

std::optional<Marker> MarkerStore::marker(const QString &id) const
{
    const auto pending = m_pending.constFind(id);
    if (pending == m_pending.cend())
        return storedMarker(id);
    return pending->removed ? std::nullopt : std::optional<Marker>(pending->marker);
}

std::optional<Marker> MarkerStore::storedMarker(const QString &id) const
{
    std::optional<Marker> marker;
    forEachRow(u"SELECT %1 FROM markers WHERE id = ?"_s.arg(Columns), {id},
        [&](const QSqlQuery &row) { marker = markerFromRow(row); });
    return marker;
}

QList<CueKey> MarkerStore::cuesWithMarkers() const
{
    QList<CueKey> keys;
    forEachRow(u"SELECT DISTINCT catalog_id, cue_id FROM markers ORDER BY catalog_id, cue_id"_s, {},
        [&](const QSqlQuery &row) {
            keys.append({row.value(0).toString(), row.value(1).toString()});
        });
    if (m_pending.isEmpty())
        return keys;
    // The cues the changes kept in memory touch: where each marker is on disk, and where it is
    // now.
    QSet<CueKey> touched;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        touched.insert(it->marker.cue);
        if (const std::optional<Marker> stored = storedMarker(it.key()))
            touched.insert(stored->cue);
    }
    for (const CueKey &cue : std::as_const(touched)) {
        const bool listed = keys.contains(cue);
        const bool has = !markers(cue).isEmpty();
        if (listed && !has)
            keys.removeOne(cue);
        else if (has && !listed)
            keys.append(cue);
    }
    std::sort(keys.begin(), keys.end(), [](const CueKey &a, const CueKey &b) {
        return std::tie(a.catalogId, a.cueId) < std::tie(b.catalogId, b.cueId);
    });
    return keys;
}

QList<Marker> MarkerStore::allMarkers() const
{
    // Read in the table's order and sorted here: ordered by SQLite through the index by cue, each
    // row would be a lookup of its own (ten times slower for 500,000 markers).
    QList<Marker> markers;
    forEachRow(u"SELECT %1 FROM markers"_s.arg(Columns), {},
        [&](const QSqlQuery &row) { markers.append(markerFromRow(row)); });
    const auto order = [](const Marker &m) {
        return std::tie(m.cue.catalogId, m.cue.cueId, m.startMs, m.endMs < 0 ? m.startMs : m.endMs,
            m.label, m.id);
    };
    std::sort(markers.begin(), markers.end(),
        [&order](const Marker &a, const Marker &b) { return order(a) < order(b); });
    return markers;
}

int MarkerStore::markerCount() const
{
    int count = 0;
    forEachRow(u"SELECT count(*) FROM markers"_s, {},
        [&](const QSqlQuery &row) { count = row.value(0).toInt(); });
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        count += (it->removed ? 0 : 1) - (storedMarker(it.key()) ? 1 : 0);
    return count;
}

bool MarkerStore::putMarker(const Marker &marker)
{
    return putMarkers({marker});
}

bool MarkerStore::putMarkers(const QList<Marker> &markers)
{
    if (!isOpen())
        return notOpen();
    for (const Marker &marker : markers) {
        if (!validate(marker))
            return false;
    }
    retryPendingWrites();
    // The times are settled now, so that a marker kept in memory reads as it will be saved.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<Marker> settled;
    // A moved marker changes its old cue as well as its new one.
    QSet<CueKey> changed;
    for (Marker marker : markers) {
        const std::optional<Marker> before = this->marker(marker.id);
        if (before)
            changed.insert(before->cue);
        changed.insert(marker.cue);
        if (marker.createdAtMs <= 0)
            marker.createdAtMs = before ? before->createdAtMs : now;
        if (marker.updatedAtMs <= 0)
            marker.updatedAtMs = now;
        settled.append(marker);
    }
    SqlTransaction transaction(connection());
    const bool saved = transaction.isActive() && upsert(settled) && transaction.commit();
    for (const Marker &marker : std::as_const(settled)) {
        if (saved)
            m_pending.remove(marker.id);
        else
            m_pending.insert(marker.id, {marker, false});
    }
    pendingChanged();
    for (const CueKey &cue : std::as_const(changed))
        emit markersChanged(cue);
    if (saved)
        return true;
    return keptWriteFailed(settled.size() == 1 ? describe(settled.first(), false)
                                               : tr("%n markers", "", int(settled.size())),
        transaction.lastError());
}

bool MarkerStore::validate(const Marker &marker) const
{
    if (marker.id.isEmpty() || marker.cue.catalogId.isEmpty() || marker.cue.cueId.isEmpty())
        return refused(tr("A marker needs an id, a catalog and a cue."));
    if (marker.startMs < 0)
        return refused(tr("The marker “%1” starts before its cue.").arg(marker.label));
    if (marker.endMs >= 0 && marker.endMs < marker.startMs)
        return refused(tr("The marker “%1” ends before it starts.").arg(marker.label));
    return true;
}

// The markers as given, times and all, inside the caller's transaction.
bool MarkerStore::upsert(const QList<Marker> &markers)
{
    QSqlQuery put(connection());
    bool ok = prepare(put,
        u"INSERT INTO markers (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET catalog_id = excluded.catalog_id, "
        "cue_id = excluded.cue_id, start_ms = excluded.start_ms, end_ms = excluded.end_ms, "
        "label = excluded.label, theme_id = excluded.theme_id, kind = excluded.kind, "
        "updated_at_ms = excluded.updated_at_ms"_s.arg(Columns));
    for (const Marker &marker : markers) {
        if (!ok)
            break;
        ok = execPrepared(put,
            {marker.id, marker.cue.catalogId, marker.cue.cueId, marker.startMs,
                marker.endMs >= 0 ? QVariant(marker.endMs)
                                  : QVariant(QMetaType::fromType<qint64>()),
                notNull(marker.label), notNull(marker.themeId), notNull(marker.kind),
                marker.createdAtMs, marker.updatedAtMs});
    }
    return ok;
}

bool MarkerStore::removeMarker(const QString &id)
{
    return removeMarkers({id});
}

bool MarkerStore::removeMarkers(const QStringList &ids)
{
    if (!isOpen())
        return notOpen();
    QList<Marker> existing;
    for (const QString &id : ids) {
        if (const std::optional<Marker> found = marker(id))
            existing.append(*found);
    }
    if (existing.isEmpty())
        return true;
    retryPendingWrites();
    SqlTransaction transaction(connection());
    QSqlQuery remove(connection());
    bool saved = transaction.isActive() && prepare(remove, u"DELETE FROM markers WHERE id = ?"_s);
    for (const Marker &marker : std::as_const(existing)) {
        if (!saved)
            break;
        saved = execPrepared(remove, {marker.id});
    }
    saved = saved && transaction.commit();
    QList<CueKey> changed;
    for (const Marker &marker : std::as_const(existing)) {
        if (saved)
            m_pending.remove(marker.id);
        else
            m_pending.insert(marker.id, {marker, true});
        if (!changed.contains(marker.cue))
            changed.append(marker.cue);
    }
    pendingChanged();
    for (const CueKey &cue : std::as_const(changed))
        emit markersChanged(cue);
    if (saved)
        return true;
    return keptWriteFailed(existing.size() == 1
            ? describe(existing.constFirst(), true)
            : tr("Removing %n markers", "", int(existing.size())),
        transaction.lastError());
}

QStringList MarkerStore::pendingWrites() const
{
    QStringList writes;
    for (const PendingMarker &pending : m_pending)
        writes.append(describe(pending.marker, pending.removed));
    writes.sort();
    return writes;
}

bool MarkerStore::writePending()
{
    if (m_pending.isEmpty())
        return true;
    QList<Marker> puts;
    QStringList removals;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it->removed)
            removals.append(it.key());
        else
            puts.append(it->marker);
    }
    // Puts and removals together, all or none.
    SqlTransaction transaction(connection());
    QSqlQuery remove(connection());
    bool ok = transaction.isActive() && prepare(remove, u"DELETE FROM markers WHERE id = ?"_s);
    for (const QString &id : std::as_const(removals)) {
        if (!ok)
            break;
        ok = execPrepared(remove, {id});
    }
    ok = ok && upsert(puts) && transaction.commit();
    if (!ok)
        return pendingWriteFailed(transaction.lastError());
    m_pending.clear();
    pendingChanged();
    return true;
}

void MarkerStore::discardPending()
{
    m_pending.clear();
}

QString MarkerStore::describe(const Marker &marker, bool removed)
{
    return removed ? tr("Removing the marker “%1” from the cue %2/%3")
                         .arg(marker.label, marker.cue.catalogId, marker.cue.cueId)
                   : tr("The marker “%1” on the cue %2/%3")
                         .arg(marker.label, marker.cue.catalogId, marker.cue.cueId);
}
