#include "trackdelegate.h"

#include "itemmodels/catalogmodel.h"
#include "symbolicon.h"

#include <QApplication>
#include <QPixmap>
#include <QStyle>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace {
constexpr int FallbackIconSize = 16;

QIcon themeIcon(const QString &name, QStyle *style, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(name, style->standardIcon(fallback));
}

QIcon blankIcon()
{
    QPixmap pixmap(FallbackIconSize, FallbackIconSize);
    pixmap.fill(Qt::transparent);
    return QIcon(pixmap);
}
} // namespace

TrackDelegate::TrackDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void TrackDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(CatalogModel::KindRole).toInt() != CatalogModel::TrackItem)
        return;
    QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    option->icon = trackIcon(index, style, option->palette);
    option->features |= QStyleOptionViewItem::HasDecoration;
    // The view's icon size, not each icon's own: every track reserves the same space.
    if (option->decorationSize.isEmpty())
        option->decorationSize = QSize(FallbackIconSize, FallbackIconSize);
}

const QIcon &TrackDelegate::trackIcon(
    const QModelIndex &index, QStyle *style, const QPalette &palette) const
{
    const Icons &all = icons(style, palette);
    if (index.data(CatalogModel::IsPlayingRole).toBool())
        return all.playing;
    switch (FileState(index.data(CatalogModel::HasFileRole).toInt())) {
    case FileState::Linked:
        return all.linked;
    case FileState::Missing:
    case FileState::Unplayable:
        return all.warning;
    default:
        return all.blank;
    }
}

const TrackDelegate::Icons &TrackDelegate::icons(QStyle *style, const QPalette &palette) const
{
    const QColor text = palette.color(QPalette::Text);
    if (m_iconStyle != style || m_iconColor != text) {
        // Symbols in the row's own text colour, so that a dark palette does not hide them.
        m_icons.playing
            = SymbolIcon::tinted(themeIcon(u"media-playback-start"_s, style, QStyle::SP_MediaPlay),
                text, palette.color(QPalette::HighlightedText));
        QColor quiet = text;
        quiet.setAlphaF(0.6f);
        m_icons.linked
            = SymbolIcon::tinted(themeIcon(u"audio-x-generic"_s, style, QStyle::SP_MediaVolume),
                quiet, palette.color(QPalette::HighlightedText));
        m_icons.warning = themeIcon(u"dialog-warning"_s, style, QStyle::SP_MessageBoxWarning);
        m_icons.blank = blankIcon();
        m_iconStyle = style;
        m_iconColor = text;
    }
    return m_icons;
}
