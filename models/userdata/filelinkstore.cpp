#include "userdata/filelinkstore.h"

#include "userdata/tagsjson.h"

#include <QFileInfo>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Every text bound through this is coalesced: Qt binds a null QString as NULL.
const QString UpsertLink = uR"(INSERT INTO file_links (catalog_id, cue_id, path, size, mtime_ms,
        audio_hash, format, duration_ms, tags, added_at_ms)
    VALUES (?, ?, ?, ?, ?, coalesce(?, ''), coalesce(?, ''), ?, ?, ?)
    ON CONFLICT (catalog_id, cue_id, path) DO UPDATE SET size = excluded.size,
        mtime_ms = excluded.mtime_ms, audio_hash = excluded.audio_hash,
        format = excluded.format, duration_ms = excluded.duration_ms, tags = excluded.tags)"_s;

const QString SelectLinks = uR"(SELECT catalog_id, cue_id, path, size, mtime_ms, audio_hash,
    format, duration_ms, tags, added_at_ms, preferred FROM file_links)"_s;

QString formatOf(const QString &path)
{
    return QFileInfo(path).suffix().toLower();
}

// Lossless first: a FLAC or WAV of a cue beats its MP3.
int formatRank(const QString &format)
{
    static const QStringList lossless = {u"flac"_s, u"wav"_s, u"aiff"_s, u"aif"_s, u"wv"_s};
    const qsizetype rank = lossless.indexOf(format);
    return rank < 0 ? int(lossless.size()) : std::min(int(rank), 2);
}

FileLink linkFromRow(const QSqlQuery &query)
{
    FileLink link;
    link.cue = {query.value(0).toString(), query.value(1).toString()};
    AudioFileInfo &file = link.file;
    file.path = query.value(2).toString();
    const QFileInfo info(file.path);
    file.folder = info.path();
    file.fileName = info.fileName();
    file.size = query.value(3).toLongLong();
    file.mtime = query.value(4).toLongLong();
    file.audioHash = query.value(5).toString();
    link.format = query.value(6).toString();
    file.durationMs = query.value(7).toLongLong();
    TagsJson::read(file, query.value(8).toString());
    link.addedAt = QDateTime::fromMSecsSinceEpoch(query.value(9).toLongLong());
    link.isPreferred = query.value(10).toBool();
    return link;
}

CueKey cueKeyFromRow(const QSqlQuery &query)
{
    return {query.value(0).toString(), query.value(1).toString()};
}

} // namespace

FileLinkStore::FileLinkStore(UserDatabase *database)
    : UserDataStore(database)
{ }

QList<FileLink> FileLinkStore::links(const CueKey &cue) const
{
    QList<FileLink> links;
    forEachRow(SelectLinks + u" WHERE catalog_id = ? AND cue_id = ? ORDER BY added_at_ms, path"_s,
        {cue.catalogId, cue.cueId}, [&](const QSqlQuery &row) { links.append(linkFromRow(row)); });
    std::stable_sort(links.begin(), links.end(), [](const FileLink &a, const FileLink &b) {
        if (a.isPreferred != b.isPreferred)
            return a.isPreferred;
        return formatRank(a.format) < formatRank(b.format);
    });
    return links;
}

std::optional<FileLink> FileLinkStore::preferredFile(const CueKey &cue) const
{
    const QList<FileLink> links = this->links(cue);
    if (links.isEmpty())
        return std::nullopt;
    const auto existing = std::find_if(links.cbegin(), links.cend(),
        [](const FileLink &link) { return QFileInfo::exists(link.file.path); });
    return existing != links.cend() ? *existing : links.first();
}

bool FileLinkStore::linkFile(const FileLink &link)
{
    return storeLinks({link});
}

bool FileLinkStore::unlinkFile(const CueKey &cue, const QString &path)
{
    if (!isOpen())
        return notOpen();
    QSqlQuery query(connection());
    if (!run(query, u"DELETE FROM file_links WHERE catalog_id = ? AND cue_id = ? AND path = ?"_s,
            {cue.catalogId, cue.cueId, path}))
        return writeFailed(
            tr("Unlinking “%1” from the cue %2/%3").arg(path, cue.catalogId, cue.cueId));
    if (query.numRowsAffected() > 0)
        emit linksChanged(cue);
    return true;
}

