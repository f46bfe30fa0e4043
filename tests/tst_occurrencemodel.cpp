#include "itemmodels/catalogmodel.h"
#include "itemmodels/occurrencemodel.h"
#include "testcatalogs.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Mode = QAbstractItemModelTester::FailureReportingMode;

const QString Picard = u"star-trek-picard"_s;
const QString Season3 = u"picard-season-3"_s;

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, column).data(role).toString());
    return values;
}

QList<qint64> startTimes(const QAbstractItemModel &model)
{
    QList<qint64> times;
    for (int row = 0; row < model.rowCount(); ++row)
        times.append(model.index(row, 0).data(OccurrenceModel::StartMsRole).toLongLong());
    return times;
}

} // namespace

class tst_OccurrenceModel : public QObject
{
    Q_OBJECT

private slots:
    void cueOrder_data();
    void cueOrder();
    void cueColumns();
    void cueRoles();
    void severalSourcesAndInferences();
    void themeAcrossReleasesAndCatalogs();
    void themeInAlbumOrder();
    void cueCountOfTheme();
    void headers();
    void clearsWhenTheCatalogsReset();
    void followsCatalogsAddedAndRemoved();
    void clear();
};

void tst_OccurrenceModel::cueOrder_data()
{
    QTest::addColumn<QString>("cueId");
    QTest::addColumn<QStringList>("themes");
    QTest::addColumn<QStringList>("where");

    QTest::newRow("times and positions mixed")
        << u"main-title"_s
        << QStringList {u"inner-light"_s, u"picard"_s, u"picard"_s, u"romulan"_s,
               u"star-trek-march"_s, u"courage-fanfare"_s}
        << QStringList {u"opening"_s, u"0:21–0:50"_s, u"in the middle"_s, u"throughout"_s,
               u"1:12–1:30"_s, u"towards the end"_s};
    QTest::newRow("positions only, no duration")
        << u"mystery-ship"_s << QStringList {u"inner-light"_s, u"romulan"_s}
        << QStringList {u"opening"_s, u"towards the end"_s};
    QTest::newRow("one time") << u"romulan-collusion"_s << QStringList {u"romulan"_s}
                              << QStringList {u"0:45–1:05"_s};
    QTest::newRow("implicit cue") << u"season-1/1-55"_s << QStringList {u"picard"_s}
                                  << QStringList {u"0:00–0:30"_s};
    QTest::newRow("no occurrences")
        << u"walking-with-number-one"_s << QStringList() << QStringList();
    QTest::newRow("unknown cue") << u"no-such-cue"_s << QStringList() << QStringList();
}

void tst_OccurrenceModel::cueOrder()
{
    QFETCH(QString, cueId);
    QFETCH(QStringList, themes);
    QFETCH(QStringList, where);
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    OccurrenceModel model(&catalogs);
    QAbstractItemModelTester tester(&model, Mode::Fatal);

    model.setCue(Picard, cueId);

    QCOMPARE(model.mode(), OccurrenceModel::CueMode);
    QCOMPARE(column(model, 0, OccurrenceModel::ThemeIdRole), themes);
    QCOMPARE(column(model, OccurrenceModel::WhereColumn), where);
}

void tst_OccurrenceModel::cueColumns()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    OccurrenceModel model(&catalogs);
    model.setCue(Picard, u"main-title"_s);

    QCOMPARE(model.columnCount(), int(OccurrenceModel::CueModeColumnCount));
    QCOMPARE(column(model, OccurrenceModel::ThemeColumn),
        (QStringList {u"The Inner Light"_s, u"Picard’s theme"_s, u"Picard’s theme"_s,
            u"Romulan theme"_s, u"Star Trek March"_s, u"Courage fanfare"_s}));
    QCOMPARE(column(model, OccurrenceModel::KindColumn),
        (QStringList {u"Allusion"_s, u"Statement"_s, u"Variation"_s, u"Fragment"_s, u"Quotation"_s,
            u"Quotation"_s}));
    QCOMPARE(column(model, OccurrenceModel::InstrumentsColumn),
        (QStringList {
            u"flute"_s, u"solo cello"_s, u"strings"_s, u"low strings"_s, u"horns"_s, u"brass"_s}));
    // Author, else publication; empty without a source.
    QCOMPARE(column(model, OccurrenceModel::SourceColumn),
        (QStringList {u"Noah Marconi"_s, u"Randall D. Larson"_s, QString(), u"ComicBook"_s,
            u"Noah Marconi"_s, u"Randall D. Larson"_s}));
    QCOMPARE(model.index(1, OccurrenceModel::SourceColumn).data(Qt::ToolTipRole).toString(),
        u"Jeff Russo: Scoring STAR TREK PICARD, Randall D. Larson, Soundtrax, 2020-03-27"_s);
    QCOMPARE(model.index(1, OccurrenceModel::ThemeColumn).data(Qt::ToolTipRole).toString(),
        u"The melody Russo wrote first"_s);
}

