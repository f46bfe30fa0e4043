#pragma once

#include "library/audiofileinfo.h"
#include "catalog/catalog.h"

#include <QList>
#include <QString>

// One track a file may be: the link proposed, or one of the choices of an ambiguous file.
struct MatchCandidate
{
    QString catalogId;
    QString releaseId;
    QString cueId;
    int disc = 1;
    int number = 0;
    // How well the file fits the track, 0 to 1.
    double score = 0;
};

// What the matcher proposes for one file.
struct MatchResult
{
    enum Status { Linked, Ambiguous, Unmatched, Unreadable };

    Status status = Unmatched;
    // Linked: the link. Links belong to the cue; the release is where the match was made.
    MatchCandidate link;
    // Ambiguous: the choices (two or more, or one that fits too loosely to link on its own),
    // best first, one per cue.
    QList<MatchCandidate> candidates;
    // Unreadable: why, as the scanner put it.
    QString reason;
};

// Proposes file ↔ cue links the way beets and MusicBrainz Picard do: files are grouped into
// albums (folder and album tag, or the folder name), each group is scored against the releases
// whose titles share a word with its album (album title, artists, track count, and how well its
// files fit the tracks), and a group's files are assigned to the best release's tracks all at
// once with the Hungarian method, on title similarity, duration and (a little) track number.
// Precision comes first: a group links only to a release whose title it shares, clearly ahead of
// any release that would give other cues; a file links only when it fits one track well and no
// other nearly as well. The rest is ambiguous (the user picks) or unmatched. Two releases giving
// the same cue are not an ambiguity: links belong to cues.
namespace TrackMatcher {

// One result per file, in the order of files. Pure: the same input gives the same output, and
// any thread may call it.
QList<MatchResult> match(const QList<Catalog> &catalogs, const QList<AudioFileInfo> &files);

} // namespace TrackMatcher
