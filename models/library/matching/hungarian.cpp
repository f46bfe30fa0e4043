#include "library/matching/hungarian.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace {

// The shortest-augmenting-path form with potentials, on a square matrix of size n (row-major):
// returns the column of each row.
std::vector<int> solveSquare(const std::vector<double> &cost, int n)
{
    constexpr double Infinity = std::numeric_limits<double>::infinity();
    // 1-based, with row and column 0 as the algorithm's virtual start.
    std::vector<double> u(size_t(n) + 1, 0.0);
    std::vector<double> v(size_t(n) + 1, 0.0);
    std::vector<int> rowOfColumn(size_t(n) + 1, 0);
    std::vector<int> way(size_t(n) + 1, 0);
    std::vector<double> minSlack(size_t(n) + 1);
    std::vector<char> used(size_t(n) + 1);

    for (int row = 1; row <= n; ++row) {
        rowOfColumn[0] = row;
        int column = 0;
        std::fill(minSlack.begin(), minSlack.end(), Infinity);
        std::fill(used.begin(), used.end(), 0);
        do {
            used[size_t(column)] = 1;
            const int current = rowOfColumn[size_t(column)];
            const double *costRow = cost.data() + size_t(current - 1) * size_t(n);
            double delta = Infinity;
            int next = 0;
            for (int j = 1; j <= n; ++j) {
                if (used[size_t(j)])
                    continue;
                const double slack = costRow[j - 1] - u[size_t(current)] - v[size_t(j)];
                if (slack < minSlack[size_t(j)]) {
                    minSlack[size_t(j)] = slack;
                    way[size_t(j)] = column;
                }
                if (minSlack[size_t(j)] < delta) {
                    delta = minSlack[size_t(j)];
                    next = j;
                }
            }
            for (int j = 0; j <= n; ++j) {
                if (used[size_t(j)]) {
                    u[size_t(rowOfColumn[size_t(j)])] += delta;
                    v[size_t(j)] -= delta;
                } else {
                    minSlack[size_t(j)] -= delta;
                }
            }
            column = next;
        } while (rowOfColumn[size_t(column)] != 0);
        do {
            const int previous = way[size_t(column)];
            rowOfColumn[size_t(column)] = rowOfColumn[size_t(previous)];
            column = previous;
        } while (column != 0);
    }

    std::vector<int> columnOfRow(size_t(n), -1);
    for (int j = 1; j <= n; ++j)
        columnOfRow[size_t(rowOfColumn[size_t(j)] - 1)] = j - 1;
    return columnOfRow;
}

QList<int> solve(
    const QList<double> &costs, int rows, int columns, double padding, double unassignedCost)
{
    Q_ASSERT(costs.size() == qsizetype(rows) * columns);
    if (rows <= 0)
        return {};
    const int n = std::max(rows, columns);
    std::vector<double> square(size_t(n) * size_t(n), padding);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c)
            square[size_t(r) * size_t(n) + size_t(c)]
                = std::min(costs.at(qsizetype(r) * columns + c), unassignedCost);
    }
    const std::vector<int> columnOfRow = solveSquare(square, n);
    QList<int> result(rows, -1);
    for (int r = 0; r < rows; ++r) {
        const int c = columnOfRow[size_t(r)];
        if (c < columns && costs.at(qsizetype(r) * columns + c) < unassignedCost)
            result[r] = c;
    }
    return result;
}

} // namespace

namespace Hungarian {

QList<int> assign(const QList<double> &costs, int rows, int columns)
{
    // Padding rows and columns cost nothing, so they change no real pair's choice.
    return solve(costs, rows, columns, 0.0, std::numeric_limits<double>::infinity());
}

QList<int> assign(const QList<double> &costs, int rows, int columns, double unassignedCost)
{
    return solve(costs, rows, columns, unassignedCost, unassignedCost);
}

} // namespace Hungarian
