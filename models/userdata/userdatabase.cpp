#include "userdata/userdatabase.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// "CueB": marks the file as ours, so that another program's SQLite file is never migrated.
constexpr int ApplicationId = 0x43756542;

// Version 1: notes.
const QStringList SchemaVersion1 = {
    uR"(CREATE TABLE notes (
        catalog_id TEXT NOT NULL,
        cue_id TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at_ms INTEGER NOT NULL,
        PRIMARY KEY (catalog_id, cue_id)
    ) WITHOUT ROWID)"_s,
    u"PRAGMA application_id = %1"_s.arg(ApplicationId),
};

// Version 2: audio files linked to cues, and what scans of music folders found. A file's tags
// are one JSON object (tagsText), so that reading more of them needs no new columns.
const QStringList SchemaVersion2 = {
    uR"(CREATE TABLE file_links (
        catalog_id TEXT NOT NULL,
        cue_id TEXT NOT NULL,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        audio_hash TEXT NOT NULL,
        format TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        tags TEXT NOT NULL,
        added_at_ms INTEGER NOT NULL,
        preferred INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),
        PRIMARY KEY (catalog_id, cue_id, path)
    ) WITHOUT ROWID)"_s,
    u"CREATE INDEX file_links_by_path ON file_links (path)"_s,
    uR"(CREATE UNIQUE INDEX file_links_one_preferred ON file_links (catalog_id, cue_id)
        WHERE preferred = 1)"_s,
    uR"(CREATE TABLE scan_folders (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        scanned_at_ms INTEGER NOT NULL
    ))"_s,
    uR"(CREATE TABLE known_files (
        folder_id INTEGER NOT NULL REFERENCES scan_folders (id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        folder TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        audio_hash TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        tags TEXT NOT NULL,
        readable INTEGER NOT NULL CHECK (readable IN (0, 1)),
        unreadable_reason TEXT NOT NULL,
        PRIMARY KEY (folder_id, path)
    ) WITHOUT ROWID)"_s,
};

// Version 3: a cover image the user chose for a release, in place of the drawn one.
const QStringList SchemaVersion3 = {
    uR"(CREATE TABLE release_covers (
        catalog_id TEXT NOT NULL,
        release_id TEXT NOT NULL,
        path TEXT NOT NULL,
        PRIMARY KEY (catalog_id, release_id)
    ) WITHOUT ROWID)"_s,
};

// Every text bound through this is coalesced: Qt binds a null QString as NULL.
const QString UpsertLink = uR"(INSERT INTO file_links (catalog_id, cue_id, path, size, mtime_ms,
        audio_hash, format, duration_ms, tags, added_at_ms)
    VALUES (?, ?, ?, ?, ?, coalesce(?, ''), coalesce(?, ''), ?, ?, ?)
    ON CONFLICT (catalog_id, cue_id, path) DO UPDATE SET size = excluded.size,
        mtime_ms = excluded.mtime_ms, audio_hash = excluded.audio_hash,
        format = excluded.format, duration_ms = excluded.duration_ms, tags = excluded.tags)"_s;

const QString SelectLinks = uR"(SELECT catalog_id, cue_id, path, size, mtime_ms, audio_hash,
    format, duration_ms, tags, added_at_ms, preferred FROM file_links)"_s;

const QString InsertKnownFile = uR"sql(INSERT OR REPLACE INTO known_files (folder_id, path, folder,
        file_name, size, mtime_ms, audio_hash, duration_ms, tags, readable, unreadable_reason)
    VALUES (?, ?, coalesce(?, ''), coalesce(?, ''), ?, ?, coalesce(?, ''), ?, ?, ?,
        coalesce(?, ''))
)sql"_s;

const QString SelectKnownFiles = uR"(SELECT k.path, k.folder, k.file_name, k.size, k.mtime_ms,
        k.audio_hash, k.duration_ms, k.tags, k.readable, k.unreadable_reason
    FROM known_files k JOIN scan_folders f ON f.id = k.folder_id WHERE f.path = ?)"_s;

