#include "filelinker.h"

#include "errorreporter.h"
#include "itemmodels/catalogmodel.h"
#include "library/audiofilereader.h"
#include "scandialog.h"
#include "userdata/filelinkstore.h"
#include "userdata/scancachestore.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QUrl>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace {

QString audioFileFilter()
{
    QStringList patterns;
    for (const QString &suffix : AudioFileReader::suffixes())
        patterns.append(u"*."_s + suffix);
    return FileLinker::tr("Audio files (%1);;All files (*)").arg(patterns.join(u' '));
}

// The folder to open a dialog in for a file that is gone: the nearest folder of its path that
// still exists.
QString nearestExistingFolder(const QString &path)
{
    QDir folder = QFileInfo(path).dir();
    while (!folder.exists() && !folder.isRoot()) {
        if (!folder.cdUp())
            break;
    }
    return folder.exists() ? folder.absolutePath() : QDir::homePath();
}

} // namespace

FileLinker::FileLinker(UserDatabase *userData, CatalogModel *catalogs, ErrorReporter *errors)
    : QObject(errors->window())
    , m_userData(userData)
    , m_catalogs(catalogs)
    , m_errors(errors)
{
    connect(&m_diskCheck, &QFutureWatcherBase::finished, this, &FileLinker::applyDiskCheck);
    if (m_userData) {
        connect(
            m_userData->fileLinks(), &FileLinkStore::linksChanged, this, [this](const CueKey &cue) {
                if (m_diskCheck.isRunning())
                    m_changedDuringCheck.insert(cue);
                m_catalogs->setFileState(cue, m_userData->fileLinks()->fileState(cue));
            });
    }
}

QString FileLinker::cueTitle(const Location &cue) const
{
    const Catalog *catalog = m_catalogs->catalog(cue.catalogId);
    const Cue *found = catalog ? catalog->cue(cue.id) : nullptr;
    return found ? found->title : cue.id;
}

bool FileLinker::ensureAvailable()
{
    if (m_userData)
        return true;
    emit statusMessage(tr("Files cannot be linked: the user database could not be opened."), 10000);
    return false;
}

void FileLinker::chooseFilesFor(const Location &cue)
{
    const Catalog *catalog = m_catalogs->catalog(cue.catalogId);
    if (cue.kind != Location::Cue || !catalog || !catalog->cue(cue.id)) {
        emit statusMessage(tr("Choose a track first, then link a file to it."), 8000);
        return;
    }
    if (!ensureAvailable())
        return;
    const QStringList files = QFileDialog::getOpenFileNames(m_errors->window(),
        tr("Link Audio Files to “%1”").arg(cueTitle(cue)), QString(), audioFileFilter());
    if (!files.isEmpty())
        linkFiles(cue, files);
}

int FileLinker::linkFiles(const Location &cue, const QStringList &paths)
{
    const Catalog *catalog = m_catalogs->catalog(cue.catalogId);
    if (cue.kind != Location::Cue || !catalog || !catalog->cue(cue.id) || !ensureAvailable())
        return 0;
    QStringList refused;
    QStringList linked;
    for (const QString &path : paths) {
        const QFileInfo file(path);
        if (file.isDir()) {
            refused.append(
                tr("%1: a folder; use File > Scan Music Folder… to link a folder's files.")
                    .arg(path));
            continue;
        }
        const AudioFileInfo info = AudioFileReader::read(file);
        if (!info.readable) {
            refused.append(tr("%1: %2").arg(path, info.unreadableReason));
            continue;
        }
        FileLink link;
        link.cue = cue.cueKey();
        link.file = info;
        if (m_userData->fileLinks()->linkFile(link))
            linked.append(file.fileName());
        else
            refused.append(m_userData->errorString());
    }
    if (!refused.isEmpty()) {
        m_errors->reportBlocking(tr("Files Not Linked"),
            tr("These files were not linked to “%1”:\n\n%2")
                .arg(cueTitle(cue), refused.join(u'\n')));
    }
    if (linked.size() == 1)
        emit statusMessage(
            tr("Linked “%1” to “%2”.").arg(linked.constFirst(), cueTitle(cue)), 8000);
    else if (!linked.isEmpty())
        emit statusMessage(
            tr("Linked %1 files to “%2”.").arg(linked.size()).arg(cueTitle(cue)), 8000);
    return int(linked.size());
}

