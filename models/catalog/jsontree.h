#pragma once

#include <QByteArrayView>
#include <QString>

#include <vector>

// A strict RFC 8259 parser into a flat, read-only tree that remembers the byte offset of every
// value, for CatalogReader. It exists because QJsonDocument is too slow for the 100k-track
// budget (about 400 ms for 30 MB on its own), accepts bad JSON ("\q", raw control characters,
// "1.", unpaired surrogates) and silently keeps only the last of two equal keys.
//
// The parser is iterative and stops at MaxDepth levels, so no input can exhaust the stack.
// The tree points into the parsed bytes: they must outlive it.
class JsonTree
{
public:
    enum Type : quint8 { Null, False, True, Number, String, Array, Object };

    // The longest input: offsets are kept in 26 bits, so that a node takes 8 bytes (a 30 MB
    // catalog makes three million of them). CatalogReader refuses larger files before this.
    static constexpr qsizetype MaxBytes = qsizetype(1) << 26;

    struct Node
    {
        // The type (3 bits), the string flags (2 bits) and the offset where the value starts in
        // the bytes: its quote, bracket or first character.
        quint32 packed = 0;
        // Bytes between the quotes (String) or of the token (Number); for Array and Object, the
        // index just past the subtree.
        quint32 size = 0;

        Type type() const { return Type(packed >> TypeShift); }
        quint8 flags() const { return quint8((packed >> FlagShift) & FlagMask); }
        quint32 offset() const { return packed & OffsetMask; }
    };

    // An object's children are key, value, key, value...; an array's are its elements.
    static constexpr int MaxDepth = 1024;

    // False on the first syntax error, described by errorOffset(), errorPath() and
    // errorMessage(). Refuses more than MaxBytes.
    bool parse(QByteArrayView json);

    qsizetype errorOffset() const { return m_errorOffset; }
    // The path of the value being parsed at the error, "(document)" at the top level.
    QString errorPath() const { return m_errorPath; }
    QString errorMessage() const { return m_errorMessage; }

    // 1-based line and column (in characters) of a byte offset, clamped to the text.
    std::pair<qsizetype, qsizetype> lineAndColumn(qsizetype offset) const;

    const Node &node(quint32 index) const { return m_nodes[index]; }
    // The first child of an array or object, and the node after the last one.
    static quint32 firstChild(quint32 index) { return index + 1; }
    // The next sibling's index, when there is one.
    quint32 next(quint32 index) const
    {
        return m_nodes[index].type() >= Array ? m_nodes[index].size : index + 1;
    }
    // Walks the children: call it once per array or object.
    quint32 childCount(quint32 index) const;

    QString string(quint32 index) const;
    bool stringEquals(quint32 index, QLatin1StringView text) const;
    // The bytes of a String with no escapes and no character past ASCII, which are its text;
    // a null view for any other string.
    QLatin1StringView asciiString(quint32 index) const
    {
        const Node &node = m_nodes[index];
        return node.type() == String && !node.flags()
            ? QLatin1StringView(m_json.data() + node.offset() + 1, node.size)
            : QLatin1StringView();
    }
    // The token of a Number, exactly as written.
    QByteArrayView numberToken(quint32 index) const;
    // The bytes parsed.
    QByteArrayView json() const { return m_json; }

    static void appendKey(QString &path, QStringView key);
    static void appendIndex(QString &path, qsizetype index);

private:
    static constexpr int FlagShift = 26;
    static constexpr quint32 FlagMask = 0x3;
    static constexpr int TypeShift = 29;
    static constexpr quint32 OffsetMask = (quint32(1) << FlagShift) - 1;
    static_assert(Object < 8, "the type must fit in 3 bits");

    enum Flag : quint8 { HasEscapes = 1, HasNonAscii = 2 };

    struct Level
    {
        quint32 node;
        quint32 key = 0; // the key whose value is being parsed (objects)
        quint32 count = 0; // elements or members already parsed
    };

    bool fail(const char *at, bool inValue, const QString &message);
    QString pathAt(bool inValue) const;
    QString found(const char *at) const;

    // inValue: whether the string is a value (true) or a key, for the error path.
    bool parseString(const char *&p, bool inValue = true);
    bool skipEscape(const char *&q, bool inValue);
    bool parseNumber(const char *&p);
    bool parseLiteral(const char *&p);
    quint32 addNode(Type type, const char *at);
    void closeContainer();

    QByteArrayView m_json;
    std::vector<Node> m_nodes;
    std::vector<Level> m_stack;
    qsizetype m_errorOffset = -1;
    QString m_errorPath;
    QString m_errorMessage;
};
