#include "itemmodels/catalogmodel.h"
#include "testcatalogs.h"
#include "thememap/thememapexport.h"
#include "thememap/thememappainter.h"
#include "thememap/thememapview.h"
#include "thememap/thememapwindow.h"
#include "timeline/themecolors.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGuiApplication>
#include <QImageReader>
#include <QLabel>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;
} // namespace

// The theme map drawn and used: marks where the model puts them, in the theme's colour and the
// kind's shape, the user's marker ringed; clicks and keys; the window's filters and empty state.
class tst_ThemeMapView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void marksAreDrawnInTheirCellsAndColours();
    void usersMarkerIsRinged();
    void clickingAMarkActivatesIt();
    void keyboardMovesAndActivates();
    void tooltipSaysWhatTheMarkIs();
    void windowFollowsMarkersAndFilters();
    void catalogWithoutThemesSaysSo();
    void fitsTheWindowSideways();
    void exportWritesPngAndSvgThatParse();

private:
    int markIndex(const ThemeMapView &view, const QString &cueId, const QString &themeId) const;
    QImage render(const ThemeMapView &view) const;

    QTemporaryDir m_dir;
    std::unique_ptr<CatalogModel> m_catalogs;
    std::unique_ptr<UserDatabase> m_userData;
};

void tst_ThemeMapView::init()
{
    m_catalogs = std::make_unique<CatalogModel>();
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picard()));
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY(m_userData->open(
        m_dir.filePath(u"%1.sqlite"_s.arg(QLatin1StringView(QTest::currentTestFunction())))));
}

void tst_ThemeMapView::cleanup()
{
    m_userData.reset();
    m_catalogs.reset();
}

int tst_ThemeMapView::markIndex(
    const ThemeMapView &view, const QString &cueId, const QString &themeId) const
{
    const ThemeMap &map = view.map();
    for (int i = 0; i < map.marks.size(); ++i) {
        const Occurrence &occurrence = map.marks[i].occurrence.occurrence;
        if (occurrence.cueId == cueId && occurrence.themeId == themeId)
            return i;
    }
    return -1;
}

QImage tst_ThemeMapView::render(const ThemeMapView &view) const
{
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    const_cast<ThemeMapView &>(view).render(&image);
    return image;
}

void tst_ThemeMapView::marksAreDrawnInTheirCellsAndColours()
{
    ThemeMapView view;
    view.setMap(ThemeMap::build(
        *m_catalogs->catalog(Picard), ThemeMap::Options::ofRelease(u"chapter-1"_s)));
    const ThemeMapPainter *layout = view.layout();
    const QImage image = render(view);
    // Romulan Collusion's statement of the Romulan theme: a filled circle in the theme's colour,
    // inside the cell of that row and column.
    const int statement = markIndex(view, u"romulan-collusion"_s, u"romulan"_s);
    QVERIFY(statement >= 0);
    const ThemeMap::Mark &mark = view.map().marks[statement];
    const QRectF rect = layout->markRect(statement);
    QVERIFY(QRectF(layout->cellRect(mark.row, mark.column)).contains(rect));
    const QColor romulan = ThemeColors::color(u"romulan"_s);
    QCOMPARE(image.pixelColor(rect.center().toPoint()).rgb(), romulan.rgb());
    // A filled circle leaves its bounding box's corner empty; a quotation's square fills it.
    QVERIFY(image.pixelColor(rect.topLeft().toPoint() + QPoint(1, 1)) != romulan);
    const int quotation = markIndex(view, u"end-title"_s, u"star-trek-march"_s);
    const QRectF square = layout->markRect(quotation);
    QCOMPARE(image.pixelColor(square.topLeft().toPoint() + QPoint(2, 2)).rgb(),
        ThemeColors::color(u"star-trek-march"_s).rgb());
    // An allusion is a ring: hollow in the middle.
    const QRectF ring = layout->markRect(markIndex(view, u"main-title"_s, u"inner-light"_s));
    QVERIFY(image.pixelColor(ring.center().toPoint()) != ThemeColors::color(u"inner-light"_s));
    // An empty cell has no mark.
    QCOMPARE(layout->markAt(QRectF(layout->cellRect(7, 0)).center()), -1);
}

