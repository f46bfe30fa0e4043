#include "thememap/thememappainter.h"

#include "catalog/occurrences.h"
#include "timeline/themecolors.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxTitleWidth = 300;
constexpr int MaxThemeNameWidth = 190;
constexpr qreal Slant = 45.0;
constexpr int LegendGap = 14;
constexpr qsizetype MeasuredRows = 2000;

const qreal SlantSin = std::sin(Slant * M_PI / 180.0);

QColor faded(QColor color, qreal alpha)
{
    color.setAlphaF(float(color.alphaF() * alpha));
    return color;
}

struct LegendEntry
{
    Occurrence::Kind kind;
    const char *text;
};

} // namespace

ThemeMapPainter::ThemeMapPainter(const ThemeMap &map, const QFont &font, const QPalette &palette)
    : m_map(map)
    , m_font(font)
    , m_titleFont(font)
    , m_palette(palette)
{
    m_titleFont.setWeight(QFont::DemiBold);
    m_titleFont.setPointSizeF(font.pointSizeF() * 1.15);
    layOut();
}

void ThemeMapPainter::layOut()
{
    const QFontMetrics metrics(m_font);
    m_rowHeight = metrics.height() + 8;
    m_cellWidth = std::max(28, metrics.height() + 12);
    m_titleHeight = QFontMetrics(m_titleFont).height() + 10;

    m_numberWidth = 0;
    int titleWidth = 0;
    // A catalog's map can have 100,000 rows: measuring each title would hold the GUI thread
    // for a second, so a long map takes the widest column titles may have, and titles are
    // elided as they are painted.
    if (m_map.rows.size() > MeasuredRows) {
        titleWidth = MaxTitleWidth;
        m_numberWidth = metrics.horizontalAdvance(u"000-00"_s);
    } else {
        for (const ThemeMap::Row &row : m_map.rows) {
            const QString label = row.label.isEmpty() ? row.episode : row.label;
            m_numberWidth = std::max(m_numberWidth, metrics.horizontalAdvance(label));
            titleWidth = std::max(
                titleWidth, std::min(MaxTitleWidth, metrics.horizontalAdvance(row.title)));
        }
    }
    if (m_numberWidth > 0)
        m_numberWidth += metrics.averageCharWidth() * 2;
    m_labelWidth = m_numberWidth + titleWidth + metrics.averageCharWidth() * 2;

    int nameWidth = 0;
    m_columnNames.clear();
    for (const ThemeMap::Column &column : m_map.columns) {
        const QString name = metrics.elidedText(column.name, Qt::ElideRight, MaxThemeNameWidth);
        m_columnNames.append(name);
        nameWidth = std::max(nameWidth, metrics.horizontalAdvance(name));
    }
    // Slanted names rise from the top of their column and lean right over the next ones.
    m_headerHeight = int(std::ceil(nameWidth * SlantSin + metrics.height())) + 6;
    m_gridLeft = m_margin + m_labelWidth;
    m_gridTop = m_margin + m_titleHeight + m_headerHeight;
    const int gridWidth = int(m_map.columns.size()) * m_cellWidth;
    const int gridHeight = int(m_map.rows.size()) * m_rowHeight;
    const int overhang = int(std::ceil(nameWidth * SlantSin + metrics.height()));

    m_legendTop = m_gridTop + gridHeight + LegendGap;
    m_legendHeight = 3 * m_rowHeight;
    m_size = QSize(m_gridLeft + gridWidth + std::max(overhang, m_margin) + m_margin,
        m_legendTop + m_legendHeight + m_margin);
    const int legendWidth = m_margin * 2 + metrics.horizontalAdvance(u"x"_s) * 90;
    m_size.setWidth(std::max(m_size.width(), legendWidth));
}

QRect ThemeMapPainter::cellRect(int row, int column) const
{
    return {
        m_gridLeft + column * m_cellWidth, m_gridTop + row * m_rowHeight, m_cellWidth, m_rowHeight};
}

QRect ThemeMapPainter::rowLabelRect(int row) const
{
    return {m_margin, m_gridTop + row * m_rowHeight, m_labelWidth, m_rowHeight};
}

