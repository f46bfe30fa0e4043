#include "thememapcommand.h"

#include "catalog/thememap.h"
#include "exchangecommand.h"
#include "thememap/thememapexport.h"
#include "userdata/markeroccurrences.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ThemeMapCommand", text);
}

} // namespace

int ThemeMapCommand::run(QTextStream &out, QTextStream &err) const
{
    const auto fail = [&err](const QString &message) {
        err << message << '\n';
        err.flush();
        return 1;
    };
    if (output.isEmpty())
        return fail(tr("--theme-map needs --output FILE (.png or .svg)."));
    QList<Catalog> catalogs;
    if (!ExchangeCommand::readCatalogs(catalogFiles, catalogs, err))
        return 1;
    const qsizetype slash = scope.indexOf(u'/');
    const QString catalogId = slash < 0 ? scope : scope.left(slash);
    const QString releaseId = slash < 0 ? QString() : scope.mid(slash + 1);
    const auto catalog = std::find_if(catalogs.cbegin(), catalogs.cend(),
        [&](const Catalog &open) { return open.id == catalogId; });
    if (catalog == catalogs.cend()) {
        return fail(tr("%1: no catalog “%2” is open (the bundled one, a --catalog FILE, or one "
                       "the window had open)")
                        .arg(scope, catalogId));
    }
    if (!releaseId.isEmpty() && !catalog->release(releaseId))
        return fail(tr("%1: “%2” has no release “%3”").arg(scope, catalog->title, releaseId));

    QList<OccurrenceRow> usersRows;
    const QString databasePath = ExchangeCommand::userDatabasePath();
    if (QFileInfo::exists(databasePath)) {
        UserDatabase database;
        if (!database.open(databasePath)) {
            return fail(tr("%1: the user database cannot be opened: %2")
                            .arg(databasePath, database.errorString()));
        }
        for (const Marker &marker : database.markers()->themeMarkers(catalogId))
            usersRows.append(MarkerOccurrences::row(marker));
    }
    ThemeMap::Options options;
    options.releaseId = releaseId;
    const ThemeMap map = ThemeMap::build(*catalog, options, usersRows);
    QString error;
    if (!ThemeMapExport::write(map, output, &error))
        return fail(error);
    out << tr("Wrote the theme map of “%1” to %2: %3 cues, %4 themes, %5 marks (%6 yours).")
               .arg(map.title, output, QString::number(map.rows.size()),
                   QString::number(map.columns.size()), QString::number(map.marks.size()),
                   QString::number(std::count_if(map.marks.cbegin(), map.marks.cend(),
                       [](const ThemeMap::Mark &mark) { return mark.isUsers(); })))
        << '\n';
    out.flush();
    return 0;
}
