#include "library/matching/trackmatcher.h"

#include "library/matching/albumgroup.h"
#include "library/matching/releasefit.h"

#include <QHash>

#include <algorithm>

namespace {

// A group is considered for a release only when its album name is this close to the release
// title: "Star Trek Picard" (0.75) is; "Star Trek: Discovery Season 1" (0.4: a substitution) is
// not.
constexpr double AlbumGate = 0.6;
// The release score a group needs to link at all, out of 1.
constexpr double ReleaseGate = 0.6;
// A release that scores within this of the best one is a rival: where it gives a file another
// cue, the file is ambiguous.
constexpr double RivalMargin = 0.05;
// A file links to a track it fits at least this well, when no other track fits it nearly as well.
constexpr double LinkThreshold = 0.75;
// "Nearly as well".
constexpr double AmbiguityMargin = 0.08;
constexpr double CandidateThreshold = ReleaseFit::CandidateThreshold;

MatchCandidate candidate(const MatchRelease &release, int track, double score)
{
    const Track &t = release.release->tracks.at(track);
    return {release.catalog->id, release.release->id, t.cueId, t.disc, t.number,
        std::clamp(score, 0.0, 1.0)};
}

bool sameCue(const MatchCandidate &a, const MatchCandidate &b)
{
    return a.catalogId == b.catalogId && a.cueId == b.cueId;
}

// The tracks of one release that file f may be: its assigned track first, then every other track
// (of another cue) that fits it nearly as well and is not clearly another file's.
QList<MatchCandidate> choicesIn(const ReleaseFit &fit, const MatchRelease &release, int f)
{
    const int assigned = fit.trackOfFile.at(f);
    double best = assigned >= 0 ? fit.pair(f, assigned) : CandidateThreshold;
    if (assigned < 0) {
        for (int t = 0; t < fit.tracks; ++t)
            best = std::max(best, fit.pair(f, t));
    }
    QList<MatchCandidate> choices;
    if (assigned >= 0)
        choices.append(candidate(release, assigned, fit.pair(f, assigned)));
    for (int t = 0; t < fit.tracks; ++t) {
        const double pair = fit.pair(f, t);
        if (t == assigned || pair < CandidateThreshold || pair < best - AmbiguityMargin)
            continue;
        const int holder = fit.fileOfTrack.at(t);
        if (holder >= 0 && holder != f && fit.pair(holder, t) >= pair + AmbiguityMargin)
            continue;
        const MatchCandidate choice = candidate(release, t, pair);
        if (std::none_of(choices.cbegin(), choices.cend(),
                [&](const MatchCandidate &c) { return sameCue(c, choice); }))
            choices.append(choice);
    }
    return choices;
}

// Links file f when the best release gives it one track it fits well, no other track nearly as
// well, and no rival release another cue for it; otherwise offers the choices.
MatchResult decide(const QList<ReleaseFit> &fits, const QList<MatchRelease> &releases, int f)
{
    const ReleaseFit &best = fits.constFirst();
    QList<MatchCandidate> choices = choicesIn(best, releases.at(best.release), f);
    const int assigned = best.trackOfFile.at(f);
    const double bestPair = assigned >= 0 ? best.pair(f, assigned) : CandidateThreshold;
    bool confident = assigned >= 0 && bestPair >= LinkThreshold && choices.size() == 1;

    for (qsizetype i = 1; i < fits.size() && fits.at(i).score >= best.score - RivalMargin; ++i) {
        const ReleaseFit &rival = fits.at(i);
        const int track = rival.trackOfFile.at(f);
        if (track < 0 || rival.pair(f, track) < bestPair - AmbiguityMargin)
            continue;
        const MatchCandidate choice
            = candidate(releases.at(rival.release), track, rival.pair(f, track));
        // Both releases hold this cue: the link is the same, whichever the file came from.
        if (std::any_of(choices.cbegin(), choices.cend(),
                [&](const MatchCandidate &c) { return sameCue(c, choice); }))
            continue;
        choices.append(choice);
        confident = false;
    }

    MatchResult result;
    if (confident) {
        result.status = MatchResult::Linked;
        result.link = choices.constFirst();
    } else if (!choices.isEmpty()) {
        result.status = MatchResult::Ambiguous;
        std::stable_sort(choices.begin(), choices.end(),
            [](const MatchCandidate &a, const MatchCandidate &b) { return a.score > b.score; });
        result.candidates = choices;
    }
    return result;
}

class Matcher
{
public:
    explicit Matcher(const QList<Catalog> &catalogs)
    {
        for (const Catalog &catalog : catalogs) {
            for (const Release &release : catalog.releases) {
                const int index = int(m_releases.size());
                m_releases.append(MatchRelease::fromRelease(catalog, release));
                for (const TitleMatch::Word &word : std::as_const(m_releases.last().title.core)) {
                    QList<int> &list = m_releasesOfWord[word.text];
                    if (list.isEmpty() || list.constLast() != index)
                        list.append(index);
                }
            }
        }
    }

    void matchGroup(const AlbumGroup &group, QList<MatchResult> &results)
    {
        QList<ReleaseFit> fits;
        for (const int r : candidateReleases(group)) {
            MatchRelease &release = m_releases[r];
            const TitleMatch::AlbumSimilarity album
                = TitleMatch::albumSimilarity(group.album, release.title, release.nameWords);
            if (album.score < AlbumGate)
                continue;
            release.buildTracks();
            ReleaseFit fit = ReleaseFit::fit(group, release, r, album.score);
            if (fit.score >= ReleaseGate)
                fits.append(std::move(fit));
        }
        if (fits.isEmpty())
            return;
        std::stable_sort(fits.begin(), fits.end(),
            [](const ReleaseFit &a, const ReleaseFit &b) { return a.score > b.score; });
        for (int f = 0; f < group.files.size(); ++f)
            results[group.files.at(f).index] = decide(fits, m_releases, f);
    }

private:
    // The releases whose titles share a word with the group's album name, in catalog order: a
    // group meets only these, however many releases the catalogs hold.
    QList<int> candidateReleases(const AlbumGroup &group) const
    {
        QList<int> found;
        for (const TitleMatch::Word &word : group.album.core) {
            if (word.isSmall)
                continue;
            const auto it = m_releasesOfWord.constFind(word.text);
            if (it != m_releasesOfWord.constEnd())
                found.append(*it);
        }
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        return found;
    }

    QList<MatchRelease> m_releases;
    QHash<QString, QList<int>> m_releasesOfWord;
};

} // namespace

namespace TrackMatcher {

QList<MatchResult> match(const QList<Catalog> &catalogs, const QList<AudioFileInfo> &files)
{
    QList<MatchResult> results(files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (!files.at(i).readable) {
            results[i].status = MatchResult::Unreadable;
            results[i].reason = files.at(i).unreadableReason;
        }
    }
    Matcher matcher(catalogs);
    for (const AlbumGroup &group : AlbumGroup::fromFiles(files))
        matcher.matchGroup(group, results);
    return results;
}

} // namespace TrackMatcher