QRectF ThemeMapPainter::markRect(int index) const
{
    const ThemeMap::Mark &mark = m_map.marks.at(index);
    const QRect cell = cellRect(mark.row, mark.column);
    const qreal side = m_rowHeight * 0.55;
    const qreal inner = cell.width() - side - 4;
    const qreal x = cell.left() + 2 + mark.start * inner;
    return {x, cell.top() + (cell.height() - side) / 2.0, side, side};
}

std::pair<int, int> ThemeMapPainter::rowsIn(const QRect &clip) const
{
    const int rows = int(m_map.rows.size());
    const int first = std::clamp((clip.top() - m_gridTop) / m_rowHeight, 0, rows);
    const int last = std::clamp((clip.bottom() - m_gridTop) / m_rowHeight, -1, rows - 1);
    return {first, last};
}

int ThemeMapPainter::firstMarkOfRow(int row) const
{
    const auto found = std::lower_bound(m_map.marks.cbegin(), m_map.marks.cend(), row,
        [](const ThemeMap::Mark &mark, int value) { return mark.row < value; });
    return int(found - m_map.marks.cbegin());
}

int ThemeMapPainter::markAt(const QPointF &point) const
{
    int found = -1;
    qreal nearest = 1e9;
    const auto [firstRow, lastRow]
        = rowsIn(QRectF(point, point).toAlignedRect().adjusted(0, -4, 0, 4));
    for (int i = firstMarkOfRow(firstRow); i < m_map.marks.size() && m_map.marks[i].row <= lastRow;
         ++i) {
        const QRectF rect = markRect(i).adjusted(-3, -3, 3, 3);
        if (!rect.contains(point))
            continue;
        const qreal distance = std::abs(rect.center().x() - point.x());
        if (distance < nearest) {
            nearest = distance;
            found = i;
        }
    }
    return found;
}

void ThemeMapPainter::paint(QPainter *painter, const QRect &clip) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->setFont(m_titleFont);
    painter->setPen(m_palette.color(QPalette::Text));
    painter->drawText(QRect(m_margin, m_margin, m_size.width() - 2 * m_margin, m_titleHeight),
        Qt::AlignLeft | Qt::AlignTop, m_map.title);
    painter->setFont(m_font);
    paintHeader(painter);
    paintRows(painter, clip.isNull() ? QRect(QPoint(), m_size) : clip);
    paintLegend(painter);
    painter->restore();
}

void ThemeMapPainter::paintHeader(QPainter *painter) const
{
    const QFontMetrics metrics(m_font);
    for (int column = 0; column < m_map.columns.size(); ++column) {
        const QRect cell = cellRect(0, column);
        painter->save();
        // From just above the column's middle, rising to the right.
        painter->translate(cell.center().x() - metrics.height() / 3.0, m_gridTop - 6);
        painter->rotate(-Slant);
        painter->setPen(m_palette.color(QPalette::Text));
        painter->drawText(QPointF(0, 0), m_columnNames.at(column));
        painter->restore();
        // The theme's colour, a swatch at the column's head.
        painter->fillRect(QRectF(cell.left() + 3, m_gridTop - 4, cell.width() - 6, 3),
            ThemeColors::color(m_map.columns.at(column).themeId));
    }
}

