#pragma once

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

class QIODevice;

// Writes the catalog as it is generated, so that the benchmark's own memory stays out of its
// peak-memory figure. False when the device refuses a write.
bool writeSyntheticCatalog(QIODevice &device, const SyntheticCatalogSize &size = {});
