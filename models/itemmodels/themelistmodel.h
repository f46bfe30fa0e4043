#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>

class CatalogModel;

// Every theme of the open catalogs, for browsing: one row per theme id, with how many cues
// quote it over every open catalog. A theme id two catalogs share is one row, as Occurrences
// decides (ids are the vocabulary catalogs share); it is named as the first catalog that defines
// it names it. Rows follow the catalogs' own order; sort with a proxy. The model resets when a
// catalog is opened or closed.
class ThemeListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ComposerColumn, CuesColumn, ColumnCount };
    enum Role {
        CatalogIdRole = Qt::UserRole + 1, // the first catalog that defines the theme
        ThemeIdRole,
    };

    explicit ThemeListModel(const CatalogModel *catalogs, QObject *parent = nullptr);

    // The row of a theme id (column 0), or an invalid index.
    QModelIndex indexOfTheme(const QString &themeId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Copies, not pointers into the catalogs: the rows outlive a catalog being closed until the
    // reset that follows it.
    struct Row
    {
        QString catalogId;
        QString themeId;
        QString name;
        QString composer;
        QStringList aliases;
        int cueCount = 0;
    };

    void reload();
    QList<Row> findRows() const;

    const CatalogModel *m_catalogs = nullptr;
    QList<Row> m_rows;
};
