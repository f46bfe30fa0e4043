#include "anchorclick.h"
#include "panes/panebrowser.h"
#include "panes/panehtml.h"
#include "testfiles.h"

#include <QDesktopServices>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;

// Stands in for the desktop browser: QDesktopServices hands it the URLs it would open.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls.append(url); }
};

class tst_PaneBrowser : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void cuebookLinkEmitsLocation();
    void actionLinkEmitsAction();
    void refreshLaterComesOnce();
    void webLinkOpensInDesktopBrowser();
    void otherLinksDoNothing();
    void keyboardReachesLinks();
    void loadResourceRefuses_data();
    void loadResourceRefuses();
    void documentReadsNothingFromDisk();
    void registeredImageIsServed();
    void paletteChangeRestyles();

private:
    void showPage(const QString &html);

    PaneBrowser *m_browser = nullptr;
    UrlCatcher m_catcher;
};

void tst_PaneBrowser::init()
{
    m_browser = new PaneBrowser;
    m_browser->resize(400, 300);
    m_catcher.urls.clear();
    for (const QString &scheme : {u"https"_s, u"http"_s, u"file"_s, u"cuebook"_s})
        QDesktopServices::setUrlHandler(scheme, &m_catcher, "open");
}

void tst_PaneBrowser::cleanup()
{
    for (const QString &scheme : {u"https"_s, u"http"_s, u"file"_s, u"cuebook"_s})
        QDesktopServices::unsetUrlHandler(scheme);
    delete m_browser;
    m_browser = nullptr;
}

void tst_PaneBrowser::showPage(const QString &html)
{
    m_browser->setPageHtml(html);
    m_browser->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_browser));
}

void tst_PaneBrowser::cuebookLinkEmitsLocation()
{
    const Location theme {Location::Theme, u"star-trek-picard"_s, u"romulan-theme"_s, {}};
    showPage(u"<p>Heard: "_s + PaneHtml::link(theme, u"Romulan theme"_s) + u"</p>"_s);
    QSignalSpy activated(m_browser, &PaneBrowser::locationActivated);

    QVERIFY(AnchorClick::click(m_browser, theme));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().value<Location>(), theme);
    QVERIFY(m_catcher.urls.isEmpty());
}

void tst_PaneBrowser::actionLinkEmitsAction()
{
    const PaneAction play {PaneAction::Play,
        Location {Location::Cue, u"star-trek-picard"_s, u"the-end-is-the-beginning"_s, {}}, 83500,
        {}};
    showPage(u"<p>"_s + PaneHtml::actionLink(play, u"Play from 1:23"_s) + u"</p>"_s);
    QSignalSpy requested(m_browser, &PaneBrowser::actionRequested);
    QSignalSpy activated(m_browser, &PaneBrowser::locationActivated);

    QVERIFY(
        AnchorClick::click(m_browser, PaneActionLink::toUrl(play).toString(QUrl::FullyEncoded)));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<PaneAction>(), play);
    QCOMPARE(activated.size(), 0);
    QVERIFY(m_catcher.urls.isEmpty());
}

void tst_PaneBrowser::refreshLaterComesOnce()
{
    QSignalSpy due(m_browser, &PaneBrowser::refreshDue);
    for (int i = 0; i < 3; ++i)
        m_browser->refreshLater();
    // Never from inside the call, and once for the burst.
    QCOMPARE(due.size(), 0);
    QTRY_COMPARE(due.size(), 1);
    QVERIFY(!due.wait(20));
    m_browser->refreshLater();
    QTRY_COMPARE(due.size(), 2);
}

void tst_PaneBrowser::webLinkOpensInDesktopBrowser()
{
    const QString url = u"https://example.org/review?id=1&x=2"_s;
    showPage(u"<p>"_s + PaneHtml::webLink(url, u"The review"_s) + u"</p>"_s);
    QSignalSpy activated(m_browser, &PaneBrowser::locationActivated);

    QVERIFY(AnchorClick::click(m_browser, QUrl(url).toString(QUrl::FullyEncoded)));
    QCOMPARE(m_catcher.urls, QList<QUrl> {QUrl(url)});
    QCOMPARE(activated.size(), 0);
}

