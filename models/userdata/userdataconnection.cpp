#include "userdata/userdataconnection.h"

#include "userdata/databasefile.h"
#include "userdata/userdataschema.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// SQLite's primary result codes that say what became of a statement.
enum SqliteCode {
    SqlitePerm = 3,
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoErr = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteAuth = 23,
    SqliteNotADb = 26,
};

int primaryCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt() & 0xff;
}

// A write that failed on the disk rather than in SQL: the file may take it later.
bool isDiskFailure(const QSqlError &error)
{
    const int code = primaryCode(error);
    return code == SqliteFull || code == SqliteIoErr || code == SqliteReadOnly
        || code == SqliteCantOpen || code == SqlitePerm;
}

UserDatabase::OpenFailure failureOf(const QSqlError &error)
{
    switch (primaryCode(error)) {
    case SqliteBusy:
    case SqliteLocked:
        return UserDatabase::OpenFailure::InUse;
    case SqliteCorrupt:
    case SqliteNotADb:
        return UserDatabase::OpenFailure::Damaged;
    case SqlitePerm:
    case SqliteAuth:
    case SqliteIoErr:
    case SqliteCantOpen:
    case SqliteReadOnly:
        return UserDatabase::OpenFailure::Unreadable;
    default:
        return UserDatabase::OpenFailure::Unusable;
    }
}

} // namespace

QSqlDatabase UserDataConnection::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool UserDataConnection::open(const QString &path)
{
    const DatabaseFile file(path);
    if (file.isWritable())
        return open(path, Access::Writable);
    const QFileInfo info(path);
    const bool exists = info.exists();
    m_readOnlyReason = exists && QFileInfo(info.absolutePath()).isWritable()
        ? tr("the file is read-only")
        : tr("the folder “%1” cannot be written to").arg(info.absolutePath());
    return open(path, exists ? Access::ReadOnlyFile : Access::NoFile);
}

void UserDataConnection::close()
{
    database().close();
}

bool UserDataConnection::open(const QString &path, Access access)
{
    m_failure = UserDatabase::OpenFailure::None;
    m_errorString.clear();
    QSqlDatabase db = database();
    if (!db.isValid()) {
        return fail(UserDatabase::OpenFailure::Unusable,
            tr("Qt's SQLite driver is missing (install libqt6sql6-sqlite)"));
    }
    const QFileInfo info(path);
    if (info.isDir()) {
        return fail(UserDatabase::OpenFailure::Unusable,
            tr("“%1” is a folder, not a database file").arg(path));
    }
    if (access == Access::Writable && !QDir().mkpath(info.absolutePath())) {
        return fail(UserDatabase::OpenFailure::Unusable,
            tr("the folder “%1” could not be created").arg(info.absolutePath()));
    }
    m_path = path;
    m_access = access;
    // A file with something in it is checked through a connection that cannot write: SQLite
    // would otherwise copy a log into a file not yet found whole, or empty the log when the
    // connection closes.
    const bool checkFirst = access == Access::Writable && info.size() > 0;
    if (!openConnection(access, checkFirst))
        return failWith(db.lastError());
    if (access == Access::NoFile) {
        QSqlQuery query(db);
        if (UserDataSchema::upgrade(db, 0, &m_setupError)
            && query.exec(u"PRAGMA query_only = ON"_s))
            return true;
        return fail(UserDatabase::OpenFailure::Unusable,
            tr("no stand-in could be made for “%1” (%2)").arg(path, m_setupError.text()));
    }

    int version = 0;
    if (!checkFile(version))
        return false;
    if (access == Access::ReadOnlyFile)
        return true;
    if (checkFirst && !openConnection(access, false))
        return failWith(db.lastError());
    m_setupError = QSqlError();
    if (configure()
        && (version == UserDataSchema::Version
            || UserDataSchema::upgrade(db, version, &m_setupError))) {
        return true;
    }
    if (m_errorString.isEmpty()) {
        m_errorString = tr("“%1” could not be upgraded from data version %2 (%3)")
                            .arg(path)
                            .arg(version)
                            .arg(m_setupError.text());
    }
    // A disk that takes no writes leaves the file as it is: it is read as it is, or stood in for
    // when new, and edits wait in memory until the disk takes them. A file that needs an
    // upgrade is refused instead: this version cannot read it as it is.
    if (!isDiskFailure(m_setupError) || (version != UserDataSchema::Version && version != 0)) {
        m_failure = UserDatabase::OpenFailure::Unusable;
        return false;
    }
    m_readOnlyReason = m_setupError.databaseText();
    return open(path, version == 0 ? Access::NoFile : Access::ReadOnlyFile);
}