void ThemeMapPainter::paintRows(QPainter *painter, const QRect &clip) const
{
    const QFontMetrics metrics(m_font);
    const QColor text = m_palette.color(QPalette::Text);
    const QColor dim = faded(text, 0.6);
    QColor rule = text;
    rule.setAlphaF(0.12f);
    QColor span = text;
    span.setAlphaF(0.22f);
    const QColor stripe = m_palette.color(QPalette::AlternateBase);
    const int gridWidth = int(m_map.columns.size()) * m_cellWidth;
    const auto [firstRow, lastRow] = rowsIn(clip);
    const int columns = int(m_map.columns.size());
    const int firstColumn = std::clamp((clip.left() - m_gridLeft) / m_cellWidth, 0, columns);
    const int lastColumn = std::clamp((clip.right() - m_gridLeft) / m_cellWidth, -1, columns - 1);
    for (int row = firstRow; row <= lastRow; ++row) {
        const QRect label = rowLabelRect(row);
        if (row % 2 == 1)
            painter->fillRect(
                QRect(label.left(), label.top(), m_labelWidth + gridWidth, m_rowHeight), stripe);
        const ThemeMap::Row &cue = m_map.rows.at(row);
        painter->setPen(dim);
        painter->drawText(QRect(label.left(), label.top(),
                              m_numberWidth - metrics.averageCharWidth(), label.height()),
            Qt::AlignRight | Qt::AlignVCenter, cue.label.isEmpty() ? cue.episode : cue.label);
        painter->setPen(text);
        const QRect titleRect(label.left() + m_numberWidth, label.top(),
            label.width() - m_numberWidth, label.height());
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(cue.title, Qt::ElideRight, titleRect.width()));
        for (int column = firstColumn; column <= lastColumn; ++column) {
            const QRect cell = cellRect(row, column);
            painter->setPen(QPen(rule, 1));
            painter->drawLine(cell.topLeft(), cell.bottomLeft());
            // The cue from start to end, that the marks stand on.
            painter->setPen(QPen(span, 1));
            const qreal middle = cell.center().y() + 0.5;
            painter->drawLine(QPointF(cell.left() + 3, middle), QPointF(cell.right() - 2, middle));
        }
    }
    painter->setPen(QPen(rule, 1));
    const int right = m_gridLeft + gridWidth;
    painter->drawLine(right, m_gridTop, right, m_gridTop + int(m_map.rows.size()) * m_rowHeight);
    for (int i = firstMarkOfRow(firstRow); i < m_map.marks.size() && m_map.marks[i].row <= lastRow;
         ++i) {
        const QRectF rect = markRect(i);
        paintMark(painter, m_map.marks.at(i), rect);
        if (i == m_current) {
            painter->setPen(QPen(m_palette.color(QPalette::Highlight), 1.5, Qt::DotLine));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(rect.adjusted(-4, -4, 4, 4));
        }
    }
}

