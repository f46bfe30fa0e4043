#pragma once

#include "itemmodels/catalogmodel.h"

#include <QAbstractListModel>
#include <QPointer>

class CatalogFilterModel;

// The releases that the catalog tree shows, as one flat list in the tree's order: what the cover
// grid shows. It follows the tree's filter, so the search field narrows both alike; with several
// catalogs open each release says which catalog it is from, and the releases of a catalog stay
// together.
class ReleaseGridModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        // CatalogModel::CatalogIdRole and ReleaseIdRole answer as in the tree.
        ComposersRole = Qt::UserRole + 100, // "Jeff Russo, Stephen Barton"
        YearRole, // "2020", or empty
        CatalogTitleRole, // with two or more catalogs open; else empty
    };

    explicit ReleaseGridModel(CatalogFilterModel *releases, QObject *parent = nullptr);

    // The row of the release, or -1 when the filter hides it or it is not open.
    int rowOf(const QString &catalogId, const QString &releaseId) const;
    // The release's row in the filter model (column 0), for the tree.
    QModelIndex filterIndex(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    void rebuild();
    void releaseRowsChanged(const QModelIndex &parent);
    const Catalog &catalogOf(const CatalogModel::Item &item) const;
    const Release &releaseOf(const CatalogModel::Item &item) const;

    QPointer<CatalogFilterModel> m_filter;
    QList<CatalogModel::Item> m_releases;
};
