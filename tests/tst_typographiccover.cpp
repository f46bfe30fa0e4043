#include "covers/typographiccover.h"

#include <QGuiApplication>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_TypographicCover : public QObject
{
    Q_OBJECT

private slots:
    void colorIsStablePerRelease();
    void colorIsReadableUnderLightInk();
    void sizeAndPixelRatio();
    void drawsTitleAndComposers();
    void longTitleStaysInsideTheMargins();
    void emptyTextAndTinySizes();

private:
    static int inkPixels(const QImage &image, const QRect &area);
};

int tst_TypographicCover::inkPixels(const QImage &image, const QRect &area)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            if (qGray(image.pixel(x, y)) > 200)
                ++count;
        }
    }
    return count;
}

void tst_TypographicCover::colorIsStablePerRelease()
{
    const QColor a = TypographicCover::colorFor(u"star-trek-picard/picard-s1"_s);
    QCOMPARE(TypographicCover::colorFor(u"star-trek-picard/picard-s1"_s), a);
    QVERIFY(TypographicCover::colorFor(u"star-trek-picard/picard-s3"_s) != a);
}

void tst_TypographicCover::colorIsReadableUnderLightInk()
{
    for (int i = 0; i < 200; ++i) {
        const QColor color = TypographicCover::colorFor(QString::number(i));
        QVERIFY2(color.lightness() < 110, qPrintable(color.name()));
        QVERIFY2(color.lightness() >= 70, qPrintable(color.name()));
    }
}

void tst_TypographicCover::sizeAndPixelRatio()
{
    const QImage image = TypographicCover::render(u"Title"_s, {u"Jeff Russo"_s}, u"k"_s, 120, 2.0);
    QCOMPARE(image.size(), QSize(240, 240));
    QCOMPARE(image.devicePixelRatio(), 2.0);
}

void tst_TypographicCover::drawsTitleAndComposers()
{
    const int side = 256;
    const QImage blank = TypographicCover::render(QString(), {}, u"k"_s, side);
    const QImage cover
        = TypographicCover::render(u"Star Trek: Picard"_s, {u"Jeff Russo"_s}, u"k"_s, side);
    const QRect titleArea(0, int(side * 0.15), side, int(side * 0.54));
    const QRect composerArea(0, int(side * 0.75), side, int(side * 0.25) - 1);
    QCOMPARE(inkPixels(blank, titleArea), 0);
    QVERIFY(inkPixels(cover, titleArea) > 200);
    QVERIFY(inkPixels(cover, composerArea) > 20);
    // The composer band is darker than the title area's background.
    QVERIFY(qGray(cover.pixel(2, side - 2)) < qGray(cover.pixel(2, side / 2)));
}

void tst_TypographicCover::longTitleStaysInsideTheMargins()
{
    const int side = 200;
    const QString title = u"Star Trek: Picard – Season 1, Chapter 1 (Original Series Soundtrack) "
                          "Deluxe Anniversary Edition With Bonus Tracks"_s;
    const QImage cover = TypographicCover::render(
        title, {u"Stephen Barton"_s, u"Frederik Wiedmann"_s}, u"k"_s, side);
    const int margin = int(side * 0.09) - 2;
    QCOMPARE(inkPixels(cover, QRect(0, int(side * 0.12), margin, int(side * 0.6))), 0);
    QCOMPARE(inkPixels(cover, QRect(side - margin, int(side * 0.12), margin, int(side * 0.6))), 0);
}

void tst_TypographicCover::emptyTextAndTinySizes()
{
    for (int side : {1, 8, 24, 64}) {
        const QImage cover
            = TypographicCover::render(u"A Very Long Title Indeed"_s, {u"X"_s}, u"k"_s, side);
        QCOMPARE(cover.width(), side);
    }
}

QTEST_MAIN(tst_TypographicCover)
#include "tst_typographiccover.moc"
