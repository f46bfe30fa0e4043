#include "itemmodels/catalogfiltermodel.h"
#include "itemmodels/catalogmodel.h"
#include "itemmodels/releasegridmodel.h"
#include "testcatalogs.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;
const QString Season3 = u"picard-season-3"_s;
} // namespace

class tst_ReleaseGridModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void listsReleasesInTreeOrder();
    void showsTitleComposersAndYear();
    void followsTheFilter();
    void trackMatchKeepsItsRelease();
    void severalCatalogsAreLabelled();
    void closingACatalogRemovesItsReleases();
    void mapsToTheTreeRow();

private:
    QStringList releaseIds() const;

    std::unique_ptr<CatalogModel> m_catalogs;
    std::unique_ptr<CatalogFilterModel> m_filter;
    std::unique_ptr<ReleaseGridModel> m_grid;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_ReleaseGridModel::init()
{
    m_catalogs = std::make_unique<CatalogModel>();
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picard()));
    m_filter = std::make_unique<CatalogFilterModel>();
    m_filter->setSourceModel(m_catalogs.get());
    m_grid = std::make_unique<ReleaseGridModel>(m_filter.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_grid.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_ReleaseGridModel::cleanup()
{
    m_tester.reset();
    m_grid.reset();
    m_filter.reset();
    m_catalogs.reset();
}

QStringList tst_ReleaseGridModel::releaseIds() const
{
    QStringList ids;
    for (int row = 0; row < m_grid->rowCount(); ++row)
        ids.append(m_grid->index(row, 0).data(CatalogModel::ReleaseIdRole).toString());
    return ids;
}

void tst_ReleaseGridModel::listsReleasesInTreeOrder()
{
    QCOMPARE(releaseIds(), QStringList({u"chapter-1"_s, u"season-1"_s}));
    QCOMPARE(m_grid->rowCount(m_grid->index(0, 0)), 0);
    QCOMPARE(m_grid->index(0, 0).data(CatalogModel::CatalogIdRole).toString(), Picard);
    QCOMPARE(
        m_grid->index(0, 0).data(CatalogModel::KindRole).toInt(), int(CatalogModel::ReleaseItem));
}

void tst_ReleaseGridModel::showsTitleComposersAndYear()
{
    const QModelIndex season1 = m_grid->index(1, 0);
    QCOMPARE(
        season1.data().toString(), u"Star Trek: Picard Season 1 (Original Series Soundtrack)"_s);
    QCOMPARE(season1.data(ReleaseGridModel::ComposersRole).toString(), u"Jeff Russo"_s);
    QCOMPARE(season1.data(ReleaseGridModel::YearRole).toString(), u"2020"_s);
    // One catalog open: no label says which.
    QCOMPARE(season1.data(ReleaseGridModel::CatalogTitleRole).toString(), QString());
    QCOMPARE(season1.data(Qt::AccessibleTextRole).toString(),
        u"Star Trek: Picard Season 1 (Original Series Soundtrack), Jeff Russo, 2020"_s);
    QVERIFY(season1.flags() & Qt::ItemIsDropEnabled);
}

void tst_ReleaseGridModel::followsTheFilter()
{
    QSignalSpy reset(m_grid.get(), &QAbstractItemModel::modelReset);
    m_filter->setQuery(u"chapter"_s);
    QCOMPARE(releaseIds(), QStringList({u"chapter-1"_s}));
    QVERIFY(reset.size() >= 1);
    m_filter->setQuery(u"nothing matches this"_s);
    QCOMPARE(m_grid->rowCount(), 0);
    m_filter->setQuery(QString());
    QCOMPARE(releaseIds(), QStringList({u"chapter-1"_s, u"season-1"_s}));
}

void tst_ReleaseGridModel::trackMatchKeepsItsRelease()
{
    // "Blue Skies" is a track of the Season 1 album only.
    m_filter->setQuery(u"blue skies"_s);
    QCOMPARE(releaseIds(), QStringList({u"season-1"_s}));
}

void tst_ReleaseGridModel::severalCatalogsAreLabelled()
{
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picardSeason3()));
    QCOMPARE(releaseIds(), QStringList({u"chapter-1"_s, u"season-1"_s, u"season-3"_s}));
    QCOMPARE(m_grid->index(0, 0).data(ReleaseGridModel::CatalogTitleRole).toString(),
        u"Star Trek: Picard"_s);
    QCOMPARE(m_grid->index(2, 0).data(ReleaseGridModel::CatalogTitleRole).toString(),
        u"Star Trek: Picard – Season 3"_s);
    QCOMPARE(m_grid->index(2, 0).data(CatalogModel::CatalogIdRole).toString(), Season3);
    m_filter->setQuery(u"disengage"_s);
    QCOMPARE(releaseIds(), QStringList({u"season-3"_s}));
}

void tst_ReleaseGridModel::closingACatalogRemovesItsReleases()
{
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picardSeason3()));
    QVERIFY(m_catalogs->removeCatalog(Picard));
    QCOMPARE(releaseIds(), QStringList({u"season-3"_s}));
    QCOMPARE(m_grid->index(0, 0).data(ReleaseGridModel::CatalogTitleRole).toString(), QString());
}

void tst_ReleaseGridModel::mapsToTheTreeRow()
{
    QCOMPARE(m_grid->rowOf(Picard, u"season-1"_s), 1);
    QCOMPARE(m_grid->rowOf(Picard, u"no-such-release"_s), -1);
    QCOMPARE(m_grid->rowOf(u"no-such-catalog"_s, u"season-1"_s), -1);
    const QModelIndex treeRow = m_grid->filterIndex(1);
    QCOMPARE(treeRow.model(), m_filter.get());
    QCOMPARE(treeRow.data(CatalogModel::ReleaseIdRole).toString(), u"season-1"_s);
    QVERIFY(!m_grid->filterIndex(2).isValid());
    m_filter->setQuery(u"blue skies"_s);
    QCOMPARE(m_grid->rowOf(Picard, u"chapter-1"_s), -1);
    QCOMPARE(m_grid->rowOf(Picard, u"season-1"_s), 0);
}

QTEST_GUILESS_MAIN(tst_ReleaseGridModel)
#include "tst_releasegridmodel.moc"