// The tags of a file as one JSON object, leaving out what it lacks.
QString tagsText(const AudioFileInfo &file)
{
    QJsonObject tags;
    const auto text = [&tags](const QString &key, const QString &value) {
        if (!value.isEmpty())
            tags.insert(key, value);
    };
    const auto number = [&tags](const QString &key, int value) {
        if (value != 0)
            tags.insert(key, value);
    };
    text(u"title"_s, file.title);
    text(u"album"_s, file.album);
    text(u"albumArtist"_s, file.albumArtist);
    text(u"artist"_s, file.artist);
    text(u"composer"_s, file.composer);
    number(u"trackNumber"_s, file.trackNumber);
    number(u"trackTotal"_s, file.trackTotal);
    number(u"discNumber"_s, file.discNumber);
    return QString::fromUtf8(QJsonDocument(tags).toJson(QJsonDocument::Compact));
}

void readTags(AudioFileInfo &file, const QString &text)
{
    const QJsonObject tags = QJsonDocument::fromJson(text.toUtf8()).object();
    file.title = tags.value(u"title"_s).toString();
    file.album = tags.value(u"album"_s).toString();
    file.albumArtist = tags.value(u"albumArtist"_s).toString();
    file.artist = tags.value(u"artist"_s).toString();
    file.composer = tags.value(u"composer"_s).toString();
    file.trackNumber = tags.value(u"trackNumber"_s).toInt();
    file.trackTotal = tags.value(u"trackTotal"_s).toInt();
    file.discNumber = tags.value(u"discNumber"_s).toInt();
}

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
    readTags(file, query.value(8).toString());
    link.addedAt = QDateTime::fromMSecsSinceEpoch(query.value(9).toLongLong());
    link.isPreferred = query.value(10).toBool();
    return link;
}

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
    readTags(file, query.value(7).toString());
    file.readable = query.value(8).toBool();
    file.unreadableReason = query.value(9).toString();
    return file;
}

CueKey cueKeyFromRow(const QSqlQuery &query)
{
    return {query.value(0).toString(), query.value(1).toString()};
}

QString cleanFolder(const QString &folder)
{
    return QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
}

// Rolls back unless committed, so that every early return leaves the file as it was.
class Transaction
{
public:
    explicit Transaction(const QSqlDatabase &db)
        : m_db(db)
        , m_active(m_db.transaction())
    { }
    ~Transaction()
    {
        if (m_active)
            m_db.rollback();
    }
    bool isActive() const { return m_active; }
    bool commit()
    {
        if (!m_db.commit())
            return false;
        m_active = false;
        return true;
    }
    QSqlError lastError() const { return m_db.lastError(); }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace

UserDatabase::UserDatabase(QObject *parent)
    : QObject(parent)
{
    static QAtomicInteger<quint64> instances;
    m_connectionName = u"cuebook-userdata-%1"_s.arg(instances.fetchAndAddRelaxed(1));
    QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
}

UserDatabase::~UserDatabase()
{
    close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString UserDatabase::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + u"/userdata.sqlite"_s;
}

bool UserDatabase::open(const QString &path)
{
    close();
    m_errorString.clear();
    if (!openChecked(path)) {
        database().close();
        return false;
    }
    m_open = true;
    return true;
}

void UserDatabase::close()
{
    database().close();
    m_open = false;
    m_path.clear();
}

bool UserDatabase::openChecked(const QString &path)
{
    QSqlDatabase db = database();
    if (!db.isValid()) {
        m_errorString = tr("Qt's SQLite driver is missing (install libqt6sql6-sqlite)");
        return false;
    }
    const QFileInfo info(path);
    if (info.isDir()) {
        m_errorString = tr("“%1” is a folder, not a database file").arg(path);
        return false;
    }
    if (!QDir().mkpath(info.absolutePath())) {
        m_errorString = tr("the folder “%1” could not be created").arg(info.absolutePath());
        return false;
    }
    m_path = path;
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        m_errorString = tr("“%1” could not be opened (%2)").arg(path, db.lastError().text());
        return false;
    }

