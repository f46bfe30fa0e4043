#pragma once

#include "userdata/userdataschema.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

#include <functional>

class CoverStore;
class FileLinkStore;
class MarkerStore;
class NoteStore;
class QSqlDatabase;
class ScanCacheStore;
class UserDataConnection;
class UserDataStore;

// The user's own data in one SQLite file: it owns the connection, the schema and its
// migrations, and hands out one store per concern (notes, markers, file links, the scan cache,
// release covers), each keyed by catalog and cue ids, never by paths or rows. Use it and its stores
// on the GUI thread only; workers get values from them and hand values back.
//
// Nothing the user writes is lost to a disk that refuses it: a note or marker whose write fails
// (a full disk, a read-only folder) is kept in memory, read back as if saved, and saved by the
// next write or retryPendingWrites(); the user is told once per run of failures
// (errorOccurred), not at each keystroke. The other stores' failed writes are refused and told
// each time. A file it cannot use is refused with the reason, and left exactly as it was; a
// damaged or unreadable one can be moved aside for a fresh start (startAfresh()).
class UserDatabase : public QObject
{
    Q_OBJECT

public:
    // The schema this build reads and writes (PRAGMA user_version).
    static constexpr int SchemaVersion = UserDataSchema::Version;

    // Why open() refused the file; what the user may do about it differs.
    enum class OpenFailure {
        None,
        // Not a database, or damaged: startAfresh() may set it aside.
        Damaged,
        // There, but this user may not read it: startAfresh() may set it aside.
        Unreadable,
        // Locked by another program (another Cuebook) for longer than the wait.
        InUse,
        // Written by a newer Cuebook: left for it, never replaced.
        Newer,
        // Another program's SQLite file: left for it, never replaced.
        Foreign,
        // A folder, or no SQLite driver: nothing to set aside.
        Unusable,
    };

    explicit UserDatabase(QObject *parent = nullptr);
    ~UserDatabase() override;

    // The file in the platform's application-data folder.
    static QString defaultPath();

    // Opens or creates the file and brings its schema up to date. A file that is not a database,
    // is damaged, cannot be read, is locked, or comes from a newer Cuebook or another program is
    // refused: false, with the reason in errorString() and openFailure(), and the file is left
    // exactly as it was. A file in a folder this user cannot write (or, missing, cannot create)
    // opens read-only: reads show it as it is, and every edit is kept in memory until it can be
    // written. The check at open is cheap (the header, the schema, each table's first page);
    // damage SQLite finds later is noted beside the file, so that the next open checks all of it.
    bool open(const QString &path);
    // Any edit still kept in memory is lost: ask retryPendingWrites() first.
    void close();
    bool isOpen() const { return m_open; }
    // Open, but the file cannot be written now; edits are kept in memory meanwhile.
    bool isReadOnly() const;
    QString filePath() const { return m_path; }
    // Why open() or the last store call failed.
    QString errorString() const { return m_errorString; }
    OpenFailure openFailure() const { return m_openFailure; }

    // After open() refused the file as Damaged or Unreadable: renames it and its companions
    // aside, beside it ("userdata.sqlite.damaged-2026-12-03T13-05-22"; never deleted), and opens
    // a fresh file in its place. False, with errorString(), when the file could not be renamed
    // (a read-only folder: nothing changed) or the fresh one could not be opened.
    bool startAfresh();
    // Where startAfresh() put the old file (even when the fresh one then failed to open); empty
    // before.
    QString setAsidePath() const { return m_setAsidePath; }

    // Edits kept in memory because their writes failed.
    bool hasPendingWrites() const;
    // One line for each, naming what it is: "The note on the cue x/y".
    QStringList pendingWrites() const;
    // Saves the edits kept in memory, now; true when none is left. Each store's write calls it
    // first; the application calls it at quit. A failure here is not told again (errorOccurred
    // stays quiet); errorString() says how many edits are still not saved, and why.
    bool retryPendingWrites();

    NoteStore *notes() { return m_notes; }
    const NoteStore *notes() const { return m_notes; }
    FileLinkStore *fileLinks() { return m_fileLinks; }
    const FileLinkStore *fileLinks() const { return m_fileLinks; }
    ScanCacheStore *scanCache() { return m_scanCache; }
    const ScanCacheStore *scanCache() const { return m_scanCache; }
    CoverStore *covers() { return m_covers; }
    const CoverStore *covers() const { return m_covers; }
    MarkerStore *markers() { return m_markers; }
    const MarkerStore *markers() const { return m_markers; }

    // Runs writes, calls to one or more stores, as one transaction: every change they make is
    // kept, or none is. False when writes returns false (a store said why) or when the whole
    // could not be committed (then errorOccurred names what, "12 markers and 3 notes"). The
    // stores signal their changes as they make them: after a rollback a listener that re-reads
    // finds the file as it was.
    bool writeTogether(const QString &what, const std::function<bool()> &writes);

signals:
    // A write failed; message is errorString() then. For edits kept in memory, only the first
    // failure of a run is told: the next one after a write that left nothing pending.
    void errorOccurred(const QString &message);
    // hasPendingWrites() changed: false once the edits kept in memory are saved.
    void pendingWritesChanged(bool pending);

private:
    // The stores run their SQL on the connection and report through the functions below.
    friend class UserDataStore;

    bool reopenWritable();
    QSqlDatabase connection() const;
    QList<UserDataStore *> stores() const;

    void setErrorString(const QString &message) const { m_errorString = message; }
    // A write refused, told each time.
    void reportWriteFailure(const QString &message);
    // A write failed and kept in memory: told once per run of failures.
    void reportKeptWrite(const QString &message);
    // After a store's edits kept in memory changed: a run of failures ends when none is left.
    void updatePendingState();
    // SQLite found the file damaged while in use: told once, and noted for the next open.
    void reportDamage(const QString &reason);
    // Why the file cannot be written, when it is read-only; empty otherwise.
    QString readOnlyReason() const;

    // One connection per instance, so that tests can open several files at once.
    QString m_connectionName;
    QString m_path;
    mutable QString m_errorString;
    bool m_open = false;
    std::unique_ptr<UserDataConnection> m_connection;
    // Why the last edit kept in memory could not be written.
    QString m_lastFailure;
    OpenFailure m_openFailure = OpenFailure::None;
    QString m_setAsidePath;
    // A run of kept writes was told, and has not ended.
    bool m_failing = false;
    bool m_damageTold = false;
    bool m_pending = false;
    bool m_retrying = false;
    NoteStore *m_notes = nullptr;
    FileLinkStore *m_fileLinks = nullptr;
    ScanCacheStore *m_scanCache = nullptr;
    CoverStore *m_covers = nullptr;
    MarkerStore *m_markers = nullptr;
};
