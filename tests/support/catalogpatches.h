#pragma once

#include "catalog/catalog.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// A valid catalog with one of everything, changed by patches, for the tests of what the reader,
// the validator and the field reader make of it: each fault case breaks exactly one thing of it.
namespace CatalogPatches {

// One change to the minimal catalog: the value at a path such as "releases[0].tracks[1].title"
// is replaced, appended (an index one past the end) or, for an undefined value, removed.
struct Patch
{
    QString path;
    QJsonValue value;
};
using Patches = QList<Patch>;

// The name the tests give readData(), and so the start of every message.
inline const QString FileName = QStringLiteral("test.json");

// A JSON token written as is, for what QJsonDocument cannot write: 1e400, huge integers, escapes.
QJsonValue raw(QByteArrayView token);
// The minimal catalog with the patches applied in order, as JSON text.
QByteArray catalogJson(const Patches &patches = {});
// A message about FileName: "test.json: " + pathAndWhat.
QString fault(const QString &pathAndWhat);
// True when nothing of a catalog is left (as after a refused file).
bool isEmpty(const Catalog &catalog);
// One row of a table with columns "patches" (Patches) and "expected" (QStringList): the
// messages are pathAndWhat texts, made into fault() ones.
void addFaultRow(const char *name, const Patches &patches, const QStringList &paths);

} // namespace CatalogPatches

Q_DECLARE_METATYPE(CatalogPatches::Patches)
