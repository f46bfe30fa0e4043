#pragma once

#include "catalog/jsontree.h"

#include <QByteArrayView>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <array>
#include <vector>

using namespace Qt::StringLiterals;

// Typed reading of a parsed JSON document for a strict file format: each value is checked where
// it is read, and what is wrong is collected as "FILE: PATH: WHAT" with its offset, so that a
// file's faults all come out together, in document order. The catalog reader is built on it.
namespace JsonFields {

// A place in the document, kept on the call stack and turned into text only for a fault: most
// values are fine, and building a path for each would cost more than reading it.
class Path
{
public:
    Path() = default;
    Path(const Path &parent, QLatin1StringView key)
        : m_parent(&parent)
        , m_key(key)
    { }
    Path(const Path &parent, qsizetype index)
        : m_parent(&parent)
        , m_index(index)
    { }

    QString toString() const
    {
        QString text;
        append(text);
        return text.isEmpty() ? u"(document)"_s : text;
    }

    QString withKey(QStringView key) const
    {
        QString text;
        append(text);
        JsonTree::appendKey(text, key);
        return text;
    }

private:
    void append(QString &text) const
    {
        if (!m_parent)
            return;
        m_parent->append(text);
        if (m_index >= 0)
            JsonTree::appendIndex(text, m_index);
        else
            JsonTree::appendKey(text, QString(m_key));
    }

    const Path *m_parent = nullptr;
    QLatin1StringView m_key;
    qsizetype m_index = -1;
};

// One member the format defines, present or not.
struct Field
{
    quint32 object; // the object it belongs in: faults about a missing value point there
    quint32 value; // 0 when absent (node 0 is the document, never a member)
    Path path;
};

template<size_t N>
using Keys = std::array<QLatin1StringView, N>;

// The values of one object's known keys, looked up once.
template<size_t N>
struct Members
{
    quint32 object;
    const Path &path;
    const Keys<N> &keys;
    std::array<quint32, N> values {};

    Field operator[](int key) const
    {
        return Field {object, values[size_t(key)], Path(path, keys[size_t(key)])};
    }
};

template<typename Enum>
struct EnumName
{
    QLatin1StringView name;
    Enum value;
};

enum Presence { Optional, Required };

QString typeName(JsonTree::Type type);
// A value as a message shows it: in double quotes, escaped, and cut short when long.
QString quoted(QStringView text);
// A number as written in the file, for messages: "1e+30", not "1e30" or "1.0E30".
QString numberText(QByteArrayView token);
// Empty when text is a date "YYYY", "YYYY-MM" or "YYYY-MM-DD" that the calendar has, else why not.
QString dateFault(QStringView text);

enum class NumberFault { None, NotWhole, OutOfRange };
NumberFault wholeNumber(QByteArrayView token, double min, double max, double &value);

// Reads the fields of one document and keeps its faults and warnings (unknown keys).
class FieldReader
{
public:
    // Past this many faults (or warnings) the rest are only counted: a file broken in every
    // element could otherwise make millions of messages (gigabytes).
    static constexpr int MaxListedFaults = 1000;

    FieldReader(const JsonTree &tree, const QString &filePath)
        : m_tree(tree)
        , m_filePath(filePath)
    { }

    // Faults and warnings then begin "FILE:LINE:COLUMN: " rather than "FILE: ", for a format
    // that people read and mend by hand, where a path alone is slow to find.
    void setLineNumbers(bool on) { m_lineNumbers = on; }

    // The values of the object's known keys; an unknown key is a warning, a repeated one a fault.
    template<size_t N>
    Members<N> members(quint32 object, const Path &path, const Keys<N> &keys);
    bool isObject(quint32 node, const Path &path);
    bool isArray(const Field &field);
    bool isPresent(const Field &field, Presence presence);
    bool isType(const Field &field, JsonTree::Type type);

    void readText(const Field &field, QString &out, Presence presence = Optional);
    void readTextList(const Field &field, QStringList &out);
    bool readFilledText(const Field &field, QString &out, const QString &expected);
    // A whole number from 1 to max. False when absent or faulty.
    bool readWholeNumber(const Field &field, int &out, Presence presence, int max);
    void readBool(const Field &field, bool &out);
    bool readTime(const Field &field, qint64 &out);
    void readDate(const Field &field, QString &out);
    template<typename Enum, size_t N>
    void readEnum(const Field &field, const std::array<EnumName<Enum>, N> &names, Enum &out);

    void fault(quint32 node, const Path &path, const QString &what);
    void fault(const Field &field, const QString &what)
    {
        fault(field.value ? field.value : field.object, field.path, what);
    }

    int faultCount() const { return m_faultCount; }
    // In document order, with a last line counting those not listed. Each may be taken once.
    QStringList errors() { return messages(m_faults, m_faultCount); }
    QStringList warnings() { return messages(m_warnings, m_warningCount); }

private:
    struct Message
    {
        quint32 offset;
        // "PATH: WHAT"; messages() puts the file (and the line) in front.
        QString text;
    };

    QStringList messages(std::vector<Message> &list, int count) const;

    const JsonTree &m_tree;
    const QString &m_filePath;
    std::vector<Message> m_faults;
    std::vector<Message> m_warnings;
    int m_faultCount = 0;
    int m_warningCount = 0;
    bool m_lineNumbers = false;
};

template<size_t N>
Members<N> FieldReader::members(quint32 object, const Path &path, const Keys<N> &keys)
{
    Members<N> found {object, path, keys};
    for (quint32 key = JsonTree::firstChild(object); key < m_tree.next(object);
         key = m_tree.next(key + 1)) {
        // Keys are plain ASCII but for the odd escape; each is compared in place, not decoded.
        const QLatin1StringView ascii = m_tree.asciiString(key);
        const QString decoded = ascii.isNull() ? m_tree.string(key) : QString();
        const auto known = ascii.isNull() ? std::find(keys.begin(), keys.end(), decoded)
                                          : std::find(keys.begin(), keys.end(), ascii);
        if (known == keys.end()) {
            if (m_warningCount++ < MaxListedFaults) {
                m_warnings.push_back({m_tree.node(key).offset(),
                    path.withKey(m_tree.string(key)) + u": unknown key (ignored)"_s});
            }
            continue;
        }
        quint32 &value = found.values[size_t(known - keys.begin())];
        if (value)
            fault(key, Path(path, *known), u"the key appears twice"_s);
        else
            value = key + 1;
    }
    return found;
}

template<typename Enum, size_t N>
void FieldReader::readEnum(
    const Field &field, const std::array<EnumName<Enum>, N> &names, Enum &out)
{
    if (!field.value || !isType(field, JsonTree::String))
        return;
    for (const EnumName<Enum> &name : names) {
        if (m_tree.stringEquals(field.value, name.name)) {
            out = name.value;
            return;
        }
    }
    QString list;
    for (const EnumName<Enum> &name : names)
        list += (list.isEmpty() ? QString() : u", "_s) + name.name;
    fault(field, quoted(m_tree.string(field.value)) + u" is not one of "_s + list);
}

} // namespace JsonFields
