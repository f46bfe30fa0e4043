#pragma once

#include "catalog/catalog.h"
#include "catalog/cuekey.h"
#include "catalog/occurrences.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

// What the open catalogs, and the user's markers that name themes, say about one theme taken as
// a whole, as the census table at the end of a printed leitmotif catalogue gives it: how many cues
// quote it, where it is first and last heard (in album order and in episode order), the releases
// it spans, and how long it is heard where times are known.
namespace ThemeCensus {

// A release of one of the catalogs.
struct ReleaseKey
{
    QString catalogId;
    QString releaseId;

    friend bool operator==(const ReleaseKey &, const ReleaseKey &) = default;
};

struct Entry
{
    QString themeId;
    // The cues that quote it, each once, in the album order Occurrences::ofTheme() gives.
    QList<CueKey> cues;
    // Of those, the cues that only the user's markers name.
    int usersOnlyCueCount = 0;
    // Album order; empty when no cue quotes it.
    CueKey firstHeard;
    CueKey lastHeard;
    // Episode order (compareEpisodes()), over the cues whose episode has a number in its name
    // ("Season 1, episode 9"; a title alone says nothing of the order); empty when none has.
    CueKey firstEpisode;
    CueKey lastEpisode;
    // The releases its cues stand on, in the catalogs' and their releases' order.
    QList<ReleaseKey> releases;
    // How long it is heard: the timed ranges of its entrances (the catalog's and the user's),
    // overlaps counted once; 0 where no entrance has both a start and an end.
    qint64 heardMs = 0;

    friend bool operator==(const Entry &, const Entry &) = default;
};

// usersRows: the user's occurrences (their markers that name a theme); the ones of a cue no
// catalog has are left out, as Occurrences::ofTheme() leaves them out.
Entry of(const QList<Catalog> &catalogs, const QString &themeId,
    const QList<OccurrenceRow> &usersRows = {});
// Every theme the catalogs define (and any the user's rows name), by id, in one pass over the
// catalogs: what of() gives for each.
QHash<QString, Entry> ofEveryTheme(
    const QList<Catalog> &catalogs, const QList<OccurrenceRow> &usersRows = {});
// The themes of themeIds only, through the catalogs' indexes: what of() gives for each, at the
// cost of those themes alone.
QHash<QString, Entry> ofThemes(const QList<Catalog> &catalogs, const QSet<QString> &themeIds,
    const QList<OccurrenceRow> &usersRows = {});

// The running time of the catalogs: each cue once, at its longest track, where a duration is
// known.
qint64 runningTimeMs(const QList<Catalog> &catalogs);

// heardMs as a share of runningTimeMs, from 0 to 1; -1 when either is 0 (nothing timed).
double share(qint64 heardMs, qint64 runningTimeMs);

// Episodes in the order they are broadcast, as far as their names tell: "Season 1, episode 9"
// before "Season 1, episode 10". Negative, 0 or positive.
int compareEpisodes(const QString &a, const QString &b);

} // namespace ThemeCensus
