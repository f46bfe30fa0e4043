#include "userdata/notestore.h"

#include <QDateTime>
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
