#include "thememap/thememapview.h"

#include "catalog/occurrences.h"
#include "catalog/timecode.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

ThemeMapView::ThemeMapView(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAccessibleName(tr("Theme map"));
    relayOut();
}

void ThemeMapView::setMap(ThemeMap map)
{
    m_map = std::move(map);
    m_current = m_map.marks.isEmpty() ? -1 : 0;
    relayOut();
}

void ThemeMapView::relayOut()
{
    m_painter = std::make_unique<ThemeMapPainter>(m_map, font(), palette());
    m_painter->setCurrentMark(m_current);
    setFixedSize(m_painter->size());
    updateGeometry();
    update();
}

QSize ThemeMapView::sizeHint() const
{
    return m_painter->size();
}

void ThemeMapView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        relayOut();
}

void ThemeMapView::setCurrentMark(int mark)
{
    if (mark < -1 || mark >= m_map.marks.size() || mark == m_current)
        return;
    m_current = mark;
    m_painter->setCurrentMark(mark);
    update();
}

QString ThemeMapView::describe(int index) const
{
    if (index < 0 || index >= m_map.marks.size())
        return {};
    const ThemeMap::Mark &mark = m_map.marks.at(index);
    const Occurrence &occurrence = mark.occurrence.occurrence;
    const QString theme = m_map.columns.at(mark.column).name;
    const QString cue = m_map.rows.at(mark.row).title;
    QStringList lines;
    QString head = u"<b>%1</b> in %2"_s.arg(theme.toHtmlEscaped(), cue.toHtmlEscaped());
    lines.append(head);
    QStringList what;
    if (const QString kind = Occurrences::kindText(occurrence.kind); !kind.isEmpty())
        what.append(kind);
    if (const QString where = Occurrences::whereText(occurrence); !where.isEmpty())
        what.append(where);
    if (!what.isEmpty())
        lines.append(what.join(u", "_s).toHtmlEscaped());
    if (mark.isUsers()) {
        lines.append(tr("Your marker")
            + (occurrence.note.isEmpty() ? QString() : u": "_s + occurrence.note.toHtmlEscaped()));
    } else {
        if (!mark.sources.isEmpty())
            lines.append(tr("Source: %1").arg(mark.sources.toHtmlEscaped()));
        if (!occurrence.note.isEmpty())
            lines.append(u"<i>%1</i>"_s.arg(occurrence.note.toHtmlEscaped()));
        if (occurrence.inferred) {
            lines.append(occurrence.basis.isEmpty()
                    ? tr("Inferred by the catalog")
                    : tr("Inferred by the catalog: %1").arg(occurrence.basis.toHtmlEscaped()));
        }
    }
    lines.append(occurrence.startMs >= 0 ? tr("Click to open the cue and play from %1")
                                               .arg(TimeCode::formatSeconds(occurrence.startMs))
                                         : tr("Click to open the cue"));
    return lines.join(u"<br>"_s);
}

bool ThemeMapView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int mark = m_painter->markAt(help->pos());
        if (mark < 0) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(
                help->globalPos(), describe(mark), this, m_painter->markRect(mark).toAlignedRect());
        }
        return true;
    }
    return QWidget::event(event);
}

void ThemeMapView::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    m_painter->paint(&painter, event->rect());
}

void ThemeMapView::mouseMoveEvent(QMouseEvent *event)
{
    setCursor(m_painter->markAt(event->position()) >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

void ThemeMapView::mousePressEvent(QMouseEvent *event)
{
    const int mark = m_painter->markAt(event->position());
    if (event->button() != Qt::LeftButton || mark < 0) {
        QWidget::mousePressEvent(event);
        return;
    }
    setCurrentMark(mark);
    emit markActivated(m_map.marks.at(mark));
}

int ThemeMapView::markInRow(int row, qreal x) const
{
    int found = -1;
    qreal nearest = 1e9;
    for (int i = 0; i < m_map.marks.size(); ++i) {
        if (m_map.marks.at(i).row != row)
            continue;
        const qreal distance = std::abs(m_painter->markRect(i).center().x() - x);
        if (distance < nearest) {
            nearest = distance;
            found = i;
        }
    }
    return found;
}

void ThemeMapView::keyPressEvent(QKeyEvent *event)
{
    if (m_map.marks.isEmpty()) {
        QWidget::keyPressEvent(event);
        return;
    }
    const int current = std::max(0, m_current);
    const qreal x = m_painter->markRect(current).center().x();
    const int row = m_map.marks.at(current).row;
    switch (event->key()) {
    case Qt::Key_Right:
        setCurrentMark(std::min(int(m_map.marks.size()) - 1, current + 1));
        break;
    case Qt::Key_Left:
        setCurrentMark(std::max(0, current - 1));
        break;
    case Qt::Key_Down:
    case Qt::Key_Up: {
        const int step = event->key() == Qt::Key_Down ? 1 : -1;
        for (int next = row + step; next >= 0 && next < m_map.rows.size(); next += step) {
            if (const int mark = markInRow(next, x); mark >= 0) {
                setCurrentMark(mark);
                break;
            }
        }
        break;
    }
    case Qt::Key_Home:
        setCurrentMark(0);
        break;
    case Qt::Key_End:
        setCurrentMark(int(m_map.marks.size()) - 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current >= 0)
            emit markActivated(m_map.marks.at(m_current));
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}