    // Only reads until the file is known to be ours, whole, and not from a newer Cuebook:
    // journal_mode=WAL and the migration are the first writes.
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next()) {
        m_errorString = tr("“%1” is not a database, or is damaged (%2)")
                            .arg(path, query.lastError().databaseText());
        return false;
    }
    const int version = query.value(0).toInt();
    if (version > SchemaVersion) {
        m_errorString = tr("“%1” was written by a newer version of Cuebook (data version %2; "
                           "this version reads up to %3)")
                            .arg(path)
                            .arg(version)
                            .arg(SchemaVersion);
        return false;
    }
    int applicationId = 0;
    int tableCount = 0;
    if (query.exec(u"PRAGMA application_id"_s) && query.next())
        applicationId = query.value(0).toInt();
    if (query.exec(u"SELECT count(*) FROM sqlite_schema"_s) && query.next())
        tableCount = query.value(0).toInt();
    if (applicationId != ApplicationId && (applicationId != 0 || tableCount > 0)) {
        m_errorString = tr("“%1” is another program's database, not Cuebook's").arg(path);
        return false;
    }
    if (!query.exec(u"PRAGMA quick_check"_s) || !query.next()
        || query.value(0).toString() != u"ok"_s) {
        const QString reason
            = query.isActive() ? query.value(0).toString() : query.lastError().databaseText();
        m_errorString = tr("“%1” is damaged (%2)").arg(path, reason);
        return false;
    }
    query.finish();
    return configure() && (version == SchemaVersion || migrate(version));
}

bool UserDatabase::configure()
{
    QSqlQuery query(database());
    // WAL: readers never wait for the writer, and synchronous=NORMAL is then safe against
    // application crashes (only a power cut can lose the last commit).
    if (!query.exec(u"PRAGMA journal_mode = WAL"_s) || !query.next()) {
        m_errorString
            = tr("“%1” could not be set up (%2)").arg(m_path, query.lastError().databaseText());
        return false;
    }
    // Some network file systems cannot share memory; SQLite then keeps its rollback journal,
    // which is slower but just as safe.
    if (query.value(0).toString() != u"wal"_s)
        qWarning("%s: journal mode %s, not WAL", qPrintable(m_path),
            qPrintable(query.value(0).toString()));
    if (!query.exec(u"PRAGMA synchronous = NORMAL"_s)
        || !query.exec(u"PRAGMA foreign_keys = ON"_s)) {
        m_errorString
            = tr("“%1” could not be set up (%2)").arg(m_path, query.lastError().databaseText());
        return false;
    }
    return true;
}

bool UserDatabase::migrate(int fromVersion)
{
    // All steps in one transaction: a failure leaves the file at fromVersion.
    const QSqlDatabase db = database();
    Transaction transaction(db);
    bool ok = transaction.isActive();
    for (int version = fromVersion; ok && version < SchemaVersion; ++version) {
        switch (version) {
        case 0:
            ok = execAll(SchemaVersion1);
            break;
        case 1:
            ok = execAll(SchemaVersion2);
            break;
        case 2:
            ok = execAll(SchemaVersion3);
            break;
        }
    }
    ok = ok && execAll({u"PRAGMA user_version = %1"_s.arg(SchemaVersion)}) && transaction.commit();
    if (!ok) {
        m_errorString
            = tr("“%1” could not be upgraded from data version %2 (%3)")
                  .arg(db.databaseName())
                  .arg(fromVersion)
                  .arg(m_errorString.isEmpty() ? transaction.lastError().text() : m_errorString);
    }
    return ok;
}

bool UserDatabase::execAll(const QStringList &statements)
{
    QSqlQuery query(database());
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            m_errorString = query.lastError().text();
            return false;
        }
    }
    return true;
}

QString UserDatabase::note(const CueKey &cue) const
{
    QString body;
    forEachRow(u"SELECT body FROM notes WHERE catalog_id = ? AND cue_id = ?"_s,
        {cue.catalogId, cue.cueId}, [&](const QSqlQuery &row) { body = row.value(0).toString(); });
    return body;
}

