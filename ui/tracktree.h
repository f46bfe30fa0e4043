#pragma once

#include <QPersistentModelIndex>
#include <QTreeView>

// The catalog tree, taking audio files dropped on a track. Rows are never dragged: the drop
// only reports the track and the files, and the tree marks the track under the cursor itself,
// because QAbstractItemView shows its drop indicator only for drops the model accepts.
class TrackTree : public QTreeView
{
    Q_OBJECT

public:
    using QTreeView::QTreeView;

signals:
    void filesDropped(const QModelIndex &track, const QStringList &localPaths);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    // The track row at pos in viewport coordinates, column 0; invalid over anything else.
    QModelIndex trackAt(const QPoint &pos) const;
    QRect rowRect(const QModelIndex &index) const;
    void setDropTarget(const QModelIndex &track);

    QPersistentModelIndex m_dropTarget;
};
