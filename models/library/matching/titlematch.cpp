#include "library/matching/titlematch.h"

#include "catalog/textfold.h"

#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <string_view>

using namespace Qt::StringLiterals;

namespace {

// Words that say little about which title it is: they count for less, matched or missed.
constexpr std::array<std::u16string_view, 15> SmallWords = {u"a", u"an", u"the", u"and", u"of",
    u"to", u"in", u"on", u"at", u"for", u"from", u"with", u"by", u"as", u"or"};

// Words that describe an edition or a file rather than name an album.
constexpr std::array<std::u16string_view, 44> EditionWords = {u"original", u"series", u"soundtrack",
    u"soundtracks", u"score", u"motion", u"picture", u"music", u"ost", u"deluxe", u"edition",
    u"expanded", u"remastered", u"remaster", u"complete", u"television", u"tv", u"limited",
    u"special", u"anniversary", u"collector", u"collectors", u"digital", u"album", u"official",
    u"recording", u"recordings", u"version", u"records", u"flac", u"mp3", u"aac", u"alac", u"ogg",
    u"opus", u"wav", u"m4a", u"kbps", u"khz", u"bit", u"lossless", u"web", u"cd", u"vinyl"};

constexpr std::array<std::u16string_view, 20> NumberWords = {u"zero", u"one", u"two", u"three",
    u"four", u"five", u"six", u"seven", u"eight", u"nine", u"ten", u"eleven", u"twelve",
    u"thirteen", u"fourteen", u"fifteen", u"sixteen", u"seventeen", u"eighteen", u"nineteen"};

constexpr double SmallWordWeight = 0.3;
// A nearly equal pair ("rafi"/"raffi") counts this much of a match, the rest as a miss.
constexpr double NearMatch = 0.8;
constexpr double NumberMismatchCap = 0.5;
constexpr double SubstitutionFactor = 0.5;

template<size_t N>
bool isIn(const std::array<std::u16string_view, N> &words, const QString &word)
{
    const std::u16string_view view(
        reinterpret_cast<const char16_t *>(word.utf16()), size_t(word.size()));
    return std::find(words.begin(), words.end(), view) != words.end();
}

bool isNumberText(const QString &text)
{
    return !text.isEmpty() && text.front().isDigit();
}

bool isYear(const TitleMatch::Word &word)
{
    return word.isNumber && word.text.size() == 4
        && (word.text.startsWith(u"19"_s) || word.text.startsWith(u"20"_s));
}

enum class Kind { Title, Album };

// One run of letters or of digits, unified.
void appendWord(QList<TitleMatch::Word> &words, QString text, Kind kind)
{
    if (isNumberText(text)) {
        qsizetype zeros = 0;
        while (zeros + 1 < text.size() && text.at(zeros) == u'0')
            ++zeros;
        text.remove(0, zeros);
        // "S01": a season number.
        if (kind == Kind::Album && !words.isEmpty() && words.constLast().text == u"s"_s)
            words.last().text = u"season"_s;
        words.append({text, true, false});
        return;
    }
    if (text == u"pt"_s)
        text = u"part"_s;
    for (size_t n = 0; n < NumberWords.size(); ++n) {
        if (text == QStringView(NumberWords[n].data(), qsizetype(NumberWords[n].size()))) {
            words.append({QString::number(n), true, false});
            return;
        }
    }
    if (kind == Kind::Album && isIn(EditionWords, text))
        return;
    words.append({text, false, isIn(SmallWords, text)});
}

void splitInto(QList<TitleMatch::Word> &words, QStringView text, Kind kind)
{
    QString word;
    bool digits = false;
    auto flush = [&] {
        if (!word.isEmpty())
            appendWord(words, word, kind);
        word.clear();
    };
    for (const QChar c : text) {
        if (c == u'&') {
            flush();
            words.append({u"and"_s, false, true});
        } else if (c.isLetterOrNumber()) {
            if (!word.isEmpty() && c.isDigit() != digits)
                flush();
            digits = c.isDigit();
            word.append(c);
        } else {
            flush();
        }
    }
    flush();
}

TitleMatch::Words wordsOf(QStringView text, Kind kind)
{
    const QString folded = TextFold::fold(text);
    QString core;
    QString optional;
    int depth = 0;
    for (const QChar c : folded) {
        if (c == u'(' || c == u'[' || c == u'{') {
            ++depth;
            optional.append(u' ');
        } else if (depth > 0 && (c == u')' || c == u']' || c == u'}')) {
            --depth;
            core.append(u' ');
        } else {
            (depth > 0 ? optional : core).append(c);
        }
    }
    TitleMatch::Words words;
    splitInto(words.core, core, kind);
    splitInto(words.optional, optional, kind);
    // A year in a folder name ("Star Trek Picard (2020)") is a date, unless it is the whole name.
    if (kind == Kind::Album) {
        words.optional.removeIf(isYear);
        if (!std::all_of(words.core.cbegin(), words.core.cend(), isYear))
            words.core.removeIf(isYear);
    }
    // A name that is nothing but brackets is all core.
    if (words.core.isEmpty())
        std::swap(words.core, words.optional);
    for (const TitleMatch::Word &word : std::as_const(words.core))
        words.compact += word.text;
    return words;
}

// At most one edit apart (a letter changed, added, dropped, or two neighbours swapped), in one
// pass: most pairs of words differ early and are rejected at once.
bool withinOneEdit(QStringView a, QStringView b)
{
    if (a.size() > b.size())
        std::swap(a, b);
    qsizetype i = 0;
    while (i < a.size() && a.at(i) == b.at(i))
        ++i;
    if (i == a.size())
        return b.size() - a.size() <= 1;
    if (a.size() == b.size()) {
        if (a.sliced(i + 1) == b.sliced(i + 1))
            return true;
        return i + 1 < a.size() && a.at(i) == b.at(i + 1) && a.at(i + 1) == b.at(i)
            && a.sliced(i + 2) == b.sliced(i + 2);
    }
    return a.sliced(i) == b.sliced(i + 1);
}

bool nearlyEqual(const TitleMatch::Word &a, const TitleMatch::Word &b)
{
    if (a.isNumber || b.isNumber)
        return false;
    const qsizetype shorter = std::min(a.text.size(), b.text.size());
    if (shorter < 4)
        return false;
    if (shorter < 8)
        return std::abs(a.text.size() - b.text.size()) <= 1 && withinOneEdit(a.text, b.text);
    return std::abs(a.text.size() - b.text.size()) <= 2
        && TitleMatch::editDistance(a.text, b.text) <= 2;
}

bool containsWord(const QList<TitleMatch::Word> &words, const TitleMatch::Word &word)
{
    for (const TitleMatch::Word &other : words) {
        if (other.text == word.text || nearlyEqual(other, word))
            return true;
    }
    return false;
}

bool isNeutral(const TitleMatch::Word &word, const QStringList &neutral)
{
    if (word.isNumber)
        return false;
    // A plain loop: a handful of words, compared length first, beats QStringList::contains.
    for (const QString &other : neutral) {
        if (other == word.text)
            return true;
    }
    return false;
}

// Release-title words in a track title ("Star Trek Picard Main Title") match as little as small
// words do, so that "Main Title" and "End Title" stay apart.
double weightOf(const TitleMatch::Word &word, const QStringList &neutral)
{
    return word.isSmall || isNeutral(word, neutral) ? SmallWordWeight : 1.0;
}

// The weighted counts behind both similarities.
struct Tally
{
    double matched = 0;
    double missedA = 0;
    double missedB = 0;
    bool numberMissedA = false;
    bool numberMissedB = false;
    bool wordMissedA = false;
    bool wordMissedB = false;
};

// A word of one side that the other side lacks: free when it is neutral or in the other's
// brackets, a miss otherwise.
void miss(const TitleMatch::Word &word, const QList<TitleMatch::Word> &otherOptional,
    const QStringList &neutral, double &missed, bool &numberMissed, bool &wordMissed)
{
    if (isNeutral(word, neutral) || containsWord(otherOptional, word))
        return;
    missed += word.isSmall ? SmallWordWeight : 1.0;
    if (word.isNumber)
        numberMissed = true;
    else if (!word.isSmall)
        wordMissed = true;
}

Tally compare(const TitleMatch::Words &a, const TitleMatch::Words &b, const QStringList &neutralA,
    const QStringList &neutralB)
{
    Tally tally;
    QVarLengthArray<char, 32> usedA(a.core.size(), 0);
    QVarLengthArray<char, 32> usedB(b.core.size(), 0);
    for (qsizetype i = 0; i < a.core.size(); ++i) {
        for (qsizetype j = 0; j < b.core.size(); ++j) {
            if (!usedB[j] && a.core.at(i).text == b.core.at(j).text) {
                usedA[i] = usedB[j] = 1;
                tally.matched += weightOf(a.core.at(i), neutralA);
                break;
            }
        }
    }
    for (qsizetype i = 0; i < a.core.size(); ++i) {
        for (qsizetype j = 0; !usedA[i] && j < b.core.size(); ++j) {
            if (!usedB[j] && nearlyEqual(a.core.at(i), b.core.at(j))) {
                usedA[i] = usedB[j] = 1;
                const double weight = weightOf(a.core.at(i), neutralA);
                tally.matched += NearMatch * weight;
                tally.missedA += (1 - NearMatch) * weight;
                tally.missedB += (1 - NearMatch) * weight;
            }
        }
    }
    for (qsizetype i = 0; i < a.core.size(); ++i) {
        if (!usedA[i])
            miss(a.core.at(i), b.optional, neutralA, tally.missedA, tally.numberMissedA,
                tally.wordMissedA);
    }
    for (qsizetype j = 0; j < b.core.size(); ++j) {
        if (!usedB[j])
            miss(b.core.at(j), a.optional, neutralB, tally.missedB, tally.numberMissedB,
                tally.wordMissedB);
    }
    return tally;
}

double dice(double matched, double missed)
{
    return matched > 0 ? 2 * matched / (2 * matched + missed) : 0.0;
}

} // namespace

