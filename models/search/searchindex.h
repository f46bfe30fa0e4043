#pragma once

#include "catalog/catalog.h"
#include "search/searchquery.h"
#include "search/textcolumn.h"
#include "search/userdatacolumn.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <array>
#include <vector>

// The search texts of the open catalogs, folded once per set of catalogs, and the evaluation of a
// parsed query over them into flat flags of the rows to show: one byte per catalog, per release
// (numbered across catalogs) and per track (numbered across releases).
class SearchIndex
{
public:
    struct Matches
    {
        std::vector<quint8> catalogs;
        std::vector<quint8> releases;
        std::vector<quint8> tracks;
    };

    // Rebuilds for these catalogs, reusing the parts it already built for catalogs still open
    // (a catalog's content never changes while it is open; ids identify it).
    void rebuild(const QList<Catalog> &catalogs);
    int catalogCount() const { return int(m_blocks.size()); }

    // Flat numbers for the Matches vectors.
    int releaseNumber(int catalog, int release) const
    {
        return m_firstRelease[size_t(catalog)] + release;
    }
    int trackNumber(int catalog, int release, int track) const
    {
        return m_firstTrack[size_t(m_firstRelease[size_t(catalog)] + release)] + track;
    }

    // Shows the items that match every term, the tracks of a matching release or catalog, and
    // the releases and catalogs above a matching track. A release matches on its own only when
    // every term applies to releases and none is negated: a negated term excludes tracks, and
    // must not let their release bring them all back. Words, note: and has: also look at
    // userData, when given.
    Matches match(const QList<SearchTerm> &terms, const UserDataColumn *userData = nullptr) const;
    // Whether the matches of terms depend on a UserDataColumn (a word, note: or has:).
    static bool readsUserData(const QList<SearchTerm> &terms);
    static bool readsUserData(const SearchTerm &term);

private:
    // One catalog's texts; cues, themes and releases by their index in the catalog, tracks
    // numbered across the catalog's releases.
    struct Block
    {
        QString catalogId;
        TextColumn catalogTexts; // one item: title and id
        TextColumn cueTitles;
        RepeatedTextColumn cueComposers;
        RepeatedTextColumn cuePerformers;
        RepeatedTextColumn cueEpisodes;
        TextColumn trackTitles; // empty where the track has its cue's title
        TextColumn releaseTitles;
        RepeatedTextColumn releaseArtists;
        RepeatedTextColumn releaseLabels;
        TextColumn themeNames; // name and aliases
        TextColumn themeIds;
        RepeatedTextColumn themeComposers;
        std::vector<qint32> trackCue; // -1 when the cue is unknown
        std::vector<qint32> trackRelease;
        std::vector<qint32> trackSeconds; // -1 when the duration is unknown
        std::vector<std::pair<qint32, qint32>> occurrences; // theme index, cue index
    };

    struct TermHits;

    static Block buildBlock(const Catalog &catalog);
    static void findTerm(const Block &block, const SearchTerm &term, TermHits &hits);
    static void findUserData(
        const Block &block, const SearchTerm &term, const UserDataColumn &userData, TermHits &hits);
    static void showRelatives(
        const Block &block, bool &catalogShown, quint8 *releaseShown, quint8 *trackShown);
    void matchBlock(const Block &block, const QList<SearchTerm> &terms,
        const UserDataColumn *userData, int catalog, Matches &matches) const;

    std::vector<Block> m_blocks;
    std::vector<int> m_firstRelease; // per catalog
    std::vector<int> m_firstTrack; // per flat release, plus one past the end
};
