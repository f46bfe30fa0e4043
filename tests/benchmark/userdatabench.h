#pragma once

#include <QJsonObject>
#include <QString>

// The user database's figures: userdb_open_ms, the median of opening a file with 100,000 notes
// and 500,000 markers with a fresh UserDatabase each time (SQLite's cache cold, the system's
// warm), and userdb_full_check_ms, one PRAGMA quick_check of the same file: what open() would
// cost were it to read the whole file; and userdb_bytes, its size. The file is built once in
// folder. An empty object, with
// the reason on stderr, when the file could not be built or opened.
QJsonObject userDatabaseFigures(const QString &folder);
