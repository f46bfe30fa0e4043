#pragma once

#include <QIcon>
#include <QPointer>
#include <QStyledItemDelegate>

class QStyle;

// Draws the title column of the catalog tree with an icon for each track's state: playing, a
// linked file, or a file that is missing or will not play. A track without a file gets a blank
// icon of the same size, so that all track titles line up. A track whose cue has a note gets a
// small page at the end of its title cell, drawn in the text's colour. Release and catalog rows
// are left as the model gives them.
class TrackDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit TrackDelegate(QObject *parent = nullptr);

    // Public so that the icon a row gets can be checked without painting.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    // Where the note mark of a cell goes, left to right (QStyle::visualRect mirrors it): at the
    // cell's end, the icon's size, centred on the row.
    static QRect noteMarkRect(const QStyleOptionViewItem &option);

private:
    struct Icons
    {
        QIcon playing;
        QIcon linked;
        QIcon warning;
        QIcon blank;
    };

    const Icons &icons(QStyle *style, const QPalette &palette) const;
    const QIcon &trackIcon(const QModelIndex &index, QStyle *style, const QPalette &palette) const;

    // Built on first paint, and again only when the view's style or text colour changes: the tree
    // paints thousands of rows while scrolling, and theme look-ups are not cheap.
    mutable Icons m_icons;
    mutable QPointer<QStyle> m_iconStyle;
    mutable QColor m_iconColor;
};
