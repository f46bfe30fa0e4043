#include "navigation/locationlink.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

const QString ReleaseKey = u"release"_s;

QString kindName(Location::Kind kind)
{
    switch (kind) {
    case Location::Release:
        return u"release"_s;
    case Location::Cue:
        return u"cue"_s;
    case Location::Theme:
        return u"theme"_s;
    case Location::None:
        break;
    }
    return {};
}

Location::Kind kindOf(QStringView name)
{
    for (Location::Kind kind : {Location::Release, Location::Cue, Location::Theme}) {
        if (name == kindName(kind))
            return kind;
    }
    return Location::None;
}

QString encode(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

namespace LocationLink {

QUrl toUrl(const Location &location)
{
    if (!location.isValid())
        return {};
    QUrl url;
    url.setScheme(Scheme);
    url.setPath(
        kindName(location.kind) + u'/' + encode(location.catalogId) + u'/' + encode(location.id),
        QUrl::TolerantMode);
    if (!location.releaseId.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(ReleaseKey, encode(location.releaseId));
        url.setQuery(query);
    }
    return url;
}

Location fromUrl(const QUrl &url)
{
    if (url.scheme() != Scheme)
        return {};
    const QStringList parts = url.path(QUrl::FullyEncoded).split(u'/');
    if (parts.size() != 3)
        return {};
    Location location;
    location.kind = kindOf(parts.at(0));
    location.catalogId = QUrl::fromPercentEncoding(parts.at(1).toLatin1());
    location.id = QUrl::fromPercentEncoding(parts.at(2).toLatin1());
    location.releaseId = QUrl::fromPercentEncoding(
        QUrlQuery(url).queryItemValue(ReleaseKey, QUrl::FullyEncoded).toLatin1());
    if (location.catalogId.isEmpty() || location.id.isEmpty())
        return {};
    return location;
}

} // namespace LocationLink
