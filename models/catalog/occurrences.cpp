#include "catalog/occurrences.h"

#include "catalog/timecode.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <limits>
#include <tuple>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Occurrences", text);
}

// Where in its cue an occurrence is heard, for sorting: the start time, or for a position
// without a time the point of the cue it stands for; rank orders the ones at the same point
// (opening, then a time or the middle, throughout, ending, and last the ones with neither).
struct OrderKey
{
    qint64 ms = 0;
    int rank = 0;

    friend auto operator<=>(const OrderKey &, const OrderKey &) = default;
};

// The cue's length for placing positions: its duration, or else the latest time any of its
// occurrences gives, or 0 (then the positions keep their own order at the start).
qint64 cueLengthMs(const Catalog &catalog, const QString &cueId)
{
    const qint64 duration = catalog.cueDurationMs(cueId);
    if (duration >= 0)
        return duration;
    qint64 latest = 0;
    for (const int o : catalog.occurrencesOfCue(cueId)) {
        const Occurrence &occurrence = catalog.occurrences.at(o);
        latest = std::max({latest, occurrence.startMs, occurrence.endMs});
    }
    return latest;
}

OrderKey orderKey(const Occurrence &occurrence, qint64 cueLength)
{
    if (occurrence.startMs >= 0)
        return {occurrence.startMs, 1};
    switch (occurrence.position) {
    case Occurrence::Opening:
        return {0, 0};
    case Occurrence::Middle:
        return {cueLength / 2, 1};
    case Occurrence::Throughout:
        return {cueLength / 2, 2};
    case Occurrence::Ending:
        return {cueLength, 3};
    case Occurrence::NoPosition:
        break;
    }
    return {std::numeric_limits<qint64>::max(), 4};
}

// The rows of sortable things, in the order of their keys; equal keys keep the order given.
template<typename Key>
QList<OccurrenceRow> sortedRows(QList<std::pair<Key, OccurrenceRow>> keyed)
{
    std::stable_sort(
        keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<OccurrenceRow> rows;
    rows.reserve(keyed.size());
    for (const auto &[key, row] : std::as_const(keyed))
        rows.append(row);
    return rows;
}

} // namespace

namespace Occurrences {

QList<OccurrenceRow> ofCue(
    const QList<Catalog> &catalogs, const CueKey &cue, const QList<OccurrenceRow> &usersRows)
{
    const auto catalog = std::find_if(catalogs.cbegin(), catalogs.cend(),
        [&cue](const Catalog &c) { return c.id == cue.catalogId; });
    if (catalog == catalogs.cend() || !catalog->cue(cue.cueId))
        return {};
    const qint64 length = cueLengthMs(*catalog, cue.cueId);
    QList<std::pair<OrderKey, OccurrenceRow>> keyed;
    for (const int o : catalog->occurrencesOfCue(cue.cueId)) {
        const Occurrence &occurrence = catalog->occurrences.at(o);
        keyed.append({orderKey(occurrence, length), OccurrenceRow {catalog->id, occurrence, {}}});
    }
    for (const OccurrenceRow &row : usersRows) {
        if (row.cue() == cue)
            keyed.append({orderKey(row.occurrence, length), row});
    }
    return sortedRows(std::move(keyed));
}

QList<OccurrenceRow> ofTheme(
    const QList<Catalog> &catalogs, const QString &themeId, const QList<OccurrenceRow> &usersRows)
{
    // Catalog, release, track, cue, and the place in the cue.
    using AlbumKey = std::tuple<int, int, int, int, OrderKey>;
    // A cue on no release sorts after the released ones.
    constexpr TrackRef unreleased {
        std::numeric_limits<int>::max(), std::numeric_limits<int>::max()};
    const auto albumKey = [&](int c, const Occurrence &occurrence) {
        const Catalog &catalog = catalogs.at(c);
        const TrackRef first = catalog.tracksOfCue(occurrence.cueId).value(0, unreleased);
        const OrderKey inCue = orderKey(occurrence, cueLengthMs(catalog, occurrence.cueId));
        return AlbumKey {c, first.release, first.track, catalog.cueIndex(occurrence.cueId), inCue};
    };
    QList<std::pair<AlbumKey, OccurrenceRow>> keyed;
    for (int c = 0; c < catalogs.size(); ++c) {
        const Catalog &catalog = catalogs.at(c);
        for (const int o : catalog.occurrencesOfTheme(themeId)) {
            const Occurrence &occurrence = catalog.occurrences.at(o);
            keyed.append({albumKey(c, occurrence), OccurrenceRow {catalog.id, occurrence, {}}});
        }
    }
    for (const OccurrenceRow &row : usersRows) {
        const auto catalog = std::find_if(catalogs.cbegin(), catalogs.cend(),
            [&row](const Catalog &c) { return c.id == row.catalogId; });
        if (row.occurrence.themeId != themeId || catalog == catalogs.cend()
            || !catalog->cue(row.occurrence.cueId))
            continue;
        keyed.append({albumKey(int(catalog - catalogs.cbegin()), row.occurrence), row});
    }
    return sortedRows(std::move(keyed));
}

int cueCountOfTheme(const QList<Catalog> &catalogs, const QString &themeId)
{
    int count = 0;
    for (const Catalog &catalog : catalogs) {
        QSet<QString> cues;
        for (const int o : catalog.occurrencesOfTheme(themeId))
            cues.insert(catalog.occurrences.at(o).cueId);
        count += cues.size();
    }
    return count;
}

QString kindText(Occurrence::Kind kind)
{
    switch (kind) {
    case Occurrence::Statement:
        return tr("Statement");
    case Occurrence::Quotation:
        return tr("Quotation");
    case Occurrence::Allusion:
        return tr("Allusion");
    case Occurrence::Fragment:
        return tr("Fragment");
    case Occurrence::Variation:
        return tr("Variation");
    case Occurrence::UnknownKind:
        break;
    }
    return QString();
}

QString whereText(const Occurrence &occurrence)
{
    if (occurrence.startMs >= 0) {
        const QString start = TimeCode::formatSeconds(occurrence.startMs);
        if (occurrence.endMs <= occurrence.startMs)
            return start;
        return tr("%1–%2").arg(start, TimeCode::formatSeconds(occurrence.endMs));
    }
    switch (occurrence.position) {
    case Occurrence::Opening:
        return tr("opening");
    case Occurrence::Middle:
        return tr("in the middle");
    case Occurrence::Throughout:
        return tr("throughout");
    case Occurrence::Ending:
        return tr("towards the end");
    case Occurrence::NoPosition:
        break;
    }
    return QString();
}

QString sourceName(const Source &source)
{
    if (!source.author.isEmpty())
        return source.author;
    return source.publication.isEmpty() ? source.title : source.publication;
}

} // namespace Occurrences
