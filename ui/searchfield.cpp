#include "searchfield.h"

#include <QKeyEvent>

SearchField::SearchField(QWidget *parent)
    : QLineEdit(parent)
{
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Search titles, composers, themes…"));
    setToolTip(tr("<p>Type words to find releases, tracks, composers and themes.</p>"
                  "<p>Narrow with <b>field:value</b>: <code>theme:romulan</code>, "
                  "<code>composer:goldsmith</code>, <code>release:\"chapter 1\"</code>, "
                  "<code>duration:&gt;3:00</code>, <code>episode:</code> (any episode).</p>"));
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
