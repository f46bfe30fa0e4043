#pragma once

#include <QHashFunctions>
#include <QString>

// A cue across catalogs: what every piece of user data is keyed by.
struct CueKey
{
    QString catalogId;
    QString cueId;

    friend bool operator==(const CueKey &, const CueKey &) = default;
};

inline size_t qHash(const CueKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.catalogId, key.cueId);
}