bool UserDatabase::setNote(const CueKey &cue, const QString &text)
{
    if (!m_open)
        return notOpen();
    if (note(cue) == text)
        return true;
    QSqlQuery query(database());
    const bool ok = text.isEmpty()
        ? run(query, u"DELETE FROM notes WHERE catalog_id = ? AND cue_id = ?"_s,
            {cue.catalogId, cue.cueId})
        : run(query,
            u"INSERT INTO notes (catalog_id, cue_id, body, updated_at_ms) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (catalog_id, cue_id) DO UPDATE SET body = excluded.body, "
            "updated_at_ms = excluded.updated_at_ms"_s,
            {cue.catalogId, cue.cueId, text, QDateTime::currentMSecsSinceEpoch()});
    if (!ok)
        return writeFailed();
    emit noteChanged(cue);
    return true;
}

QString UserDatabase::releaseCover(const QString &catalogId, const QString &releaseId) const
{
    QString path;
    forEachRow(u"SELECT path FROM release_covers WHERE catalog_id = ? AND release_id = ?"_s,
        {catalogId, releaseId}, [&](const QSqlQuery &row) { path = row.value(0).toString(); });
    return path;
}

bool UserDatabase::setReleaseCover(
    const QString &catalogId, const QString &releaseId, const QString &path)
{
    if (!m_open)
        return notOpen();
    QSqlQuery query(database());
    const bool ok = path.isEmpty()
        ? run(query, u"DELETE FROM release_covers WHERE catalog_id = ? AND release_id = ?"_s,
            {catalogId, releaseId})
        : run(query,
            u"INSERT INTO release_covers (catalog_id, release_id, path) VALUES (?, ?, ?) "
            "ON CONFLICT (catalog_id, release_id) DO UPDATE SET path = excluded.path"_s,
            {catalogId, releaseId, path});
    if (!ok)
        return writeFailed();
    emit releaseCoverChanged(catalogId, releaseId);
    return true;
}

QList<CueKey> UserDatabase::cuesWithNotes() const
{
    QList<CueKey> keys;
    forEachRow(u"SELECT catalog_id, cue_id FROM notes ORDER BY catalog_id, cue_id"_s, {},
        [&](const QSqlQuery &row) { keys.append(cueKeyFromRow(row)); });
    return keys;
}

QList<FileLink> UserDatabase::fileLinks(const CueKey &cue) const
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

std::optional<FileLink> UserDatabase::preferredFile(const CueKey &cue) const
{
    const QList<FileLink> links = fileLinks(cue);
    if (links.isEmpty())
        return std::nullopt;
    const auto existing = std::find_if(links.cbegin(), links.cend(),
        [](const FileLink &link) { return QFileInfo::exists(link.file.path); });
    return existing != links.cend() ? *existing : links.first();
}

bool UserDatabase::linkFile(const FileLink &link)
{
    return storeLinks({link});
}

bool UserDatabase::unlinkFile(const CueKey &cue, const QString &path)
{
    if (!m_open)
        return notOpen();
    QSqlQuery query(database());
    if (!run(query, u"DELETE FROM file_links WHERE catalog_id = ? AND cue_id = ? AND path = ?"_s,
            {cue.catalogId, cue.cueId, path}))
        return writeFailed();
    if (query.numRowsAffected() > 0)
        emit fileLinksChanged(cue);
    return true;
}

bool UserDatabase::setPreferredFile(const CueKey &cue, const QString &path)
{
    if (!m_open)
        return notOpen();
    Transaction transaction(database());
    const int found = transaction.isActive() ? markPreferred(cue, path) : -1;
    if (found < 0 || (found > 0 && !transaction.commit()))
        return writeFailed(transaction.lastError());
    if (found == 0) {
        m_errorString = tr("“%1” is not linked to that cue").arg(path);
        return false;
    }
    emit fileLinksChanged(cue);
    return true;
}

