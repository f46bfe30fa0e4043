#include "search/searchindex.h"

#include "catalog/textfold.h"

#include <QHash>

#include <algorithm>
#include <cstring>

namespace {

bool appliesToReleases(SearchTerm::Field field)
{
    switch (field) {
    case SearchTerm::AnyField:
    case SearchTerm::ArtistField:
    case SearchTerm::ReleaseField:
    case SearchTerm::CatalogField:
        return true;
    default:
        return false;
    }
}

} // namespace

// What one term found in one catalog, and which of it a track looks at.
struct SearchIndex::TermHits
{
    std::vector<quint8> themes;
    std::vector<quint8> cues;
    std::vector<quint8> releases;
    std::vector<quint8> titles;
    bool catalog = false;
    bool duration = false;
};

SearchIndex::Block SearchIndex::buildBlock(const Catalog &catalog)
{
    Block block;
    block.catalogId = catalog.id;
    block.catalogTexts.append(QStringList {catalog.title, catalog.id});

    QStringList foldedCueTitles;
    foldedCueTitles.reserve(catalog.cues.size());
    for (const Cue &cue : catalog.cues) {
        foldedCueTitles.append(TextFold::fold(cue.title));
        block.cueTitles.append(cue.title);
        block.cueComposers.append(cue.composers);
        block.cuePerformers.append(cue.performers);
        block.cueEpisodes.append(cue.episode);
    }
    for (const Theme &theme : catalog.themes) {
        block.themeNames.append(QStringList(theme.aliases) << theme.name);
        block.themeIds.append(theme.id);
        block.themeComposers.append(theme.composer);
    }
    for (const Occurrence &occurrence : catalog.occurrences) {
        const int theme = catalog.themeIndex(occurrence.themeId);
        const int cue = catalog.cueIndex(occurrence.cueId);
        if (theme >= 0 && cue >= 0)
            block.occurrences.emplace_back(theme, cue);
    }

    const int trackCount = catalog.trackCount();
    block.trackCue.reserve(size_t(trackCount));
    block.trackRelease.reserve(size_t(trackCount));
    block.trackSeconds.reserve(size_t(trackCount));
    int lastCue = -1;
    for (int r = 0; r < catalog.releases.size(); ++r) {
        const Release &release = catalog.releases.at(r);
        block.releaseTitles.append(release.title);
        block.releaseArtists.append(release.artists);
        block.releaseLabels.append(release.label);
        for (const Track &track : release.tracks) {
            // Tracks mostly name the cues in the order the catalog lists them: try the next
            // one before the hash, whose lookups cost more than everything else here together.
            const bool isNext = lastCue + 1 < catalog.cues.size()
                && catalog.cues.at(lastCue + 1).id == track.cueId;
            const int cue = isNext ? lastCue + 1 : catalog.cueIndex(track.cueId);
            lastCue = cue;
            const bool sameTitle = cue >= 0
                && (track.title == catalog.cues.at(cue).title
                    || TextFold::fold(track.title) == foldedCueTitles.at(cue));
            block.trackTitles.append(sameTitle ? QStringView() : QStringView(track.title));
            block.trackCue.push_back(cue);
            block.trackRelease.push_back(r);
            block.trackSeconds.push_back(
                track.durationMs < 0 ? -1 : qint32(track.durationMs / 1000));
        }
    }
    return block;
}

void SearchIndex::rebuild(const QList<Catalog> &catalogs)
{
    QHash<QString, size_t> previous;
    for (size_t b = 0; b < m_blocks.size(); ++b)
        previous.insert(m_blocks[b].catalogId, b);

    std::vector<Block> blocks;
    blocks.reserve(size_t(catalogs.size()));
    m_firstRelease.clear();
    m_firstTrack.clear();
    int flatTrack = 0;
    for (const Catalog &catalog : catalogs) {
        const auto reused = previous.constFind(catalog.id);
        if (reused != previous.constEnd())
            blocks.push_back(std::move(m_blocks[reused.value()]));
        else
            blocks.push_back(buildBlock(catalog));

        m_firstRelease.push_back(int(m_firstTrack.size()));
        for (const Release &release : catalog.releases) {
            m_firstTrack.push_back(flatTrack);
            flatTrack += int(release.tracks.size());
        }
    }
    m_firstTrack.push_back(flatTrack);
    m_blocks = std::move(blocks);
}

bool SearchIndex::readsUserData(const QList<SearchTerm> &terms)
{
    return std::any_of(
        terms.cbegin(), terms.cend(), [](const SearchTerm &term) { return readsUserData(term); });
}

bool SearchIndex::readsUserData(const SearchTerm &term)
{
    return term.field == SearchTerm::AnyField || term.field == SearchTerm::NoteField
        || term.field == SearchTerm::HasField;
}

SearchIndex::Matches SearchIndex::match(
    const QList<SearchTerm> &terms, const UserDataColumn *userData) const
{
    Matches matches;
    matches.catalogs.assign(m_blocks.size(), 0);
    matches.releases.assign(m_firstTrack.empty() ? 0 : m_firstTrack.size() - 1, 0);
    matches.tracks.assign(m_firstTrack.empty() ? 0 : size_t(m_firstTrack.back()), 0);
    for (size_t c = 0; c < m_blocks.size(); ++c)
        matchBlock(m_blocks[c], terms, userData, int(c), matches);
    return matches;
}

