#include "covergrid/coverdelegate.h"

#include "covers/coverloader.h"
#include "covers/coversourcefinder.h"
#include "itemmodels/catalogmodel.h"
#include "itemmodels/releasegridmodel.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int Padding = 6;
constexpr int TextGap = 6;
constexpr qreal Radius = 4.0;

QFont titleFont(QFont font)
{
    font.setWeight(QFont::DemiBold);
    return font;
}

QFont detailFont(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

constexpr int TitleLines = 2;

// text broken at word boundaries into at most maxLines lines of width, the last elided.
QStringList wrapped(const QString &text, const QFont &font, int width, int maxLines)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    QStringList lines;
    while (lines.size() < maxLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        const bool last = lines.size() == maxLines - 1;
        const QString part
            = last ? text.mid(line.textStart()) : text.mid(line.textStart(), line.textLength());
        lines.append(QFontMetrics(font).elidedText(part.trimmed(), Qt::ElideRight, width));
    }
    layout.endLayout();
    return lines;
}

} // namespace

CoverDelegate::CoverDelegate(CoverLoader *loader, const CoverSourceFinder *sources, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_loader(loader)
    , m_sources(sources)
{ }

void CoverDelegate::setCoverSide(int side)
{
    m_side = std::clamp(side, MinimumSide, MaximumSide);
}

const CoverDelegate::Caption &CoverDelegate::captionOf(
    const QModelIndex &index, const QFont &font, int width) const
{
    const QString key = index.data(CatalogModel::CatalogIdRole).toString() + u'/'
        + index.data(CatalogModel::ReleaseIdRole).toString() + u'@' + QString::number(width);
    if (const Caption *caption = m_captions.object(key))
        return *caption;
    auto *caption = new Caption;
    auto prepared = [](const QString &text, const QFont &lineFont) {
        QStaticText line(text);
        line.setTextFormat(Qt::PlainText);
        line.prepare(QTransform(), lineFont);
        return line;
    };
    const QFont title = titleFont(font);
    for (const QString &line :
        wrapped(index.data(Qt::DisplayRole).toString(), title, width, TitleLines))
        caption->title.append(prepared(line, title));
    const QFont detail = detailFont(font);
    const QFontMetrics detailMetrics(detail);
    const QString composers = index.data(ReleaseGridModel::ComposersRole).toString();
    const QString year = index.data(ReleaseGridModel::YearRole).toString();
    const QString detailText = composers.isEmpty() || year.isEmpty()
        ? QString(composers + year)
        : QString(composers + u" · "_s + year);
    caption->detail = prepared(detailMetrics.elidedText(detailText, Qt::ElideRight, width), detail);
    if (m_showsCatalog) {
        caption->catalog = prepared(
            detailMetrics.elidedText(
                index.data(ReleaseGridModel::CatalogTitleRole).toString(), Qt::ElideRight, width),
            detail);
    }
    m_captions.insert(key, caption);
    return *caption;
}

QSize CoverDelegate::itemSize(const QFont &font) const
{
    const int lines = m_showsCatalog ? 2 : 1;
    const int textHeight = TitleLines * QFontMetrics(titleFont(font)).height()
        + lines * QFontMetrics(detailFont(font)).height();
    return {m_side + 2 * Padding, Padding + m_side + TextGap + textHeight + Padding};
}

QSize CoverDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return itemSize(option.font);
}

QRect CoverDelegate::coverRect(const QRect &itemRect) const
{
    return {itemRect.left() + (itemRect.width() - m_side) / 2, itemRect.top() + Padding, m_side,
        m_side};
}

void CoverDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool active = option.state & QStyle::State_Active;
    const QRectF cell = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5);
    if (selected) {
        QColor fill
            = palette.color(active ? QPalette::Active : QPalette::Inactive, QPalette::Highlight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(cell, Radius, Radius);
    } else if (option.state & QStyle::State_MouseOver) {
        QColor hover = palette.color(QPalette::Highlight);
        hover.setAlphaF(0.15f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(hover);
        painter->drawRoundedRect(cell, Radius, Radius);
    }
    if (option.state & QStyle::State_HasFocus) {
        QPen focus(palette.color(QPalette::Highlight).darker(selected ? 140 : 100));
        focus.setWidthF(1.0);
        painter->setPen(focus);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(cell, Radius, Radius);
    }
    const QRect square = coverRect(option.rect);
    paintCover(painter, square, index, option.widget);
    const QRect textRect(option.rect.left() + Padding, square.bottom() + 1 + TextGap,
        option.rect.width() - 2 * Padding, option.rect.bottom() - square.bottom() - TextGap);
    paintText(painter, option, textRect, index);
    painter->restore();
}

void CoverDelegate::paintCover(
    QPainter *painter, const QRect &square, const QModelIndex &index, const QWidget *widget) const
{
    const qreal ratio = widget ? widget->devicePixelRatioF() : qApp->devicePixelRatio();
    const CoverSources sources
        = m_sources->sourcesFor(index.data(CatalogModel::CatalogIdRole).toString(),
            index.data(CatalogModel::ReleaseIdRole).toString());
    const QPixmap cover = m_loader->cover(sources, m_side, ratio);
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    if (cover.isNull()) {
        // Read in a moment: a quiet square, not a drawn cover that would flash and change.
        QColor placeholder = palette.color(QPalette::Mid);
        placeholder.setAlphaF(0.35f);
        painter->fillRect(square, placeholder);
        return;
    }
    // Fitted, aspect kept, at the foot of the square and centred, as covers stand on a shelf.
    QSizeF size = cover.deviceIndependentSize();
    size.scale(square.size(), Qt::KeepAspectRatio);
    const QRectF target(square.left() + (square.width() - size.width()) / 2,
        square.bottom() + 1 - size.height(), size.width(), size.height());
    painter->drawPixmap(target, cover, QRectF(cover.rect()));
    QColor frame = palette.color(QPalette::Text);
    frame.setAlphaF(0.18f);
    painter->setPen(QPen(frame, 1.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(target.adjusted(0.5, 0.5, -0.5, -0.5));
}

void CoverDelegate::paintText(QPainter *painter, const QStyleOptionViewItem &option,
    const QRect &textRect, const QModelIndex &index) const
{
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text
        = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(selected ? 0.85f : 0.68f);

    const Caption &caption = captionOf(index, option.font, textRect.width());
    int top = textRect.top();
    auto drawLine = [&](const QFont &font, const QColor &color, const QStaticText &line) {
        painter->setFont(font);
        painter->setPen(color);
        const qreal width = line.size().width();
        painter->drawStaticText(
            QPointF(textRect.left() + (textRect.width() - width) / 2, top), line);
        top += QFontMetrics(font).height();
    };
    const QFont title = titleFont(option.font);
    for (const QStaticText &line : caption.title)
        drawLine(title, text, line);
    const QFont detail = detailFont(option.font);
    drawLine(detail, dim, caption.detail);
    if (m_showsCatalog)
        drawLine(detail, dim, caption.catalog);
}
