#include "timeline/cuetimeline.h"

#include "timeline/timelinenavigation.h"
#include "timeline/timelinepainter.h"
#include "timeline/timelinetext.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextDocument>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Room around the strip for the focus frame.
constexpr int FrameMargin = 2;
// How much a step of the wheel or a key press zooms.
constexpr double WheelZoom = 1.25;
constexpr double KeyZoom = 1.5;

} // namespace

CueTimeline::CueTimeline(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Cue timeline"));
    changeEvent(nullptr);
    waveformChanged();
    updateAccessibleDescription();
}

void CueTimeline::setDuration(qint64 ms)
{
    ms = std::max<qint64>(ms, 0);
    if (ms == m_content.durationMs)
        return;
    cancelDrag();
    m_content.durationMs = ms;
    m_scale.setDuration(ms);
    m_waveform.setDuration(ms);
    waveformChanged();
    updateAccessibleDescription();
    relayout();
}

void CueTimeline::setOccurrences(const QList<Occurrence> &occurrences)
{
    m_content.occurrences = occurrences;
    updateAccessibleDescription();
    relayout();
}

void CueTimeline::setThemeNames(const QHash<QString, QString> &names)
{
    m_content.themeNames = names;
    relayout();
}

void CueTimeline::setMarkers(const QList<Marker> &markers)
{
    cancelDrag();
    m_content.markers = markers;
    updateAccessibleDescription();
    relayout();
}

void CueTimeline::setSelectedMarker(const QString &id)
{
    if (id == m_content.selectedMarkerId)
        return;
    m_content.selectedMarkerId = id;
    relayout();
    emit selectedMarkerChanged(id);
}

void CueTimeline::setPosition(qint64 ms)
{
    ms = ms < 0 ? -1 : std::min(ms, m_content.durationMs);
    const qint64 old = m_content.positionMs;
    if (ms == old)
        return;
    m_content.positionMs = ms;
    // A zoomed view follows the playhead a page at a time, unless the user is busy with it.
    const bool wasInView = old < 0 || (old >= m_scale.viewStart() && old <= m_scale.viewEnd());
    if (ms >= 0 && m_scale.isZoomed() && m_drag.kind == Drag::None && wasInView
        && (ms < m_scale.viewStart() || ms > m_scale.viewEnd())) {
        m_scale.scrollTo(double(ms) - m_scale.viewSpan() / 10);
        relayout();
        return;
    }
    updatePlayhead(old);
    updatePlayhead(ms);
}

void CueTimeline::setPeakSource(PeakSource source)
{
    m_waveform.setSource(std::move(source));
    waveformChanged();
}

void CueTimeline::setPeaks(const QList<Peak> &buckets)
{
    m_waveform.setBuckets(buckets, m_content.durationMs);
    waveformChanged();
}

void CueTimeline::setNoAudioFile()
{
    m_waveform.clear();
    waveformChanged();
}

void CueTimeline::setReadingProgress(int percent)
{
    m_waveform.setReading(percent);
    waveformChanged();
}

void CueTimeline::setUnreadable(const QString &reason)
{
    m_waveform.setUnreadable(reason);
    waveformChanged();
}

void CueTimeline::setCompact(bool compact)
{
    if (compact == m_content.compact)
        return;
    m_content.compact = compact;
    updateTrack();
    updateGeometry();
    relayout();
}

QRectF CueTimeline::trackRect() const
{
    return layout().track;
}

void CueTimeline::zoomBy(double factor, double anchorX)
{
    m_scale.zoomBy(factor, anchorX);
    relayout();
}

void CueTimeline::resetZoom()
{
    m_scale.reset();
    relayout();
}

QSize CueTimeline::sizeHint() const
{
    return {480, minimumSizeHint().height()};
}

QSize CueTimeline::minimumSizeHint() const
{
    const int row = QFontMetrics(m_labelFont).height() + 2;
    const int height = m_content.compact ? std::max(20, row + 6)
                                         : 2 * FrameMargin + (row + 4) + std::max(40, 3 * row) + 7;
    const QMargins margins = contentsMargins();
    return {120 + margins.left() + margins.right(), height + margins.top() + margins.bottom()};
}

QRectF CueTimeline::contentsArea() const
{
    return QRectF(contentsRect()).adjusted(FrameMargin, FrameMargin, -FrameMargin, -FrameMargin);
}

const TimelineLayout &CueTimeline::layout() const
{
    if (!m_layout)
        m_layout.emplace(m_content, m_scale, contentsArea(), m_labelFont);
    return *m_layout;
}

void CueTimeline::relayout()
{
    m_layout.reset();
    update();
}

