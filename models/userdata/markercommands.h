#pragma once

#include "userdata/marker.h"

#include <QList>
#include <QUndoCommand>
#include <QUndoStack>

class MarkerStore;

// The user's changes to markers as undoable commands: push one on the window's QUndoStack and
// it is done at once (redo()), and Edit > Undo takes it back. Each does and undoes its change
// through the MarkerStore, so that the panes follow its markersChanged. A change the store
// refuses or fails to write (it reports why) makes the command obsolete: QUndoStack then drops
// it, and nothing that did not happen can be undone.

// A new marker, and on undo its removal.
class AddMarkerCommand : public QUndoCommand
{
public:
    AddMarkerCommand(MarkerStore *store, const Marker &marker, QUndoCommand *parent = nullptr);

    // A point marker at atMs with a new id, labelled "Marker at 1:12" until the user names it.
    static Marker pointAt(const CueKey &cue, qint64 atMs);

    const Marker &marker() const { return m_marker; }
    void redo() override;
    void undo() override;

private:
    MarkerStore *m_store = nullptr;
    Marker m_marker;
};

// Any change to one marker (its times, label, theme or kind), from what it was to what it
// becomes: the table's edits, and a drag on the timeline pushed once, when the drag ends.
class EditMarkerCommand : public QUndoCommand
{
public:
    // before and after have the same id; before is the marker as it is stored now.
    EditMarkerCommand(MarkerStore *store, const Marker &before, const Marker &after,
        QUndoCommand *parent = nullptr);
    // A marker dragged to new times (endMs -1 for a point), as one step on stack. False, with
    // nothing pushed, when the marker is not stored or there is no stack to undo it with.
    static bool pushMove(QUndoStack *stack, MarkerStore *store, const QString &markerId,
        qint64 startMs, qint64 endMs);

    const Marker &before() const { return m_before; }
    const Marker &after() const { return m_after; }
    void redo() override;
    void undo() override;

private:
    MarkerStore *m_store = nullptr;
    Marker m_before;
    Marker m_after;
};

// Markers deleted at once, and on undo put back all at once, with their ids and times.
class RemoveMarkersCommand : public QUndoCommand
{
public:
    RemoveMarkersCommand(
        MarkerStore *store, const QList<Marker> &markers, QUndoCommand *parent = nullptr);

    const QList<Marker> &markers() const { return m_markers; }
    void redo() override;
    void undo() override;

private:
    MarkerStore *m_store = nullptr;
    QList<Marker> m_markers;
};
