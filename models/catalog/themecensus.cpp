#include "catalog/themecensus.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <limits>
#include <tuple>

namespace {

struct Range
{
    qint64 startMs = 0;
    qint64 endMs = 0;
};

// The length of the union of ranges.
qint64 coveredMs(QList<Range> ranges)
{
    std::sort(ranges.begin(), ranges.end(),
        [](const Range &a, const Range &b) { return a.startMs < b.startMs; });
    qint64 covered = 0;
    qint64 reached = std::numeric_limits<qint64>::min();
    for (const Range &range : std::as_const(ranges)) {
        const qint64 from = std::max(range.startMs, reached);
        if (range.endMs > from)
            covered += range.endMs - from;
        reached = std::max(reached, range.endMs);
    }
    return covered;
}

bool hasNumber(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}

constexpr int Unreleased = std::numeric_limits<int>::max();

// One entrance of a theme, by catalog and cue index, with where its cue first stands: album
// order places a cue there, as Occurrences::ofTheme() does, and one on no release after every
// released one.
struct Heard
{
    int catalog = 0;
    int cue = 0;
    TrackRef place;
    bool users = false;
    qint64 startMs = -1;
    qint64 endMs = -1;

    auto albumKey() const { return std::tuple(catalog, place.release, place.track, cue); }
};

// Where each cue of a catalog first stands, by cue index, in one pass over its tracks.
QList<TrackRef> firstTracks(const Catalog &catalog)
{
    QList<TrackRef> first(catalog.cues.size(), TrackRef {Unreleased, Unreleased});
    for (int r = 0; r < catalog.releases.size(); ++r) {
        const QList<Track> &tracks = catalog.releases.at(r).tracks;
        for (int t = 0; t < tracks.size(); ++t) {
            const int cue = catalog.cueIndex(tracks.at(t).cueId);
            if (cue >= 0 && first.at(cue).release == Unreleased)
                first[cue] = {r, t};
        }
    }
    return first;
}

// Where a cue first stands, looked up by itself: for a few themes, cheaper than firstTracks().
TrackRef firstTrack(const Catalog &catalog, const QString &cueId)
{
    return catalog.tracksOfCue(cueId).value(0, TrackRef {Unreleased, Unreleased});
}

// The census of every theme in themeIds, or of every theme the catalogs and usersRows name when
// themeIds is empty. A few themes are read through the catalogs' indexes; every theme in one
// pass over all occurrences and tracks.
QHash<QString, ThemeCensus::Entry> count(const QList<Catalog> &catalogs,
    const QList<OccurrenceRow> &usersRows, const QSet<QString> &themeIds)
{
    const bool everyTheme = themeIds.isEmpty();
    QList<QList<TrackRef>> first;
    if (everyTheme) {
        for (const Catalog &catalog : catalogs)
            first.append(firstTracks(catalog));
    }
    const auto place = [&](int c, int cue) {
        return everyTheme ? first.at(c).at(cue)
                          : firstTrack(catalogs.at(c), catalogs.at(c).cues.at(cue).id);
    };

    QHash<QString, QList<Heard>> heardByTheme;
    QHash<QString, int> catalogIndex;
    for (const QString &themeId : themeIds)
        heardByTheme[themeId];
    for (int c = 0; c < catalogs.size(); ++c) {
        const Catalog &catalog = catalogs.at(c);
        catalogIndex.insert(catalog.id, c);
        const auto add = [&](const Occurrence &occurrence) {
            const int cue = catalog.cueIndex(occurrence.cueId);
            if (cue >= 0) {
                heardByTheme[occurrence.themeId].append(
                    {c, cue, place(c, cue), false, occurrence.startMs, occurrence.endMs});
            }
        };
        if (everyTheme) {
            for (const Theme &theme : catalog.themes)
                heardByTheme[theme.id];
            for (const Occurrence &occurrence : catalog.occurrences)
                add(occurrence);
            continue;
        }
        for (const QString &themeId : themeIds) {
            for (const int o : catalog.occurrencesOfTheme(themeId))
                add(catalog.occurrences.at(o));
        }
    }
    for (const OccurrenceRow &row : usersRows) {
        const int c = catalogIndex.value(row.catalogId, -1);
        const int cue = c < 0 ? -1 : catalogs.at(c).cueIndex(row.occurrence.cueId);
        if (cue < 0 || !(everyTheme || themeIds.contains(row.occurrence.themeId)))
            continue;
        heardByTheme[row.occurrence.themeId].append(
            {c, cue, place(c, cue), true, row.occurrence.startMs, row.occurrence.endMs});
    }

    QHash<QString, ThemeCensus::Entry> census;
    for (auto it = heardByTheme.begin(); it != heardByTheme.end(); ++it) {
        QList<Heard> &heard = it.value();
        std::stable_sort(heard.begin(), heard.end(),
            [](const Heard &a, const Heard &b) { return a.albumKey() < b.albumKey(); });
        ThemeCensus::Entry entry;
        entry.themeId = it.key();
        QSet<std::pair<int, int>> releases;
        QString firstEpisode;
        QString lastEpisode;
        for (qsizetype i = 0; i < heard.size();) {
            // The entrances of one cue are next to each other.
            qsizetype next = i;
            bool usersOnly = true;
            QList<Range> timed;
            while (next < heard.size() && heard.at(next).catalog == heard.at(i).catalog
                && heard.at(next).cue == heard.at(i).cue) {
                const Heard &one = heard.at(next);
                usersOnly = usersOnly && one.users;
                if (one.startMs >= 0 && one.endMs > one.startMs)
                    timed.append({one.startMs, one.endMs});
                ++next;
            }
            const Catalog &catalog = catalogs.at(heard.at(i).catalog);
            const Cue &cue = catalog.cues.at(heard.at(i).cue);
            const CueKey key {catalog.id, cue.id};
            entry.cues.append(key);
            entry.usersOnlyCueCount += usersOnly ? 1 : 0;
            entry.heardMs += coveredMs(timed);
            for (const TrackRef &track : catalog.tracksOfCue(cue.id))
                releases.insert({heard.at(i).catalog, track.release});
            // An episode known only by its title ("Remembrance") has no place in the order.
            if (hasNumber(cue.episode)) {
                if (firstEpisode.isNull()
                    || ThemeCensus::compareEpisodes(cue.episode, firstEpisode) < 0) {
                    entry.firstEpisode = key;
                    firstEpisode = cue.episode;
                }
                if (lastEpisode.isNull()
                    || ThemeCensus::compareEpisodes(cue.episode, lastEpisode) > 0) {
                    entry.lastEpisode = key;
                    lastEpisode = cue.episode;
                }
            }
            i = next;
        }
        if (!entry.cues.isEmpty()) {
            entry.firstHeard = entry.cues.constFirst();
            entry.lastHeard = entry.cues.constLast();
        }
        QList<std::pair<int, int>> ordered(releases.cbegin(), releases.cend());
        std::sort(ordered.begin(), ordered.end());
        for (const auto &[c, r] : std::as_const(ordered))
            entry.releases.append({catalogs.at(c).id, catalogs.at(c).releases.at(r).id});
        census.insert(entry.themeId, entry);
    }
    return census;
}

} // namespace

