#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>

class QSqlQuery;
class UserDatabase;

// What every store of a UserDatabase shares: the database's connection, running SQL on it,
// and the one way a failed write reaches the user (UserDatabase::errorOccurred). A store either
// refuses a failed write (returns false and tells it) or keeps it in memory until the file takes
// it (the overrides below). A store is made and owned by its UserDatabase and lives as long as it.
class UserDataStore : public QObject
{
    Q_OBJECT

public:
    // Edits this store keeps in memory because their writes failed.
    virtual bool hasPendingWrites() const { return false; }
    // One line for each, naming it: "The note on the cue x/y".
    virtual QStringList pendingWrites() const { return {}; }

protected:
    // UserDatabase retries and discards the edits kept in memory.
    friend class UserDatabase;

    explicit UserDataStore(UserDatabase *database);

    // Writes the edits kept in memory, all in one transaction, without telling a failure (the
    // user was told when they first failed).
    virtual bool writePending() { return true; }
    // Forgets them: the file was closed.
    virtual void discardPending() { }

    bool isOpen() const;
    QSqlDatabase connection() const;
    // The file, for messages.
    QString filePath() const;

    bool prepare(QSqlQuery &query, const QString &sql) const;
    // Prepares, binds and runs sql; on failure the error is kept for writeFailed/readFailed.
    bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {}) const;
    // Binds values by position to a prepared query and runs it, keeping the error likewise.
    bool execPrepared(QSqlQuery &query, const QVariantList &values) const;
    // Runs a query that reads, calling row for each result; false when closed or on failure
    // (which is logged: a read that fails loses nothing).
    bool forEachRow(const QString &sql, const QVariantList &values,
        const std::function<void(const QSqlQuery &)> &row) const;

    // False, with errorString() saying no file is open; quiet, since open() reported why.
    bool notOpen() const;
    // False, with "WHAT could not be saved to FILE (REASON)." in errorString() and
    // errorOccurred. what names the change: "The note on the cue x/y".
    bool writeFailed(const QString &what, const QSqlError &transactionError = QSqlError());
    // For a store that keeps failed edits: saves those kept before, so that edits land in the
    // order they were made. Call it before a write.
    void retryPendingWrites();
    // False, after a write kept in memory failed: errorString() says what and why, and
    // errorOccurred tells it if it is the first failure of a run.
    bool keptWriteFailed(const QString &what, const QSqlError &transactionError = QSqlError());
    // False, after writePending() failed: nothing is told.
    bool pendingWriteFailed(const QSqlError &transactionError = QSqlError());
    // After the edits kept in memory may have changed: UserDatabase tells it when they did.
    void pendingChanged();
    // False, with message in errorString(): a refusal that is no database failure.
    bool refused(const QString &message) const;

private:
    void readFailed() const;
    // The error a failed write left, and a report of damage when SQLite says the file is.
    QSqlError takeError(const QSqlError &transactionError);
    QString reasonOf(const QSqlError &error) const;
    static bool isDamage(const QSqlError &error);

    UserDatabase *m_database = nullptr;
    mutable QSqlError m_sqlError;
};

// Rolls back unless committed, so that every early return leaves the file as it was. It is a
// savepoint, so that a store's transaction nests inside UserDatabase::writeTogether's: alone it
// is the whole transaction, nested it lands only with the outer one.
class SqlTransaction
{
public:
    explicit SqlTransaction(const QSqlDatabase &db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();
    QSqlError lastError() const { return m_error; }

private:
    bool exec(const QString &statement);

    QSqlDatabase m_db;
    QSqlError m_error;
    bool m_active = false;
};
