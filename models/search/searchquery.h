#pragma once

#include <QList>
#include <QString>
#include <QStringView>

// One term of the search field: a word, a quoted phrase, or field:value; possibly negated.
struct SearchTerm
{
    enum Field {
        AnyField, // a word: title, cue, people, themes heard, release, the user's note
        TitleField, // title: the track's or its cue's title
        ArtistField, // artist: the cue's composers and performers, the release's artists
        ComposerField, // composer: the cue's composers and those of the themes it quotes
        ThemeField, // theme: name, alias or id of a theme heard in the cue
        ReleaseField, // release: the release title
        EpisodeField, // episode: the cue's episode
        CatalogField, // catalog: the catalog's title or id
        DurationField, // duration: a comparison or range in whole seconds
        NoteField, // note: the user's note on the cue
        HasField, // has: the cue has a note, a linked file or markers (see Has)
    };
    // What a cue has of the user's own, for HasField; also the flags of UserDataColumn.
    enum Has : quint8 { HasNothing = 0, HasNote = 0x1, HasFile = 0x2, HasMarker = 0x4 };
    enum Comparison { Equal, Less, LessOrEqual, Greater, GreaterOrEqual, Between };

    Field field = AnyField;
    bool negated = false;
    // Folded with TextFold. Empty only for a field with no value ("theme:"), which asks for
    // any value at all.
    QString text;
    // DurationField only, in whole seconds; Between includes both ends.
    Comparison comparison = Equal;
    qint64 seconds = 0;
    qint64 upperSeconds = 0;
    // HasField only.
    Has has = HasNothing;

    bool matchesSeconds(qint64 value) const;
    friend bool operator==(const SearchTerm &, const SearchTerm &) = default;
};

// The search field's little language, parsed once per change of the text:
//   words            every word must match (AND), in the catalog's texts or the user's notes;
//                    case, accents and apostrophes do not matter
//   "a phrase"       matched as one word, spaces included
//   field:value      title: artist: composer: theme: release: episode: catalog: duration: note:
//   field:"a b"      a quoted value
//   -term            negates a word or a field term
//   duration:>3:00   also <, >=, <=, = (or none) and a range 2:00-3:00; a bare number is minutes
//   note:horns       only the user's notes; "note:" alone is every cue with a note
//   has:note         cues with a note; has:file, one with a linked audio file (on disk or not);
//                    has:marker, one with markers. A start of the word ("has:m") or its plural
//                    is enough.
// An unknown field ("star:trek") is an ordinary word, colon included, and so is has: with a value
// it does not know ("has:wings"). "title:", "release:", "catalog:" and "has:" with no value are
// dropped (everything has one, or nothing is asked yet); so is a duration that does not parse
// yet, so that the list does not flash empty while the user is typing it.
namespace SearchQuery {

QList<SearchTerm> parse(QStringView text);

} // namespace SearchQuery
