#include "userdata/userdatabase.h"

#include "userdata/coverstore.h"
#include "userdata/filelinkstore.h"
#include "userdata/markerstore.h"
#include "userdata/notestore.h"
#include "userdata/scancachestore.h"
#include "userdata/userdatastore.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

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

// Version 4: markers on cues, each with an id that stays with it through exports and imports.
// A marker's theme is one of its catalog's; NULL end_ms marks a point in time.
const QStringList SchemaVersion4 = {
    uR"(CREATE TABLE markers (
        id TEXT PRIMARY KEY,
        catalog_id TEXT NOT NULL,
        cue_id TEXT NOT NULL,
        start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
        end_ms INTEGER CHECK (end_ms IS NULL OR end_ms >= start_ms),
        label TEXT NOT NULL,
        theme_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL
    ) WITHOUT ROWID)"_s,
    u"CREATE INDEX markers_by_cue ON markers (catalog_id, cue_id, start_ms)"_s,
    u"CREATE INDEX markers_by_theme ON markers (catalog_id, theme_id) WHERE theme_id != ''"_s,
};

} // namespace

UserDatabase::UserDatabase(QObject *parent)
    : QObject(parent)
{
    static QAtomicInteger<quint64> instances;
    m_connectionName = u"cuebook-userdata-%1"_s.arg(instances.fetchAndAddRelaxed(1));
    QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_notes = new NoteStore(this);
    m_fileLinks = new FileLinkStore(this);
    m_scanCache = new ScanCacheStore(this);
    m_covers = new CoverStore(this);
    m_markers = new MarkerStore(this);
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
        connection().close();
        return false;
    }
    m_open = true;
    return true;
}

void UserDatabase::close()
{
    connection().close();
    m_open = false;
    m_path.clear();
}

bool UserDatabase::openChecked(const QString &path)
{
    QSqlDatabase db = connection();
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
    QSqlQuery query(connection());
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
    const QSqlDatabase db = connection();
    SqlTransaction transaction(db);
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
        case 3:
            ok = execAll(SchemaVersion4);
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
    QSqlQuery query(connection());
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            m_errorString = query.lastError().text();
            return false;
        }
    }
    return true;
}

QSqlDatabase UserDatabase::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool UserDatabase::writeTogether(const QString &what, const std::function<bool()> &writes)
{
    if (!m_open) {
        m_errorString = tr("no user database is open");
        return false;
    }
    SqlTransaction transaction(connection());
    if (transaction.isActive() && !writes())
        return false;
    if (!transaction.isActive() || !transaction.commit()) {
        reportWriteFailure(tr("%1 could not be saved to “%2” (%3).")
                               .arg(what, m_path, transaction.lastError().text()));
        return false;
    }
    return true;
}

void UserDatabase::reportWriteFailure(const QString &message)
{
    m_errorString = message;
    emit errorOccurred(message);
}
