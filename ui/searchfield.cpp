#include "searchfield.h"

#include <QKeyEvent>

SearchField::SearchField(QWidget *parent)
    : QLineEdit(parent)
{
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Search titles, composers, themes, notes…"));
    setToolTip(tr("<p>Type words to find releases, tracks, composers, themes and your notes.</p>"
                  "<p>Narrow with <b>field:value</b>: <code>theme:romulan</code>, "
                  "<code>composer:goldsmith</code>, <code>release:\"chapter 1\"</code>, "
                  "<code>duration:&gt;3:00</code>, <code>episode:</code> (any episode), "
                  "<code>note:horns</code> (in your notes only).</p>"
                  "<p>Find what you added: <code>has:note</code>, <code>has:file</code>, "
                  "<code>has:marker</code>.</p>"));
}

void SearchField::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && !text().isEmpty()) {
        clear();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}
