#include "catalog/catalog.h"

namespace {

template<typename T>
QHash<QString, int> indexById(const QList<T> &items)
{
    QHash<QString, int> index;
    index.reserve(items.size());
    for (int i = 0; i < items.size(); ++i)
        index.insert(items.at(i).id, i);
    return index;
}

template<typename T>
const T *lookup(const QList<T> &items, const QHash<QString, int> &index, const QString &id)
{
    const int i = index.value(id, -1);
    return i < 0 ? nullptr : &items.at(i);
}

} // namespace

template<typename T>
QList<T> Catalog::Postings<T>::of(int key) const
{
    if (key < 0 || key + 1 >= offsets.size())
        return {};
    return QList<T>(items.begin() + offsets.at(key), items.begin() + offsets.at(key + 1));
}

template<typename T>
Catalog::Postings<T> Catalog::group(qsizetype keyCount, const QList<std::pair<int, T>> &pairs)
{
    Postings<T> postings;
    postings.offsets.fill(0, keyCount + 1);
    for (const auto &[key, item] : pairs)
        ++postings.offsets[key + 1];
    for (qsizetype k = 0; k < keyCount; ++k)
        postings.offsets[k + 1] += postings.offsets.at(k);
    postings.items.resize(pairs.size());
    QList<qsizetype> next(postings.offsets.begin(), postings.offsets.end() - 1);
    for (const auto &[key, item] : pairs)
        postings.items[next[key]++] = item;
    return postings;
}

void Catalog::buildIndex()
{
    m_sourceIndex = indexById(sources);
    m_themeIndex = indexById(themes);
    m_cueIndex = indexById(cues);
    m_releaseIndex = indexById(releases);

    QList<std::pair<int, TrackRef>> tracks;
    tracks.reserve(trackCount());
    for (int r = 0; r < releases.size(); ++r) {
        const QList<Track> &releaseTracks = releases.at(r).tracks;
        for (int t = 0; t < releaseTracks.size(); ++t) {
            const int cue = cueIndex(releaseTracks.at(t).cueId);
            if (cue >= 0)
                tracks.append({cue, TrackRef {r, t}});
        }
    }
    m_tracksByCue = group(cues.size(), tracks);

    QList<std::pair<int, int>> byCue;
    QList<std::pair<int, int>> byTheme;
    byCue.reserve(occurrences.size());
    byTheme.reserve(occurrences.size());
    for (int i = 0; i < occurrences.size(); ++i) {
        if (const int cue = cueIndex(occurrences.at(i).cueId); cue >= 0)
            byCue.append({cue, i});
        if (const int theme = themeIndex(occurrences.at(i).themeId); theme >= 0)
            byTheme.append({theme, i});
    }
    m_occurrencesByCue = group(cues.size(), byCue);
    m_occurrencesByTheme = group(themes.size(), byTheme);

    QList<std::pair<int, int>> byRelease;
    byCue.clear();
    byTheme.clear();
    for (int i = 0; i < excerpts.size(); ++i) {
        const Excerpt &excerpt = excerpts.at(i);
        for (const QString &id : excerpt.releaseIds) {
            if (const int release = releaseIndex(id); release >= 0)
                byRelease.append({release, i});
        }
        for (const QString &id : excerpt.cueIds) {
            if (const int cue = cueIndex(id); cue >= 0)
                byCue.append({cue, i});
        }
        for (const QString &id : excerpt.themeIds) {
            if (const int theme = themeIndex(id); theme >= 0)
                byTheme.append({theme, i});
        }
    }
    m_excerptsByRelease = group(releases.size(), byRelease);
    m_excerptsByCue = group(cues.size(), byCue);
    m_excerptsByTheme = group(themes.size(), byTheme);
}

const Source *Catalog::source(const QString &id) const
{
    return lookup(sources, m_sourceIndex, id);
}

const Theme *Catalog::theme(const QString &id) const
{
    return lookup(themes, m_themeIndex, id);
}

const Cue *Catalog::cue(const QString &id) const
{
    return lookup(cues, m_cueIndex, id);
}

const Release *Catalog::release(const QString &id) const
{
    return lookup(releases, m_releaseIndex, id);
}

QList<TrackRef> Catalog::tracksOfCue(const QString &cueId) const
{
    return m_tracksByCue.of(cueIndex(cueId));
}

QList<int> Catalog::occurrencesOfCue(const QString &cueId) const
{
    return m_occurrencesByCue.of(cueIndex(cueId));
}

QList<int> Catalog::occurrencesOfTheme(const QString &themeId) const
{
    return m_occurrencesByTheme.of(themeIndex(themeId));
}

QList<int> Catalog::excerptsOfRelease(const QString &releaseId) const
{
    return m_excerptsByRelease.of(releaseIndex(releaseId));
}

QList<int> Catalog::excerptsOfCue(const QString &cueId) const
{
    return m_excerptsByCue.of(cueIndex(cueId));
}

QList<int> Catalog::excerptsOfTheme(const QString &themeId) const
{
    return m_excerptsByTheme.of(themeIndex(themeId));
}

qint64 Catalog::cueDurationMs(const QString &cueId) const
{
    qint64 longest = -1;
    for (const TrackRef &ref : tracksOfCue(cueId))
        longest = std::max(longest, releases.at(ref.release).tracks.at(ref.track).durationMs);
    return longest;
}

int Catalog::trackCount() const
{
    int count = 0;
    for (const Release &release : releases)
        count += release.tracks.size();
    return count;
}
