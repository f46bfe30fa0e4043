#pragma once

#include "catalog/catalog.h"

// Small catalogs built in code (indexed, ready for CatalogModel), so that model tests need
// neither files nor CatalogReader. Titles come from the Picard seeds; track lists are partial,
// and a few details are set on purpose for tests (noted in testcatalogs.cpp).
namespace TestCatalogs {

// "star-trek-picard": two Season 1 releases that share cues (main-title, end-title,
// dahjs-last-fight, romulan-collusion, rafi-decides-to-join), six themes, occurrences with and
// without times, listed in the file in a different order from the one they are heard in.
Catalog picard();

// "picard-season-3": one two-disc release; its theme "star-trek-march" has the same id as in
// picard(), so the two catalogs share that theme.
Catalog picardSeason3();

// The catalog that ships with the app, in the source tree, for tests that need its real size.
QString bundledPath();
// bundledPath() read and indexed; a catalog that does not read stops the test program with
// qFatal and the reader's faults, since every check after it would fail for the wrong reason.
Catalog bundled();

} // namespace TestCatalogs
