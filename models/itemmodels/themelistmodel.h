#pragma once

#include "catalog/cuekey.h"
#include "catalog/themecensus.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

class CatalogModel;
class UserDatabase;

// Every theme of the open catalogs, for browsing, with its census (ThemeCensus): how many cues
// quote it, the first and last of them in album order, the releases it spans and its share of
// the running time where times are known, counting the user's markers that name it beside the
// catalogs' occurrences. A theme id two catalogs share is one row, as Occurrences decides (ids
// are the vocabulary catalogs share); it is named as the first catalog that defines it names it.
// Rows follow the catalogs' own order; sort with a proxy on SortRole. The model resets when a
// catalog is opened or closed; a marker change updates the census in place.
class ThemeListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        ComposerColumn,
        CuesColumn,
        FirstHeardColumn,
        LastHeardColumn,
        ReleasesColumn,
        ShareColumn,
        ColumnCount
    };
    enum Role {
        CatalogIdRole = Qt::UserRole + 1, // the first catalog that defines the theme
        ThemeIdRole,
        // What the column sorts by: text for names, numbers for counts and shares, the place in
        // album order for the first and last cue.
        SortRole,
        // The first or last cue heard (a CueKey), in those columns.
        CueRole,
    };

    explicit ThemeListModel(const CatalogModel *catalogs, QObject *parent = nullptr);

    // Whose markers count beside the catalogs' occurrences; nullptr counts none.
    void setUserData(const UserDatabase *userData);
    // The census of a row's theme (column 0), as the columns show it.
    const ThemeCensus::Entry &census(int row) const { return m_rows.at(row).census; }

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
        ThemeCensus::Entry census;
    };

    void reload();
    void recount();
    void recountCue(const CueKey &cue);
    QList<Row> findRows() const;
    QHash<QString, ThemeCensus::Entry> countThemes() const;
    QString cueTitle(const CueKey &cue) const;
    // Where the cue first stands in album order, as one sortable number; the largest for none.
    qint64 albumPlace(const CueKey &cue) const;
    QString placeText(const CueKey &cue) const;

    const CatalogModel *m_catalogs = nullptr;
    QPointer<const UserDatabase> m_userData;
    QList<Row> m_rows;
    qint64 m_runningTimeMs = 0;
};
