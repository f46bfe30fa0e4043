#include "panes/panebrowser.h"

#include "navigation/locationlink.h"
#include "navigation/paneaction.h"
#include "panes/panehtml.h"

#include <QDesktopServices>
#include <QEvent>
#include <QScrollBar>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {

bool isWebLink(const QUrl &url)
{
    return url.scheme() == u"https"_s || url.scheme() == u"http"_s;
}

// What loadResource() hands out for anything not registered. It must not be empty: given
// nothing, QTextDocument reads the name as a local file itself, and its image handler does
// the same with an image that is null.
QImage blankImage()
{
    QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    return image;
}

} // namespace

PaneBrowser::PaneBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    document()->setDocumentMargin(14);
    restyle();
    connect(this, &QTextBrowser::anchorClicked, this, &PaneBrowser::activateLink);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &PaneBrowser::refreshDue);
    connect(this, qOverload<const QUrl &>(&QTextBrowser::highlighted), this,
        &PaneBrowser::showLinkTarget);
}

void PaneBrowser::setPageHtml(const QString &html, Scroll scroll)
{
    const int position = verticalScrollBar()->value();
    m_pageHtml = html;
    setHtml(html);
    if (scroll == Scroll::Keep)
        verticalScrollBar()->setValue(position);
}

void PaneBrowser::refreshLater()
{
    m_refreshTimer.start();
}

void PaneBrowser::setImage(const QString &name, const QImage &image)
{
    m_images.insert(name, image);
}

void PaneBrowser::clearImages()
{
    m_images.clear();
}

QVariant PaneBrowser::loadResource(int type, const QUrl &name)
{
    if (type == QTextDocument::ImageResource) {
        const auto found = m_images.constFind(name.toString());
        return found != m_images.cend() ? *found : blankImage();
    }
    // Style sheets and pages: an empty text, for the same reason as blankImage().
    return QString(u""_s);
}

void PaneBrowser::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        restyle();
}

void PaneBrowser::activateLink(const QUrl &url)
{
    if (isWebLink(url)) {
        // The user clicked it: the one way a pane ever reaches the network.
        QDesktopServices::openUrl(url);
        return;
    }
    if (const PaneAction action = PaneActionLink::fromUrl(url); action.isValid()) {
        emit actionRequested(action);
        return;
    }
    const Location location = LocationLink::fromUrl(url);
    if (location.isValid())
        emit locationActivated(location);
}

// A web link leaves the application, so say where it goes before the click.
void PaneBrowser::showLinkTarget(const QUrl &url)
{
    setToolTip(isWebLink(url) ? url.toDisplayString() : QString());
}

// The style sheet is applied when the HTML is parsed, so a new palette means parsing it again.
void PaneBrowser::restyle()
{
    document()->setDefaultStyleSheet(PaneHtml::styleSheet(palette(), font()));
    if (m_pageHtml.isEmpty())
        return;
    const int scrolled = verticalScrollBar()->value();
    setHtml(m_pageHtml);
    verticalScrollBar()->setValue(scrolled);
}
