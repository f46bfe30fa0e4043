#pragma once

#include "catalog/occurrences.h"
#include "userdata/marker.h"

#include <QString>

// The user's markers that name a theme as occurrences of it: a collector's "1:12 the March in
// the horns" is an occurrence of the March at 1:12 of that cue, which Occurrences::ofCue() and
// ofTheme() place among the catalog's.
namespace MarkerOccurrences {

// The occurrence a marker stands for (OccurrenceRow::markerId set): its theme, cue and times,
// its kind where it is one of the catalog format's, and its label as the note. For a marker
// with a theme.
OccurrenceRow row(const Marker &marker);

// "Statement" for a kind the catalog format knows, else the kind as the user wrote it.
QString kindText(const Marker &marker);

} // namespace MarkerOccurrences
