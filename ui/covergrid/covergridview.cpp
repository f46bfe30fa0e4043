#include "covergrid/covergridview.h"

#include "covergrid/coverdelegate.h"

#include <QDragEnterEvent>
#include <QFileInfo>
#include <QImageReader>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace {
constexpr int Spacing = 6;
} // namespace

CoverGridView::CoverGridView(CoverDelegate *delegate, QWidget *parent)
    : QListView(parent)
    , m_delegate(delegate)
{
    delegate->setParent(this);
    setItemDelegate(delegate);
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    setLayoutMode(QListView::Batched);
    setBatchSize(400);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setMouseTracking(true);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::DropOnly);
    setDropIndicatorShown(false);
    setAccessibleName(tr("Release covers"));
    updateGrid();
}

int CoverGridView::coverSide() const
{
    return m_delegate->coverSide();
}

void CoverGridView::setCoverSide(int side)
{
    const int before = m_delegate->coverSide();
    m_delegate->setCoverSide(side);
    if (m_delegate->coverSide() == before)
        return;
    updateGrid();
    if (currentIndex().isValid())
        scrollTo(currentIndex());
    emit coverSideChanged(m_delegate->coverSide());
}

void CoverGridView::setShowsCatalog(bool shows)
{
    if (m_delegate->showsCatalog() == shows)
        return;
    m_delegate->setShowsCatalog(shows);
    m_delegate->clearCaptions();
    updateGrid();
}

void CoverGridView::updateGrid()
{
    // A grid size lays every item out in cells of one size, which also makes QListView lay out
    // thousands of them without asking each for its size. The columns share the width left
    // over, so that the covers spread across the view instead of leaving a gap at its right.
    const QSize cell = m_delegate->itemSize(font()) + QSize(Spacing, Spacing);
    // The width QListView wraps at: the view's without scroll bars, less room for the vertical
    // one whether or not it shows, so that the columns do not change as it comes and goes.
    const int width = maximumViewportSize().width()
        - style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, verticalScrollBar()) - 1;
    const int columns = std::max(1, width / cell.width());
    const QSize grid(std::max(cell.width(), width / columns), cell.height());
    if (grid != gridSize())
        setGridSize(grid);
    verticalScrollBar()->setSingleStep(grid.height() / 4);
}

void CoverGridView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    updateGrid();
}

void CoverGridView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_delegate->clearCaptions();
        updateGrid();
    }
}

void CoverGridView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QListView::wheelEvent(event);
        return;
    }
    m_wheelRemainder += event->angleDelta().y();
    const int steps = m_wheelRemainder / QWheelEvent::DefaultDeltasPerStep;
    m_wheelRemainder -= steps * QWheelEvent::DefaultDeltasPerStep;
    if (steps != 0)
        setCoverSide(coverSide() + steps * SideStep);
    event->accept();
}

bool CoverGridView::isZoomKey(const QKeyEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier))
        return false;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Minus:
    case Qt::Key_0:
        return true;
    default:
        return false;
    }
}

bool CoverGridView::event(QEvent *event)
{
    // The window's Ctrl+minus collapses the tree; here, with the covers focused, it zooms.
    if (event->type() == QEvent::ShortcutOverride && isZoomKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QListView::event(event);
}

void CoverGridView::keyPressEvent(QKeyEvent *event)
{
    if (isZoomKey(event)) {
        switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            setCoverSide(coverSide() + SideStep);
            return;
        case Qt::Key_Minus:
            setCoverSide(coverSide() - SideStep);
            return;
        case Qt::Key_0:
            setCoverSide(CoverDelegate::DefaultSide);
            return;
        default:
            break;
        }
    }
    QListView::keyPressEvent(event);
}

QString CoverGridView::droppedImage(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QByteArray> formats = QImageReader::supportedImageFormats();
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo file(url.toLocalFile());
        if (file.isFile() && formats.contains(file.suffix().toLower().toUtf8()))
            return file.absoluteFilePath();
    }
    return {};
}

void CoverGridView::setDropRow(int row)
{
    if (row == m_dropRow)
        return;
    m_dropRow = row;
    viewport()->update();
}

void CoverGridView::dragEnterEvent(QDragEnterEvent *event)
{
    if (droppedImage(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
}

void CoverGridView::dragMoveEvent(QDragMoveEvent *event)
{
    const QModelIndex target = indexAt(event->position().toPoint());
    if (!target.isValid() || droppedImage(event->mimeData()).isEmpty()) {
        setDropRow(-1);
        event->ignore();
        return;
    }
    setDropRow(target.row());
    event->acceptProposedAction();
}

void CoverGridView::dragLeaveEvent(QDragLeaveEvent *event)
{
    setDropRow(-1);
    QListView::dragLeaveEvent(event);
}

void CoverGridView::dropEvent(QDropEvent *event)
{
    setDropRow(-1);
    const QModelIndex target = indexAt(event->position().toPoint());
    const QString image = droppedImage(event->mimeData());
    if (!target.isValid() || image.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    emit imageDropped(target.row(), image);
}

void CoverGridView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (m_dropRow < 0 || !model())
        return;
    const QRect item = visualRect(model()->index(m_dropRow, 0));
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(palette().color(QPalette::Highlight), 2.0, Qt::DashLine);
    painter.setPen(pen);
    painter.drawRect(QRectF(m_delegate->coverRect(item)).adjusted(1, 1, -1, -1));
}
