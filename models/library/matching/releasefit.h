#pragma once

#include "library/matching/albumgroup.h"
#include "catalog/catalog.h"
#include "library/matching/titlematch.h"

#include <QList>
#include <QStringList>

// A release as the matcher sees it: its title and names as words, and its tracks' words, built
// the first time a group may be this release (most releases never meet one).
struct MatchRelease
{
    struct Track
    {
        TitleMatch::Words words;
        qint64 durationMs = -1;
        int disc = 1;
        int number = 0;
    };

    const Catalog *catalog = nullptr;
    const Release *release = nullptr;
    TitleMatch::Words title;
    // The title's words: in a track title they say nothing about which track it is.
    QStringList titleWords;
    // The artists', composers' and label's words: in a group's album name, free.
    QStringList nameWords;
    QList<TitleMatch::Words> names;
    QList<Track> tracks;
    bool hasTracks = false;

    // Keeps pointers to catalog and release: they must outlive it.
    static MatchRelease fromRelease(const Catalog &catalog, const Release &release);
    void buildTracks();
};

// How one album group fits one release. Every file × track pair is scored (title similarity,
// duration, a little for the track number), the files are assigned to tracks all at once with the
// Hungarian method, and the whole gets a release score out of 1: album title (half of it), how
// well the files fit their tracks, track count, artists.
struct ReleaseFit
{
    // Pairs below this are not worth assigning, nor offering as a choice.
    static constexpr double CandidateThreshold = 0.6;

    int release = -1;
    double score = 0;
    int tracks = 0;
    // files × tracks, row-major; above 1 when duration and number confirm a perfect title, 0 for
    // a file and track whose titles share no word.
    QList<double> pairs;
    QList<int> trackOfFile;
    QList<int> fileOfTrack;

    double pair(int file, int track) const { return pairs.at(qsizetype(file) * tracks + track); }

    // albumScore: TitleMatch::albumSimilarity of the group's album and the release title.
    static ReleaseFit fit(
        const AlbumGroup &group, const MatchRelease &release, int releaseIndex, double albumScore);
};
