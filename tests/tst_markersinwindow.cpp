#include "anchorclick.h"
#include "catalog/timecode.h"
#include "library/audiofilereader.h"
#include "mainwindow.h"
#include "markers/markerpanel.h"
#include "markers/markertable.h"
#include "notes/noteeditor.h"
#include "panes/cuepane.h"
#include "panes/panebrowser.h"
#include "panes/themepane.h"
#include "playback.h"
#include "player.h"
#include "playerbar.h"
#include "searchfield.h"
#include "userdata/filelinkstore.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"
#include "wavwriter.h"

#include <QAction>
#include <QApplication>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;
const CueKey Request {Picard, u"picard-requests-help"_s};
const Location RequestCue {Location::Cue, Picard, u"picard-requests-help"_s, u"picard-s1"_s};
} // namespace

// Markers in the window, with generated audio playing: M at the playhead, where M is typing
// instead, the window's Undo and Redo, and a theme marker that plays from its time.
class tst_MarkersInWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void mAtThePlayheadAddsAMarkerToName();
    void mIsTypingInTheSearchFieldAndTheNote();
    void undoInANoteIsTheNotesAndInTheTreeTheMarkers();
    void deleteUndoAndRedoFromTheWindow();
    void themeMarkerPlaysFromItsTimeInTheThemePane();

private:
    QAction *action(const QString &text) const;
    void playRequest();
    Marker put(qint64 startMs, const QString &label, const QString &themeId = {});
    // The plain text editor of the cue pane's note, on show in its tab and editing: what the
    // shortcuts see while the user types a note.
    QPlainTextEdit *noteEditor() const;

    QTemporaryDir m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    std::unique_ptr<MainWindow> m_window;
    QTreeView *m_tree = nullptr;
    PlayerBar *m_bar = nullptr;
    CuePane *m_cuePane = nullptr;
};

void tst_MarkersInWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"CuebookTest"_s);
    QCoreApplication::setApplicationName(u"tst_markersinwindow"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    QVERIFY(WavWriter::writeSine(m_dir.filePath(u"request.wav"_s), 8000, 440));
}

void tst_MarkersInWindow::init()
{
    QSettings().clear();
    QFile::remove(m_dir.filePath(u"user.sqlite"_s));
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY2(
        m_userData->open(m_dir.filePath(u"user.sqlite"_s)), qPrintable(m_userData->errorString()));
    FileLink link;
    link.cue = Request;
    link.file = AudioFileReader::read(QFileInfo(m_dir.filePath(u"request.wav"_s)));
    QVERIFY(link.file.readable);
    QVERIFY(m_userData->fileLinks()->linkFile(link));

    m_window = std::make_unique<MainWindow>(m_userData.get());
    m_window->openBundledCatalog();
    m_window->resize(1280, 860);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_tree = m_window->findChild<QTreeView *>(u"catalogTree"_s);
    m_bar = m_window->findChild<PlayerBar *>();
    m_cuePane = m_window->findChild<CuePane *>();
    QVERIFY(m_tree && m_bar && m_cuePane);
}

void tst_MarkersInWindow::cleanup()
{
    m_window.reset();
    m_userData.reset();
}

QAction *tst_MarkersInWindow::action(const QString &text) const
{
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->text() == text)
            return action;
    }
    qFatal("the window has no action %s", qPrintable(text));
}

void tst_MarkersInWindow::playRequest()
{
    QVERIFY(m_window->playback()->playCue(RequestCue));
    QTRY_COMPARE(m_bar->playbackState(), QMediaPlayer::PlayingState);
    QTRY_VERIFY(m_bar->position() >= 1200);
}

Marker tst_MarkersInWindow::put(qint64 startMs, const QString &label, const QString &themeId)
{
    Marker marker;
    marker.id = Marker::newId();
    marker.cue = Request;
    marker.startMs = startMs;
    marker.label = label;
    marker.themeId = themeId;
    if (!m_userData->markers()->putMarker(marker))
        qFatal("could not put the marker %s", qPrintable(label));
    return marker;
}

QPlainTextEdit *tst_MarkersInWindow::noteEditor() const
{
    NoteEditor *editor = m_cuePane->noteEditor();
    m_cuePane->notebook()->setCurrentWidget(editor);
    editor->startEditing();
    if (!editor->isEditing())
        qFatal("the note cannot be edited");
    return editor->findChild<QPlainTextEdit *>();
}

