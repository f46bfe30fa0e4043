#include "userdata/coverstore.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

CoverStore::CoverStore(UserDatabase *database)
    : UserDataStore(database)
{ }

QString CoverStore::releaseCover(const QString &catalogId, const QString &releaseId) const
{
    QString path;
    forEachRow(u"SELECT path FROM release_covers WHERE catalog_id = ? AND release_id = ?"_s,
        {catalogId, releaseId}, [&](const QSqlQuery &row) { path = row.value(0).toString(); });
    return path;
}

bool CoverStore::setReleaseCover(
    const QString &catalogId, const QString &releaseId, const QString &path)
{
    if (!isOpen())
        return notOpen();
    QSqlQuery query(connection());
    const bool ok = path.isEmpty()
        ? run(query, u"DELETE FROM release_covers WHERE catalog_id = ? AND release_id = ?"_s,
            {catalogId, releaseId})
        : run(query,
            u"INSERT INTO release_covers (catalog_id, release_id, path) VALUES (?, ?, ?) "
            "ON CONFLICT (catalog_id, release_id) DO UPDATE SET path = excluded.path"_s,
            {catalogId, releaseId, path});
    if (!ok)
        return writeFailed(tr("The cover of the release %1/%2").arg(catalogId, releaseId));
    emit releaseCoverChanged(catalogId, releaseId);
    return true;
}
