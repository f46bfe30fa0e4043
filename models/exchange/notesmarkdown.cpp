#include "exchange/notesmarkdown.h"

#include "catalog/timecode.h"
#include "exchange/catalognames.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("NotesMarkdown", text);
}

// Names and labels are plain text: the characters Markdown would read as markup are escaped.
QString escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'`' || c == u'*' || c == u'_' || c == u'[' || c == u']' || c == u'<'
            || c == u'>' || c == u'#')
            out += u'\\';
        out += c == u'\n' || c == u'\r' || c == u'\t' ? QChar(u' ') : c;
    }
    return out;
}

} // namespace

namespace NotesMarkdown {

QString markerLine(const Marker &marker, const CatalogNames &names)
{
    QString line = TimeCode::formatSeconds(marker.startMs);
    if (marker.isRange())
        line += u'–' + TimeCode::formatSeconds(marker.endMs);
    if (!marker.label.isEmpty())
        line += u" — "_s + escaped(marker.label);
    QStringList details;
    if (!marker.themeId.isEmpty()) {
        const QString name = names.themeName(marker.cue.catalogId, marker.themeId);
        details.append(tr("theme: %1").arg(escaped(name.isEmpty() ? marker.themeId : name)));
    }
    if (!marker.kind.isEmpty())
        details.append(escaped(marker.kind));
    if (!details.isEmpty())
        line += u" ("_s + details.join(u", "_s) + u')';
    return line;
}

QByteArray write(
    const QList<CueUserData> &cues, const CatalogNames &names, const NotesJson::Header &header)
{
    QString out = u"# "_s + tr("Notes and markers") + u"\n\n"_s
        + tr("Exported from Cuebook %1 on %2.")
              .arg(header.appVersion,
                  QDateTime::fromMSecsSinceEpoch(header.exportedAtMs, QTimeZone::utc())
                      .toString(u"yyyy-MM-dd HH:mm 'UTC'"_s))
        + u'\n';
    if (cues.isEmpty())
        out += u'\n' + tr("There are no notes or markers.") + u'\n';
    QString catalogId;
    for (const CueUserData &data : cues) {
        if (data.cue.catalogId != catalogId || &data == &cues.first()) {
            catalogId = data.cue.catalogId;
            out += u"\n## "_s + escaped(data.catalogTitle.isEmpty() ? catalogId : data.catalogTitle)
                + u'\n';
        }
        out += u"\n### "_s + escaped(data.cueTitle.isEmpty() ? data.cue.cueId : data.cueTitle)
            + u'\n';
        const Cue *cue = names.cue(data.cue);
        if (cue && !cue->episode.isEmpty())
            out += u'\n' + tr("Episode: %1").arg(escaped(cue->episode)) + u'\n';
        if (data.note) {
            QString text = data.note->text;
            while (text.endsWith(u'\n'))
                text.chop(1);
            out += u'\n' + text + u'\n';
        }
        if (!data.markers.isEmpty()) {
            out += u'\n';
            for (const Marker &marker : data.markers)
                out += u"- "_s + markerLine(marker, names) + u'\n';
        }
    }
    return out.toUtf8();
}

} // namespace NotesMarkdown
