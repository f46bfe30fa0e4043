#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <optional>

class QStatusBar;
class QWidget;

// The window's one way to tell the user that something failed: a passing fault in the status
// bar, a fault that stops a task in a dialog, a fault the user must decide about in a dialog
// with a choice. Each fault is told once: an identical one within
// a burst is not repeated, nor one a fuller message in the same burst already says. A fault on
// show is not hidden at once by an ordinary status message; that message waits its turn.
class ErrorReporter : public QObject
{
    Q_OBJECT

public:
    // How long a passing fault stays in the status bar, and how long it holds off ordinary
    // status messages.
    static constexpr int FaultTimeoutMs = 10'000;
    static constexpr int FaultHoldMs = 4'000;

    // bar shows passing faults and status messages; window parents the dialogs.
    ErrorReporter(QStatusBar *bar, QWidget *window);

    QWidget *window() const { return m_window; }

    // A fault the user can go on past: a write that failed in the background, a file that would
    // not play.
    void reportPassing(const QString &message);
    // A fault that stopped what the user asked for, in a modal dialog: details (say, each fault
    // of a refused file) show the first few below the text and all of them under "Show Details".
    void reportBlocking(const QString &title, const QString &text, const QStringList &details = {});
    // A fault the user must decide about, in a modal dialog with two buttons: actText does
    // something about it, keepText goes on without. Enter, Escape and closing the dialog choose
    // keepText, so that a hurried key changes nothing. True when the user chose actText.
    bool reportWithChoice(const QString &title, const QString &text, const QString &actText,
        const QString &keepText, const QStringList &details = {});
    // What is not a fault: shown at once unless a fault is on show, then once it has been seen.
    void showStatus(const QString &message, int timeoutMs = 0);

    // How long an identical fault is not told again (3 s unless set; tests shorten it).
    void setBurstInterval(int ms) { m_burstMs = ms; }

private:
    // The dialog of reportBlocking(), with a choice when actText is given; true when chosen.
    bool showDialog(const QString &title, const QString &text, const QStringList &details,
        const QString &actText = {}, const QString &keepText = {});
    bool toldInBurst(const QString &message) const;
    void remember(const QString &message);
    void showHeldStatus();

    QStatusBar *m_bar = nullptr;
    QWidget *m_window = nullptr;
    int m_burstMs = 3'000;
    // Each fault told recently, with when, to keep a burst to one message.
    QHash<QString, QElapsedTimer> m_told;
    // The passing fault on show, and since when.
    QString m_fault;
    QElapsedTimer m_faultShown;
    // The status message that waits for the fault on show, with its timeout.
    std::optional<std::pair<QString, int>> m_heldStatus;
    QTimer m_holdTimer;
    // The dialogs open, by title and text: a second identical one waits for none of them.
    QStringList m_openDialogs;
};