void FileLinker::scanMusicFolder()
{
    if (!ensureAvailable())
        return;
    const QString folder
        = QFileDialog::getExistingDirectory(m_errors->window(), tr("Scan Music Folder"));
    if (folder.isEmpty())
        return;
    ScanDialog dialog(m_catalogs->catalogs(), folder, m_userData, m_errors->window());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QHash<QString, AudioFileInfo> moves = dialog.chosenMoves();
    const QList<FileLink> links = dialog.chosenLinks();
    // Moves first: a moved file's links are then at its new path, and a link the scan proposes
    // for it updates that one rather than adding a second.
    if (!m_userData->fileLinks()->relinkMovedFiles(moves)
        || !m_userData->fileLinks()->storeLinks(links)
        || !m_userData->scanCache()->storeKnownFiles(folder, dialog.scanResult().files)) {
        m_errors->reportBlocking(tr("Links Not Stored"), m_userData->errorString());
        return;
    }
    refreshFileStates();
    const QString linked = links.size() == 1
        ? tr("Linked 1 file from %1.").arg(folder)
        : tr("Linked %1 files from %2.").arg(links.size()).arg(folder);
    emit statusMessage(moves.isEmpty() ? linked
                                       : linked + u' '
                + tr("The links of %n moved file(s) followed them.", nullptr, int(moves.size())),
        10000);
}

void FileLinker::locate(const Location &cue, const QString &missingPath)
{
    if (!ensureAvailable())
        return;
    const QString found = QFileDialog::getOpenFileName(m_errors->window(),
        tr("Locate “%1”").arg(QFileInfo(missingPath).fileName()),
        nearestExistingFolder(missingPath), audioFileFilter());
    if (found.isEmpty())
        return;
    const AudioFileInfo info = AudioFileReader::read(QFileInfo(found));
    if (!info.readable) {
        m_errors->reportBlocking(tr("File Not Linked"),
            tr("“%1” was not linked to “%2”: %3").arg(found, cueTitle(cue), info.unreadableReason));
        return;
    }
    if (!m_userData->fileLinks()->relinkMovedFile(missingPath, info)) {
        m_errors->reportBlocking(tr("File Not Linked"), m_userData->errorString());
        return;
    }
    const int others
        = relinkNeighbours(QFileInfo(missingPath).absolutePath(), QFileInfo(found).absolutePath());
    emit statusMessage(others == 0
            ? tr("“%1” is linked again.").arg(cueTitle(cue))
            : tr("“%1” is linked again, and %2 other missing files were found beside it.")
                  .arg(cueTitle(cue))
                  .arg(others),
        10000);
}

void FileLinker::locateMissing(const Location &cue)
{
    if (cue.kind != Location::Cue) {
        emit statusMessage(tr("Choose a track first, then locate its file."), 8000);
        return;
    }
    if (!ensureAvailable())
        return;
    for (const FileLink &link : m_userData->fileLinks()->links(cue.cueKey())) {
        if (!QFileInfo::exists(link.file.path)) {
            locate(cue, link.file.path);
            return;
        }
    }
    emit statusMessage(m_userData->fileLinks()->links(cue.cueKey()).isEmpty()
            ? tr("No audio file is linked to “%1”: use Link Audio File… (Ctrl+L).")
                  .arg(cueTitle(cue))
            : tr("Every audio file of “%1” is where it was.").arg(cueTitle(cue)),
        8000);
}

// When one file of an album turns up in a new folder, the rest of the album is usually there too.
int FileLinker::relinkNeighbours(const QString &oldFolder, const QString &newFolder)
{
    if (oldFolder == newFolder)
        return 0;
    QStringList missing;
    for (const FileLink &link : m_userData->fileLinks()->allLinks()) {
        const QFileInfo old(link.file.path);
        if (old.absolutePath() == oldFolder && !missing.contains(link.file.path) && !old.exists())
            missing.append(link.file.path);
    }
    int relinked = 0;
    for (const QString &path : std::as_const(missing)) {
        const QFileInfo candidate(QDir(newFolder).filePath(QFileInfo(path).fileName()));
        if (!candidate.isFile())
            continue;
        const AudioFileInfo info = AudioFileReader::read(candidate);
        if (info.readable && m_userData->fileLinks()->relinkMovedFile(path, info))
            ++relinked;
    }
    return relinked;
}

