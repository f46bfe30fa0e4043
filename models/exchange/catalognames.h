#pragma once

#include "catalog/catalog.h"
#include "catalog/cuekey.h"

#include <QHash>
#include <QList>
#include <QString>

// What the open catalogs call a catalog, a cue and a theme, for exports: the name where the
// catalog is open, an empty text where it is not (an export then shows the id). It points into
// the list it was given, which must outlive it unchanged.
class CatalogNames
{
public:
    CatalogNames() = default;
    explicit CatalogNames(const QList<Catalog> &catalogs);

    const Catalog *catalog(const QString &catalogId) const { return m_catalogs.value(catalogId); }
    QString catalogTitle(const QString &catalogId) const;
    const Cue *cue(const CueKey &cue) const;
    QString cueTitle(const CueKey &cue) const;
    QString themeName(const QString &catalogId, const QString &themeId) const;
    // The cue's place in its catalog's list of cues, for ordering; -1 when unknown.
    int cueIndex(const CueKey &cue) const;

private:
    QHash<QString, const Catalog *> m_catalogs;
};
