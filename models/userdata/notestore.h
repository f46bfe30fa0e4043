#pragma once

#include "catalog/cuekey.h"
#include "userdata/userdatastore.h"

#include <QHash>
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
// UserDatabase::notes(). A note whose write fails (a full disk, a read-only folder) is kept in
// memory: note() and cuesWithNotes() show it as typed, the next write or
// UserDatabase::retryPendingWrites() saves it, and UserDatabase::errorOccurred tells the first
// failure of a run.
class NoteStore : public UserDataStore
{
    Q_OBJECT

public:
    explicit NoteStore(UserDatabase *database);

    // The text last set, saved or kept in memory.
    QString note(const CueKey &cue) const;
    // An empty text removes the note; the same text again changes nothing and emits nothing.
    // False when the text is not on disk (it is kept, and errorString() says why).
    bool setNote(const CueKey &cue, const QString &text);
    QList<CueKey> cuesWithNotes() const;

    bool hasPendingWrites() const override { return !m_pending.isEmpty(); }
    QStringList pendingWrites() const override;

    std::optional<NoteEntry> noteEntry(const CueKey &cue) const;
    // Every note, by catalog then cue.
    QList<NoteEntry> noteEntries() const;
    // Sets each cue's note to the entry's text, keeping its time (zero means now); all or none, in
    // one transaction. An entry without a cue or a text is refused.
    bool putNoteEntries(const QList<NoteEntry> &entries);

signals:
    // note(cue) changed, on disk or in memory.
    void noteChanged(const CueKey &cue);

protected:
    bool writePending() override;
    void discardPending() override;

private:
    // A text not yet on disk, and when the user wrote it.
    struct PendingNote
    {
        QString text;
        qint64 updatedAtMs = 0;
    };

    QString storedNote(const CueKey &cue) const;
    bool write(const CueKey &cue, const PendingNote &note);
    static QString describe(const CueKey &cue);

    QHash<CueKey, PendingNote> m_pending;
};
