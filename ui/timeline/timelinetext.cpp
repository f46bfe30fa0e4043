#include "timeline/timelinetext.h"

#include "catalog/occurrences.h"
#include "catalog/timecode.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelinescale.h"
#include "timeline/timelinewaveform.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CueTimeline", text);
}

} // namespace

namespace TimelineText {

QString time(qint64 ms, qint64 step)
{
    const QString seconds = TimeCode::formatSeconds(ms);
    if (step >= 1000)
        return seconds;
    const qint64 fraction = ms % 1000;
    if (step % 100 == 0)
        return seconds + u"."_s + QString::number(fraction / 100);
    return seconds + u"."_s + QString::number(fraction / 10).rightJustified(2, u'0');
}

QString marker(const Marker &marker, const TimelineContent &content)
{
    QString when = time(marker.startMs);
    if (marker.isRange())
        when = tr("%1–%2").arg(when, time(marker.endMs));
    QStringList details {when};
    if (!marker.themeId.isEmpty())
        details.append(content.themeName(marker.themeId));
    if (!marker.kind.isEmpty())
        details.append(marker.kind);
    const QString label = marker.label.isEmpty() ? tr("Marker") : marker.label;
    return label + u'\n' + details.join(u" · ");
}

QString occurrence(const Occurrence &occurrence, const TimelineContent &content)
{
    QString heading = content.themeName(occurrence.themeId);
    if (const QString kind = Occurrences::kindText(occurrence.kind); !kind.isEmpty())
        heading += u" · "_s + kind;
    const QString where = Occurrences::whereText(occurrence);
    return heading + u'\n'
        + (where.isEmpty() ? tr("somewhere in the cue; where is not known") : where);
}

QString toolTip(const TimelineContent &content, const TimelineLayout &layout,
    const TimelineScale &scale, const QPointF &pos)
{
    if (content.durationMs <= 0)
        return QString();
    if (layout.overview.contains(pos)) {
        return time(qint64((pos.x() - layout.overview.left()) / layout.overview.width()
            * double(content.durationMs)));
    }
    if (const TimelineLayout::Hit hit = layout.markerAt(pos); hit.marker >= 0)
        return marker(content.markers.at(hit.marker), content);
    if (const int chip = layout.occurrenceChipAt(pos); chip >= 0)
        return occurrence(content.occurrences.at(chip), content);
    const qint64 ms = scale.msAt(pos.x());
    const qint64 reach = std::llround(TimelineLayout::Reach * scale.msPerPixel());
    QStringList lines;
    for (const TimelineLayout::OccurrenceItem &item : layout.occurrences) {
        if (item.span.start >= 0 && ms >= item.span.start - reach && ms <= item.span.end + reach)
            lines.append(occurrence(content.occurrences.at(item.index), content));
    }
    for (const TimelineLayout::MarkerItem &item : layout.markers) {
        const Marker &range = content.markers.at(item.index);
        if (item.range && ms >= range.startMs && ms <= range.endMs)
            lines.append(marker(range, content));
    }
    lines.append(time(ms));
    return lines.join(u"\n\n"_s);
}

QString waveformMessage(const TimelineWaveform &waveform, qint64 durationMs)
{
    if (durationMs <= 0)
        return tr("The length of this cue is unknown");
    switch (waveform.status()) {
    case TimelineWaveform::Status::NoAudioFile:
        return tr("No audio file linked");
    case TimelineWaveform::Status::Reading:
        return waveform.progress() >= 0 ? tr("Reading the waveform… %1%").arg(waveform.progress())
                                        : tr("Reading the waveform…");
    case TimelineWaveform::Status::Unreadable:
        return waveform.unreadableReason().isEmpty() ? tr("The waveform could not be read")
                                                     : waveform.unreadableReason();
    case TimelineWaveform::Status::Ready:
        break;
    }
    return QString();
}

QString accessibleDescription(const TimelineContent &content)
{
    // Spelled out, not "%n marker(s)": a screen reader reads it aloud.
    const qsizetype markers = content.markers.size();
    const qsizetype occurrences = content.occurrences.size();
    return tr("%1 long, %2, %3.")
               .arg(time(content.durationMs),
                   markers == 1 ? tr("1 marker") : tr("%1 markers").arg(markers),
                   occurrences == 1 ? tr("1 theme heard") : tr("%1 themes heard").arg(occurrences))
        + u' '
        + tr("Click to play from a moment; Shift+click or double-click adds a marker there; drag "
             "a marker to move it. Left and Right move 5 seconds, Home and End go to either "
             "end, period and comma go to the next and previous marker or theme, plus and minus "
             "zoom, 0 shows the whole cue.");
}

} // namespace TimelineText