void SearchIndex::findTerm(const Block &block, const SearchTerm &term, TermHits &hits)
{
    const QByteArray needle = term.text.toUtf8();
    auto find = [&needle](const auto &column, std::vector<quint8> &found) {
        if (found.empty())
            found.assign(size_t(column.size()), 0);
        column.findAll(needle, found.data());
    };
    switch (term.field) {
    case SearchTerm::AnyField:
        find(block.themeNames, hits.themes);
        find(block.cueTitles, hits.cues);
        find(block.cueComposers, hits.cues);
        find(block.cuePerformers, hits.cues);
        find(block.trackTitles, hits.titles);
        find(block.releaseTitles, hits.releases);
        find(block.releaseArtists, hits.releases);
        find(block.releaseLabels, hits.releases);
        break;
    case SearchTerm::TitleField:
        find(block.cueTitles, hits.cues);
        find(block.trackTitles, hits.titles);
        break;
    case SearchTerm::ArtistField:
        find(block.cueComposers, hits.cues);
        find(block.cuePerformers, hits.cues);
        find(block.releaseArtists, hits.releases);
        break;
    case SearchTerm::ComposerField:
        find(block.themeComposers, hits.themes);
        find(block.cueComposers, hits.cues);
        break;
    case SearchTerm::ThemeField:
        find(block.themeNames, hits.themes);
        find(block.themeIds, hits.themes);
        hits.cues.assign(size_t(block.cueTitles.size()), 0);
        break;
    case SearchTerm::ReleaseField:
        find(block.releaseTitles, hits.releases);
        break;
    case SearchTerm::EpisodeField:
        find(block.cueEpisodes, hits.cues);
        break;
    case SearchTerm::CatalogField: {
        quint8 found = 0;
        block.catalogTexts.findAll(needle, &found);
        hits.catalog = found;
        break;
    }
    case SearchTerm::DurationField:
        hits.duration = true;
        break;
    case SearchTerm::NoteField:
    case SearchTerm::HasField:
        // Only the user's data has them: see findUserData.
        hits.cues.assign(size_t(block.cueTitles.size()), 0);
        break;
    }
    // A cue matches when a theme it quotes does.
    if (!hits.themes.empty()) {
        for (const auto &[theme, cue] : block.occurrences) {
            if (hits.themes[size_t(theme)])
                hits.cues[size_t(cue)] = 1;
        }
    }
}

// The cues whose note or flags match the term (see UserDataColumn::find).
void SearchIndex::findUserData(
    const Block &block, const SearchTerm &term, const UserDataColumn &userData, TermHits &hits)
{
    if (!readsUserData(term))
        return;
    const qint32 cueCount = qint32(block.cueTitles.size());
    if (hits.cues.empty())
        hits.cues.assign(size_t(cueCount), 0);
    userData.find(block.catalogId, term, hits.cues.data(), cueCount);
}

void SearchIndex::matchBlock(const Block &block, const QList<SearchTerm> &terms,
    const UserDataColumn *userData, int catalog, Matches &matches) const
{
    const bool releasesCanMatch = std::all_of(terms.cbegin(), terms.cend(),
        [](const SearchTerm &t) { return !t.negated && appliesToReleases(t.field); });
    const bool catalogCanMatch = std::all_of(terms.cbegin(), terms.cend(),
        [](const SearchTerm &t) { return !t.negated && t.field == SearchTerm::CatalogField; });
    const size_t releaseCount = size_t(block.releaseTitles.size());
    const size_t trackCount = block.trackCue.size();
    quint8 *const releaseMatches = matches.releases.data() + m_firstRelease[size_t(catalog)];
    quint8 *const trackMatches
        = matches.tracks.data() + m_firstTrack[size_t(m_firstRelease[size_t(catalog)])];
    std::fill_n(releaseMatches, releaseCount, quint8(releasesCanMatch));
    std::fill_n(trackMatches, trackCount, quint8(1));
    bool catalogMatches = catalogCanMatch;

    for (const SearchTerm &term : terms) {
        TermHits hits;
        findTerm(block, term, hits);
        if (userData)
            findUserData(block, term, *userData, hits);
        const quint8 negated = term.negated;
        for (size_t t = 0; t < trackCount; ++t) {
            const qint32 cue = block.trackCue[t];
            const bool found = hits.catalog || (!hits.titles.empty() && hits.titles[t])
                || (!hits.cues.empty() && cue >= 0 && hits.cues[size_t(cue)])
                || (!hits.releases.empty() && hits.releases[size_t(block.trackRelease[t])])
                || (hits.duration && block.trackSeconds[t] >= 0
                    && term.matchesSeconds(block.trackSeconds[t]));
            trackMatches[t] &= quint8(found) ^ negated;
        }
        if (releasesCanMatch) {
            for (size_t r = 0; r < releaseCount; ++r)
                releaseMatches[r]
                    &= quint8(hits.catalog || (!hits.releases.empty() && hits.releases[r]));
        }
        catalogMatches = catalogMatches && hits.catalog;
    }
    showRelatives(block, catalogMatches, releaseMatches, trackMatches);
    matches.catalogs[size_t(catalog)] = catalogMatches;
}

// What QSortFilterProxyModel's autoAcceptChildRows and recursiveFilteringEnabled would do, in
// one pass: they ask filterAcceptsRow three or four times per row, which doubled the time to
// filter 100,000 tracks.
void SearchIndex::showRelatives(
    const Block &block, bool &catalogShown, quint8 *releaseShown, quint8 *trackShown)
{
    const quint8 catalogMatches = catalogShown;
    const size_t releaseCount = size_t(block.releaseTitles.size());
    size_t track = 0;
    for (size_t r = 0; r < releaseCount; ++r) {
        const quint8 parentMatches = catalogMatches | releaseShown[r];
        quint8 childMatches = 0;
        for (; track < block.trackRelease.size() && size_t(block.trackRelease[track]) == r;
             ++track) {
            childMatches |= trackShown[track];
            trackShown[track] |= parentMatches;
        }
        releaseShown[r] = parentMatches | childMatches;
        catalogShown = catalogShown || releaseShown[r];
    }
}
