#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

// The user database as a file on disk, apart from what SQLite does with it: whether this user
// may write it, a cheap look at its header, the note of damage SQLite found in it (kept beside it
// for the next start), and moving it aside with its companions. Never deletes a file of the
// user's, and never overwrites one.
class DatabaseFile
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseFile)

public:
    explicit DatabaseFile(const QString &path)
        : m_path(path)
    { }

    QString path() const { return m_path; }

    // SQLite's files beside the database (its write-ahead log, shared memory and rollback
    // journal) and ours (the damage note): whatever moves with the database file.
    QStringList companions() const;

    // Whether this user may write the file, or create it when it is missing: its folder (or the
    // nearest folder that exists) and the file itself allow it.
    bool isWritable() const;

    // Why the file cannot be a whole SQLite database, read from its first 100 bytes alone: not a
    // database, or shorter than its header says (cut short by a copy or a full disk). Empty when
    // the header is sound, the file is empty, or a write-ahead log may still complete it.
    QString headerFault() const;

    // The damage SQLite reported while the file was in use: what it said, or empty. Kept in a
    // file beside the database, so that the next start checks the whole file before using it.
    QString damageNote() const;
    bool writeDamageNote(const QString &reason) const;
    bool removeDamageNote() const;

    // Renames the file and each companion that exists, beside them, under one new name that
    // says why and when: "userdata.sqlite.damaged-2026-12-03T13-05-22" for the label "damaged"
    // (a number added if that is taken), with the companions' suffixes after it. All or nothing:
    // when one rename fails, those done are undone. The new path of the file, or empty with
    // errorString() saying why.
    QString setAside(const QString &label, const QDateTime &now = QDateTime::currentDateTime());
    QString errorString() const { return m_errorString; }

private:
    QString m_path;
    QString m_errorString;
};
