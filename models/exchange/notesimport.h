#pragma once

#include "exchange/cueuserdata.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class UserDatabase;

// Brings a backup's notes and markers into the user database without duplicates. A marker is
// known by its id, a note by its cue; the file's version replaces the one here only when it
// changed later (by its updatedAt), and is added when there is none here. So importing the same
// file again changes nothing, and an old backup never overwrites newer work. What was deleted
// here since the backup comes back: the database keeps no record of deletions.
namespace NotesImport {

// What an import adds and what it leaves, counted for the user.
struct Summary
{
    Q_DECLARE_TR_FUNCTIONS(NotesImport)

public:
    int markersImported = 0;
    int notesImported = 0;
    // The same as here.
    int alreadyHere = 0;
    // Changed here later than in the file: left as they are.
    int newerHere = 0;

    // "12 markers and 3 notes imported; 4 were already here"
    QString text() const;
};

struct Plan
{
    QList<Marker> markers;
    QList<NoteEntry> notes;
    Summary summary;
};

// What importing cues would change, reading the database and writing nothing.
Plan plan(const UserDatabase &database, const QList<CueUserData> &cues);
// Writes the plan in one transaction: all of it or, false (the database's errorString() and
// errorOccurred say why), none of it.
bool apply(UserDatabase &database, const Plan &plan);

// "1 marker", "12 markers": English counts, for messages.
QString quantity(qsizetype count, const QString &one, const QString &many);

} // namespace NotesImport
