#pragma once

#include "exchange/cueuserdata.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The JSON backup of notes and markers, resources/userdata/notes-format.md: its name, the
// version this build writes and reads, and the writer. NotesJsonReader reads it back.
namespace NotesJson {

inline constexpr QLatin1StringView FormatName {"cuebook-notes"};
inline constexpr int FormatVersion = 1;

// When and by what the file was written, for whoever reads it.
struct Header
{
    qint64 exportedAtMs = 0;
    QString appVersion;
};

// The file, UTF-8, two-space indented, keys in the order the format lists them. Times of day
// are UTC, "2025-03-01T09:30:00.000Z"; marker times are the catalog format's "m:ss[.fff]".
QByteArray write(const QList<CueUserData> &cues, const Header &header);

QString timestampText(qint64 msSinceEpoch);

} // namespace NotesJson
