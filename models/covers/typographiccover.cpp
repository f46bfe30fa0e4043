#include "covers/typographiccover.h"

#include <QCryptographicHash>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <memory>

namespace {

// Lays the text out in the box at the largest pixel size, down to a floor, at which it fits in
// at most maxLines without breaking a word.
std::unique_ptr<QTextLayout> fitText(
    const QString &text, QFont font, const QRectF &box, int maxLines, int minimumPixelSize)
{
    std::unique_ptr<QTextLayout> layout;
    for (int size = std::max(font.pixelSize(), minimumPixelSize); size >= minimumPixelSize;
         --size) {
        font.setPixelSize(size);
        layout = std::make_unique<QTextLayout>(text, font);
        QTextOption option;
        option.setWrapMode(QTextOption::WordWrap);
        layout->setTextOption(option);
        layout->beginLayout();
        qreal y = 0;
        bool fits = true;
        for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
            line.setLineWidth(box.width());
            line.setPosition(QPointF(0, y));
            y += line.height();
            fits = fits && line.naturalTextWidth() <= box.width() + 0.5;
        }
        layout->endLayout();
        if (fits && layout->lineCount() <= maxLines && y <= box.height())
            break;
    }
    return layout;
}

// Draws the text at the top of the box and returns the height it took.
qreal drawFitted(QPainter &painter, const QString &text, const QFont &font, const QRectF &box,
    int maxLines, qreal minimumPixelSize)
{
    if (text.isEmpty() || box.height() <= 0)
        return 0;
    const auto layout = fitText(text, font, box, maxLines, std::max(6, int(minimumPixelSize)));
    layout->draw(&painter, box.topLeft(), {}, box);
    return layout->boundingRect().height();
}

struct TitleParts
{
    QString heading;
    QString subtitle;
    QString note;
};

TitleParts splitTitle(QString title)
{
    TitleParts parts;
    title = title.trimmed();
    if (title.endsWith(u')')) {
        const qsizetype open = title.lastIndexOf(u'(');
        if (open > 0) {
            parts.note = title.mid(open + 1, title.size() - open - 2).trimmed();
            title = title.left(open).trimmed();
        }
    }
    for (const QString &dash :
        {QStringLiteral(" – "), QStringLiteral(" — "), QStringLiteral(" - ")}) {
        const qsizetype at = title.indexOf(dash);
        if (at > 0) {
            parts.subtitle = title.mid(at + dash.size()).trimmed();
            title = title.left(at);
            break;
        }
    }
    parts.heading = title;
    return parts;
}

} // namespace

namespace TypographicCover {

QColor colorFor(const QString &key)
{
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1);
    const int hue = (quint8(hash.at(0)) << 8 | quint8(hash.at(1))) % 360;
    const int saturation = 90 + quint8(hash.at(2)) % 60;
    const int lightness = 70 + quint8(hash.at(3)) % 30;
    return QColor::fromHsl(hue, saturation, lightness);
}

QImage render(const QString &title, const QStringList &composers, const QString &key, int side,
    qreal devicePixelRatio)
{
    // Opaque: a view shows it without checking each pixel for transparency.
    QImage image(QSize(side, side) * devicePixelRatio, QImage::Format_RGB32);
    image.setDevicePixelRatio(devicePixelRatio);
    const QColor background = colorFor(key);
    image.fill(background);

    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    const qreal margin = side * 0.09;
    const QColor ink(250, 246, 236);
    // A darker band under the composers, like the label strip of a CD booklet.
    const QRectF band(0, side * 0.72, side, side * 0.28);
    painter.fillRect(band, background.darker(135));
    painter.fillRect(QRectF(margin, side * 0.08, side * 0.14, side * 0.018), ink);

    // "Star Trek: Picard – Season 1 (Original Series Soundtrack)" sets as a heading, a
    // subtitle and a small note, the way a printed booklet would.
    const TitleParts parts = splitTitle(title);
    QFont headingFont;
    headingFont.setFamilies({QStringLiteral("DejaVu Serif"), QStringLiteral("serif")});
    headingFont.setWeight(QFont::DemiBold);
    headingFont.setPixelSize(std::max(6, int(side * 0.12)));
    QRectF box(margin, side * 0.15, side - 2 * margin, side * 0.54);
    painter.setPen(ink);
    box.setTop(box.top() + drawFitted(painter, parts.heading, headingFont, box, 3, side * 0.05));

    QFont subtitleFont = headingFont;
    subtitleFont.setWeight(QFont::Normal);
    subtitleFont.setPixelSize(std::max(6, int(side * 0.075)));
    box.setTop(box.top() + side * 0.02);
    box.setTop(box.top() + drawFitted(painter, parts.subtitle, subtitleFont, box, 2, side * 0.04));

    QFont noteFont;
    noteFont.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("sans-serif")});
    noteFont.setPixelSize(std::max(6, int(side * 0.045)));
    box.setTop(box.top() + side * 0.02);
    painter.setPen(ink.darker(115));
    drawFitted(painter, parts.note, noteFont, box, 2, side * 0.03);

    QFont composerFont;
    composerFont.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("sans-serif")});
    composerFont.setCapitalization(QFont::AllUppercase);
    composerFont.setLetterSpacing(QFont::PercentageSpacing, 108);
    composerFont.setPixelSize(std::max(7, int(side * 0.06)));
    const QRectF composerBox(
        margin, band.top() + side * 0.06, side - 2 * margin, band.height() - side * 0.09);
    painter.setPen(ink.darker(110));
    drawFitted(
        painter, composers.join(QStringLiteral(" · ")), composerFont, composerBox, 2, side * 0.035);
    return image;
}

} // namespace TypographicCover
