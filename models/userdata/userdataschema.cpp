#include "userdata/userdataschema.h"

#include "userdata/userdatastore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace UserDataSchema {

namespace {

// Version 1: notes.
const QStringList SchemaVersion1 = {
    uR"(CREATE TABLE notes (
        catalog_id TEXT NOT NULL,
        cue_id TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at_ms INTEGER NOT NULL,
        PRIMARY KEY (catalog_id, cue_id)
    ) WITHOUT ROWID)"_s,
    u"PRAGMA application_id = %1"_s.arg(ApplicationId),
};

// Version 2: audio files linked to cues, and what scans of music folders found. A file's tags
// are one JSON object (tagsText), so that reading more of them needs no new columns.
const QStringList SchemaVersion2 = {
    uR"(CREATE TABLE file_links (
        catalog_id TEXT NOT NULL,
        cue_id TEXT NOT NULL,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        audio_hash TEXT NOT NULL,
        format TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        tags TEXT NOT NULL,
        added_at_ms INTEGER NOT NULL,
        preferred INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),
        PRIMARY KEY (catalog_id, cue_id, path)
    ) WITHOUT ROWID)"_s,
    u"CREATE INDEX file_links_by_path ON file_links (path)"_s,
    uR"(CREATE UNIQUE INDEX file_links_one_preferred ON file_links (catalog_id, cue_id)
        WHERE preferred = 1)"_s,
    uR"(CREATE TABLE scan_folders (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        scanned_at_ms INTEGER NOT NULL
    ))"_s,
    uR"(CREATE TABLE known_files (
        folder_id INTEGER NOT NULL REFERENCES scan_folders (id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        folder TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        audio_hash TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        tags TEXT NOT NULL,
        readable INTEGER NOT NULL CHECK (readable IN (0, 1)),
        unreadable_reason TEXT NOT NULL,
        PRIMARY KEY (folder_id, path)
    ) WITHOUT ROWID)"_s,
};

// Version 3: a cover image the user chose for a release, in place of the drawn one.
const QStringList SchemaVersion3 = {
    uR"(CREATE TABLE release_covers (
        catalog_id TEXT NOT NULL,
        release_id TEXT NOT NULL,
        path TEXT NOT NULL,
        PRIMARY KEY (catalog_id, release_id)
    ) WITHOUT ROWID)"_s,
};

// Version 4: markers on cues, each with an id that stays with it through exports and imports.
// A marker's theme is one of its catalog's; NULL end_ms marks a point in time.
const QStringList SchemaVersion4 = {
    uR"(CREATE TABLE markers (
        id TEXT PRIMARY KEY,
        catalog_id TEXT NOT NULL,
        cue_id TEXT NOT NULL,
        start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
        end_ms INTEGER CHECK (end_ms IS NULL OR end_ms >= start_ms),
        label TEXT NOT NULL,
        theme_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL
    ) WITHOUT ROWID)"_s,
    u"CREATE INDEX markers_by_cue ON markers (catalog_id, cue_id, start_ms)"_s,
    u"CREATE INDEX markers_by_theme ON markers (catalog_id, theme_id) WHERE theme_id != ''"_s,
};

bool execAll(const QSqlDatabase &db, const QStringList &statements, QSqlError *error)
{
    QSqlQuery query(db);
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            *error = query.lastError();
            return false;
        }
    }
    return true;
}

} // namespace

bool upgrade(const QSqlDatabase &db, int fromVersion, QSqlError *error)
{
    SqlTransaction transaction(db);
    bool ok = transaction.isActive();
    for (int version = fromVersion; ok && version < Version; ++version) {
        switch (version) {
        case 0:
            ok = execAll(db, SchemaVersion1, error);
            break;
        case 1:
            ok = execAll(db, SchemaVersion2, error);
            break;
        case 2:
            ok = execAll(db, SchemaVersion3, error);
            break;
        case 3:
            ok = execAll(db, SchemaVersion4, error);
            break;
        }
    }
    ok = ok && execAll(db, {u"PRAGMA user_version = %1"_s.arg(Version)}, error);
    if (ok && !transaction.commit()) {
        *error = transaction.lastError();
        ok = false;
    }
    if (!ok && !error->isValid())
        *error = transaction.lastError();
    return ok;
}

} // namespace UserDataSchema