void ThemeMapPainter::paintMark(
    QPainter *painter, const ThemeMap::Mark &mark, const QRectF &rect) const
{
    QColor color = ThemeColors::color(mark.occurrence.occurrence.themeId);
    if (mark.occurrence.occurrence.inferred)
        color = faded(color, 0.5);
    if (mark.end > mark.start) {
        const QRect cell = cellRect(mark.row, mark.column);
        const qreal inner = cell.width() - rect.width() - 4;
        const qreal endX = cell.left() + 2 + mark.end * inner + rect.width();
        painter->fillRect(
            QRectF(rect.center().x(), rect.center().y() - 1.5, endX - rect.center().x(), 3),
            faded(color, 0.7));
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    if (mark.occurrence.occurrence.kind == Occurrence::Allusion) {
        painter->setPen(QPen(color, 2));
        painter->setBrush(Qt::NoBrush);
    }
    drawShape(painter, mark.occurrence.occurrence.kind, rect);
    if (mark.isUsers()) {
        painter->setPen(QPen(m_palette.color(QPalette::Text), 1.5));
        painter->setBrush(Qt::NoBrush);
        const qreal grow = rect.width() * 0.35;
        painter->drawEllipse(rect.adjusted(-grow, -grow, grow, grow));
    }
    if (!mark.known) {
        painter->setPen(QPen(m_palette.color(QPalette::Text), 1));
        painter->drawText(rect.adjusted(rect.width(), -rect.height(), rect.width() * 1.5, 0),
            Qt::AlignLeft | Qt::AlignVCenter, u"?"_s);
    }
}

void ThemeMapPainter::drawShape(QPainter *painter, Occurrence::Kind kind, const QRectF &rect)
{
    switch (kind) {
    case Occurrence::Statement:
        painter->drawEllipse(rect);
        break;
    case Occurrence::Quotation:
        painter->drawRect(rect.adjusted(1, 1, -1, -1));
        break;
    case Occurrence::Allusion:
        painter->drawEllipse(rect.adjusted(1, 1, -1, -1));
        break;
    case Occurrence::Fragment: {
        QPainterPath triangle;
        triangle.moveTo(rect.center().x(), rect.top());
        triangle.lineTo(rect.right(), rect.bottom());
        triangle.lineTo(rect.left(), rect.bottom());
        triangle.closeSubpath();
        painter->drawPath(triangle);
        break;
    }
    case Occurrence::Variation: {
        QPainterPath diamond;
        diamond.moveTo(rect.center().x(), rect.top());
        diamond.lineTo(rect.right(), rect.center().y());
        diamond.lineTo(rect.center().x(), rect.bottom());
        diamond.lineTo(rect.left(), rect.center().y());
        diamond.closeSubpath();
        painter->drawPath(diamond);
        break;
    }
    case Occurrence::UnknownKind: {
        const qreal shrink = rect.width() * 0.3;
        painter->drawEllipse(rect.adjusted(shrink, shrink, -shrink, -shrink));
        break;
    }
    }
}

void ThemeMapPainter::paintLegend(QPainter *painter) const
{
    static const LegendEntry entries[] = {
        {Occurrence::Statement, QT_TRANSLATE_NOOP("ThemeMap", "statement")},
        {Occurrence::Quotation, QT_TRANSLATE_NOOP("ThemeMap", "quotation")},
        {Occurrence::Allusion, QT_TRANSLATE_NOOP("ThemeMap", "allusion")},
        {Occurrence::Fragment, QT_TRANSLATE_NOOP("ThemeMap", "fragment")},
        {Occurrence::Variation, QT_TRANSLATE_NOOP("ThemeMap", "variation")},
        {Occurrence::UnknownKind, QT_TRANSLATE_NOOP("ThemeMap", "kind not given")},
    };
    const QFontMetrics metrics(m_font);
    const QColor text = m_palette.color(QPalette::Text);
    const qreal side = m_rowHeight * 0.55;
    qreal x = m_margin;
    qreal y = m_legendTop;
    const auto advance = [&](const QString &label) {
        painter->setPen(text);
        painter->drawText(
            QPointF(x + side + 5, y + (m_rowHeight + metrics.ascent() - metrics.descent()) / 2.0),
            label);
        x += side + 5 + metrics.horizontalAdvance(label) + metrics.averageCharWidth() * 3;
    };
    for (const LegendEntry &entry : entries) {
        const QRectF rect(x, y + (m_rowHeight - side) / 2.0, side, side);
        painter->setPen(entry.kind == Occurrence::Allusion ? QPen(text, 2) : Qt::NoPen);
        painter->setBrush(entry.kind == Occurrence::Allusion ? QBrush() : QBrush(text));
        drawShape(painter, entry.kind, rect);
        advance(QCoreApplication::translate("ThemeMap", entry.text));
    }
    // The ring stands out of the mark's box: room for it on both sides.
    const qreal grow = side * 0.35;
    x = m_margin + grow;
    y += m_rowHeight;
    QRectF rect(x, y + (m_rowHeight - side) / 2.0, side, side);
    painter->setPen(Qt::NoPen);
    painter->setBrush(text);
    drawShape(painter, Occurrence::Statement, rect);
    painter->setPen(QPen(text, 1.5));
    painter->setBrush(Qt::NoBrush);
    painter->drawEllipse(rect.adjusted(-grow, -grow, grow, grow));
    x += grow;
    advance(QCoreApplication::translate("ThemeMap", "your marker"));
    rect.moveLeft(x);
    painter->setPen(Qt::NoPen);
    painter->setBrush(faded(text, 0.5));
    drawShape(painter, Occurrence::Statement, rect);
    advance(QCoreApplication::translate("ThemeMap", "inferred by the catalog"));
    painter->setPen(QPen(text, 1));
    painter->drawText(QRectF(x, y, side, m_rowHeight), Qt::AlignCenter, u"?"_s);
    advance(QCoreApplication::translate("ThemeMap", "place in the cue not given"));
    x = m_margin;
    y += m_rowHeight;
    painter->setPen(text);
    painter->drawText(QPointF(x, y + (m_rowHeight + metrics.ascent() - metrics.descent()) / 2.0),
        QCoreApplication::translate(
            "ThemeMap", "A mark stands where the theme enters, from the cue's start to its end."));
}