bool UserDataConnection::openConnection(Access access, bool readOnly)
{
    QSqlDatabase db = database();
    db.close();
    if (access == Access::Writable) {
        db.setDatabaseName(m_path);
        db.setConnectOptions(readOnly ? u"QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"_s
                                      : u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    } else if (access == Access::ReadOnlyFile) {
        // Immutable: SQLite cannot make the shared memory of a write-ahead log in a folder it
        // cannot write, and nothing writes the file while its folder refuses writes.
        db.setDatabaseName(
            QUrl::fromLocalFile(m_path).toString(QUrl::FullyEncoded) + u"?immutable=1"_s);
        db.setConnectOptions(u"QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY"_s);
    } else {
        db.setDatabaseName(u":memory:"_s);
        db.setConnectOptions(QString());
    }
    return db.open();
}

// Only reads until the file is known to be ours, whole, and not from a newer Cuebook:
// journal_mode=WAL and the upgrade are the first writes.
bool UserDataConnection::checkFile(int &version)
{
    const DatabaseFile file(m_path);
    if (const QString fault = file.headerFault(); !fault.isEmpty())
        return fail(
            UserDatabase::OpenFailure::Damaged, tr("“%1” is damaged (%2)").arg(m_path, fault));
    QSqlQuery query(database());
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return failWith(query.lastError());
    version = query.value(0).toInt();
    if (version > UserDataSchema::Version) {
        return fail(UserDatabase::OpenFailure::Newer,
            tr("“%1” was written by a newer version of Cuebook (data version %2; "
               "this version reads up to %3)")
                .arg(m_path)
                .arg(version)
                .arg(UserDataSchema::Version));
    }
    if (!query.exec(u"PRAGMA application_id"_s) || !query.next())
        return failWith(query.lastError());
    const int applicationId = query.value(0).toInt();
    if (!query.exec(u"SELECT count(*) FROM sqlite_schema"_s) || !query.next())
        return failWith(query.lastError());
    const int tableCount = query.value(0).toInt();
    if (applicationId != UserDataSchema::ApplicationId && (applicationId != 0 || tableCount > 0)) {
        return fail(UserDatabase::OpenFailure::Foreign,
            tr("“%1” is another program's database, not Cuebook's").arg(m_path));
    }
    // The whole file is read only when SQLite found damage in it before: reading all of it at
    // each start would take seconds for a large one.
    if (const QString noted = file.damageNote(); !noted.isEmpty()) {
        if (!query.exec(u"PRAGMA quick_check"_s) || !query.next())
            return failWith(query.lastError());
        if (query.value(0).toString() != u"ok"_s) {
            return fail(UserDatabase::OpenFailure::Damaged,
                tr("“%1” is damaged (%2)").arg(m_path, query.value(0).toString()));
        }
        if (m_access == Access::Writable)
            file.removeDamageNote();
    }
    query.finish();
    return checkStructure();
}

// The first page of every table: what a damaged or zeroed stretch of the file most often hits,
// at the cost of a few page reads, whatever the size of the file.
bool UserDataConnection::checkStructure()
{
    QSqlQuery query(database());
    QStringList tables;
    if (!query.exec(u"SELECT name FROM sqlite_schema WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"_s)) {
        return failWith(query.lastError());
    }
    while (query.next())
        tables.append(query.value(0).toString());
    if (query.lastError().isValid())
        return failWith(query.lastError());
    for (const QString &table : std::as_const(tables)) {
        if (query.exec(u"SELECT * FROM \"%1\" LIMIT 1"_s.arg(table))) {
            query.next();
            if (!query.lastError().isValid())
                continue;
        }
        return failWith(query.lastError());
    }
    return true;
}

bool UserDataConnection::configure()
{
    QSqlQuery query(database());
    const auto failed = [&] {
        m_setupError = query.lastError();
        m_errorString
            = tr("“%1” could not be set up (%2)").arg(m_path, query.lastError().databaseText());
        return false;
    };
    // WAL: readers never wait for the writer, and synchronous=NORMAL is then safe against
    // application crashes (only a power cut can lose the last commit).
    if (!query.exec(u"PRAGMA journal_mode = WAL"_s) || !query.next())
        return failed();
    // Some network file systems cannot share memory; SQLite then keeps its rollback journal,
    // which is slower but just as safe.
    if (query.value(0).toString() != u"wal"_s)
        qWarning("%s: journal mode %s, not WAL", qPrintable(m_path),
            qPrintable(query.value(0).toString()));
    if (!query.exec(u"PRAGMA synchronous = NORMAL"_s) || !query.exec(u"PRAGMA foreign_keys = ON"_s))
        return failed();
    return true;
}

bool UserDataConnection::fail(UserDatabase::OpenFailure failure, const QString &message)
{
    m_failure = failure;
    m_errorString = message;
    return false;
}

bool UserDataConnection::failWith(const QSqlError &error)
{
    const UserDatabase::OpenFailure failure = failureOf(error);
    const QString reason = error.databaseText();
    switch (failure) {
    case UserDatabase::OpenFailure::InUse:
        return fail(failure,
            tr("“%1” is in use by another program; is Cuebook running already? (%2)")
                .arg(m_path, reason));
    case UserDatabase::OpenFailure::Damaged:
        return fail(failure, tr("“%1” is not a database, or is damaged (%2)").arg(m_path, reason));
    case UserDatabase::OpenFailure::Unreadable:
        return fail(failure, tr("“%1” cannot be read (%2)").arg(m_path, reason));
    default:
        return fail(failure, tr("“%1” could not be opened (%2)").arg(m_path, reason));
    }
}
