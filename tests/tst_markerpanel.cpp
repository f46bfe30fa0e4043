#include "itemmodels/catalogmodel.h"
#include "itemmodels/markermodel.h"
#include "markers/markerpanel.h"
#include "markers/markertable.h"
#include "testcatalogs.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;
const CueKey MainTitle {Picard, u"main-title"_s};
} // namespace

// The Markers tab, driven as a user drives it: edits typed into the table's own editors, Delete,
// the buttons, and every change a step on the undo stack.
class tst_MarkerPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void emptyStateSaysHowToAddOne();
    void typeALabel();
    void typeATime();
    void aTimeThatIsNotOneIsRefusedAndKept();
    void chooseATheme();
    void typeAKind();
    void deleteRemovesTheSelectedAndUndoBringsThemBack();
    void addMarkerAtThePlayheadOrTheStart();
    void withoutAStoreNothingCanBeAdded();

private:
    Marker put(qint64 startMs, const QString &label);
    // Opens the editor of the cell with a double-click, as a user does, and returns it.
    QWidget *openEditor(int row, int column);
    void show();
    QString storedLabel(const QString &id) const
    {
        return m_userData->markers()->marker(id)->label;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    std::unique_ptr<CatalogModel> m_catalogs;
    std::unique_ptr<QUndoStack> m_undo;
    std::unique_ptr<MarkerPanel> m_panel;
    MarkerTable *m_table = nullptr;
};

void tst_MarkerPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY2(
        m_userData->open(m_dir->filePath(u"user.sqlite"_s)), qPrintable(m_userData->errorString()));
    m_catalogs = std::make_unique<CatalogModel>();
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picard()));
    m_undo = std::make_unique<QUndoStack>();
    m_panel = std::make_unique<MarkerPanel>(m_catalogs.get());
    m_panel->setStore(m_userData->markers());
    m_panel->setUndoStack(m_undo.get());
    m_panel->setCue(MainTitle);
    m_panel->resize(720, 320);
    m_table = m_panel->table();
}

void tst_MarkerPanel::cleanup()
{
    m_panel.reset();
    m_undo.reset();
    m_catalogs.reset();
    m_userData.reset();
}

Marker tst_MarkerPanel::put(qint64 startMs, const QString &label)
{
    Marker marker;
    marker.id = Marker::newId();
    marker.cue = MainTitle;
    marker.startMs = startMs;
    marker.label = label;
    if (!m_userData->markers()->putMarker(marker))
        qFatal("could not put the marker %s", qPrintable(label));
    return *m_userData->markers()->marker(marker.id);
}

void tst_MarkerPanel::show()
{
    m_panel->show();
    QApplication::setActiveWindow(m_panel.get());
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
}

