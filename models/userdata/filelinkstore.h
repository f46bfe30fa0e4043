#pragma once

#include "catalog/cuekey.h"
#include "library/audiofileinfo.h"
#include "library/filestate.h"
#include "userdata/filelink.h"
#include "userdata/userdatastore.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The audio files linked to cues, and what is on disk of them, in the user database. Reached
// through UserDatabase::fileLinks(). A failed write is refused, not kept in memory: it returns
// false, changes nothing, and reaches UserDatabase::errorOccurred each time. Links come from a
// drop, a dialog or a scan, whose callers say at once that they were not stored and which can be
// done again; the audio files stay where they are, so nothing the user made is lost.
class FileLinkStore : public UserDataStore
{
    Q_OBJECT

public:
    explicit FileLinkStore(UserDatabase *database);

    // In the order to play them: the user's preferred file, then lossless formats (FLAC, then
    // WAV, then AIFF and WavPack), then the others, each group oldest link first.
    QList<FileLink> links(const CueKey &cue) const;
    // The first file of links() that exists on disk; the first of all when none does (the
    // caller then reports it missing). Checks a cue's few files: fine on the GUI thread.
    std::optional<FileLink> preferredFile(const CueKey &cue) const;
    // Every link of every cue.
    QList<FileLink> allLinks() const;
    // The file of every linked path, once each: what a scan looks for when files have moved
    // (LibraryScanner::setLinkedFiles).
    QList<AudioFileInfo> linkedFiles() const;

    // Adds the link, or updates the facts of the cue's link to the same path (keeping when it
    // was added, and the user's preference unless link.isPreferred asks for it).
    bool linkFile(const FileLink &link);
    // linkFile() for many links in one transaction: all are stored or none.
    bool storeLinks(const QList<FileLink> &links);
    bool unlinkFile(const CueKey &cue, const QString &path);
    // False when the cue has no link to path (errorString() says so; not a database failure,
    // so errorOccurred stays quiet).
    bool setPreferredFile(const CueKey &cue, const QString &path);
    // Points every link to oldPath at the file a rescan found in its place, keeping when it was
    // added and whether it is preferred. A cue linked to both paths keeps one link, preferred
    // when either was.
    bool relinkMovedFile(const QString &oldPath, const AudioFileInfo &file);
    // relinkMovedFile() for each old path and its file, in one transaction: all or none.
    bool relinkMovedFiles(const QHash<QString, AudioFileInfo> &moves);

    // FileState::None, FileState::Linked, or FileState::Missing when every linked file is gone
    // from disk.
    FileState fileState(const CueKey &cue) const;
    // FileState::Linked for every cue with a link, from the table alone: no disk access. Hand
    // linkedPaths() to fileStatesOnDisk() on a worker to learn which are missing.
    QHash<CueKey, FileState> fileStates() const;
    QHash<CueKey, QStringList> linkedPaths() const;
    // Touches no database, so any thread may call it: FileState::Linked when one of a cue's
    // paths exists, else FileState::Missing.
    static QHash<CueKey, FileState> fileStatesOnDisk(const QHash<CueKey, QStringList> &paths);

signals:
    void linksChanged(const CueKey &cue);

private:
    // The number of links marked (0 or 1), or -1 on failure.
    int markPreferred(const CueKey &cue, const QString &path);
    static FileState stateOnDisk(const QStringList &paths);
};
