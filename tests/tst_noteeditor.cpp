#include "anchorclick.h"
#include "notes/noteeditor.h"
#include "notes/noteview.h"
#include "refusedwrites.h"
#include "userdata/notestore.h"
#include "userdata/userdatabase.h"

#include <QAction>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextList>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const CueKey MainTitle {u"star-trek-picard"_s, u"main-title"_s};
const CueKey EndTitle {u"star-trek-picard"_s, u"end-title"_s};
} // namespace

// Receives the links QDesktopServices would hand to the desktop.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void openUrl(const QUrl &url) { urls.append(url); }
};

class tst_NoteEditor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void typingReachesTheDatabase();
    void steadyTypingIsSavedWithinTheDelay();
    void changingTheCueSavesAtOnce();
    void closingTheWindowSavesAtOnce();
    void quittingSavesAtOnce();
    void undoAndRedo();
    void windowShortcutsDoNotTakeTheEditorsKeys();
    void renderedUntilClicked();
    void keysStartAndEndEditing();
    void linksOpenOutside();
    void emptyNoteInvitesWriting();
    void onlySpacesIsNoNote();
    void editedLineSaysWhen();
    void editedText_data();
    void editedText();
    void changeFromElsewhereShows();
    void failedWriteKeepsTheText();
    void withoutDatabaseNothingIsWritten();

private:
    void showEditor(const CueKey &cue = MainTitle);
    void startEditingByClick();
    NoteStore &store() { return *m_userData->notes(); }
    QPlainTextEdit *edit() const { return m_editor->findChild<QPlainTextEdit *>(); }
    NoteView *view() const { return m_editor->findChild<NoteView *>(); }
    QString editedLine() const { return m_editor->findChild<QLabel *>(u"noteEdited"_s)->text(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    std::unique_ptr<QMainWindow> m_window;
    NoteEditor *m_editor = nullptr;
};

void tst_NoteEditor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY2(
        m_userData->open(m_dir->filePath(u"user.sqlite"_s)), qPrintable(m_userData->errorString()));
    m_window = std::make_unique<QMainWindow>();
    m_editor = new NoteEditor;
    m_window->setCentralWidget(m_editor);
    m_window->resize(480, 320);
}

void tst_NoteEditor::cleanup()
{
    m_window.reset();
    m_userData.reset();
    m_dir.reset();
}

void tst_NoteEditor::showEditor(const CueKey &cue)
{
    m_editor->setUserData(m_userData.get());
    m_editor->setCue(cue);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QTRY_VERIFY(m_window->isActiveWindow());
}

void tst_NoteEditor::startEditingByClick()
{
    QVERIFY(!m_editor->isEditing());
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(40, 20));
    QVERIFY(m_editor->isEditing());
    QVERIFY(edit()->isVisible());
    QTRY_VERIFY(edit()->hasFocus());
}

void tst_NoteEditor::typingReachesTheDatabase()
{
    showEditor();
    startEditingByClick();
    QTest::keyClicks(edit(), u"Horns at 1:12"_s);
    // Saved after the delay, not at every key.
    QVERIFY(store().note(MainTitle).isEmpty());
    QVERIFY(m_editor->hasUnsavedChanges());
    QTRY_COMPARE(store().note(MainTitle), u"Horns at 1:12"_s);
    QVERIFY(!m_editor->hasUnsavedChanges());
    QTest::keyClicks(edit(), u", the March"_s);
    QTRY_COMPARE(store().note(MainTitle), u"Horns at 1:12, the March"_s);
    QCOMPARE(store().note(EndTitle), QString());
}

void tst_NoteEditor::steadyTypingIsSavedWithinTheDelay()
{
    showEditor();
    startEditingByClick();
    // A key every 40 ms, without a pause long enough for a delay that starts again at each key.
    QTimer typist;
    typist.setInterval(40);
    connect(&typist, &QTimer::timeout, edit(), [this] { QTest::keyClick(edit(), Qt::Key_A); });
    QSignalSpy saved(&store(), &NoteStore::noteChanged);
    QElapsedTimer elapsed;
    QTest::keyClick(edit(), Qt::Key_A);
    elapsed.start();
    typist.start();
    QVERIFY(saved.wait(3000));
    const qint64 savedAfter = elapsed.elapsed();
    typist.stop();
    QVERIFY2(savedAfter < 1000, qPrintable(u"first save after %1 ms"_s.arg(savedAfter)));
    const QString note = store().note(MainTitle);
    QVERIFY(!note.isEmpty());
    QVERIFY(edit()->toPlainText().startsWith(note));
}

