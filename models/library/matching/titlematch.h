#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Titles and album names as words for matching files to tracks. Built on TextFold::fold (case,
// accents, apostrophe and dash styles), then: split into words at punctuation and between letters
// and digits ("Pt.1" → "part 1"), "pt"/"part", "&"/"and" and number words ("One" → "1") unified,
// leading zeros dropped, and bracketed text ("(From Short Treks “Children Of Mars”)") set apart as
// optional. Similarities run from 0 (nothing in common) to 1 (the same words).
namespace TitleMatch {

struct Word
{
    QString text;
    bool isNumber = false;
    // "the", "of", "and"…: they weigh less, matched or missed.
    bool isSmall = false;
};

struct Words
{
    QList<Word> core;
    QList<Word> optional;
    // The core words run together, so that "Spacedock" meets "Space Dock".
    QString compact;
};

Words titleWords(QStringView text);
// As titleWords(), and also: edition and format words dropped ("Original Series Soundtrack",
// "Deluxe", "FLAC"), years dropped, and "S01" read as "season 1".
Words albumWords(QStringView text);

// How well a file's title fits a track's. Words are equal, or nearly (one edit in four letters
// or more, two in eight or more: "Rafi"/"Raffi"), never for numbers. A word missing from one side
// costs nothing when the other side has it in brackets, or when it is in neutral (the release's
// own title words, never numbers: "Star Trek Picard Main Title" is "Main Title" on that album),
// and matches no more than a small word ("the", "of") does. Different numbers on the two sides
// ("Pt.1" and "Pt.2") cap the similarity at 0.5.
double titleSimilarity(const Words &file, const Words &track, const QStringList &neutral);

// Whether two words count as the same in titleSimilarity(): equal, or nearly (as above).
bool sameWord(const Word &a, const Word &b);

struct AlbumSimilarity
{
    double score = 0;
    // Each side has a word the other lacks ("Discovery" for "Picard", "2" for "1"): another
    // album, not a shorter or longer name of the same one. The score is halved.
    bool substituted = false;
};

// How well a group's album name fits a release title. Words of the group that are in neutral
// (the release's artists, composers and label) cost nothing; bracketed words only ever add.
AlbumSimilarity albumSimilarity(
    const Words &group, const Words &release, const QStringList &neutral);

// The title a file name implies when it has no tags: the base name without a leading track number
// ("05 - Twins", "05. Twins", "1-05 Twins"). trackNumber and discNumber receive what the prefix
// gives, or 0.
QString titleFromFileName(QStringView baseName, int *trackNumber, int *discNumber);

// Damerau–Levenshtein distance (optimal string alignment): a swap of two letters is one edit.
int editDistance(QStringView a, QStringView b);

} // namespace TitleMatch
