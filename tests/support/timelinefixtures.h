#pragma once

// Markers and occurrences for the timeline's tests, on one five-minute cue.
#include "catalog/catalog.h"
#include "userdata/marker.h"

namespace TimelineFixtures {

using namespace Qt::StringLiterals;

inline constexpr qint64 Duration = 300'000;

inline Marker pointMarker(const QString &id, qint64 startMs, const QString &label = {})
{
    Marker marker;
    marker.id = id;
    marker.cue = {u"picard"_s, u"cue"_s};
    marker.startMs = startMs;
    marker.label = label;
    return marker;
}

inline Marker rangeMarker(
    const QString &id, qint64 startMs, qint64 endMs, const QString &label = {})
{
    Marker marker = pointMarker(id, startMs, label);
    marker.endMs = endMs;
    return marker;
}

inline Occurrence timedOccurrence(const QString &themeId, qint64 startMs, qint64 endMs)
{
    Occurrence occurrence;
    occurrence.themeId = themeId;
    occurrence.cueId = u"cue"_s;
    occurrence.kind = Occurrence::Statement;
    occurrence.startMs = startMs;
    occurrence.endMs = endMs;
    return occurrence;
}

inline Occurrence placedOccurrence(const QString &themeId, Occurrence::Position position)
{
    Occurrence occurrence;
    occurrence.themeId = themeId;
    occurrence.cueId = u"cue"_s;
    occurrence.kind = Occurrence::Quotation;
    occurrence.position = position;
    return occurrence;
}

} // namespace TimelineFixtures
