#include "trackdelegate.h"

#include "itemmodels/catalogmodel.h"
#include "symbolicon.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QStyle>
#include <QWidget>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int FallbackIconSize = 16;

QIcon themeIcon(const QString &name, QStyle *style, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(name, style->standardIcon(fallback));
}

QIcon blankIcon()
{
    QPixmap pixmap(FallbackIconSize, FallbackIconSize);
    pixmap.fill(Qt::transparent);
    return QIcon(pixmap);
}

// A page with a folded corner and three lines of writing, painted as lines rather than from a
// pixmap so that it stays sharp at any scale; no icon theme has one that reads as "a note" at
// 16 pixels in both palettes.
void drawNoteMark(QPainter *painter, const QRectF &box, const QColor &color)
{
    const qreal unit = box.width() / 16.0;
    const QRectF page = box.adjusted(3 * unit, 1.5 * unit, -3 * unit, -1.5 * unit);
    const qreal fold = 3.5 * unit;
    QPainterPath outline;
    outline.moveTo(page.topLeft());
    outline.lineTo(page.right() - fold, page.top());
    outline.lineTo(page.right(), page.top() + fold);
    outline.lineTo(page.bottomRight());
    outline.lineTo(page.bottomLeft());
    outline.closeSubpath();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(
        QPen(color, std::max(1.0, 1.1 * unit), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(outline);
    for (int line = 0; line < 3; ++line) {
        const qreal y = page.top() + (5.5 + 2.5 * line) * unit;
        const qreal end = line == 2 ? page.center().x() : page.right() - 2 * unit;
        painter->drawLine(QPointF(page.left() + 2 * unit, y), QPointF(end, y));
    }
    painter->restore();
}
} // namespace

TrackDelegate::TrackDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void TrackDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(CatalogModel::KindRole).toInt() != CatalogModel::TrackItem)
        return;
    QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    option->icon = trackIcon(index, style, option->palette);
    option->features |= QStyleOptionViewItem::HasDecoration;
    // The view's icon size, not each icon's own: every track reserves the same space.
    if (option->decorationSize.isEmpty())
        option->decorationSize = QSize(FallbackIconSize, FallbackIconSize);
}

void TrackDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!index.data(CatalogModel::HasNoteRole).toBool()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The row's background under the whole cell, then the icon and title beside the mark, so
    // that a long title is elided before the mark instead of running under it.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &cell, painter, widget);
    const QRect mark = noteMarkRect(cell);
    QStyleOptionViewItem text = cell;
    const int gap = mark.width() / 4;
    text.rect = QStyle::visualRect(cell.direction, cell.rect,
        QRect(cell.rect.topLeft(), QPoint(mark.left() - gap, cell.rect.bottom())));
    style->drawControl(QStyle::CE_ItemViewItem, &text, painter, widget);

    const bool selected = cell.state & QStyle::State_Selected;
    QColor color = cell.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    if (!selected)
        color.setAlphaF(0.7f);
    drawNoteMark(painter, QStyle::visualRect(cell.direction, cell.rect, mark), color);
}

QRect TrackDelegate::noteMarkRect(const QStyleOptionViewItem &option)
{
    const QRect cell = option.rect;
    // No taller than the row: rows of a small font are lower than the icons.
    const int side = std::min(
        option.decorationSize.isEmpty() ? FallbackIconSize : option.decorationSize.height(),
        cell.height());
    return QRect(
        cell.right() - side - side / 4, cell.top() + (cell.height() - side) / 2, side, side);
}

const QIcon &TrackDelegate::trackIcon(
    const QModelIndex &index, QStyle *style, const QPalette &palette) const
{
    const Icons &all = icons(style, palette);
    if (index.data(CatalogModel::IsPlayingRole).toBool())
        return all.playing;
    switch (FileState(index.data(CatalogModel::HasFileRole).toInt())) {
    case FileState::Linked:
        return all.linked;
    case FileState::Missing:
    case FileState::Unplayable:
        return all.warning;
    default:
        return all.blank;
    }
}

const TrackDelegate::Icons &TrackDelegate::icons(QStyle *style, const QPalette &palette) const
{
    const QColor text = palette.color(QPalette::Text);
    if (m_iconStyle != style || m_iconColor != text) {
        // Symbols in the row's own text colour, so that a dark palette does not hide them.
        m_icons.playing
            = SymbolIcon::tinted(themeIcon(u"media-playback-start"_s, style, QStyle::SP_MediaPlay),
                text, palette.color(QPalette::HighlightedText));
        QColor quiet = text;
        quiet.setAlphaF(0.6f);
        m_icons.linked
            = SymbolIcon::tinted(themeIcon(u"audio-x-generic"_s, style, QStyle::SP_MediaVolume),
                quiet, palette.color(QPalette::HighlightedText));
        m_icons.warning = themeIcon(u"dialog-warning"_s, style, QStyle::SP_MessageBoxWarning);
        m_icons.blank = blankIcon();
        m_iconStyle = style;
        m_iconColor = text;
    }
    return m_icons;
}