void tst_MarkersInWindow::mAtThePlayheadAddsAMarkerToName()
{
    m_window->navigate(RequestCue);
    QAction *addMarker = action(u"Add &Marker at Playhead"_s);
    QCOMPARE(addMarker->shortcut(), QKeySequence(Qt::Key_M));
    // Nothing plays: nothing to mark.
    QVERIFY(!addMarker->isEnabled());
    playRequest();
    QVERIFY(addMarker->isEnabled());

    m_tree->setFocus();
    const qint64 before = m_bar->position();
    QTest::keyClick(m_tree, Qt::Key_M);
    const qint64 after = m_window->playback()->position();
    const QList<Marker> markers = m_userData->markers()->markers(Request);
    QCOMPARE(markers.size(), 1);
    const Marker marker = markers.constFirst();
    QVERIFY2(marker.startMs >= before - 100 && marker.startMs <= after,
        qPrintable(u"%1 not within %2..%3"_s.arg(marker.startMs).arg(before).arg(after)));
    QCOMPARE(marker.label, u"Marker at %1"_s.arg(TimeCode::formatSeconds(marker.startMs)));

    // The cue pane shows the cue: the marker is selected, its label open for the name, and the
    // name typed there is typing, spaces and capitals included, not Play/Pause or M.
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    auto *table = m_cuePane->findChild<MarkerTable *>();
    QVERIFY(editor && table && table->isAncestorOf(editor));
    QCOMPARE(table->selectedMarkerIds(), QStringList {marker.id});
    auto *notebook = m_cuePane->findChild<QTabWidget *>(u"cueNotebook"_s);
    QCOMPARE(notebook->tabText(notebook->currentIndex()), u"Markers (1)"_s);
    // The label is selected: what the user types replaces it.
    QCOMPARE(editor->selectedText(), marker.label);
    QTest::keyClicks(editor, u"the March in the horns"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_userData->markers()->marker(marker.id)->label, u"the March in the horns"_s);
    QCOMPARE(m_userData->markers()->markers(Request).size(), 1);
    QCOMPARE(m_bar->playbackState(), QMediaPlayer::PlayingState);

    // Away from the cue pane, M still marks; the status bar says where to name it.
    m_window->navigate({Location::Theme, Picard, u"star-trek-march"_s, {}});
    m_tree->setFocus();
    QTest::keyClick(m_tree, Qt::Key_M);
    QCOMPARE(m_userData->markers()->markers(Request).size(), 2);
    QVERIFY(m_tree->hasFocus());
}

void tst_MarkersInWindow::mIsTypingInTheSearchFieldAndTheNote()
{
    m_window->navigate(RequestCue);
    playRequest();
    QSignalSpy changed(m_userData->markers(), &MarkerStore::markersChanged);

    auto *search = m_window->findChild<SearchField *>();
    QVERIFY(search);
    search->setFocus();
    QTest::keyClick(search, Qt::Key_M);
    QCOMPARE(search->text(), u"m"_s);
    QCOMPARE(changed.count(), 0);

    m_window->navigate(RequestCue);
    QPlainTextEdit *note = noteEditor();
    QTRY_VERIFY(note->isVisible());
    note->setFocus();
    QTest::keyClicks(note, u"March in the horns"_s);
    QTest::keyClick(note, Qt::Key_M);
    QCOMPARE(note->toPlainText(), u"March in the hornsm"_s);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_userData->markers()->markerCount(), 0);
    QCOMPARE(m_bar->playbackState(), QMediaPlayer::PlayingState);
}

void tst_MarkersInWindow::undoInANoteIsTheNotesAndInTheTreeTheMarkers()
{
    m_window->navigate(RequestCue);
    playRequest();
    m_tree->setFocus();
    QTest::keyClick(m_tree, Qt::Key_M);
    QCOMPARE(m_userData->markers()->markerCount(), 1);
    QAction *undo = action(
        u"&Undo Add Marker “%1”"_s.arg(m_userData->markers()->markers(Request).constFirst().label));
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));

    QPlainTextEdit *note = noteEditor();
    QTRY_VERIFY(note->isVisible());
    note->setFocus();
    QTest::keyClicks(note, u"horns"_s);
    QTest::keySequence(note, QKeySequence::Undo);
    // The editor took its own Ctrl+Z: its text went back, the marker stayed.
    QCOMPARE(note->toPlainText(), QString());
    QCOMPARE(m_userData->markers()->markerCount(), 1);

    m_tree->setFocus();
    QTest::keySequence(m_tree, QKeySequence::Undo);
    QCOMPARE(m_userData->markers()->markerCount(), 0);
    QTest::keySequence(m_tree, QKeySequence::Redo);
    QCOMPARE(m_userData->markers()->markerCount(), 1);
}

