#include "library/libraryscanner.h"

#include "library/audiofilereader.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPromise>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace {

// One thing the walk found: an audio file to read, or a folder it could not enter.
struct Entry
{
    QFileInfo info;
    bool isUnreadableFolder = false;
};

AudioFileInfo unreadableFolder(const QFileInfo &folder)
{
    AudioFileInfo info;
    info.path = folder.absoluteFilePath();
    info.folder = info.path;
    info.readable = false;
    info.unreadableReason = LibraryScanner::tr("folder cannot be read: permission denied");
    return info;
}

// Depth first, names sorted, a folder's files before its subfolders. False when canceled.
template<typename Promise>
bool walk(Promise &promise, const QString &root, QList<Entry> &entries)
{
    QStringList pending = {root};
    QSet<QString> visited;
    while (!pending.isEmpty()) {
        if (promise.isCanceled())
            return false;
        const QFileInfo folder(pending.takeLast());
        // A link back up the tree would otherwise be walked forever.
        const QString canonical = folder.canonicalFilePath();
        if (visited.contains(canonical))
            continue;
        visited.insert(canonical);
        if (!folder.isReadable() || !folder.isExecutable()) {
            entries.append({folder, true});
            continue;
        }
        const QFileInfoList children
            = QDir(folder.absoluteFilePath())
                  .entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
        QStringList subfolders;
        for (const QFileInfo &child : children) {
            if (child.isDir())
                subfolders.append(child.absoluteFilePath());
            else if (child.isFile() && AudioFileReader::hasAudioSuffix(child.fileName()))
                entries.append({child, false});
        }
        for (auto it = subfolders.crbegin(); it != subfolders.crend(); ++it)
            pending.append(*it);
    }
    return true;
}

void count(ScanResult &result)
{
    result.movedCount = int(result.movedFrom.size());
    for (qsizetype i = 0; i < result.matches.size(); ++i) {
        if (result.movedFrom.contains(i))
            continue;
        switch (result.matches.at(i).status) {
        case MatchResult::Linked:
            ++result.linkedCount;
            break;
        case MatchResult::Ambiguous:
            ++result.ambiguousCount;
            break;
        case MatchResult::Unmatched:
            ++result.unmatchedCount;
            break;
        case MatchResult::Unreadable:
            ++result.unreadableCount;
            break;
        }
    }
}

} // namespace

LibraryScanner::LibraryScanner(QObject *parent)
    : QObject(parent)
{ }

LibraryScanner::~LibraryScanner()
{
    // The worker holds copies only, but a thread left reading a disk at exit helps nobody.
    if (m_watcher) {
        m_watcher->cancel();
        m_watcher->waitForFinished();
    }
}

void LibraryScanner::setCatalogs(const QList<Catalog> &catalogs)
{
    m_catalogs = catalogs;
}

void LibraryScanner::setLinkedFiles(const QList<AudioFileInfo> &files)
{
    m_linkedFiles = files;
}

void LibraryScanner::setScanFolders(const QStringList &folders)
{
    m_scanFolders = folders;
}

bool LibraryScanner::scan(const QString &folder, const QHash<QString, AudioFileInfo> &known)
{
    if (m_watcher)
        return false;
    m_canceling = false;
    m_total = 0;
    // One watcher per scan: reusing one from inside its own finished() loses signals.
    m_watcher = new QFutureWatcher<Outcome>(this);
    // The watcher also reports the future's initial, empty range: progress starts with the
    // walk's count of files.
    connect(m_watcher, &QFutureWatcherBase::progressRangeChanged, this, [this](int, int maximum) {
        m_total = maximum;
        if (m_total > 0 && !m_canceling)
            emit progressChanged(0, m_total);
    });
    connect(m_watcher, &QFutureWatcherBase::progressValueChanged, this, [this](int value) {
        if (m_total > 0 && !m_canceling)
            emit progressChanged(value, m_total);
    });
    connect(m_watcher, &QFutureWatcherBase::finished, this, &LibraryScanner::scanEnded);
    m_watcher->setFuture(QtConcurrent::run(
        &LibraryScanner::run, folder, Inputs {known, m_catalogs, m_linkedFiles, m_scanFolders}));
    return true;
}

void LibraryScanner::cancel()
{
    if (!m_watcher)
        return;
    // Remembered here rather than asked of the future: a scan that finishes in the meantime is
    // still reported as canceled, as the user asked.
    m_canceling = true;
    m_watcher->cancel();
}

void LibraryScanner::scanEnded()
{
    QFutureWatcher<Outcome> *watcher = std::exchange(m_watcher, nullptr);
    watcher->deleteLater();
    if (m_canceling || watcher->future().resultCount() == 0) {
        emit canceled();
        return;
    }
    const Outcome outcome = watcher->result();
    if (!outcome.error.isEmpty())
        emit errorOccurred(outcome.error);
    else
        emit finished(outcome.result);
}

