#include "timeline/timelinepainter.h"

#include "timeline/themecolors.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelinescale.h"
#include "timeline/timelinetext.h"
#include "timeline/timelinewaveform.h"

#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPaintDevice>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QColor mixed(const QColor &a, const QColor &b, double amountOfA)
{
    const double t = std::clamp(amountOfA, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() * t + b.redF() * (1 - t)),
        float(a.greenF() * t + b.greenF() * (1 - t)), float(a.blueF() * t + b.blueF() * (1 - t)));
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

// Black or white, whichever reads on the colour.
QColor textOn(const QColor &background)
{
    const double luminance
        = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.5 ? QColor(Qt::black) : QColor(Qt::white);
}

// One drawing: the painter and the device pixel ratio its lines snap to.
class Drawing
{
public:
    Drawing(QPainter &painter, const TimelineContent &content, const TimelineLayout &layout,
        const TimelineScale &scale, const QPalette &palette, const QFont &labelFont)
        : p(painter)
        , content(content)
        , layout(layout)
        , scale(scale)
        , palette(palette)
        , font(labelFont)
        , ratio(painter.device() ? painter.device()->devicePixelRatioF() : 1.0)
        , hairline(std::max(1.0, std::round(ratio)) / ratio)
    { }

    double snap(double x) const { return std::floor(x * ratio) / ratio; }
    // A vertical line one logical pixel wide (or `width`), on whole device pixels.
    void vertical(double x, const QRectF &rows, const QColor &color, double width = 1)
    {
        p.fillRect(QRectF(snap(x), rows.top(), hairline * width, rows.height()), color);
    }
    void clippedBand(double x, double endX, const QRectF &rows, const QBrush &brush)
    {
        const double left = std::max(snap(x), layout.track.left());
        const double right = std::min(snap(endX), layout.track.right());
        if (right > left)
            p.fillRect(QRectF(left, rows.top(), right - left, rows.height()), brush);
    }
    void label(const QRectF &box, const QString &text, const QColor &fill, const QColor &ink)
    {
        p.fillRect(box, fill);
        p.setPen(ink);
        p.drawText(box.adjusted(3, 0, -3, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
    }
    // A theme's hue for a marker that names one; otherwise the text's colour, a little
    // softened, which the selection's highlight stands out from in any palette.
    QColor markerColor(const Marker &marker) const
    {
        return marker.themeId.isEmpty()
            ? mixed(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.8)
            : ThemeColors::color(marker.themeId);
    }

    void occurrenceBands();
    void waveformOrMessage(TimelineWaveform &waveform);
    void markers();
    void occurrenceChips();
    void cursorAndPlayhead();
    void ruler();
    void overview();

    QPainter &p;
    const TimelineContent &content;
    const TimelineLayout &layout;
    const TimelineScale &scale;
    const QPalette &palette;
    const QFont &font;
    const double ratio;
    const double hairline;
};

void Drawing::occurrenceBands()
{
    for (const TimelineLayout::OccurrenceItem &item : layout.occurrences) {
        const QColor hue = ThemeColors::color(content.occurrences.at(item.index).themeId);
        if (item.span.start < 0)
            continue;
        if (item.span.end == item.span.start) {
            vertical(item.x, layout.track, hue);
        } else if (item.span.soft) {
            // Only "somewhere in the opening third": no edge, a tint that fades at both ends.
            QLinearGradient fade(item.x, 0, item.endX, 0);
            fade.setColorAt(0, withAlpha(hue, 0));
            fade.setColorAt(0.25, withAlpha(hue, 48));
            fade.setColorAt(0.75, withAlpha(hue, 48));
            fade.setColorAt(1, withAlpha(hue, 0));
            clippedBand(item.x, item.endX, layout.track, fade);
        } else {
            clippedBand(item.x, item.endX, layout.track, withAlpha(hue, 56));
            for (const double x : {item.x, item.endX}) {
                if (x >= layout.track.left() && x <= layout.track.right())
                    vertical(x, layout.track, withAlpha(hue, 200));
            }
        }
    }
}

void Drawing::waveformOrMessage(TimelineWaveform &waveform)
{
    if (!content.waveformMessage.isEmpty()) {
        p.setPen(mixed(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.6));
        p.drawText(layout.track, Qt::AlignCenter | Qt::TextSingleLine,
            QFontMetricsF(font).elidedText(
                content.waveformMessage, Qt::ElideRight, layout.track.width() - 8));
        return;
    }
    // The whole height of the track: flags and chips are small boxes over the peaks.
    const QRectF area = layout.track.adjusted(0, 1, 0, -1);
    const TimelineWaveform::Shape &shape = waveform.shape(scale, area, ratio);
    if (shape.isEmpty())
        return;
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    p.save();
    p.setPen(Qt::NoPen);
    p.setBrush(mixed(text, base, 0.45));
    p.drawRects(shape.envelope.constData(), int(shape.envelope.size()));
    p.setBrush(mixed(text, base, 0.7));
    p.drawRects(shape.loudness.constData(), int(shape.loudness.size()));
    p.restore();
}

void Drawing::markers()
{
    // A thousand markers share a few colours: their rectangles are gathered by colour and
    // filled in one call each, and lines that fall on a column already drawn in their colour
    // are left out.
    struct Strokes
    {
        QRgb color;
        QList<QRectF> tints;
        QList<QRectF> lines;
        double lastLine = -1e9;
    };
    QList<Strokes> byColor;
    const auto strokesOf = [&](const QColor &color) -> Strokes & {
        for (Strokes &strokes : byColor) {
            if (strokes.color == color.rgba())
                return strokes;
        }
        byColor.append({color.rgba(), {}, {}});
        return byColor.last();
    };
    const double barHeight = std::max(3.0, std::round(3 * ratio) / ratio);
    const auto band = [&](double x, double endX, double top, double height) {
        const double left = std::max(snap(x), layout.track.left());
        const double right = std::min(snap(endX), layout.track.right());
        return right > left ? QRectF(left, top, right - left, height) : QRectF();
    };
    const auto line = [&](Strokes &strokes, double x) {
        const double column = snap(x);
        if (column != strokes.lastLine)
            strokes.lines.append(
                QRectF(column, layout.track.top(), hairline, layout.track.height()));
        strokes.lastLine = column;
    };
    const TimelineLayout::MarkerItem *selected = nullptr;
    for (const TimelineLayout::MarkerItem &item : layout.markers) {
        const Marker &marker = content.markers.at(item.index);
        if (!content.selectedMarkerId.isEmpty() && marker.id == content.selectedMarkerId) {
            selected = &item;
            continue;
        }
        Strokes &strokes = strokesOf(markerColor(marker));
        if (item.range) {
            strokes.tints.append(
                band(item.x, item.endX, layout.track.top(), layout.track.height()));
            strokes.lines.append(band(item.x, item.endX, layout.track.top(), barHeight));
            line(strokes, item.endX);
        }
        line(strokes, item.x);
    }
    p.save();
    p.setPen(Qt::NoPen);
    for (const Strokes &strokes : std::as_const(byColor)) {
        p.setBrush(QColor::fromRgba((strokes.color & 0x00ffffffu) | (36u << 24)));
        p.drawRects(strokes.tints.constData(), int(strokes.tints.size()));
    }
    for (const Strokes &strokes : std::as_const(byColor)) {
        p.setBrush(QColor::fromRgba(strokes.color));
        p.drawRects(strokes.lines.constData(), int(strokes.lines.size()));
    }
    p.restore();
    const QColor highlight = palette.color(QPalette::Highlight);
    if (selected) {
        if (selected->range) {
            clippedBand(selected->x, selected->endX, layout.track, withAlpha(highlight, 36));
            clippedBand(selected->x, selected->endX,
                QRectF(layout.track.left(), layout.track.top(), 0, barHeight), highlight);
            vertical(selected->endX, layout.track, highlight, 2);
        }
        vertical(selected->x, layout.track, highlight, 2);
    }
    for (const TimelineLayout::MarkerItem &item : layout.markers) {
        if (item.flag.isEmpty())
            continue;
        const Marker &marker = content.markers.at(item.index);
        if (marker.id == content.selectedMarkerId) {
            label(item.flag, item.flagText, highlight, palette.color(QPalette::HighlightedText));
        } else {
            const QColor color = markerColor(marker);
            label(item.flag, item.flagText, color, textOn(color));
        }
    }
}

void Drawing::occurrenceChips()
{
    for (const TimelineLayout::OccurrenceItem &item : layout.occurrences) {
        if (item.chip.isEmpty())
            continue;
        const QColor hue = ThemeColors::color(content.occurrences.at(item.index).themeId);
        if (item.span.soft || item.span.start < 0) {
            // A placed-only occurrence reads as a pencilled note: outlined, not filled; one
            // the catalog places nowhere, as a dashed one.
            const QColor base = palette.color(QPalette::Base);
            label(item.chip, item.chipText, mixed(hue, base, item.span.soft ? 0.25 : 0.1),
                palette.color(QPalette::Text));
            p.setPen(QPen(hue, hairline, item.span.soft ? Qt::SolidLine : Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(
                item.chip.adjusted(hairline / 2, hairline / 2, -hairline / 2, -hairline / 2));
        } else {
            label(item.chip, item.chipText, hue, textOn(hue));
        }
    }
}

void Drawing::cursorAndPlayhead()
{
    const QRectF rows(layout.track.left(),
        layout.ruler.isEmpty() ? layout.track.top() : layout.ruler.top(), layout.track.width(),
        layout.track.bottom() - (layout.ruler.isEmpty() ? layout.track.top() : layout.ruler.top()));
    if (content.positionMs < 0 && content.cursorMs >= 0) {
        const double x = scale.xOf(double(content.cursorMs));
        if (x >= layout.track.left() - 1 && x <= layout.track.right() + 1) {
            p.save();
            QPen pen(palette.color(QPalette::Text), hairline, Qt::DashLine);
            p.setPen(pen);
            const double line = snap(x) + hairline / 2;
            p.drawLine(QPointF(line, layout.track.top()), QPointF(line, layout.track.bottom()));
            p.restore();
        }
    }
    if (content.positionMs < 0)
        return;
    const double x = scale.xOf(double(content.positionMs));
    if (x < layout.track.left() - 2 || x > layout.track.right() + 2)
        return;
    const QColor highlight = palette.color(QPalette::Highlight);
    p.fillRect(QRectF(snap(x) - 1, rows.top(), 2, rows.height()), highlight);
    if (!layout.ruler.isEmpty()) {
        // A head in the ruler, where it is easy to find from afar.
        const double top = layout.ruler.top();
        const QPointF head[] = {{x - 5, top}, {x + 5, top}, {x, top + 6}};
        p.save();
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        p.setBrush(highlight);
        p.drawPolygon(head, 3);
        p.restore();
    }
}

void Drawing::ruler()
{
    if (layout.ruler.isEmpty() || scale.viewSpan() <= 0)
        return;
    const QFontMetricsF metrics(font);
    const QColor ink
        = mixed(palette.color(QPalette::WindowText), palette.color(QPalette::Window), 0.75);
    const qint64 major = TimelineScale::majorStep(
        scale.msPerPixel(), metrics.horizontalAdvance(u"00:00.00"_s) + 10);
    const qint64 minor = TimelineScale::minorStep(major);
    const double bottom = layout.ruler.bottom();
    p.fillRect(QRectF(layout.track.left(), bottom - hairline, layout.track.width(), hairline),
        withAlpha(ink, 90));
    p.setPen(ink);
    const qint64 first = qint64(std::floor(scale.viewStart() / double(minor))) * minor;
    for (qint64 ms = first; ms <= scale.viewEnd(); ms += minor) {
        const double x = scale.xOf(double(ms));
        if (x < layout.track.left() - 0.5)
            continue;
        const bool labelled = ms % major == 0;
        const double height = labelled ? 4 : 2;
        p.fillRect(QRectF(snap(x), bottom - height, hairline, height), ink);
        if (!labelled)
            continue;
        const QString text = TimelineText::time(ms, major);
        const double width = metrics.horizontalAdvance(text);
        if (x + 2 + width > layout.ruler.right())
            continue;
        p.drawText(
            QRectF(snap(x) + 2, layout.ruler.top(), width + 2, bottom - 4 - layout.ruler.top()),
            Qt::AlignLeft | Qt::AlignVCenter, text);
    }
}

void Drawing::overview()
{
    if (layout.overview.isEmpty() || !scale.isZoomed() || content.durationMs <= 0)
        return;
    const QRectF &row = layout.overview;
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    p.fillRect(row, mixed(text, window, 0.12));
    const double perMs = row.width() / double(content.durationMs);
    p.fillRect(QRectF(snap(row.left() + scale.viewStart() * perMs), row.top(),
                   std::max(4.0, scale.viewSpan() * perMs), row.height()),
        mixed(text, window, 0.45));
    if (content.positionMs >= 0) {
        vertical(row.left() + double(content.positionMs) * perMs, row,
            palette.color(QPalette::Highlight), 2);
    }
}

} // namespace

namespace TimelinePainter {

void paint(QPainter &painter, const TimelineContent &content, const TimelineLayout &layout,
    const TimelineScale &scale, TimelineWaveform &waveform, const QPalette &palette,
    const QFont &labelFont)
{
    Drawing drawing(painter, content, layout, scale, palette, labelFont);
    painter.setFont(labelFont);
    painter.fillRect(layout.track, palette.color(QPalette::Base));
    painter.save();
    painter.setClipRect(layout.track);
    drawing.occurrenceBands();
    drawing.waveformOrMessage(waveform);
    drawing.markers();
    drawing.occurrenceChips();
    painter.restore();
    drawing.ruler();
    drawing.cursorAndPlayhead();
    drawing.overview();
}

} // namespace TimelinePainter
