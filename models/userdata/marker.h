#pragma once

#include "catalog/cuekey.h"

#include <QMetaType>
#include <QString>

// A moment (or a stretch) of a cue that the user marked: "1:12 the March in the horns". One that
// names a theme is the user's own occurrence of it. Its id is made once, when the marker is
// made, and never changes: exports and imports recognise a marker by it.
struct Marker
{
    // The kinds a marker may have, the catalog format's kinds of occurrence; any other text is
    // kept as the user gave it.
    static QStringList knownKinds();
    static QString newId();

    QString id;
    CueKey cue;
    qint64 startMs = 0;
    // -1 for a point in time; otherwise after startMs.
    qint64 endMs = -1;
    QString label;
    // A theme of the cue's catalog, or empty.
    QString themeId;
    // "statement", "quotation"… or empty.
    QString kind;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    bool isRange() const { return endMs > startMs; }
    friend bool operator==(const Marker &, const Marker &) = default;
};

Q_DECLARE_METATYPE(Marker)