bool UserDatabase::storeLinks(const QList<FileLink> &links)
{
    if (!m_open)
        return notOpen();
    if (links.isEmpty())
        return true;
    // One transaction for the lot: thousands of links from a scan store in milliseconds, and
    // a failure half way stores none of them.
    Transaction transaction(database());
    QSqlQuery query(database());
    if (!transaction.isActive() || !prepare(query, UpsertLink))
        return writeFailed(transaction.lastError());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<CueKey> changed;
    QSet<CueKey> seen;
    for (const FileLink &link : links) {
        const AudioFileInfo &file = link.file;
        const QVariantList values = {link.cue.catalogId, link.cue.cueId, file.path, file.size,
            file.mtime, file.audioHash, formatOf(file.path), file.durationMs, tagsText(file), now};
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        if (!query.exec()) {
            m_sqlError = query.lastError();
            return writeFailed();
        }
        if (link.isPreferred && markPreferred(link.cue, file.path) < 0)
            return writeFailed();
        if (!seen.contains(link.cue)) {
            seen.insert(link.cue);
            changed.append(link.cue);
        }
    }
    if (!transaction.commit())
        return writeFailed(transaction.lastError());
    for (const CueKey &key : std::as_const(changed))
        emit fileLinksChanged(key);
    return true;
}

bool UserDatabase::relinkMovedFile(const QString &oldPath, const AudioFileInfo &file)
{
    if (!m_open)
        return notOpen();
    Transaction transaction(database());
    QSqlQuery query(database());
    if (!transaction.isActive()
        || !run(query, u"SELECT catalog_id, cue_id FROM file_links WHERE path = ?"_s, {oldPath}))
        return writeFailed(transaction.lastError());
    QList<CueKey> changed;
    while (query.next())
        changed.append(cueKeyFromRow(query));
    // OR REPLACE: a cue already linked to the new path keeps one link to it.
    if (!run(query,
            u"UPDATE OR REPLACE file_links SET path = ?, size = ?, mtime_ms = ?, "
            "audio_hash = coalesce(?, ''), format = coalesce(?, ''), duration_ms = ?, tags = ? "
            "WHERE path = ?"_s,
            {file.path, file.size, file.mtime, file.audioHash, formatOf(file.path), file.durationMs,
                tagsText(file), oldPath})
        || !transaction.commit())
        return writeFailed(transaction.lastError());
    for (const CueKey &key : std::as_const(changed))
        emit fileLinksChanged(key);
    return true;
}

QList<FileLink> UserDatabase::allFileLinks() const
{
    QList<FileLink> links;
    forEachRow(SelectLinks + u" ORDER BY catalog_id, cue_id, added_at_ms, path"_s, {},
        [&](const QSqlQuery &row) { links.append(linkFromRow(row)); });
    return links;
}

FileState UserDatabase::fileState(const CueKey &cue) const
{
    QStringList paths;
    forEachRow(u"SELECT path FROM file_links WHERE catalog_id = ? AND cue_id = ?"_s,
        {cue.catalogId, cue.cueId},
        [&](const QSqlQuery &row) { paths.append(row.value(0).toString()); });
    return stateOnDisk(paths);
}

QHash<CueKey, FileState> UserDatabase::fileStates() const
{
    QHash<CueKey, FileState> states;
    forEachRow(u"SELECT DISTINCT catalog_id, cue_id FROM file_links"_s, {},
        [&](const QSqlQuery &row) { states.insert(cueKeyFromRow(row), FileState::Linked); });
    return states;
}

QHash<CueKey, QStringList> UserDatabase::linkedPaths() const
{
    QHash<CueKey, QStringList> paths;
    forEachRow(u"SELECT catalog_id, cue_id, path FROM file_links"_s, {},
        [&](const QSqlQuery &row) { paths[cueKeyFromRow(row)].append(row.value(2).toString()); });
    return paths;
}

QHash<CueKey, FileState> UserDatabase::fileStatesOnDisk(const QHash<CueKey, QStringList> &paths)
{
    QHash<CueKey, FileState> states;
    states.reserve(paths.size());
    for (auto it = paths.cbegin(); it != paths.cend(); ++it)
        states.insert(it.key(), stateOnDisk(it.value()));
    return states;
}

QStringList UserDatabase::scanFolders() const
{
    QStringList folders;
    forEachRow(u"SELECT path FROM scan_folders ORDER BY path"_s, {},
        [&](const QSqlQuery &row) { folders.append(row.value(0).toString()); });
    return folders;
}

