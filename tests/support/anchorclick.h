#pragma once

#include "navigation/locationlink.h"

#include <QAbstractTextDocumentLayout>
#include <QList>
#include <QScrollBar>
#include <QString>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>

// Finds the links in a rich-text view (a pane's QTextBrowser) and clicks them the way a user
// does: a real mouse click on the viewport, at the centre of the link's first character. Header
// only, so that any test can include it.
namespace AnchorClick {

struct Anchor
{
    QString href;
    int position = -1;
    int length = 0;

    bool isValid() const { return position >= 0; }
};

// Every link of the document, in document order; one entry per link even where the text
// layout splits it into several fragments.
inline QList<Anchor> anchors(const QTextDocument *document)
{
    QList<Anchor> result;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QString href = fragment.charFormat().anchorHref();
            if (!fragment.charFormat().isAnchor() || href.isEmpty())
                continue;
            if (!result.isEmpty() && result.last().href == href
                && result.last().position + result.last().length == fragment.position()) {
                result.last().length += fragment.length();
                continue;
            }
            result.append(Anchor {href, fragment.position(), fragment.length()});
        }
    }
    return result;
}

// The href a pane writes for a location.
inline QString hrefOf(const Location &location)
{
    return LocationLink::toUrl(location).toString(QUrl::FullyEncoded);
}

// The locations of the document's Cuebook links, in document order, from position on.
inline QList<Location> locations(const QTextDocument *document, int from = 0, int to = -1)
{
    QList<Location> result;
    for (const Anchor &anchor : anchors(document)) {
        if (anchor.position < from || (to >= 0 && anchor.position >= to))
            continue;
        const Location location = LocationLink::fromUrl(QUrl(anchor.href));
        if (location.isValid())
            result.append(location);
    }
    return result;
}

inline Anchor find(const QTextDocument *document, const QString &href)
{
    for (const Anchor &anchor : anchors(document)) {
        if (anchor.href == href)
            return anchor;
    }
    return Anchor();
}

// Scrolls the anchor into view and returns the centre of its first character, in viewport
// coordinates.
inline QPoint centerOf(QTextEdit *view, const Anchor &anchor)
{
    const QTextBlock block = view->document()->findBlock(anchor.position);
    const QRectF blockRect = view->document()->documentLayout()->blockBoundingRect(block);
    view->verticalScrollBar()->setValue(int(blockRect.top()) - view->viewport()->height() / 3);

    QTextCursor cursor(view->document());
    cursor.setPosition(anchor.position);
    const QRect before = view->cursorRect(cursor);
    cursor.setPosition(anchor.position + 1);
    const QRect after = view->cursorRect(cursor);
    const int x
        = after.top() == before.top() ? (before.left() + after.left()) / 2 : before.left() + 2;
    return QPoint(x, before.center().y());
}

// Clicks the first link to href; false when the document has none.
inline bool click(QTextEdit *view, const QString &href)
{
    const Anchor anchor = find(view->document(), href);
    if (!anchor.isValid())
        return false;
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, centerOf(view, anchor));
    return true;
}

inline bool click(QTextEdit *view, const Location &location)
{
    return click(view, hrefOf(location));
}

// The href of the link that has the keyboard focus (Tab selects a whole link), or empty.
inline QString focusedHref(const QTextEdit *view)
{
    const QTextCursor selection = view->textCursor();
    if (!selection.hasSelection())
        return QString();
    QTextCursor probe(view->document());
    probe.setPosition(selection.selectionStart() + 1);
    return probe.charFormat().anchorHref();
}

} // namespace AnchorClick
