#pragma once

#include "itemmodels/catalogmodel.h"
#include "search/searchindex.h"
#include "search/searchquery.h"

#include <QPointer>
#include <QSortFilterProxyModel>
#include <QTimer>

class UserDataTracker;

// The CatalogModel as the search field filters it (the query language is in searchquery.h).
// A release that matches keeps all its tracks; a track that matches keeps its release and
// catalog. Rows keep the catalog's order.
//
// The query is parsed and evaluated over all tracks once per change of the text, into flat flags
// of the rows to show; filterAcceptsRow only looks its row up. The folded texts are built at the
// first query after the open catalogs change, so that opening a catalog costs nothing until
// someone searches. The user's notes, files and markers (UserDataTracker) change under a query: a
// query that reads them is evaluated again once per burst of changes, and the rows shown change
// only when its answer does.
class CatalogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CatalogFilterModel(QObject *parent = nullptr);

    // The source must be a CatalogModel.
    void setSourceModel(QAbstractItemModel *sourceModel) override;
    CatalogModel *catalogModel() const { return m_catalogModel; }

    void setQuery(const QString &text);
    QString query() const { return m_query; }

    // What words, note: and has: find besides the catalogs' texts; without it (nullptr) they
    // find only those.
    void setUserData(const UserDataTracker *userData);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void sourceStructureChanged();
    void updateMatches();
    void userDataChanged();

    QPointer<CatalogModel> m_catalogModel;
    QList<QMetaObject::Connection> m_sourceConnections;
    QString m_query;
    QList<SearchTerm> m_terms;
    SearchIndex m_index;
    bool m_indexIsStale = true;
    SearchIndex::Matches m_matches;
    QPointer<const UserDataTracker> m_userData;
    // A scan changes thousands of file states in one go: the query is evaluated once after them.
    QTimer m_userDataTimer;
};
