#pragma once

#include "catalog/cuekey.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class NoteView;
class UserDatabase;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;

// The note on one cue, read and written in place: rendered (NoteView) until the user clicks it or
// presses Enter or F2, then plain text in a QPlainTextEdit, with its own undo and redo, until
// Escape or a click elsewhere. What is typed is saved through NoteStore::setNote half a second
// after the first change not yet saved, however fast the typing goes, and at once when the cue
// shown changes, when the editor is hidden (the window closing, another pane shown) and when the
// application quits. A write the disk refuses is kept in memory by the store and reported by the
// database (UserDatabase::errorOccurred); the text being typed stays as it is.
class NoteEditor : public QWidget
{
    Q_OBJECT

public:
    // The longest a change waits before it is saved.
    static constexpr int SaveDelayMs = 500;

    explicit NoteEditor(QWidget *parent = nullptr);
    ~NoteEditor() override;

    // Where notes are read and written; without one (nullptr, or a database that did not open)
    // the editor says notes cannot be written, and shows none.
    void setUserData(UserDatabase *userData);
    // Saves the note shown, then shows the cue's (rendered); an empty key shows nothing.
    void setCue(const CueKey &cue);
    CueKey cue() const { return m_cue; }

    bool isEditing() const;
    void startEditing();
    // Saves, and shows the note rendered.
    void finishEditing();
    // Saves what was typed and not saved yet, now.
    void save();
    bool hasUnsavedChanges() const { return m_unsaved; }

    // "Edited 2 minutes ago", as the line under the note says it at now.
    static QString editedText(const QDateTime &updated, const QDateTime &now);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    bool canWrite() const;
    void load();
    void textEdited();
    void noteChanged(const CueKey &cue);
    void updateEditedLine();

    QPointer<UserDatabase> m_userData;
    CueKey m_cue;
    QStackedWidget *m_pages = nullptr;
    NoteView *m_view = nullptr;
    QPlainTextEdit *m_edit = nullptr;
    QLabel *m_editedLine = nullptr;
    QTimer m_saveTimer;
    // Keeps "Edited 2 minutes ago" true while it is on screen.
    QTimer m_clock;
    qint64 m_updatedAtMs = -1;
    bool m_unsaved = false;
    // While save() writes: the noteChanged it causes is the editor's own.
    bool m_saving = false;
};
