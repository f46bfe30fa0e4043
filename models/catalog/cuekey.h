#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

// A cue across catalogs: what every piece of user data is keyed by.
struct CueKey
{
    QString catalogId;
    QString cueId;

    bool isEmpty() const { return catalogId.isEmpty() && cueId.isEmpty(); }

    friend bool operator==(const CueKey &, const CueKey &) = default;
};

// Signals carry it, queued connections and QSignalSpy included.
Q_DECLARE_METATYPE(CueKey)

inline size_t qHash(const CueKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.catalogId, key.cueId);
}
