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
    return markers;
}

QList<Marker> MarkerStore::markersOfTheme(const QString &catalogId, const QString &themeId) const
{
    QList<Marker> markers;
    forEachRow(u"SELECT %1 FROM markers WHERE catalog_id = ? AND theme_id = ? "
               "ORDER BY cue_id, start_ms, id"_s.arg(Columns),
        {catalogId, themeId}, [&](const QSqlQuery &row) { markers.append(markerFromRow(row)); });
    return markers;
}

std::optional<Marker> MarkerStore::marker(const QString &id) const
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
    return write(markers);
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

bool MarkerStore::write(const QList<Marker> &markers)
{
    // A moved marker changes its old cue as well as its new one.
    QSet<CueKey> changed;
    SqlTransaction transaction(connection());
    bool ok = transaction.isActive();
    QSqlQuery old(connection());
    QSqlQuery put(connection());
    ok = ok && prepare(old, u"SELECT catalog_id, cue_id FROM markers WHERE id = ?"_s)
        && prepare(put,
            u"INSERT INTO markers (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET catalog_id = excluded.catalog_id, "
            "cue_id = excluded.cue_id, start_ms = excluded.start_ms, end_ms = excluded.end_ms, "
            "label = excluded.label, theme_id = excluded.theme_id, kind = excluded.kind, "
            "updated_at_ms = excluded.updated_at_ms"_s.arg(Columns));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Marker &marker : markers) {
        if (!ok)
            break;
        ok = execPrepared(old, {marker.id});
        if (ok && old.next())
            changed.insert({old.value(0).toString(), old.value(1).toString()});
        old.finish();
        changed.insert(marker.cue);
        ok = ok
            && execPrepared(put,
                {marker.id, marker.cue.catalogId, marker.cue.cueId, marker.startMs,
                    marker.endMs >= 0 ? QVariant(marker.endMs)
                                      : QVariant(QMetaType::fromType<qint64>()),
                    notNull(marker.label), notNull(marker.themeId), notNull(marker.kind),
                    marker.createdAtMs > 0 ? marker.createdAtMs : now,
                    marker.updatedAtMs > 0 ? marker.updatedAtMs : now});
    }
    ok = ok && transaction.commit();
    if (!ok) {
        return writeFailed(markers.size() == 1
                ? tr("The marker “%1” on the cue %2/%3")
                      .arg(markers.first().label, markers.first().cue.catalogId,
                          markers.first().cue.cueId)
                : tr("%n markers", "", int(markers.size())),
            transaction.lastError());
    }
    for (const CueKey &cue : std::as_const(changed))
        emit markersChanged(cue);
    return true;
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
    SqlTransaction transaction(connection());
    bool ok = transaction.isActive();
    QSqlQuery remove(connection());
    ok = ok && prepare(remove, u"DELETE FROM markers WHERE id = ?"_s);
    for (const Marker &marker : std::as_const(existing)) {
        if (!ok)
            break;
        ok = execPrepared(remove, {marker.id});
    }
    ok = ok && transaction.commit();
    if (!ok) {
        const Marker &first = existing.constFirst();
        return writeFailed(existing.size() == 1
                ? tr("Removing the marker “%1” from the cue %2/%3")
                      .arg(first.label, first.cue.catalogId, first.cue.cueId)
                : tr("Removing %n markers", "", int(existing.size())),
            transaction.lastError());
    }
    QList<CueKey> changed;
    for (const Marker &marker : std::as_const(existing)) {
        if (!changed.contains(marker.cue))
            changed.append(marker.cue);
    }
    for (const CueKey &cue : std::as_const(changed))
        emit markersChanged(cue);
    return true;
}
