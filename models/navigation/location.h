#pragma once

#include "catalog/cuekey.h"

#include <QString>
#include <QStringList>

// Something the detail area can show: a release, a cue or a theme of one catalog.
struct Location
{
    enum Kind { None, Release, Cue, Theme };

    Kind kind = None;
    QString catalogId;
    QString id;
    // For a cue: the release it was reached through, so that going back selects the same row.
    QString releaseId;

    bool isValid() const { return kind != None; }
    // The cue a Cue location shows; for other kinds, a key that names no cue.
    CueKey cueKey() const { return {catalogId, id}; }
    // Four fields, for settings; fromStringList() gives an invalid Location for anything else.
    QStringList toStringList() const;
    static Location fromStringList(const QStringList &fields);
    friend bool operator==(const Location &, const Location &) = default;
};
