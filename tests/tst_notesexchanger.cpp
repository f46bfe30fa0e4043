#include "errorreporter.h"
#include "exchange/notesjson.h"
#include "exchangefixtures.h"
#include "mainwindow.h"
#include "notesexchanger.h"
#include "testfiles.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace ExchangeFixtures;

// The window's import and export: File > Import Notes… and Export Notes…, and the cue's Import
// and Export Audacity Labels…. What was done shows in the status bar; a file refused opens a
// dialog with every fault, and nothing changes.
class tst_NotesExchanger : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void exportAsMarkdownThroughTheMenu();
    void exportAsJsonAndImportThroughTheMenu();
    void labelActionsFollowTheCueShown();
    void importedLabelsAreTold();
    void aBadLabelFileOpensADialog();
    void withoutUserDataNothingIsOffered();

private:
    void openWindow(UserDatabase *userData);
    QAction *action(const QString &text) const;
    // Answers the next file dialog with path (and the filter, when given).
    void answerFileDialog(const QString &path, const QString &filter = {});
    // Answers the next message box to open; what it said lands in m_dialog.
    void answerMessageBox();

    QTemporaryDir m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    std::unique_ptr<MainWindow> m_window;
    QString m_dialog;
};

void tst_NotesExchanger::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"CuebookTest"_s);
    QCoreApplication::setApplicationName(u"tst_notesexchanger"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
}

void tst_NotesExchanger::init()
{
    QSettings().clear();
    m_dialog.clear();
    m_userData = std::make_unique<UserDatabase>();
    const QString path
        = m_dir.filePath(u"%1.sqlite"_s.arg(QLatin1StringView(QTest::currentTestFunction())));
    QFile::remove(path);
    QVERIFY(m_userData->open(path));
    openWindow(m_userData.get());
}

void tst_NotesExchanger::cleanup()
{
    m_window.reset();
    m_userData.reset();
}

void tst_NotesExchanger::openWindow(UserDatabase *userData)
{
    m_window.reset();
    m_window = std::make_unique<MainWindow>(userData);
    m_window->openBundledCatalog();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

QAction *tst_NotesExchanger::action(const QString &text) const
{
    for (QAction *each : m_window->findChildren<QAction *>()) {
        if (each->text() == text)
            return each;
    }
    qFatal("no action %s", qPrintable(text));
}

void tst_NotesExchanger::answerFileDialog(const QString &path, const QString &filter)
{
    QTimer::singleShot(0, m_window.get(), [path, filter] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        if (!filter.isEmpty())
            dialog->selectNameFilter(filter);
        dialog->selectFile(path);
        QMetaObject::invokeMethod(dialog, "accept");
    });
}

// After a file dialog, once that has closed and the message box is up.
void tst_NotesExchanger::answerMessageBox()
{
    QTimer::singleShot(0, m_window.get(), [this] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerMessageBox();
            return;
        }
        m_dialog = box->windowTitle() + u'\n' + box->text() + u'\n' + box->informativeText();
        box->button(QMessageBox::Ok)->click();
    });
}

void tst_NotesExchanger::exportAsMarkdownThroughTheMenu()
{
    const CueKey cue {Picard, u"picard-requests-help"_s};
    QVERIFY(m_userData->notes()->setNote(cue, u"Listen for the March."_s));
    QVERIFY(m_userData->markers()->putMarker(marker(cue, u"m"_s, 72'000, -1,
        u"the March in the horns"_s, u"star-trek-march"_s, u"statement"_s)));
    QAction *exportNotes = action(u"&Export Notes…"_s);
    QVERIFY(m_window->menuBar()->actions().first()->menu()->actions().contains(exportNotes));
    QVERIFY(exportNotes->isEnabled());
    // The filter decides the format, and gives the file its extension.
    const QString path = m_dir.filePath(u"shared"_s);
    answerFileDialog(path, u"Markdown, to read (*.md)"_s);
    exportNotes->trigger();
    QFile file(path + u".md"_s);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(
        text.contains(u"## Star Trek: Picard\n\n### Picard Requests Help\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"\nListen for the March.\n\n- 1:12 — the March in the horns (theme: "
                           "Star Trek March, statement)\n"_s),
        qPrintable(text));
    QCOMPARE(m_window->statusBar()->currentMessage(),
        u"Exported 1 note and 1 marker on 1 cue to “%1”."_s.arg(file.fileName()));
}

void tst_NotesExchanger::exportAsJsonAndImportThroughTheMenu()
{
    const QString backup = TestFiles::writeFile(
        m_dir.filePath(u"backup.json"_s), NotesJson::write(cues(), {Then, u"0.1.0"_s}));
    QAction *importNotes = action(u"&Import Notes…"_s);
    answerFileDialog(backup);
    importNotes->trigger();
    QCOMPARE(m_window->statusBar()->currentMessage(),
        u"3 markers and 2 notes imported (from “%1”)."_s.arg(backup));
    QCOMPARE(m_userData->markers()->markerCount(), 3);
    // Again: nothing is doubled, and the user is told so.
    answerFileDialog(backup);
    importNotes->trigger();
    QCOMPARE(m_window->statusBar()->currentMessage(),
        u"0 markers and 0 notes imported; 5 were already here (from “%1”)."_s.arg(backup));
    QCOMPARE(m_userData->markers()->markerCount(), 3);

    const QString exported = m_dir.filePath(u"again.json"_s);
    answerFileDialog(exported, u"Cuebook notes backup (*.json)"_s);
    action(u"&Export Notes…"_s)->trigger();
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("\"cueTitle\": \"Star Trek Picard Main Title\""));

    // A file that is not a backup: a dialog names the fault; nothing changes.
    const QString bad = TestFiles::writeFile(m_dir.filePath(u"bad.json"_s), "{\"format\": 1}");
    answerMessageBox();
    answerFileDialog(bad);
    importNotes->trigger();
    QVERIFY2(m_dialog.startsWith(u"Notes Not Imported\n“%1” was not imported: it has "_s.arg(bad)),
        qPrintable(m_dialog));
    QVERIFY2(
        m_dialog.contains(u"format: expected a string, found a number"_s), qPrintable(m_dialog));
    QCOMPARE(m_userData->markers()->markerCount(), 3);
}

