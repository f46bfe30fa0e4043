#pragma once

#include <QStringList>
#include <QTableView>

class MarkerDelegate;
class MarkerModel;

// The table of one cue's markers over a MarkerModel, edited in place with a MarkerDelegate:
// double-click, F2 or typing edits a field; Delete removes the selected markers as one step that
// Edit > Undo brings back.
class MarkerTable : public QTableView
{
    Q_OBJECT

public:
    explicit MarkerTable(MarkerModel *model, QWidget *parent = nullptr);

    MarkerModel *markerModel() const { return m_model; }
    MarkerDelegate *markerDelegate() const { return m_delegate; }
    QAction *removeAction() const { return m_removeAction; }

    // The ids of the selected markers, in the order heard.
    QStringList selectedMarkerIds() const;
    // Selects the marker and opens its label for typing; false when the table does not have it.
    bool editLabel(const QString &markerId);
    void removeSelected();

signals:
    void selectedMarkersChanged();

private:
    void updateActions();

    MarkerModel *m_model = nullptr;
    MarkerDelegate *m_delegate = nullptr;
    QAction *m_removeAction = nullptr;
};
