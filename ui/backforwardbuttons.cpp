#include "backforwardbuttons.h"

#include <QMouseEvent>
#include <QWidget>
#include <QWindow>

BackForwardButtons::BackForwardButtons(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    m_window->installEventFilter(this);
    watchWindowHandle();
}

void BackForwardButtons::watchWindowHandle()
{
    QWindow *handle = m_window->windowHandle();
    if (handle == m_handle)
        return;
    if (m_handle)
        m_handle->removeEventFilter(this);
    m_handle = handle;
    if (m_handle)
        m_handle->installEventFilter(this);
}

bool BackForwardButtons::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        if (event->type() == QEvent::Show || event->type() == QEvent::WinIdChange)
            watchWindowHandle();
        return false;
    }
    if (watched != m_handle
        || (event->type() != QEvent::MouseButtonPress
            && event->type() != QEvent::MouseButtonDblClick))
        return false;
    const Qt::MouseButton button = static_cast<QMouseEvent *>(event)->button();
    if (button != Qt::BackButton && button != Qt::ForwardButton)
        return false;
    // A second press in quick succession comes as a press and a double click: one step each.
    if (event->type() == QEvent::MouseButtonPress && button == Qt::BackButton)
        emit backPressed();
    else if (event->type() == QEvent::MouseButtonPress)
        emit forwardPressed();
    return true;
}
