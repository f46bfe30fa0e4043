#include "refusedwrites.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace RefusedWrites {

bool refuse(const QString &path, const QString &table)
{
    const QString connection = u"refusedWrites"_s;
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &operation : {u"INSERT"_s, u"DELETE"_s}) {
            const QString sql = u"CREATE TRIGGER refuse_%1_%2 BEFORE %2 ON %1 "
                                "BEGIN SELECT RAISE(ABORT, '%3'); END"_s.arg(
                                    table, operation, QString::fromUtf16(Reason));
            if (ok && !query.exec(sql)) {
                qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace RefusedWrites
