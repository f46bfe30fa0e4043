#include "thememap/thememapexport.h"

#include "thememap/thememappainter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ThemeMapExport)
};

constexpr qreal PngScale = 2.0;

} // namespace

QPalette ThemeMapExport::printPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Window, Qt::white);
    palette.setColor(QPalette::Text, QColor(0x20, 0x20, 0x20));
    palette.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    palette.setColor(QPalette::AlternateBase, QColor(0xf4, 0xf4, 0xf4));
    palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    return palette;
}

bool ThemeMapExport::write(const ThemeMap &map, const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"png"_s && suffix != u"svg"_s) {
        *error = Text::tr("%1: the map is written as PNG or SVG (a file name ending in .png or "
                          ".svg)")
                     .arg(path);
        return false;
    }
    const ThemeMapPainter painter(map, QGuiApplication::font(), printPalette());
    const QSize size = painter.size();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = Text::tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    bool written = false;
    if (suffix == u"png"_s) {
        QImage image(size * PngScale, QImage::Format_RGB32);
        image.setDevicePixelRatio(PngScale);
        image.fill(Qt::white);
        QPainter canvas(&image);
        painter.paint(&canvas);
        canvas.end();
        QImageWriter writer(&file, "png");
        written = writer.write(image);
        if (!written)
            *error = Text::tr("%1: %2").arg(path, writer.errorString());
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(), size));
        svg.setTitle(map.title);
        svg.setDescription(Text::tr("Where the themes are heard, drawn by Cuebook"));
        QPainter canvas(&svg);
        canvas.fillRect(QRect(QPoint(), size), Qt::white);
        painter.paint(&canvas);
        written = canvas.end();
        if (!written)
            *error = Text::tr("%1: the SVG could not be drawn").arg(path);
    }
    if (written && !file.commit()) {
        *error = Text::tr("%1: %2").arg(path, file.errorString());
        written = false;
    }
    return written;
}
