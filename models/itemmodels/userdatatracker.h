#pragma once

#include "catalog/cuekey.h"
#include "search/userdatacolumn.h"

#include <QObject>
#include <QPointer>

class CatalogModel;
class UserDatabase;

// Keeps what the user database says of each cue where the tree and the search look for it: the
// note mark of every track (CatalogModel::setNoteState), and the UserDataColumn that search reads
// (notes, linked files, markers). It reads the database once, then follows its changes, the file
// states of the CatalogModel, and the catalogs as they open.
class UserDataTracker : public QObject
{
    Q_OBJECT

public:
    explicit UserDataTracker(CatalogModel *catalogs, QObject *parent = nullptr);

    // Reads every note and every cue with markers, then follows them; nullptr (or a database
    // that is not open) forgets them.
    void setUserData(const UserDatabase *userData);
    const UserDataColumn &column() const { return m_column; }

signals:
    // After the column changed: for one cue, or for all of them at once (setUserData).
    void changed();

private:
    void noteChanged(const CueKey &cue);
    void markersChanged(const CueKey &cue);
    void fileStateChanged(const CueKey &cue);
    void catalogsChanged();
    void markOpenCatalogs();

    CatalogModel *m_catalogs = nullptr;
    QPointer<const UserDatabase> m_userData;
    UserDataColumn m_column;
};
