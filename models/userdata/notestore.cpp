#include "userdata/notestore.h"

#include <QDateTime>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

NoteStore::NoteStore(UserDatabase *database)
    : UserDataStore(database)
{ }

QString NoteStore::note(const CueKey &cue) const
{
    const auto pending = m_pending.constFind(cue);
    return pending != m_pending.cend() ? pending->text : storedNote(cue);
}

QString NoteStore::storedNote(const CueKey &cue) const
{
    QString body;
    forEachRow(u"SELECT body FROM notes WHERE catalog_id = ? AND cue_id = ?"_s,
        {cue.catalogId, cue.cueId}, [&](const QSqlQuery &row) { body = row.value(0).toString(); });
    return body;
}

bool NoteStore::setNote(const CueKey &cue, const QString &text)
{
    if (!isOpen())
        return notOpen();
    retryPendingWrites();
    const auto pending = m_pending.constFind(cue);
    if (pending == m_pending.cend() ? storedNote(cue) == text : pending->text == text)
        return pending == m_pending.cend();
    const PendingNote note {text, QDateTime::currentMSecsSinceEpoch()};
    if (write(cue, note)) {
        m_pending.remove(cue);
        pendingChanged();
        emit noteChanged(cue);
        return true;
    }
    m_pending.insert(cue, note);
    pendingChanged();
    emit noteChanged(cue);
    return keptWriteFailed(describe(cue));
}

bool NoteStore::write(const CueKey &cue, const PendingNote &note)
{
    QSqlQuery query(connection());
    return note.text.isEmpty()
        ? run(query, u"DELETE FROM notes WHERE catalog_id = ? AND cue_id = ?"_s,
            {cue.catalogId, cue.cueId})
        : run(query,
            u"INSERT INTO notes (catalog_id, cue_id, body, updated_at_ms) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (catalog_id, cue_id) DO UPDATE SET body = excluded.body, "
            "updated_at_ms = excluded.updated_at_ms"_s,
            {cue.catalogId, cue.cueId, note.text, note.updatedAtMs});
}

QList<CueKey> NoteStore::cuesWithNotes() const
{
    QList<CueKey> keys;
    forEachRow(u"SELECT catalog_id, cue_id FROM notes ORDER BY catalog_id, cue_id"_s, {},
        [&](const QSqlQuery &row) {
            keys.append({row.value(0).toString(), row.value(1).toString()});
        });
    if (m_pending.isEmpty())
        return keys;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        const bool listed = keys.contains(it.key());
        if (it->text.isEmpty() && listed)
            keys.removeOne(it.key());
        else if (!it->text.isEmpty() && !listed)
            keys.append(it.key());
    }
    std::sort(keys.begin(), keys.end(), [](const CueKey &a, const CueKey &b) {
        return std::tie(a.catalogId, a.cueId) < std::tie(b.catalogId, b.cueId);
    });
    return keys;
}

QStringList NoteStore::pendingWrites() const
{
    QStringList writes;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        writes.append(describe(it.key()));
    writes.sort();
    return writes;
}

bool NoteStore::writePending()
{
    if (m_pending.isEmpty())
        return true;
    SqlTransaction transaction(connection());
    bool ok = transaction.isActive();
    for (auto it = m_pending.cbegin(); ok && it != m_pending.cend(); ++it)
        ok = write(it.key(), it.value());
    if (!ok || !transaction.commit())
        return pendingWriteFailed(transaction.lastError());
    m_pending.clear();
    pendingChanged();
    return true;
}

void NoteStore::discardPending()
{
    m_pending.clear();
}

QString NoteStore::describe(const CueKey &cue)
{
    return tr("The note on the cue %1/%2").arg(cue.catalogId, cue.cueId);
}

std::optional<NoteEntry> NoteStore::noteEntry(const CueKey &cue) const
{
    if (const auto pending = m_pending.constFind(cue); pending != m_pending.cend()) {
        if (pending->text.isEmpty())
            return std::nullopt;
        return NoteEntry {cue, pending->text, pending->updatedAtMs};
    }
    std::optional<NoteEntry> entry;
    forEachRow(u"SELECT body, updated_at_ms FROM notes WHERE catalog_id = ? AND cue_id = ?"_s,
        {cue.catalogId, cue.cueId}, [&](const QSqlQuery &row) {
            entry = NoteEntry {cue, row.value(0).toString(), row.value(1).toLongLong()};
        });
    return entry;
}

QList<NoteEntry> NoteStore::noteEntries() const
{
    QList<NoteEntry> entries;
    forEachRow(u"SELECT catalog_id, cue_id, body, updated_at_ms FROM notes "
               "ORDER BY catalog_id, cue_id"_s,
        {}, [&](const QSqlQuery &row) {
            const CueKey cue {row.value(0).toString(), row.value(1).toString()};
            if (!m_pending.contains(cue))
                entries.append({cue, row.value(2).toString(), row.value(3).toLongLong()});
        });
    // Notes kept in memory read as the user wrote them, here as everywhere.
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (!it->text.isEmpty())
            entries.append({it.key(), it->text, it->updatedAtMs});
    }
    std::sort(entries.begin(), entries.end(), [](const NoteEntry &a, const NoteEntry &b) {
        return std::tie(a.cue.catalogId, a.cue.cueId) < std::tie(b.cue.catalogId, b.cue.cueId);
    });
    return entries;
}

bool NoteStore::putNoteEntries(const QList<NoteEntry> &entries)
{
    if (!isOpen())
        return notOpen();
    for (const NoteEntry &entry : entries) {
        if (entry.cue.catalogId.isEmpty() || entry.cue.cueId.isEmpty() || entry.text.isEmpty())
            return refused(tr("A note needs a catalog, a cue and a text."));
    }
    SqlTransaction transaction(connection());
    QSqlQuery put(connection());
    bool ok = transaction.isActive()
        && prepare(put,
            u"INSERT INTO notes (catalog_id, cue_id, body, updated_at_ms) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (catalog_id, cue_id) DO UPDATE SET body = excluded.body, "
            "updated_at_ms = excluded.updated_at_ms"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const NoteEntry &entry : entries) {
        ok = ok
            && execPrepared(put,
                {entry.cue.catalogId, entry.cue.cueId, entry.text,
                    entry.updatedAtMs > 0 ? entry.updatedAtMs : now});
    }
    ok = ok && transaction.commit();
    if (!ok) {
        return writeFailed(entries.size() == 1
                ? tr("The note on the cue %1/%2")
                      .arg(entries.first().cue.catalogId, entries.first().cue.cueId)
                : tr("%n notes", "", int(entries.size())),
            transaction.lastError());
    }
    QSet<CueKey> told;
    for (const NoteEntry &entry : entries) {
        if (!told.contains(entry.cue)) {
            told.insert(entry.cue);
            emit noteChanged(entry.cue);
        }
    }
    return true;
}
