#pragma once

#include <QSqlError>

class QSqlDatabase;

// The user database's tables, version by version, and the upgrade of a file from any older
// version to this one (PRAGMA user_version says which a file has).
namespace UserDataSchema {

// The schema this build reads and writes.
inline constexpr int Version = 4;
// "CueB" in PRAGMA application_id: marks the file as ours, so that another program's SQLite file
// is never upgraded.
inline constexpr int ApplicationId = 0x43756542;

// Brings db from fromVersion to Version in one transaction: a failure leaves it at fromVersion,
// with what failed in *error.
bool upgrade(const QSqlDatabase &db, int fromVersion, QSqlError *error);

} // namespace UserDataSchema
