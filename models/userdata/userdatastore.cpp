#include "userdata/userdatastore.h"

#include "userdata/userdatabase.h"

#include <QSqlQuery>

UserDataStore::UserDataStore(UserDatabase *database)
    : QObject(database)
    , m_database(database)
{ }

bool UserDataStore::isOpen() const
{
    return m_database->isOpen();
}

QSqlDatabase UserDataStore::connection() const
{
    return m_database->connection();
}

QString UserDataStore::filePath() const
{
    return m_database->filePath();
}

bool UserDataStore::prepare(QSqlQuery &query, const QString &sql) const
{
    if (query.prepare(sql))
        return true;
    m_sqlError = query.lastError();
    return false;
}

bool UserDataStore::run(QSqlQuery &query, const QString &sql, const QVariantList &values) const
{
    bool ok = query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    ok = ok && query.exec();
    if (!ok)
        m_sqlError = query.lastError();
    return ok;
}

bool UserDataStore::execPrepared(QSqlQuery &query, const QVariantList &values) const
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (query.exec())
        return true;
    m_sqlError = query.lastError();
    return false;
}

bool UserDataStore::forEachRow(const QString &sql, const QVariantList &values,
    const std::function<void(const QSqlQuery &)> &row) const
{
    if (!isOpen())
        return false;
    QSqlQuery query(connection());
    // Each row is read once: Qt then keeps no copy of the rows read (half the time for 500,000).
    query.setForwardOnly(true);
    if (!run(query, sql, values)) {
        readFailed();
        return false;
    }
    while (query.next())
        row(query);
    // A row that cannot be read ends the loop as the last row does.
    if (query.lastError().isValid()) {
        m_sqlError = query.lastError();
        readFailed();
        return false;
    }
    return true;
}

bool UserDataStore::notOpen() const
{
    m_database->setErrorString(tr("no user database is open"));
    return false;
}

QSqlError UserDataStore::takeError(const QSqlError &transactionError)
{
    const QSqlError error = m_sqlError.isValid() ? m_sqlError : transactionError;
    m_sqlError = QSqlError();
    if (isDamage(error))
        m_database->reportDamage(error.databaseText());
    return error;
}

QString UserDataStore::reasonOf(const QSqlError &error) const
{
    // SQLite's "attempt to write a readonly database" says less than why it is read-only.
    const QString readOnly = m_database->readOnlyReason();
    return readOnly.isEmpty() ? error.text() : readOnly;
}

bool UserDataStore::writeFailed(const QString &what, const QSqlError &transactionError)
{
    const QString reason = reasonOf(takeError(transactionError));
    m_database->reportWriteFailure(
        tr("%1 could not be saved to “%2” (%3).").arg(what, filePath(), reason));
    return false;
}

void UserDataStore::retryPendingWrites()
{
    m_database->retryPendingWrites();
}

bool UserDataStore::keptWriteFailed(const QString &what, const QSqlError &transactionError)
{
    const QString reason = reasonOf(takeError(transactionError));
    m_database->m_lastFailure = reason;
    m_database->reportKeptWrite(tr("%1 could not be saved to “%2” (%3). It is kept, with your "
                                   "later edits, and saved as soon as the file takes writes again.")
                                    .arg(what, filePath(), reason));
    return false;
}

bool UserDataStore::pendingWriteFailed(const QSqlError &transactionError)
{
    m_database->m_lastFailure = reasonOf(takeError(transactionError));
    return false;
}

void UserDataStore::pendingChanged()
{
    m_database->updatePendingState();
}

bool UserDataStore::refused(const QString &message) const
{
    m_database->setErrorString(message);
    return false;
}

void UserDataStore::readFailed() const
{
    const QString message = tr("“%1” could not be read (%2)").arg(filePath(), m_sqlError.text());
    qWarning("%s", qPrintable(message));
    m_database->setErrorString(message);
    if (isDamage(m_sqlError))
        m_database->reportDamage(m_sqlError.databaseText());
    m_sqlError = QSqlError();
}

bool UserDataStore::isDamage(const QSqlError &error)
{
    // SQLITE_CORRUPT and SQLITE_NOTADB, whatever their extended codes.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 11 || code == 26;
}

SqlTransaction::SqlTransaction(const QSqlDatabase &db)
    : m_db(db)
{
    m_active = exec(QStringLiteral("SAVEPOINT cuebook"));
}

SqlTransaction::~SqlTransaction()
{
    // Rolling back to a savepoint keeps it open: releasing it then ends the (now empty) change.
    if (m_active && exec(QStringLiteral("ROLLBACK TO cuebook")))
        exec(QStringLiteral("RELEASE cuebook"));
}

bool SqlTransaction::commit()
{
    if (!exec(QStringLiteral("RELEASE cuebook")))
        return false;
    m_active = false;
    return true;
}

bool SqlTransaction::exec(const QString &statement)
{
    QSqlQuery query(m_db);
    if (query.exec(statement))
        return true;
    m_error = query.lastError();
    return false;
}
