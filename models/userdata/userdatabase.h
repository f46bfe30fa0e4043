#pragma once

#include "catalog/cuekey.h"
#include "library/audiofileinfo.h"
#include "library/filestate.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlError>
#include <QString>

#include <functional>
#include <optional>

class QSqlDatabase;
class QSqlQuery;

// One audio file linked to a cue, with what a scan (or the user's choice) learned of the file,
// kept so that a moved file can be found again. A cue may have several: a FLAC and an MP3 of it.
struct FileLink
{
    CueKey cue;
    // Stored as it is, except that folder and fileName come back derived from file.path, and
    // readable as true (a link is made to a file that was read).
    AudioFileInfo file;
    // Filled by the database: the lower-case extension of file.path ("flac").
    QString format;
    // Filled by the database: when the link was first stored.
    QDateTime addedAt;
    // The user's choice among the cue's files; at most one per cue.
    bool isPreferred = false;
};

// The user's own data in one SQLite file: notes and audio file links per cue, and what scans of
// music folders found. Keys are catalog and cue ids, never paths or rows. Use it on the GUI
// thread only; workers get values from it and hand values back. Writes that fail return false
// and emit errorOccurred; when the file could not be opened every call is a no-op.
class UserDatabase : public QObject
{
    Q_OBJECT

public:
    // The schema this build reads and writes (PRAGMA user_version).
    static constexpr int SchemaVersion = 3;

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
    QString errorString() const { return m_errorString; }

    // An empty text removes the note.
    QString note(const CueKey &cue) const;
    bool setNote(const CueKey &cue, const QString &text);
    QList<CueKey> cuesWithNotes() const;

    // The image the user chose as a release's cover (an absolute path), or empty for none. An
    // empty path removes the choice, and the drawn cover comes back.
    QString releaseCover(const QString &catalogId, const QString &releaseId) const;
    bool setReleaseCover(const QString &catalogId, const QString &releaseId, const QString &path);

    // In the order to play them: the user's preferred file, then lossless formats (FLAC, then
    // WAV, then AIFF and WavPack), then the others, each group oldest link first.
    QList<FileLink> fileLinks(const CueKey &cue) const;
    // The first file of fileLinks() that exists on disk; the first of all when none does (the
    // caller then reports it missing). Checks a cue's few files: fine on the GUI thread.
    std::optional<FileLink> preferredFile(const CueKey &cue) const;
    // Adds the link, or updates the facts of the cue's link to the same path (keeping when it
    // was added, and the user's preference unless link.isPreferred asks for it).
    bool linkFile(const FileLink &link);
    bool unlinkFile(const CueKey &cue, const QString &path);
    // False when the cue has no link to path (errorString() says so; not a database failure,
    // so errorOccurred stays quiet).
    bool setPreferredFile(const CueKey &cue, const QString &path);
    // linkFile() for many links in one transaction: all are stored or none.
    bool storeLinks(const QList<FileLink> &links);
    // Points every link to oldPath at the file a rescan found in its place.
    bool relinkMovedFile(const QString &oldPath, const AudioFileInfo &file);
    // Every link of every cue, for a scan that looks for moved files.
    QList<FileLink> allFileLinks() const;

    // FileState::None, FileState::Linked, or FileState::Missing when every linked file is gone from
    // disk.
    FileState fileState(const CueKey &cue) const;
    // FileState::Linked for every cue with a link, from the table alone: no disk access. Hand
    // linkedPaths() to fileStatesOnDisk() on a worker to learn which are missing.
    QHash<CueKey, FileState> fileStates() const;
    QHash<CueKey, QStringList> linkedPaths() const;
    // Touches no database, so any thread may call it: FileState::Linked when one of a cue's paths
    // exists, else FileState::Missing.
    static QHash<CueKey, FileState> fileStatesOnDisk(const QHash<CueKey, QStringList> &paths);

    // The folders scanned before, and what was found in them by path, unreadable files and
    // folders included: LibraryScanner::scan()'s known, so that a rescan reads only what changed.
    QStringList scanFolders() const;
    QHash<QString, AudioFileInfo> knownFiles(const QString &folder) const;
    // Replaces what is known of the folder with files (a scan's complete list), in one
    // transaction.
    bool storeKnownFiles(const QString &folder, const QList<AudioFileInfo> &files);
    bool removeScanFolder(const QString &folder);

signals:
    void noteChanged(const CueKey &cue);
    void releaseCoverChanged(const QString &catalogId, const QString &releaseId);
    void fileLinksChanged(const CueKey &cue);
    void errorOccurred(const QString &message);

private:
    bool openChecked(const QString &path);
    bool configure();
    bool migrate(int fromVersion);
    bool execAll(const QStringList &statements);
    QSqlDatabase database() const;
    bool prepare(QSqlQuery &query, const QString &sql) const;
    // Prepares, binds and runs sql; on failure the error is kept for readFailed/writeFailed.
    bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {}) const;
    // Runs a query that reads, calling row for each result; false when closed or on failure.
    bool forEachRow(const QString &sql, const QVariantList &values,
        const std::function<void(const QSqlQuery &)> &row) const;
    // The number of links marked (0 or 1), or -1 on failure.
    int markPreferred(const CueKey &cue, const QString &path);
    bool notOpen();
    bool writeFailed(const QSqlError &transactionError = QSqlError());
    void readFailed() const;
    static FileState stateOnDisk(const QStringList &paths);

    // One connection per instance, so that tests can open several files at once.
    QString m_connectionName;
    QString m_path;
    mutable QString m_errorString;
    mutable QSqlError m_sqlError;
    bool m_open = false;
};
