#include "tracktree.h"

#include "itemmodels/catalogmodel.h"

#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QPainter>
#include <QStyleOption>
#include <QUrl>

namespace {

QStringList localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

// Never Move: a file manager deletes the source of an accepted move, and the app only links.
Qt::DropAction linkingAction(Qt::DropActions possible)
{
    if (possible & Qt::LinkAction)
        return Qt::LinkAction;
    if (possible & Qt::CopyAction)
        return Qt::CopyAction;
    return Qt::IgnoreAction;
}
} // namespace

void TrackTree::dragEnterEvent(QDragEnterEvent *event)
{
    // Accepted on content alone: an ignored enter gets no moves, and the drag may well enter
    // over a release on its way to a track. Each move then answers for the row under it.
    const Qt::DropAction action = linkingAction(event->possibleActions());
    if (localPaths(event->mimeData()).isEmpty() || action == Qt::IgnoreAction) {
        event->ignore();
        return;
    }
    setDropTarget(trackAt(event->position().toPoint()));
    event->setDropAction(action);
    event->accept();
}

void TrackTree::dragMoveEvent(QDragMoveEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QModelIndex track = trackAt(pos);
    setDropTarget(track);
    const Qt::DropAction action = linkingAction(event->possibleActions());
    if (!track.isValid() || action == Qt::IgnoreAction || localPaths(event->mimeData()).isEmpty()) {
        event->ignore();
    } else {
        event->setDropAction(action);
        event->accept();
    }
    const int margin = autoScrollMargin();
    if (hasAutoScroll()
        && !viewport()->rect().adjusted(margin, margin, -margin, -margin).contains(pos))
        startAutoScroll();
}

void TrackTree::dragLeaveEvent(QDragLeaveEvent *event)
{
    stopAutoScroll();
    setDropTarget({});
    event->accept();
}

void TrackTree::dropEvent(QDropEvent *event)
{
    stopAutoScroll();
    setDropTarget({});
    const QModelIndex track = trackAt(event->position().toPoint());
    const QStringList paths = localPaths(event->mimeData());
    const Qt::DropAction action = linkingAction(event->possibleActions());
    if (!track.isValid() || paths.isEmpty() || action == Qt::IgnoreAction) {
        event->ignore();
        return;
    }
    event->setDropAction(action);
    event->accept();
    emit filesDropped(track, paths);
}

void TrackTree::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    if (!m_dropTarget.isValid())
        return;
    QPainter painter(viewport());
    QStyleOption option;
    option.initFrom(this);
    // The frame's right and bottom lines fall inside the row, not on the next one.
    option.rect = rowRect(m_dropTarget).adjusted(0, 0, -1, -1);
    style()->drawPrimitive(QStyle::PE_IndicatorItemViewItemDrop, &option, &painter, this);
}

QModelIndex TrackTree::trackAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (index.data(CatalogModel::KindRole).toInt() != CatalogModel::TrackItem)
        return {};
    return index.siblingAtColumn(CatalogModel::TitleColumn);
}

QRect TrackTree::rowRect(const QModelIndex &index) const
{
    const QRect title = visualRect(index);
    return {0, title.top(), viewport()->width(), title.height()};
}

void TrackTree::setDropTarget(const QModelIndex &track)
{
    if (track == m_dropTarget)
        return;
    if (m_dropTarget.isValid())
        viewport()->update(rowRect(m_dropTarget));
    m_dropTarget = track;
    if (track.isValid())
        viewport()->update(rowRect(track));
}
