#pragma once

#include <QColor>
#include <QIcon>
#include <QStyle>

class QWidget;

// Monochrome symbols (the media controls, the playing mark) in the colour of the text around
// them. Styles such as Fusion draw these symbols in black whatever the palette, so that on a dark
// palette they all but vanish; an icon theme's symbols get the same treatment, which keeps them
// all alike.
namespace SymbolIcon {

// The icon's shape in color; with selectedColor valid, the Selected mode (a selected row) in
// that one.
QIcon tinted(const QIcon &icon, const QColor &color, const QColor &selectedColor = {});

// The style's standard symbol in the widget's button text colour.
QIcon forButton(const QWidget *widget, QStyle::StandardPixmap symbol);

} // namespace SymbolIcon
