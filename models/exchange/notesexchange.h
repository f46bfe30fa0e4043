#pragma once

#include "catalog/catalog.h"
#include "exchange/cueuserdata.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class UserDatabase;

// The import and export commands, for the window and the command line alike: each reads or
// writes one file and says in one sentence what it did, or why it did nothing. A file read is
// checked whole before the database changes, and then changes it in one transaction; a file
// written is written whole or not at all (QSaveFile), so an existing file is never left
// half-overwritten.
class NotesExchange
{
    Q_DECLARE_TR_FUNCTIONS(NotesExchange)

public:
    enum class Format { Json, Markdown };

    struct Outcome
    {
        bool ok = false;
        // A sentence: what was done, or why nothing was.
        QString message;
        // Every fault of a refused file, one a line; warnings of a file read.
        QStringList details;
    };

    // catalogs name what they can in exports (they must outlive this); the data of catalogs
    // not among them is exported too, under its ids. appVersion goes into exports.
    NotesExchange(
        UserDatabase *database, const QList<Catalog> &catalogs, const QString &appVersion);

    // By the file name's extension: .json or .md (any case); nullopt otherwise.
    static std::optional<Format> formatOf(const QString &filePath);

    Outcome exportNotes(const QString &filePath, Format format, const CueScope &scope = {}) const;
    Outcome importNotes(const QString &filePath);
    Outcome exportLabels(const CueKey &cue, const QString &filePath) const;
    Outcome importLabels(const CueKey &cue, const QString &filePath);

private:
    static Outcome writeFile(
        const QString &filePath, const QByteArray &contents, const QString &done);

    UserDatabase *m_database = nullptr;
    const QList<Catalog> &m_catalogs;
    QString m_appVersion;
};
