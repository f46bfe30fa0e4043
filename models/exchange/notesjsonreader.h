#pragma once

#include "exchange/cueuserdata.h"
#include "exchange/notesjson.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Reads and validates a notes backup (resources/userdata/notes-format.md) before anything of it
// is used: on success cues() holds every cue, note and marker of the file; on failure errors()
// lists every fault, each "FILE:LINE:COLUMN: PATH: WHAT" ("FILE: WHAT" for the file itself), and
// cues() is empty. A file of a newer format version is refused with that one fault, since its
// keys may mean something else. Unknown keys are warnings, as in catalogs.
class NotesJsonReader
{
public:
    static constexpr qint64 MaxFileSize = qint64(64) * 1024 * 1024;

    bool read(const QString &filePath);
    bool readData(const QByteArray &data, const QString &filePath);

    const QList<CueUserData> &cues() const { return m_cues; }
    NotesJson::Header header() const { return m_header; }
    QStringList errors() const { return m_errors; }
    QStringList warnings() const { return m_warnings; }

private:
    QList<CueUserData> m_cues;
    NotesJson::Header m_header;
    QStringList m_errors;
    QStringList m_warnings;
};
