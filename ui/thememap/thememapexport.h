#pragma once

#include "catalog/thememap.h"

#include <QPalette>
#include <QString>

// The theme map as a file, for a forum post or a paper: PNG (at twice its size, to stay sharp
// when zoomed or printed) or SVG (QSvgGenerator, text kept as text), by the file's extension.
// Always on the light palette of print, whatever the window's. The file is written whole or
// not at all.
namespace ThemeMapExport {

QPalette printPalette();
// False, with the reason in *error, for another extension or a file that cannot be written.
bool write(const ThemeMap &map, const QString &path, QString *error);

} // namespace ThemeMapExport
