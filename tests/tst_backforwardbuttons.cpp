#include "backforwardbuttons.h"

#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <QWindow>

using namespace Qt::StringLiterals;

// Counts the presses that reach it.
class PressCounter : public QWidget
{
    Q_OBJECT

public:
    int presses = 0;

protected:
    void mousePressEvent(QMouseEvent *) override { ++presses; }
};

// The mouse's back and forward buttons, sent as the platform sends them: to the window, at the
// place of a widget inside it.
class tst_BackForwardButtons : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void backAndForwardAnywhereInTheWindow();
    void otherButtonsReachTheWidget();
    void anotherWindowIsNotWatched();
    void quickSecondPressIsASecondStep();

private:
    QPoint centreOf(QWidget *widget) const;

    std::unique_ptr<QWidget> m_window;
    PressCounter *m_child = nullptr;
    BackForwardButtons *m_buttons = nullptr;
};

void tst_BackForwardButtons::init()
{
    m_window = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_window.get());
    m_child = new PressCounter;
    m_child->setMinimumSize(200, 100);
    layout->addWidget(m_child);
    // Made before the window has its QWindow: it must find the one the first show creates.
    m_buttons = new BackForwardButtons(m_window.get());
    QVERIFY(!m_window->windowHandle());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_BackForwardButtons::cleanup()
{
    m_window.reset();
}

QPoint tst_BackForwardButtons::centreOf(QWidget *widget) const
{
    return widget->mapTo(widget->window(), widget->rect().center());
}

void tst_BackForwardButtons::backAndForwardAnywhereInTheWindow()
{
    QSignalSpy back(m_buttons, &BackForwardButtons::backPressed);
    QSignalSpy forward(m_buttons, &BackForwardButtons::forwardPressed);
    QTest::mouseClick(m_window->windowHandle(), Qt::XButton1, {}, centreOf(m_child));
    QCOMPARE(back.size(), 1);
    QCOMPARE(forward.size(), 0);
    QTest::mouseClick(m_window->windowHandle(), Qt::XButton2, {}, centreOf(m_child));
    QCOMPARE(back.size(), 1);
    QCOMPARE(forward.size(), 1);
    // The press went no further.
    QCOMPARE(m_child->presses, 0);
}

void tst_BackForwardButtons::otherButtonsReachTheWidget()
{
    QSignalSpy back(m_buttons, &BackForwardButtons::backPressed);
    QSignalSpy forward(m_buttons, &BackForwardButtons::forwardPressed);
    QTest::mouseClick(m_window->windowHandle(), Qt::LeftButton, {}, centreOf(m_child));
    QTest::mouseClick(m_window->windowHandle(), Qt::MiddleButton, {}, centreOf(m_child));
    QCOMPARE(m_child->presses, 2);
    QCOMPARE(back.size() + forward.size(), 0);
}

void tst_BackForwardButtons::anotherWindowIsNotWatched()
{
    QWidget other;
    other.resize(200, 100);
    other.show();
    QVERIFY(QTest::qWaitForWindowExposed(&other));
    QSignalSpy back(m_buttons, &BackForwardButtons::backPressed);
    QTest::mouseClick(other.windowHandle(), Qt::BackButton, {}, QPoint(50, 50));
    QCOMPARE(back.size(), 0);
}

void tst_BackForwardButtons::quickSecondPressIsASecondStep()
{
    QSignalSpy back(m_buttons, &BackForwardButtons::backPressed);
    QTest::mouseDClick(m_window->windowHandle(), Qt::BackButton, {}, centreOf(m_child));
    QCOMPARE(back.size(), 2);
    QCOMPARE(m_child->presses, 0);
}

QTEST_MAIN(tst_BackForwardButtons)
#include "tst_backforwardbuttons.moc"
