#pragma once

#include <QObject>
#include <QPointer>

class QWidget;
class QWindow;

// The mouse's back and forward buttons anywhere in one window, as in a web browser: a press of
// either over any of its widgets asks to go back or forward, and goes no further. It watches that
// window's own events only, on its QWindow, never every event of the application.
class BackForwardButtons : public QObject
{
    Q_OBJECT

public:
    explicit BackForwardButtons(QWidget *window);

signals:
    void backPressed();
    void forwardPressed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The QWindow comes with the first show, and a new one when the widget is made native anew.
    void watchWindowHandle();

    QWidget *m_window = nullptr;
    QPointer<QWindow> m_handle;
};
