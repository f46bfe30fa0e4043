#include "itemmodels/themelistmodel.h"

#include "catalog/occurrences.h"
#include "itemmodels/catalogmodel.h"

#include <QLocale>
#include <QSet>

ThemeListModel::ThemeListModel(const CatalogModel *catalogs, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalogs(catalogs)
{
    Q_ASSERT(catalogs);
    connect(catalogs, &QAbstractItemModel::modelReset, this, &ThemeListModel::reload);
    // Top-level rows come and go only with whole catalogs (see CatalogModel).
    auto topLevelChanged = [this](const QModelIndex &parent) {
        if (!parent.isValid())
            reload();
    };
    connect(catalogs, &QAbstractItemModel::rowsInserted, this, topLevelChanged);
    connect(catalogs, &QAbstractItemModel::rowsRemoved, this, topLevelChanged);
    m_rows = findRows();
}

QModelIndex ThemeListModel::indexOfTheme(const QString &themeId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).themeId == themeId)
            return index(row, NameColumn);
    }
    return {};
}

int ThemeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int ThemeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ThemeListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case ComposerColumn:
            return row.composer;
        case CuesColumn:
            // A number, so that a sorting proxy orders 10 after 9.
            return row.cueCount;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == NameColumn && !row.aliases.isEmpty())
            return tr("Also known as %1").arg(QLocale().createSeparatedList(row.aliases));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == CuesColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case CatalogIdRole:
        return row.catalogId;
    case ThemeIdRole:
        return row.themeId;
    }
    return QVariant();
}

QVariant ThemeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    switch (role) {
    case Qt::DisplayRole:
        switch (section) {
        case NameColumn:
            return tr("Theme");
        case ComposerColumn:
            return tr("Composer");
        case CuesColumn:
            return tr("Cues");
        }
        break;
    case Qt::TextAlignmentRole:
        if (section == CuesColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return QVariant();
}

void ThemeListModel::reload()
{
    beginResetModel();
    m_rows = findRows();
    endResetModel();
}

QList<ThemeListModel::Row> ThemeListModel::findRows() const
{
    QList<Row> rows;
    QSet<QString> seen;
    for (const Catalog &catalog : m_catalogs->catalogs()) {
        for (const Theme &theme : catalog.themes) {
            if (seen.contains(theme.id))
                continue;
            seen.insert(theme.id);
            rows.append(Row {catalog.id, theme.id, theme.name, theme.composer, theme.aliases,
                Occurrences::cueCountOfTheme(m_catalogs->catalogs(), theme.id)});
        }
    }
    return rows;
}
