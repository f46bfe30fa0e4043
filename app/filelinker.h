#pragma once

#include "catalog/cuekey.h"
#include "library/filestate.h"
#include "navigation/location.h"
#include "navigation/paneaction.h"
#include "userdata/userdatabase.h"

#include <QFutureWatcher>
#include <QObject>
#include <QSet>

class CatalogModel;
class ErrorReporter;

// Links the user's audio files to cues: chosen in a file dialog, dropped on a track, found by a
// scan of a music folder, or located again when they went missing. It keeps the tree's file
// states true, checking on a worker which linked files are still on disk. Every file it could
// not link is named with the reason; nothing is unlinked but by the user's own choice.
class FileLinker : public QObject
{
    Q_OBJECT

public:
    // userData may be nullptr (it could not be opened): then every action says so and does
    // nothing. errors tells what failed and parents the dialogs.
    FileLinker(UserDatabase *userData, CatalogModel *catalogs, ErrorReporter *errors);

    bool isAvailable() const { return m_userData != nullptr; }

    void chooseFilesFor(const Location &cue);
    // Links each readable file to the cue; a folder, or a file that is not audio, is named in
    // one message with its reason. Returns how many were linked.
    int linkFiles(const Location &cue, const QStringList &paths);
    void scanMusicFolder();
    // Asks where a missing file went, relinks it for every cue, then finds the other files
    // missing from the same folder by name in the new one.
    void locate(const Location &cue, const QString &missingPath);
    // locate() for the first of the cue's files that is missing; says so when none is.
    void locateMissing(const Location &cue);
    void prefer(const Location &cue, const QString &path);
    // After the user confirms; the file itself is never touched.
    void unlink(const Location &cue, const QString &path);
    // Opens the folder that holds path in the desktop's file manager.
    void showInFolder(const QString &path);
    // The file actions of the panes (everything but Play).
    void perform(const PaneAction &action);

    // The states as the database knows them at once, then which files are gone, from a worker.
    void refreshFileStates();
    bool isCheckingDisk() const { return m_diskCheck.isRunning(); }
    // A file the player could not play: missing if it is gone, otherwise unplayable.
    void markFailed(const CueKey &cue, const QString &path);

signals:
    void statusMessage(const QString &message, int timeoutMs);
    // The disk check is done and the states in the tree are final.
    void fileStatesChecked();

private:
    QString cueTitle(const Location &cue) const;
    bool ensureAvailable();
    int relinkNeighbours(const QString &oldFolder, const QString &newFolder);
    void applyDiskCheck();

    UserDatabase *m_userData = nullptr;
    CatalogModel *m_catalogs = nullptr;
    ErrorReporter *m_errors = nullptr;
    QFutureWatcher<QHash<CueKey, FileState>> m_diskCheck;
    // Cues whose links changed while the disk was checked: the check's answer is old for them.
    QSet<CueKey> m_changedDuringCheck;
};
