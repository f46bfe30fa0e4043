#pragma once

#include "catalog/cuekey.h"

#include <QWidget>

#include <functional>
#include <optional>

class CatalogModel;
class MarkerModel;
class MarkerStore;
class MarkerTable;
class QLabel;
class QPushButton;
class QStackedWidget;
class QUndoStack;

// The Markers tab of the cue pane: the cue's markers in a MarkerTable, "Add Marker" and "Remove"
// above it, a line that says what to type when an edit is refused, and, with no marker yet, how
// to add one. Every change it makes goes on the undo stack it is given.
class MarkerPanel : public QWidget
{
    Q_OBJECT

public:
    // Where the player is in a cue, when it has that cue; nullopt otherwise.
    using PlayheadLookup = std::function<std::optional<qint64>(const CueKey &cue)>;

    explicit MarkerPanel(const CatalogModel *catalogs, QWidget *parent = nullptr);

    // Without a store (or with a closed one) there is nothing to show or edit; without an undo
    // stack the table is read-only.
    void setStore(MarkerStore *store);
    void setUndoStack(QUndoStack *stack);
    // "Add Marker" adds at the playhead when the player has the cue, else at the start.
    void setPlayheadLookup(PlayheadLookup lookup);
    void setCue(const CueKey &cue);
    CueKey cue() const;

    int count() const;
    MarkerModel *model() const { return m_model; }
    MarkerTable *table() const { return m_table; }
    // Selects the marker and opens its label for typing; false when the cue has no such marker.
    bool editLabel(const QString &markerId);
    // Adds a marker where "Add Marker" would, and opens its label.
    void addMarker();

signals:
    void countChanged(int count);

private:
    void update();
    void showHint(const QString &hint);
    void showRefusal(const QString &message);

    MarkerModel *m_model = nullptr;
    MarkerTable *m_table = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyState = nullptr;
    QLabel *m_message = nullptr;
    // Whether m_message shows a hint for the editor (which goes with it) or a refusal (which
    // stays until the next edit).
    bool m_showingHint = false;
    PlayheadLookup m_playhead;
    int m_count = -1;
};
