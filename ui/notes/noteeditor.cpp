#include "notes/noteeditor.h"

#include "notes/noteview.h"
#include "userdata/notestore.h"
#include "userdata/userdatabase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QStringList>
#include <QTextCursor>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace {
// Often enough for "2 minutes ago" to stay true to the minute, without waking every second.
constexpr int ClockIntervalMs = 30'000;
constexpr int Margin = 14;
} // namespace

NoteEditor::NoteEditor(QWidget *parent)
    : QWidget(parent)
{
    m_view = new NoteView;
    m_edit = new QPlainTextEdit;
    m_edit->setObjectName(u"noteEdit"_s);
    m_edit->setAccessibleName(tr("Note"));
    m_edit->setPlaceholderText(
        tr("What you hear, and where. Markdown works: # heading, *emphasis*, - list, "
           "[link](https://…)."));
    // A frame, where the rendered note has none: the one sign that it is being edited.
    m_edit->setFrameShape(QFrame::StyledPanel);
    m_edit->document()->setDocumentMargin(Margin);
    // Tab leaves the note, as everywhere else in the window; lists indent with spaces.
    m_edit->setTabChangesFocus(true);
    m_edit->installEventFilter(this);
    m_pages = new QStackedWidget;
    m_pages->addWidget(m_view);
    m_pages->addWidget(m_edit);

    m_editedLine = new QLabel;
    m_editedLine->setObjectName(u"noteEdited"_s);
    m_editedLine->setForegroundRole(QPalette::PlaceholderText);
    m_editedLine->setContentsMargins(Margin, 2, Margin, 6);
    m_editedLine->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_editedLine);
    setFocusProxy(m_view);

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    m_clock.setInterval(ClockIntervalMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &NoteEditor::save);
    connect(&m_clock, &QTimer::timeout, this, &NoteEditor::updateEditedLine);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &NoteEditor::textEdited);
    connect(m_view, &NoteView::editRequested, this, &NoteEditor::startEditing);
    if (QCoreApplication *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &NoteEditor::save);
    load();
}

NoteEditor::~NoteEditor()
{
    save();
}

void NoteEditor::setUserData(UserDatabase *userData)
{
    save();
    if (m_userData)
        disconnect(m_userData->notes(), nullptr, this, nullptr);
    m_userData = userData;
    if (userData)
        connect(userData->notes(), &NoteStore::noteChanged, this, &NoteEditor::noteChanged);
    load();
}

void NoteEditor::setCue(const CueKey &cue)
{
    // The same cue again (its pane shown anew) keeps the text and its undo history.
    if (cue == m_cue)
        return;
    save();
    m_cue = cue;
    load();
}

bool NoteEditor::canWrite() const
{
    return m_userData && m_userData->isOpen() && !m_cue.isEmpty();
}

bool NoteEditor::isEditing() const
{
    return m_pages->currentWidget() == m_edit;
}

void NoteEditor::startEditing()
{
    if (!canWrite())
        return;
    m_pages->setCurrentWidget(m_edit);
    m_edit->setFocus(Qt::OtherFocusReason);
    updateEditedLine();
}

void NoteEditor::finishEditing()
{
    save();
    m_view->setNote(m_edit->toPlainText());
    const bool hadFocus = m_edit->hasFocus();
    m_pages->setCurrentWidget(m_view);
    if (hadFocus)
        m_view->setFocus(Qt::OtherFocusReason);
    updateEditedLine();
}

void NoteEditor::save()
{
    m_saveTimer.stop();
    if (!std::exchange(m_unsaved, false) || !canWrite())
        return;
    const QString text = m_edit->toPlainText();
    // Only spaces is no note: the track loses its mark.
    const QString note = text.trimmed().isEmpty() ? QString() : text;
    // A write the disk refuses is kept in memory by the store, and reported by the database
    // (errorOccurred): the note reads as typed either way, here and everywhere.
    m_saving = true;
    m_userData->notes()->setNote(m_cue, note);
    m_saving = false;
    m_updatedAtMs = note.isEmpty() ? -1 : QDateTime::currentMSecsSinceEpoch();
    updateEditedLine();
}

