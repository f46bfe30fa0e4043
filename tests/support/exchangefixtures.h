#pragma once

#include "exchange/cueuserdata.h"
#include "userdata/marker.h"

#include <QString>

// User data on cues for the import and export tests: two cues of the Picard catalog and one of a
// catalog no test opens, with a note, a range with a theme and a kind, a point, a label with
// characters JSON and Markdown must escape, and times to the millisecond. Header only.
namespace ExchangeFixtures {

using namespace Qt::StringLiterals;

inline const QString Picard = u"star-trek-picard"_s;
// 2025-03-01T09:30:00.000Z and a little later.
inline constexpr qint64 Then = 1'740'821'400'000;

inline Marker marker(const CueKey &cue, const QString &id, qint64 startMs, qint64 endMs,
    const QString &label, const QString &themeId = {}, const QString &kind = {})
{
    Marker marker;
    marker.id = id;
    marker.cue = cue;
    marker.startMs = startMs;
    marker.endMs = endMs;
    marker.label = label;
    marker.themeId = themeId;
    marker.kind = kind;
    marker.createdAtMs = Then + 1'000;
    marker.updatedAtMs = Then + 2'250;
    return marker;
}

inline QList<CueUserData> cues()
{
    const CueKey mainTitle {Picard, u"main-title"_s};
    const CueKey endTitle {Picard, u"end-title"_s};
    const CueKey elsewhere {u"discovery-s2"_s, u"season-2/1-4"_s};
    CueUserData first;
    first.cue = mainTitle;
    first.catalogTitle = u"Star Trek: Picard"_s;
    first.cueTitle = u"Star Trek Picard Main Title"_s;
    first.note = NoteEntry {mainTitle,
        u"The March enters *twice*.\n\n- once in the strings\n- once in the \"horns\"\\"_s,
        Then + 500};
    first.markers = {
        marker(mainTitle, u"a1"_s, 12'000, -1, u"fanfare"_s, {}, u"quotation"_s),
        marker(mainTitle, u"a2"_s, 72'347, 80'500, u"the March in the horns"_s,
            u"star-trek-march"_s, u"statement"_s),
    };
    CueUserData second;
    second.cue = endTitle;
    second.catalogTitle = u"Star Trek: Picard"_s;
    second.cueTitle = u"Star Trek Picard End Title"_s;
    second.markers = {marker(endTitle, u"b1"_s, 3'723'001, -1, u"tab\there *stars* [1]"_s)};
    CueUserData third;
    third.cue = elsewhere;
    third.note = NoteEntry {elsewhere, u"A note on a catalog that is not open."_s, Then};
    return {first, second, third};
}

} // namespace ExchangeFixtures