void tst_NoteEditor::changingTheCueSavesAtOnce()
{
    QVERIFY(m_userData->notes()->setNote(EndTitle, u"The end credits"_s));
    showEditor();
    startEditingByClick();
    QTest::keyClicks(edit(), u"Typed, then away"_s);
    m_editor->setCue(EndTitle);
    QCOMPARE(store().note(MainTitle), u"Typed, then away"_s);
    // The other cue's note, rendered.
    QVERIFY(!m_editor->isEditing());
    QCOMPARE(view()->note(), u"The end credits"_s);
    QCOMPARE(edit()->toPlainText(), u"The end credits"_s);
    m_editor->setCue(MainTitle);
    QCOMPARE(view()->note(), u"Typed, then away"_s);
}

void tst_NoteEditor::closingTheWindowSavesAtOnce()
{
    showEditor();
    startEditingByClick();
    QTest::keyClicks(edit(), u"Written as the window closes"_s);
    QVERIFY(store().note(MainTitle).isEmpty());
    QVERIFY(m_window->close());
    QCOMPARE(store().note(MainTitle), u"Written as the window closes"_s);
}

void tst_NoteEditor::quittingSavesAtOnce()
{
    showEditor();
    startEditingByClick();
    QTest::keyClicks(edit(), u"Written as the app quits"_s);
    QVERIFY(store().note(MainTitle).isEmpty());
    // What QCoreApplication::exit() emits before the event loop returns.
    QVERIFY(QMetaObject::invokeMethod(QCoreApplication::instance(), "aboutToQuit"));
    QCOMPARE(store().note(MainTitle), u"Written as the app quits"_s);
}

