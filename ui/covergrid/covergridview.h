#pragma once

#include <QListView>

class CoverDelegate;

// The releases as covers in rows that wrap to the width. Arrow keys, Home, End and Page keys
// move through them; Enter or a double-click activates one. Ctrl+wheel and Ctrl+plus/minus
// change the cover size; an image file dropped on a cover asks for it to become that cover.
class CoverGridView : public QListView
{
    Q_OBJECT

public:
    explicit CoverGridView(CoverDelegate *delegate, QWidget *parent = nullptr);

    int coverSide() const;
    // Clamped to what CoverDelegate allows; the layout follows.
    void setCoverSide(int side);
    void setShowsCatalog(bool shows);

    static constexpr int SideStep = 16;

signals:
    void coverSideChanged(int side);
    // The first local image file of a drop on the cover at row.
    void imageDropped(int row, const QString &imagePath);

protected:
    bool event(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateGrid();
    static bool isZoomKey(const QKeyEvent *event);
    static QString droppedImage(const QMimeData *mime);
    void setDropRow(int row);

    CoverDelegate *m_delegate = nullptr;
    int m_dropRow = -1;
    // Wheel deltas below one notch, from touchpads, add up to a step.
    int m_wheelRemainder = 0;
};
