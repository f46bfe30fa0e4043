#pragma once

#include <QObject>
#include <QString>

#include <functional>

class CoverStore;
class FileLinkStore;
class MarkerStore;
class NoteStore;
class QSqlDatabase;
class ScanCacheStore;

// The user's own data in one SQLite file: it owns the connection, the schema and its
// migrations, and hands out one store per concern (notes, markers, file links, the scan cache,
// release covers), each keyed by catalog and cue ids, never by paths or rows. Use it and its stores
// on the GUI thread only; workers get values from them and hand values back. Every write that fails
// returns false and emits errorOccurred once, with a sentence naming what was not saved; when the
// file could not be opened, every store call is a quiet no-op (open() said why).
class UserDatabase : public QObject
{
    Q_OBJECT

public:
    // The schema this build reads and writes (PRAGMA user_version).
    static constexpr int SchemaVersion = 4;

    explicit UserDatabase(QObject *parent = nullptr);
    ~UserDatabase() override;

    // The file in the platform's application-data folder.
    static QString defaultPath();

    // Opens or creates the file and brings its schema up to date. A file that is not a
    // database, is damaged, cannot be read, or comes from a newer Cuebook is refused: false,
    // with the reason in errorString(), and the file is left exactly as it was.
    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_open; }
    QString filePath() const { return m_path; }
    // Why open() or the last store call failed.
    QString errorString() const { return m_errorString; }

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
    // A write of any store failed; message is errorString() then.
    void errorOccurred(const QString &message);

private:
    // The stores run their SQL on the connection and report through errorOccurred.
    friend class UserDataStore;

    bool openChecked(const QString &path);
    bool configure();
    bool migrate(int fromVersion);
    bool execAll(const QStringList &statements);
    QSqlDatabase connection() const;
    void setErrorString(const QString &message) const { m_errorString = message; }
    void reportWriteFailure(const QString &message);

    // One connection per instance, so that tests can open several files at once.
    QString m_connectionName;
    QString m_path;
    mutable QString m_errorString;
    bool m_open = false;
    NoteStore *m_notes = nullptr;
    FileLinkStore *m_fileLinks = nullptr;
    ScanCacheStore *m_scanCache = nullptr;
    CoverStore *m_covers = nullptr;
    MarkerStore *m_markers = nullptr;
};
