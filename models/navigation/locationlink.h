#pragma once

#include "navigation/location.h"

#include <QUrl>

// Links inside Cuebook's panes use their own scheme, so that a click never loads anything:
// cuebook:theme/<catalog>/<theme>, cuebook:cue/<catalog>/<cue>[?release=<release>],
// cuebook:release/<catalog>/<release>. Ids are percent-encoded (implicit cue ids hold a "/").
namespace LocationLink {

inline constexpr QLatin1StringView Scheme {"cuebook"};

QUrl toUrl(const Location &location);
// An invalid Location for anything that is not a well-formed Cuebook link.
Location fromUrl(const QUrl &url);

} // namespace LocationLink
