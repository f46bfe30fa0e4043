#include "userdata/userdatabase.h"

#include "userdata/coverstore.h"
#include "userdata/databasefile.h"
#include "userdata/filelinkstore.h"
#include "userdata/markerstore.h"
#include "userdata/notestore.h"
#include "userdata/scancachestore.h"
#include "userdata/userdataconnection.h"
#include "userdata/userdatastore.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

UserDatabase::UserDatabase(QObject *parent)
    : QObject(parent)
{
    static QAtomicInteger<quint64> instances;
    m_connectionName = u"cuebook-userdata-%1"_s.arg(instances.fetchAndAddRelaxed(1));
    QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_connection = std::make_unique<UserDataConnection>(m_connectionName);
    m_notes = new NoteStore(this);
    m_fileLinks = new FileLinkStore(this);
    m_scanCache = new ScanCacheStore(this);
    m_covers = new CoverStore(this);
    m_markers = new MarkerStore(this);
}

UserDatabase::~UserDatabase()
{
    if (hasPendingWrites()) {
        qWarning("%s: %d edits were not saved: %s", qPrintable(m_path), int(pendingWrites().size()),
            qPrintable(pendingWrites().join(u"; "_s)));
    }
    close();
    m_connection.reset();
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
    m_openFailure = OpenFailure::None;
    m_setAsidePath.clear();
    m_path = path;
    if (!m_connection->open(path)) {
        m_connection->close();
        m_openFailure = m_connection->failure();
        m_errorString = m_connection->errorString();
        return false;
    }
    m_open = true;
    return true;
}

void UserDatabase::close()
{
    for (UserDataStore *store : stores())
        store->discardPending();
    m_pending = false;
    m_failing = false;
    m_damageTold = false;
    m_connection->close();
    m_open = false;
    m_path.clear();
}

bool UserDatabase::startAfresh()
{
    if (m_open
        || (m_openFailure != OpenFailure::Damaged && m_openFailure != OpenFailure::Unreadable)) {
        m_errorString = tr("only a damaged or unreadable file is set aside");
        return false;
    }
    const QString path = m_path;
    DatabaseFile file(path);
    const QString aside
        = file.setAside(m_openFailure == OpenFailure::Damaged ? u"damaged"_s : u"unreadable"_s);
    if (aside.isEmpty()) {
        m_errorString
            = tr("The file was not set aside: %1. Nothing was changed.").arg(file.errorString());
        return false;
    }
    const bool opened = open(path);
    m_setAsidePath = aside;
    if (!opened) {
        m_errorString = tr("The file was set aside as “%1”, but a fresh one could not be opened: "
                           "%2.")
                            .arg(aside, m_errorString);
    }
    return opened;
}

// After a write failed because the file could not be written: opens it for writing again once
// this user may write it, or leaves things as they were.
bool UserDatabase::reopenWritable()
{
    using Access = UserDataConnection::Access;
    if (m_connection->access() == Access::Writable)
        return true;
    if (!DatabaseFile(m_path).isWritable())
        return false;
    const Access before = m_connection->access();
    if (m_connection->open(m_path, Access::Writable))
        return m_connection->access() == Access::Writable;
    // Refused outright (the file was replaced meanwhile): reads go on as before, the file is
    // left alone, and the edits wait.
    qWarning("%s", qPrintable(m_connection->errorString()));
    if (!m_connection->open(m_path, before))
        m_connection->open(m_path, Access::NoFile);
    return false;
}

QSqlDatabase UserDatabase::connection() const
{
    return m_connection->database();
}

bool UserDatabase::isReadOnly() const
{
    return m_open && m_connection->access() != UserDataConnection::Access::Writable;
}

QString UserDatabase::readOnlyReason() const
{
    return isReadOnly() ? m_connection->readOnlyReason() : QString();
}

QList<UserDataStore *> UserDatabase::stores() const
{
    return {m_notes, m_fileLinks, m_scanCache, m_covers, m_markers};
}

bool UserDatabase::hasPendingWrites() const
{
    const QList<UserDataStore *> all = stores();
    return std::any_of(all.cbegin(), all.cend(),
        [](const UserDataStore *store) { return store->hasPendingWrites(); });
}

QStringList UserDatabase::pendingWrites() const
{
    QStringList writes;
    for (const UserDataStore *store : stores())
        writes += store->pendingWrites();
    return writes;
}

bool UserDatabase::retryPendingWrites()
{
    if (!hasPendingWrites())
        return true;
    if (!m_open || m_retrying)
        return false;
    m_retrying = true;
    bool ok = reopenWritable();
    for (UserDataStore *store : stores())
        ok = ok && store->writePending();
    m_retrying = false;
    updatePendingState();
    if (m_pending) {
        const qsizetype count = pendingWrites().size();
        const QString reason = isReadOnly() ? readOnlyReason() : m_lastFailure;
        m_errorString = count == 1
            ? tr("An edit kept in memory could not be saved to “%1” (%2).").arg(m_path, reason)
            : tr("%1 edits kept in memory could not be saved to “%2” (%3).")
                  .arg(QString::number(count), m_path, reason);
    }
    return !m_pending;
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

void UserDatabase::reportKeptWrite(const QString &message)
{
    m_errorString = message;
    if (m_failing)
        return;
    m_failing = true;
    emit errorOccurred(message);
}

void UserDatabase::updatePendingState()
{
    const bool pending = hasPendingWrites();
    if (!pending)
        m_failing = false;
    if (pending == m_pending)
        return;
    m_pending = pending;
    emit pendingWritesChanged(pending);
}

void UserDatabase::reportDamage(const QString &reason)
{
    if (m_damageTold || m_connection->access() == UserDataConnection::Access::NoFile)
        return;
    m_damageTold = true;
    // Noted beside the file, so that the next open reads all of it and offers a fresh start.
    DatabaseFile(m_path).writeDamageNote(reason);
    m_failing = true;
    m_errorString = tr("“%1” is damaged (%2). What Cuebook cannot save there is kept in memory "
                       "until you quit; start Cuebook again to keep the damaged file aside and "
                       "begin a fresh one.")
                        .arg(m_path, reason);
    emit errorOccurred(m_errorString);
}