void FileLinker::prefer(const Location &cue, const QString &path)
{
    if (!ensureAvailable())
        return;
    if (m_userData->fileLinks()->setPreferredFile(cue.cueKey(), path)) {
        emit statusMessage(
            tr("“%1” now plays “%2”.").arg(cueTitle(cue), QFileInfo(path).fileName()), 8000);
        return;
    }
    m_errors->reportPassing(m_userData->errorString());
}

void FileLinker::unlink(const Location &cue, const QString &path)
{
    if (!ensureAvailable())
        return;
    const auto answer = QMessageBox::question(m_errors->window(), tr("Unlink Audio File"),
        tr("Unlink “%1” from “%2”?\n\nThe file itself stays where it is.")
            .arg(QFileInfo(path).fileName(), cueTitle(cue)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (m_userData->fileLinks()->unlinkFile(cue.cueKey(), path)) {
        emit statusMessage(
            tr("Unlinked “%1” from “%2”.").arg(QFileInfo(path).fileName(), cueTitle(cue)), 8000);
        return;
    }
    m_errors->reportPassing(m_userData->errorString());
}

void FileLinker::showInFolder(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        m_errors->reportPassing(tr("No file manager could open %1.").arg(folder));
}

void FileLinker::perform(const PaneAction &action)
{
    switch (action.kind) {
    case PaneAction::LinkFile:
        chooseFilesFor(action.cue);
        break;
    case PaneAction::LocateFile:
        locate(action.cue, action.path);
        break;
    case PaneAction::PreferFile:
        prefer(action.cue, action.path);
        break;
    case PaneAction::UnlinkFile:
        unlink(action.cue, action.path);
        break;
    case PaneAction::ShowFile:
        showInFolder(action.path);
        break;
    case PaneAction::Play:
    case PaneAction::PlayRelease:
    case PaneAction::Seek:
    case PaneAction::None:
        break;
    }
}

void FileLinker::refreshFileStates()
{
    if (!m_userData)
        return;
    // One read of the table: the cues it names are linked at once, for those the tree shows no
    // file for yet (a catalog just opened); the others keep what they show until the worker has
    // checked the disk.
    const QHash<CueKey, QStringList> paths = m_userData->fileLinks()->linkedPaths();
    for (auto it = paths.cbegin(); it != paths.cend(); ++it) {
        if (m_catalogs->fileState(it.key()) == FileState::None)
            m_catalogs->setFileState(it.key(), FileState::Linked);
    }
    if (m_diskCheck.isRunning())
        m_diskCheck.cancel();
    m_changedDuringCheck.clear();
    m_diskCheck.setFuture(QtConcurrent::run(&FileLinkStore::fileStatesOnDisk, paths));
}

void FileLinker::applyDiskCheck()
{
    if (m_diskCheck.isCanceled())
        return;
    const QHash<CueKey, FileState> states = m_diskCheck.result();
    int missing = 0;
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        if (m_changedDuringCheck.contains(it.key()))
            continue;
        // A file the player already found wanting stays marked until it is linked again.
        if (it.value() == FileState::Linked
            && m_catalogs->fileState(it.key()) == FileState::Unplayable)
            continue;
        m_catalogs->setFileState(it.key(), it.value());
        missing += it.value() == FileState::Missing ? 1 : 0;
    }
    m_changedDuringCheck.clear();
    if (missing > 0) {
        emit statusMessage(missing == 1 ? tr("The audio file of 1 cue is missing: select its track "
                                             "and use Play > Locate Missing File…")
                                        : tr("The audio files of %1 cues are missing: select a "
                                             "track and use Play > Locate Missing File…")
                                              .arg(missing),
            15000);
    }
    emit fileStatesChecked();
}

void FileLinker::markFailed(const CueKey &cue, const QString &path)
{
    m_catalogs->setFileState(
        cue, QFileInfo::exists(path) ? FileState::Unplayable : FileState::Missing);
}
