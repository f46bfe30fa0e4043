#include "timeline/timelinelayout.h"

#include "timeline/timelinescale.h"
#include "timeline/timelinetext.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

constexpr double OverviewHeight = 5;
constexpr double RowGap = 2;
constexpr double TickHeight = 4;
constexpr double LabelPadding = 3;
constexpr double LongestLabel = 140;

double rowHeight(const QFontMetricsF &metrics)
{
    return std::ceil(metrics.height()) + 2;
}

} // namespace

QString TimelineContent::themeName(const QString &themeId) const
{
    const QString name = themeNames.value(themeId);
    return name.isEmpty() ? themeId : name;
}

TimelineLayout::Span TimelineLayout::spanOf(const Occurrence &occurrence, qint64 durationMs)
{
    if (occurrence.startMs >= 0) {
        const qint64 start = std::min(occurrence.startMs, durationMs);
        return {start, std::clamp(occurrence.endMs, start, durationMs), false};
    }
    const qint64 third = durationMs / 3;
    switch (occurrence.position) {
    case Occurrence::Opening:
        return {0, third, true};
    case Occurrence::Middle:
        return {third, 2 * third, true};
    case Occurrence::Ending:
        return {2 * third, durationMs, true};
    case Occurrence::Throughout:
        return {0, durationMs, true};
    case Occurrence::NoPosition:
        break;
    }
    return {};
}

QRectF TimelineLayout::trackArea(const QRectF &contents, const QFont &labelFont, bool compact)
{
    if (compact)
        return contents;
    const double ruler = rowHeight(QFontMetricsF(labelFont)) + TickHeight;
    return contents.adjusted(0, ruler, 0, -(OverviewHeight + RowGap));
}

