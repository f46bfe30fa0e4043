#include "itemmodels/catalogmodel.h"
#include "itemmodels/markermodel.h"
#include "testcatalogs.h"
#include "userdata/markercommands.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;
const CueKey MainTitle {Picard, u"main-title"_s};
const CueKey EndTitle {Picard, u"end-title"_s};
} // namespace

// One cue's markers as a table: what it shows, how it follows the store, and that every edit
// made through it is a step on the undo stack.
class tst_MarkerModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsTheCuesMarkersInTheOrderHeard();
    void followsTheStoreRowByRow();
    void anotherCueStartsAfresh();
    void editsAreUndoableSteps();
    void timesAreReadAsTyped_data();
    void timesAreReadAsTyped();
    void badTimesAreRefusedAndKeepTheValue_data();
    void badTimesAreRefusedAndKeepTheValue();
    void theEndMakesARangeOrAPoint();
    void themeByIdShownByName();
    void aMoveInTimeKeepsTheSelection();
    void addAndRemoveAreUndoable();
    void readOnlyWithoutAnUndoStack();
    void aKeptWriteIsAStepAndIsUndone();

private:
    Marker put(const CueKey &cue, qint64 startMs, const QString &label, qint64 endMs = -1);
    QString display(int row, int column) const
    {
        return m_model->index(row, column).data().toString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    std::unique_ptr<CatalogModel> m_catalogs;
    std::unique_ptr<QUndoStack> m_undo;
    std::unique_ptr<MarkerModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_MarkerModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY2(
        m_userData->open(m_dir->filePath(u"user.sqlite"_s)), qPrintable(m_userData->errorString()));
    m_catalogs = std::make_unique<CatalogModel>();
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picard()));
    m_undo = std::make_unique<QUndoStack>();
    m_model = std::make_unique<MarkerModel>(m_catalogs.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setStore(m_userData->markers());
    m_model->setUndoStack(m_undo.get());
    m_model->setCue(MainTitle);
}

void tst_MarkerModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_undo.reset();
    m_catalogs.reset();
    m_userData.reset();
}

Marker tst_MarkerModel::put(const CueKey &cue, qint64 startMs, const QString &label, qint64 endMs)
{
    Marker marker;
    marker.id = Marker::newId();
    marker.cue = cue;
    marker.startMs = startMs;
    marker.endMs = endMs;
    marker.label = label;
    if (!m_userData->markers()->putMarker(marker))
        qFatal("could not put the marker %s", qPrintable(label));
    return *m_userData->markers()->marker(marker.id);
}

