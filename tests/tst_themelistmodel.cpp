#include "itemmodels/catalogmodel.h"
#include "itemmodels/themelistmodel.h"
#include "testcatalogs.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
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

QTEST_MAIN(tst_ThemeListModel)
#include "tst_themelistmodel.moc"