void tst_ThemeMapView::usersMarkerIsRinged()
{
    Marker marker;
    marker.id = Marker::newId();
    marker.cue = {Picard, u"page"_s};
    marker.startMs = 59'000;
    marker.themeId = u"picard"_s;
    marker.kind = u"statement"_s;
    marker.label = u"the theme on a solo trumpet"_s;
    QVERIFY(m_userData->markers()->putMarker(marker));

    ThemeMapWindow window(m_catalogs.get(), m_userData.get());
    window.showScope(Picard, u"chapter-1"_s);
    ThemeMapView *view = window.view();
    const int users = markIndex(*view, u"page"_s, u"picard"_s);
    QVERIFY(users >= 0);
    QVERIFY(view->map().marks[users].isUsers());
    const QImage image = render(*view);
    const QRectF rect = view->layout()->markRect(users);
    // The ring around it, in the text's colour (black here), just above the mark; a catalog
    // mark has none. The darkest pixel of the few rows where the ring passes, as it is
    // antialiased.
    const auto darkestAbove = [&](const QRectF &mark) {
        int darkest = 255;
        const int x = qRound(mark.center().x());
        for (int y = qRound(mark.top() - mark.height() * 0.5); y < qRound(mark.top()) - 1; ++y)
            darkest = std::min(darkest, image.pixelColor(x, y).value());
        return darkest;
    };
    QVERIFY(darkestAbove(rect) < 100);
    const QRectF catalogs
        = view->layout()->markRect(markIndex(*view, u"dahjs-last-fight"_s, u"picard"_s));
    QVERIFY(darkestAbove(catalogs) > 200);
}

void tst_ThemeMapView::clickingAMarkActivatesIt()
{
    ThemeMapView view;
    view.setMap(ThemeMap::build(
        *m_catalogs->catalog(Picard), ThemeMap::Options::ofRelease(u"chapter-1"_s)));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy activated(&view, &ThemeMapView::markActivated);
    const int index = markIndex(view, u"romulan-collusion"_s, u"romulan"_s);
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.layout()->markRect(index).center().toPoint());
    QCOMPARE(activated.size(), 1);
    const auto mark = activated[0][0].value<ThemeMap::Mark>();
    QCOMPARE(mark.occurrence.occurrence.cueId, u"romulan-collusion"_s);
    QCOMPARE(mark.occurrence.occurrence.startMs, 45'000);
    QCOMPARE(view.currentMark(), index);
    // Between marks: nothing.
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.layout()->cellRect(7, 0).center());
    QCOMPARE(activated.size(), 1);
}

void tst_ThemeMapView::keyboardMovesAndActivates()
{
    ThemeMapView view;
    view.setMap(ThemeMap::build(
        *m_catalogs->catalog(Picard), ThemeMap::Options::ofRelease(u"chapter-1"_s)));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy activated(&view, &ThemeMapView::markActivated);
    QCOMPARE(view.currentMark(), 0);
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.currentMark(), 1);
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.map().marks[view.currentMark()].row, 1);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.currentMark(), int(view.map().marks.size()) - 1);
    QTest::keyClick(&view, Qt::Key_Up);
    QVERIFY(view.map().marks[view.currentMark()].row < view.map().marks.last().row);
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated[0][0].value<ThemeMap::Mark>().row, view.map().marks[view.currentMark()].row);
}