void tst_MarkerModel::showsTheCuesMarkersInTheOrderHeard()
{
    Marker march = put(MainTitle, 72'345, u"the March in the horns"_s, 90'000);
    march.themeId = u"star-trek-march"_s;
    march.kind = u"quotation"_s;
    QVERIFY(m_userData->markers()->putMarker(march));
    put(MainTitle, 12'000, u"fanfare"_s);
    put(EndTitle, 1'000, u"another cue"_s);

    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), int(MarkerModel::ColumnCount));
    QCOMPARE(display(0, MarkerModel::LabelColumn), u"fanfare"_s);
    QCOMPARE(display(0, MarkerModel::StartColumn), u"0:12.0"_s);
    // A point has no end.
    QCOMPARE(display(0, MarkerModel::EndColumn), QString());
    QCOMPARE(
        m_model->index(0, MarkerModel::EndColumn).data(MarkerModel::TimeMsRole).toLongLong(), -1);
    QCOMPARE(display(1, MarkerModel::StartColumn), u"1:12.3"_s);
    QCOMPARE(display(1, MarkerModel::EndColumn), u"1:30.0"_s);
    QCOMPARE(display(1, MarkerModel::ThemeColumn), u"Star Trek March"_s);
    QCOMPARE(display(1, MarkerModel::KindColumn), u"quotation"_s);
    // The editor gets the whole time, and the theme's id.
    const QModelIndex start = m_model->index(1, MarkerModel::StartColumn);
    QCOMPARE(start.data(Qt::EditRole).toString(), u"1:12.345"_s);
    QCOMPARE(start.data(MarkerModel::TimeMsRole).toLongLong(), 72'345);
    QCOMPARE(start.data(MarkerModel::MarkerIdRole).toString(), march.id);
    QCOMPARE(m_model->index(1, MarkerModel::ThemeColumn).data(Qt::EditRole).toString(),
        u"star-trek-march"_s);
    QCOMPARE(m_model->headerData(MarkerModel::StartColumn, Qt::Horizontal).toString(), u"Start"_s);
    QCOMPARE(m_model->headerData(MarkerModel::ThemeColumn, Qt::Horizontal).toString(), u"Theme"_s);
    QVERIFY(m_model->flags(start).testFlag(Qt::ItemIsEditable));
    QCOMPARE(m_model->rowOf(march.id), 1);
    QCOMPARE(m_model->rowOf(u"no-such-id"_s), -1);
}

void tst_MarkerModel::followsTheStoreRowByRow()
{
    const Marker first = put(MainTitle, 10'000, u"first"_s);
    const Marker third = put(MainTitle, 30'000, u"third"_s);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

    put(MainTitle, 20'000, u"second"_s);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(display(1, MarkerModel::LabelColumn), u"second"_s);

    Marker renamed = third;
    renamed.label = u"the third"_s;
    QVERIFY(m_userData->markers()->putMarker(renamed));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
    QCOMPARE(display(2, MarkerModel::LabelColumn), u"the third"_s);

    QVERIFY(m_userData->markers()->removeMarker(first.id));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(m_model->rowCount(), 2);

    // Another cue's markers are none of its business.
    put(EndTitle, 5'000, u"elsewhere"_s);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(reset.count(), 0);
}

void tst_MarkerModel::anotherCueStartsAfresh()
{
    put(MainTitle, 10'000, u"main"_s);
    put(EndTitle, 1'000, u"end one"_s);
    put(EndTitle, 2'000, u"end two"_s);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setCue(EndTitle);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(display(0, MarkerModel::LabelColumn), u"end one"_s);
    m_model->setCue({});
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setCue(MainTitle);
    m_model->setStore(nullptr);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->isEditable());
}

void tst_MarkerModel::editsAreUndoableSteps()
{
    const Marker marker = put(MainTitle, 10'000, u"strings"_s);
    const QModelIndex label = m_model->index(0, MarkerModel::LabelColumn);
    QVERIFY(m_model->setData(label, u"  the March in the horns "_s));
    QCOMPARE(m_userData->markers()->marker(marker.id)->label, u"the March in the horns"_s);
    QCOMPARE(display(0, MarkerModel::LabelColumn), u"the March in the horns"_s);
    QCOMPARE(m_undo->count(), 1);
    QCOMPARE(m_undo->undoText(), u"Rename Marker “strings”"_s);

    QVERIFY(m_model->setData(m_model->index(0, MarkerModel::KindColumn), u"a sigh"_s));
    QCOMPARE(m_userData->markers()->marker(marker.id)->kind, u"a sigh"_s);
    // Writing what is there already is no step.
    QVERIFY(m_model->setData(m_model->index(0, MarkerModel::KindColumn), u"a sigh"_s));
    QCOMPARE(m_undo->count(), 2);

    m_undo->undo();
    QCOMPARE(m_userData->markers()->marker(marker.id)->kind, QString());
    m_undo->undo();
    const Marker restored = *m_userData->markers()->marker(marker.id);
    QCOMPARE(restored.label, u"strings"_s);
    // Undone to the marker as it was, its time of change included.
    QCOMPARE(restored, marker);
    m_undo->redo();
    QCOMPARE(display(0, MarkerModel::LabelColumn), u"the March in the horns"_s);
}

void tst_MarkerModel::timesAreReadAsTyped_data()
{
    QTest::addColumn<QVariant>("typed");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("m:ss") << QVariant(u"1:12"_s) << qint64(72'000);
    QTest::newRow("m:ss.zzz") << QVariant(u"1:12.250"_s) << qint64(72'250);
    QTest::newRow("as shown") << QVariant(u"1:12.3"_s) << qint64(72'300);
    QTest::newRow("seconds") << QVariant(u"72.5"_s) << qint64(72'500);
    QTest::newRow("milliseconds, from the timeline") << QVariant(qint64(4'321)) << qint64(4'321);
}

void tst_MarkerModel::timesAreReadAsTyped()
{
    QFETCH(QVariant, typed);
    QFETCH(qint64, ms);
    const Marker marker = put(MainTitle, 10'000, u"x"_s);
    QVERIFY(m_model->setData(m_model->index(0, MarkerModel::StartColumn), typed));
    QCOMPARE(m_userData->markers()->marker(marker.id)->startMs, ms);
    QCOMPARE(m_undo->undoText(), u"Move Marker “x”"_s);
}

void tst_MarkerModel::badTimesAreRefusedAndKeepTheValue_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("typed");
    QTest::addColumn<QString>("said");
    const int start = MarkerModel::StartColumn;
    const int end = MarkerModel::EndColumn;
    QTest::newRow("word") << start << QVariant(u"soon"_s) << u"“soon” is not a time"_s;
    QTest::newRow("empty start") << start << QVariant(QString()) << u"is not a time"_s;
    QTest::newRow("one-digit seconds") << start << QVariant(u"1:7"_s) << u"1:12.250"_s;
    QTest::newRow("negative") << start << QVariant(qint64(-5)) << u"is not a time"_s;
    QTest::newRow("start after end") << start << QVariant(u"0:40"_s) << u"it ends at 0:30.0"_s;
    QTest::newRow("end before start") << end << QVariant(u"0:05"_s) << u"before it starts"_s;
    QTest::newRow("end a word") << end << QVariant(u"later"_s) << u"Leave the end empty"_s;
}

void tst_MarkerModel::badTimesAreRefusedAndKeepTheValue()
{
    QFETCH(int, column);
    QFETCH(QVariant, typed);
    QFETCH(QString, said);
    const Marker marker = put(MainTitle, 10'000, u"x"_s, 30'000);
    QSignalSpy refused(m_model.get(), &MarkerModel::editRefused);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(!m_model->setData(m_model->index(0, column), typed));
    QCOMPARE(refused.count(), 1);
    QVERIFY2(
        refused.at(0).at(0).toString().contains(said), qPrintable(refused.at(0).at(0).toString()));
    QCOMPARE(*m_userData->markers()->marker(marker.id), marker);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_undo->count(), 0);
}

void tst_MarkerModel::theEndMakesARangeOrAPoint()
{
    const Marker marker = put(MainTitle, 10'000, u"x"_s);
    const QModelIndex end = m_model->index(0, MarkerModel::EndColumn);
    QVERIFY(m_model->setData(end, u"0:25"_s));
    QCOMPARE(m_userData->markers()->marker(marker.id)->endMs, 25'000);
    QCOMPARE(end.data().toString(), u"0:25.0"_s);
    // Emptied, it is a point again; so is a range of no length.
    QVERIFY(m_model->setData(end, u""_s));
    QCOMPARE(m_userData->markers()->marker(marker.id)->endMs, -1);
    QVERIFY(m_model->setData(end, u"10"_s));
    QCOMPARE(m_userData->markers()->marker(marker.id)->endMs, -1);
    QCOMPARE(m_undo->count(), 2);
}

void tst_MarkerModel::themeByIdShownByName()
{
    const Marker marker = put(MainTitle, 10'000, u"x"_s);
    const QModelIndex theme = m_model->index(0, MarkerModel::ThemeColumn);
    QVERIFY(m_model->setData(theme, u"romulan"_s));
    QCOMPARE(m_userData->markers()->marker(marker.id)->themeId, u"romulan"_s);
    QCOMPARE(theme.data().toString(), u"Romulan theme"_s);
    QCOMPARE(m_undo->undoText(), u"Set Theme of “x”"_s);

    QSignalSpy refused(m_model.get(), &MarkerModel::editRefused);
    QVERIFY(!m_model->setData(theme, u"no-such-theme"_s));
    QCOMPARE(refused.count(), 1);
    QVERIFY(refused.at(0).at(0).toString().contains(u"no-such-theme"_s));
    QCOMPARE(m_userData->markers()->marker(marker.id)->themeId, u"romulan"_s);

    QVERIFY(m_model->setData(theme, QString()));
    QCOMPARE(m_userData->markers()->marker(marker.id)->themeId, QString());
    QCOMPARE(theme.data().toString(), QString());
}

void tst_MarkerModel::aMoveInTimeKeepsTheSelection()
{
    put(MainTitle, 10'000, u"a"_s);
    put(MainTitle, 20'000, u"b"_s);
    const Marker c = put(MainTitle, 30'000, u"c"_s);
    QItemSelectionModel selection(m_model.get());
    selection.setCurrentIndex(
        m_model->index(2, MarkerModel::StartColumn), QItemSelectionModel::ClearAndSelect);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);

    // c moves to the front: the row moves, and the selection with it.
    QVERIFY(m_model->setData(selection.currentIndex(), u"0:05"_s));
    QCOMPARE(layout.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(display(0, MarkerModel::LabelColumn), u"c"_s);
    QCOMPARE(selection.currentIndex(), m_model->index(0, MarkerModel::StartColumn));
    QCOMPARE(selection.selectedIndexes(), {m_model->index(0, MarkerModel::StartColumn)});
    QCOMPARE(selection.currentIndex().data(MarkerModel::MarkerIdRole).toString(), c.id);

    // And back, by undo.
    m_undo->undo();
    QCOMPARE(layout.count(), 2);
    QCOMPARE(selection.currentIndex(), m_model->index(2, MarkerModel::StartColumn));
    QCOMPARE(display(2, MarkerModel::StartColumn), u"0:30.0"_s);
}

void tst_MarkerModel::addAndRemoveAreUndoable()
{
    put(MainTitle, 30'000, u"kept"_s);
    const QString id = m_model->addMarkerAt(72'400);
    QVERIFY(!id.isEmpty());
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(display(1, MarkerModel::LabelColumn), u"Marker at 1:12"_s);
    QCOMPARE(m_undo->undoText(), u"Add Marker “Marker at 1:12”"_s);
    m_undo->undo();
    QCOMPARE(m_model->rowCount(), 1);
    m_undo->redo();
    QCOMPARE(m_model->rowOf(id), 1);

    const QList<Marker> before = m_userData->markers()->markers(MainTitle);
    QVERIFY(m_model->removeMarkers({id, m_model->marker(0).id}));
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_undo->undoText(), u"Remove 2 Markers"_s);
    m_undo->undo();
    // Back with their ids and times, and as they were.
    QCOMPARE(m_userData->markers()->markers(MainTitle), before);
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(!m_model->removeMarkers({u"no-such-id"_s}));
    QCOMPARE(m_undo->count(), 2);
}

void tst_MarkerModel::readOnlyWithoutAnUndoStack()
{
    const Marker marker = put(MainTitle, 10'000, u"x"_s);
    m_model->setUndoStack(nullptr);
    QVERIFY(!m_model->isEditable());
    const QModelIndex label = m_model->index(0, MarkerModel::LabelColumn);
    QVERIFY(!m_model->flags(label).testFlag(Qt::ItemIsEditable));
    QVERIFY(!m_model->setData(label, u"y"_s));
    QVERIFY(m_model->addMarkerAt(0).isEmpty());
    QCOMPARE(m_userData->markers()->marker(marker.id)->label, u"x"_s);
}

void tst_MarkerModel::aKeptWriteIsAStepAndIsUndone()
{
    const Marker marker = put(MainTitle, 10'000, u"x"_s);
    // A file that refuses every change, as a full disk does: the edit is kept in memory, shows,
    // and is a step like any other.
    const QString file = m_dir->filePath(u"user.sqlite"_s);
    QVERIFY(UserDataFixtures::runSql(file,
        {u"CREATE TRIGGER refuse BEFORE UPDATE ON markers "
         "BEGIN SELECT RAISE(ABORT, 'disk full'); END"_s}));
    QSignalSpy errors(m_userData.get(), &UserDatabase::errorOccurred);
    QVERIFY(m_model->setData(m_model->index(0, MarkerModel::LabelColumn), u"y"_s));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(m_undo->count(), 1);
    QCOMPARE(display(0, MarkerModel::LabelColumn), u"y"_s);
    QVERIFY(m_userData->hasPendingWrites());
    m_undo->undo();
    QCOMPARE(display(0, MarkerModel::LabelColumn), u"x"_s);
    // Told once for the run of failures.
    QCOMPARE(errors.count(), 1);

    QVERIFY(UserDataFixtures::runSql(file, {u"DROP TRIGGER refuse"_s}));
    QVERIFY(m_userData->retryPendingWrites());
    QVERIFY(!m_userData->hasPendingWrites());
    QCOMPARE(m_userData->markers()->marker(marker.id)->label, u"x"_s);
}

QTEST_GUILESS_MAIN(tst_MarkerModel)
#include "tst_markermodel.moc"