void tst_PaneBrowser::otherLinksDoNothing()
{
    showPage(
        u"<p><a href=\"file:///etc/hosts\">file</a> <a href=\"cuebook:nonsense\">bad</a></p>"_s);
    QSignalSpy activated(m_browser, &PaneBrowser::locationActivated);
    const QString shownText = m_browser->toPlainText();

    QVERIFY(AnchorClick::click(m_browser, u"file:///etc/hosts"_s));
    QVERIFY(AnchorClick::click(m_browser, u"cuebook:nonsense"_s));
    QCOMPARE(activated.size(), 0);
    QVERIFY(m_catcher.urls.isEmpty());
    // Nor did the view follow the link on its own.
    QCOMPARE(m_browser->toPlainText(), shownText);
}

void tst_PaneBrowser::keyboardReachesLinks()
{
    const Location first {Location::Release, u"c"_s, u"a"_s, {}};
    const Location second {Location::Cue, u"c"_s, u"b"_s, u"a"_s};
    showPage(u"<p>"_s + PaneHtml::link(first, u"First"_s) + u" and "_s
        + PaneHtml::link(second, u"Second"_s) + u"</p>"_s);
    QSignalSpy activated(m_browser, &PaneBrowser::locationActivated);
    m_browser->setFocus();

    QTest::keyClick(m_browser, Qt::Key_Tab);
    QCOMPARE(AnchorClick::focusedHref(m_browser), AnchorClick::hrefOf(first));
    QTest::keyClick(m_browser, Qt::Key_Tab);
    QCOMPARE(AnchorClick::focusedHref(m_browser), AnchorClick::hrefOf(second));
    QTest::keyClick(m_browser, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().value<Location>(), second);
}

void tst_PaneBrowser::loadResourceRefuses_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("name");
    QTest::newRow("file url") << int(QTextDocument::ImageResource) << u"file:///etc/hosts"_s;
    QTest::newRow("path") << int(QTextDocument::ImageResource) << u"/etc/hosts"_s;
    QTest::newRow("http") << int(QTextDocument::ImageResource) << u"http://example.org/a.png"_s;
    QTest::newRow("https") << int(QTextDocument::ImageResource) << u"https://example.org/a.png"_s;
    QTest::newRow("unregistered") << int(QTextDocument::ImageResource) << u"cover:x/y"_s;
    QTest::newRow("style sheet") << int(QTextDocument::StyleSheetResource) << u"/etc/hosts"_s;
    QTest::newRow("page") << int(QTextDocument::HtmlResource) << u"file:///etc/hosts"_s;
}

void tst_PaneBrowser::loadResourceRefuses()
{
    QFETCH(int, type);
    QFETCH(QString, name);
    m_browser->setImage(u"cover:registered"_s, QImage(4, 4, QImage::Format_RGB32));
    const QVariant value = m_browser->loadResource(type, QUrl(name));
    const QImage image = value.value<QImage>();
    QVERIFY2(image.isNull() || image.size() == QSize(1, 1), "an image came back");
    if (!image.isNull())
        QCOMPARE(image.pixelColor(0, 0).alpha(), 0);
    QVERIFY(value.toByteArray().isEmpty());
    QVERIFY(value.toString().isEmpty());
}

