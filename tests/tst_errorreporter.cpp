#include "errorreporter.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;

// The one error path: every fault told once, in the status bar or in a dialog, never hidden at
// once by an ordinary message.
class tst_ErrorReporter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void passingFaultShowsInTheStatusBar();
    void identicalFaultsInABurstAreToldOnce();
    void aFaultThatGoesOnIsToldAgainAfterTheBurst();
    void aFullerFaultReplacesThePartItSays();
    void statusMessageWaitsForTheFaultOnShow();
    void statusMessageWithoutAFaultShowsAtOnce();
    void blockingFaultShowsADialogWithDetails();
    void dialogTellsTheFaultThatTheStatusBarHad();
    void identicalDialogIsNotOpenedTwice();
    void choiceDialogAnswersWithTheButtonClicked_data();
    void choiceDialogAnswersWithTheButtonClicked();

private:
    // Answers the next message box; what it said lands in m_dialog.
    void answerNextDialog();
    int timesShown(const QSignalSpy &spy, const QString &message) const;

    std::unique_ptr<QWidget> m_window;
    QStatusBar *m_bar = nullptr;
    ErrorReporter *m_errors = nullptr;
    QString m_dialog;
    int m_dialogsOpenInside = 0;
};

void tst_ErrorReporter::init()
{
    m_window = std::make_unique<QWidget>();
    m_bar = new QStatusBar(m_window.get());
    m_errors = new ErrorReporter(m_bar, m_window.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_dialog.clear();
}

void tst_ErrorReporter::cleanup()
{
    m_window.reset();
}

void tst_ErrorReporter::answerNextDialog()
{
    QTimer::singleShot(0, this, [this] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerNextDialog();
            return;
        }
        m_dialog = box->windowTitle() + u'\n' + box->text() + u'\n' + box->informativeText()
            + u"\n--\n"_s + box->detailedText();
        // Every box open is answered, so that a test that fails does not hang.
        const QList<QMessageBox *> open = m_window->findChildren<QMessageBox *>();
        m_dialogsOpenInside = int(open.size());
        for (QMessageBox *each : open)
            each->button(QMessageBox::Ok)->click();
    });
}

int tst_ErrorReporter::timesShown(const QSignalSpy &spy, const QString &message) const
{
    return int(std::count_if(spy.cbegin(), spy.cend(),
        [&](const QList<QVariant> &arguments) { return arguments.at(0).toString() == message; }));
}

void tst_ErrorReporter::passingFaultShowsInTheStatusBar()
{
    m_errors->reportPassing(u"“Twins” could not be played: the file is damaged"_s);
    QCOMPARE(m_bar->currentMessage(), u"“Twins” could not be played: the file is damaged"_s);
}

void tst_ErrorReporter::identicalFaultsInABurstAreToldOnce()
{
    QSignalSpy shown(m_bar, &QStatusBar::messageChanged);
    const QString fault = u"a change could not be saved (disk full)"_s;
    for (int i = 0; i < 5; ++i)
        m_errors->reportPassing(fault);
    QCOMPARE(m_bar->currentMessage(), fault);
    QCOMPARE(timesShown(shown, fault), 1);
    // Another fault in the same burst is told.
    m_errors->reportPassing(u"another fault"_s);
    QCOMPARE(m_bar->currentMessage(), u"another fault"_s);
}

void tst_ErrorReporter::aFaultThatGoesOnIsToldAgainAfterTheBurst()
{
    m_errors->setBurstInterval(50);
    QSignalSpy shown(m_bar, &QStatusBar::messageChanged);
    const QString fault = u"a change could not be saved (disk full)"_s;
    m_errors->reportPassing(fault);
    m_bar->clearMessage();
    QCOMPARE(timesShown(shown, fault), 1);
    // Reported over and over, as by a disk that stays full: once the burst is over, said again.
    QTRY_COMPARE((m_errors->reportPassing(fault), timesShown(shown, fault)), 2);
    QCOMPARE(m_bar->currentMessage(), fault);
}

void tst_ErrorReporter::aFullerFaultReplacesThePartItSays()
{
    const QString database = u"a change could not be saved (disk full)"_s;
    const QString fuller = u"The file was not unlinked: "_s + database;
    m_errors->reportPassing(database);
    m_errors->reportPassing(fuller);
    QCOMPARE(m_bar->currentMessage(), fuller);
    // The part alone is not said again after the whole.
    m_errors->reportPassing(database);
    QCOMPARE(m_bar->currentMessage(), fuller);
}

void tst_ErrorReporter::statusMessageWaitsForTheFaultOnShow()
{
    m_errors->reportPassing(u"“Twins” could not be played"_s);
    m_errors->showStatus(u"Playing “Blue Skies”"_s);
    QCOMPARE(m_bar->currentMessage(), u"“Twins” could not be played"_s);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_bar->currentMessage(), u"Playing “Blue Skies”"_s, ErrorReporter::FaultHoldMs + 2000);
}

