#pragma once

#include "catalog/catalog.h"
#include "catalog/cuekey.h"

#include <QList>
#include <QString>
#include <QStringList>

class QTextStream;

// The headless import and export of notes and markers: --export-notes, --import-notes,
// --export-labels and --import-labels. Each reads the catalogs a user would have open (the
// bundled one, --catalog FILEs, and the files of the window's last session) to name cues and to
// check a CATALOG_ID/CUE_ID, uses the user database CUEBOOK_USER_DATABASE names (else the
// default one), and prints one sentence: what it did on standard output, or why it did nothing on
// standard error, with every fault of a refused file. Exit status 0, or 1 with nothing changed.
class ExchangeCommand
{
public:
    enum Kind { ExportNotes, ImportNotes, ExportLabels, ImportLabels };

    Kind kind = ExportNotes;
    QString file;
    // CATALOG_ID/CUE_ID for labels; CATALOG_ID or CATALOG_ID/CUE_ID (--only) for an export of
    // notes, empty for all.
    QString cue;
    QStringList catalogFiles;

    int run(QTextStream &out, QTextStream &err) const;

    // The catalogs a user would have open: the bundled one and catalogFiles (false, with their
    // faults on err, when one of those cannot be read), then the files of the window's last
    // session (one that cannot be read is told and passed over).
    static bool readCatalogs(
        const QStringList &catalogFiles, QList<Catalog> &catalogs, QTextStream &err);
    // CUEBOOK_USER_DATABASE, else the default file.
    static QString userDatabasePath();

private:
    QString unknownCue(const QList<Catalog> &catalogs, const CueKey &key) const;
};
