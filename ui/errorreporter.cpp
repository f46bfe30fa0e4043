#include "errorreporter.h"

#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

using namespace Qt::StringLiterals;

ErrorReporter::ErrorReporter(QStatusBar *bar, QWidget *window)
    : QObject(window)
    , m_bar(bar)
    , m_window(window)
{
    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, &ErrorReporter::showHeldStatus);
}

bool ErrorReporter::toldInBurst(const QString &message) const
{
    for (auto it = m_told.cbegin(); it != m_told.cend(); ++it) {
        if (!it.value().hasExpired(m_burstMs) && it.key().contains(message))
            return true;
    }
    return false;
}

void ErrorReporter::remember(const QString &message)
{
    for (auto it = m_told.begin(); it != m_told.end();)
        it = it.value().hasExpired(m_burstMs) ? m_told.erase(it) : std::next(it);
    QElapsedTimer now;
    now.start();
    m_told.insert(message, now);
}

void ErrorReporter::reportPassing(const QString &message)
{
    if (message.isEmpty() || toldInBurst(message))
        return;
    remember(message);
    m_fault = message;
    m_faultShown.start();
    m_bar->showMessage(message, FaultTimeoutMs);
    if (m_heldStatus)
        m_holdTimer.start(FaultHoldMs);
}

void ErrorReporter::reportBlocking(
    const QString &title, const QString &text, const QStringList &details)
{
    showDialog(title, text, details);
}

bool ErrorReporter::reportWithChoice(const QString &title, const QString &text,
    const QString &actText, const QString &keepText, const QStringList &details)
{
    return showDialog(title, text, details, actText, keepText);
}

bool ErrorReporter::showDialog(const QString &title, const QString &text,
    const QStringList &details, const QString &actText, const QString &keepText)
{
    const QString dialog = title + u'\n' + text;
    if (m_openDialogs.contains(dialog))
        return false;
    const QString whole = text + u'\n' + details.join(u'\n');
    // The dialog tells the whole of a passing fault of this burst still on show: it goes.
    if (!m_fault.isEmpty() && !m_faultShown.hasExpired(m_burstMs) && whole.contains(m_fault)
        && m_bar->currentMessage() == m_fault) {
        m_bar->clearMessage();
        m_fault.clear();
        showHeldStatus();
    }
    remember(whole);

    constexpr int ShownDetails = 5;
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, m_window);
    box.setObjectName(u"errorReport"_s);
    QPushButton *act = nullptr;
    if (actText.isEmpty()) {
        box.setStandardButtons(QMessageBox::Ok);
    } else {
        act = box.addButton(actText, QMessageBox::AcceptRole);
        QPushButton *keep = box.addButton(keepText, QMessageBox::RejectRole);
        box.setDefaultButton(keep);
        box.setEscapeButton(keep);
    }
    if (!details.isEmpty()) {
        box.setInformativeText(details.mid(0, ShownDetails).join(u'\n')
            + (details.size() > ShownDetails ? u"\n…"_s : QString()));
        box.setDetailedText(details.join(u'\n'));
    }
    m_openDialogs.append(dialog);
    box.exec();
    m_openDialogs.removeOne(dialog);
    return act && box.clickedButton() == act;
}

void ErrorReporter::showStatus(const QString &message, int timeoutMs)
{
    const bool faultOnShow = !m_fault.isEmpty() && !m_faultShown.hasExpired(FaultHoldMs)
        && m_bar->currentMessage() == m_fault;
    if (!faultOnShow) {
        m_heldStatus.reset();
        m_holdTimer.stop();
        m_bar->showMessage(message, timeoutMs);
        return;
    }
    m_heldStatus = std::pair {message, timeoutMs};
    m_holdTimer.start(int(std::max<qint64>(FaultHoldMs - m_faultShown.elapsed(), 0)));
}

void ErrorReporter::showHeldStatus()
{
    m_holdTimer.stop();
    if (const auto held = std::exchange(m_heldStatus, std::nullopt))
        m_bar->showMessage(held->first, held->second);
}
