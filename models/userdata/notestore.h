#pragma once

#include "catalog/cuekey.h"
#include "userdata/userdatastore.h"

#include <QList>
#include <QString>

#include <optional>

// A note with the time it last changed, as backups carry it.
struct NoteEntry
{
    CueKey cue;
    QString text;
    qint64 updatedAtMs = 0;

    friend bool operator==(const NoteEntry &, const NoteEntry &) = default;
};

// The user's notes, one text per cue, in the user database. Reached through
// UserDatabase::notes(); a failed write returns false and reaches UserDatabase::errorOccurred.
class NoteStore : public UserDataStore
{
    Q_OBJECT

public:
    explicit NoteStore(UserDatabase *database);

    QString note(const CueKey &cue) const;
    // An empty text removes the note; the same text again changes nothing and emits nothing.
    bool setNote(const CueKey &cue, const QString &text);
    QList<CueKey> cuesWithNotes() const;

    std::optional<NoteEntry> noteEntry(const CueKey &cue) const;
    // Every note, by catalog then cue.
    QList<NoteEntry> noteEntries() const;
    // Sets each cue's note to the entry's text, keeping its time (zero means now); all or none, in
    // one transaction. An entry without a cue or a text is refused.
    bool putNoteEntries(const QList<NoteEntry> &entries);

signals:
    void noteChanged(const CueKey &cue);
};
