#pragma once

#include "catalog/catalog.h"
#include "catalog/cuekey.h"

#include <QList>
#include <QString>

// One occurrence a query found, copied out of its catalog so that it outlives the catalog being
// closed: the catalog it comes from and the occurrence itself. The user's own occurrences (their
// markers that name a theme) travel as rows too, with the id of the marker they stand for.
struct OccurrenceRow
{
    QString catalogId;
    Occurrence occurrence;
    // The user's marker this row stands for; empty for an occurrence the catalog states.
    QString markerId;

    CueKey cue() const { return CueKey {catalogId, occurrence.cueId}; }
    bool isUsers() const { return !markerId.isEmpty(); }
};

// Where themes are heard, over the open catalogs (in the order given): the queries behind theme
// navigation, and the plain-language text for an occurrence's kind and place.
//
// A theme is its id, across catalogs: when two open catalogs both define "romulan", its rows
// come from both. Ids are the vocabulary catalogs share (resources/catalogs/catalog-format.md);
// names are spelled differently by different writers, so they cannot be the key. A cue belongs
// to one catalog.
namespace Occurrences {

// The cue's occurrences by start time; one without a time sorts by its position (opening,
// middle, throughout, ending) at the point of the cue that position stands for, and one with
// neither comes last. Ties keep the catalog's order. Empty for an unknown catalog or cue.
// usersRows, the user's own occurrences, are placed among the catalog's in the same order (after
// the catalog's at the same time); the ones of another cue are left out.
QList<OccurrenceRow> ofCue(
    const QList<Catalog> &catalogs, const CueKey &cue, const QList<OccurrenceRow> &usersRows = {});

// Every occurrence of the theme in every catalog, in album order: catalog order, then the first
// release and track of each cue (a cue on no release after the released ones), then the order
// within the cue as ofCue() gives it. The occurrences of one cue are next to each other.
// usersRows are placed in the same order; the ones of another theme, or of a cue no open
// catalog has, are left out.
QList<OccurrenceRow> ofTheme(const QList<Catalog> &catalogs, const QString &themeId,
    const QList<OccurrenceRow> &usersRows = {});

// How many distinct cues quote the theme, over every catalog.
int cueCountOfTheme(const QList<Catalog> &catalogs, const QString &themeId);

// "Statement", "Quotation", ...; empty for an unknown kind.
QString kindText(Occurrence::Kind kind);
// "0:21–0:50", "1:12", or the position in words ("opening", "towards the end"); empty when the
// catalog says neither.
QString whereText(const Occurrence &occurrence);
// A source as a line of text names it: who wrote it, or else where it appeared, or else its
// title.
QString sourceName(const Source &source);

} // namespace Occurrences