void tst_OccurrenceModel::cueRoles()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    OccurrenceModel model(&catalogs);
    model.setCue(Picard, u"main-title"_s);

    QCOMPARE(startTimes(model), (QList<qint64> {-1, 21'000, -1, -1, 72'000, -1}));
    const QModelIndex statement = model.index(1, 0);
    QCOMPARE(statement.data(OccurrenceModel::CatalogIdRole).toString(), Picard);
    QCOMPARE(statement.data(OccurrenceModel::CueIdRole).toString(), u"main-title"_s);
    QCOMPARE(statement.data(OccurrenceModel::ThemeIdRole).toString(), u"picard"_s);
    QCOMPARE(
        statement.data(OccurrenceModel::NoteRole).toString(), u"The melody Russo wrote first"_s);
    QCOMPARE(statement.data(OccurrenceModel::SourceIdsRole).toStringList(),
        QStringList {u"larson-soundtrax"_s});
    QCOMPARE(model.index(2, 0).data(OccurrenceModel::SourceIdsRole).toStringList(), QStringList());
}

// One entrance stated by two sources is one row naming both; an inferred one says so.
void tst_OccurrenceModel::severalSourcesAndInferences()
{
    Catalog catalog = TestCatalogs::picard();
    Occurrence &march = catalog.occurrences[3];
    QCOMPARE(march.themeId, u"star-trek-march"_s);
    march.sourceIds = {u"marconi-review"_s, u"larson-soundtrax"_s};
    march.inferred = true;
    march.basis = u"Both texts name the scene."_s;
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(std::move(catalog)));
    OccurrenceModel model(&catalogs);
    model.setCue(Picard, u"main-title"_s);

    const QModelIndex row = model.index(4, 0);
    QCOMPARE(row.data(OccurrenceModel::ThemeIdRole).toString(), u"star-trek-march"_s);
    QCOMPARE(row.data(OccurrenceModel::SourceIdsRole).toStringList(),
        (QStringList {u"marconi-review"_s, u"larson-soundtrax"_s}));
    QCOMPARE(model.index(4, OccurrenceModel::SourceColumn).data().toString(),
        u"Noah Marconi; Randall D. Larson"_s);
    QCOMPARE(
        model.index(4, OccurrenceModel::SourceColumn).data(Qt::ToolTipRole).toString().count(u'\n'),
        1);
    QVERIFY(row.data(OccurrenceModel::InferredRole).toBool());
    QCOMPARE(row.data(OccurrenceModel::BasisRole).toString(), u"Both texts name the scene."_s);
    QVERIFY(!model.index(1, 0).data(OccurrenceModel::InferredRole).toBool());
    QVERIFY(model.index(1, 0).data(OccurrenceModel::BasisRole).toString().isEmpty());
}

void tst_OccurrenceModel::themeAcrossReleasesAndCatalogs()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    QVERIFY(catalogs.addCatalog(TestCatalogs::picardSeason3()));
    OccurrenceModel model(&catalogs);
    QAbstractItemModelTester tester(&model, Mode::Fatal);

    model.setTheme(Picard, u"star-trek-march"_s);

    QCOMPARE(model.mode(), OccurrenceModel::ThemeMode);
    QCOMPARE(model.columnCount(), int(OccurrenceModel::ThemeModeColumnCount));
    QCOMPARE(column(model, 0, OccurrenceModel::CatalogIdRole),
        (QStringList {Picard, Picard, Season3, Season3}));
    QCOMPARE(column(model, OccurrenceModel::CueColumn),
        (QStringList {u"Star Trek Picard Main Title"_s, u"Star Trek Picard End Title"_s,
            u"Disengage"_s, u"Leaving Spacedock"_s}));
    QCOMPARE(column(model, OccurrenceModel::ReleaseColumn),
        (QStringList {u"Star Trek: Picard – Season 1, Chapter 1 · 1; "
                      u"Star Trek: Picard Season 1 (Original Series Soundtrack) · 1"_s,
            u"Star Trek: Picard – Season 1, Chapter 1 · 2; "
            u"Star Trek: Picard Season 1 (Original Series Soundtrack) · 2"_s,
            u"Star Trek: Picard – Season 3 (Original Series Soundtrack) · 1-01"_s,
            u"Star Trek: Picard – Season 3 (Original Series Soundtrack) · 2-04"_s}));
    QCOMPARE(column(model, OccurrenceModel::ThemeKindColumn),
        (QStringList {u"Quotation"_s, u"Quotation"_s, u"Allusion"_s, u"Quotation"_s}));
    QCOMPARE(column(model, OccurrenceModel::ThemeWhereColumn),
        (QStringList {u"1:12–1:30"_s, u"towards the end"_s, u"opening"_s, u"2:30–3:00"_s}));
    QCOMPARE(column(model, OccurrenceModel::ThemeInstrumentsColumn),
        (QStringList {u"horns"_s, u"orchestra"_s, u"horns"_s, u"full orchestra"_s}));
    QCOMPARE(startTimes(model), (QList<qint64> {72'000, -1, -1, 150'000}));

    // Chosen from the other catalog, the theme is the same.
    model.setTheme(Season3, u"star-trek-march"_s);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.catalogId(), Season3);
}