void tst_ThemeMapView::tooltipSaysWhatTheMarkIs()
{
    ThemeMapView view;
    view.setMap(ThemeMap::build(
        *m_catalogs->catalog(Picard), ThemeMap::Options::ofRelease(u"chapter-1"_s)));
    const QString text = view.describe(markIndex(view, u"main-title"_s, u"picard"_s));
    QVERIFY2(text.contains(u"Picard’s theme"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Star Trek Picard Main Title"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Statement"_s), qPrintable(text));
    QVERIFY2(text.contains(u"0:21"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Randall D. Larson"_s), qPrintable(text));
    QVERIFY2(text.contains(u"The melody Russo wrote first"_s), qPrintable(text));
    QVERIFY2(text.contains(u"play from 0:21"_s), qPrintable(text));
    QCOMPARE(view.describe(-1), QString());
}

void tst_ThemeMapView::windowFollowsMarkersAndFilters()
{
    ThemeMapWindow window(m_catalogs.get(), m_userData.get());
    window.showScope(Picard, u"chapter-1"_s);
    QCOMPARE(window.catalogId(), Picard);
    QCOMPARE(window.releaseId(), u"chapter-1"_s);
    QCOMPARE(window.view()->map().marks.size(), 11);

    Marker marker;
    marker.id = Marker::newId();
    marker.cue = {Picard, u"page"_s};
    marker.startMs = 10'000;
    marker.themeId = u"romulan"_s;
    QVERIFY(m_userData->markers()->putMarker(marker));
    QCOMPARE(window.view()->map().marks.size(), 12);

    auto *catalogMarks = window.findChild<QCheckBox *>(u"mapCatalogMarks"_s);
    catalogMarks->setChecked(false);
    QCOMPARE(window.view()->map().marks.size(), 1);
    QVERIFY(window.view()->map().marks[0].isUsers());
    auto *userMarks = window.findChild<QCheckBox *>(u"mapUserMarks"_s);
    userMarks->setChecked(false);
    QVERIFY(window.view()->map().isEmpty());
    auto *empty = window.findChild<QLabel *>(u"mapEmpty"_s);
    QVERIFY(empty->text().contains(u"Both kinds of mark are hidden"_s));
    catalogMarks->setChecked(true);
    userMarks->setChecked(true);

    auto *themeOrder = window.findChild<QComboBox *>(u"mapThemeOrder"_s);
    themeOrder->setCurrentIndex(themeOrder->findData(int(ThemeMap::ThemeOrder::Count)));
    QCOMPARE(window.view()->map().columns.first().themeId, u"romulan"_s);

    auto *scope = window.findChild<QComboBox *>(u"mapScope"_s);
    QCOMPARE(scope->count(), 3);
    scope->setCurrentIndex(0);
    QCOMPARE(window.releaseId(), QString());
    QCOMPARE(window.view()->map().title, u"Star Trek: Picard"_s);
}

void tst_ThemeMapView::catalogWithoutThemesSaysSo()
{
    Catalog bare = TestCatalogs::picardSeason3();
    bare.themes.clear();
    bare.occurrences.clear();
    bare.buildIndex();
    QVERIFY(m_catalogs->addCatalog(std::move(bare)));
    ThemeMapWindow window(m_catalogs.get(), nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showScope(u"picard-season-3"_s, u"season-3"_s);
    auto *empty = window.findChild<QLabel *>(u"mapEmpty"_s);
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(u"names no themes yet"_s));
    QVERIFY(!window.findChild<QCheckBox *>(u"mapUserMarks"_s)->isEnabled());
    window.showScope(Picard, u"chapter-1"_s);
    QVERIFY(!empty->isVisible());
    QVERIFY(window.view()->isVisible());
}

void tst_ThemeMapView::fitsTheWindowSideways()
{
    // 25 cues and 15 themes, with long names, as a season's album has them.
    Catalog catalog;
    catalog.id = u"wide"_s;
    catalog.title = u"Wide"_s;
    Release release;
    release.id = u"album"_s;
    release.title = u"An Album of Twenty-Five Cues (Original Series Soundtrack)"_s;
    for (int i = 0; i < 15; ++i)
        catalog.themes.append(
            {u"theme-%1"_s.arg(i), u"The Theme of Someone Important %1"_s.arg(i), {}, {}, {}, {}});
    for (int i = 0; i < 25; ++i) {
        const QString cue = u"cue-%1"_s.arg(i);
        catalog.cues.append(
            {cue, u"A Cue With a Rather Long Title, Part %1"_s.arg(i), {}, {}, {}, {}, false});
        release.tracks.append({1, i + 1, catalog.cues.last().title, 120'000, cue});
        Occurrence occurrence;
        occurrence.cueId = cue;
        occurrence.themeId = u"theme-%1"_s.arg(i % 15);
        occurrence.kind = Occurrence::Statement;
        occurrence.position = Occurrence::Opening;
        catalog.occurrences.append(occurrence);
    }
    catalog.releases.append(release);
    catalog.buildIndex();
    QVERIFY(m_catalogs->addCatalog(std::move(catalog)));
    ThemeMapWindow window(m_catalogs.get(), m_userData.get());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showScope(u"wide"_s, u"album"_s);
    QCOMPARE(window.view()->map().columns.size(), 15);
    QCOMPARE(window.view()->map().rows.size(), 25);
    auto *scroll = window.findChild<QScrollArea *>();
    QVERIFY2(window.view()->width() <= scroll->viewport()->width(),
        qPrintable(u"%1 > %2"_s.arg(window.view()->width()).arg(scroll->viewport()->width())));
}

void tst_ThemeMapView::exportWritesPngAndSvgThatParse()
{
    ThemeMapWindow window(m_catalogs.get(), m_userData.get());
    window.showScope(Picard, u"chapter-1"_s);
    QSignalSpy failed(&window, &ThemeMapWindow::exportFailed);
    const QString png = m_dir.filePath(u"map.png"_s);
    QVERIFY(window.exportTo(png));
    QImageReader reader(png);
    const QImage image = reader.read();
    QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
    const ThemeMapPainter printed(
        window.view()->map(), QGuiApplication::font(), ThemeMapExport::printPalette());
    QCOMPARE(image.size(), printed.size() * 2);

    const QString svg = m_dir.filePath(u"map.svg"_s);
    QVERIFY(window.exportTo(svg));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString text;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::Characters)
            text += xml.text();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(text.contains(u"Romulan theme"_s));
    QVERIFY(text.contains(u"Mystery Ship"_s));
    QCOMPARE(failed.size(), 0);

    // A format it does not write, and a folder that cannot be: said once each, nothing written.
    QVERIFY(!window.exportTo(m_dir.filePath(u"map.jpg"_s)));
    QVERIFY(!window.exportTo(png + u"/inside.svg"_s));
    QCOMPARE(failed.size(), 2);
    QVERIFY(failed[0][0].toString().contains(u"PNG or SVG"_s));
    QVERIFY(!QFile::exists(m_dir.filePath(u"map.jpg"_s)));
}

QTEST_MAIN(tst_ThemeMapView)
#include "tst_thememapview.moc"
