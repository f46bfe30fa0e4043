#include "catalog/jsonfields.h"

#include "catalog/timecode.h"

#include <charconv>
#include <cmath>
#include <optional>

namespace JsonFields {

namespace {

// Two ASCII digits at text[at], or -1.
int twoDigits(QStringView text, qsizetype at)
{
    const QChar a = text.at(at);
    const QChar b = text.at(at + 1);
    if (a < u'0' || a > u'9' || b < u'0' || b > u'9')
        return -1;
    return (a.unicode() - u'0') * 10 + (b.unicode() - u'0');
}

int daysInMonth(int year, int month)
{
    static constexpr std::array<int, 12> Days {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : Days[size_t(month - 1)];
}

} // namespace

QString typeName(JsonTree::Type type)
{
    switch (type) {
    case JsonTree::Null:
        return u"null"_s;
    case JsonTree::False:
        return u"false"_s;
    case JsonTree::True:
        return u"true"_s;
    case JsonTree::Number:
        return u"a number"_s;
    case JsonTree::String:
        return u"a string"_s;
    case JsonTree::Array:
        return u"an array"_s;
    case JsonTree::Object:
        return u"an object"_s;
    }
    return {};
}

QString quoted(QStringView text)
{
    constexpr qsizetype Limit = 60;
    QString out = u"\""_s;
    qsizetype shown = std::min(text.size(), Limit);
    if (shown < text.size() && text.at(shown - 1).isHighSurrogate())
        --shown;
    for (QChar c : text.first(shown)) {
        if (c == u'"' || c == u'\\')
            out += u'\\' + QString(c);
        else if (c == u'\n')
            out += u"\\n"_s;
        else if (c.unicode() < 0x20)
            out += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
        else
            out += c;
    }
    if (shown < text.size())
        out += u'…';
    return out + u'"';
}

QString numberText(QByteArrayView token)
{
    constexpr qsizetype Limit = 40;
    return token.size() > Limit ? QString::fromLatin1(token.first(Limit)) + u'…'
                                : QString::fromLatin1(token);
}

QString dateFault(QStringView text)
{
    const qsizetype size = text.size();
    const int century = size >= 4 ? twoDigits(text, 0) : -1;
    const int yearInCentury = size >= 4 ? twoDigits(text, 2) : -1;
    const int month = size >= 7 && text.at(4) == u'-' ? twoDigits(text, 5) : -1;
    const int day = size == 10 && text.at(7) == u'-' ? twoDigits(text, 8) : -1;
    const bool shaped = (size == 4 || size == 7 || size == 10) && century >= 0 && yearInCentury >= 0
        && (size < 7 || (month >= 1 && month <= 12)) && (size < 10 || day >= 0);
    if (!shaped)
        return quoted(text) + u" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"_s;
    const int year = century * 100 + yearInCentury;
    if (size == 10 && (day < 1 || day > daysInMonth(year, month))) {
        return quoted(text) + u" is not a date ("_s + text.first(7) + u" has "_s
            + QString::number(daysInMonth(year, month)) + u" days)"_s;
    }
    return {};
}

NumberFault wholeNumber(QByteArrayView token, double min, double max, double &value)
{
    const auto [end, error] = std::from_chars(token.begin(), token.end(), value);
    if (error == std::errc::result_out_of_range)
        return NumberFault::OutOfRange;
    if (error != std::errc() || end != token.end() || value != std::floor(value))
        return NumberFault::NotWhole;
    return value < min || value > max ? NumberFault::OutOfRange : NumberFault::None;
}

bool FieldReader::isObject(quint32 node, const Path &path)
{
    if (m_tree.node(node).type() == JsonTree::Object)
        return true;
    fault(node, path, u"expected an object, found "_s + typeName(m_tree.node(node).type()));
    return false;
}

// Absent arrays are empty ones.
bool FieldReader::isArray(const Field &field)
{
    return field.value && isType(field, JsonTree::Array);
}

bool FieldReader::isPresent(const Field &field, Presence presence)
{
    if (!field.value && presence == Required)
        fault(field, u"required"_s);
    return field.value != 0;
}

bool FieldReader::isType(const Field &field, JsonTree::Type type)
{
    const JsonTree::Type found = m_tree.node(field.value).type();
    if (found == type)
        return true;
    fault(field, u"expected "_s + typeName(type) + u", found "_s + typeName(found));
    return false;
}

void FieldReader::readText(const Field &field, QString &out, Presence presence)
{
    if (!isPresent(field, presence) || !isType(field, JsonTree::String))
        return;
    out = m_tree.string(field.value);
    if (presence == Required && out.isEmpty())
        fault(field, u"required (found an empty string)"_s);
}

void FieldReader::readTextList(const Field &field, QStringList &out)
{
    if (!isArray(field))
        return;
    out.reserve(m_tree.childCount(field.value));
    int index = 0;
    for (quint32 node = JsonTree::firstChild(field.value); node < m_tree.next(field.value);
         node = m_tree.next(node), ++index) {
        const Field element {field.value, node, Path(field.path, index)};
        if (isType(element, JsonTree::String))
            out.append(m_tree.string(node));
    }
}

// An optional text that is meaningless when blank ("speaker", "basis"): present, it must say
// something, or the pane would credit nobody. True when it was read and says something.
bool FieldReader::readFilledText(const Field &field, QString &out, const QString &expected)
{
    if (!field.value || !isType(field, JsonTree::String))
        return false;
    out = m_tree.string(field.value);
    if (out.trimmed().isEmpty()) {
        fault(field, quoted(out) + u" is blank (expected "_s + expected + u')');
        return false;
    }
    return true;
}

bool FieldReader::readWholeNumber(const Field &field, int &out, Presence presence, int max)
{
    if (!isPresent(field, presence))
        return presence == Optional;
    if (!isType(field, JsonTree::Number))
        return false;
    const QByteArrayView token = m_tree.numberToken(field.value);
    double value = 0;
    const NumberFault number = wholeNumber(token, 1, max, value);
    if (number == NumberFault::None) {
        out = int(value);
        return true;
    }
    const QString expected = u"(expected a whole number from 1 to %1)"_s.arg(max);
    fault(field,
        numberText(token)
            + (number == NumberFault::NotWhole ? u" is not a whole number "_s
                                               : u" is out of range "_s)
            + expected);
    return false;
}

void FieldReader::readBool(const Field &field, bool &out)
{
    if (!field.value)
        return;
    const JsonTree::Type type = m_tree.node(field.value).type();
    if (type == JsonTree::True || type == JsonTree::False)
        out = type == JsonTree::True;
    else
        fault(field, u"expected true or false, found "_s + typeName(type));
}

// True when the time is there and valid.
bool FieldReader::readTime(const Field &field, qint64 &out)
{
    if (!field.value || !isType(field, JsonTree::String))
        return false;
    // Most times are a few ASCII characters: widening them on the stack spares a QString for each
    // of the 150,000 times of a large catalog.
    std::array<char16_t, 16> buffer;
    const QLatin1StringView ascii = m_tree.asciiString(field.value);
    std::optional<qint64> ms;
    if (!ascii.isNull() && ascii.size() <= qsizetype(buffer.size())) {
        std::copy(ascii.begin(), ascii.end(), buffer.begin());
        ms = TimeCode::parse(QStringView(buffer.data(), ascii.size()));
    } else {
        ms = TimeCode::parse(m_tree.string(field.value));
    }
    if (!ms) {
        fault(field, quoted(m_tree.string(field.value)) + u" is not a time (expected m:ss)"_s);
        return false;
    }
    out = *ms;
    return true;
}

void FieldReader::readDate(const Field &field, QString &out)
{
    if (!field.value || !isType(field, JsonTree::String))
        return;
    out = m_tree.string(field.value);
    const QString why = dateFault(out);
    if (!why.isEmpty())
        fault(field, why);
}

void FieldReader::fault(quint32 node, const Path &path, const QString &what)
{
    if (m_faultCount++ < MaxListedFaults) {
        m_faults.push_back({m_tree.node(node).offset(), path.toString() + u": "_s + what});
    }
}

QStringList FieldReader::messages(std::vector<Message> &list, int count) const
{
    std::stable_sort(list.begin(), list.end(),
        [](const Message &a, const Message &b) { return a.offset < b.offset; });
    QStringList texts;
    texts.reserve(qsizetype(list.size()) + 1);
    // The messages are in document order: one pass over the bytes finds every line and column.
    const QByteArrayView json = m_tree.json();
    qsizetype at = 0;
    qsizetype line = 1;
    qsizetype column = 1;
    for (const Message &message : list) {
        QString where = m_filePath;
        if (m_lineNumbers) {
            for (const qsizetype stop = std::min<qsizetype>(message.offset, json.size()); at < stop;
                 ++at) {
                if (json[at] == '\n') {
                    ++line;
                    column = 1;
                } else if ((uchar(json[at]) & 0xC0) != 0x80) {
                    ++column;
                }
            }
            where += u':' + QString::number(line) + u':' + QString::number(column);
        }
        texts.append(where + u": "_s + message.text);
    }
    if (count > MaxListedFaults)
        texts.append(m_filePath + u": "_s + QString::number(count - MaxListedFaults)
            + u" more not listed"_s);
    return texts;
}

} // namespace JsonFields
