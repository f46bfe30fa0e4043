#include "userdata/notestore.h"

#include <QDateTime>
#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

NoteStore::NoteStore(UserDatabase *database)
    : UserDataStore(database)
{ }

QString NoteStore::note(const CueKey &cue) const
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
    if (note(cue) == text)
        return true;
    QSqlQuery query(connection());
    const bool ok = text.isEmpty()
        ? run(query, u"DELETE FROM notes WHERE catalog_id = ? AND cue_id = ?"_s,
            {cue.catalogId, cue.cueId})
        : run(query,
            u"INSERT INTO notes (catalog_id, cue_id, body, updated_at_ms) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (catalog_id, cue_id) DO UPDATE SET body = excluded.body, "
            "updated_at_ms = excluded.updated_at_ms"_s,
            {cue.catalogId, cue.cueId, text, QDateTime::currentMSecsSinceEpoch()});
    if (!ok)
        return writeFailed(tr("The note on the cue %1/%2").arg(cue.catalogId, cue.cueId));
    emit noteChanged(cue);
    return true;
}

QList<CueKey> NoteStore::cuesWithNotes() const
{
    QList<CueKey> keys;
    forEachRow(u"SELECT catalog_id, cue_id FROM notes ORDER BY catalog_id, cue_id"_s, {},
        [&](const QSqlQuery &row) {
            keys.append({row.value(0).toString(), row.value(1).toString()});
        });
    return keys;
}

std::optional<NoteEntry> NoteStore::noteEntry(const CueKey &cue) const
{
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
            entries.append({{row.value(0).toString(), row.value(1).toString()},
                row.value(2).toString(), row.value(3).toLongLong()});
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