QWidget *tst_MarkerPanel::openEditor(int row, int column)
{
    const QModelIndex index = m_table->model()->index(row, column);
    const QPoint centre = m_table->visualRect(index).center();
    QTest::mouseClick(m_table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(m_table->viewport(), Qt::LeftButton, {}, centre);
    QWidget *editor = QApplication::focusWidget();
    if (!editor || !m_table->isAncestorOf(editor) || editor == m_table)
        return nullptr;
    return editor;
}

void tst_MarkerPanel::emptyStateSaysHowToAddOne()
{
    show();
    auto *empty = m_panel->findChild<QLabel *>(u"markersEmptyState"_s);
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY(!m_table->isVisible());
    QVERIFY(empty->text().contains(
        u"Press M while the cue plays, or Shift+click the timeline above"_s));
    QSignalSpy count(m_panel.get(), &MarkerPanel::countChanged);
    put(1'000, u"first"_s);
    QCOMPARE(count.count(), 1);
    QCOMPARE(count.at(0).at(0).toInt(), 1);
    QVERIFY(m_table->isVisible());
    QVERIFY(!empty->isVisible());
    QCOMPARE(m_panel->count(), 1);
}

void tst_MarkerPanel::typeALabel()
{
    const Marker marker = put(10'000, u"strings"_s);
    show();
    auto *editor = qobject_cast<QLineEdit *>(openEditor(0, MarkerModel::LabelColumn));
    QVERIFY(editor);
    QCOMPARE(editor->text(), u"strings"_s);
    editor->selectAll();
    QTest::keyClicks(editor, u"the March in the horns"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(storedLabel(marker.id), u"the March in the horns"_s);
    QCOMPARE(m_undo->count(), 1);
    m_undo->undo();
    QCOMPARE(storedLabel(marker.id), u"strings"_s);
    QCOMPARE(m_table->model()->index(0, MarkerModel::LabelColumn).data().toString(), u"strings"_s);
}

void tst_MarkerPanel::typeATime()
{
    const Marker a = put(10'000, u"a"_s);
    const Marker b = put(20'000, u"b"_s);
    show();
    auto *editor = qobject_cast<QLineEdit *>(openEditor(1, MarkerModel::StartColumn));
    QVERIFY(editor);
    QCOMPARE(editor->text(), u"0:20"_s);
    editor->selectAll();
    QTest::keyClicks(editor, u"5.5"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_userData->markers()->marker(b.id)->startMs, 5'500);
    // b now comes first, and is still the current row.
    QCOMPARE(m_table->model()->index(0, MarkerModel::LabelColumn).data().toString(), u"b"_s);
    QCOMPARE(m_table->currentIndex().row(), 0);
    QCOMPARE(m_table->selectedMarkerIds(), QStringList {b.id});

    // An end makes it a range.
    editor = qobject_cast<QLineEdit *>(openEditor(0, MarkerModel::EndColumn));
    QVERIFY(editor);
    QTest::keyClicks(editor, u"0:09.250"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_userData->markers()->marker(b.id)->endMs, 9'250);
    QCOMPARE(m_table->model()->index(0, MarkerModel::EndColumn).data().toString(), u"0:09.2"_s);
    QCOMPARE(m_userData->markers()->marker(a.id)->startMs, 10'000);
}

void tst_MarkerPanel::aTimeThatIsNotOneIsRefusedAndKept()
{
    const Marker marker = put(10'000, u"x"_s);
    show();
    auto *message = m_panel->findChild<QLabel *>(u"markerMessage"_s);
    QVERIFY(message);
    auto *editor = qobject_cast<QLineEdit *>(openEditor(0, MarkerModel::StartColumn));
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, u"1:7"_s);
    // While it is no time, the panel says what to type, and Enter keeps what was typed.
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"1:12.250"_s), qPrintable(message->text()));
    QSignalSpy refused(m_panel->model(), &MarkerModel::editRefused);
    QTest::keyClick(editor, Qt::Key_Return);
    QVERIFY(!refused.wait(200));
    QCOMPARE(QApplication::focusWidget(), editor);
    QCOMPARE(editor->text(), u"1:7"_s);
    QCOMPARE(m_userData->markers()->marker(marker.id)->startMs, 10'000);

    // Leaving the editor hands it to the model, which refuses it and says so; the time stays.
    m_table->setFocus();
    QTRY_VERIFY(!editor->isVisible());
    QTRY_VERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"“1:7” is not a time"_s), qPrintable(message->text()));
    QCOMPARE(m_userData->markers()->marker(marker.id)->startMs, 10'000);
    QCOMPARE(m_undo->count(), 0);

    // Fixed, the message goes.
    editor = qobject_cast<QLineEdit *>(openEditor(0, MarkerModel::StartColumn));
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, u"1:07"_s);
    QVERIFY(!message->isVisible() || !message->text().contains(u"1:12.250"_s));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_userData->markers()->marker(marker.id)->startMs, 67'000);
    QTRY_VERIFY(!message->isVisible());
}

void tst_MarkerPanel::chooseATheme()
{
    const Marker marker = put(10'000, u"x"_s);
    show();
    auto *editor = qobject_cast<QComboBox *>(openEditor(0, MarkerModel::ThemeColumn));
    QVERIFY(editor);
    QCOMPARE(editor->currentText(), u"(none)"_s);
    // The themes heard in the cue first: the catalog lists five in main-title.
    QStringList heard;
    for (int i = 1; i <= 5; ++i)
        heard.append(editor->itemData(i).toString());
    QVERIFY2(heard.contains(u"star-trek-march"_s) && heard.contains(u"picard"_s),
        qPrintable(heard.join(u", ")));
    QVERIFY(editor->findData(u"blue-skies"_s) > 5);
    // Typed, as keyboard search picks an entry of a list.
    QTest::keyClicks(editor, u"Star"_s);
    QCOMPARE(editor->currentText(), u"Star Trek March"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_userData->markers()->marker(marker.id)->themeId, u"star-trek-march"_s);
    QCOMPARE(m_table->model()->index(0, MarkerModel::ThemeColumn).data().toString(),
        u"Star Trek March"_s);

    // And back to none.
    editor = qobject_cast<QComboBox *>(openEditor(0, MarkerModel::ThemeColumn));
    QVERIFY(editor);
    QCOMPARE(editor->currentData().toString(), u"star-trek-march"_s);
    QTest::keyClick(editor, Qt::Key_Home);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_userData->markers()->marker(marker.id)->themeId, QString());
}

void tst_MarkerPanel::typeAKind()
{
    const Marker marker = put(10'000, u"x"_s);
    show();
    auto *editor = qobject_cast<QComboBox *>(openEditor(0, MarkerModel::KindColumn));
    QVERIFY(editor);
    QVERIFY(editor->isEditable());
    for (const QString &kind : Marker::knownKinds())
        QVERIFY2(editor->findText(kind) >= 0, qPrintable(kind));
    // Any text, not only the known kinds.
    QTest::keyClicks(editor->lineEdit(), u"a sigh in the strings"_s);
    QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
    QTRY_COMPARE(m_userData->markers()->marker(marker.id)->kind, u"a sigh in the strings"_s);
}

void tst_MarkerPanel::deleteRemovesTheSelectedAndUndoBringsThemBack()
{
    const Marker a = put(10'000, u"a"_s);
    const Marker b = put(20'000, u"b"_s);
    const Marker c = put(30'000, u"c"_s);
    show();
    auto *remove = m_panel->findChild<QPushButton *>(u"removeMarkerButton"_s);
    QVERIFY(remove && !remove->isEnabled());
    m_table->setFocus();
    const QModelIndex first = m_table->model()->index(0, MarkerModel::LabelColumn);
    QTest::mouseClick(m_table->viewport(), Qt::LeftButton, {}, m_table->visualRect(first).center());
    const QModelIndex second = m_table->model()->index(1, MarkerModel::LabelColumn);
    QTest::mouseClick(m_table->viewport(), Qt::LeftButton, Qt::ShiftModifier,
        m_table->visualRect(second).center());
    QCOMPARE(m_table->selectedMarkerIds(), (QStringList {a.id, b.id}));
    QVERIFY(remove->isEnabled());

    QTest::keyClick(m_table, Qt::Key_Delete);
    QCOMPARE(m_userData->markers()->markers(MainTitle).size(), 1);
    QCOMPARE(m_panel->count(), 1);
    // The one left is current, so that Delete can go on.
    QCOMPARE(m_table->currentIndex().data(MarkerModel::MarkerIdRole).toString(), c.id);
    QCOMPARE(m_undo->undoText(), u"Remove 2 Markers"_s);

    m_undo->undo();
    QCOMPARE(m_userData->markers()->markers(MainTitle), (QList<Marker> {a, b, c}));
    m_undo->redo();
    QCOMPARE(m_panel->count(), 1);
    m_undo->undo();

    // The Remove button does the same; Delete in an open editor deletes text, not markers.
    auto *editor = qobject_cast<QLineEdit *>(openEditor(2, MarkerModel::LabelColumn));
    QVERIFY(editor);
    editor->setCursorPosition(0);
    QTest::keyClick(editor, Qt::Key_Delete);
    QCOMPARE(editor->text(), QString());
    QTest::keyClick(editor, Qt::Key_Escape);
    QCOMPARE(m_panel->count(), 3);
    QTest::mouseClick(m_table->viewport(), Qt::LeftButton, {}, m_table->visualRect(first).center());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(m_userData->markers()->markers(MainTitle).size(), 2);
    QVERIFY(!m_userData->markers()->marker(a.id));
}

void tst_MarkerPanel::addMarkerAtThePlayheadOrTheStart()
{
    show();
    auto *add = m_panel->findChild<QPushButton *>(u"addMarkerButton"_s);
    QVERIFY(add && add->isEnabled());
    std::optional<qint64> playhead = 42'300;
    m_panel->setPlayheadLookup(
        [&playhead](const CueKey &cue) { return cue == MainTitle ? playhead : std::nullopt; });
    QTest::mouseClick(add, Qt::LeftButton);
    QList<Marker> markers = m_userData->markers()->markers(MainTitle);
    QCOMPARE(markers.size(), 1);
    QCOMPARE(markers.at(0).startMs, 42'300);
    QCOMPARE(markers.at(0).label, u"Marker at 0:42"_s);
    // Its label is open for the name.
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor && m_table->isAncestorOf(editor));
    QCOMPARE(editor->text(), u"Marker at 0:42"_s);
    QTest::keyClicks(editor, u"the March"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(storedLabel(markers.at(0).id), u"the March"_s);

    // Not playing: at the start.
    playhead.reset();
    QTest::mouseClick(add, Qt::LeftButton);
    markers = m_userData->markers()->markers(MainTitle);
    QCOMPARE(markers.size(), 2);
    QCOMPARE(markers.at(0).startMs, 0);
    QCOMPARE(m_undo->count(), 3);
}

void tst_MarkerPanel::withoutAStoreNothingCanBeAdded()
{
    m_panel->setStore(nullptr);
    show();
    auto *add = m_panel->findChild<QPushButton *>(u"addMarkerButton"_s);
    QVERIFY(!add->isEnabled());
    auto *empty = m_panel->findChild<QLabel *>(u"markersEmptyState"_s);
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(u"could not be opened"_s));
}

QTEST_MAIN(tst_MarkerPanel)
#include "tst_markerpanel.moc"
