#include "library/matching/releasefit.h"

#include "library/matching/hungarian.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace {

// The weights of the release score.
constexpr double AlbumWeight = 0.5;
constexpr double FitWeight = 0.3;
constexpr double CountWeight = 0.1;
constexpr double ArtistWeight = 0.1;

// Durations within max(3 s, 1 %) agree and confirm the title a little; beyond, the pair loses up
// to FarDurationPenalty, reached 12 s past the tolerance: a file 30 s off never links on its title.
constexpr qint64 DurationToleranceMs = 3000;
constexpr double DurationBonus = 0.05;
constexpr double FarDurationPenalty = 0.6;
constexpr double PenaltyRampMs = 12000;
// Store orders differ: an equal track number only tips a close call.
constexpr double NumberBonus = 0.03;

// The words of a name or title, numbers left out, each once.
void addWords(QStringList &words, const TitleMatch::Words &name)
{
    for (const TitleMatch::Word &word : name.core) {
        if (!word.isNumber && !words.contains(word.text))
            words.append(word.text);
    }
}

// 1 when the group names one of the release's artists or composers, 0 when it names only others,
// 0.5 when it names none.
double artistScore(const AlbumGroup &group, const MatchRelease &release)
{
    if (group.names.isEmpty())
        return 0.5;
    for (const TitleMatch::Words &name : group.names) {
        for (const TitleMatch::Words &known : release.names) {
            if (TitleMatch::titleSimilarity(name, known, {}) >= 0.8)
                return 1.0;
        }
    }
    return 0.0;
}

// How close the group's size is to the release's: the track total the tags give when most files
// give one, otherwise the number of files.
double countScore(const AlbumGroup &group, int trackCount)
{
    QHash<int, int> totals;
    for (const AlbumGroup::File &file : group.files) {
        if (file.total > 0)
            ++totals[file.total];
    }
    int size = int(group.files.size());
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        if (2 * it.value() >= group.files.size())
            size = it.key();
    }
    if (size <= 0 || trackCount <= 0)
        return 0;
    return double(std::min(size, trackCount)) / double(std::max(size, trackCount));
}

double pairScore(
    const AlbumGroup::File &file, const MatchRelease::Track &track, const QStringList &neutral)
{
    double score = TitleMatch::titleSimilarity(file.title, track.words, neutral);
    if (file.durationMs >= 0 && track.durationMs >= 0) {
        const qint64 off = std::abs(file.durationMs - track.durationMs);
        const qint64 tolerance = std::max(DurationToleranceMs, track.durationMs / 100);
        if (off <= tolerance)
            score += DurationBonus;
        else
            score -= FarDurationPenalty * std::min(1.0, double(off - tolerance) / PenaltyRampMs);
    }
    if (file.number > 0 && file.number == track.number
        && (file.disc <= 0 || file.disc == track.disc))
        score += NumberBonus;
    return score;
}

// For each file of the group, the tracks it shares a word with (equal or nearly, or run
// together). A file that shares no word with a track scores nothing on its title, so only these
// pairs are scored: a few per file rather than every track. Each word is looked up once.
QList<QList<int>> pairsWorthScoring(const AlbumGroup &group, const MatchRelease &release)
{
    QHash<QString, QList<int>> tracksOfWord;
    QList<TitleMatch::Word> vocabulary;
    QHash<QString, QList<int>> tracksOfCompact;
    for (int t = 0; t < release.tracks.size(); ++t) {
        const TitleMatch::Words &words = release.tracks.at(t).words;
        for (const TitleMatch::Word &word : words.core) {
            QList<int> &tracks = tracksOfWord[word.text];
            if (tracks.isEmpty())
                vocabulary.append(word);
            if (tracks.isEmpty() || tracks.constLast() != t)
                tracks.append(t);
        }
        tracksOfCompact[words.compact].append(t);
    }
    QHash<QString, QList<int>> tracksOfFileWord;
    QList<QList<int>> pairs;
    pairs.reserve(group.files.size());
    for (const AlbumGroup::File &file : group.files) {
        QList<int> tracks = tracksOfCompact.value(file.title.compact);
        for (const TitleMatch::Word &word : file.title.core) {
            auto found = tracksOfFileWord.constFind(word.text);
            if (found == tracksOfFileWord.constEnd()) {
                QList<int> sharing;
                for (const TitleMatch::Word &known : std::as_const(vocabulary)) {
                    if (TitleMatch::sameWord(word, known))
                        sharing.append(tracksOfWord.value(known.text));
                }
                found = tracksOfFileWord.insert(word.text, sharing);
            }
            tracks.append(*found);
        }
        std::sort(tracks.begin(), tracks.end());
        tracks.erase(std::unique(tracks.begin(), tracks.end()), tracks.end());
        pairs.append(std::move(tracks));
    }
    return pairs;
}

} // namespace