bool FileLinkStore::setPreferredFile(const CueKey &cue, const QString &path)
{
    if (!isOpen())
        return notOpen();
    SqlTransaction transaction(connection());
    const int found = transaction.isActive() ? markPreferred(cue, path) : -1;
    if (found < 0 || (found > 0 && !transaction.commit())) {
        return writeFailed(tr("The choice of “%1” as the file the cue %2/%3 plays")
                               .arg(path, cue.catalogId, cue.cueId),
            transaction.lastError());
    }
    if (found == 0)
        return refused(
            tr("“%1” is not linked to the cue %2/%3: it cannot be the file the cue plays.")
                .arg(path, cue.catalogId, cue.cueId));
    emit linksChanged(cue);
    return true;
}

bool FileLinkStore::storeLinks(const QList<FileLink> &links)
{
    if (!isOpen())
        return notOpen();
    if (links.isEmpty())
        return true;
    // One transaction for the lot: thousands of links from a scan store in milliseconds, and
    // a failure half way stores none of them.
    const QString what = links.size() == 1
        ? tr("The link of “%1” to the cue %2/%3")
              .arg(links.constFirst().file.path, links.constFirst().cue.catalogId,
                  links.constFirst().cue.cueId)
        : tr("%n audio file links", nullptr, int(links.size()));
    SqlTransaction transaction(connection());
    QSqlQuery query(connection());
    if (!transaction.isActive() || !prepare(query, UpsertLink))
        return writeFailed(what, transaction.lastError());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<CueKey> changed;
    QSet<CueKey> seen;
    for (const FileLink &link : links) {
        const AudioFileInfo &file = link.file;
        const QVariantList values
            = {link.cue.catalogId, link.cue.cueId, file.path, file.size, file.mtime, file.audioHash,
                formatOf(file.path), file.durationMs, TagsJson::toJson(file), now};
        if (!execPrepared(query, values)
            || (link.isPreferred && markPreferred(link.cue, file.path) < 0))
            return writeFailed(what);
        if (!seen.contains(link.cue)) {
            seen.insert(link.cue);
            changed.append(link.cue);
        }
    }
    if (!transaction.commit())
        return writeFailed(what, transaction.lastError());
    for (const CueKey &key : std::as_const(changed))
        emit linksChanged(key);
    return true;
}

bool FileLinkStore::relinkMovedFile(const QString &oldPath, const AudioFileInfo &file)
{
    return relinkMovedFiles({{oldPath, file}});
}

bool FileLinkStore::relinkMovedFiles(const QHash<QString, AudioFileInfo> &moves)
{
    if (!isOpen())
        return notOpen();
    if (moves.isEmpty())
        return true;
    const QString what = moves.size() == 1
        ? tr("The move of “%1” to “%2”").arg(moves.cbegin().key(), moves.cbegin()->path)
        : tr("The new places of %n moved audio files", nullptr, int(moves.size()));
    SqlTransaction transaction(connection());
    QSqlQuery select(connection());
    QSqlQuery update(connection());
    // OR REPLACE: a cue already linked to the new path keeps one link to it, preferred when
    // either link was.
    if (!transaction.isActive()
        || !prepare(select, u"SELECT catalog_id, cue_id FROM file_links WHERE path = ?"_s)
        || !prepare(update,
            u"UPDATE OR REPLACE file_links SET path = ?, size = ?, mtime_ms = ?, "
            "audio_hash = coalesce(?, ''), format = coalesce(?, ''), duration_ms = ?, "
            "tags = ?, preferred = max(preferred, coalesce((SELECT f.preferred "
            "FROM file_links f WHERE f.catalog_id = file_links.catalog_id "
            "AND f.cue_id = file_links.cue_id AND f.path = ?), 0)) WHERE path = ?"_s))
        return writeFailed(what, transaction.lastError());
    QList<CueKey> changed;
    QSet<CueKey> seen;
    for (auto move = moves.cbegin(); move != moves.cend(); ++move) {
        const AudioFileInfo &file = move.value();
        if (!execPrepared(select, {move.key()}))
            return writeFailed(what);
        while (select.next()) {
            const CueKey key = cueKeyFromRow(select);
            if (!seen.contains(key)) {
                seen.insert(key);
                changed.append(key);
            }
        }
        if (!execPrepared(update,
                {file.path, file.size, file.mtime, file.audioHash, formatOf(file.path),
                    file.durationMs, TagsJson::toJson(file), file.path, move.key()}))
            return writeFailed(what);
    }
    if (!transaction.commit())
        return writeFailed(what, transaction.lastError());
    for (const CueKey &key : std::as_const(changed))
        emit linksChanged(key);
    return true;
}

