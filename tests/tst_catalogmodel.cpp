#include "itemmodels/catalogmodel.h"
#include "testcatalogs.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Picard = u"star-trek-picard"_s;
const QString Season3 = u"picard-season-3"_s;

using Mode = QAbstractItemModelTester::FailureReportingMode;

QString text(const QModelIndex &index, int column)
{
    return index.siblingAtColumn(column).data().toString();
}

// With one catalog open, releases are the top level.
QModelIndex track(const CatalogModel &model, int release, int track)
{
    return model.index(track, 0, model.index(release, 0));
}

Catalog renamed(Catalog catalog, const QString &id)
{
    catalog.id = id;
    return catalog;
}

} // namespace

class tst_CatalogModel : public QObject
{
    Q_OBJECT

private slots:
    void oneCatalogHasReleasesOnTop();
    void twoCatalogsPutCatalogsOnTop();
    void removingACatalogKeepsTheOthersIndexes();
    void refusesADuplicateCatalog();
    void catalogsChangedComesLast();
    void releaseRows();
    void trackRows_data();
    void trackRows();
    void catalogRows();
    void roles();
    void headers();
    void noteStateReachesEveryRelease();
    void fileStateReachesEveryRelease();
    void statesAreKeptApart();
    void lookups();
    void itemOfIndex();
};

void tst_CatalogModel::oneCatalogHasReleasesOnTop()
{
    CatalogModel model;
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    QVERIFY(model.addCatalog(TestCatalogs::picard()));

    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    QVERIFY(!model.isGroupedByCatalog());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(CatalogModel::ColumnCount));
    const QModelIndex chapter1 = model.index(0, 0);
    const QModelIndex season1 = model.index(1, 0);
    QCOMPARE(text(chapter1, 0), u"Star Trek: Picard – Season 1, Chapter 1"_s);
    QCOMPARE(model.rowCount(chapter1), 8);
    QCOMPARE(model.rowCount(season1), 7);
    QVERIFY(!model.parent(chapter1).isValid());
    const QModelIndex blueSkies = model.index(5, 0, season1);
    QCOMPARE(text(blueSkies, 0), u"Blue Skies"_s);
    QCOMPARE(model.parent(blueSkies), season1);
    QCOMPARE(model.rowCount(blueSkies), 0);
    QCOMPARE(model.rowCount(season1.siblingAtColumn(1)), 0);
    QVERIFY(!model.index(2, 0).isValid());
    QVERIFY(!model.index(0, 0, blueSkies).isValid());
}

void tst_CatalogModel::twoCatalogsPutCatalogsOnTop()
{
    CatalogModel model;
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(model.addCatalog(TestCatalogs::picard()));

    QVERIFY(model.addCatalog(TestCatalogs::picardSeason3()));
    QCOMPARE(reset.count(), 1);
    QVERIFY(model.isGroupedByCatalog());
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex picard = model.index(0, 0);
    const QModelIndex season3 = model.index(1, 0);
    QCOMPARE(text(picard, 0), u"Star Trek: Picard"_s);
    QCOMPARE(model.rowCount(picard), 2);
    QCOMPARE(model.rowCount(season3), 1);
    const QModelIndex season1 = model.index(1, 0, picard);
    const QModelIndex blueSkies = model.index(5, 0, season1);
    QCOMPARE(text(blueSkies, 0), u"Blue Skies"_s);
    QCOMPARE(model.parent(blueSkies), season1);
    QCOMPARE(model.parent(season1), picard);
    QVERIFY(!model.parent(picard).isValid());
    QCOMPARE(text(model.index(1, 0, model.index(0, 0, season3)), 0), u"Leaving Spacedock"_s);

    // A third catalog is one more row; no level changes.
    QVERIFY(model.addCatalog(renamed(TestCatalogs::picardSeason3(), u"copy"_s)));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 2);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.removeCatalog(u"copy"_s));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(reset.count(), 1);

    QVERIFY(model.removeCatalog(Season3));
    QCOMPARE(reset.count(), 2);
    QVERIFY(!model.isGroupedByCatalog());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(text(model.index(5, 0, model.index(1, 0)), 0), u"Blue Skies"_s);

    QVERIFY(model.removeCatalog(Picard));
    QCOMPARE(removed.count(), 2);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.removeCatalog(Picard));
}

