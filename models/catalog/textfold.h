#pragma once

#include <QString>
#include <QStringView>

// The one normalisation for comparing what a user types (or what a file's tags say) with catalog
// text. Both sides must go through it, so a change here changes every search and every match.
namespace TextFold {

// Case folded; accents stripped (canonical and compatibility decomposition, combining marks
// dropped) and letters that do not decompose spelled out (ø→o, æ→ae, ß→ss, ł→l, þ→th…);
// apostrophes of every style and quotation marks removed ("Dahj’s" → "dahjs"); every dash to
// "-"; control and format characters dropped; runs of whitespace to one space; trimmed.
// The result never contains a newline, so callers may use '\n' as a separator.
QString fold(QStringView text);

} // namespace TextFold
