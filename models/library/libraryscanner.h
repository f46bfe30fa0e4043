#pragma once

#include "catalog/catalog.h"
#include "library/audiofileinfo.h"
#include "library/matching/trackmatcher.h"

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

// What one scan found: every audio file under the folder (and every subfolder it could not
// read), in walk order (names sorted, a folder's files before its subfolders), each with the
// matcher's proposal. Nothing is stored yet: the user reviews it, UserDatabase stores it.
struct ScanResult
{
    QString folder;
    QList<AudioFileInfo> files;
    // One per file, same order.
    QList<MatchResult> matches;
    // By index in files: the linked path that file is, moved (a linked file gone from disk
    // whose audio this one has; LibraryScanner::relocate). Its links follow it, so its match is
    // the matcher's idea only, and is not counted below.
    QHash<qsizetype, QString> movedFrom;
    // Folders scanned before (LibraryScanner::setScanFolders) that no longer exist.
    QStringList goneFolders;
    // Files not opened again because a previous scan knew them unchanged.
    int reusedCount = 0;
    int movedCount = 0;
    int linkedCount = 0;
    int ambiguousCount = 0;
    int unmatchedCount = 0;
    int unreadableCount = 0;
};

// Walks a music folder off the GUI thread, reads each audio file's tags, duration and audio hash
// (AudioFileReader), proposes links (TrackMatcher), and hands the result back on the GUI thread.
// One scan at a time; each ends in exactly one of finished(), canceled() or errorOccurred().
// Hidden files and folders (".AppleDouble", "._01.flac") are skipped; links to folders are
// followed once.
class LibraryScanner : public QObject
{
    Q_OBJECT

public:
    explicit LibraryScanner(QObject *parent = nullptr);
    // Cancels a scan under way and waits for its thread to stop.
    ~LibraryScanner() override;

    // The catalogs the next scan matches against.
    void setCatalogs(const QList<Catalog> &catalogs);
    // The files links point to. The next scan looks for those gone from disk among the files it
    // finds, each found file standing for one of them at most (ScanResult::movedFrom).
    void setLinkedFiles(const QList<AudioFileInfo> &files);
    // The folders scanned before: the next scan says which no longer exist
    // (ScanResult::goneFolders).
    void setScanFolders(const QStringList &folders);

    // Starts scanning folder and everything under it, and returns true; false when a scan is
    // already under way. A file whose path, size and modification time equal an entry of known
    // (what an earlier scan found, by path) is not opened again: that entry is used as it is.
    bool scan(const QString &folder, const QHash<QString, AudioFileInfo> &known = {});
    // The scan stops soon after; canceled() follows, and its result is never reported.
    void cancel();
    bool isScanning() const { return m_watcher != nullptr; }

    // Where a file that went missing is now: the index in scanned of the file with the same
    // audio hash and a duration within a second of it, preferring the same size, then the same
    // title, album and file name; the first such file when copies tie. -1 when there is none.
    static qsizetype relocate(const AudioFileInfo &missing, const QList<AudioFileInfo> &scanned);

signals:
    // done of total audio files, from (0, total) once the folder has been walked (a folder with
    // no audio files reports no progress) to (total, total).
    void progressChanged(int done, int total);
    void finished(const ScanResult &result);
    void canceled();
    void errorOccurred(const QString &message);

private:
    struct Outcome
    {
        ScanResult result;
        QString error;
    };

    // What the worker is handed besides the folder: values only.
    struct Inputs
    {
        QHash<QString, AudioFileInfo> known;
        QList<Catalog> catalogs;
        QList<AudioFileInfo> linkedFiles;
        QStringList scanFolders;
    };

    static void run(QPromise<Outcome> &promise, const QString &folder, const Inputs &inputs);
    static void findMoves(ScanResult &result, const QList<AudioFileInfo> &linkedFiles);
    void scanEnded();

    QList<Catalog> m_catalogs;
    QList<AudioFileInfo> m_linkedFiles;
    QStringList m_scanFolders;
    QFutureWatcher<Outcome> *m_watcher = nullptr;
    bool m_canceling = false;
    int m_total = 0;
};
