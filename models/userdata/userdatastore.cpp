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
    return true;
}

bool UserDataStore::notOpen() const
{
    m_database->setErrorString(tr("no user database is open"));
    return false;
}

bool UserDataStore::writeFailed(const QString &what, const QSqlError &transactionError)
{
    const QSqlError error = m_sqlError.isValid() ? m_sqlError : transactionError;
    m_sqlError = QSqlError();
    m_database->reportWriteFailure(
        tr("%1 could not be saved to “%2” (%3).").arg(what, filePath(), error.text()));
    return false;
}

bool UserDataStore::refused(const QString &message) const
{
    m_database->setErrorString(message);
    return false;
}

void UserDataStore::readFailed() const
{
    m_database->setErrorString(
        tr("“%1” could not be read (%2)").arg(filePath(), m_sqlError.text()));
    m_sqlError = QSqlError();
    qWarning("%s", qPrintable(m_database->errorString()));
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
