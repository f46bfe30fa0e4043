#include "timeline/themecolors.h"

#include <array>

namespace {

// The Okabe–Ito colour-blind-safe hues, with the yellow darkened and the black left out, and
// two more of the same lightness: each reads against white and against a dark grey.
constexpr std::array<QRgb, 9> Hues {
    0xffe69f00, // orange
    0xff56b4e9, // sky blue
    0xff009e73, // bluish green
    0xffb8a100, // dark yellow
    0xff0072b2, // blue
    0xffd55e00, // vermillion
    0xffcc79a7, // reddish purple
    0xff8c6bd6, // violet
    0xff7f9c2d, // olive
};

// FNV-1a over the id's UTF-16 units: qHash is seeded per process, this is not.
quint32 stableHash(const QString &text)
{
    quint32 hash = 2166136261u;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

namespace ThemeColors {

QColor color(const QString &themeId)
{
    return QColor::fromRgb(Hues.at(stableHash(themeId) % Hues.size()));
}

int count()
{
    return int(Hues.size());
}

} // namespace ThemeColors