namespace TitleMatch {

bool sameWord(const Word &a, const Word &b)
{
    return a.text == b.text || nearlyEqual(a, b);
}

Words titleWords(QStringView text)
{
    return wordsOf(text, Kind::Title);
}

Words albumWords(QStringView text)
{
    Words words = wordsOf(text, Kind::Album);
    // "Soundtrack" alone names an album too.
    return words.core.isEmpty() ? wordsOf(text, Kind::Title) : words;
}

double titleSimilarity(const Words &file, const Words &track, const QStringList &neutral)
{
    const Tally tally = compare(file, track, neutral, neutral);
    double score = dice(tally.matched, tally.missedA + tally.missedB);
    if (score < 0.98 && !file.compact.isEmpty() && file.compact == track.compact)
        score = 0.98;
    if (tally.numberMissedA && tally.numberMissedB)
        score = std::min(score, NumberMismatchCap);
    return score;
}

AlbumSimilarity albumSimilarity(
    const Words &group, const Words &release, const QStringList &neutral)
{
    const Tally tally = compare(group, release, neutral, {});
    AlbumSimilarity similarity;
    double matched = tally.matched;
    // Bracketed words on both sides ("(Season 1)") add to the match; alone, they cost nothing.
    for (const Word &word : group.optional) {
        if (containsWord(release.optional, word))
            matched += 0.5 * (word.isSmall ? SmallWordWeight : 1.0);
    }
    similarity.score = dice(matched, tally.missedA + tally.missedB);
    similarity.substituted
        = (tally.wordMissedA || tally.numberMissedA) && (tally.wordMissedB || tally.numberMissedB);
    if (similarity.substituted)
        similarity.score *= SubstitutionFactor;
    return similarity;
}

QString titleFromFileName(QStringView baseName, int *trackNumber, int *discNumber)
{
    *trackNumber = 0;
    *discNumber = 0;
    qsizetype i = 0;
    const qsizetype size = baseName.size();
    auto digitsAt = [&](qsizetype from) {
        qsizetype end = from;
        while (end < size && baseName.at(end).isDigit() && end - from < 3)
            ++end;
        return end;
    };
    if (i < size && (baseName.at(i) == u'(' || baseName.at(i) == u'['))
        ++i;
    qsizetype end = digitsAt(i);
    if (end == i || (end < size && baseName.at(end).isDigit()))
        return baseName.trimmed().toString();
    int first = baseName.sliced(i, end - i).toInt();
    int second = -1;
    // "1-05" or "1.05": a disc and a track.
    if (end - i == 1 && end + 1 < size && (baseName.at(end) == u'-' || baseName.at(end) == u'.')) {
        const qsizetype secondEnd = digitsAt(end + 1);
        if (secondEnd - (end + 1) >= 2) {
            second = baseName.sliced(end + 1, secondEnd - end - 1).toInt();
            end = secondEnd;
        }
    }
    const qsizetype digitCount = end - i;
    qsizetype rest = end;
    bool punctuated = false;
    while (rest < size) {
        const QChar c = baseName.at(rest);
        if (c == u'.' || c == u'-' || c == u'_' || c == u')' || c == u']')
            punctuated = true;
        else if (!c.isSpace())
            break;
        ++rest;
    }
    // "2 Become 1" keeps its number; "05 Twins", "5. Twins" and "5 - Twins" do not.
    if (rest == end || rest >= size || (!punctuated && digitCount < 2 && second < 0))
        return baseName.trimmed().toString();
    if (second >= 0) {
        *discNumber = first;
        *trackNumber = second;
    } else {
        *trackNumber = first;
    }
    return baseName.sliced(rest).trimmed().toString();
}

int editDistance(QStringView a, QStringView b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    // Three rows of the classic table: two back for the swap.
    QVarLengthArray<int, 3 * 64> rows(3 * (m + 1));
    int *before = rows.data();
    int *previous = before + m + 1;
    int *current = previous + m + 1;
    for (qsizetype j = 0; j <= m; ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                best = std::min(best, before[j - 2] + 1);
            current[j] = best;
        }
        int *oldest = before;
        before = previous;
        previous = current;
        current = oldest;
    }
    return previous[m];
}

} // namespace TitleMatch
