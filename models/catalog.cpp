#include "catalog.h"

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

void Catalog::buildIndex()
{
    m_sourceIndex = indexById(sources);
    m_themeIndex = indexById(themes);
    m_cueIndex = indexById(cues);
    m_releaseIndex = indexById(releases);

    m_tracksByCue.clear();
    m_tracksByCue.reserve(cues.size());
    for (int r = 0; r < releases.size(); ++r) {
        const QList<Track> &tracks = releases.at(r).tracks;
        for (int t = 0; t < tracks.size(); ++t)
            m_tracksByCue[tracks.at(t).cueId].append(TrackRef{r, t});
    }

    m_occurrencesByCue.clear();
    m_occurrencesByTheme.clear();
    for (int i = 0; i < occurrences.size(); ++i) {
        m_occurrencesByCue[occurrences.at(i).cueId].append(i);
        m_occurrencesByTheme[occurrences.at(i).themeId].append(i);
    }

    m_excerptsByRelease.clear();
    m_excerptsByCue.clear();
    m_excerptsByTheme.clear();
    for (int i = 0; i < excerpts.size(); ++i) {
        const Excerpt &excerpt = excerpts.at(i);
        for (const QString &id : excerpt.releaseIds)
            m_excerptsByRelease[id].append(i);
        for (const QString &id : excerpt.cueIds)
            m_excerptsByCue[id].append(i);
        for (const QString &id : excerpt.themeIds)
            m_excerptsByTheme[id].append(i);
    }
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
    return m_tracksByCue.value(cueId);
}

qint64 Catalog::cueDurationMs(const QString &cueId) const
{
    qint64 longest = -1;
    for (const TrackRef &ref : m_tracksByCue.value(cueId))
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
