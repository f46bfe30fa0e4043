#include "userdata/scancachestore.h"

#include "userdata/tagsjson.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

const QString InsertKnownFile = uR"sql(INSERT OR REPLACE INTO known_files (folder_id, path, folder,
        file_name, size, mtime_ms, audio_hash, duration_ms, tags, readable, unreadable_reason)
    VALUES (?, ?, coalesce(?, ''), coalesce(?, ''), ?, ?, coalesce(?, ''), ?, ?, ?,
        coalesce(?, ''))
)sql"_s;

const QString SelectKnownFiles = uR"(SELECT k.path, k.folder, k.file_name, k.size, k.mtime_ms,
        k.audio_hash, k.duration_ms, k.tags, k.readable, k.unreadable_reason
    FROM known_files k JOIN scan_folders f ON f.id = k.folder_id WHERE f.path = ?)"_s;

AudioFileInfo knownFileFromRow(const QSqlQuery &query)
{
    AudioFileInfo file;
    file.path = query.value(0).toString();
    file.folder = query.value(1).toString();
    file.fileName = query.value(2).toString();
    file.size = query.value(3).toLongLong();
    file.mtime = query.value(4).toLongLong();
    file.audioHash = query.value(5).toString();
    file.durationMs = query.value(6).toLongLong();
    TagsJson::read(file, query.value(7).toString());
    file.readable = query.value(8).toBool();
    file.unreadableReason = query.value(9).toString();
    return file;
}

QString cleanFolder(const QString &folder)
{
    return QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
}

} // namespace

ScanCacheStore::ScanCacheStore(UserDatabase *database)
    : UserDataStore(database)
{ }

QStringList ScanCacheStore::scanFolders() const
{
    QStringList folders;
    forEachRow(u"SELECT path FROM scan_folders ORDER BY path"_s, {},
        [&](const QSqlQuery &row) { folders.append(row.value(0).toString()); });
    return folders;
}

QHash<QString, AudioFileInfo> ScanCacheStore::knownFiles(const QString &folder) const
{
    QHash<QString, AudioFileInfo> files;
    forEachRow(SelectKnownFiles, {cleanFolder(folder)}, [&](const QSqlQuery &row) {
        AudioFileInfo file = knownFileFromRow(row);
        files.insert(file.path, file);
    });
    return files;
}

bool ScanCacheStore::storeKnownFiles(const QString &folder, const QList<AudioFileInfo> &files)
{
    if (!isOpen())
        return notOpen();
    const QString folderPath = cleanFolder(folder);
    const QString what = tr("What the scan of “%1” found").arg(folderPath);
    SqlTransaction transaction(connection());
    QSqlQuery query(connection());
    if (!transaction.isActive()
        || !run(query,
            u"INSERT INTO scan_folders (path, scanned_at_ms) VALUES (?, ?) ON CONFLICT (path) "
            "DO UPDATE SET scanned_at_ms = excluded.scanned_at_ms"_s,
            {folderPath, QDateTime::currentMSecsSinceEpoch()})
        || !run(query, u"SELECT id FROM scan_folders WHERE path = ?"_s, {folderPath})
        || !query.next())
        return writeFailed(what, transaction.lastError());
    const qint64 folderId = query.value(0).toLongLong();
    if (!run(query, u"DELETE FROM known_files WHERE folder_id = ?"_s, {folderId})
        || !prepare(query, InsertKnownFile))
        return writeFailed(what);
    for (const AudioFileInfo &file : files) {
        const QVariantList values = {folderId, file.path, file.folder, file.fileName, file.size,
            file.mtime, file.audioHash, file.durationMs, TagsJson::toJson(file), file.readable,
            file.unreadableReason};
        if (!execPrepared(query, values))
            return writeFailed(what);
    }
    if (!transaction.commit())
        return writeFailed(what, transaction.lastError());
    return true;
}

bool ScanCacheStore::removeScanFolder(const QString &folder)
{
    if (!isOpen())
        return notOpen();
    // known_files go with it (ON DELETE CASCADE; foreign_keys is on).
    QSqlQuery query(connection());
    if (!run(query, u"DELETE FROM scan_folders WHERE path = ?"_s, {cleanFolder(folder)}))
        return writeFailed(tr("The removal of the scanned folder “%1”").arg(cleanFolder(folder)));
    return true;
}
