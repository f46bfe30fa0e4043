#pragma once

#include "catalog/catalog.h"
#include "catalog/occurrences.h"

#include <QList>
#include <QString>
#include <QStringList>

// Where a release's (or a whole catalog's) themes are heard, as a matrix: its cues as rows, in
// album order or episode order, and its themes as columns, with a mark where a theme is heard.
// Each mark knows its occurrence (kind, time or position, source, note) and where in its cell it
// stands: at its time in the cue where both are known, else at the position the catalog gives.
// Plain values, built once per view of the map; the painting is ui/'s.
class ThemeMap
{
public:
    enum class RowOrder { Album, Episode };
    enum class ThemeOrder { FirstHeard, Count };

    struct Options
    {
        // Empty: every release of the catalog, each cue once, where it is first heard.
        QString releaseId;
        // Empty: every theme heard in the rows.
        QStringList themeIds;
        bool catalogOccurrences = true;
        bool userMarkers = true;
        RowOrder rowOrder = RowOrder::Album;
        ThemeOrder themeOrder = ThemeOrder::FirstHeard;

        static Options ofRelease(const QString &releaseId)
        {
            Options options;
            options.releaseId = releaseId;
            return options;
        }
    };

    struct Row
    {
        QString cueId;
        QString title;
        // "4", "2-04" (a release's track), or the episode, or empty.
        QString label;
        QString episode;
        qint64 durationMs = -1;
    };

    struct Column
    {
        QString themeId;
        QString name;
        // Rows of this map where the theme is heard.
        int cueCount = 0;
    };

    struct Mark
    {
        int row = -1;
        int column = -1;
        OccurrenceRow occurrence;
        // Where in the cell, 0 (the cue's start) to 1 (its end); end > start for a range
        // (a timed one, or "throughout"). known is false when neither a time nor a position is
        // given: the mark stands in the middle, and says so.
        double start = 0.5;
        double end = -1;
        bool known = false;
        // Who states it, as the catalog names its sources: "Jeff Russo, Noah Marconi".
        QString sources;

        bool isUsers() const { return occurrence.isUsers(); }
    };

    // usersRows: the user's markers that name a theme, as Occurrences rows (any catalog; those
    // of other catalogs are left out).
    static ThemeMap build(
        const Catalog &catalog, const Options &options, const QList<OccurrenceRow> &usersRows = {});

    QString catalogId;
    // "Star Trek: Picard – Season 1 (Original Series Soundtrack)", or the catalog's title.
    QString title;
    QList<Row> rows;
    QList<Column> columns;
    // By row, then column, then start.
    QList<Mark> marks;

    bool isEmpty() const { return marks.isEmpty(); }
    // The marks of a cell, in the order of marks.
    QList<int> marksAt(int row, int column) const;
};
