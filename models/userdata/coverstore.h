#pragma once

#include "userdata/userdatastore.h"

#include <QString>

// The cover image the user chose for a release, in place of the drawn one, in the user
// database. Reached through UserDatabase::covers(). A failed write is refused, not kept in
// memory: it returns false and reaches UserDatabase::errorOccurred each time. The choice was
// made in a dialog whose caller says at once that it was not stored, and making it again costs a
// click; keeping it would show a cover the next start has forgotten.
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
