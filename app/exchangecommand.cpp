#include "exchangecommand.h"

#include "catalog/catalogreader.h"
#include "exchange/cueuserdata.h"
#include "exchange/notesexchange.h"
#include "opencatalogs.h"
#include "sessionstate.h"
#include "userdata/userdatabase.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

const char DatabaseVariable[] = "CUEBOOK_USER_DATABASE";

QString tr(const char *text)
{
    return QCoreApplication::translate("ExchangeCommand", text);
}

} // namespace

int ExchangeCommand::run(QTextStream &out, QTextStream &err) const
{
    const auto fail = [&err](const QString &message, const QStringList &details = {}) {
        for (const QString &detail : details)
            err << detail << '\n';
        err << message << '\n';
        err.flush();
        return 1;
    };

    std::optional<NotesExchange::Format> format;
    if (kind == ExportNotes) {
        format = NotesExchange::formatOf(file);
        if (!format)
            return fail(tr("%1: the file name must end in .json (a backup that imports back) or "
                           ".md (Markdown, to read)")
                            .arg(file));
    } else if (kind == ImportNotes && QFileInfo(file).suffix().toLower() != u"json"_s) {
        return fail(
            tr("%1: only a .json backup imports (Markdown exports are for reading)").arg(file));
    }

    QList<Catalog> catalogs;
    if (!readCatalogs(catalogFiles, catalogs, err))
        return 1;
    std::optional<CueKey> cueKey;
    if (kind == ExportLabels || kind == ImportLabels) {
        cueKey = CueUserDataList::parseCue(cue);
        const QString unknown = !cueKey ? tr("%1: not a cue (expected CATALOG_ID/CUE_ID)").arg(cue)
                                        : unknownCue(catalogs, *cueKey);
        if (!unknown.isEmpty())
            return fail(unknown);
    }
    CueScope scope;
    if (kind == ExportNotes && !cue.isEmpty()) {
        const qsizetype slash = cue.indexOf(u'/');
        scope = {slash < 0 ? cue : cue.left(slash), slash < 0 ? QString() : cue.mid(slash + 1)};
    }

    const QString path = userDatabasePath();
    UserDatabase database;
    // An export reads: without a database yet, it exports nothing rather than create one.
    const bool exporting = kind == ExportNotes || kind == ExportLabels;
    if ((!exporting || QFileInfo::exists(path)) && !database.open(path)) {
        return fail(
            tr("%1: the user database cannot be opened: %2").arg(path, database.errorString()));
    }

    NotesExchange exchange(&database, catalogs, QCoreApplication::applicationVersion());
    NotesExchange::Outcome outcome;
    switch (kind) {
    case ExportNotes:
        outcome = exchange.exportNotes(file, *format, scope);
        break;
    case ImportNotes:
        outcome = exchange.importNotes(file);
        break;
    case ExportLabels:
        outcome = exchange.exportLabels(*cueKey, file);
        break;
    case ImportLabels:
        outcome = exchange.importLabels(*cueKey, file);
        break;
    }
    if (!outcome.ok)
        return fail(outcome.message, outcome.details);
    for (const QString &warning : std::as_const(outcome.details))
        err << warning << '\n';
    err.flush();
    out << outcome.message << '\n';
    out.flush();
    return 0;
}

// The catalogs name cues in exports and tell a known cue from a mistyped one. The user's own
// files (--catalog) must read; those of the last session are a courtesy, and said when they do
// not.
QString ExchangeCommand::userDatabasePath()
{
    const QString path = qEnvironmentVariable(DatabaseVariable);
    return path.isEmpty() ? UserDatabase::defaultPath() : path;
}

bool ExchangeCommand::readCatalogs(
    const QStringList &catalogFiles, QList<Catalog> &catalogs, QTextStream &err)
{
    for (const QString &catalogFile : QStringList {OpenCatalogs::BundledPath} + catalogFiles) {
        CatalogReader reader;
        if (!reader.read(catalogFile)) {
            for (const QString &error : reader.errors())
                err << error << '\n';
            err << tr("%1: the catalog was not read").arg(catalogFile) << '\n';
            err.flush();
            return false;
        }
        catalogs.append(reader.takeCatalog());
    }
    for (const QString &catalogFile : SessionState::savedCatalogFiles()) {
        CatalogReader reader;
        if (catalogFiles.contains(catalogFile))
            continue;
        if (reader.read(catalogFile)) {
            catalogs.append(reader.takeCatalog());
        } else {
            err << tr("%1: a catalog of the window's last session could not be read: its cues are "
                      "named by id (%2)")
                       .arg(catalogFile, reader.errors().value(0))
                << '\n';
        }
    }
    return true;
}

// Why the cue is not one of the catalogs', or empty when it is.
QString ExchangeCommand::unknownCue(const QList<Catalog> &catalogs, const CueKey &key) const
{
    for (const Catalog &catalog : catalogs) {
        if (catalog.id != key.catalogId)
            continue;
        return catalog.cue(key.cueId)
            ? QString()
            : tr("%1: “%2” has no cue “%3”").arg(cue, catalog.title, key.cueId);
    }
    return tr("%1: no catalog “%2” is open (the bundled one, a --catalog FILE, or one the window "
              "had open)")
        .arg(cue, key.catalogId);
}