void tst_OccurrenceModel::themeInAlbumOrder()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    OccurrenceModel model(&catalogs);
    QAbstractItemModelTester tester(&model, Mode::Fatal);

    model.setTheme(Picard, u"picard"_s);

    // The file lists the end credits (season 1 only) before Dahj's cue (on chapter 1 too).
    QCOMPARE(column(model, 0, OccurrenceModel::CueIdRole),
        (QStringList {
            u"main-title"_s, u"main-title"_s, u"dahjs-last-fight"_s, u"season-1/1-55"_s}));
    QCOMPARE(startTimes(model), (QList<qint64> {21'000, -1, -1, 0}));
    QCOMPARE(model.index(3, OccurrenceModel::ReleaseColumn).data().toString(),
        u"Star Trek: Picard Season 1 (Original Series Soundtrack) · 55"_s);
    QCOMPARE(model.index(2, OccurrenceModel::ReleaseColumn).data().toString(),
        u"Star Trek: Picard – Season 1, Chapter 1 · 6; "
        u"Star Trek: Picard Season 1 (Original Series Soundtrack) · 6"_s);
}

void tst_OccurrenceModel::cueCountOfTheme()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    // The main title quotes the Picard theme twice: one cue.
    QCOMPARE(OccurrenceModel::cueCountOfTheme(catalogs, u"picard"_s), 3);
    QCOMPARE(OccurrenceModel::cueCountOfTheme(catalogs, u"romulan"_s), 3);
    QCOMPARE(OccurrenceModel::cueCountOfTheme(catalogs, u"star-trek-march"_s), 2);
    QCOMPARE(OccurrenceModel::cueCountOfTheme(catalogs, u"no-such-theme"_s), 0);

    QVERIFY(catalogs.addCatalog(TestCatalogs::picardSeason3()));
    QCOMPARE(OccurrenceModel::cueCountOfTheme(catalogs, u"star-trek-march"_s), 4);
    QCOMPARE(OccurrenceModel::cueCountOfTheme(catalogs, u"picard"_s), 3);
}

void tst_OccurrenceModel::headers()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    OccurrenceModel model(&catalogs);
    auto headers = [&model] {
        QStringList titles;
        for (int section = 0; section < model.columnCount(); ++section)
            titles.append(model.headerData(section, Qt::Horizontal).toString());
        return titles;
    };

    model.setCue(Picard, u"main-title"_s);
    QCOMPARE(headers(),
        (QStringList {u"Theme"_s, u"Kind"_s, u"Where"_s, u"Instruments"_s, u"Source"_s}));
    model.setTheme(Picard, u"picard"_s);
    QCOMPARE(
        headers(), (QStringList {u"Cue"_s, u"Release"_s, u"Kind"_s, u"Where"_s, u"Instruments"_s}));
}

void tst_OccurrenceModel::clearsWhenTheCatalogsReset()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    OccurrenceModel model(&catalogs);
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    model.setCue(Picard, u"main-title"_s);
    QCOMPARE(model.rowCount(), 6);

    // The second catalog resets the CatalogModel (catalogs become the top level).
    QVERIFY(catalogs.addCatalog(TestCatalogs::picardSeason3()));

    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.mode(), OccurrenceModel::NoMode);
    QCOMPARE(model.subjectId(), QString());
}

void tst_OccurrenceModel::followsCatalogsAddedAndRemoved()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    QVERIFY(catalogs.addCatalog(TestCatalogs::picardSeason3()));
    OccurrenceModel model(&catalogs);
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    model.setTheme(Picard, u"star-trek-march"_s);
    QCOMPARE(model.rowCount(), 4);

    Catalog copy = TestCatalogs::picardSeason3();
    copy.id = u"copy"_s;
    QVERIFY(catalogs.addCatalog(copy));
    QCOMPARE(column(model, 0, OccurrenceModel::CatalogIdRole),
        (QStringList {Picard, Picard, Season3, Season3, u"copy"_s, u"copy"_s}));

    // Removing a catalog in the middle moves the others' indexes: rows must follow.
    QVERIFY(catalogs.removeCatalog(Season3));
    QCOMPARE(column(model, 0, OccurrenceModel::CatalogIdRole),
        (QStringList {Picard, Picard, u"copy"_s, u"copy"_s}));
    QCOMPARE(model.index(3, OccurrenceModel::CueColumn).data().toString(), u"Leaving Spacedock"_s);
    QCOMPARE(model.mode(), OccurrenceModel::ThemeMode);
}

void tst_OccurrenceModel::clear()
{
    CatalogModel catalogs;
    QVERIFY(catalogs.addCatalog(TestCatalogs::picard()));
    OccurrenceModel model(&catalogs);
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    model.setTheme(Picard, u"picard"_s);
    QCOMPARE(model.rowCount(), 4);

    model.clear();

    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.mode(), OccurrenceModel::NoMode);
}

QTEST_GUILESS_MAIN(tst_OccurrenceModel)
#include "tst_occurrencemodel.moc"