void CueTimeline::updateTrack()
{
    const QRectF track = TimelineLayout::trackArea(contentsArea(), m_labelFont, m_content.compact);
    m_scale.setTrack(track.left(), track.width());
}

void CueTimeline::updatePlayhead(qint64 ms)
{
    if (ms < 0)
        return;
    const int x = int(std::floor(m_scale.xOf(double(ms))));
    update(QRect(x - 7, 0, 15, height()));
    if (!layout().overview.isEmpty())
        update(layout().overview.toAlignedRect());
}

void CueTimeline::waveformChanged()
{
    m_content.waveformMessage = TimelineText::waveformMessage(m_waveform, m_content.durationMs);
    update();
}

void CueTimeline::updateAccessibleDescription()
{
    setAccessibleDescription(TimelineText::accessibleDescription(m_content));
}

void CueTimeline::seekTo(qint64 ms)
{
    ms = std::clamp<qint64>(ms, 0, m_content.durationMs);
    if (m_content.positionMs < 0)
        m_content.cursorMs = ms;
    m_scale.ensureVisible(double(ms));
    relayout();
    emit seekRequested(ms);
}

double CueTimeline::zoomAnchor() const
{
    if (m_mousePos)
        return m_mousePos->x();
    for (const qint64 ms : {m_content.positionMs, m_content.cursorMs}) {
        if (ms >= m_scale.viewStart() && ms <= m_scale.viewEnd())
            return m_scale.xOf(double(ms));
    }
    return m_scale.trackLeft() + m_scale.trackWidth() / 2;
}

bool CueTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            // A label is the user's plain text, even one that looks like markup.
            QToolTip::showText(help->globalPos(),
                Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text) : text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void CueTimeline::changeEvent(QEvent *event)
{
    if (event)
        QWidget::changeEvent(event);
    if (!event || event->type() == QEvent::FontChange) {
        // Labels a step smaller than the text around, as a ruler's are.
        m_labelFont = font();
        m_labelFont.setPointSizeF(std::max(7.0, font().pointSizeF() * 0.85));
        updateTrack();
        updateGeometry();
        relayout();
    }
    if (event && event->type() == QEvent::PaletteChange)
        update();
    if (event && event->type() == QEvent::ContentsRectChange) {
        updateTrack();
        updateGeometry();
        relayout();
    }
}

void CueTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    TimelinePainter::paint(
        painter, m_content, layout(), m_scale, m_waveform, palette(), m_labelFont);
    if (hasFocus()) {
        // The highlight around the strip, as a focused field has it: a style's dotted focus
        // rectangle all but disappears against the ruler's ticks.
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(contentsRect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void CueTimeline::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateTrack();
    relayout();
}

void CueTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_content.durationMs <= 0) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QPointF pos = event->position();
    m_drag = {};
    if (event->modifiers() & Qt::ShiftModifier) {
        emit addMarkerRequested(m_scale.msAt(pos.x()));
        return;
    }
    m_drag.pressPos = pos;
    if (layout().overview.contains(pos) && m_scale.isZoomed()) {
        m_drag.kind = Drag::Overview;
        centreOverviewAt(pos.x());
        return;
    }
    const TimelineLayout::Hit hit = layout().markerAt(pos);
    if (hit.marker >= 0) {
        m_drag.kind = Drag::Marker;
        m_drag.markerIndex = hit.marker;
        m_drag.grip = hit.grip;
        m_drag.original = m_content.markers.at(hit.marker);
        return;
    }
    m_drag.kind = Drag::Click;
    m_drag.viewStart = m_scale.viewStart();
}

void CueTimeline::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    m_mousePos = pos;
    if (m_drag.kind == Drag::None) {
        const TimelineLayout::Hit hit = layout().markerAt(pos);
        if (hit.grip == TimelineLayout::NoGrip)
            unsetCursor();
        else
            setCursor(hit.grip == TimelineLayout::Body ? Qt::OpenHandCursor : Qt::SizeHorCursor);
        return;
    }
    if (!m_drag.moved
        && (pos - m_drag.pressPos).manhattanLength() < QApplication::startDragDistance()) {
        return;
    }
    m_drag.moved = true;
    switch (m_drag.kind) {
    case Drag::Marker:
        dragMarker(pos);
        break;
    case Drag::Click:
        // Dragging the empty track pans a zoomed view.
        if (m_scale.isZoomed()) {
            m_scale.scrollTo(
                m_drag.viewStart - (pos.x() - m_drag.pressPos.x()) * m_scale.msPerPixel());
            setCursor(Qt::ClosedHandCursor);
            relayout();
        }
        break;
    case Drag::Overview:
        centreOverviewAt(pos.x());
        break;
    case Drag::None:
        break;
    }
}

