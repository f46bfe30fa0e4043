#pragma once

#include <QByteArray>

// A large catalog in the v1 format, the same bytes for the same sizes every time: for the
// benchmark and for opening a big catalog by hand.
struct SyntheticCatalogSize
{
    int releases = 4000;
    int tracksPerRelease = 25;
    int themes = 300;
    int occurrences = 50'000;
    int excerpts = 20'000;
};

QByteArray syntheticCatalogJson(const SyntheticCatalogSize &size = {});
