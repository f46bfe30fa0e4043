#pragma once

#include "catalog/cuekey.h"
#include "userdata/marker.h"
#include "userdata/markerstore.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QUndoStack>

#include <optional>

class Catalog;
class CatalogModel;

// One cue's markers as a table (start, end, label, theme, kind) in the order heard, following
// the MarkerStore as it changes. Editable once it has a store and an undo stack: every change
// made through it (setData, addMarkerAt, removeMarkers) is a command pushed on the stack, never a
// write of its own, so that each can be undone. Input it cannot take (a time that is not one, an
// end before the start, a theme the catalog lacks) is refused with editRefused(), and the marker
// keeps its value.
class MarkerModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StartColumn, EndColumn, LabelColumn, ThemeColumn, KindColumn, ColumnCount };
    enum Role {
        MarkerIdRole = Qt::UserRole + 1, // QString, every column
        TimeMsRole, // qint64 for the time columns: the start, or the end (-1 for a point)
    };

    // catalogs gives the themes' names; it must outlive the model.
    explicit MarkerModel(const CatalogModel *catalogs, QObject *parent = nullptr);

    // nullptr (or a closed database) shows no markers.
    void setStore(MarkerStore *store);
    MarkerStore *store() const { return m_store; }
    // Without a stack the model is read-only.
    void setUndoStack(QUndoStack *stack);
    QUndoStack *undoStack() const { return m_undoStack; }
    bool isEditable() const;

    // An empty key shows nothing.
    void setCue(const CueKey &cue);
    CueKey cue() const { return m_cue; }
    // The cue's catalog, or nullptr when it is not open.
    const Catalog *catalog() const;

    const QList<Marker> &markers() const { return m_markers; }
    Marker marker(int row) const { return m_markers.value(row); }
    // -1 when the cue has no marker with that id.
    int rowOf(const QString &markerId) const;

    // Adds a point marker at atMs to the cue, as one undoable step; its id, or empty when it
    // could not be added (the store says why).
    QString addMarkerAt(qint64 atMs);
    // Removes the markers with these ids, as one undoable step.
    bool removeMarkers(const QStringList &markerIds);

    // "1:12.3", the way the table shows a time.
    static QString timeText(qint64 ms);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Takes what the user typed: a time as TimeCode::parseTyped() reads it (an empty end makes
    // the marker a point), any label or kind, a theme by its id (empty for none).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    // An edit was refused; message says why and what to type instead.
    void editRefused(const QString &message);

private:
    void reload();
    // The new list against the old one: rows changed in place, moved, removed, inserted; a
    // reset only for changes it cannot describe so.
    void update(const QList<Marker> &markers);
    bool reorder(const QList<Marker> &markers);
    bool insertAndRemove(const QList<Marker> &markers);
    void emitChangedRows(const QList<Marker> &before);
    QString themeName(const QString &themeId) const;
    std::optional<Marker> edited(const Marker &marker, int column, const QVariant &value);
    bool refuse(const QString &message);

    const CatalogModel *m_catalogs = nullptr;
    QPointer<MarkerStore> m_store;
    QPointer<QUndoStack> m_undoStack;
    CueKey m_cue;
    QList<Marker> m_markers;
};
