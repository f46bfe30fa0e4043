#pragma once

#include <QColor>
#include <QImage>
#include <QStringList>

// The cover Cuebook draws for a release that has no image: its title and composers set in type
// on a colour of the release's own, the same colour every time for the same release.
namespace TypographicCover {

// A calm, readable background colour derived from a stable key (catalog id + release id).
QColor colorFor(const QString &key);

// A square cover of side × side device-independent pixels at the given device pixel ratio.
QImage render(const QString &title, const QStringList &composers, const QString &key, int side,
    qreal devicePixelRatio = 1.0);

} // namespace TypographicCover
