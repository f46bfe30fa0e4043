#pragma once

#include "catalog/catalog.h"
#include "catalog/jsonfields.h"

// The names the catalog format gives its keys and enumerated values: one enum per object (its
// keys' indexes into a Members) and the matching table of names.
namespace CatalogKeys {

using JsonFields::EnumName;
using JsonFields::Keys;

enum CatalogKey {
    CatalogFormat,
    CatalogVersion,
    CatalogId,
    CatalogTitle,
    CatalogSources,
    CatalogThemes,
    CatalogCues,
    CatalogReleases,
    CatalogOccurrences,
    CatalogExcerpts,
    CatalogKeyCount
};
constexpr Keys<CatalogKeyCount> RootKeys {"format"_L1, "version"_L1, "id"_L1, "title"_L1,
    "sources"_L1, "themes"_L1, "cues"_L1, "releases"_L1, "occurrences"_L1, "excerpts"_L1};

enum SourceKey {
    SourceId,
    SourceKind,
    SourceTitle,
    SourceAuthor,
    SourcePublication,
    SourceDate,
    SourceUrl,
    SourceKeyCount
};
constexpr Keys<SourceKeyCount> SourceKeys {
    "id"_L1, "kind"_L1, "title"_L1, "author"_L1, "publication"_L1, "date"_L1, "url"_L1};

enum ThemeKey {
    ThemeId,
    ThemeName,
    ThemeComposer,
    ThemeOrigin,
    ThemeAliases,
    ThemeDescription,
    ThemeKeyCount
};
constexpr Keys<ThemeKeyCount> ThemeKeys {
    "id"_L1, "name"_L1, "composer"_L1, "origin"_L1, "aliases"_L1, "description"_L1};

enum CueKey {
    CueId,
    CueTitle,
    CueComposers,
    CuePerformers,
    CueEpisode,
    CueDescription,
    CueKeyCount
};
constexpr Keys<CueKeyCount> CueKeys {
    "id"_L1, "title"_L1, "composers"_L1, "performers"_L1, "episode"_L1, "description"_L1};

enum ReleaseKey {
    ReleaseId,
    ReleaseTitle,
    ReleaseArtists,
    ReleaseLabel,
    ReleaseDate,
    ReleaseFormat,
    ReleaseCatalogNumber,
    ReleaseCover,
    ReleaseComplete,
    ReleaseTracks,
    ReleaseKeyCount
};
constexpr Keys<ReleaseKeyCount> ReleaseKeys {"id"_L1, "title"_L1, "artists"_L1, "label"_L1,
    "date"_L1, "format"_L1, "catalogNumber"_L1, "cover"_L1, "complete"_L1, "tracks"_L1};

enum TrackKey { TrackDisc, TrackNumber, TrackTitle, TrackDuration, TrackCue, TrackKeyCount };
constexpr Keys<TrackKeyCount> TrackKeys {
    "disc"_L1, "number"_L1, "title"_L1, "duration"_L1, "cue"_L1};

enum OccurrenceKey {
    OccurrenceTheme,
    OccurrenceCue,
    OccurrenceKind,
    OccurrenceStart,
    OccurrenceEnd,
    OccurrencePosition,
    OccurrenceInstruments,
    OccurrenceSource,
    OccurrenceSources,
    OccurrenceNote,
    OccurrenceInferred,
    OccurrenceBasis,
    OccurrenceKeyCount
};
constexpr Keys<OccurrenceKeyCount> OccurrenceKeys {"theme"_L1, "cue"_L1, "kind"_L1, "start"_L1,
    "end"_L1, "position"_L1, "instruments"_L1, "source"_L1, "sources"_L1, "note"_L1, "inferred"_L1,
    "basis"_L1};

enum ExcerptKey {
    ExcerptId,
    ExcerptSource,
    ExcerptText,
    ExcerptReleases,
    ExcerptCues,
    ExcerptThemes,
    ExcerptSpeaker,
    ExcerptKeyCount
};
constexpr Keys<ExcerptKeyCount> ExcerptKeys {
    "id"_L1, "source"_L1, "text"_L1, "releases"_L1, "cues"_L1, "themes"_L1, "speaker"_L1};

// In the order resources/catalogs/catalog-format.md lists them, which is the order the messages
// list them.
constexpr std::array<EnumName<Source::Kind>, 5> SourceKinds {{{"review"_L1, Source::Review},
    {"interview"_L1, Source::Interview}, {"article"_L1, Source::Article},
    {"liner-notes"_L1, Source::LinerNotes}, {"other"_L1, Source::Other}}};
constexpr std::array<EnumName<Occurrence::Kind>, 5> OccurrenceKinds {
    {{"statement"_L1, Occurrence::Statement}, {"quotation"_L1, Occurrence::Quotation},
        {"allusion"_L1, Occurrence::Allusion}, {"fragment"_L1, Occurrence::Fragment},
        {"variation"_L1, Occurrence::Variation}}};
constexpr std::array<EnumName<Occurrence::Position>, 4> Positions {
    {{"opening"_L1, Occurrence::Opening}, {"middle"_L1, Occurrence::Middle},
        {"ending"_L1, Occurrence::Ending}, {"throughout"_L1, Occurrence::Throughout}}};

} // namespace CatalogKeys
