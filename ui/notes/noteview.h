#pragma once

#include <QTextBrowser>

// A note as the reader sees it: its light Markdown rendered, or an invitation to write one when it
// is empty. It is how editing begins: a click on the text (not on a link, and not a drag that
// selects), Enter or F2 emit editRequested(). Web and mail links open in the desktop's programs,
// and only at the user's click; nothing else is ever loaded for the note, images included.
class NoteView : public QTextBrowser
{
    Q_OBJECT

public:
    explicit NoteView(QWidget *parent = nullptr);

    // The note's text, Markdown; an empty one shows placeholder instead.
    void setNote(const QString &markdown);
    QString note() const { return m_note; }
    void setPlaceholder(const QString &placeholder);
    // Without it (a note that cannot be written) clicks and keys only read.
    void setEditable(bool editable) { m_editable = editable; }

    QVariant loadResource(int type, const QUrl &name) override;

signals:
    void editRequested();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void render();
    void quietHeadings();
    void openLink(const QUrl &url);

    QString m_note;
    QString m_placeholder;
    bool m_editable = true;
    // Where the left button went down, to tell a click from a drag that selects.
    QPoint m_pressPosition;
    bool m_pressed = false;
};
