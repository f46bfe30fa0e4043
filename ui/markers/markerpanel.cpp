#include "markers/markerpanel.h"

#include "itemmodels/markermodel.h"
#include "markers/markerdelegate.h"
#include "markers/markertable.h"
#include "userdata/markerstore.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

MarkerPanel::MarkerPanel(const CatalogModel *catalogs, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"markerPanel"_s);
    m_model = new MarkerModel(catalogs, this);
    m_table = new MarkerTable(m_model);

    m_addButton = new QPushButton(tr("&Add Marker"));
    m_addButton->setObjectName(u"addMarkerButton"_s);
    m_addButton->setToolTip(
        tr("Add a marker at the playhead while this cue plays, else at its start (M adds one "
           "while any cue plays)"));
    m_removeButton = new QPushButton(tr("Remove"));
    m_removeButton->setObjectName(u"removeMarkerButton"_s);
    m_removeButton->setToolTip(tr("Remove the selected markers (Delete)"));
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);

    m_emptyState = new QLabel;
    m_emptyState->setObjectName(u"markersEmptyState"_s);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setMargin(12);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_table);

    m_message = new QLabel;
    m_message->setObjectName(u"markerMessage"_s);
    m_message->setWordWrap(true);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(buttons);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_message);

    connect(m_addButton, &QPushButton::clicked, this, &MarkerPanel::addMarker);
    connect(m_removeButton, &QPushButton::clicked, m_table, &MarkerTable::removeSelected);
    connect(m_table, &MarkerTable::selectedMarkersChanged, this, &MarkerPanel::update);
    connect(m_table->markerDelegate(), &MarkerDelegate::hintChanged, this, &MarkerPanel::showHint);
    connect(m_model, &MarkerModel::editRefused, this, &MarkerPanel::showRefusal);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MarkerPanel::update);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MarkerPanel::update);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MarkerPanel::update);
    // A change that went through clears the last refusal: it is answered.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        if (!m_showingHint)
            m_message->hide();
    });
    update();
}

void MarkerPanel::setStore(MarkerStore *store)
{
    m_model->setStore(store);
    update();
}

void MarkerPanel::setUndoStack(QUndoStack *stack)
{
    m_model->setUndoStack(stack);
    update();
}

void MarkerPanel::setPlayheadLookup(PlayheadLookup lookup)
{
    m_playhead = std::move(lookup);
}

void MarkerPanel::setCue(const CueKey &cue)
{
    if (cue != m_model->cue())
        m_message->hide();
    m_model->setCue(cue);
    update();
}

CueKey MarkerPanel::cue() const
{
    return m_model->cue();
}

int MarkerPanel::count() const
{
    return m_model->rowCount();
}

bool MarkerPanel::editLabel(const QString &markerId)
{
    m_stack->setCurrentWidget(m_table);
    return m_table->editLabel(markerId);
}

void MarkerPanel::addMarker()
{
    const std::optional<qint64> playhead
        = m_playhead ? m_playhead(m_model->cue()) : std::optional<qint64>();
    const QString id = m_model->addMarkerAt(playhead.value_or(0));
    if (!id.isEmpty())
        editLabel(id);
}

void MarkerPanel::update()
{
    const bool editable = m_model->isEditable() && !m_model->cue().cueId.isEmpty();
    m_addButton->setEnabled(editable);
    m_removeButton->setEnabled(editable && !m_table->selectedMarkerIds().isEmpty());
    const int rows = m_model->rowCount();
    if (!m_model->store()) {
        m_emptyState->setText(tr("Your user database could not be opened, so no marker can be "
                                 "kept for this cue."));
    } else {
        m_emptyState->setText(tr("No markers yet. Press M while the cue plays, or Shift+click "
                                 "the timeline above, to mark a moment; or use Add Marker."));
    }
    m_stack->setCurrentWidget(rows > 0 ? static_cast<QWidget *>(m_table) : m_emptyState);
    if (rows != m_count) {
        m_count = rows;
        emit countChanged(rows);
    }
}

void MarkerPanel::showHint(const QString &hint)
{
    if (hint.isEmpty() && !m_showingHint)
        return;
    m_showingHint = !hint.isEmpty();
    m_message->setText(hint);
    m_message->setVisible(m_showingHint);
}

void MarkerPanel::showRefusal(const QString &message)
{
    m_showingHint = false;
    m_message->setText(message);
    m_message->show();
}
