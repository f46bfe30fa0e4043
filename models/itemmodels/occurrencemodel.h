#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

class CatalogModel;
struct Source;

// The table behind theme navigation, over the catalogs a CatalogModel has open: either the
// themes one cue quotes, in the order they are heard (cue mode), or every cue where one theme is
// heard, in album order (theme mode).
//
// A theme is its id, across catalogs: when two open catalogs both define "romulan", theme mode
// lists the cues of both. Ids are the vocabulary catalogs share
// (resources/catalogs/catalog-format.md); names are spelled differently by different writers,
// so they cannot be the key.
//
// When the CatalogModel resets, this model clears itself; when a catalog is added or removed
// without a reset, it lists the same cue or theme again over the catalogs now open.
class OccurrenceModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Mode { NoMode, CueMode, ThemeMode };
    enum CueModeColumn {
        ThemeColumn,
        KindColumn,
        WhereColumn,
        InstrumentsColumn,
        SourceColumn,
        CueModeColumnCount
    };
    enum ThemeModeColumn {
        CueColumn,
        ReleaseColumn,
        ThemeKindColumn,
        ThemeWhereColumn,
        ThemeInstrumentsColumn,
        ThemeModeColumnCount
    };
    enum Role {
        CatalogIdRole = Qt::UserRole + 1, // the catalog of the row's cue
        CueIdRole,
        ThemeIdRole,
        StartMsRole, // qint64, -1 when the occurrence has no time
        NoteRole, // the occurrence's note
        SourceIdsRole, // QStringList: every source that states the occurrence
        InferredRole, // bool: the catalog infers the occurrence; no source states it
        BasisRole, // what the inference rests on
    };

    explicit OccurrenceModel(const CatalogModel *catalogs, QObject *parent = nullptr);

    // The cue's occurrences by start time; one without a time sorts by its position (opening,
    // middle, throughout, ending) at the point of the cue that position stands for, and one with
    // neither comes last. Ties keep the catalog's order.
    void setCue(const QString &catalogId, const QString &cueId);
    // Every occurrence of the theme in every open catalog: catalog order, then the first release
    // and track of each cue, then the order within the cue. catalogId is where the theme was
    // chosen; rows come from every catalog that uses the same theme id.
    void setTheme(const QString &catalogId, const QString &themeId);
    void clear();

    Mode mode() const { return m_mode; }
    QString catalogId() const { return m_catalogId; }
    // The cue (cue mode) or theme (theme mode) shown; empty when cleared.
    QString subjectId() const { return m_subjectId; }

    // How many distinct cues quote the theme, over every open catalog.
    static int cueCountOfTheme(const CatalogModel &catalogs, const QString &themeId);
    // A source as the Source column names it: who wrote it, or where it appeared, or its title.
    static QString sourceName(const Source &source);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int catalog = -1;
        int occurrence = -1;
    };

    void show(Mode mode, const QString &catalogId, const QString &subjectId);
    QList<Row> findRows() const;
    QList<Row> cueRows() const;
    QList<Row> themeRows() const;
    QVariant cueModeData(const Row &row, int column, int role) const;
    QVariant themeModeData(const Row &row, int column, int role) const;
    QString releasesText(const Row &row) const;

    const CatalogModel *m_catalogs = nullptr;
    Mode m_mode = NoMode;
    QString m_catalogId;
    QString m_subjectId;
    QList<Row> m_rows;
};
