#include "navigation/paneaction.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

const QString ReleaseKey = u"release"_s;
const QString AtKey = u"at"_s;
const QString PathKey = u"path"_s;

constexpr std::pair<PaneAction::Kind, QLatin1StringView> KindNames[] = {
    {PaneAction::Play, QLatin1StringView("play")},
    {PaneAction::PlayRelease, QLatin1StringView("play-release")},
    {PaneAction::Seek, QLatin1StringView("seek")},
    {PaneAction::LinkFile, QLatin1StringView("link")},
    {PaneAction::LocateFile, QLatin1StringView("locate")},
    {PaneAction::PreferFile, QLatin1StringView("prefer")},
    {PaneAction::UnlinkFile, QLatin1StringView("unlink")},
    {PaneAction::ShowFile, QLatin1StringView("show")},
};

QString encode(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString decode(const QString &text)
{
    return QUrl::fromPercentEncoding(text.toLatin1());
}

} // namespace

namespace PaneActionLink {

QUrl toUrl(const PaneAction &action)
{
    const auto named = std::find_if(std::begin(KindNames), std::end(KindNames),
        [&](const auto &entry) { return entry.first == action.kind; });
    if (named == std::end(KindNames) || action.cue.catalogId.isEmpty() || action.cue.id.isEmpty())
        return {};
    QUrl url;
    url.setScheme(Scheme);
    url.setPath(
        QString(named->second) + u'/' + encode(action.cue.catalogId) + u'/' + encode(action.cue.id),
        QUrl::TolerantMode);
    QUrlQuery query;
    if (!action.cue.releaseId.isEmpty())
        query.addQueryItem(ReleaseKey, encode(action.cue.releaseId));
    if (action.startMs > 0)
        query.addQueryItem(AtKey, QString::number(action.startMs));
    if (!action.path.isEmpty())
        query.addQueryItem(PathKey, encode(action.path));
    url.setQuery(query);
    return url;
}

PaneAction fromUrl(const QUrl &url)
{
    if (url.scheme() != Scheme)
        return {};
    const QStringList parts = url.path(QUrl::FullyEncoded).split(u'/');
    if (parts.size() != 3)
        return {};
    const auto named = std::find_if(std::begin(KindNames), std::end(KindNames),
        [&](const auto &entry) { return parts.at(0) == entry.second; });
    if (named == std::end(KindNames))
        return {};
    const QUrlQuery query(url);
    auto item
        = [&](const QString &key) { return decode(query.queryItemValue(key, QUrl::FullyEncoded)); };
    PaneAction action;
    action.kind = named->first;
    action.cue = {Location::Cue, decode(parts.at(1)), decode(parts.at(2)), item(ReleaseKey)};
    bool ok = true;
    if (const QString at = item(AtKey); !at.isEmpty())
        action.startMs = at.toLongLong(&ok);
    action.path = item(PathKey);
    if (!ok || action.startMs < 0 || action.cue.catalogId.isEmpty() || action.cue.id.isEmpty())
        return {};
    if (action.kind == PaneAction::PlayRelease && action.cue.releaseId.isEmpty())
        return {};
    const bool needsPath = action.kind == PaneAction::LocateFile
        || action.kind == PaneAction::PreferFile || action.kind == PaneAction::UnlinkFile
        || action.kind == PaneAction::ShowFile;
    if (needsPath && action.path.isEmpty())
        return {};
    return action;
}

} // namespace PaneActionLink