namespace ThemeCensus {

Entry of(
    const QList<Catalog> &catalogs, const QString &themeId, const QList<OccurrenceRow> &usersRows)
{
    Entry entry = count(catalogs, usersRows, {themeId}).value(themeId);
    entry.themeId = themeId;
    return entry;
}

QHash<QString, Entry> ofEveryTheme(
    const QList<Catalog> &catalogs, const QList<OccurrenceRow> &usersRows)
{
    return count(catalogs, usersRows, {});
}

QHash<QString, Entry> ofThemes(const QList<Catalog> &catalogs, const QSet<QString> &themeIds,
    const QList<OccurrenceRow> &usersRows)
{
    if (themeIds.isEmpty())
        return {};
    return count(catalogs, usersRows, themeIds);
}

qint64 runningTimeMs(const QList<Catalog> &catalogs)
{
    qint64 total = 0;
    for (const Catalog &catalog : catalogs) {
        // The longest track of each cue, in one pass over the releases.
        QHash<QString, qint64> longest;
        for (const Release &release : catalog.releases) {
            for (const Track &track : release.tracks) {
                if (track.durationMs <= 0)
                    continue;
                qint64 &cueLength = longest[track.cueId];
                cueLength = std::max(cueLength, track.durationMs);
            }
        }
        for (const qint64 length : std::as_const(longest))
            total += length;
    }
    return total;
}

double share(qint64 heardMs, qint64 runningTimeMs)
{
    if (heardMs <= 0 || runningTimeMs <= 0)
        return -1;
    return std::min(1.0, double(heardMs) / double(runningTimeMs));
}

// Runs of digits compare as numbers, the rest as text without case; QCollator's numeric mode
// is not there without ICU.
int compareEpisodes(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            const qsizetype startA = i;
            const qsizetype startB = j;
            while (i < a.size() && a.at(i).isDigit())
                ++i;
            while (j < b.size() && b.at(j).isDigit())
                ++j;
            // Without leading zeros, the longer run is the larger number.
            QStringView numberA = QStringView(a).sliced(startA, i - startA);
            QStringView numberB = QStringView(b).sliced(startB, j - startB);
            while (numberA.size() > 1 && numberA.front() == u'0')
                numberA = numberA.sliced(1);
            while (numberB.size() > 1 && numberB.front() == u'0')
                numberB = numberB.sliced(1);
            if (numberA.size() != numberB.size())
                return numberA.size() < numberB.size() ? -1 : 1;
            if (const int order = numberA.compare(numberB))
                return order;
            continue;
        }
        const QChar x = a.at(i).toCaseFolded();
        const QChar y = b.at(j).toCaseFolded();
        if (x != y)
            return x < y ? -1 : 1;
        ++i;
        ++j;
    }
    return (i < a.size()) - (j < b.size());
}

} // namespace ThemeCensus