void tst_NoteEditor::undoAndRedo()
{
    QVERIFY(m_userData->notes()->setNote(MainTitle, u"Horns"_s));
    showEditor();
    startEditingByClick();
    QTest::keyClicks(edit(), u" at 1:12"_s);
    QTRY_COMPARE(store().note(MainTitle), u"Horns at 1:12"_s);

    QTest::keySequence(edit(), QKeySequence::Undo);
    QCOMPARE(edit()->toPlainText(), u"Horns"_s);
    // The undo is an edit like any other: it is saved.
    QTRY_COMPARE(store().note(MainTitle), u"Horns"_s);
    QTest::keyClick(edit(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(edit()->toPlainText(), u"Horns at 1:12"_s);
    QTRY_COMPARE(store().note(MainTitle), u"Horns at 1:12"_s);

    // Leaving the editor and coming back keeps the history; the loaded text is not undone.
    QTest::keyClick(edit(), Qt::Key_Escape);
    QVERIFY(!m_editor->isEditing());
    QTest::keyClick(view(), Qt::Key_F2);
    QVERIFY(m_editor->isEditing());
    QTest::keyClick(edit(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(edit()->toPlainText(), u"Horns"_s);
    QTest::keyClick(edit(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(edit()->toPlainText(), u"Horns"_s);
}

// The window's own shortcuts (Space plays and pauses, M will add a marker, Ctrl+Z may undo a
// marker edit) must not take the keys of someone typing.
void tst_NoteEditor::windowShortcutsDoNotTakeTheEditorsKeys()
{
    QList<QAction *> actions;
    for (const QKeySequence &key : {QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_M),
             QKeySequence(QKeySequence::Undo), QKeySequence(QKeySequence::Redo)}) {
        auto *action = new QAction(key.toString(), m_window.get());
        action->setShortcut(key);
        m_window->addAction(action);
        actions.append(action);
    }
    QList<std::shared_ptr<QSignalSpy>> spies;
    for (QAction *action : std::as_const(actions))
        spies.append(std::make_shared<QSignalSpy>(action, &QAction::triggered));
    showEditor();
    // The shortcuts work while the note is not being edited.
    QTest::keyClick(view(), Qt::Key_M);
    QCOMPARE(spies.at(1)->count(), 1);

    startEditingByClick();
    QTest::keyClicks(edit(), u"m m"_s);
    QTest::keySequence(edit(), QKeySequence::Undo);
    QTest::keySequence(edit(), QKeySequence::Redo);
    QCOMPARE(edit()->toPlainText(), u"m m"_s);
    QCOMPARE(spies.at(0)->count(), 0);
    QCOMPARE(spies.at(1)->count(), 1);
    QCOMPARE(spies.at(2)->count(), 0);
    QCOMPARE(spies.at(3)->count(), 0);
}

void tst_NoteEditor::renderedUntilClicked()
{
    QVERIFY(m_userData->notes()->setNote(
        MainTitle, u"# The March\n\nThe *horns* state it.\n\n- 1:12 first\n- 2:40 again\n"_s));
    showEditor();
    QVERIFY(!m_editor->isEditing());
    QTextDocument *document = view()->document();
    QCOMPARE(document->firstBlock().text(), u"The March"_s);
    QCOMPARE(document->firstBlock().blockFormat().headingLevel(), 1);
    // A step above the text, as the pane's own headings: not the xxx-large type that would
    // outshout the pane's title.
    QTextCursor heading(document->firstBlock());
    heading.movePosition(QTextCursor::NextCharacter);
    QCOMPARE(heading.charFormat().fontWeight(), int(QFont::DemiBold));
    const qreal textSize = view()->font().pointSizeF();
    QCOMPARE(heading.charFormat().fontPointSize(), textSize * 1.25);
    QCOMPARE(heading.charFormat().property(QTextFormat::FontSizeAdjustment).toInt(), 0);
    const QTextCursor horns = document->find(u"horns"_s);
    QVERIFY(!horns.isNull());
    QVERIFY(horns.charFormat().fontItalic());
    QTextBlock item = document->find(u"1:12 first"_s).block();
    QVERIFY(item.textList());
    QCOMPARE(item.textList()->count(), 2);

    startEditingByClick();
    QCOMPARE(edit()->toPlainText(),
        u"# The March\n\nThe *horns* state it.\n\n- 1:12 first\n- 2:40 again\n"_s);
}

void tst_NoteEditor::keysStartAndEndEditing()
{
    QVERIFY(m_userData->notes()->setNote(MainTitle, u"Some *text*"_s));
    showEditor();
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Return);
    QVERIFY(m_editor->isEditing());
    QTRY_VERIFY(edit()->hasFocus());
    QTest::keyClicks(edit(), u" more"_s);
    QTest::keyClick(edit(), Qt::Key_Escape);
    QVERIFY(!m_editor->isEditing());
    // Leaving saves at once, and the rendered view shows what was typed.
    QCOMPARE(store().note(MainTitle), u"Some *text* more"_s);
    QCOMPARE(view()->toPlainText(), u"Some text more"_s);
    QTRY_VERIFY(view()->hasFocus());

    QTest::keyClick(view(), Qt::Key_F2);
    QVERIFY(m_editor->isEditing());
    QTRY_VERIFY(edit()->hasFocus());
    // Focus elsewhere in the window ends editing too.
    auto *elsewhere = new QLineEdit;
    m_window->setMenuWidget(elsewhere);
    elsewhere->show();
    elsewhere->setFocus(Qt::MouseFocusReason);
    QTRY_VERIFY(!m_editor->isEditing());
}

void tst_NoteEditor::linksOpenOutside()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(u"https"_s, &catcher, "openUrl");
    QVERIFY(m_userData->notes()->setNote(
        MainTitle, u"See [the liner notes](https://example.org/notes) for more."_s));
    showEditor();
    QVERIFY(AnchorClick::click(view(), u"https://example.org/notes"_s));
    QDesktopServices::unsetUrlHandler(u"https"_s);
    QCOMPARE(catcher.urls, (QList<QUrl> {QUrl(u"https://example.org/notes"_s)}));
    // Following a link is not a click to edit.
    QVERIFY(!m_editor->isEditing());
}

void tst_NoteEditor::emptyNoteInvitesWriting()
{
    showEditor();
    QVERIFY(view()->toPlainText().startsWith(u"Write a note on this cue"_s));
    QVERIFY(editedLine().isEmpty());
    startEditingByClick();
    QCOMPARE(edit()->toPlainText(), QString());
    QVERIFY(!edit()->placeholderText().isEmpty());
    // Leaving without writing writes nothing.
    QTest::keyClick(edit(), Qt::Key_Escape);
    QVERIFY(store().cuesWithNotes().isEmpty());
}

void tst_NoteEditor::onlySpacesIsNoNote()
{
    QVERIFY(m_userData->notes()->setNote(MainTitle, u"x"_s));
    showEditor();
    startEditingByClick();
    QTest::keyClick(edit(), Qt::Key_Backspace);
    QTest::keyClicks(edit(), u"   "_s);
    QTest::keyClick(edit(), Qt::Key_Escape);
    QVERIFY(store().cuesWithNotes().isEmpty());
    QVERIFY(view()->toPlainText().startsWith(u"Write a note on this cue"_s));
}

void tst_NoteEditor::editedLineSaysWhen()
{
    QVERIFY(m_userData->notes()->setNote(MainTitle, u"Old"_s));
    showEditor();
    QCOMPARE(editedLine(), u"Edited just now"_s);
    startEditingByClick();
    QVERIFY2(editedLine().contains(u"Esc"_s), qPrintable(editedLine()));
    QTest::keyClicks(edit(), u"er"_s);
    QTest::keyClick(edit(), Qt::Key_Escape);
    QCOMPARE(editedLine(), u"Edited just now"_s);
    QVERIFY(store().noteEntry(MainTitle)->updatedAtMs > 0);
    QVERIFY(!store().noteEntry(EndTitle));
}

void tst_NoteEditor::editedText_data()
{
    QTest::addColumn<qint64>("secondsAgo");
    QTest::addColumn<QString>("text");
    QTest::newRow("now") << qint64(0) << u"Edited just now"_s;
    QTest::newRow("59 s") << qint64(59) << u"Edited just now"_s;
    QTest::newRow("a minute") << qint64(61) << u"Edited a minute ago"_s;
    QTest::newRow("2 minutes") << qint64(150) << u"Edited 2 minutes ago"_s;
    QTest::newRow("59 minutes") << qint64(59 * 60 + 59) << u"Edited 59 minutes ago"_s;
    QTest::newRow("an hour") << qint64(3600) << u"Edited an hour ago"_s;
    QTest::newRow("5 hours") << qint64(5 * 3600 + 10) << u"Edited 5 hours ago"_s;
    QTest::newRow("yesterday") << qint64(30 * 3600) << u"Edited yesterday"_s;
    QTest::newRow("3 days") << qint64(3 * 86400) << u"Edited 3 days ago"_s;
    QTest::newRow("a clock set back") << qint64(-300) << u"Edited just now"_s;
}

void tst_NoteEditor::editedText()
{
    QFETCH(qint64, secondsAgo);
    QFETCH(QString, text);
    // Noon, so that "yesterday" and "3 days ago" count whole calendar days.
    const QDateTime now(QDate(2026, 11, 23), QTime(12, 0));
    QCOMPARE(NoteEditor::editedText(now.addSecs(-secondsAgo), now), text);
}

void tst_NoteEditor::changeFromElsewhereShows()
{
    showEditor();
    QVERIFY(m_userData->notes()->setNote(MainTitle, u"Imported *note*"_s));
    QCOMPARE(view()->toPlainText(), u"Imported note"_s);
    QCOMPARE(editedLine(), u"Edited just now"_s);
}

void tst_NoteEditor::failedWriteKeepsTheText()
{
    QVERIFY(RefusedWrites::refuse(m_userData->filePath(), u"notes"_s));
    QSignalSpy errors(m_userData.get(), &UserDatabase::errorOccurred);
    showEditor();
    startEditingByClick();
    QTest::keyClicks(edit(), u"Not saved"_s);
    QVERIFY(errors.wait());
    QVERIFY2(errors.constFirst().constFirst().toString().contains(u"main-title"_s),
        qPrintable(errors.constFirst().constFirst().toString()));
    // The user goes on typing; nothing they typed is taken away.
    QVERIFY(m_editor->isEditing());
    QTest::keyClicks(edit(), u", still here"_s);
    QCOMPARE(edit()->toPlainText(), u"Not saved, still here"_s);
    QTest::keyClick(edit(), Qt::Key_Escape);
    QCOMPARE(view()->toPlainText(), u"Not saved, still here"_s);
    // The store keeps what the disk refused: the note shown again is as typed, and told once.
    QVERIFY(m_userData->hasPendingWrites());
    QCOMPARE(store().note(MainTitle), u"Not saved, still here"_s);
    m_editor->setCue(EndTitle);
    m_editor->setCue(MainTitle);
    QCOMPARE(view()->toPlainText(), u"Not saved, still here"_s);
    QCOMPARE(editedLine(), u"Edited just now"_s);
    QCOMPARE(errors.count(), 1);
}

void tst_NoteEditor::withoutDatabaseNothingIsWritten()
{
    UserDatabase closed;
    m_editor->setUserData(&closed);
    m_editor->setCue(MainTitle);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY2(
        view()->toPlainText().contains(u"cannot be written"_s), qPrintable(view()->toPlainText()));
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(40, 20));
    QVERIFY(!m_editor->isEditing());
    QTest::keyClick(view(), Qt::Key_F2);
    QVERIFY(!m_editor->isEditing());
    m_editor->setUserData(nullptr);
    QVERIFY(!m_editor->isEditing());
}

QTEST_MAIN(tst_NoteEditor)
#include "tst_noteeditor.moc"
