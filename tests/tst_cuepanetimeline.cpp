#include "itemmodels/catalogmodel.h"
#include "markers/markerpanel.h"
#include "markers/markertable.h"
#include "panes/cuepane.h"
#include "testcatalogs.h"
#include "timeline/cuetimeline.h"
#include "userdata/filelinkstore.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QFile>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;
const CueKey MainTitle {Picard, u"main-title"_s};
const CueKey LastFight {Picard, u"dahjs-last-fight"_s};
} // namespace

// The cue pane's timeline, above its notebook: fed with the cue, driven as a user would, its
// requests turned into plays, markers added and moved on the undo stack.
class tst_CuePaneTimeline : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void standsAboveTheNotebookAndShowsTheCue();
    void clickPlaysFromThereWhenTheCueHasAFile();
    void clickOnTheCueThatPlaysSeeksIt();
    void shiftClickAddsAMarkerToUndo();
    void dragMovesAMarkerInOneUndoableStep();
    void selectionFollowsTheTable();
    void playheadOnlyOnTheCueThatPlays();

private:
    QPoint atTime(qint64 ms) const
    {
        return QPoint(int(std::lround(m_timeline->scale().xOf(double(ms)))),
            int(m_timeline->trackRect().center().y()));
    }
    Marker putMarker(qint64 startMs, const QString &label)
    {
        Marker marker;
        marker.id = Marker::newId();
        marker.cue = MainTitle;
        marker.startMs = startMs;
        marker.label = label;
        if (!m_userData->markers()->putMarker(marker))
            qFatal("cannot store a marker");
        return marker;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    std::unique_ptr<CatalogModel> m_catalogs;
    std::unique_ptr<QUndoStack> m_undo;
    std::unique_ptr<CuePane> m_pane;
    CueTimeline *m_timeline = nullptr;
};

void tst_CuePaneTimeline::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY2(
        m_userData->open(m_dir->filePath(u"user.sqlite"_s)), qPrintable(m_userData->errorString()));
    m_catalogs = std::make_unique<CatalogModel>();
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picard()));
    m_undo = std::make_unique<QUndoStack>();
    m_pane = std::make_unique<CuePane>(m_catalogs.get());
    m_pane->setUserData(m_userData.get());
    m_pane->setUndoStack(m_undo.get());
    m_pane->resize(700, 700);
    m_timeline = m_pane->findChild<CueTimeline *>(u"cueTimeline"_s);
    QVERIFY(m_timeline);
    QCOMPARE(m_pane->timeline(), m_timeline);
}

void tst_CuePaneTimeline::cleanup()
{
    m_pane.reset();
    m_undo.reset();
    m_catalogs.reset();
    m_userData.reset();
    m_dir.reset();
}

