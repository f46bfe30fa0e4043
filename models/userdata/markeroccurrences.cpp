#include "userdata/markeroccurrences.h"

#include "catalog/catalogkeys.h"

namespace MarkerOccurrences {

OccurrenceRow row(const Marker &marker)
{
    Occurrence occurrence;
    occurrence.themeId = marker.themeId;
    occurrence.cueId = marker.cue.cueId;
    occurrence.startMs = marker.startMs;
    occurrence.endMs = marker.endMs;
    occurrence.note = marker.label;
    for (const auto &kind : CatalogKeys::OccurrenceKinds) {
        if (marker.kind == kind.name)
            occurrence.kind = kind.value;
    }
    return OccurrenceRow {marker.cue.catalogId, occurrence, marker.id};
}

QString kindText(const Marker &marker)
{
    const QString known = Occurrences::kindText(row(marker).occurrence.kind);
    return known.isEmpty() ? marker.kind : known;
}

} // namespace MarkerOccurrences