TimelineLayout::TimelineLayout(const TimelineContent &content, const TimelineScale &scale,
    const QRectF &contents, const QFont &labelFont)
{
    const QFontMetricsF metrics(labelFont);
    const double row = rowHeight(metrics);
    track = trackArea(contents, labelFont, content.compact);
    if (!content.compact) {
        ruler = QRectF(
            contents.left(), contents.top(), contents.width(), track.top() - contents.top());
        overview = QRectF(
            contents.left(), contents.bottom() - OverviewHeight, contents.width(), OverviewHeight);
        flagRow = QRectF(track.left(), track.top(), track.width(), row);
        // Two rows of chips where the track has room for them beside the flags and the waveform.
        const int chipLanes = track.height() >= 4 * row ? 2 : 1;
        chipRows = QRectF(
            track.left(), track.bottom() - chipLanes * row, track.width(), chipLanes * row);
    }
    // Items just outside the view still reach into it by a line's width.
    const double slack = (Reach + 1) * scale.msPerPixel();
    const double viewFrom = scale.viewStart() - slack;
    const double viewTo = scale.viewEnd() + slack;

    QList<int> order(content.markers.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return content.markers.at(a).startMs < content.markers.at(b).startMs;
    });
    double lastFlagRight = -1e9;
    int selectedItem = -1;
    for (const int index : order) {
        const Marker &marker = content.markers.at(index);
        const qint64 end = marker.isRange() ? marker.endMs : marker.startMs;
        if (end < viewFrom || marker.startMs > viewTo)
            continue;
        MarkerItem item;
        item.index = index;
        item.range = marker.isRange();
        item.x = scale.xOf(double(marker.startMs));
        item.endX = scale.xOf(double(end));
        const bool selected
            = !content.selectedMarkerId.isEmpty() && marker.id == content.selectedMarkerId;
        if (selected)
            selectedItem = int(markers.size());
        if (!flagRow.isEmpty()) {
            const double left = std::max(item.x, track.left());
            // Measured only where a flag could go: of 1,000 markers in view, a few dozen are.
            if (left >= lastFlagRight + RowGap || selected) {
                QString text
                    = marker.label.isEmpty() ? content.themeName(marker.themeId) : marker.label;
                if (text.isEmpty())
                    text = TimelineText::time(marker.startMs);
                text = metrics.elidedText(text, Qt::ElideRight, LongestLabel);
                const double width = std::ceil(metrics.horizontalAdvance(text)) + 2 * LabelPadding;
                QRectF flag(left, flagRow.top(), width, row);
                if (flag.right() > track.right())
                    flag.moveRight(track.right());
                if (flag.left() >= lastFlagRight + RowGap && flag.left() >= track.left()) {
                    item.flag = flag;
                    item.flagText = text;
                    lastFlagRight = flag.right();
                } else if (selected) {
                    item.flag = flag;
                    item.flagText = text;
                }
            }
        }
        markers.append(item);
    }
    // The selected marker is drawn last, over its neighbours, and so is hit first.
    if (selectedItem >= 0)
        markers.move(selectedItem, markers.size() - 1);

    QList<int> occurrenceOrder;
    QList<int> unplaced;
    QList<Span> spans(content.occurrences.size());
    for (int i = 0; i < content.occurrences.size(); ++i) {
        spans[i] = spanOf(content.occurrences.at(i), content.durationMs);
        if (spans[i].start < 0)
            unplaced.append(i);
        else if (spans[i].end >= viewFrom && spans[i].start <= viewTo)
            occurrenceOrder.append(i);
    }
    std::stable_sort(occurrenceOrder.begin(), occurrenceOrder.end(),
        [&](int a, int b) { return spans.at(a).start < spans.at(b).start; });
    const int lanes = chipRows.isEmpty() ? 0 : int(std::lround(chipRows.height() / row));
    const auto chipText = [&](int index) {
        return metrics.elidedText(
            content.themeName(content.occurrences.at(index).themeId), Qt::ElideRight, LongestLabel);
    };
    // Where labels may go in each lane: after the last one, and before laneLimit.
    QList<double> laneRight(lanes, -1e9);
    QList<double> laneLimit(lanes, track.right());
    // Themes the catalog hears somewhere in the cue without saying where: labels only, at the
    // right end of the first lane, in the catalog's order.
    if (lanes > 0) {
        double right = track.right();
        for (const int index : std::as_const(unplaced)) {
            const QString text = chipText(index);
            const double width = std::ceil(metrics.horizontalAdvance(text)) + 2 * LabelPadding;
            if (right - width < track.left())
                break;
            OccurrenceItem item;
            item.index = index;
            item.span = spans.at(index);
            item.chip = QRectF(right - width, chipRows.bottom() - row, width, row);
            item.chipText = text;
            item.x = item.endX = item.chip.left();
            occurrences.append(item);
            right = item.chip.left() - RowGap;
        }
        laneLimit[0] = right;
    }
    for (const int index : occurrenceOrder) {
        OccurrenceItem item;
        item.index = index;
        item.span = spans.at(index);
        item.x = scale.xOf(double(item.span.start));
        item.endX = scale.xOf(double(item.span.end));
        const double left = std::max(item.x, track.left());
        for (int lane = 0; lane < lanes; ++lane) {
            if (left < laneRight.at(lane) + RowGap)
                continue;
            const QString text = chipText(index);
            QRectF chip(left, chipRows.bottom() - (lane + 1) * row,
                std::ceil(metrics.horizontalAdvance(text)) + 2 * LabelPadding, row);
            if (chip.right() > laneLimit.at(lane))
                chip.moveRight(laneLimit.at(lane));
            if (chip.left() < laneRight.at(lane) + RowGap || chip.left() < track.left())
                continue;
            item.chip = chip;
            item.chipText = text;
            laneRight[lane] = chip.right();
            break;
        }
        occurrences.append(item);
    }
}

TimelineLayout::Hit TimelineLayout::markerAt(const QPointF &pos) const
{
    for (qsizetype i = markers.size() - 1; i >= 0; --i) {
        if (markers.at(i).flag.contains(pos))
            return {markers.at(i).index, Body};
    }
    if (pos.y() < track.top() || pos.y() > track.bottom())
        return {};
    Hit best;
    double bestDistance = Reach + 0.5;
    const auto consider = [&](const MarkerItem &item, double x, Grip grip) {
        const double distance = std::abs(pos.x() - x);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = {item.index, grip};
        }
    };
    for (qsizetype i = markers.size() - 1; i >= 0; --i) {
        const MarkerItem &item = markers.at(i);
        if (!item.range) {
            consider(item, item.x, Body);
            continue;
        }
        consider(item, item.x, StartEdge);
        consider(item, item.endX, EndEdge);
    }
    if (best.marker >= 0)
        return best;
    // A range is taken by its bar in the flag row; lower down a click on it seeks.
    if (flagRow.contains(pos)) {
        for (qsizetype i = markers.size() - 1; i >= 0; --i) {
            const MarkerItem &item = markers.at(i);
            if (item.range && pos.x() > item.x && pos.x() < item.endX)
                return {item.index, Body};
        }
    }
    return {};
}

int TimelineLayout::occurrenceChipAt(const QPointF &pos) const
{
    for (const OccurrenceItem &item : occurrences) {
        if (item.chip.contains(pos))
            return item.index;
    }
    return -1;
}
