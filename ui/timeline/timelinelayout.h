#pragma once

#include "catalog/catalog.h"
#include "userdata/marker.h"

#include <QFont>
#include <QHash>
#include <QList>
#include <QRectF>
#include <QString>

class TimelineScale;

// What a timeline shows, as values: the cue's length, the catalog's occurrences of its themes,
// the user's markers, and where it plays. A timeline holds one and draws it; nothing here points
// into a catalog or a database.
struct TimelineContent
{
    qint64 durationMs = 0;
    QList<Occurrence> occurrences;
    QList<Marker> markers;
    // Theme names by id, for occurrences' and markers' labels; an unnamed theme shows its id.
    QHash<QString, QString> themeNames;
    QString selectedMarkerId;
    // The playhead, -1 when this cue is not the one playing.
    qint64 positionMs = -1;
    // Where the last click or key put the user, -1 for nowhere: drawn while nothing plays.
    qint64 cursorMs = -1;
    // The strip under the player bar: no ruler, labels or overview.
    bool compact = false;
    // Said in the track instead of the waveform ("No audio file linked"); empty to draw it.
    QString waveformMessage;

    QString themeName(const QString &themeId) const;
};

// Where each part of the content falls for a size and a view: the rows (ruler, track, overview)
// and the items in view, with the labels that fit. Both painting and the mouse read it, so that
// what is hit is what is drawn.
class TimelineLayout
{
public:
    // Where an occurrence stands in the cue: exact where the catalog times it, a soft band over
    // the opening, middle or ending third where it only places it, the whole cue throughout.
    // start == end for a moment; start < 0 when the catalog says nothing of where.
    struct Span
    {
        qint64 start = -1;
        qint64 end = -1;
        bool soft = false;
    };
    static Span spanOf(const Occurrence &occurrence, qint64 durationMs);

    struct MarkerItem
    {
        int index = -1; // into TimelineContent::markers
        double x = 0;
        double endX = 0; // == x for a point
        QRectF flag; // empty when its label did not fit
        QString flagText;
        bool range = false;
    };
    struct OccurrenceItem
    {
        int index = -1; // into TimelineContent::occurrences
        double x = 0;
        double endX = 0;
        Span span;
        QRectF chip; // empty when its label did not fit
        QString chipText;
    };

    TimelineLayout() = default;
    // Labels are laid out left to right, as a cue sheet's margin fills: one that would overlap
    // the one before it is left out (its item is still drawn and still has a tooltip). The
    // scale's track must be trackArea(contents…).
    TimelineLayout(const TimelineContent &content, const TimelineScale &scale,
        const QRectF &contents, const QFont &labelFont);

    // The part of contents where time runs, whatever the content.
    static QRectF trackArea(const QRectF &contents, const QFont &labelFont, bool compact);

    QRectF ruler;
    QRectF track;
    // The row of marker flags at the top of the track, and of occurrence chips at its bottom.
    QRectF flagRow;
    QRectF chipRows;
    QRectF overview;
    QList<MarkerItem> markers; // in view, by start
    // Those placed nowhere (span.start < 0) first, labels only; then those in view, by start.
    QList<OccurrenceItem> occurrences;

    // How a marker under the mouse would be dragged.
    enum Grip { NoGrip, Body, StartEdge, EndEdge };
    struct Hit
    {
        int marker = -1;
        Grip grip = NoGrip;
    };
    // The marker under pos: its flag, its line or the edges of its range, or the top row over
    // its range; the one drawn on top wins.
    Hit markerAt(const QPointF &pos) const;
    // The occurrence whose chip is under pos, or -1.
    int occurrenceChipAt(const QPointF &pos) const;

    // Tolerance either side of a line, in pixels.
    static constexpr double Reach = 4.0;
};
