#pragma once

#include "navigation/location.h"
#include "navigation/paneaction.h"

#include <QHash>
#include <QImage>
#include <QTextBrowser>
#include <QTimer>

// The read-only rich-text view of the detail panes. A click (or Tab, then Enter) on a link in
// Cuebook's own scheme becomes locationActivated(), one in its action scheme actionRequested(); a
// web link, which only the user's click can follow, opens in the desktop browser. The document
// shows only the images given to setImage(): nothing is ever read from the disk or the network on
// its behalf. Its colours come from the widget's palette, and the page is laid out again when the
// palette or the font changes.
class PaneBrowser : public QTextBrowser
{
    Q_OBJECT

public:
    explicit PaneBrowser(QWidget *parent = nullptr);

    enum class Scroll { ToTop, Keep };
    // The page, as PaneHtml builds it: no colours of its own, so that it can be restyled. Keep
    // is for the same subject shown again with new facts: the reader keeps their place.
    void setPageHtml(const QString &html, Scroll scroll = Scroll::ToTop);
    // Asks for refreshDue() once control returns to the event loop, however often it is called
    // before that: file states change in bursts (a scan, the check of the disk), and the pane
    // then renders once.
    void refreshLater();
    QString pageHtml() const { return m_pageHtml; }

    // Makes image available to the page as <img src="name">; a page already showing name
    // must be set again to show the new image.
    void setImage(const QString &name, const QImage &image);
    void clearImages();

    QVariant loadResource(int type, const QUrl &name) override;

signals:
    void locationActivated(const Location &location);
    // A click on a PaneActionLink: something to do for a cue, not a place to show.
    void actionRequested(const PaneAction &action);
    void refreshDue();

protected:
    void changeEvent(QEvent *event) override;

private:
    void activateLink(const QUrl &url);
    void showLinkTarget(const QUrl &url);
    void restyle();

    QString m_pageHtml;
    QTimer m_refreshTimer;
    QHash<QString, QImage> m_images;
};
