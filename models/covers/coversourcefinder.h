#pragma once

#include "catalog/cuekey.h"
#include "covers/coversources.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class Catalog;
class UserDatabase;

// The sources of each release's cover: the user's image and linked files from the user
// database, the catalog's image from the catalog. Kept per release once asked for, and told
// again (sourcesChanged) when the user sets an image or links files, so that a grid of thousands
// asks the database once per release, not once per frame.
class CoverSourceFinder : public QObject
{
    Q_OBJECT

public:
    // The open catalog of an id, or nullptr; it must stay valid until the next forgetAll().
    using CatalogLookup = std::function<const Catalog *(const QString &catalogId)>;

    // userData may be nullptr (it could not be opened): then only the catalog's images count.
    CoverSourceFinder(CatalogLookup catalogs, UserDatabase *userData, QObject *parent = nullptr);

    // The open catalogs changed: nothing found so far is trusted.
    void forgetAll();

    // Empty sources (no key) for a release that is not open.
    CoverSources sourcesFor(const QString &catalogId, const QString &releaseId) const;

    static QString keyOf(const QString &catalogId, const QString &releaseId);

signals:
    void sourcesChanged(const QString &key);

private:
    CoverSources find(const QString &catalogId, const QString &releaseId) const;
    void linksChanged(const CueKey &cue);
    void forget(const QString &key);

    CatalogLookup m_catalogs;
    QPointer<UserDatabase> m_userData;
    mutable QHash<QString, CoverSources> m_found;
    // Every cue's linked paths, read in one query when first needed and after links change.
    mutable QHash<CueKey, QStringList> m_linkedPaths;
    mutable bool m_linkedPathsRead = false;
};
