#include "dialoganswers.h"
#include "errorreporter.h"
#include "mainwindow.h"
#include "notes/noteeditor.h"
#include "panes/cuepane.h"
#include "refusedwrites.h"
#include "userdata/notestore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"

#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace UserDataFixtures;

// Quitting with edits the disk refused, as the user meets it: the window asks before they are
// lost (the test clicks the dialog's buttons), and says so once they are saved at last.
class tst_UnsavedEdits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void stayingKeepsTheWindowAndTheEdits();
    void quittingAnywayCloses();
    void nothingKeptQuitsWithoutAsking();
    void aNoteTypedAsTheWindowClosesIsAskedFor();

private:
    // A window over a database whose notes table refuses every write, with one note kept.
    void openWindowWithAKeptNote();

    QTemporaryDir m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<DialogAnswers> m_answers;
};

void tst_UnsavedEdits::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"CuebookTest"_s);
    QCoreApplication::setApplicationName(u"tst_unsavededits"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
}

void tst_UnsavedEdits::init()
{
    m_answers = std::make_unique<DialogAnswers>();
    const QString path = m_dir.filePath(
        u"user-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY(m_userData->open(path));
    m_window = std::make_unique<MainWindow>(m_userData.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_UnsavedEdits::cleanup()
{
    m_window.reset();
    m_userData.reset();
}

void tst_UnsavedEdits::openWindowWithAKeptNote()
{
    QVERIFY(RefusedWrites::refuse(m_userData->filePath(), u"notes"_s));
    QVERIFY(!m_userData->notes()->setNote({Picard, u"twins"_s}, u"a note the disk refused"_s));
    QVERIFY(m_userData->hasPendingWrites());
}

void tst_UnsavedEdits::stayingKeepsTheWindowAndTheEdits()
{
    openWindowWithAKeptNote();
    m_answers->answer({u"Stay"_s});
    QVERIFY(!m_window->close());
    QVERIFY(m_answers->allAnswered());
    QVERIFY(m_window->isVisible());
    QCOMPARE(m_answers->offered().value(0), (QStringList {u"Quit Anyway"_s, u"Stay"_s}));
    const QString said = m_answers->texts().value(0);
    QVERIFY2(said.contains(u"If you quit now, they are lost"_s)
            && said.contains(QString::fromUtf16(RefusedWrites::Reason))
            && said.contains(u"The note on the cue star-trek-picard/twins"_s),
        qPrintable(said));
    QCOMPARE(m_userData->notes()->note({Picard, u"twins"_s}), u"a note the disk refused"_s);

    // The disk takes writes again: the next edit saves what was kept, and the user is told.
    QVERIFY(runSql(m_userData->filePath(),
        {u"DROP TRIGGER refuse_notes_INSERT"_s, u"DROP TRIGGER refuse_notes_DELETE"_s}));
    QVERIFY(m_userData->notes()->setNote({Picard, u"main-title"_s}, u"the next edit"_s));
    QVERIFY(!m_userData->hasPendingWrites());
    // After the fault on show has had its time.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->statusBar()->currentMessage().contains(u"Your edits are saved now"_s),
        ErrorReporter::FaultHoldMs + 2000);
    QVERIFY(m_window->close());
    QVERIFY(!m_window->isVisible());
    QCOMPARE(m_answers->texts().size(), 1);
}

void tst_UnsavedEdits::quittingAnywayCloses()
{
    openWindowWithAKeptNote();
    m_answers->answer({u"Quit Anyway"_s});
    QVERIFY(m_window->close());
    QVERIFY(m_answers->allAnswered());
    QVERIFY(!m_window->isVisible());
}

void tst_UnsavedEdits::nothingKeptQuitsWithoutAsking()
{
    QVERIFY(m_userData->notes()->setNote({Picard, u"twins"_s}, u"saved"_s));
    QVERIFY(m_window->close());
    QVERIFY(!m_window->isVisible());
    QVERIFY(m_answers->texts().isEmpty());
}

// The note being typed is saved before the window looks for refused edits: typed and refused in
// the last half second, it is asked for like any other, not lost after the question.
void tst_UnsavedEdits::aNoteTypedAsTheWindowClosesIsAskedFor()
{
    QVERIFY(RefusedWrites::refuse(m_userData->filePath(), u"notes"_s));
    m_window->openBundledCatalog();
    m_window->navigate({Location::Cue, Picard, u"twins"_s, u"picard-s1"_s});
    auto *pane = m_window->findChild<CuePane *>();
    QTRY_VERIFY(pane->isVisible());
    pane->noteEditor()->startEditing();
    QVERIFY(pane->noteEditor()->isEditing());
    QTest::keyClicks(pane->noteEditor()->findChild<QPlainTextEdit *>(), u"Sisters"_s);
    QVERIFY(!m_userData->hasPendingWrites());

    m_answers->answer({u"Stay"_s});
    QVERIFY(!m_window->close());
    QVERIFY(m_answers->allAnswered());
    QVERIFY2(m_answers->texts().value(0).contains(u"The note on the cue star-trek-picard/twins"_s),
        qPrintable(m_answers->texts().value(0)));
    QCOMPARE(m_userData->notes()->note({Picard, u"twins"_s}), u"Sisters"_s);
}

QTEST_MAIN(tst_UnsavedEdits)
#include "tst_unsavededits.moc"
