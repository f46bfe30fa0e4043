#include "catalog/textfold.h"

#include <QVarLengthArray>

#include <array>
#include <string_view>
#include <utility>

namespace {

// What one code point contributes to the folded text.
struct Folded
{
    enum Kind { Text, Drop, Space };
    Kind kind = Drop;
    QString text;
};

// Letters that decomposition does not reduce to what a user types; case is already folded.
constexpr std::pair<char16_t, std::u16string_view> Letters[] = {
    {u'ø', u"o"},
    {u'æ', u"ae"},
    {u'œ', u"oe"},
    {u'ß', u"ss"},
    {u'ł', u"l"},
    {u'đ', u"d"},
    {u'ð', u"d"},
    {u'þ', u"th"},
    {u'ı', u"i"},
    {u'ħ', u"h"},
    {u'ŧ', u"t"},
    {u'ŋ', u"n"},
    {u'ƒ', u"f"},
    {u'ɨ', u"i"},
    {u'ʉ', u"u"},
};

// Titles mix dashes freely ("Season 1 – Chapter 1"): all become "-".
constexpr std::u16string_view Dashes = u"‐‑‒–—―−⁃﹘﹣－";

// Apostrophes (so "dahjs" finds "Dahj’s") and quotation marks. Checked before decomposition,
// because the spacing accent "´" would otherwise decompose into a space.
constexpr std::u16string_view Dropped = u"’‘‛ʼʹ´′＇“”„‟«»‹›″＂";

std::u16string_view replacement(char32_t c)
{
    if (c > 0xFFFF)
        return {};
    if (Dashes.find(char16_t(c)) != std::u16string_view::npos)
        return u"-";
    for (const auto &[letter, text] : Letters) {
        if (letter == c)
            return text;
    }
    return {};
}

bool isDropped(char32_t c)
{
    return c <= 0xFFFF && Dropped.find(char16_t(c)) != std::u16string_view::npos;
}

// Scripts whose composed letters are not accented ones: the voicing marks of kana change the
// syllable (ピ is not ヒ), and Hangul syllables would only fall apart into jamo.
bool staysComposed(char32_t c)
{
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7A3);
}

void appendCodePoint(QString &out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        out.append(QChar(QChar::highSurrogate(c)));
        out.append(QChar(QChar::lowSurrogate(c)));
    } else {
        out.append(QChar(char16_t(c)));
    }
}

void foldInto(char32_t c, Folded &result);

void foldDecomposition(char32_t c, Folded &result)
{
    const QString parts = QChar::decomposition(c);
    // Compatibility forms of spacing accents ("¨", "˜") decompose into a space and a mark: they
    // are punctuation here, not a word break.
    if (QChar::decompositionTag(c) != QChar::Canonical && parts.startsWith(u' '))
        return;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        char32_t part = parts.at(i).unicode();
        if (QChar::isHighSurrogate(part) && i + 1 < parts.size())
            part = QChar::surrogateToUcs4(part, parts.at(++i).unicode());
        Folded sub;
        foldInto(part, sub);
        if (sub.kind == Folded::Text) {
            result.kind = Folded::Text;
            result.text += sub.text;
        } else if (sub.kind == Folded::Space && result.kind == Folded::Drop) {
            result.kind = Folded::Space;
        }
    }
}

// The complete rules for one code point; fold() inlines ASCII and caches Latin letters.
void foldInto(char32_t c, Folded &result)
{
    if (c < 0x80) {
        const char16_t ascii = char16_t(c);
        if (ascii == u'\'' || ascii == u'`' || ascii == u'"')
            return;
        if (QChar::isSpace(c)) {
            result.kind = Folded::Space;
            return;
        }
        if (ascii < 0x20 || ascii == 0x7F)
            return;
        result.kind = Folded::Text;
        result.text += QChar(ascii >= u'A' && ascii <= u'Z' ? char16_t(ascii + 32) : ascii);
        return;
    }
    if (isDropped(c))
        return;
    if (QChar::isSpace(c)) {
        result.kind = Folded::Space;
        return;
    }
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Other_Control:
    case QChar::Other_Format:
        return;
    default:
        break;
    }
    const char32_t lower = QChar::toCaseFolded(c);
    if (const std::u16string_view text = replacement(lower); !text.empty()) {
        result.kind = Folded::Text;
        result.text += QStringView(text.data(), qsizetype(text.size()));
        return;
    }
    if (QChar::decompositionTag(lower) != QChar::NoDecomposition && !staysComposed(lower)) {
        foldDecomposition(lower, result);
        return;
    }
    result.kind = Folded::Text;
    appendCodePoint(result.text, lower);
}

// Latin letters with accents are the common non-ASCII case in titles and names; fold them once.
constexpr char32_t TableEnd = 0x0250;

const std::array<Folded, TableEnd> &latinTable()
{
    static const std::array<Folded, TableEnd> table = [] {
        std::array<Folded, TableEnd> t;
        for (char32_t c = 0; c < TableEnd; ++c)
            foldInto(c, t[c]);
        return t;
    }();
    return table;
}

} // namespace

namespace TextFold {

QString fold(QStringView text)
{
    const std::array<Folded, TableEnd> &table = latinTable();
    // Folding 100,000 titles must take milliseconds: write into a stack buffer, allocate once.
    QVarLengthArray<char16_t, 256> out;
    bool pendingSpace = false;
    auto put = [&](char16_t c) {
        if (pendingSpace) {
            out.append(u' ');
            pendingSpace = false;
        }
        out.append(c);
    };
    Folded slow;

    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (c < 0x80) {
            // ASCII is most of any title: handled inline, same rules as foldInto().
            if (c == u' ' || (c >= 0x09 && c <= 0x0D))
                pendingSpace = !out.isEmpty();
            else if (c >= 0x20 && c != 0x7F && c != u'\'' && c != u'`' && c != u'"')
                put(c >= u'A' && c <= u'Z' ? char16_t(c + 32) : char16_t(c));
            continue;
        }
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            c = QChar::surrogateToUcs4(char16_t(c), text.at(++i).unicode());
        const Folded *folded = &slow;
        if (c < TableEnd) {
            folded = &table[c];
        } else {
            slow = Folded();
            foldInto(c, slow);
        }
        if (folded->kind == Folded::Space) {
            pendingSpace = !out.isEmpty();
        } else if (folded->kind == Folded::Text) {
            for (const QChar part : folded->text)
                put(part.unicode());
        }
    }
    return QString(reinterpret_cast<const QChar *>(out.constData()), out.size());
}

} // namespace TextFold