void tst_MarkersInWindow::deleteUndoAndRedoFromTheWindow()
{
    const Marker kept = put(1'000, u"kept"_s);
    const Marker gone = put(2'000, u"gone"_s);
    m_window->navigate(RequestCue);
    // The Markers tab, beside the Note tab.
    m_cuePane->notebook()->setCurrentWidget(m_cuePane->findChild<MarkerPanel *>());
    auto *table = m_cuePane->findChild<MarkerTable *>();
    QTRY_VERIFY(table->isVisible());
    const QModelIndex second = table->model()->index(1, 2);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(second).center());
    QCOMPARE(table->selectedMarkerIds(), QStringList {gone.id});
    const Marker stored = *m_userData->markers()->marker(gone.id);
    QTest::keyClick(table, Qt::Key_Delete);
    QVERIFY(!m_userData->markers()->marker(gone.id));
    auto *notebook = m_cuePane->findChild<QTabWidget *>(u"cueNotebook"_s);
    QCOMPARE(notebook->tabText(notebook->indexOf(m_cuePane->findChild<MarkerPanel *>())),
        u"Markers (1)"_s);

    QAction *undo = action(u"&Undo Remove Marker “gone”"_s);
    QVERIFY(undo->isEnabled());
    QTest::keySequence(table, QKeySequence::Undo);
    // Back with its id and times, as it was.
    QCOMPARE(*m_userData->markers()->marker(gone.id), stored);
    QCOMPARE(m_userData->markers()->markers(Request).size(), 2);
    QTest::keySequence(table, QKeySequence::Redo);
    QVERIFY(!m_userData->markers()->marker(gone.id));
    QVERIFY(m_userData->markers()->marker(kept.id));
}

void tst_MarkersInWindow::themeMarkerPlaysFromItsTimeInTheThemePane()
{
    put(5'000, u"the March in the horns"_s, u"star-trek-march"_s);
    m_window->navigate({Location::Theme, Picard, u"star-trek-march"_s, {}});
    auto *pane = m_window->findChild<ThemePane *>();
    QTRY_VERIFY(pane->isVisible());
    auto *browser = pane->findChild<PaneBrowser *>();
    QVERIFY2(browser->toPlainText().contains(u"your marker"_s), qPrintable(browser->toPlainText()));
    QVERIFY(browser->toPlainText().contains(u"the March in the horns"_s));

    // The play link of the user's occurrence, and none other at that time.
    QString href;
    for (const AnchorClick::Anchor &anchor : AnchorClick::anchors(browser->document())) {
        const PaneAction action = PaneActionLink::fromUrl(QUrl(anchor.href));
        if (action.kind == PaneAction::Play && action.cue.id == Request.cueId
            && action.startMs == 5'000)
            href = anchor.href;
    }
    QVERIFY(!href.isEmpty());
    auto lowest = std::make_shared<qint64>(std::numeric_limits<qint64>::max());
    auto *player = m_window->findChild<Player *>();
    connect(player, &Player::positionChanged, this, [player, lowest](qint64 ms) {
        if (player->playbackState() == QMediaPlayer::PlayingState)
            *lowest = std::min(*lowest, ms);
    });
    QVERIFY(AnchorClick::click(browser, href));
    QTRY_COMPARE(m_bar->playbackState(), QMediaPlayer::PlayingState);
    QCOMPARE(m_bar->nowPlaying(), u"Picard Requests Help"_s);
    QTRY_VERIFY(player->position() >= 5'200);
    QVERIFY2(*lowest >= 4'900, qPrintable(QString::number(*lowest)));

    // A marker added while the page shows comes onto it.
    put(6'500, u"the March again"_s, u"star-trek-march"_s);
    QTRY_VERIFY(browser->toPlainText().contains(u"the March again"_s));
    // And the cue pane lists both among the themes heard.
    m_window->navigate(RequestCue);
    const QString cuePage = m_cuePane->findChild<PaneBrowser *>()->toPlainText();
    QCOMPARE(cuePage.count(u"your marker"_s), 2);
}

QTEST_MAIN(tst_MarkersInWindow)
#include "tst_markersinwindow.moc"
