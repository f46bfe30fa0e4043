#pragma once

#include "library/audiofileinfo.h"

#include <QString>

// A file's tags as the user database stores them: one JSON object, so that reading more of
// them needs no new columns. Shared by the stores that keep files (links and the scan cache).
namespace TagsJson {

// Leaves out what the file lacks.
QString toJson(const AudioFileInfo &file);
// Sets every tag field of file from text; a field text lacks becomes empty or 0.
void read(AudioFileInfo &file, const QString &text);

} // namespace TagsJson
