#include "symbolicon.h"

#include <QPainter>
#include <QPixmap>
#include <QWidget>

namespace {

QPixmap recolored(const QPixmap &shape, const QColor &color)
{
    QPixmap result(shape.size());
    result.setDevicePixelRatio(shape.devicePixelRatio());
    result.fill(Qt::transparent);
    QPainter painter(&result);
    painter.drawPixmap(0, 0, shape);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(QRect(QPoint(0, 0), shape.size()), color);
    return result;
}

} // namespace

namespace SymbolIcon {

QIcon tinted(const QIcon &icon, const QColor &color, const QColor &selectedColor)
{
    QIcon result;
    for (const int side : {16, 22, 24, 32, 48}) {
        for (const qreal ratio : {1.0, 2.0}) {
            const QPixmap shape = icon.pixmap(QSize(side, side), ratio);
            if (shape.isNull())
                continue;
            result.addPixmap(recolored(shape, color), QIcon::Normal);
            if (selectedColor.isValid())
                result.addPixmap(recolored(shape, selectedColor), QIcon::Selected);
        }
    }
    return result;
}

QIcon forButton(const QWidget *widget, QStyle::StandardPixmap symbol)
{
    return tinted(widget->style()->standardIcon(symbol, nullptr, widget),
        widget->palette().color(QPalette::ButtonText));
}

} // namespace SymbolIcon