QList<FileLink> FileLinkStore::allLinks() const
{
    QList<FileLink> links;
    forEachRow(SelectLinks + u" ORDER BY catalog_id, cue_id, added_at_ms, path"_s, {},
        [&](const QSqlQuery &row) { links.append(linkFromRow(row)); });
    return links;
}

QList<AudioFileInfo> FileLinkStore::linkedFiles() const
{
    QList<AudioFileInfo> files;
    QString previous;
    forEachRow(SelectLinks + u" ORDER BY path, added_at_ms"_s, {}, [&](const QSqlQuery &row) {
        FileLink link = linkFromRow(row);
        if (files.isEmpty() || link.file.path != previous) {
            previous = link.file.path;
            files.append(std::move(link.file));
        }
    });
    return files;
}

FileState FileLinkStore::fileState(const CueKey &cue) const
{
    QStringList paths;
    forEachRow(u"SELECT path FROM file_links WHERE catalog_id = ? AND cue_id = ?"_s,
        {cue.catalogId, cue.cueId},
        [&](const QSqlQuery &row) { paths.append(row.value(0).toString()); });
    return stateOnDisk(paths);
}

QHash<CueKey, FileState> FileLinkStore::fileStates() const
{
    QHash<CueKey, FileState> states;
    forEachRow(u"SELECT DISTINCT catalog_id, cue_id FROM file_links"_s, {},
        [&](const QSqlQuery &row) { states.insert(cueKeyFromRow(row), FileState::Linked); });
    return states;
}

QHash<CueKey, QStringList> FileLinkStore::linkedPaths() const
{
    QHash<CueKey, QStringList> paths;
    forEachRow(u"SELECT catalog_id, cue_id, path FROM file_links"_s, {},
        [&](const QSqlQuery &row) { paths[cueKeyFromRow(row)].append(row.value(2).toString()); });
    return paths;
}

QHash<CueKey, FileState> FileLinkStore::fileStatesOnDisk(const QHash<CueKey, QStringList> &paths)
{
    QHash<CueKey, FileState> states;
    states.reserve(paths.size());
    for (auto it = paths.cbegin(); it != paths.cend(); ++it)
        states.insert(it.key(), stateOnDisk(it.value()));
    return states;
}

int FileLinkStore::markPreferred(const CueKey &cue, const QString &path)
{
    // Clear first: the unique index on preferred rows is checked row by row.
    QSqlQuery query(connection());
    if (!run(query,
            u"UPDATE file_links SET preferred = 0 WHERE catalog_id = ? AND cue_id = ? "
            "AND preferred = 1"_s,
            {cue.catalogId, cue.cueId})
        || !run(query,
            u"UPDATE file_links SET preferred = 1 WHERE catalog_id = ? AND cue_id = ? "
            "AND path = ?"_s,
            {cue.catalogId, cue.cueId, path}))
        return -1;
    return query.numRowsAffected();
}

FileState FileLinkStore::stateOnDisk(const QStringList &paths)
{
    if (paths.isEmpty())
        return FileState::None;
    return std::any_of(paths.cbegin(), paths.cend(),
               [](const QString &path) { return QFileInfo::exists(path); })
        ? FileState::Linked
        : FileState::Missing;
}
