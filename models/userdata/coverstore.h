#pragma once

#include "userdata/userdatastore.h"

#include <QString>

// The cover image the user chose for a release, in place of the drawn one, in the user
// database. Reached through UserDatabase::covers(); a failed write returns false and reaches
// UserDatabase::errorOccurred.
class CoverStore : public UserDataStore
{
    Q_OBJECT

public:
    explicit CoverStore(UserDatabase *database);

    // An absolute path, or empty for none.
    QString releaseCover(const QString &catalogId, const QString &releaseId) const;
    // An empty path removes the choice, and the drawn cover comes back.
    bool setReleaseCover(const QString &catalogId, const QString &releaseId, const QString &path);

signals:
    void releaseCoverChanged(const QString &catalogId, const QString &releaseId);
};
