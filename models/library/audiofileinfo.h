#pragma once

#include <QString>

// What a scan knows about one audio file: where it is, how to recognise it after a move (size,
// modification time, a hash of its first audio bytes) and what its tags say. Plain values:
// LibraryScanner fills them, TrackMatcher reads them, UserDatabase stores them as they are.
// An unreadable folder found by a scan is one entry too: its path, an empty fileName, and the
// reason.
struct AudioFileInfo
{
    QString path;
    // The folder that holds the file.
    QString folder;
    QString fileName;
    qint64 size = -1;
    // Last modification, in milliseconds since the epoch.
    qint64 mtime = -1;
    // Hex XXH64 (xxh64.h) of the first 64 KiB of the audio stream, tags and headers left out, so
    // that retagging a file keeps its hash. Empty when the file could not be read.
    QString audioHash;

    QString title;
    QString album;
    QString albumArtist;
    QString artist;
    QString composer;
    // 0 where the tags give none.
    int trackNumber = 0;
    int trackTotal = 0;
    int discNumber = 0;
    qint64 durationMs = -1;

    bool readable = true;
    QString unreadableReason;
};
