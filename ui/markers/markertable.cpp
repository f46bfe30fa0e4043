#include "markers/markertable.h"

#include "itemmodels/markermodel.h"
#include "markers/markerdelegate.h"

#include <QAction>
#include <QHeaderView>

#include <algorithm>

using namespace Qt::StringLiterals;

MarkerTable::MarkerTable(MarkerModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
{
    Q_ASSERT(model);
    setObjectName(u"markerTable"_s);
    setAccessibleName(tr("Markers"));
    setModel(model);
    m_delegate = new MarkerDelegate(this);
    setItemDelegate(m_delegate);
    setSelectionBehavior(SelectRows);
    setSelectionMode(ExtendedSelection);
    setEditTriggers(DoubleClicked | EditKeyPressed | AnyKeyPressed | SelectedClicked);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    verticalHeader()->hide();
    QHeaderView *header = horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(MarkerModel::LabelColumn, QHeaderView::Stretch);
    // Room for "1:12:07.3" and the header, whatever the font.
    const int timeWidth = fontMetrics().horizontalAdvance(u"00:00:00.0"_s) + 16;
    header->resizeSection(MarkerModel::StartColumn, timeWidth);
    header->resizeSection(MarkerModel::EndColumn, timeWidth);
    header->resizeSection(MarkerModel::ThemeColumn, fontMetrics().averageCharWidth() * 22);
    header->resizeSection(MarkerModel::KindColumn, fontMetrics().averageCharWidth() * 12);

    m_removeAction = new QAction(tr("&Remove Marker"), this);
    // Not Backspace: on some platforms it is the window's Back.
    m_removeAction->setShortcut(QKeySequence::Delete);
    // Only while the table has the focus: elsewhere Delete belongs to what has it.
    m_removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_removeAction->setStatusTip(tr("Remove the selected markers (Edit > Undo brings them back)"));
    addAction(m_removeAction);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_removeAction, &QAction::triggered, this, &MarkerTable::removeSelected);

    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        emit selectedMarkersChanged();
    });
    connect(model, &QAbstractItemModel::modelReset, this, &MarkerTable::updateActions);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MarkerTable::updateActions);
    updateActions();
}

QStringList MarkerTable::selectedMarkerIds() const
{
    QList<int> rows;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QStringList ids;
    for (const int row : std::as_const(rows))
        ids.append(m_model->marker(row).id);
    return ids;
}

bool MarkerTable::editLabel(const QString &markerId)
{
    const int row = m_model->rowOf(markerId);
    if (row < 0)
        return false;
    const QModelIndex label = m_model->index(row, MarkerModel::LabelColumn);
    scrollTo(label);
    setCurrentIndex(label);
    selectionModel()->select(
        label, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    setFocus(Qt::OtherFocusReason);
    edit(label);
    return true;
}

void MarkerTable::removeSelected()
{
    const QStringList ids = selectedMarkerIds();
    if (ids.isEmpty())
        return;
    // The row after the last one removed becomes current, so that Delete can go on down.
    const int next = m_model->rowOf(ids.constLast()) + 1 - int(ids.size());
    if (!m_model->removeMarkers(ids))
        return;
    if (m_model->rowCount() > 0) {
        const int row = std::clamp(next, 0, m_model->rowCount() - 1);
        setCurrentIndex(m_model->index(row, std::max(currentIndex().column(), 0)));
    }
}

void MarkerTable::updateActions()
{
    m_removeAction->setEnabled(m_model->isEditable() && selectionModel()->hasSelection());
}
