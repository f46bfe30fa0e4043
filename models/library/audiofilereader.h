#pragma once

#include "library/audiofileinfo.h"

#include <QStringList>

class QFileInfo;

// Reads what a scan stores about one audio file: size, modification time, the audio hash, and
// tags and duration through TagLib. Synchronous and stateless, so the scanner's worker thread and
// "Link Audio File…" on the GUI thread can both call it; it never shares TagLib objects.
namespace AudioFileReader {

// The suffixes a scan looks at, lower case, without the dot.
const QStringList &suffixes();
bool hasAudioSuffix(QStringView fileName);

// Never fails: a file that cannot be read comes back with readable false and a reason a user
// can act on (empty file, permission denied, not audio despite its name, damaged).
AudioFileInfo read(const QFileInfo &file);

} // namespace AudioFileReader
