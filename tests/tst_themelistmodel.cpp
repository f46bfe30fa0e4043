#include "itemmodels/catalogmodel.h"
#include "itemmodels/themelistmodel.h"
#include "testcatalogs.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;
const QString Season3 = u"picard-season-3"_s;
} // namespace

class tst_ThemeListModel : public QObject
{
    Q_OBJECT

private slots:
    void emptyWithoutCatalogs();
    void oneRowPerThemeWithItsCueCount();
    void sharedThemeIdIsOneRow();
    void resetsWhenCatalogsComeAndGo();
    void headersAndAlignment();
    void censusColumnsSortAsTheyMean();
    void aThemeMarkerCountsInPlace();

private:
    static int rowOf(const ThemeListModel &model, const QString &themeId);
    static int cueCount(const ThemeListModel &model, const QString &themeId);
};

int tst_ThemeListModel::rowOf(const ThemeListModel &model, const QString &themeId)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(ThemeListModel::ThemeIdRole).toString() == themeId)
            return row;
    }
    return -1;
}

int tst_ThemeListModel::cueCount(const ThemeListModel &model, const QString &themeId)
{
    const int row = rowOf(model, themeId);
    return row < 0 ? -1 : model.index(row, ThemeListModel::CuesColumn).data().toInt();
}

void tst_ThemeListModel::emptyWithoutCatalogs()
{
    CatalogModel catalogs;
    ThemeListModel model(&catalogs);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(ThemeListModel::ColumnCount));
}

void tst_ThemeListModel::oneRowPerThemeWithItsCueCount()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    ThemeListModel model(&catalogs);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(model.rowCount(), catalogs.catalog(Picard)->themes.size());
    const int row = rowOf(model, u"romulan"_s);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, ThemeListModel::NameColumn).data().toString(), u"Romulan theme"_s);
    QCOMPARE(model.index(row, ThemeListModel::ComposerColumn).data().toString(), u"Fred Steiner"_s);
    QCOMPARE(
        model.index(row, ThemeListModel::NameColumn).data(ThemeListModel::CatalogIdRole).toString(),
        Picard);
    QVERIFY(model.index(row, ThemeListModel::NameColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"Thème romulien"_s));
    // Heard on main-title, mystery-ship and romulan-collusion.
    QCOMPARE(cueCount(model, u"romulan"_s), 3);
    // Twice in main-title, once in the implicit end-credits cue, once in dahjs-last-fight:
    // cues are counted, not occurrences.
    QCOMPARE(cueCount(model, u"picard"_s), 3);
    // A number, so that a sorting proxy orders 10 after 9.
    QCOMPARE(model.index(row, ThemeListModel::CuesColumn).data().typeId(), QMetaType::Int);
}

void tst_ThemeListModel::sharedThemeIdIsOneRow()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    QVERIFY(catalogs.addCatalog(TestCatalogs::picardSeason3()));
    ThemeListModel model(&catalogs);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(model.rowCount(), catalogs.catalog(Picard)->themes.size());
    int marches = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        marches += model.index(row, 0).data(ThemeListModel::ThemeIdRole) == u"star-trek-march"_s;
    QCOMPARE(marches, 1);
    // main-title and end-title, then disengage and leaving-spacedock.
    QCOMPARE(cueCount(model, u"star-trek-march"_s), 4);
    // Named and placed by the first catalog that defines it.
    const int row = rowOf(model, u"star-trek-march"_s);
    QCOMPARE(model.index(row, 0).data(ThemeListModel::CatalogIdRole).toString(), Picard);
}

void tst_ThemeListModel::resetsWhenCatalogsComeAndGo()
{
    CatalogModel catalogs;
    ThemeListModel model(&catalogs);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // The first catalog is inserted rows, the second a reset of the catalog model: both count.
    QVERIFY(catalogs.addCatalog(TestCatalogs::picardSeason3()));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cueCount(model, u"star-trek-march"_s), 2);
    QCOMPARE(model.index(0, 0).data(ThemeListModel::CatalogIdRole).toString(), Season3);

    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(cueCount(model, u"star-trek-march"_s), 4);

    QVERIFY(catalogs.removeCatalog(Season3));
    QCOMPARE(reset.size(), 3);
    QCOMPARE(cueCount(model, u"star-trek-march"_s), 2);
    QCOMPARE(model.index(rowOf(model, u"star-trek-march"_s), 0)
                 .data(ThemeListModel::CatalogIdRole)
                 .toString(),
        Picard);

    QVERIFY(catalogs.removeCatalog(Picard));
    QCOMPARE(reset.size(), 4);
    QCOMPARE(model.rowCount(), 0);
}

void tst_ThemeListModel::headersAndAlignment()
{
    CatalogModel catalogs;
    ThemeListModel model(&catalogs);
    QCOMPARE(model.headerData(ThemeListModel::NameColumn, Qt::Horizontal).toString(), u"Theme"_s);
    QCOMPARE(
        model.headerData(ThemeListModel::ComposerColumn, Qt::Horizontal).toString(), u"Composer"_s);
    QCOMPARE(model.headerData(ThemeListModel::CuesColumn, Qt::Horizontal).toString(), u"Cues"_s);
    QCOMPARE(
        model.headerData(ThemeListModel::CuesColumn, Qt::Horizontal, Qt::TextAlignmentRole).toInt(),
        int(Qt::AlignRight | Qt::AlignVCenter));
}

