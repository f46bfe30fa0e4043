#pragma once

#include "catalog/cuekey.h"
#include "search/searchquery.h"
#include "search/textcolumn.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <functional>
#include <optional>
#include <vector>

// What the user has added to cues, as search reads it: each cue's note, folded, and whether it has
// a note, a linked file or markers (SearchTerm::Has flags). Unlike SearchIndex, which is built once
// per set of catalogs, it changes one cue at a time as the user writes. It keeps cues of catalogs
// that are not open, so that they are found as soon as their catalog opens.
//
// A search over it looks nothing up by id: each entry knows where its cue stands among its
// catalog's cues (a QHash lookup of a cue id among 100,000 costs about a microsecond, and 10,000
// notes made a keystroke 20 ms slower). The owner says how to find a cue (setCueLocator) and asks
// for every cue to be found again when the open catalogs change (relocate()). A catalog's notes
// are searched as one text, like the catalog's own columns, laid end to end again at the first
// search after one of them changed.
class UserDataColumn
{
public:
    struct Entry
    {
        // Folded (TextFold) UTF-8; empty without a note.
        QByteArray note;
        quint8 flags = SearchTerm::HasNothing;
        // The cue's index in its catalog's cues, or -1 while the catalog is not open.
        qint32 cue = -1;
    };
    // The index of the cue among its catalog's cues (Catalog::cueIndex), or -1.
    using CueLocator = std::function<int(const CueKey &cue)>;

    void setCueLocator(CueLocator locate);
    void relocate();

    // An empty text removes the note and its flag.
    void setNote(const CueKey &cue, QStringView text);
    // HasFile or HasMarker; HasNote follows setNote().
    void setFlag(const CueKey &cue, SearchTerm::Has flag, bool on);
    quint8 flags(const CueKey &cue) const;
    // Every cue with the flag, in no particular order.
    QList<CueKey> cuesWith(SearchTerm::Has flag) const;
    QByteArray foldedNote(const CueKey &cue) const;

    // Sets cueHits[i] for every cue i (of cueCount) of the catalog that the term finds: AnyField
    // and NoteField in its note (an empty text: any note), HasField by its flags.
    void find(
        const QString &catalogId, const SearchTerm &term, quint8 *cueHits, qint32 cueCount) const;

private:
    struct NoteText
    {
        TextColumn text;
        std::vector<qint32> cues;
    };
    struct Catalog
    {
        QHash<QString, Entry> entries;
        mutable std::optional<NoteText> notes;
    };

    // Drops the entry when nothing is left in it.
    void update(const CueKey &cue, const std::function<void(Entry &)> &change);
    const Entry *entry(const CueKey &cue) const;
    static const NoteText &notesOf(const Catalog &catalog);

    QHash<QString, Catalog> m_catalogs;
    CueLocator m_locate;
};
