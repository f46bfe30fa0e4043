#pragma once

#include "catalog/cuekey.h"
#include "library/audiofileinfo.h"

#include <QDateTime>
#include <QString>

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