QHash<QString, AudioFileInfo> UserDatabase::knownFiles(const QString &folder) const
{
    QHash<QString, AudioFileInfo> files;
    forEachRow(SelectKnownFiles, {cleanFolder(folder)}, [&](const QSqlQuery &row) {
        AudioFileInfo file = knownFileFromRow(row);
        files.insert(file.path, file);
    });
    return files;
}

bool UserDatabase::storeKnownFiles(const QString &folder, const QList<AudioFileInfo> &files)
{
    if (!m_open)
        return notOpen();
    const QString folderPath = cleanFolder(folder);
    Transaction transaction(database());
    QSqlQuery query(database());
    if (!transaction.isActive()
        || !run(query,
            u"INSERT INTO scan_folders (path, scanned_at_ms) VALUES (?, ?) ON CONFLICT (path) "
            "DO UPDATE SET scanned_at_ms = excluded.scanned_at_ms"_s,
            {folderPath, QDateTime::currentMSecsSinceEpoch()})
        || !run(query, u"SELECT id FROM scan_folders WHERE path = ?"_s, {folderPath})
        || !query.next())
        return writeFailed(transaction.lastError());
    const qint64 folderId = query.value(0).toLongLong();
    if (!run(query, u"DELETE FROM known_files WHERE folder_id = ?"_s, {folderId})
        || !prepare(query, InsertKnownFile))
        return writeFailed();
    for (const AudioFileInfo &file : files) {
        const QVariantList values = {folderId, file.path, file.folder, file.fileName, file.size,
            file.mtime, file.audioHash, file.durationMs, tagsText(file), file.readable,
            file.unreadableReason};
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        if (!query.exec()) {
            m_sqlError = query.lastError();
            return writeFailed();
        }
    }
    if (!transaction.commit())
        return writeFailed(transaction.lastError());
    return true;
}

bool UserDatabase::removeScanFolder(const QString &folder)
{
    if (!m_open)
        return notOpen();
    // known_files go with it (ON DELETE CASCADE; foreign_keys is on).
    QSqlQuery query(database());
    if (!run(query, u"DELETE FROM scan_folders WHERE path = ?"_s, {cleanFolder(folder)}))
        return writeFailed();
    return true;
}

QSqlDatabase UserDatabase::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool UserDatabase::prepare(QSqlQuery &query, const QString &sql) const
{
    if (query.prepare(sql))
        return true;
    m_sqlError = query.lastError();
    return false;
}

bool UserDatabase::run(QSqlQuery &query, const QString &sql, const QVariantList &values) const
{
    bool ok = query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    ok = ok && query.exec();
    if (!ok)
        m_sqlError = query.lastError();
    return ok;
}

bool UserDatabase::forEachRow(const QString &sql, const QVariantList &values,
    const std::function<void(const QSqlQuery &)> &row) const
{
    if (!m_open)
        return false;
    QSqlQuery query(database());
    if (!run(query, sql, values)) {
        readFailed();
        return false;
    }
    while (query.next())
        row(query);
    return true;
}

int UserDatabase::markPreferred(const CueKey &cue, const QString &path)
{
    // Clear first: the unique index on preferred rows is checked row by row.
    QSqlQuery query(database());
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

bool UserDatabase::notOpen()
{
    m_errorString = tr("no user database is open");
    return false;
}

bool UserDatabase::writeFailed(const QSqlError &transactionError)
{
    const QSqlError error = m_sqlError.isValid() ? m_sqlError : transactionError;
    m_sqlError = QSqlError();
    m_errorString = tr("a change could not be saved to “%1” (%2)").arg(m_path, error.text());
    emit errorOccurred(m_errorString);
    return false;
}

void UserDatabase::readFailed() const
{
    m_errorString = tr("“%1” could not be read (%2)").arg(m_path, m_sqlError.text());
    m_sqlError = QSqlError();
    qWarning("%s", qPrintable(m_errorString));
}

FileState UserDatabase::stateOnDisk(const QStringList &paths)
{
    if (paths.isEmpty())
        return FileState::None;
    return std::any_of(paths.cbegin(), paths.cend(),
               [](const QString &path) { return QFileInfo::exists(path); })
        ? FileState::Linked
        : FileState::Missing;
}
