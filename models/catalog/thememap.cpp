#include "catalog/thememap.h"

#include "catalog/themecensus.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString trackLabel(const Release &release, const Track &track)
{
    const bool discs = std::any_of(release.tracks.cbegin(), release.tracks.cend(),
        [](const Track &other) { return other.disc > 1; });
    if (!discs)
        return QString::number(track.number);
    return QString::number(track.disc) + u'-'
        + QString::number(track.number).rightJustified(2, u'0');
}

QList<ThemeMap::Row> rowsOf(const Catalog &catalog, const ThemeMap::Options &options)
{
    QList<ThemeMap::Row> rows;
    QSet<QString> seen;
    const auto addRelease = [&](const Release &release, bool labelled) {
        for (const Track &track : release.tracks) {
            if (seen.contains(track.cueId))
                continue;
            seen.insert(track.cueId);
            const Cue *cue = catalog.cue(track.cueId);
            ThemeMap::Row row;
            row.cueId = track.cueId;
            row.title = cue && !cue->title.isEmpty() ? cue->title : track.title;
            row.episode = cue ? cue->episode : QString();
            row.label = labelled ? trackLabel(release, track) : QString();
            row.durationMs = catalog.cueDurationMs(track.cueId);
            rows.append(row);
        }
    };
    if (options.releaseId.isEmpty()) {
        for (const Release &release : catalog.releases)
            addRelease(release, false);
    } else if (const Release *release = catalog.release(options.releaseId)) {
        addRelease(*release, true);
    }
    if (options.rowOrder == ThemeMap::RowOrder::Episode) {
        // Cues the catalog gives no numbered episode keep album order, after the others.
        const auto numbered = [](const QString &episode) {
            return std::any_of(
                episode.cbegin(), episode.cend(), [](QChar c) { return c.isDigit(); });
        };
        std::stable_sort(
            rows.begin(), rows.end(), [&](const ThemeMap::Row &a, const ThemeMap::Row &b) {
                const bool aNumbered = numbered(a.episode);
                if (aNumbered != numbered(b.episode))
                    return aNumbered;
                return aNumbered && ThemeCensus::compareEpisodes(a.episode, b.episode) < 0;
            });
    }
    return rows;
}

// Where the occurrence stands in its cue, from 0 to 1.
void place(ThemeMap::Mark &mark, qint64 durationMs)
{
    const Occurrence &occurrence = mark.occurrence.occurrence;
    if (occurrence.startMs >= 0 && durationMs > 0) {
        mark.start = std::clamp(double(occurrence.startMs) / double(durationMs), 0.0, 1.0);
        if (occurrence.endMs > occurrence.startMs)
            mark.end = std::clamp(double(occurrence.endMs) / double(durationMs), mark.start, 1.0);
        mark.known = true;
        return;
    }
    mark.known = true;
    switch (occurrence.position) {
    case Occurrence::Opening:
        mark.start = 0.15;
        break;
    case Occurrence::Middle:
        mark.start = 0.5;
        break;
    case Occurrence::Throughout:
        mark.start = 0.05;
        mark.end = 0.95;
        break;
    case Occurrence::Ending:
        mark.start = 0.85;
        break;
    case Occurrence::NoPosition:
        mark.start = 0.5;
        mark.known = false;
        break;
    }
}

} // namespace

ThemeMap ThemeMap::build(
    const Catalog &catalog, const Options &options, const QList<OccurrenceRow> &usersRows)
{
    ThemeMap map;
    map.catalogId = catalog.id;
    const Release *release
        = options.releaseId.isEmpty() ? nullptr : catalog.release(options.releaseId);
    map.title = release ? release->title : catalog.title;
    map.rows = rowsOf(catalog, options);

    QHash<QString, int> rowOfCue;
    for (int row = 0; row < map.rows.size(); ++row)
        rowOfCue.insert(map.rows[row].cueId, row);
    const QSet<QString> wanted(options.themeIds.cbegin(), options.themeIds.cend());
    const auto shown = [&](const QString &themeId) {
        return (wanted.isEmpty() || wanted.contains(themeId)) && catalog.theme(themeId);
    };

    // The marks, before their columns are known: column holds the theme's index meanwhile.
    QList<Mark> marks;
    const auto add = [&](const OccurrenceRow &occurrence) {
        const auto row = rowOfCue.constFind(occurrence.occurrence.cueId);
        if (row == rowOfCue.cend() || !shown(occurrence.occurrence.themeId))
            return;
        Mark mark;
        mark.row = *row;
        mark.column = catalog.themeIndex(occurrence.occurrence.themeId);
        mark.occurrence = occurrence;
        QStringList sources;
        for (const QString &sourceId : occurrence.occurrence.sourceIds) {
            if (const Source *source = catalog.source(sourceId))
                sources.append(Occurrences::sourceName(*source));
        }
        sources.removeDuplicates();
        mark.sources = sources.join(u", "_s);
        place(mark, map.rows[*row].durationMs);
        marks.append(mark);
    };
    if (options.catalogOccurrences) {
        for (const Occurrence &occurrence : catalog.occurrences)
            add({catalog.id, occurrence, {}});
    }
    if (options.userMarkers) {
        for (const OccurrenceRow &occurrence : usersRows) {
            if (occurrence.catalogId == catalog.id)
                add(occurrence);
        }
    }

    // Columns: the themes heard, by first row heard (then the catalog's order), or by how many
    // rows hear them (then by name).
    struct Heard
    {
        int theme = -1;
        int firstRow = 0;
        QSet<int> rows;
    };
    QHash<int, Heard> heard;
    for (const Mark &mark : std::as_const(marks)) {
        Heard &entry = heard[mark.column];
        if (entry.theme < 0) {
            entry.theme = mark.column;
            entry.firstRow = mark.row;
        }
        entry.firstRow = std::min(entry.firstRow, mark.row);
        entry.rows.insert(mark.row);
    }
    QList<Heard> order = heard.values();
    std::sort(order.begin(), order.end(), [&](const Heard &a, const Heard &b) {
        if (options.themeOrder == ThemeOrder::Count && a.rows.size() != b.rows.size())
            return a.rows.size() > b.rows.size();
        if (options.themeOrder == ThemeOrder::Count)
            return QString::localeAwareCompare(
                       catalog.themes[a.theme].name, catalog.themes[b.theme].name)
                < 0;
        return a.firstRow != b.firstRow ? a.firstRow < b.firstRow : a.theme < b.theme;
    });
    QHash<int, int> columnOfTheme;
    for (const Heard &entry : std::as_const(order)) {
        columnOfTheme.insert(entry.theme, int(map.columns.size()));
        const Theme &theme = catalog.themes[entry.theme];
        map.columns.append({theme.id, theme.name, int(entry.rows.size())});
    }
    for (Mark &mark : marks)
        mark.column = columnOfTheme.value(mark.column);
    std::stable_sort(marks.begin(), marks.end(), [](const Mark &a, const Mark &b) {
        if (a.row != b.row)
            return a.row < b.row;
        if (a.column != b.column)
            return a.column < b.column;
        return a.start < b.start;
    });
    map.marks = marks;
    return map;
}

QList<int> ThemeMap::marksAt(int row, int column) const
{
    QList<int> found;
    for (int i = 0; i < marks.size(); ++i) {
        if (marks[i].row == row && marks[i].column == column)
            found.append(i);
    }
    return found;
}
