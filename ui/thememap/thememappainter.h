#pragma once

#include "catalog/thememap.h"

#include <QFont>
#include <QPalette>
#include <QRectF>
#include <QSize>

#include <utility>

class QPainter;

// Draws a ThemeMap: the cue titles down the left, the theme names slanted over their columns,
// a cell per cue and theme with the cue's span as a faint line, and a mark where the theme is
// heard. The mark's shape tells the kind (statement ●, quotation ■, allusion ○, fragment ▲,
// variation ◆), its place in the cell the time or the position, its colour the theme's; a range
// has a bar to its end; an inference is drawn lighter; the user's own markers have a ring
// around them. A legend under the grid says all that. One layout for the window, PNG and SVG.
class ThemeMapPainter
{
public:
    ThemeMapPainter(const ThemeMap &map, const QFont &font, const QPalette &palette);

    QSize size() const { return m_size; }
    // clip: the part to draw (all of it when null), for a widget's exposed rectangle.
    void paint(QPainter *painter, const QRect &clip = {}) const;

    // The mark under point, or -1; and where a mark is drawn.
    int markAt(const QPointF &point) const;
    QRectF markRect(int mark) const;
    QRect cellRect(int row, int column) const;
    QRect rowLabelRect(int row) const;
    // Marks drawn with a focus frame (the keyboard's current one), or -1.
    void setCurrentMark(int mark) { m_current = mark; }

private:
    void layOut();
    // The rows a rectangle crosses, first and last (last < first when none).
    std::pair<int, int> rowsIn(const QRect &clip) const;
    // The index of the first mark of row or of a later one (marks are by row).
    int firstMarkOfRow(int row) const;
    void paintHeader(QPainter *painter) const;
    void paintRows(QPainter *painter, const QRect &clip) const;
    void paintMark(QPainter *painter, const ThemeMap::Mark &mark, const QRectF &rect) const;
    void paintLegend(QPainter *painter) const;
    static void drawShape(QPainter *painter, Occurrence::Kind kind, const QRectF &rect);

    const ThemeMap &m_map;
    QFont m_font;
    QFont m_titleFont;
    QPalette m_palette;
    int m_current = -1;

    // Layout, in device-independent pixels.
    int m_margin = 12;
    int m_titleHeight = 0;
    int m_headerHeight = 0;
    int m_labelWidth = 0;
    int m_numberWidth = 0;
    int m_cellWidth = 28;
    int m_rowHeight = 22;
    int m_gridTop = 0;
    int m_gridLeft = 0;
    int m_legendTop = 0;
    int m_legendHeight = 0;
    QSize m_size;
    QList<QString> m_columnNames; // elided to fit
};