void CueTimeline::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const Drag drag = std::exchange(m_drag, {});
    unsetCursor();
    if (drag.kind == Drag::Marker && drag.moved) {
        const Marker &moved = m_content.markers.at(drag.markerIndex);
        if (moved.startMs != drag.original.startMs || moved.endMs != drag.original.endMs)
            emit markerMoved(moved.id, moved.startMs, moved.endMs);
    } else if (drag.kind == Drag::Marker) {
        const Marker &marker = m_content.markers.at(drag.markerIndex);
        setSelectedMarker(marker.id);
        seekTo(marker.startMs);
    } else if (drag.kind == Drag::Click && !drag.moved) {
        seekTo(m_scale.msAt(event->position().x()));
    }
}

void CueTimeline::mouseDoubleClickEvent(QMouseEvent *event)
{
    // The first click of the two has sought already; the release after this one does nothing.
    m_drag = {};
    if (event->button() == Qt::LeftButton && m_content.durationMs > 0
        && !layout().overview.contains(event->position())) {
        emit addMarkerRequested(m_scale.msAt(event->position().x()));
    }
}

void CueTimeline::leaveEvent(QEvent *event)
{
    m_mousePos.reset();
    QWidget::leaveEvent(event);
}

void CueTimeline::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        if (delta.y() != 0)
            zoomBy(std::pow(WheelZoom, delta.y() / 120.0), event->position().x());
        event->accept();
        return;
    }
    if (!m_scale.isZoomed()) {
        // Nothing to scroll: the page around the timeline scrolls instead.
        event->ignore();
        return;
    }
    const double steps = (delta.x() != 0 ? delta.x() : delta.y()) / 120.0;
    m_scale.scrollBy(-steps * m_scale.viewSpan() / 8);
    relayout();
    event->accept();
}

void CueTimeline::keyPressEvent(QKeyEvent *event)
{
    const bool plain = (event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier)) == 0;
    if (event->key() == Qt::Key_Escape && m_drag.kind != Drag::None) {
        cancelDrag();
        return;
    }
    if (!plain || m_content.durationMs <= 0) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
        seekTo(TimelineNavigation::currentTime(m_content) - NudgeMs);
        return;
    case Qt::Key_Right:
        seekTo(TimelineNavigation::currentTime(m_content) + NudgeMs);
        return;
    case Qt::Key_Home:
        seekTo(0);
        return;
    case Qt::Key_End:
        seekTo(m_content.durationMs);
        return;
    case Qt::Key_Period:
    case Qt::Key_Comma:
        if (const auto target
            = TimelineNavigation::neighbour(m_content, event->key() == Qt::Key_Period ? 1 : -1))
            seekTo(*target);
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(KeyZoom, zoomAnchor());
        return;
    case Qt::Key_Minus:
        zoomBy(1 / KeyZoom, zoomAnchor());
        return;
    case Qt::Key_0:
        resetZoom();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void CueTimeline::dragMarker(const QPointF &pos)
{
    const qint64 delta = std::llround((pos.x() - m_drag.pressPos.x()) * m_scale.msPerPixel());
    // A range is never dragged shorter than a pixel's worth.
    const qint64 shortest = std::max<qint64>(1, std::llround(m_scale.msPerPixel()));
    m_content.markers[m_drag.markerIndex] = TimelineNavigation::dragged(
        m_drag.original, m_drag.grip, delta, shortest, m_content.durationMs);
    setCursor(m_drag.grip == TimelineLayout::Body ? Qt::ClosedHandCursor : Qt::SizeHorCursor);
    relayout();
}

void CueTimeline::cancelDrag()
{
    if (m_drag.kind == Drag::Marker && m_drag.moved)
        m_content.markers[m_drag.markerIndex] = m_drag.original;
    else if (m_drag.kind == Drag::Click && m_drag.moved)
        m_scale.scrollTo(m_drag.viewStart);
    if (m_drag.kind != Drag::None) {
        m_drag = {};
        unsetCursor();
        relayout();
    }
}

void CueTimeline::centreOverviewAt(double x)
{
    const QRectF row = layout().overview;
    const double ms = (x - row.left()) / row.width() * double(m_content.durationMs);
    m_scale.scrollTo(ms - m_scale.viewSpan() / 2);
    relayout();
}

QString CueTimeline::toolTipAt(const QPoint &pos) const
{
    return TimelineText::toolTip(m_content, layout(), m_scale, pos);
}
