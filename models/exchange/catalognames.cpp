#include "exchange/catalognames.h"

CatalogNames::CatalogNames(const QList<Catalog> &catalogs)
{
    for (const Catalog &catalog : catalogs)
        m_catalogs.insert(catalog.id, &catalog);
}

QString CatalogNames::catalogTitle(const QString &catalogId) const
{
    const Catalog *known = catalog(catalogId);
    return known ? known->title : QString();
}

const Cue *CatalogNames::cue(const CueKey &cue) const
{
    const Catalog *known = catalog(cue.catalogId);
    return known ? known->cue(cue.cueId) : nullptr;
}

QString CatalogNames::cueTitle(const CueKey &key) const
{
    const Cue *known = cue(key);
    return known ? known->title : QString();
}

QString CatalogNames::themeName(const QString &catalogId, const QString &themeId) const
{
    const Catalog *known = catalog(catalogId);
    const Theme *theme = known ? known->theme(themeId) : nullptr;
    return theme ? theme->name : QString();
}

int CatalogNames::cueIndex(const CueKey &cue) const
{
    const Catalog *known = catalog(cue.catalogId);
    return known ? known->cueIndex(cue.cueId) : -1;
}