MatchRelease MatchRelease::fromRelease(const Catalog &catalog, const Release &release)
{
    MatchRelease entry;
    entry.catalog = &catalog;
    entry.release = &release;
    entry.title = TitleMatch::albumWords(release.title);
    addWords(entry.titleWords, entry.title);
    QStringList names = release.artists;
    QSet<QString> seenCues;
    for (const ::Track &track : release.tracks) {
        if (seenCues.contains(track.cueId))
            continue;
        seenCues.insert(track.cueId);
        if (const Cue *cue = catalog.cue(track.cueId)) {
            for (const QString &composer : cue->composers) {
                if (!names.contains(composer))
                    names.append(composer);
            }
        }
    }
    for (const QString &name : std::as_const(names)) {
        entry.names.append(TitleMatch::titleWords(name));
        addWords(entry.nameWords, entry.names.constLast());
    }
    addWords(entry.nameWords, TitleMatch::titleWords(release.label));
    return entry;
}

void MatchRelease::buildTracks()
{
    if (hasTracks)
        return;
    hasTracks = true;
    tracks.reserve(release->tracks.size());
    for (const ::Track &track : release->tracks)
        tracks.append(
            {TitleMatch::titleWords(track.title), track.durationMs, track.disc, track.number});
}

ReleaseFit ReleaseFit::fit(
    const AlbumGroup &group, const MatchRelease &release, int releaseIndex, double albumScore)
{
    Q_ASSERT(release.hasTracks);
    ReleaseFit fit;
    fit.release = releaseIndex;
    const int files = int(group.files.size());
    fit.tracks = int(release.tracks.size());
    fit.pairs.resize(qsizetype(files) * fit.tracks);
    fit.trackOfFile.fill(-1, files);
    fit.fileOfTrack.fill(-1, fit.tracks);

    // Only files and tracks with a pair worth having enter the assignment: the rest could only
    // be left unassigned, and the matrix stays small for a folder of unrelated files.
    QList<int> rows;
    QList<int> columns;
    QList<char> usefulTrack(fit.tracks, 0);
    const QList<QList<int>> worthScoring = pairsWorthScoring(group, release);
    for (int f = 0; f < files; ++f) {
        bool useful = false;
        for (const int t : worthScoring.at(f)) {
            const double pair
                = pairScore(group.files.at(f), release.tracks.at(t), release.titleWords);
            fit.pairs[qsizetype(f) * fit.tracks + t] = pair;
            if (pair >= CandidateThreshold) {
                useful = true;
                usefulTrack[t] = 1;
            }
        }
        if (useful)
            rows.append(f);
    }
    for (int t = 0; t < fit.tracks; ++t) {
        if (usefulTrack.at(t))
            columns.append(t);
    }
    QList<double> costs;
    costs.reserve(rows.size() * columns.size());
    for (const int f : std::as_const(rows)) {
        for (const int t : std::as_const(columns))
            costs.append(1.0 - fit.pair(f, t));
    }
    // A pair at the threshold may still be assigned; below it, it costs as much as no pair.
    const QList<int> assigned = Hungarian::assign(
        costs, int(rows.size()), int(columns.size()), 1.0 - CandidateThreshold + 1e-9);

    double quality = 0;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        if (assigned.at(r) < 0)
            continue;
        const int f = rows.at(r);
        const int t = columns.at(assigned.at(r));
        fit.trackOfFile[f] = t;
        fit.fileOfTrack[t] = f;
        quality += std::min(1.0, fit.pair(f, t));
    }
    fit.score = AlbumWeight * albumScore + FitWeight * quality / files
        + CountWeight * countScore(group, fit.tracks) + ArtistWeight * artistScore(group, release);
    return fit;
}
