#pragma once

#include "userdata/userdatabase.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

// How Cuebook reaches its database file, on one named connection: writable; or, when this user
// cannot write the folder or the file, the file read-only as it is; or, when there is no file
// and none can be made, an empty schema in memory. Before anything writes to a file it checks,
// at the cost of a few page reads, that the file is whole, Cuebook's, and not from a newer
// Cuebook, then brings its schema up to date. A file it refuses is left exactly as it was.
class UserDataConnection
{
    Q_DECLARE_TR_FUNCTIONS(UserDataConnection)

public:
    enum class Access {
        Writable,
        // The file as it is on disk, read-only: its folder or itself cannot be written.
        ReadOnlyFile,
        // No file, and none can be made: an empty schema in memory stands in for it.
        NoFile,
    };

    explicit UserDataConnection(const QString &connectionName)
        : m_connectionName(connectionName)
    { }

    QSqlDatabase database() const;

    // Opens path with the access this user has to it.
    bool open(const QString &path);
    // Opens path with access. When the disk refuses the first writes to a writable file (full,
    // or read-only after all), falls back to reading the file as it is, or to an empty schema
    // for a new one; a file that needs an upgrade is refused instead.
    bool open(const QString &path, Access access);
    void close();

    QString path() const { return m_path; }
    Access access() const { return m_access; }
    // Why the file cannot be written, when access() is not Writable.
    QString readOnlyReason() const { return m_readOnlyReason; }
    UserDatabase::OpenFailure failure() const { return m_failure; }
    QString errorString() const { return m_errorString; }

private:
    bool openConnection(Access access, bool readOnly);
    bool checkFile(int &version);
    bool checkStructure();
    bool configure();
    bool fail(UserDatabase::OpenFailure failure, const QString &message);
    // Fails with the reason a statement of the checks gave.
    bool failWith(const QSqlError &error);

    QString m_connectionName;
    QString m_path;
    Access m_access = Access::Writable;
    QString m_readOnlyReason;
    UserDatabase::OpenFailure m_failure = UserDatabase::OpenFailure::None;
    QString m_errorString;
    // What the first write that failed while setting the file up said.
    QSqlError m_setupError;
};