void tst_NotesExchanger::labelActionsFollowTheCueShown()
{
    QAction *importLabels = action(u"Import &Audacity Labels…"_s);
    QAction *exportLabels = action(u"Export Audacity &Labels…"_s);
    QVERIFY(!importLabels->isEnabled());
    QVERIFY(!exportLabels->isEnabled());
    m_window->navigate({Location::Release, Picard, u"picard-s1-chapter-1"_s, {}});
    QVERIFY(!importLabels->isEnabled());
    m_window->navigate({Location::Cue, Picard, u"main-title"_s, u"picard-s1-chapter-1"_s});
    QVERIFY(importLabels->isEnabled());
    QVERIFY(exportLabels->isEnabled());
    // In the track's context menu as well.
    auto *tree = m_window->findChild<QWidget *>(u"catalogTree"_s);
    QVERIFY(tree);
    QVERIFY(tree->actions().contains(importLabels));
    QVERIFY(tree->actions().contains(exportLabels));
}

void tst_NotesExchanger::importedLabelsAreTold()
{
    const Location cue {Location::Cue, Picard, u"main-title"_s, u"picard-s1-chapter-1"_s};
    m_window->navigate(cue);
    const QString labels = TestFiles::writeFile(
        m_dir.filePath(u"labels.txt"_s), "1.5\t2.5\tbrass\n12.25\t12.25\tfanfare\n");
    answerFileDialog(labels);
    action(u"Import &Audacity Labels…"_s)->trigger();
    QCOMPARE(m_window->statusBar()->currentMessage(),
        u"2 markers imported into star-trek-picard/main-title (from “%1”)."_s.arg(labels));
    QCOMPARE(m_userData->markers()->markers(cue.cueKey()).size(), 2);

    const QString exported = m_dir.filePath(u"exported.txt"_s);
    answerFileDialog(exported);
    action(u"Export Audacity &Labels…"_s)->trigger();
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), "1.500000\t2.500000\tbrass\n12.250000\t12.250000\tfanfare\n");
}

void tst_NotesExchanger::aBadLabelFileOpensADialog()
{
    const Location cue {Location::Cue, Picard, u"main-title"_s, u"picard-s1-chapter-1"_s};
    m_window->navigate(cue);
    const QString labels = TestFiles::writeFile(
        m_dir.filePath(u"labels.txt"_s), "1.5\t2.5\tbrass\n1:12\t1:20\thorns\n");
    answerMessageBox();
    QVERIFY(!m_window->findChild<NotesExchanger *>()->importLabels(cue.cueKey(), labels));
    QCOMPARE(m_dialog,
        u"Labels Not Imported\n“%1” was not imported: it has a fault. Nothing was changed.\n"
        "%1:2: the start, \"1:12\", is not a number of seconds (expected one like 72.5)"_s.arg(
            labels));
    QVERIFY(m_userData->markers()->markers(cue.cueKey()).isEmpty());
}

void tst_NotesExchanger::withoutUserDataNothingIsOffered()
{
    openWindow(nullptr);
    m_window->navigate({Location::Cue, Picard, u"main-title"_s, u"picard-s1-chapter-1"_s});
    for (const QString &text : {u"&Export Notes…"_s, u"&Import Notes…"_s,
             u"Import &Audacity Labels…"_s, u"Export Audacity &Labels…"_s})
        QVERIFY2(!action(text)->isEnabled(), qPrintable(text));
}

QTEST_MAIN(tst_NotesExchanger)
#include "tst_notesexchanger.moc"
