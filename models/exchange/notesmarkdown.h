#pragma once

#include "exchange/cueuserdata.h"
#include "exchange/notesjson.h"

#include <QByteArray>
#include <QList>

class CatalogNames;

// Notes and markers as Markdown, to read and to share (not to import): a heading per catalog and
// per cue (its title and episode where the catalog is open, its id where it is not), the note as
// written, then the markers as a list, "1:12 — the March in the horns (theme: Picard's march,
// statement)". Times are rounded down to the second, for reading; the JSON backup keeps them
// exactly.
namespace NotesMarkdown {

QByteArray write(
    const QList<CueUserData> &cues, const CatalogNames &names, const NotesJson::Header &header);

// One marker's line, without the list's "- ".
QString markerLine(const Marker &marker, const CatalogNames &names);

} // namespace NotesMarkdown