void tst_ThemeListModel::censusColumnsSortAsTheyMean()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    ThemeListModel model(&catalogs);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int romulan = rowOf(model, u"romulan"_s);
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };

    // Heard first in the main title, last on a later track; the cells name the cues.
    QCOMPARE(cell(romulan, ThemeListModel::FirstHeardColumn).toString(),
        u"Star Trek Picard Main Title"_s);
    QCOMPARE(
        cell(romulan, ThemeListModel::FirstHeardColumn, ThemeListModel::CueRole).value<CueKey>(),
        (CueKey {Picard, u"main-title"_s}));
    const CueKey last = model.census(romulan).lastHeard;
    QVERIFY(last.cueId != u"main-title"_s);
    QCOMPARE(
        cell(romulan, ThemeListModel::LastHeardColumn, ThemeListModel::CueRole).value<CueKey>(),
        last);
    QVERIFY(cell(romulan, ThemeListModel::FirstHeardColumn, ThemeListModel::SortRole).toLongLong()
        < cell(romulan, ThemeListModel::LastHeardColumn, ThemeListModel::SortRole).toLongLong());
    QVERIFY(cell(romulan, ThemeListModel::FirstHeardColumn, Qt::ToolTipRole)
                .toString()
                .contains(u"track 1"_s));
    QVERIFY(!cell(romulan, ThemeListModel::CuesColumn, ThemeListModel::CueRole).isValid());
    QCOMPARE(cell(romulan, ThemeListModel::ReleasesColumn).typeId(), QMetaType::Int);
    QVERIFY(cell(romulan, ThemeListModel::ReleasesColumn).toInt() >= 1);

    // Romulan Collusion times 20 s of it; the courage fanfare has no time at all.
    QVERIFY(cell(romulan, ThemeListModel::ShareColumn).toString().endsWith(u'%'));
    QVERIFY(cell(romulan, ThemeListModel::ShareColumn, ThemeListModel::SortRole).toDouble() > 0);
    const int fanfare = rowOf(model, u"courage-fanfare"_s);
    QCOMPARE(cell(fanfare, ThemeListModel::ShareColumn).toString(), QString());
    QCOMPARE(cell(fanfare, ThemeListModel::ShareColumn, ThemeListModel::SortRole).toDouble(), -1.0);
    QVERIFY(cell(fanfare, ThemeListModel::ShareColumn, Qt::ToolTipRole)
                .toString()
                .contains(u"Not timed"_s));

    // A proxy on SortRole orders the shares as numbers, the untimed last when descending.
    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&model);
    sorted.setSortRole(ThemeListModel::SortRole);
    sorted.sort(ThemeListModel::ShareColumn, Qt::DescendingOrder);
    QVERIFY(
        sorted.index(0, ThemeListModel::ShareColumn).data(ThemeListModel::SortRole).toDouble() > 0);
    QCOMPARE(sorted.index(sorted.rowCount() - 1, ThemeListModel::ShareColumn)
                 .data(ThemeListModel::SortRole)
                 .toDouble(),
        -1.0);
    QCOMPARE(model.headerData(ThemeListModel::FirstHeardColumn, Qt::Horizontal).toString(),
        u"First heard"_s);
}

// A marker that names a theme is the user's occurrence of it: the census counts it at once,
// without a reset that would lose the list's selection.
void tst_ThemeListModel::aThemeMarkerCountsInPlace()
{
    QTemporaryDir dir;
    UserDatabase userData;
    QVERIFY2(userData.open(dir.filePath(u"user.sqlite"_s)), qPrintable(userData.errorString()));
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    ThemeListModel model(&catalogs);
    model.setUserData(&userData);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const int fanfare = rowOf(model, u"courage-fanfare"_s);
    const int before = cueCount(model, u"courage-fanfare"_s);

    Marker marker;
    marker.id = Marker::newId();
    marker.cue = {Picard, u"mystery-ship"_s};
    marker.startMs = 10'000;
    marker.endMs = 25'000;
    marker.label = u"the fanfare, muted"_s;
    marker.themeId = u"courage-fanfare"_s;
    QVERIFY(userData.markers()->putMarker(marker));
    QCOMPARE(reset.size(), 0);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(cueCount(model, u"courage-fanfare"_s), before + 1);
    QCOMPARE(model.census(fanfare).usersOnlyCueCount, 1);
    QVERIFY(model.index(fanfare, ThemeListModel::CuesColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"1 of them only in your markers"_s));
    // Its range times the theme.
    QVERIFY(model.index(fanfare, ThemeListModel::ShareColumn).data().toString().endsWith(u'%'));

    // Named for another theme: counted there, and no longer here.
    const int romulanBefore = cueCount(model, u"romulan"_s);
    marker.themeId = u"romulan"_s;
    marker.cue = {Picard, u"end-title"_s};
    QVERIFY(userData.markers()->putMarker(marker));
    QCOMPARE(cueCount(model, u"courage-fanfare"_s), before);
    QCOMPARE(cueCount(model, u"romulan"_s), romulanBefore + 1);
    QCOMPARE(reset.size(), 0);

    QVERIFY(userData.markers()->removeMarker(marker.id));
    QCOMPARE(cueCount(model, u"courage-fanfare"_s), before);
    QCOMPARE(cueCount(model, u"romulan"_s), romulanBefore);
    model.setUserData(nullptr);
    QVERIFY(userData.markers()->putMarker(marker));
    QCOMPARE(cueCount(model, u"courage-fanfare"_s), before);
}

QTEST_MAIN(tst_ThemeListModel)
#include "tst_themelistmodel.moc"
