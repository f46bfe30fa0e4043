#include "catalogpatches.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace CatalogPatches {

namespace {

QJsonObject minimalCatalog()
{
    return QJsonDocument::fromJson(R"({
        "format": "cuebook-catalog", "version": 1, "id": "test", "title": "Test Catalog",
        "sources": [ { "id": "review", "title": "A Review" } ],
        "themes": [ { "id": "romulan", "name": "Romulan Theme" } ],
        "cues": [ { "id": "twins", "title": "Twins" } ],
        "releases": [ { "id": "album", "title": "Album", "tracks": [
            { "number": 1, "title": "Twins", "duration": "4:15", "cue": "twins" },
            { "number": 2, "title": "Remembrance", "duration": "2:00" } ] } ],
        "occurrences": [ { "theme": "romulan", "cue": "twins", "start": "0:10", "end": "0:20" } ],
        "excerpts": [ { "id": "quote", "source": "review", "text": "Haunting." } ]
    })")
        .object();
}

QJsonValue patched(const QJsonValue &node, QStringView path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    if (path.startsWith(u'[')) {
        const qsizetype close = path.indexOf(u']');
        const qsizetype index = path.mid(1, close - 1).toInt();
        QStringView rest = path.mid(close + 1);
        if (rest.startsWith(u'.'))
            rest = rest.mid(1);
        QJsonArray array = node.toArray();
        const QJsonValue child
            = patched(index < array.size() ? array.at(index) : QJsonValue(), rest, value);
        if (child.isUndefined())
            array.removeAt(index);
        else if (index < array.size())
            array[index] = child;
        else
            array.append(child);
        return array;
    }
    qsizetype end = 0;
    while (end < path.size() && path.at(end) != u'.' && path.at(end) != u'[')
        ++end;
    const QString key = path.left(end).toString();
    QStringView rest = path.mid(end);
    if (rest.startsWith(u'.'))
        rest = rest.mid(1);
    QJsonObject object = node.toObject();
    const QJsonValue child = patched(object.value(key), rest, value);
    if (child.isUndefined())
        object.remove(key);
    else
        object.insert(key, child);
    return object;
}

} // namespace

// A JSON token written as is, for what QJsonDocument cannot write: 1e400, huge integers, escapes.
QJsonValue raw(QByteArrayView token)
{
    return QString(u"@raw:"_s + QString::fromLatin1(token.toByteArray().toHex()));
}

QByteArray catalogJson(const Patches &patches)
{
    QJsonValue catalog = minimalCatalog();
    for (const Patch &patch : patches)
        catalog = patched(catalog, patch.path, patch.value);
    QByteArray json = QJsonDocument(catalog.toObject()).toJson();
    for (qsizetype at = json.indexOf("\"@raw:"); at >= 0; at = json.indexOf("\"@raw:", at)) {
        const qsizetype end = json.indexOf('"', at + 1);
        const QByteArray token = QByteArray::fromHex(json.mid(at + 6, end - at - 6));
        json.replace(at, end + 1 - at, token);
        at += token.size();
    }
    return json;
}

QString fault(const QString &pathAndWhat)
{
    return FileName + u": "_s + pathAndWhat;
}

bool isEmpty(const Catalog &catalog)
{
    return catalog.id.isEmpty() && catalog.title.isEmpty() && catalog.filePath.isEmpty()
        && catalog.sources.isEmpty() && catalog.themes.isEmpty() && catalog.cues.isEmpty()
        && catalog.releases.isEmpty() && catalog.occurrences.isEmpty() && catalog.excerpts.isEmpty()
        && catalog.cue(u"twins"_s) == nullptr;
}

void addFaultRow(const char *name, const Patches &patches, const QStringList &paths)
{
    QStringList expected;
    for (const QString &pathAndWhat : paths)
        expected.append(fault(pathAndWhat));
    QTest::newRow(name) << patches << expected;
}

} // namespace CatalogPatches
