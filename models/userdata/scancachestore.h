#pragma once

#include "library/audiofileinfo.h"
#include "userdata/userdatastore.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// The folders scanned before, and what was found in them by path, unreadable files and folders
// included: LibraryScanner::scan()'s known, so that a rescan reads only what changed. Reached
// through UserDatabase::scanCache(). A failed write is refused, not kept in memory: it returns
// false and reaches UserDatabase::errorOccurred each time; this is a cache, which the next scan
// fills again. Folders are kept as absolute, clean paths.
class ScanCacheStore : public UserDataStore
{
    Q_OBJECT

public:
    explicit ScanCacheStore(UserDatabase *database);

    QStringList scanFolders() const;
    QHash<QString, AudioFileInfo> knownFiles(const QString &folder) const;
    // Replaces what is known of the folder with files (a scan's complete list), in one
    // transaction.
    bool storeKnownFiles(const QString &folder, const QList<AudioFileInfo> &files);
    // The folder and what was found in it.
    bool removeScanFolder(const QString &folder);
};
