#include "notes/noteview.h"

#include <QApplication>
#include <QDesktopServices>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {

bool opensOutside(const QUrl &url)
{
    const QString scheme = url.scheme();
    return scheme == u"https"_s || scheme == u"http"_s || scheme == u"mailto"_s;
}

} // namespace

NoteView::NoteView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(u"noteView"_s);
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(14);
    viewport()->setCursor(Qt::IBeamCursor);
    setAccessibleName(tr("Note"));
    connect(this, &QTextBrowser::anchorClicked, this, &NoteView::openLink);
    connect(
        this, qOverload<const QUrl &>(&QTextBrowser::highlighted), this, [this](const QUrl &url) {
            setToolTip(opensOutside(url) ? url.toDisplayString() : QString());
            viewport()->setCursor(url.isEmpty() ? Qt::IBeamCursor : Qt::PointingHandCursor);
        });
}

void NoteView::setNote(const QString &markdown)
{
    m_note = markdown;
    render();
}

void NoteView::setPlaceholder(const QString &placeholder)
{
    m_placeholder = placeholder;
    render();
}

void NoteView::render()
{
    if (m_note.trimmed().isEmpty()) {
        const QColor color = palette().color(QPalette::PlaceholderText);
        setHtml(u"<p style=\"color:%1\">%2</p>"_s.arg(color.name(), m_placeholder.toHtmlEscaped()));
        setAccessibleDescription(m_placeholder);
        return;
    }
    document()->setMarkdown(m_note, QTextDocument::MarkdownDialectGitHub);
    quietHeadings();
    setAccessibleDescription(tr("Rendered; press Enter or F2 to edit"));
}

// QTextDocument gives a "#" heading xxx-large type, which shouts over the pane's own title
// above the note. A note's headings take the pane's sizes instead (PaneHtml's style sheet): "#"
// between the pane's title and its section headings, "##" a section heading, the rest bold text.
void NoteView::quietHeadings()
{
    const QFont base = font();
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const int level = block.blockFormat().headingLevel();
        if (level == 0)
            continue;
        const qreal factor = level == 1 ? 1.25 : level == 2 ? 1.12 : 1.0;
        QTextCharFormat format;
        format.setFontWeight(QFont::DemiBold);
        format.setProperty(QTextFormat::FontSizeAdjustment, 0);
        if (base.pointSizeF() > 0)
            format.setFontPointSize(base.pointSizeF() * factor);
        else
            format.setProperty(QTextFormat::FontPixelSize, qRound(base.pixelSize() * factor));
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(format);
    }
}

QVariant NoteView::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(name);
    // A note may name any file or address as an image: none is read on its behalf.
    if (type == QTextDocument::ImageResource) {
        QImage blank(1, 1, QImage::Format_ARGB32_Premultiplied);
        blank.fill(Qt::transparent);
        return blank;
    }
    return QString(u""_s);
}

void NoteView::openLink(const QUrl &url)
{
    if (opensOutside(url))
        QDesktopServices::openUrl(url);
}

void NoteView::mousePressEvent(QMouseEvent *event)
{
    m_pressed = event->button() == Qt::LeftButton;
    m_pressPosition = event->position().toPoint();
    QTextBrowser::mousePressEvent(event);
}

void NoteView::mouseReleaseEvent(QMouseEvent *event)
{
    const bool click = m_pressed && event->button() == Qt::LeftButton
        && (event->position().toPoint() - m_pressPosition).manhattanLength()
            < QApplication::startDragDistance();
    m_pressed = false;
    const bool onLink = !anchorAt(event->position().toPoint()).isEmpty();
    QTextBrowser::mouseReleaseEvent(event);
    if (click && !onLink && m_editable && !textCursor().hasSelection())
        emit editRequested();
}

void NoteView::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    // Enter on a link reached with Tab follows it; anywhere else it begins editing.
    if (m_editable && event->modifiers() == Qt::NoModifier
        && (event->key() == Qt::Key_F2 || (enter && !textCursor().hasSelection()))) {
        emit editRequested();
        event->accept();
        return;
    }
    QTextBrowser::keyPressEvent(event);
}

void NoteView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    // The placeholder's colour is the palette's; the headings' sizes the font's.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        render();
}
