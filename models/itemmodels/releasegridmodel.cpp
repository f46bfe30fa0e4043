#include "itemmodels/releasegridmodel.h"

#include "itemmodels/catalogfiltermodel.h"

using namespace Qt::StringLiterals;

ReleaseGridModel::ReleaseGridModel(CatalogFilterModel *releases, QObject *parent)
    : QAbstractListModel(parent)
    , m_filter(releases)
{
    connect(releases, &QAbstractItemModel::modelReset, this, &ReleaseGridModel::rebuild);
    connect(releases, &QAbstractItemModel::layoutChanged, this, &ReleaseGridModel::rebuild);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(releases, signal, this,
            [this](const QModelIndex &parent) { releaseRowsChanged(parent); });
    }
    // A catalog's title or a release's fields do not change while it is open; the rows' data
    // that does (notes, files, the playing cue) is the tracks', which the grid does not show.
    rebuild();
}

void ReleaseGridModel::releaseRowsChanged(const QModelIndex &parent)
{
    // Rows of tracks come and go inside a release: the list of releases stays as it is.
    if (!parent.isValid()
        || parent.data(CatalogModel::KindRole).toInt() == CatalogModel::CatalogItem)
        rebuild();
}

void ReleaseGridModel::rebuild()
{
    beginResetModel();
    m_releases.clear();
    CatalogModel *catalogs = m_filter ? m_filter->catalogModel() : nullptr;
    if (catalogs) {
        auto addReleasesOf = [&](const QModelIndex &parent) {
            const int rows = m_filter->rowCount(parent);
            for (int row = 0; row < rows; ++row) {
                const CatalogModel::Item item
                    = catalogs->item(m_filter->mapToSource(m_filter->index(row, 0, parent)));
                if (item.kind == CatalogModel::ReleaseItem)
                    m_releases.append(item);
            }
        };
        if (catalogs->isGroupedByCatalog()) {
            for (int row = 0; row < m_filter->rowCount(); ++row)
                addReleasesOf(m_filter->index(row, 0));
        } else {
            addReleasesOf({});
        }
    }
    endResetModel();
}

const Catalog &ReleaseGridModel::catalogOf(const CatalogModel::Item &item) const
{
    return m_filter->catalogModel()->catalogs()[item.catalog];
}

const Release &ReleaseGridModel::releaseOf(const CatalogModel::Item &item) const
{
    return catalogOf(item).releases[item.release];
}

int ReleaseGridModel::rowOf(const QString &catalogId, const QString &releaseId) const
{
    const CatalogModel *catalogs = m_filter ? m_filter->catalogModel() : nullptr;
    if (!catalogs)
        return -1;
    const int catalog = catalogs->catalogIndex(catalogId);
    if (catalog < 0)
        return -1;
    const int release = catalogs->catalogs()[catalog].releaseIndex(releaseId);
    for (int row = 0; row < m_releases.size(); ++row) {
        if (m_releases[row].catalog == catalog && m_releases[row].release == release)
            return row;
    }
    return -1;
}

QModelIndex ReleaseGridModel::filterIndex(int row) const
{
    if (row < 0 || row >= m_releases.size())
        return {};
    return m_filter->mapFromSource(m_filter->catalogModel()->index(m_releases[row]));
}

int ReleaseGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_releases.size());
}

Qt::ItemFlags ReleaseGridModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    // Dropping an image on a cover sets it.
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled
        | Qt::ItemNeverHasChildren;
}

QVariant ReleaseGridModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CatalogModel::Item &item = m_releases[index.row()];
    const Catalog &catalog = catalogOf(item);
    const Release &release = releaseOf(item);
    switch (role) {
    case Qt::DisplayRole:
        return release.title;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: {
        QStringList parts {release.title};
        if (!release.artists.isEmpty())
            parts.append(release.artists.join(u", "_s));
        if (!release.date.isEmpty())
            parts.append(release.date.left(4));
        if (m_filter->catalogModel()->isGroupedByCatalog())
            parts.append(catalog.title);
        return parts.join(role == Qt::ToolTipRole ? u"\n"_s : u", "_s);
    }
    case CatalogModel::KindRole:
        return CatalogModel::ReleaseItem;
    case CatalogModel::CatalogIdRole:
        return catalog.id;
    case CatalogModel::ReleaseIdRole:
        return release.id;
    case ComposersRole:
        return release.artists.join(u", "_s);
    case YearRole:
        return release.date.left(4);
    case CatalogTitleRole:
        return m_filter->catalogModel()->isGroupedByCatalog() ? catalog.title : QString();
    default:
        return {};
    }
}
