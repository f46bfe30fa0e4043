#pragma once

#include "catalog/catalog.h"
#include "search/searchquery.h"
#include "search/userdatacolumn.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <array>
#include <vector>

// The folded texts of one kind of item (cue titles, release labels…) laid end to end in UTF-8,
// each value followed by '\n'. One substring search over the whole column finds every item that
// contains a word, which is far cheaper than one search per item: 100,000 titles are one pass.
class TextColumn
{
public:
    // Appends one item. The values are folded here; an item may have none.
    void append(QStringView value);
    void append(const QStringList &values);
    qsizetype size() const { return m_ends.size(); }
    // Sets matches[i] for every item i whose text contains needle (folded UTF-8, no '\n'); an
    // empty needle matches every item that has any text. matches holds size() bytes.
    void findAll(QByteArrayView needle, quint8 *matches) const;

private:
    void appendValue(QStringView value);
    void endItem();

    QByteArray m_text;
    std::array<quint32, 256> m_byteCounts = {};
    // Item i spans m_text from (i ? m_ends[i - 1] : 0) to m_ends[i].
    QList<qint32> m_ends;
};

// A TextColumn for texts that repeat from item to item (composers, labels, episodes): each
// distinct text is folded and searched once, and the items only point to it.
class RepeatedTextColumn
{
public:
    void append(const QString &value);
    void append(const QStringList &values);
    qsizetype size() const { return m_textOfItem.size(); }
    void findAll(QByteArrayView needle, quint8 *matches) const;

private:
    bool reuse(const QString &key);
    void remember(const QString &key);

    TextColumn m_texts;
    QHash<QString, qint32> m_textIndex;
    QList<qint32> m_textOfItem;
};

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
        QHash<QString, int> cueIndexes; // the catalog's own, shared: for the user's data
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
