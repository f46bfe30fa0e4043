#pragma once

#include "catalog/thememap.h"
#include "thememap/thememappainter.h"

#include <QWidget>

#include <memory>

// A ThemeMap on screen, at the size it needs (put it in a scroll area). Hovering a mark tells
// its theme, kind, place, sources and note; clicking one, or Enter on the current one, asks for
// it to be opened. Arrow keys move between marks: Left and Right along the row, Up and Down to
// the nearest mark of the rows above and below.
class ThemeMapView : public QWidget
{
    Q_OBJECT

public:
    explicit ThemeMapView(QWidget *parent = nullptr);

    void setMap(ThemeMap map);
    const ThemeMap &map() const { return m_map; }
    const ThemeMapPainter *layout() const { return m_painter.get(); }

    // The index into map().marks of the current mark, or -1.
    int currentMark() const { return m_current; }
    void setCurrentMark(int mark);

    // The text a mark's tooltip shows.
    QString describe(int mark) const;

    QSize sizeHint() const override;

signals:
    void markActivated(const ThemeMap::Mark &mark);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void relayOut();
    int markInRow(int row, qreal x) const;

    ThemeMap m_map;
    std::unique_ptr<ThemeMapPainter> m_painter;
    int m_current = -1;
};
