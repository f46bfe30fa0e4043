#pragma once

#include "catalog/cuekey.h"
#include "search/searchquery.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <functional>

// What the user has added to cues, as search reads it: each cue's note, folded, and whether it has
// a note, a linked file or markers (SearchTerm::Has flags). Unlike SearchIndex, which is built once
// per set of catalogs, it changes one cue at a time as the user writes. It keeps cues of catalogs
// that are not open, so that they are found as soon as their catalog opens.
class UserDataColumn
{
public:
    struct Entry
    {
        // Folded (TextFold) UTF-8; empty without a note.
        QByteArray note;
        quint8 flags = SearchTerm::HasNothing;
    };

    // An empty text removes the note and its flag.
    void setNote(const CueKey &cue, QStringView text);
    // HasFile or HasMarker; HasNote follows setNote().
    void setFlag(const CueKey &cue, SearchTerm::Has flag, bool on);
    quint8 flags(const CueKey &cue) const;
    // Every cue with the flag, in no particular order.
    QList<CueKey> cuesWith(SearchTerm::Has flag) const;
    QByteArray foldedNote(const CueKey &cue) const;
    void clear() { m_catalogs.clear(); }

    // The cues of a catalog that have anything, by cue id; null when none has.
    const QHash<QString, Entry> *entries(const QString &catalogId) const;

    // Whether a cue with this entry matches a term of the field given (AnyField and NoteField
    // look in the note, HasField at the flags); needle is the term's folded UTF-8 text.
    static bool matches(const Entry &entry, const SearchTerm &term, QByteArrayView needle);

private:
    // Drops the entry when nothing is left in it.
    void update(const CueKey &cue, const std::function<void(Entry &)> &change);

    QHash<QString, QHash<QString, Entry>> m_catalogs;
};