void tst_CatalogModel::removingACatalogKeepsTheOthersIndexes()
{
    CatalogModel model;
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    QVERIFY(model.addCatalog(renamed(TestCatalogs::picardSeason3(), u"first"_s)));
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    QVERIFY(model.addCatalog(TestCatalogs::picardSeason3()));
    const QPersistentModelIndex spacedock = model.index(1, 0, model.index(0, 0, model.index(2, 0)));
    QCOMPARE(text(spacedock, 0), u"Leaving Spacedock"_s);

    QVERIFY(model.removeCatalog(u"first"_s));

    QVERIFY(spacedock.isValid());
    QCOMPARE(text(spacedock, 0), u"Leaving Spacedock"_s);
    QCOMPARE(spacedock.data(CatalogModel::CatalogIdRole).toString(), Season3);
    QCOMPARE(spacedock.parent().parent(), model.index(1, 0));
}

void tst_CatalogModel::catalogsChangedComesLast()
{
    CatalogModel model;
    QStringList events;
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(&model, signal, this, [&] { events.append(u"rows"_s); });
    connect(&model, &QAbstractItemModel::modelReset, this, [&] { events.append(u"reset"_s); });
    // What a pane does with it: look up what it shows, in the model as it now is.
    connect(&model, &CatalogModel::catalogsChanged, this,
        [&] { events.append(u"changed:%1"_s.arg(model.catalogs().size())); });

    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    QVERIFY(model.addCatalog(TestCatalogs::picardSeason3()));
    QVERIFY(!model.addCatalog(TestCatalogs::picard()));
    QVERIFY(model.removeCatalog(u"picard-season-3"_s));
    QVERIFY(!model.removeCatalog(u"picard-season-3"_s));
    QCOMPARE(events,
        QStringList(
            {u"rows"_s, u"changed:1"_s, u"reset"_s, u"changed:2"_s, u"reset"_s, u"changed:1"_s}));
}