void LibraryScanner::run(QPromise<Outcome> &promise, const QString &folder, const Inputs &inputs)
{
    const QHash<QString, AudioFileInfo> &known = inputs.known;
    Outcome outcome;
    const QFileInfo root(folder);
    if (!root.exists()) {
        outcome.error = tr("The folder “%1” does not exist.").arg(folder);
    } else if (!root.isDir()) {
        outcome.error = tr("“%1” is not a folder.").arg(folder);
    } else if (!root.isReadable() || !root.isExecutable()) {
        outcome.error = tr("The folder “%1” cannot be read: permission denied.").arg(folder);
    }
    if (!outcome.error.isEmpty()) {
        promise.addResult(outcome);
        return;
    }

    ScanResult &result = outcome.result;
    result.folder = QDir::cleanPath(root.absoluteFilePath());
    QList<Entry> entries;
    if (!walk(promise, result.folder, entries))
        return;
    const int total = int(std::count_if(entries.cbegin(), entries.cend(),
        [](const Entry &entry) { return !entry.isUnreadableFolder; }));
    promise.setProgressRange(0, total);

    int done = 0;
    result.files.reserve(entries.size());
    for (const Entry &entry : std::as_const(entries)) {
        if (promise.isCanceled())
            return;
        if (entry.isUnreadableFolder) {
            result.files.append(unreadableFolder(entry.info));
            continue;
        }
        // An unreadable file is read again: a permission may have changed without its mtime.
        const auto previous = known.constFind(entry.info.absoluteFilePath());
        if (previous != known.constEnd() && previous->readable
            && previous->size == entry.info.size()
            && previous->mtime == entry.info.lastModified().toMSecsSinceEpoch()) {
            result.files.append(*previous);
            ++result.reusedCount;
        } else {
            result.files.append(AudioFileReader::read(entry.info));
        }
        promise.setProgressValue(++done);
    }
    result.matches = TrackMatcher::match(inputs.catalogs, result.files);
    findMoves(result, inputs.linkedFiles);
    for (const QString &scanned : inputs.scanFolders) {
        if (!QFileInfo::exists(scanned))
            result.goneFolders.append(scanned);
    }
    count(result);
    promise.addResult(std::move(outcome));
}

void LibraryScanner::findMoves(ScanResult &result, const QList<AudioFileInfo> &linkedFiles)
{
    // Only what can be a move: found files by audio hash, then the linked files gone from disk.
    QHash<QString, QList<qsizetype>> byHash;
    for (qsizetype i = 0; i < result.files.size(); ++i) {
        const AudioFileInfo &file = result.files.at(i);
        if (file.readable && !file.audioHash.isEmpty())
            byHash[file.audioHash].append(i);
    }
    if (byHash.isEmpty())
        return;
    QSet<QString> checked;
    for (const AudioFileInfo &linked : linkedFiles) {
        const auto candidates = byHash.constFind(linked.audioHash);
        if (candidates == byHash.constEnd() || checked.contains(linked.path))
            continue;
        checked.insert(linked.path);
        if (QFileInfo::exists(linked.path))
            continue;
        // One found file stands for one gone file: of two copies that were linked, the one
        // found is not also the other.
        QList<AudioFileInfo> unclaimed;
        QList<qsizetype> indexes;
        for (const qsizetype i : *candidates) {
            if (!result.movedFrom.contains(i)) {
                unclaimed.append(result.files.at(i));
                indexes.append(i);
            }
        }
        const qsizetype found = relocate(linked, unclaimed);
        if (found >= 0)
            result.movedFrom.insert(indexes.at(found), linked.path);
    }
}

qsizetype LibraryScanner::relocate(
    const AudioFileInfo &missing, const QList<AudioFileInfo> &scanned)
{
    if (missing.audioHash.isEmpty())
        return -1;
    qsizetype best = -1;
    int bestRank = -1;
    for (qsizetype i = 0; i < scanned.size(); ++i) {
        const AudioFileInfo &file = scanned.at(i);
        if (!file.readable || file.audioHash != missing.audioHash)
            continue;
        // The hash covers the first moments of audio only: a longer cut of the same cue shares it.
        if (missing.durationMs >= 0 && file.durationMs >= 0
            && std::abs(missing.durationMs - file.durationMs) > 1000)
            continue;
        const int rank = (file.size == missing.size ? 8 : 0) + (file.title == missing.title ? 4 : 0)
            + (file.album == missing.album ? 2 : 0) + (file.fileName == missing.fileName ? 1 : 0);
        if (rank > bestRank) {
            best = i;
            bestRank = rank;
        }
    }
    return best;
}
