#include "library/matching/hungarian.h"

#include <QTest>

#include <algorithm>
#include <numeric>
#include <random>

namespace {

QList<double> matrix(std::initializer_list<std::initializer_list<double>> rows)
{
    QList<double> costs;
    for (const auto &row : rows)
        costs.append(QList<double>(row));
    return costs;
}

double total(const QList<double> &costs, int columns, const QList<int> &assignment)
{
    double sum = 0;
    for (qsizetype r = 0; r < assignment.size(); ++r) {
        if (assignment.at(r) >= 0)
            sum += costs.at(r * columns + assignment.at(r));
    }
    return sum;
}

} // namespace

class tst_Hungarian : public QObject
{
    Q_OBJECT

private slots:
    void knownMatrices_data();
    void knownMatrices();
    void rectangular();
    void ties();
    void leavesRowsUnassigned();
    void agreesWithBruteForce();
};

void tst_Hungarian::knownMatrices_data()
{
    QTest::addColumn<QList<double>>("costs");
    QTest::addColumn<int>("size");
    QTest::addColumn<QList<int>>("expected");

    QTest::newRow("1×1") << matrix({{7}}) << 1 << QList<int> {0};
    QTest::newRow("greedy loses") << matrix({{1, 2}, {2, 100}}) << 2 << QList<int> {1, 0};
    QTest::newRow("3×3") << matrix({{4, 1, 3}, {2, 0, 5}, {3, 2, 2}}) << 3 << QList<int> {1, 0, 2};
    QTest::newRow("4×4 workers") << matrix({{82, 83, 69, 92}, {77, 37, 49, 92}, {11, 69, 5, 86},
        {8, 9, 98, 23}}) << 4 << QList<int> {2, 1, 0, 3};
    QTest::newRow("negative costs") << matrix({{-5, 0}, {0, -5}}) << 2 << QList<int> {0, 1};
}

void tst_Hungarian::knownMatrices()
{
    QFETCH(QList<double>, costs);
    QFETCH(int, size);
    QFETCH(QList<int>, expected);
    QCOMPARE(Hungarian::assign(costs, size, size), expected);
}

void tst_Hungarian::rectangular()
{
    // More columns than rows: every row assigned, the dearest column left.
    const QList<double> wide = matrix({{9, 1, 5}, {1, 9, 5}});
    QCOMPARE(Hungarian::assign(wide, 2, 3), (QList<int> {1, 0}));
    // More rows than columns: the row that would add most is left out.
    const QList<double> tall = matrix({{1, 9}, {9, 1}, {2, 2}});
    QCOMPARE(Hungarian::assign(tall, 3, 2), (QList<int> {0, 1, -1}));
    QCOMPARE(Hungarian::assign({}, 0, 3), QList<int>());
    QCOMPARE(Hungarian::assign({}, 2, 0), (QList<int> {-1, -1}));
}

void tst_Hungarian::ties()
{
    const QList<double> flat = matrix({{1, 1, 1}, {1, 1, 1}, {1, 1, 1}});
    const QList<int> assignment = Hungarian::assign(flat, 3, 3);
    QList<int> sorted = assignment;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(sorted, (QList<int> {0, 1, 2}));
    QCOMPARE(Hungarian::assign(flat, 3, 3), assignment);
    // Two equally good answers: either is minimal, and the same one comes back each time.
    const QList<double> twoWays = matrix({{1, 2}, {2, 1}, {1, 2}});
    const QList<int> first = Hungarian::assign(twoWays, 3, 2);
    QCOMPARE(total(twoWays, 2, first), 2.0);
    QCOMPARE(Hungarian::assign(twoWays, 3, 2), first);
}

void tst_Hungarian::leavesRowsUnassigned()
{
    // Row 1 fits nothing better than staying out; row 0 would rather take column 0 than stay out.
    const QList<double> costs = matrix({{0.1, 0.9}, {0.9, 0.8}});
    QCOMPARE(Hungarian::assign(costs, 2, 2, 0.5), (QList<int> {0, -1}));
    // Without the option, both rows take a column.
    QCOMPARE(Hungarian::assign(costs, 2, 2), (QList<int> {0, 1}));
    // A cost equal to staying out stays out.
    QCOMPARE(Hungarian::assign(matrix({{0.5}}), 1, 1, 0.5), QList<int> {-1});
    // Two rows want one column: the better one gets it, the other stays out rather than take a
    // bad pair.
    const QList<double> contested = matrix({{0.1, 0.95}, {0.2, 0.9}});
    QCOMPARE(Hungarian::assign(contested, 2, 2, 0.5), (QList<int> {0, -1}));
}

void tst_Hungarian::agreesWithBruteForce()
{
    std::mt19937 random(20240607);
    std::uniform_int_distribution<int> value(0, 20);
    for (int round = 0; round < 200; ++round) {
        const int rows = 1 + round % 6;
        const int columns = 1 + (round / 6) % 6;
        QList<double> costs;
        for (int i = 0; i < rows * columns; ++i)
            costs.append(value(random));
        // Every way of giving the smaller side distinct partners.
        const int n = std::max(rows, columns);
        QList<int> permutation(n);
        std::iota(permutation.begin(), permutation.end(), 0);
        double best = 1e18;
        do {
            double sum = 0;
            for (int r = 0; r < rows; ++r) {
                if (permutation.at(r) < columns)
                    sum += costs.at(r * columns + permutation.at(r));
            }
            best = std::min(best, sum);
        } while (std::next_permutation(permutation.begin(), permutation.end()));

        const QList<int> assignment = Hungarian::assign(costs, rows, columns);
        QCOMPARE(assignment.size(), rows);
        QList<int> taken = assignment;
        taken.removeAll(-1);
        QCOMPARE(taken.size(), std::min(rows, columns));
        std::sort(taken.begin(), taken.end());
        QVERIFY(std::adjacent_find(taken.begin(), taken.end()) == taken.end());
        QCOMPARE(total(costs, columns, assignment), best);
    }
}

QTEST_GUILESS_MAIN(tst_Hungarian)
#include "tst_hungarian.moc"