void tst_CatalogModel::refusesADuplicateCatalog()
{
    CatalogModel model;
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QVERIFY(!model.addCatalog(TestCatalogs::picard()));

    QCOMPARE(model.catalogs().size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(reset.count(), 0);
}

void tst_CatalogModel::releaseRows()
{
    CatalogModel model;
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    const QModelIndex chapter1 = model.index(0, 0);

    QCOMPARE(
        text(chapter1, CatalogModel::TitleColumn), u"Star Trek: Picard – Season 1, Chapter 1"_s);
    QCOMPARE(text(chapter1, CatalogModel::ArtistColumn), u"Jeff Russo"_s);
    QCOMPARE(text(chapter1, CatalogModel::NumberColumn), u"2020-02-07"_s);
    // 12:44 of known durations; "Mystery Ship" has none.
    QCOMPARE(text(chapter1, CatalogModel::DurationColumn), u"12:44"_s);
    QCOMPARE(text(model.index(1, 0), CatalogModel::DurationColumn), u"14:26"_s);
}

void tst_CatalogModel::trackRows_data()
{
    QTest::addColumn<int>("release");
    QTest::addColumn<int>("track");
    QTest::addColumn<QStringList>("columns");

    QTest::newRow("main title") << 0 << 0
                                << QStringList {u"Star Trek Picard Main Title"_s, u"Jeff Russo"_s,
                                       u"1"_s, u"1:43"_s};
    QTest::newRow("unknown duration")
        << 0 << 6 << QStringList {u"Mystery Ship"_s, u"Jeff Russo"_s, u"18"_s, QString()};
    QTest::newRow("no composers: release artists")
        << 0 << 7
        << QStringList {u"Page (From Short Treks “Children Of Mars”)"_s, u"Jeff Russo"_s, u"27"_s,
               u"1:58"_s};
    QTest::newRow("cue composers")
        << 1 << 5 << QStringList {u"Blue Skies"_s, u"Irving Berlin"_s, u"54"_s, u"2:46"_s};
    QTest::newRow("same cue, other title")
        << 1 << 2 << QStringList {u"Dahj's Last Fight"_s, u"Jeff Russo"_s, u"6"_s, u"1:51"_s};
}

void tst_CatalogModel::trackRows()
{
    QFETCH(int, release);
    QFETCH(int, track);
    QFETCH(QStringList, columns);
    CatalogModel model;
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    const QModelIndex index = ::track(model, release, track);
    for (int column = 0; column < CatalogModel::ColumnCount; ++column)
        QCOMPARE(text(index, column), columns.at(column));
    // Unknown is no value at all, not "0:00".
    QCOMPARE(index.siblingAtColumn(CatalogModel::DurationColumn).data().isValid(),
        !columns.at(CatalogModel::DurationColumn).isEmpty());
}

void tst_CatalogModel::catalogRows()
{
    CatalogModel model;
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    QVERIFY(model.addCatalog(TestCatalogs::picardSeason3()));
    QCOMPARE(text(model.index(0, 0), CatalogModel::TitleColumn), u"Star Trek: Picard"_s);
    QCOMPARE(text(model.index(0, 0), CatalogModel::ArtistColumn), u"2 releases"_s);
    QCOMPARE(text(model.index(1, 0), CatalogModel::ArtistColumn), u"1 release"_s);
    QCOMPARE(
        model.index(1, 0).data(CatalogModel::KindRole).toInt(), int(CatalogModel::CatalogItem));
    QCOMPARE(model.index(1, 0).data(CatalogModel::CatalogIdRole).toString(), Season3);

    // Several discs: disc-number.
    const QModelIndex season3 = model.index(0, 0, model.index(1, 0));
    QCOMPARE(text(model.index(0, 0, season3), CatalogModel::NumberColumn), u"1-01"_s);
    QCOMPARE(text(model.index(1, 0, season3), CatalogModel::NumberColumn), u"2-04"_s);
    QCOMPARE(text(model.index(1, 0, season3), CatalogModel::ArtistColumn),
        u"Stephen Barton, Frederik Wiedmann"_s);
}

void tst_CatalogModel::roles()
{
    CatalogModel model;
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    const QModelIndex chapter1 = model.index(0, 0);
    const QModelIndex mainTitle = model.index(0, 0, chapter1);
    const QModelIndex mysteryShip = model.index(6, 0, chapter1);

    QCOMPARE(chapter1.data(CatalogModel::KindRole).toInt(), int(CatalogModel::ReleaseItem));
    QCOMPARE(chapter1.data(CatalogModel::CatalogIdRole).toString(), Picard);
    QCOMPARE(chapter1.data(CatalogModel::ReleaseIdRole).toString(), u"chapter-1"_s);
    QCOMPARE(chapter1.data(CatalogModel::DurationMsRole).toLongLong(), 764'000);
    QVERIFY(!chapter1.data(CatalogModel::CueIdRole).isValid());

    QCOMPARE(mainTitle.data(CatalogModel::KindRole).toInt(), int(CatalogModel::TrackItem));
    QCOMPARE(mainTitle.data(CatalogModel::CatalogIdRole).toString(), Picard);
    QCOMPARE(mainTitle.data(CatalogModel::ReleaseIdRole).toString(), u"chapter-1"_s);
    QCOMPARE(mainTitle.data(CatalogModel::CueIdRole).toString(), u"main-title"_s);
    QCOMPARE(mainTitle.data(CatalogModel::DurationMsRole).toLongLong(), 103'000);
    QCOMPARE(mysteryShip.data(CatalogModel::DurationMsRole).toLongLong(), -1);
    QCOMPARE(mainTitle.data(CatalogModel::HasNoteRole).toBool(), false);
    QCOMPARE(mainTitle.data(CatalogModel::HasFileRole).toInt(), int(FileState::None));

    QCOMPARE(mainTitle.data(Qt::ToolTipRole).toString(), u"Remembrance"_s);
    QVERIFY(!model.index(1, 0, chapter1).data(Qt::ToolTipRole).isValid());

    const int right = int(Qt::AlignRight | Qt::AlignVCenter);
    QCOMPARE(
        mainTitle.siblingAtColumn(CatalogModel::NumberColumn).data(Qt::TextAlignmentRole).toInt(),
        right);
    QCOMPARE(
        mainTitle.siblingAtColumn(CatalogModel::DurationColumn).data(Qt::TextAlignmentRole).toInt(),
        right);
    QCOMPARE(
        chapter1.siblingAtColumn(CatalogModel::DurationColumn).data(Qt::TextAlignmentRole).toInt(),
        right);
    QVERIFY(!mainTitle.data(Qt::TextAlignmentRole).isValid());
}

void tst_CatalogModel::headers()
{
    CatalogModel model;
    const QStringList expected {u"Title"_s, u"Artists"_s, u"#/Date"_s, u"Duration"_s};
    for (int section = 0; section < CatalogModel::ColumnCount; ++section)
        QCOMPARE(model.headerData(section, Qt::Horizontal).toString(), expected.at(section));
}

void tst_CatalogModel::noteStateReachesEveryRelease()
{
    CatalogModel model;
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setNoteState({Picard, u"dahjs-last-fight"_s}, true);

    QCOMPARE(changed.count(), 2);
    const QModelIndex onChapter1 = track(model, 0, 3);
    const QModelIndex onSeason1 = track(model, 1, 2);
    const QList<QModelIndex> lastColumn {onChapter1.siblingAtColumn(CatalogModel::ColumnCount - 1),
        onSeason1.siblingAtColumn(CatalogModel::ColumnCount - 1)};
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(changed.at(i).at(0).value<QModelIndex>(), i == 0 ? onChapter1 : onSeason1);
        QCOMPARE(changed.at(i).at(1).value<QModelIndex>(), lastColumn.at(i));
        QCOMPARE(changed.at(i).at(2).value<QList<int>>(),
            (QList<int> {CatalogModel::HasNoteRole, Qt::FontRole, Qt::ToolTipRole}));
    }
    QVERIFY(onChapter1.data(CatalogModel::HasNoteRole).toBool());
    QVERIFY(onSeason1.data(CatalogModel::HasNoteRole).toBool());
    QVERIFY(!track(model, 0, 0).data(CatalogModel::HasNoteRole).toBool());
    QVERIFY(model.hasNote({Picard, u"dahjs-last-fight"_s}));

    // No change, no signal.
    model.setNoteState({Picard, u"dahjs-last-fight"_s}, true);
    QCOMPARE(changed.count(), 2);
    model.setNoteState({Picard, u"dahjs-last-fight"_s}, false);
    QCOMPARE(changed.count(), 4);
    QVERIFY(!onSeason1.data(CatalogModel::HasNoteRole).toBool());
    // Unknown cues and catalogs are ignored.
    model.setNoteState({Picard, u"no-such-cue"_s}, true);
    model.setNoteState({u"no-such-catalog"_s, u"main-title"_s}, true);
    QCOMPARE(changed.count(), 4);
}

void tst_CatalogModel::fileStateReachesEveryRelease()
{
    CatalogModel model;
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    QVERIFY(model.addCatalog(TestCatalogs::picardSeason3()));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setFileState({Picard, u"main-title"_s}, FileState::Missing);

    const QModelIndex picard = model.index(0, 0);
    const QModelIndex onChapter1 = model.index(0, 0, model.index(0, 0, picard));
    const QModelIndex onSeason1 = model.index(0, 0, model.index(1, 0, picard));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), onChapter1);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), onChapter1.siblingAtColumn(3));
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), onSeason1);
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>(), onSeason1.siblingAtColumn(3));
    QCOMPARE(changed.at(1).at(2).value<QList<int>>(),
        (QList<int> {CatalogModel::HasFileRole, Qt::FontRole, Qt::ToolTipRole}));
    QCOMPARE(onChapter1.data(CatalogModel::HasFileRole).toInt(), int(FileState::Missing));
    QCOMPARE(onSeason1.data(CatalogModel::HasFileRole).toInt(), int(FileState::Missing));
    QCOMPARE(model.fileState({Picard, u"main-title"_s}), FileState::Missing);

    model.setFileState({Picard, u"main-title"_s}, FileState::Linked);
    QCOMPARE(changed.count(), 4);
    QCOMPARE(onSeason1.data(CatalogModel::HasFileRole).toInt(), int(FileState::Linked));

    // Once per cue, however many releases hold it; nothing when nothing changes.
    QSignalSpy perCue(&model, &CatalogModel::fileStateChanged);
    model.setFileState({Picard, u"main-title"_s}, FileState::Missing);
    model.setFileState({Picard, u"main-title"_s}, FileState::Missing);
    model.setNoteState({Picard, u"main-title"_s}, true);
    QCOMPARE(perCue.count(), 1);
    QCOMPARE(perCue.first().at(0).value<CueKey>(), (CueKey {Picard, u"main-title"_s}));
}

