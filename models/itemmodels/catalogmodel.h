#pragma once

#include "catalog/catalog.h"
#include "catalog/cuekey.h"
#include "library/filestate.h"

#include <QAbstractItemModel>
#include <QList>

#include <array>

// The releases and tracks of the open catalogs, as a tree read straight from the catalogs' own
// lists. With one catalog open, its releases are the top level (release → track); with two or
// more, each catalog is a top-level row (catalog → release → track), and the model resets when
// the count crosses between one and two. Notes and file links belong to a cue, so their state is
// kept per cue and shows on every track of it.
class CatalogModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, ArtistColumn, NumberColumn, DurationColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // ItemKind, as int
        CatalogIdRole,
        ReleaseIdRole, // releases and tracks
        CueIdRole, // tracks
        DurationMsRole, // qint64: a track's duration, a release's known total; -1 when unknown
        HasNoteRole, // bool, tracks
        HasFileRole, // FileState as int, tracks
        IsPlayingRole, // bool, tracks: the cue the player has
    };
    enum ItemKind { CatalogItem, ReleaseItem, TrackItem };

    // Where an index points, as indexes into catalogs(), Catalog::releases and Release::tracks;
    // -1 for the levels below the item.
    struct Item
    {
        ItemKind kind = CatalogItem;
        int catalog = -1;
        int release = -1;
        int track = -1;
    };

    // The limits of the index packing: more catalogs or releases than this are refused.
    static constexpr int MaxCatalogs = 254;
    static constexpr int MaxReleases = 0xFFFFFE;

    explicit CatalogModel(QObject *parent = nullptr);

    // Appends an indexed catalog (Catalog::buildIndex() done). Refuses (returns false) a catalog
    // whose id is already open, or one past the limits above.
    bool addCatalog(Catalog catalog);
    bool removeCatalog(const QString &catalogId);
    // Pointers and references into these stay valid until the next addCatalog/removeCatalog.
    const QList<Catalog> &catalogs() const { return m_catalogs; }
    const Catalog *catalog(const QString &catalogId) const;
    int catalogIndex(const QString &catalogId) const;
    // True when catalogs are the top level (two or more open).
    bool isGroupedByCatalog() const { return m_catalogs.size() > 1; }

    Item item(const QModelIndex &index) const;
    // The item at row of parent, without making its index: the filter model's hot path.
    Item item(int row, const QModelIndex &parent) const;
    QModelIndex index(const Item &item, int column = TitleColumn) const;
    // Invalid when the catalog is not open, or is the only one (its releases are the top level).
    QModelIndex indexOfCatalog(const QString &catalogId) const;
    QModelIndex indexOfRelease(const QString &catalogId, const QString &releaseId) const;
    // Every track of the cue, on every release, in release then track order; column 0.
    QList<QModelIndex> indexesOfCue(const CueKey &cue) const;

    // Both emit dataChanged (HasNoteRole / HasFileRole) for every track of the cue, and only
    // when the state changes. Unknown catalogs and cues are ignored.
    void setNoteState(const CueKey &cue, bool hasNote);
    void setFileState(const CueKey &cue, FileState state);
    // Marks the cue the player has (bold, on every release); an empty key marks none.
    void setPlayingCue(const CueKey &cue);
    bool hasNote(const CueKey &cue) const;
    FileState fileState(const CueKey &cue) const;

    // "4", or "2-04" when the release has more than one disc.
    static QString trackNumberText(const Release &release, const Track &track);
    // The sum of the durations the catalog gives, or -1 when it gives none.
    static qint64 knownDurationMs(const Release &release);

    QModelIndex index(
        int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // After a catalog was added or removed (and the rows or the reset that say so): what was
    // looked up by id may be gone, or may now be found.
    void catalogsChanged();
    // Once per cue whose file state changed (after dataChanged for each of its tracks).
    void fileStateChanged(const CueKey &cue);

private:
    QVariant catalogData(const Catalog &catalog, int column, int role) const;
    QVariant releaseData(const Release &release, int column, int role) const;
    QVariant trackData(const Item &item, int column, int role) const;
    static QString trackToolTip(const Catalog &catalog, const Track &track, quint8 state);
    quint8 cueState(int catalog, const QString &cueId) const;
    // True when the state changed.
    bool setCueState(const CueKey &cue, quint8 mask, quint8 value, int role);

    int catalogOfSlot(quintptr slot) const { return m_catalogOfSlot[slot]; }
    int freeSlot() const;
    void updateSlots();

    QList<Catalog> m_catalogs;
    // Per catalog, per cue index: the note bit and the file state (see catalogmodel.cpp).
    QList<QList<quint8>> m_cueStates;
    // Indexes name their catalog by a slot that stays the same while it is open, not by its row:
    // removing a catalog then leaves the indexes of the ones after it valid.
    QList<int> m_slots;
    CueKey m_playingCue;
    std::array<int, MaxCatalogs> m_catalogOfSlot = {};
};
