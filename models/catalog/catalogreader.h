#pragma once

#include "catalog/catalog.h"
#include "catalog/jsontree.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// Reads and validates one catalog file against resources/catalogs/catalog-format.md (version 1).
// It is the authority on what a catalog may say: the JSON Schema beside that text cannot check
// references between ids. On success catalog() holds the result, indexed; on failure errors()
// lists every fault of the file, each "FILE:LINE:COLUMN: PATH: WHAT" (syntax) or
// "FILE: PATH: WHAT" (the rest), and catalog() is empty.
// Faults come in document order; past 1000, a last line counts the rest. Faults of the file
// itself (missing, a folder, over 64 MiB) read "FILE: WHAT".
// Warnings (unknown keys) are reported either way and never refuse a file.
class CatalogReader
{
public:
    static constexpr int FormatVersion = 1;
    static constexpr qint64 MaxFileSize = qint64(64) * 1024 * 1024;
    static_assert(MaxFileSize <= JsonTree::MaxBytes, "the parser must take every file read");

    // Reads a file from disk or from Qt's resource system (":/...").
    bool read(const QString &filePath);
    // Reads bytes as if they were the file at filePath (used by tests and the fuzzer).
    bool readData(const QByteArray &data, const QString &filePath);

    const Catalog &catalog() const { return m_catalog; }
    Catalog takeCatalog() { return std::move(m_catalog); }

    QStringList errors() const { return m_errors; }
    QStringList warnings() const { return m_warnings; }
    // The errors, one per line: for dialogs and the command line.
    QString errorString() const { return m_errors.join(u'\n'); }

private:
    // Takes the bytes by value so that read() can hand over the only copy and have it freed early.
    bool readBytes(QByteArray data, const QString &filePath);

    Catalog m_catalog;
    QStringList m_errors;
    QStringList m_warnings;
};
