#pragma once

#include "library/audiofileinfo.h"
#include "library/matching/titlematch.h"

#include <QList>

// Files that are likely one album, as TrackMatcher sees them: same folder, album tag, album artist
// and format. A folder holding an album as FLAC and as MP3 makes two groups, so both copies link.
// A file without an album tag takes its folder's name for one ("CD 2" takes its parent's, and
// disc 2), and without a title its file name less the track number ("05 - Twins").
struct AlbumGroup
{
    struct File
    {
        // Where the file is in the list the groups were made from.
        int index = -1;
        TitleMatch::Words title;
        qint64 durationMs = -1;
        int number = 0;
        int disc = 0;
        int total = 0;
    };

    TitleMatch::Words album;
    // The artists, album artists and composers the tags name ("Various Artists" left out).
    QList<TitleMatch::Words> names;
    QList<File> files;

    // Groups in the order their first file comes; unreadable files are in none.
    static QList<AlbumGroup> fromFiles(const QList<AudioFileInfo> &files);
};
