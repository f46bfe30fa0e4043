#include "exchange/notesjson.h"

#include "catalog/timecode.h"

#include <QDateTime>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

// JSON's escapes for the characters it requires escaped; everything else as UTF-8.
void appendQuoted(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20)
                out += "\\u" + QByteArray::number(uchar(c), 16).rightJustified(4, '0');
            else
                out += c;
        }
    }
    out += '"';
}

// An object's members, "key": value, written in the order given: one per line at the given
// indentation, or all on one line (indent < 0).
class ObjectWriter
{
public:
    ObjectWriter(QByteArray &out, int indent)
        : m_out(out)
        , m_indent(indent)
    {
        m_out += '{';
    }

    // Leaves the value for the caller to write after "key": .
    void key(const char *name)
    {
        if (m_members++ > 0)
            m_out += ',';
        if (m_indent >= 0)
            m_out += '\n' + QByteArray(m_indent + 2, ' ');
        else if (m_members > 1)
            m_out += ' ';
        m_out += '"';
        m_out += name;
        m_out += "\": ";
    }
    void text(const char *name, const QString &value)
    {
        key(name);
        appendQuoted(m_out, value);
    }
    void number(const char *name, int value)
    {
        key(name);
        m_out += QByteArray::number(value);
    }

    void close()
    {
        if (m_indent >= 0)
            m_out += '\n' + QByteArray(m_indent, ' ');
        m_out += '}';
    }

private:
    QByteArray &m_out;
    int m_indent = 0;
    int m_members = 0;
};

// A marker on one line: a backup of many stays readable, and small.
void writeMarker(QByteArray &out, const Marker &marker)
{
    ObjectWriter object(out, -1);
    object.text("id", marker.id);
    object.text("start", TimeCode::format(marker.startMs));
    if (marker.endMs >= 0)
        object.text("end", TimeCode::format(marker.endMs));
    object.text("label", marker.label);
    if (!marker.themeId.isEmpty())
        object.text("theme", marker.themeId);
    if (!marker.kind.isEmpty())
        object.text("kind", marker.kind);
    object.text("createdAt", NotesJson::timestampText(marker.createdAtMs));
    object.text("updatedAt", NotesJson::timestampText(marker.updatedAtMs));
    object.close();
}

void writeCue(QByteArray &out, const CueUserData &cue, int indent)
{
    ObjectWriter object(out, indent);
    object.text("catalog", cue.cue.catalogId);
    object.text("cue", cue.cue.cueId);
    if (!cue.catalogTitle.isEmpty())
        object.text("catalogTitle", cue.catalogTitle);
    if (!cue.cueTitle.isEmpty())
        object.text("cueTitle", cue.cueTitle);
    if (cue.note) {
        object.key("note");
        ObjectWriter note(out, indent + 2);
        note.text("text", cue.note->text);
        note.text("updatedAt", NotesJson::timestampText(cue.note->updatedAtMs));
        note.close();
    }
    if (!cue.markers.isEmpty()) {
        object.key("markers");
        out += '[';
        for (qsizetype i = 0; i < cue.markers.size(); ++i) {
            out += (i == 0 ? "\n" : ",\n") + QByteArray(indent + 4, ' ');
            writeMarker(out, cue.markers.at(i));
        }
        out += '\n' + QByteArray(indent + 2, ' ') + ']';
    }
    object.close();
}

} // namespace

namespace NotesJson {

QString timestampText(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone::utc())
        .toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

QByteArray write(const QList<CueUserData> &cues, const Header &header)
{
    QByteArray out;
    ObjectWriter root(out, 0);
    root.text("format", FormatName);
    root.number("version", FormatVersion);
    root.text("exportedAt", timestampText(header.exportedAtMs));
    root.text("appVersion", header.appVersion);
    root.key("cues");
    out += '[';
    for (qsizetype i = 0; i < cues.size(); ++i) {
        out += i == 0 ? "\n    " : ",\n    ";
        writeCue(out, cues.at(i), 4);
    }
    out += cues.isEmpty() ? "]" : "\n  ]";
    root.close();
    out += '\n';
    return out;
}

} // namespace NotesJson