void NoteEditor::load()
{
    m_saveTimer.stop();
    m_unsaved = false;
    const bool writable = canWrite();
    const std::optional<NoteEntry> entry
        = writable ? m_userData->notes()->noteEntry(m_cue) : std::nullopt;
    const QString text = entry ? entry->text : QString();
    m_updatedAtMs = entry ? entry->updatedAtMs : -1;
    {
        const QSignalBlocker blocker(m_edit);
        m_edit->setPlainText(text);
    }
    m_edit->moveCursor(QTextCursor::End);
    m_view->setEditable(writable);
    if (writable)
        m_view->setPlaceholder(tr("Write a note on this cue…"));
    else if (!m_cue.isEmpty())
        m_view->setPlaceholder(tr("Notes cannot be written: your user database could not be "
                                  "opened."));
    else
        m_view->setPlaceholder(QString());
    m_view->setNote(text);
    m_pages->setCurrentWidget(m_view);
    updateEditedLine();
}

void NoteEditor::textEdited()
{
    m_unsaved = true;
    // Not pushed back by later keys: a steady typist is saved every SaveDelayMs.
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

// A note changed elsewhere (an import) shows here, unless the user is changing it too.
void NoteEditor::noteChanged(const CueKey &cue)
{
    if (cue != m_cue || m_saving || m_unsaved)
        return;
    const QString stored = m_userData->notes()->note(cue);
    if (stored != m_edit->toPlainText()) {
        const bool editing = isEditing();
        load();
        if (editing)
            startEditing();
    }
}

void NoteEditor::updateEditedLine()
{
    QStringList parts;
    if (m_updatedAtMs >= 0)
        parts.append(editedText(
            QDateTime::fromMSecsSinceEpoch(m_updatedAtMs), QDateTime::currentDateTime()));
    if (isEditing())
        parts.append(tr("Esc when done"));
    m_editedLine->setText(parts.join(u" · "_s));
    m_editedLine->setVisible(!parts.isEmpty());
}

QString NoteEditor::editedText(const QDateTime &updated, const QDateTime &now)
{
    // Two strings rather than %n: there is no English .qm to pick the plural form.
    const qint64 seconds = updated.secsTo(now);
    if (seconds < 60)
        return tr("Edited just now");
    if (const qint64 minutes = seconds / 60; minutes < 60)
        return minutes == 1 ? tr("Edited a minute ago") : tr("Edited %1 minutes ago").arg(minutes);
    if (const qint64 hours = seconds / 3600; hours < 24)
        return hours == 1 ? tr("Edited an hour ago") : tr("Edited %1 hours ago").arg(hours);
    const qint64 days = updated.date().daysTo(now.date());
    if (days <= 1)
        return tr("Edited yesterday");
    if (days < 7)
        return tr("Edited %1 days ago").arg(days);
    return tr("Edited on %1").arg(QLocale().toString(updated.date(), QLocale::LongFormat));
}

bool NoteEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        finishEditing();
        return true;
    }
    if (watched == m_edit && event->type() == QEvent::FocusOut) {
        // A context menu or another window taking the focus for a while ends nothing.
        const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
        if (reason != Qt::PopupFocusReason && reason != Qt::ActiveWindowFocusReason && isEditing())
            finishEditing();
        else
            save();
    }
    return QWidget::eventFilter(watched, event);
}

void NoteEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateEditedLine();
    m_clock.start();
}

void NoteEditor::hideEvent(QHideEvent *event)
{
    // The window closing, or another pane or tab shown: nothing typed waits for the timer.
    save();
    m_clock.stop();
    QWidget::hideEvent(event);
}
