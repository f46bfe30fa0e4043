#include "exchange/notesjson.h"

#include "catalog/timecode.h"

#include <QDateTime>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

// JSON's escapes for the characters it requires escaped; everything else as UTF-8.
QString quoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += u"\\\""_s;
            break;
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        default:
            if (c.unicode() < 0x20)
                out += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

// An object's members, one per line at the given indentation.
class ObjectWriter
{
public:
    ObjectWriter(QString &out, int indent)
        : m_out(out)
        , m_indent(indent)
    {
        m_out += u"{\n"_s;
    }

    void member(QLatin1StringView key, const QString &rawValue)
    {
        if (m_members++ > 0)
            m_out += u",\n"_s;
        m_out += QString(m_indent + 2, u' ') + u'"' + key + u"\": "_s + rawValue;
    }
    void text(QLatin1StringView key, const QString &value) { member(key, quoted(value)); }
    // Leaves the value for the caller to write after "key": .
    void open(QLatin1StringView key) { member(key, QString()); }

    void close() { m_out += u'\n' + QString(m_indent, u' ') + u'}'; }

private:
    QString &m_out;
    int m_indent = 0;
    int m_members = 0;
};

void writeMarker(QString &out, const Marker &marker, int indent)
{
    ObjectWriter object(out, indent);
    object.text("id"_L1, marker.id);
    object.text("start"_L1, TimeCode::format(marker.startMs));
    if (marker.endMs >= 0)
        object.text("end"_L1, TimeCode::format(marker.endMs));
    object.text("label"_L1, marker.label);
    if (!marker.themeId.isEmpty())
        object.text("theme"_L1, marker.themeId);
    if (!marker.kind.isEmpty())
        object.text("kind"_L1, marker.kind);
    object.text("createdAt"_L1, NotesJson::timestampText(marker.createdAtMs));
    object.text("updatedAt"_L1, NotesJson::timestampText(marker.updatedAtMs));
    object.close();
}

void writeCue(QString &out, const CueUserData &cue, int indent)
{
    ObjectWriter object(out, indent);
    object.text("catalog"_L1, cue.cue.catalogId);
    object.text("cue"_L1, cue.cue.cueId);
    if (!cue.catalogTitle.isEmpty())
        object.text("catalogTitle"_L1, cue.catalogTitle);
    if (!cue.cueTitle.isEmpty())
        object.text("cueTitle"_L1, cue.cueTitle);
    if (cue.note) {
        object.open("note"_L1);
        ObjectWriter note(out, indent + 2);
        note.text("text"_L1, cue.note->text);
        note.text("updatedAt"_L1, NotesJson::timestampText(cue.note->updatedAtMs));
        note.close();
    }
    if (!cue.markers.isEmpty()) {
        object.open("markers"_L1);
        out += u"[\n"_s;
        for (qsizetype i = 0; i < cue.markers.size(); ++i) {
            out += QString(indent + 4, u' ');
            writeMarker(out, cue.markers.at(i), indent + 4);
            out += i + 1 < cue.markers.size() ? u",\n"_s : u"\n"_s;
        }
        out += QString(indent + 2, u' ') + u']';
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
    QString out;
    ObjectWriter root(out, 0);
    root.text("format"_L1, FormatName);
    root.member("version"_L1, QString::number(FormatVersion));
    root.text("exportedAt"_L1, timestampText(header.exportedAtMs));
    root.text("appVersion"_L1, header.appVersion);
    root.open("cues"_L1);
    out += u'[';
    for (qsizetype i = 0; i < cues.size(); ++i) {
        out += i == 0 ? u"\n    "_s : u",\n    "_s;
        writeCue(out, cues.at(i), 4);
    }
    out += cues.isEmpty() ? u"]"_s : u"\n  ]"_s;
    root.close();
    out += u'\n';
    return out.toUtf8();
}

} // namespace NotesJson
