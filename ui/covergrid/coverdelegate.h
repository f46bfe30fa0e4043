#pragma once

#include <QCache>
#include <QStaticText>
#include <QStyledItemDelegate>

class CoverLoader;
class CoverSourceFinder;

// One release of the cover grid: its cover in a square, and under it its title, then its
// composers and year, then (with several catalogs open) its catalog. A cover not yet read shows
// as a quiet square and is asked of the loader, which repaints the view when it comes.
class CoverDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int MinimumSide = 64;
    static constexpr int MaximumSide = 320;
    static constexpr int DefaultSide = 144;

    CoverDelegate(CoverLoader *loader, const CoverSourceFinder *sources, QObject *parent = nullptr);

    int coverSide() const { return m_side; }
    void setCoverSide(int side);
    void setShowsCatalog(bool shows) { m_showsCatalog = shows; }
    bool showsCatalog() const { return m_showsCatalog; }

    // Where the cover stands in an item's rectangle.
    QRect coverRect(const QRect &itemRect) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The item's size for the view's font.
    QSize itemSize(const QFont &font) const;

    // Forgets the laid-out captions: the font changed.
    void clearCaptions() { m_captions.clear(); }

private:
    // The lines under a cover, broken, elided and laid out once for the width they have.
    struct Caption
    {
        QList<QStaticText> title;
        QStaticText detail;
        QStaticText catalog;
    };

    const Caption &captionOf(const QModelIndex &index, const QFont &font, int width) const;
    void paintCover(QPainter *painter, const QRect &square, const QModelIndex &index,
        const QWidget *widget) const;
    void paintText(QPainter *painter, const QStyleOptionViewItem &option, const QRect &textRect,
        const QModelIndex &index) const;

    CoverLoader *m_loader = nullptr;
    const CoverSourceFinder *m_sources = nullptr;
    int m_side = DefaultSide;
    mutable QCache<QString, Caption> m_captions {4096};
    bool m_showsCatalog = false;
};
