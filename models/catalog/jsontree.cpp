#include "catalog/jsontree.h"

#include <QStringDecoder>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

bool isWhitespace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isWordCharacter(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Bytes that need no attention inside a string: printable ASCII except '"' and '\'. Testing them
// with one table lookup keeps the string loop, where most of the file is spent, tight.
constexpr std::array<bool, 256> PlainStringBytes = [] {
    std::array<bool, 256> plain {};
    for (int c = 0x20; c < 0x80; ++c)
        plain[size_t(c)] = c != '"' && c != '\\';
    return plain;
}();

// The first byte from p that is '"', '\\', a control character or not ASCII, or end. Strings are
// most of a catalog, so this looks at eight bytes at a time; the bit tricks flag exactly the
// first such byte of a word (they can only be wrong above it).
const char *skipPlainBytes(const char *p, const char *end)
{
    constexpr quint64 Ones = 0x0101010101010101;
    constexpr quint64 Highs = 0x8080808080808080;
    auto zeroBytes = [](quint64 word) { return (word - Ones) & ~word & Highs; };
    while (end - p >= 8) {
        const quint64 word = qFromLittleEndian<quint64>(p);
        const quint64 special = zeroBytes(word ^ (Ones * '"')) | zeroBytes(word ^ (Ones * '\\'))
            | ((word - Ones * 0x20) & ~word & Highs) | (word & Highs);
        if (special)
            return p + std::countr_zero(special) / 8;
        p += 8;
    }
    while (p != end && PlainStringBytes[uchar(*p)])
        ++p;
    return p;
}

// The length (2 to 4) of the valid UTF-8 sequence at p, or 0. Overlong forms, surrogates and
// code points past U+10FFFF are invalid, as RFC 3629 says.
int utf8SequenceLength(const char *p, const char *end)
{
    const uchar lead = uchar(p[0]);
    const int length = lead >= 0xC2 && lead <= 0xDF ? 2
        : lead >= 0xE0 && lead <= 0xEF              ? 3
        : lead >= 0xF0 && lead <= 0xF4              ? 4
                                                    : 0;
    if (length == 0 || end - p < length)
        return 0;
    for (int i = 1; i < length; ++i) {
        if ((uchar(p[i]) & 0xC0) != 0x80)
            return 0;
    }
    const uchar second = uchar(p[1]);
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)
        || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F))
        return 0;
    return length;
}

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The four hex digits after "\u" at p, or -1.
int unicodeEscape(const char *p, const char *end)
{
    if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
        return -1;
    int value = 0;
    for (int i = 2; i < 6; ++i) {
        const int digit = hexValue(p[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

bool isHighSurrogate(int unit)
{
    return unit >= 0xD800 && unit <= 0xDBFF;
}

bool isLowSurrogate(int unit)
{
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

// A JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool isNumber(const char *p, const char *end)
{
    if (p != end && *p == '-')
        ++p;
    if (p == end || !isDigit(*p))
        return false;
    if (*p++ != '0') {
        while (p != end && isDigit(*p))
            ++p;
    }
    auto digits = [&] {
        const char *start = p;
        while (p != end && isDigit(*p))
            ++p;
        return p != start;
    };
    if (p != end && *p == '.' && !(++p, digits()))
        return false;
    if (p != end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p != end && (*p == '+' || *p == '-'))
            ++p;
        if (!digits())
            return false;
    }
    return p == end;
}

// At most 40 characters of a token, for messages.
QString shortToken(const char *p, qsizetype length)
{
    constexpr qsizetype Limit = 40;
    return length > Limit ? QString::fromLatin1(p, Limit) + u'…' : QString::fromLatin1(p, length);
}

// QString::fromUtf8() drops a byte order mark at the start, but inside a JSON string it is text.
QString fromUtf8(const char *p, qsizetype size)
{
    if (!QByteArrayView(p, size).startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(p, size);
    QStringDecoder decoder(QStringDecoder::Utf8,
        QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    return decoder(QByteArrayView(p, size));
}

QString invalidUtf8(const char *at)
{
    return u"invalid UTF-8 (byte 0x"_s + QString::number(uchar(*at), 16).rightJustified(2, u'0')
        + u')';
}

} // namespace

bool JsonTree::parse(QByteArrayView json)
{
    m_json = json;
    m_nodes.clear();
    m_stack.clear();
    m_errorOffset = -1;
    m_errorPath.clear();
    m_errorMessage.clear();
    if (json.size() > MaxBytes)
        return fail(json.data(), false, u"the file is too large"_s);
    // A catalog needs about one node per 10 bytes; reserving avoids most regrowth.
    m_nodes.reserve(size_t(json.size() / 10 + 16));

    const char *p = json.data();
    const char *const end = p + json.size();
    enum class Expect { Value, Key, AfterValue } expect = Expect::Value;
    for (;;) {
        while (p != end && isWhitespace(*p))
            ++p;
        if (expect == Expect::Value) {
            if (p == end) {
                if (m_nodes.empty())
                    return fail(json.data(), true, u"the file is empty"_s);
                return fail(p, true, u"expected a value, found the end of the file"_s);
            }
            if (*p != '{' && *p != '[') {
                const bool parsed = *p == '"'  ? parseString(p)
                    : *p == '-' || isDigit(*p) ? parseNumber(p)
                                               : parseLiteral(p);
                if (!parsed)
                    return false;
                expect = Expect::AfterValue;
                continue;
            }
            if (m_stack.size() == MaxDepth) {
                return fail(p, true, u"too deeply nested (more than %1 levels)"_s.arg(MaxDepth));
            }
            const bool isObject = *p == '{';
            m_stack.push_back(Level {addNode(isObject ? Object : Array, p)});
            ++p;
            expect = isObject ? Expect::Key : Expect::Value;
            while (p != end && isWhitespace(*p))
                ++p;
            if (p != end && *p == (isObject ? '}' : ']')) {
                ++p;
                closeContainer();
                expect = Expect::AfterValue;
            }
        } else if (expect == Expect::Key) {
            if (p == end || *p != '"')
                return fail(p, false, u"expected a key in double quotes, found "_s + found(p));
            if (!parseString(p, false))
                return false;
            m_stack.back().key = quint32(m_nodes.size() - 1);
            while (p != end && isWhitespace(*p))
                ++p;
            if (p == end || *p != ':')
                return fail(p, true, u"expected \":\" after the key, found "_s + found(p));
            ++p;
            expect = Expect::Value;
        } else {
            if (m_stack.empty()) {
                if (p != end)
                    return fail(p, false, u"expected the end of the file, found "_s + found(p));
                return true;
            }
            Level &level = m_stack.back();
            ++level.count;
            const bool isObject = m_nodes[level.node].type() == Object;
            const char close = isObject ? '}' : ']';
            if (p != end && *p == close) {
                ++p;
                closeContainer();
                continue;
            }
            if (p == end || *p != ',') {
                return fail(p, false,
                    (isObject ? u"expected \",\" or \"}\", found "_s
                              : u"expected \",\" or \"]\", found "_s)
                        + found(p));
            }
            const char *comma = p++;
            while (p != end && isWhitespace(*p))
                ++p;
            if (p != end && *p == close) {
                return fail(comma, false,
                    u"a comma before \""_s + QLatin1Char(close) + u"\" is not allowed"_s);
            }
            expect = isObject ? Expect::Key : Expect::Value;
        }
    }
}

std::pair<qsizetype, qsizetype> JsonTree::lineAndColumn(qsizetype offset) const
{
    const char *p = m_json.data();
    const char *const stop = p + std::clamp<qsizetype>(offset, 0, m_json.size());
    qsizetype line = 1;
    const char *lineStart = p;
    for (; p != stop; ++p) {
        if (*p == '\n') {
            ++line;
            lineStart = p + 1;
        }
    }
    qsizetype column = 1;
    for (p = lineStart; p != stop; ++p) {
        if ((uchar(*p) & 0xC0) != 0x80)
            ++column;
    }
    return {line, column};
}

QString JsonTree::string(quint32 index) const
{
    const Node &node = m_nodes[index];
    const char *p = m_json.data() + node.offset() + 1;
    const char *const end = p + node.size;
    if (!(node.flags() & HasEscapes)) {
        return node.flags() & HasNonAscii ? fromUtf8(p, node.size)
                                          : QString::fromLatin1(p, node.size);
    }
    QString text;
    text.reserve(node.size);
    const char *run = p;
    while (p != end) {
        if (*p != '\\') {
            ++p;
            continue;
        }
        text += fromUtf8(run, p - run);
        const char escaped = p[1];
        if (escaped == 'u') {
            // The parser checked the digits and that surrogates come in pairs.
            const int unit = unicodeEscape(p, end);
            text += QChar(unit);
            p += 6;
            if (isHighSurrogate(unit)) {
                text += QChar(unicodeEscape(p, end));
                p += 6;
            }
        } else {
            static constexpr char From[] = "bfnrt";
            static constexpr char To[] = "\b\f\n\r\t";
            const char *mapped = std::strchr(From, escaped);
            text += QLatin1Char(mapped ? To[mapped - From] : escaped);
            p += 2;
        }
        run = p;
    }
    text += fromUtf8(run, p - run);
    return text;
}

bool JsonTree::stringEquals(quint32 index, QLatin1StringView text) const
{
    const Node &node = m_nodes[index];
    if (node.flags() & HasEscapes)
        return string(index) == text;
    return node.size == quint32(text.size()) && !(node.flags() & HasNonAscii)
        && std::memcmp(m_json.data() + node.offset() + 1, text.data(), node.size) == 0;
}

quint32 JsonTree::childCount(quint32 index) const
{
    quint32 count = 0;
    for (quint32 child = firstChild(index); child < next(index); child = next(child))
        ++count;
    return m_nodes[index].type() == Object ? count / 2 : count;
}

QByteArrayView JsonTree::numberToken(quint32 index) const
{
    return m_json.sliced(m_nodes[index].offset(), m_nodes[index].size);
}

void JsonTree::appendKey(QString &path, QStringView key)
{
    // A key can be megabytes long or hold line breaks; a message must stay one short line.
    constexpr qsizetype Limit = 60;
    qsizetype shown = std::min(key.size(), Limit);
    if (shown < key.size() && key.at(shown - 1).isHighSurrogate())
        --shown;
    const QString rest = shown < key.size() ? u"…"_s : QString();
    const bool plain = !key.isEmpty() && std::all_of(key.begin(), key.end(), [](QChar c) {
        return c.unicode() < 0x80 && (isWordCharacter(char(c.unicode())) || c == u'-');
    });
    if (plain) {
        if (!path.isEmpty())
            path += u'.';
        path += key.first(shown) + rest;
        return;
    }
    // Keys that would read ambiguously after a dot are written the bracket way: ["my key"].
    path += u"[\""_s;
    for (QChar c : key.first(shown)) {
        if (c == u'"' || c == u'\\')
            path += u'\\' + QString(c);
        else if (c.unicode() < 0x20)
            path += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
        else
            path += c;
    }
    path += rest + u"\"]"_s;
}

void JsonTree::appendIndex(QString &path, qsizetype index)
{
    path += u'[' + QString::number(index) + u']';
}

bool JsonTree::fail(const char *at, bool inValue, const QString &message)
{
    const char *const end = m_json.data() + m_json.size();
    m_errorOffset = at - m_json.data();
    // A stray byte that is not UTF-8 at all is better named as such than as unexpected.
    m_errorMessage = at != end && uchar(*at) >= 0x80 && !utf8SequenceLength(at, end)
        ? invalidUtf8(at)
        : message;
    m_errorPath = pathAt(inValue);
    return false;
}

QString JsonTree::pathAt(bool inValue) const
{
    // Levels with a key or an index in the path: all but the innermost, which has one only while
    // one of its values is being parsed.
    const qsizetype levels = qsizetype(m_stack.size()) - (inValue ? 0 : 1);
    // 200,000 "[" must not give a 600 kB path: keep both ends of a deep one.
    constexpr qsizetype Ends = 8;
    QString path;
    for (qsizetype i = 0; i < levels; ++i) {
        if (levels > 2 * Ends && i >= Ends && i < levels - Ends) {
            if (i == Ends)
                path += u'…';
            continue;
        }
        const Level &level = m_stack[size_t(i)];
        if (m_nodes[level.node].type() == Array)
            appendIndex(path, level.count);
        else if (level.key)
            appendKey(path, string(level.key));
    }
    return path.isEmpty() ? u"(document)"_s : path;
}

QString JsonTree::found(const char *at) const
{
    const char *const end = m_json.data() + m_json.size();
    if (at == end)
        return u"the end of the file"_s;
    const char c = *at;
    if (c == '"')
        return u"a string"_s;
    if (c == '-' || isDigit(c))
        return u"a number"_s;
    if (uchar(c) < 0x20)
        return u"a control character (U+%1)"_s.arg(uint(uchar(c)), 4, 16, QLatin1Char('0'));
    if (uchar(c) >= 0x80) {
        // fail() reports an invalid sequence as such; a valid one is a character out of place.
        const int length = std::max(utf8SequenceLength(at, end), 1);
        return u'"' + fromUtf8(at, length) + u'"';
    }
    const char *token = at;
    while (token != end && isWordCharacter(*token))
        ++token;
    const qsizetype length = std::max<qsizetype>(token - at, 1);
    return u'"' + shortToken(at, length) + u'"';
}

bool JsonTree::parseString(const char *&p, bool inValue)
{
    const char *const open = p;
    const char *const end = m_json.data() + m_json.size();
    const char *q = p + 1;
    quint8 flags = 0;
    for (;;) {
        q = skipPlainBytes(q, end);
        if (q == end)
            return fail(open, inValue, u"unterminated string"_s);
        const uchar c = uchar(*q);
        if (c == '"')
            break;
        if (c == '\\') {
            flags |= HasEscapes;
            if (!skipEscape(q, inValue))
                return false;
        } else if (c >= 0x80) {
            const int length = utf8SequenceLength(q, end);
            if (length == 0)
                return fail(q, inValue, invalidUtf8(q));
            flags |= HasNonAscii;
            q += length;
        } else if (c == '\n' || c == '\r') {
            return fail(
                open, inValue, u"unterminated string (a line break in a string is written \\n)"_s);
        } else {
            return fail(q, inValue,
                u"control character U+%1 in a string (write it as \\u%1)"_s.arg(
                    uint(c), 4, 16, QLatin1Char('0')));
        }
    }
    const quint32 index = addNode(String, open);
    m_nodes[index].size = quint32(q - open - 1);
    m_nodes[index].packed |= quint32(flags) << FlagShift;
    p = q + 1;
    return true;
}

bool JsonTree::skipEscape(const char *&q, bool inValue)
{
    const char *const end = m_json.data() + m_json.size();
    if (end - q < 2)
        return fail(q, inValue, u"unterminated string"_s);
    if (q[1] != '\0' && std::strchr("\"\\/bfnrt", q[1])) {
        q += 2;
        return true;
    }
    if (q[1] != 'u') {
        const qsizetype length
            = uchar(q[1]) >= 0x80 ? std::max(utf8SequenceLength(q + 1, end), 1) : 1;
        if (uchar(q[1]) < 0x20)
            return fail(q, inValue, u"invalid escape (a backslash before a control character)"_s);
        return fail(q, inValue, u"invalid escape \"\\"_s + fromUtf8(q + 1, length) + u'"');
    }
    const int unit = unicodeEscape(q, end);
    if (unit < 0) {
        qsizetype length = 2;
        while (length < 6 && q + length != end && (isWordCharacter(q[length])))
            ++length;
        return fail(q, inValue,
            u"invalid escape \""_s + shortToken(q, length)
                + u"\" (expected \\u and four hex digits)"_s);
    }
    if (isLowSurrogate(unit)
        || (isHighSurrogate(unit) && !isLowSurrogate(unicodeEscape(q + 6, end)))) {
        return fail(q, inValue,
            u"invalid escape \""_s + shortToken(q, 6) + u"\" (an unpaired surrogate)"_s);
    }
    q += isHighSurrogate(unit) ? 12 : 6;
    return true;
}

bool JsonTree::parseNumber(const char *&p)
{
    const char *const end = m_json.data() + m_json.size();
    // Take the whole run of number-like characters, so "01", "1." and "12abc" are named whole.
    const char *token = p;
    while (token != end
        && (isWordCharacter(*token) || *token == '+' || *token == '-' || *token == '.'))
        ++token;
    if (!isNumber(p, token))
        return fail(p, true, u'"' + shortToken(p, token - p) + u"\" is not a valid number"_s);
    const quint32 index = addNode(Number, p);
    m_nodes[index].size = quint32(token - p);
    p = token;
    return true;
}

bool JsonTree::parseLiteral(const char *&p)
{
    const char *const end = m_json.data() + m_json.size();
    const char *token = p;
    while (token != end && isWordCharacter(*token))
        ++token;
    const QByteArrayView word(p, token - p);
    const Type type = word == "true" ? True : word == "false" ? False : Null;
    if (type == Null && word != "null")
        return fail(p, true, u"expected a value, found "_s + found(p));
    addNode(type, p);
    p = token;
    return true;
}

quint32 JsonTree::addNode(Type type, const char *at)
{
    const auto index = quint32(m_nodes.size());
    m_nodes.push_back(Node {(quint32(type) << TypeShift) | quint32(at - m_json.data()), 0});
    return index;
}

void JsonTree::closeContainer()
{
    const Level &level = m_stack.back();
    m_nodes[level.node].size = quint32(m_nodes.size());
    m_stack.pop_back();
}