void tst_ErrorReporter::statusMessageWithoutAFaultShowsAtOnce()
{
    m_errors->showStatus(u"Opened “Voyager”."_s, 5000);
    QCOMPARE(m_bar->currentMessage(), u"Opened “Voyager”."_s);
    m_errors->showStatus(u"Star Trek: Picard: 84 tracks"_s);
    QCOMPARE(m_bar->currentMessage(), u"Star Trek: Picard: 84 tracks"_s);
}

void tst_ErrorReporter::blockingFaultShowsADialogWithDetails()
{
    QStringList faults;
    for (int i = 1; i <= 7; ++i)
        faults.append(u"fault %1"_s.arg(i));
    answerNextDialog();
    m_errors->reportBlocking(u"Catalog Not Opened"_s, u"“x.json” was not opened."_s, faults);
    QVERIFY2(m_dialog.startsWith(u"Catalog Not Opened\n“x.json” was not opened.\nfault 1\n"_s),
        qPrintable(m_dialog));
    const QString informative = m_dialog.section(u"--"_s, 0, 0);
    QVERIFY(informative.contains(u"fault 5\n…"_s));
    QVERIFY(!informative.contains(u"fault 6"_s));
    QVERIFY(m_dialog.section(u"--"_s, 1).contains(u"fault 7"_s));
}

void tst_ErrorReporter::dialogTellsTheFaultThatTheStatusBarHad()
{
    const QString database = u"a change could not be saved (disk full)"_s;
    m_errors->reportPassing(database);
    answerNextDialog();
    m_errors->reportBlocking(u"Cover Not Set"_s, u"The cover was not stored: "_s + database);
    QVERIFY(m_dialog.contains(database));
    // Told once: the dialog said it, so the status bar no longer does, nor will again.
    QCOMPARE(m_bar->currentMessage(), QString());
    m_errors->reportPassing(database);
    QCOMPARE(m_bar->currentMessage(), QString());
}

void tst_ErrorReporter::identicalDialogIsNotOpenedTwice()
{
    // The same fault again while its dialog is open (say, from a timer of the nested event
    // loop) opens no second dialog; it returns at once.
    QTimer::singleShot(0, this, [this] {
        answerNextDialog();
        m_errors->reportBlocking(u"Links Not Stored"_s, u"disk full"_s);
    });
    m_errors->reportBlocking(u"Links Not Stored"_s, u"disk full"_s);
    QCOMPARE(m_dialogsOpenInside, 1);
    // Once it is closed, the next time the user meets the fault it is told again.
    answerNextDialog();
    m_dialog.clear();
    m_errors->reportBlocking(u"Links Not Stored"_s, u"disk full"_s);
    QVERIFY(m_dialog.contains(u"disk full"_s));
}

void tst_ErrorReporter::choiceDialogAnswersWithTheButtonClicked_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("chosen");
    QTest::newRow("act") << u"Keep It Aside and Start Afresh"_s << 0 << true;
    QTest::newRow("keep") << u"Continue Without Saving"_s << 0 << false;
    // A hurried key changes nothing.
    QTest::newRow("Enter") << QString() << int(Qt::Key_Return) << false;
    QTest::newRow("Escape") << QString() << int(Qt::Key_Escape) << false;
}

void tst_ErrorReporter::choiceDialogAnswersWithTheButtonClicked()
{
    QFETCH(QString, button);
    QFETCH(int, key);
    QFETCH(bool, chosen);
    QStringList buttons;
    bool answered = false;
    std::function<void()> answer = [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            QTimer::singleShot(0, this, answer);
            return;
        }
        m_dialog = box->windowTitle() + u'\n' + box->text() + u'\n' + box->informativeText();
        for (QAbstractButton *each : box->buttons()) {
            // "Show Details…" is no answer.
            if (box->buttonRole(each) != QMessageBox::ActionRole)
                buttons.append(each->text());
        }
        answered = true;
        if (key != 0) {
            QTest::keyClick(box, Qt::Key(key));
            return;
        }
        for (QAbstractButton *each : box->buttons()) {
            if (each->text() == button)
                QTest::mouseClick(each, Qt::LeftButton);
        }
        // A button not found leaves the dialog open: close it, so that the test fails, not hangs.
        if (box->isVisible())
            box->reject();
    };
    QTimer::singleShot(0, this, answer);
    const bool result = m_errors->reportWithChoice(u"Your Links, Notes and Markers"_s,
        u"“userdata.sqlite” is damaged."_s, u"Keep It Aside and Start Afresh"_s,
        u"Continue Without Saving"_s, {u"a detail"_s});
    QVERIFY(answered);
    QCOMPARE(result, chosen);
    QCOMPARE(buttons.size(), 2);
    QVERIFY(buttons.contains(u"Keep It Aside and Start Afresh"_s));
    QVERIFY(buttons.contains(u"Continue Without Saving"_s));
    QVERIFY2(m_dialog.startsWith(u"Your Links, Notes and Markers\n“userdata.sqlite” is damaged.\n"
                                 "a detail"_s),
        qPrintable(m_dialog));
}

QTEST_MAIN(tst_ErrorReporter)
#include "tst_errorreporter.moc"
