#pragma once

#include "catalog/cuekey.h"
#include "userdata/userdatastore.h"

#include <QList>
#include <QString>

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

signals:
    void noteChanged(const CueKey &cue);
};
