#pragma once

#include <QColor>
#include <QString>

// A theme's colour wherever a theme is drawn: the same theme always gets the same hue, picked
// from a short list of hues that stay distinct from each other and legible on both a light and
// a dark background (mid lightness, so neither white nor near-black text washes them out).
namespace ThemeColors {

// The hue for themeId; stable across runs and machines (a hash of the id, not of memory).
QColor color(const QString &themeId);
// How many hues there are: two themes may share one, their names tell them apart.
int count();

} // namespace ThemeColors