void tst_CuePaneTimeline::standsAboveTheNotebookAndShowsTheCue()
{
    putMarker(72'000, u"the March"_s);
    m_pane->showCue(MainTitle);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    auto *notebook = m_pane->findChild<QTabWidget *>(u"cueNotebook"_s);
    QVERIFY(notebook);
    QCOMPARE(m_timeline->parentWidget(), notebook->parentWidget());
    QVERIFY(m_timeline->geometry().bottom() < notebook->geometry().top());
    QVERIFY(m_timeline->height() >= 64 && m_timeline->height() <= 90);

    QCOMPARE(m_timeline->duration(), 103'000);
    QVERIFY(!m_timeline->occurrences().isEmpty());
    QCOMPARE(m_timeline->markers().size(), 1);
    QCOMPARE(m_timeline->waveformStatus(), CueTimeline::WaveformStatus::NoAudioFile);
    // A new marker in the store is on the timeline at once.
    putMarker(90'000, u"fanfare"_s);
    QCOMPARE(m_timeline->markers().size(), 2);
    m_pane->clear();
    QCOMPARE(m_timeline->duration(), 0);
    QVERIFY(m_timeline->markers().isEmpty());
}

void tst_CuePaneTimeline::clickPlaysFromThereWhenTheCueHasAFile()
{
    m_pane->showCue(MainTitle);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    QSignalSpy actions(m_pane.get(), &CuePane::actionRequested);
    // No file: nothing to play, and nothing asked.
    QTest::mouseClick(m_timeline, Qt::LeftButton, {}, atTime(30'000));
    QCOMPARE(actions.size(), 0);

    const QString path = m_dir->filePath(u"01 Main Title.flac"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("fLaC") == 4);
    file.close();
    FileLink link;
    link.cue = MainTitle;
    link.file.path = path;
    QVERIFY(m_userData->fileLinks()->linkFile(link));
    m_catalogs->setFileState(MainTitle, FileState::Linked);
    const QPoint at = atTime(30'000);
    QTest::mouseClick(m_timeline, Qt::LeftButton, {}, at);
    QCOMPARE(actions.size(), 1);
    const PaneAction action = actions.at(0).at(0).value<PaneAction>();
    QCOMPARE(action.kind, PaneAction::Play);
    QCOMPARE(action.cue.id, MainTitle.cueId);
    QCOMPARE(action.startMs, m_timeline->scale().msAt(at.x()));
}

// Seeking keeps the rest of the release queued, where playing the cue again would not.
void tst_CuePaneTimeline::clickOnTheCueThatPlaysSeeksIt()
{
    m_pane->showCue(MainTitle);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    QSignalSpy actions(m_pane.get(), &CuePane::actionRequested);
    m_pane->setPlayhead(MainTitle, 5'000);
    const QPoint at = atTime(40'000);
    QTest::mouseClick(m_timeline, Qt::LeftButton, {}, at);
    QCOMPARE(actions.size(), 1);
    PaneAction action = actions.at(0).at(0).value<PaneAction>();
    QCOMPARE(action.kind, PaneAction::Seek);
    QCOMPARE(action.cue.catalogId, Picard);
    QCOMPARE(action.cue.id, MainTitle.cueId);
    QCOMPARE(action.startMs, m_timeline->scale().msAt(at.x()));

    // Another cue plays, and this one has no file: nothing to seek nor to play.
    m_pane->setPlayhead(LastFight, 5'000);
    QTest::mouseClick(m_timeline, Qt::LeftButton, {}, at);
    QCOMPARE(actions.size(), 1);
    // The keys seek the playing cue too.
    m_pane->setPlayhead(MainTitle, 5'000);
    m_timeline->setFocus();
    QTest::keyClick(m_timeline, Qt::Key_Right);
    QCOMPARE(actions.size(), 2);
    action = actions.at(1).at(0).value<PaneAction>();
    QCOMPARE(action.kind, PaneAction::Seek);
    QCOMPARE(action.startMs, 5'000 + CueTimeline::NudgeMs);
}

void tst_CuePaneTimeline::shiftClickAddsAMarkerToUndo()
{
    m_pane->showCue(MainTitle);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    const QPoint at = atTime(50'000);
    QTest::mouseClick(m_timeline, Qt::LeftButton, Qt::ShiftModifier, at);
    const QList<Marker> stored = m_userData->markers()->markers(MainTitle);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).startMs, m_timeline->scale().msAt(at.x()));
    QCOMPARE(m_timeline->markers().size(), 1);
    QCOMPARE(m_undo->count(), 1);
    m_undo->undo();
    QVERIFY(m_userData->markers()->markers(MainTitle).isEmpty());
    QVERIFY(m_timeline->markers().isEmpty());
}

void tst_CuePaneTimeline::dragMovesAMarkerInOneUndoableStep()
{
    const Marker march = putMarker(40'000, u"the March"_s);
    m_pane->showCue(MainTitle);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    const QPoint from = atTime(40'000);
    const QPoint to = atTime(60'000);
    QTest::mousePress(m_timeline, Qt::LeftButton, {}, from);
    for (int step = 1; step <= 5; ++step)
        QTest::mouseMove(m_timeline, from + (to - from) * step / 5);
    QTest::mouseRelease(m_timeline, Qt::LeftButton, {}, to);

    QCOMPARE(m_undo->count(), 1);
    const qint64 moved = m_userData->markers()->marker(march.id)->startMs;
    QVERIFY2(std::abs(moved - 60'000) <= m_timeline->scale().msPerPixel(),
        qPrintable(QString::number(moved)));
    QCOMPARE(m_timeline->markers().at(0).startMs, moved);
    m_undo->undo();
    QCOMPARE(m_userData->markers()->marker(march.id)->startMs, 40'000);
    QCOMPARE(m_timeline->markers().at(0).startMs, 40'000);

    // Without an undo stack markers are read-only: a drag comes back to where it was.
    m_pane->setUndoStack(nullptr);
    QTest::mousePress(m_timeline, Qt::LeftButton, {}, from);
    QTest::mouseMove(m_timeline, from + QPoint(20, 0));
    QTest::mouseMove(m_timeline, from + QPoint(40, 0));
    QTest::mouseRelease(m_timeline, Qt::LeftButton, {}, from + QPoint(40, 0));
    QCOMPARE(m_userData->markers()->marker(march.id)->startMs, 40'000);
    QCOMPARE(m_timeline->markers().at(0).startMs, 40'000);
}

void tst_CuePaneTimeline::selectionFollowsTheTable()
{
    const Marker early = putMarker(20'000, u"early"_s);
    const Marker late = putMarker(80'000, u"late"_s);
    m_pane->showCue(MainTitle);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    MarkerTable *table = m_pane->findChild<MarkerTable *>();
    QVERIFY(table);
    // A marker clicked on the timeline is selected in the table…
    QTest::mouseClick(m_timeline, Qt::LeftButton, {}, atTime(80'000));
    QCOMPARE(table->selectedMarkerIds(), QStringList {late.id});
    // …and one selected in the table on the timeline.
    table->selectRow(0);
    QCOMPARE(m_timeline->selectedMarker(), early.id);
}

void tst_CuePaneTimeline::playheadOnlyOnTheCueThatPlays()
{
    m_pane->showCue(MainTitle);
    m_pane->setPlayhead(MainTitle, 5'000);
    QCOMPARE(m_timeline->position(), 5'000);
    m_pane->setPlayhead(LastFight, 6'000);
    QCOMPARE(m_timeline->position(), -1);
    // Shown again while it plays, the cue has its playhead back.
    m_pane->showCue(LastFight);
    QCOMPARE(m_timeline->position(), 6'000);
    m_pane->showCue(MainTitle);
    QCOMPARE(m_timeline->position(), -1);
    m_pane->setPlayhead({}, 0);
    m_pane->showCue(LastFight);
    QCOMPARE(m_timeline->position(), -1);
}

QTEST_MAIN(tst_CuePaneTimeline)
#include "tst_cuepanetimeline.moc"
