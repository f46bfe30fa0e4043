#pragma once

#include "covers/coverloader.h"
#include "covers/coversourcefinder.h"
#include "itemmodels/catalogmodel.h"

#include <QTemporaryDir>

// What a CatalogBrowser needs to show covers, for tests that build one without a MainWindow:
// a loader whose disk cache is a temporary folder, and sources from the model's catalogs and,
// when given, the user's database.
struct TestCovers
{
    explicit TestCovers(const CatalogModel *catalogs, UserDatabase *userData = nullptr)
        : loader(cacheDir.path())
        , sources([catalogs](const QString &catalogId) { return catalogs->catalog(catalogId); },
              userData)
    {
        QObject::connect(
            &sources, &CoverSourceFinder::sourcesChanged, &loader, &CoverLoader::forget);
        QObject::connect(
            catalogs, &CatalogModel::catalogsChanged, &sources, &CoverSourceFinder::forgetAll);
    }

    QTemporaryDir cacheDir;
    CoverLoader loader;
    CoverSourceFinder sources;
};