void tst_CatalogModel::statesAreKeptApart()
{
    CatalogModel model;
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    model.setNoteState({Picard, u"main-title"_s}, true);
    model.setFileState({Picard, u"main-title"_s}, FileState::Linked);
    model.setFileState({Picard, u"end-title"_s}, FileState::Missing);

    QVERIFY(model.hasNote({Picard, u"main-title"_s}));
    QCOMPARE(model.fileState({Picard, u"main-title"_s}), FileState::Linked);
    QVERIFY(!model.hasNote({Picard, u"end-title"_s}));
    QCOMPARE(model.fileState({Picard, u"end-title"_s}), FileState::Missing);
    model.setNoteState({Picard, u"main-title"_s}, false);
    QCOMPARE(model.fileState({Picard, u"main-title"_s}), FileState::Linked);

    // The widest state keeps its neighbours too, and reads as absent, with the reason.
    model.setNoteState({Picard, u"end-title"_s}, true);
    model.setPlayingCue({Picard, u"end-title"_s});
    model.setFileState({Picard, u"end-title"_s}, FileState::Unplayable);
    QCOMPARE(model.fileState({Picard, u"end-title"_s}), FileState::Unplayable);
    QVERIFY(model.hasNote({Picard, u"end-title"_s}));
    const QModelIndex endTitle = model.indexesOfCue({Picard, u"end-title"_s}).constFirst();
    QVERIFY(endTitle.data(CatalogModel::IsPlayingRole).toBool());
    QVERIFY(endTitle.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(endTitle.data(Qt::ToolTipRole).toString().contains(u"would not play"_s));
}

void tst_CatalogModel::lookups()
{
    CatalogModel model;
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    QCOMPARE(model.indexOfRelease(Picard, u"season-1"_s), model.index(1, 0));
    QVERIFY(!model.indexOfRelease(Picard, u"no-such-release"_s).isValid());
    QVERIFY(!model.indexOfRelease(Season3, u"season-3"_s).isValid());
    QVERIFY(!model.indexOfCatalog(Picard).isValid());

    const QList<QModelIndex> dahj = model.indexesOfCue({Picard, u"dahjs-last-fight"_s});
    QCOMPARE(dahj, (QList<QModelIndex> {track(model, 0, 3), track(model, 1, 2)}));
    QVERIFY(model.indexesOfCue({Picard, u"no-such-cue"_s}).isEmpty());
    QCOMPARE(model.catalog(Picard)->title, u"Star Trek: Picard"_s);
    QCOMPARE(model.catalog(Season3), nullptr);

    QVERIFY(model.addCatalog(TestCatalogs::picardSeason3()));
    QCOMPARE(model.indexOfCatalog(Season3), model.index(1, 0));
    const QModelIndex season3 = model.indexOfRelease(Season3, u"season-3"_s);
    QCOMPARE(season3.parent(), model.index(1, 0));
    QCOMPARE(text(season3, 0), u"Star Trek: Picard – Season 3 (Original Series Soundtrack)"_s);
    const QList<QModelIndex> spacedock = model.indexesOfCue({Season3, u"leaving-spacedock"_s});
    QCOMPARE(spacedock.size(), 1);
    QCOMPARE(spacedock.first().parent(), season3);
    QCOMPARE(text(spacedock.first(), 0), u"Leaving Spacedock"_s);
}

void tst_CatalogModel::itemOfIndex()
{
    CatalogModel model;
    QVERIFY(model.addCatalog(TestCatalogs::picardSeason3()));
    QVERIFY(model.addCatalog(TestCatalogs::picard()));
    const QModelIndex season1 = model.indexOfRelease(Picard, u"season-1"_s);
    const QModelIndex blueSkies = model.index(5, 0, season1);

    const CatalogModel::Item item = model.item(blueSkies);
    QCOMPARE(item.kind, CatalogModel::TrackItem);
    QCOMPARE(item.catalog, 1);
    QCOMPARE(item.release, 1);
    QCOMPARE(item.track, 5);
    QCOMPARE(model.index(item), blueSkies);
    QCOMPARE(model.item(5, season1).track, 5);
    QCOMPARE(model.item(season1).kind, CatalogModel::ReleaseItem);
    QCOMPARE(model.item(0, QModelIndex()).kind, CatalogModel::CatalogItem);
    const Release &release = model.catalogs().at(item.catalog).releases.at(item.release);
    QCOMPARE(release.tracks.at(item.track).cueId, u"blue-skies"_s);
}

QTEST_GUILESS_MAIN(tst_CatalogModel)
#include "tst_catalogmodel.moc"
