#include "userdata/markercommands.h"

#include "catalog/timecode.h"
#include "userdata/markerstore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("MarkerCommands", text, disambiguation, n);
}

// What the edit changes, for the Undo action's text: "Undo Rename Marker".
QString editText(const Marker &before, const Marker &after)
{
    if (before.startMs != after.startMs || before.endMs != after.endMs)
        return tr("Move Marker “%1”").arg(after.label);
    if (before.label != after.label)
        return tr("Rename Marker “%1”").arg(before.label);
    if (before.themeId != after.themeId)
        return tr("Set Theme of “%1”").arg(after.label);
    if (before.kind != after.kind)
        return tr("Set Kind of “%1”").arg(after.label);
    return tr("Edit Marker “%1”").arg(after.label);
}

// The same marker, whatever its times of creation and change.
bool sameContent(Marker a, Marker b)
{
    a.createdAtMs = b.createdAtMs = 0;
    a.updatedAtMs = b.updatedAtMs = 0;
    return a == b;
}

// A write the store kept in memory (a full disk, a read-only folder) took effect for the user,
// and is undone like any other; only a refused one leaves nothing to undo.
bool tookEffect(const MarkerStore *store, bool written, const QList<Marker> &markers)
{
    if (written)
        return true;
    for (const Marker &marker : markers) {
        if (!store->isKept(marker.id))
            return false;
    }
    return !markers.isEmpty();
}

} // namespace

AddMarkerCommand::AddMarkerCommand(MarkerStore *store, const Marker &marker, QUndoCommand *parent)
    : QUndoCommand(tr("Add Marker “%1”").arg(marker.label), parent)
    , m_store(store)
    , m_marker(marker)
{
    Q_ASSERT(store);
}

Marker AddMarkerCommand::pointAt(const CueKey &cue, qint64 atMs)
{
    Marker marker;
    marker.id = Marker::newId();
    marker.cue = cue;
    marker.startMs = std::max<qint64>(atMs, 0);
    marker.label = tr("Marker at %1").arg(TimeCode::formatSeconds(marker.startMs));
    return marker;
}

void AddMarkerCommand::redo()
{
    setObsolete(!tookEffect(m_store, m_store->putMarker(m_marker), {m_marker}));
}

void AddMarkerCommand::undo()
{
    setObsolete(!tookEffect(m_store, m_store->removeMarker(m_marker.id), {m_marker}));
}

bool EditMarkerCommand::pushMove(
    QUndoStack *stack, MarkerStore *store, const QString &markerId, qint64 startMs, qint64 endMs)
{
    const std::optional<Marker> before = store ? store->marker(markerId) : std::nullopt;
    if (!before || !stack)
        return false;
    Marker after = *before;
    after.startMs = startMs;
    after.endMs = endMs;
    stack->push(new EditMarkerCommand(store, *before, after));
    return true;
}

EditMarkerCommand::EditMarkerCommand(
    MarkerStore *store, const Marker &before, const Marker &after, QUndoCommand *parent)
    : QUndoCommand(editText(before, after), parent)
    , m_store(store)
    , m_before(before)
    , m_after(after)
{
    Q_ASSERT(store && before.id == after.id);
    // Stamped when it is written, each time it is redone.
    m_after.updatedAtMs = 0;
    // A change to nothing is no step to undo: QUndoStack::push() drops it unrun.
    setObsolete(sameContent(before, after));
}

void EditMarkerCommand::redo()
{
    setObsolete(!tookEffect(m_store, m_store->putMarker(m_after), {m_after}));
}

void EditMarkerCommand::undo()
{
    setObsolete(!tookEffect(m_store, m_store->putMarker(m_before), {m_before}));
}

RemoveMarkersCommand::RemoveMarkersCommand(
    MarkerStore *store, const QList<Marker> &markers, QUndoCommand *parent)
    : QUndoCommand(markers.size() == 1 ? tr("Remove Marker “%1”").arg(markers.constFirst().label)
                                       : tr("Remove %n Markers", nullptr, int(markers.size())),
        parent)
    , m_store(store)
    , m_markers(markers)
{
    Q_ASSERT(store);
    setObsolete(markers.isEmpty());
}

void RemoveMarkersCommand::redo()
{
    QStringList ids;
    for (const Marker &marker : std::as_const(m_markers))
        ids.append(marker.id);
    setObsolete(!tookEffect(m_store, m_store->removeMarkers(ids), m_markers));
}

void RemoveMarkersCommand::undo()
{
    setObsolete(!tookEffect(m_store, m_store->putMarkers(m_markers), m_markers));
}