// The guarantee that matters: whatever the page names, the document reads no file. A plain
// QTextBrowser reads these very files, which shows the test would notice.
void tst_PaneBrowser::documentReadsNothingFromDisk()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QImage red(8, 8, QImage::Format_RGB32);
    red.fill(Qt::red);
    const QString path = dir.filePath(u"red.png"_s);
    QVERIFY(red.save(path));
    const QList<QUrl> names {QUrl::fromLocalFile(path), QUrl(path)};
    QString html;
    for (const QUrl &name : names)
        html += u"<img src=\""_s + name.toString().toHtmlEscaped() + u"\">"_s;
    const QString css = TestFiles::writeFile(dir.filePath(u"red.css"_s), "p { color: #ff0000; }");
    html = u"<html><head><link rel=\"stylesheet\" type=\"text/css\" href=\""_s
        + QUrl::fromLocalFile(css).toString() + u"\"></head><body>"_s + html
        + u"<p>text</p></body></html>"_s;
    auto textColor = [](const QTextDocument *document) {
        QTextCursor cursor = document->find(u"text"_s);
        return cursor.charFormat().foreground().color();
    };

    QTextBrowser plain;
    plain.setHtml(html);
    plain.resize(200, 100);
    plain.grab();
    QCOMPARE(plain.document()
                 ->resource(QTextDocument::ImageResource, names.at(1))
                 .value<QPixmap>()
                 .size(),
        QSize(8, 8));
    QCOMPARE(textColor(plain.document()), QColor(Qt::red));

    showPage(html);
    m_browser->grab();
    for (const QUrl &name : names) {
        const QVariant value = m_browser->document()->resource(QTextDocument::ImageResource, name);
        QVERIFY2(value.value<QPixmap>().size() != QSize(8, 8), qPrintable(name.toString()));
        QVERIFY2(value.value<QImage>().size() != QSize(8, 8), qPrintable(name.toString()));
        QVERIFY(value.toByteArray().isEmpty());
    }
    QVERIFY(textColor(m_browser->document()) != QColor(Qt::red));
}

void tst_PaneBrowser::registeredImageIsServed()
{
    QImage green(6, 6, QImage::Format_RGB32);
    green.fill(Qt::green);
    m_browser->setImage(u"cover:c/r"_s, green);
    QCOMPARE(
        m_browser->loadResource(QTextDocument::ImageResource, QUrl(u"cover:c/r"_s)).value<QImage>(),
        green);

    showPage(u"<img src=\"cover:c/r\" width=\"60\" height=\"60\">"_s);
    const QImage shown = m_browser->viewport()->grab().toImage();
    const int margin = int(m_browser->document()->documentMargin());
    QCOMPARE(shown.pixelColor(margin + 30, margin + 30), QColor(Qt::green));

    m_browser->clearImages();
    QVERIFY(m_browser->loadResource(QTextDocument::ImageResource, QUrl(u"cover:c/r"_s))
                .value<QImage>()
                .size()
        != green.size());
}

void tst_PaneBrowser::paletteChangeRestyles()
{
    const Location theme {Location::Theme, u"c"_s, u"t"_s, {}};
    showPage(u"<p>"_s + PaneHtml::link(theme, u"Theme"_s) + u" "_s
        + PaneHtml::emptyState(u"Nothing"_s) + u"</p>"_s);
    auto linkColor = [&] {
        const AnchorClick::Anchor anchor
            = AnchorClick::find(m_browser->document(), AnchorClick::hrefOf(theme));
        QTextCursor cursor(m_browser->document());
        cursor.setPosition(anchor.position + 1);
        return cursor.charFormat().foreground().color();
    };

    QPalette light = m_browser->palette();
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::Link, QColor(0x00, 0x55, 0xaa));
    m_browser->setPalette(light);
    QCOMPARE(linkColor(), QColor(0x00, 0x55, 0xaa));

    QPalette dark = light;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    m_browser->setPalette(dark);
    QCOMPARE(linkColor(), QColor(0x8a, 0xb4, 0xf8));
    QVERIFY(m_browser->toPlainText().contains(u"Nothing"_s));

    // A dark palette that keeps Qt's default link blue still gets links that can be read.
    dark.setColor(QPalette::Link, QColor(0x00, 0x00, 0xff));
    m_browser->setPalette(dark);
    QVERIFY(qGray(linkColor().rgb()) > 110);
}

QTEST_MAIN(tst_PaneBrowser)
#include "tst_panebrowser.moc"
