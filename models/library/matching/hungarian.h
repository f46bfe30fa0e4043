#pragma once

#include <QList>

// The Hungarian method (Kuhn–Munkres, O(n³)): the assignment of rows to columns of least total
// cost. TrackMatcher uses it to pair a folder's files with a release's tracks all at once, rather
// than greedily, so that one good pair never steals the track another file needs.
namespace Hungarian {

// costs is row-major, rows × columns, of any shape. Every row of the smaller side gets a distinct
// column; the result holds, for each row, its column or -1. Equal totals resolve the same way for
// the same input.
QList<int> assign(const QList<double> &costs, int rows, int columns);

// The same, but a row may stay unassigned at unassignedCost: the matrix is padded to a square with
// that cost and costs above it are lowered to it, so a row comes back -1 when every column it could
// take costs at least unassignedCost (ties leave it unassigned).
QList<int> assign(const QList<double> &costs, int rows, int columns, double unassignedCost);

} // namespace Hungarian
