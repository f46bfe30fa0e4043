#include "itemmodels/occurrencemodel.h"

#include "itemmodels/catalogmodel.h"
#include "catalog/timecode.h"

#include <QSet>

#include <algorithm>
#include <limits>
#include <tuple>

namespace {

// Where in its cue an occurrence is heard, for sorting: the start time, or for a position
// without a time the point of the cue it stands for; rank orders the ones at the same point
// (opening, then a time or the middle, throughout, ending, and last the ones with neither).
struct OrderKey
{
    qint64 ms = 0;
    int rank = 0;

    friend auto operator<=>(const OrderKey &, const OrderKey &) = default;
};

// The cue's length for placing positions: its duration, or else the latest time any of its
// occurrences gives, or 0 (then the positions keep their own order at the start).
qint64 cueLengthMs(const Catalog &catalog, const QString &cueId)
{
    const qint64 duration = catalog.cueDurationMs(cueId);
    if (duration >= 0)
        return duration;
    qint64 latest = 0;
    for (const int o : catalog.occurrencesOfCue(cueId)) {
        const Occurrence &occurrence = catalog.occurrences.at(o);
        latest = std::max({latest, occurrence.startMs, occurrence.endMs});
    }
    return latest;
}

OrderKey orderKey(const Occurrence &occurrence, qint64 cueLength)
{
    if (occurrence.startMs >= 0)
        return {occurrence.startMs, 1};
    switch (occurrence.position) {
    case Occurrence::Opening:
        return {0, 0};
    case Occurrence::Middle:
        return {cueLength / 2, 1};
    case Occurrence::Throughout:
        return {cueLength / 2, 2};
    case Occurrence::Ending:
        return {cueLength, 3};
    case Occurrence::NoPosition:
        break;
    }
    return {std::numeric_limits<qint64>::max(), 4};
}

QString kindText(Occurrence::Kind kind)
{
    switch (kind) {
    case Occurrence::Statement:
        return OccurrenceModel::tr("Statement");
    case Occurrence::Quotation:
        return OccurrenceModel::tr("Quotation");
    case Occurrence::Allusion:
        return OccurrenceModel::tr("Allusion");
    case Occurrence::Fragment:
        return OccurrenceModel::tr("Fragment");
    case Occurrence::Variation:
        return OccurrenceModel::tr("Variation");
    case Occurrence::UnknownKind:
        break;
    }
    return QString();
}

QString whereText(const Occurrence &occurrence)
{
    if (occurrence.startMs >= 0) {
        const QString start = TimeCode::formatSeconds(occurrence.startMs);
        if (occurrence.endMs <= occurrence.startMs)
            return start;
        return OccurrenceModel::tr("%1–%2").arg(start, TimeCode::formatSeconds(occurrence.endMs));
    }
    switch (occurrence.position) {
    case Occurrence::Opening:
        return OccurrenceModel::tr("opening");
    case Occurrence::Middle:
        return OccurrenceModel::tr("in the middle");
    case Occurrence::Throughout:
        return OccurrenceModel::tr("throughout");
    case Occurrence::Ending:
        return OccurrenceModel::tr("towards the end");
    case Occurrence::NoPosition:
        break;
    }
    return QString();
}

// "Noah Marconi; Randall D. Larson": every source that states the entrance.
QString sourcesText(const Catalog &catalog, const QStringList &sourceIds)
{
    QStringList texts;
    for (const QString &id : sourceIds) {
        if (const Source *source = catalog.source(id))
            texts.append(OccurrenceModel::sourceName(*source));
    }
    texts.removeAll(QString());
    return texts.join(u"; ");
}

QString citation(const Source *source)
{
    if (!source)
        return QString();
    QStringList parts {source->title, source->author, source->publication, source->date};
    parts.removeAll(QString());
    return parts.join(u", ");
}

// One line per source.
QString citations(const Catalog &catalog, const QStringList &sourceIds)
{
    QStringList lines;
    for (const QString &id : sourceIds)
        lines.append(citation(catalog.source(id)));
    lines.removeAll(QString());
    return lines.join(u'\n');
}

} // namespace

OccurrenceModel::OccurrenceModel(const CatalogModel *catalogs, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalogs(catalogs)
{
    Q_ASSERT(catalogs);
    // Rows hold indexes into the open catalogs: drop them before those can change under us.
    connect(catalogs, &QAbstractItemModel::modelAboutToBeReset, this, &OccurrenceModel::clear);
    // Top-level rows come and go only with whole catalogs.
    connect(catalogs, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        [this](const QModelIndex &parent) {
            if (!parent.isValid())
                beginResetModel();
        });
    connect(catalogs, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &parent) {
        if (!parent.isValid()) {
            m_rows = findRows();
            endResetModel();
        }
    });
    connect(catalogs, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent) {
        if (!parent.isValid())
            show(m_mode, m_catalogId, m_subjectId);
    });
}

void OccurrenceModel::setCue(const QString &catalogId, const QString &cueId)
{
    show(CueMode, catalogId, cueId);
}

void OccurrenceModel::setTheme(const QString &catalogId, const QString &themeId)
{
    show(ThemeMode, catalogId, themeId);
}

void OccurrenceModel::clear()
{
    show(NoMode, QString(), QString());
}

int OccurrenceModel::cueCountOfTheme(const CatalogModel &catalogs, const QString &themeId)
{
    int count = 0;
    for (const Catalog &catalog : catalogs.catalogs()) {
        QSet<QString> cues;
        for (const int o : catalog.occurrencesOfTheme(themeId))
            cues.insert(catalog.occurrences.at(o).cueId);
        count += cues.size();
    }
    return count;
}

QString OccurrenceModel::sourceName(const Source &source)
{
    if (!source.author.isEmpty())
        return source.author;
    return source.publication.isEmpty() ? source.title : source.publication;
}

int OccurrenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int OccurrenceModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_mode == ThemeMode ? int(ThemeModeColumnCount) : int(CueModeColumnCount);
}

QVariant OccurrenceModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows.at(index.row());
    const Catalog &catalog = m_catalogs->catalogs().at(row.catalog);
    const Occurrence &occurrence = catalog.occurrences.at(row.occurrence);
    switch (role) {
    case CatalogIdRole:
        return catalog.id;
    case CueIdRole:
        return occurrence.cueId;
    case ThemeIdRole:
        return occurrence.themeId;
    case StartMsRole:
        return occurrence.startMs;
    case NoteRole:
        return occurrence.note;
    case SourceIdsRole:
        return occurrence.sourceIds;
    case InferredRole:
        return occurrence.inferred;
    case BasisRole:
        return occurrence.basis;
    default:
        break;
    }
    if (m_mode == ThemeMode)
        return themeModeData(row, index.column(), role);
    return cueModeData(row, index.column(), role);
}

QVariant OccurrenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    if (m_mode == ThemeMode) {
        switch (section) {
        case CueColumn:
            return tr("Cue");
        case ReleaseColumn:
            return tr("Release");
        case ThemeKindColumn:
            return tr("Kind");
        case ThemeWhereColumn:
            return tr("Where");
        case ThemeInstrumentsColumn:
            return tr("Instruments");
        }
        return QVariant();
    }
    switch (section) {
    case ThemeColumn:
        return tr("Theme");
    case KindColumn:
        return tr("Kind");
    case WhereColumn:
        return tr("Where");
    case InstrumentsColumn:
        return tr("Instruments");
    case SourceColumn:
        return tr("Source");
    }
    return QVariant();
}

void OccurrenceModel::show(Mode mode, const QString &catalogId, const QString &subjectId)
{
    beginResetModel();
    m_mode = mode;
    m_catalogId = catalogId;
    m_subjectId = subjectId;
    m_rows = findRows();
    endResetModel();
}

QList<OccurrenceModel::Row> OccurrenceModel::findRows() const
{
    switch (m_mode) {
    case CueMode:
        return cueRows();
    case ThemeMode:
        return themeRows();
    case NoMode:
        break;
    }
    return QList<Row>();
}

QList<OccurrenceModel::Row> OccurrenceModel::cueRows() const
{
    const int c = m_catalogs->catalogIndex(m_catalogId);
    if (c < 0)
        return QList<Row>();
    const Catalog &catalog = m_catalogs->catalogs().at(c);
    const qint64 length = cueLengthMs(catalog, m_subjectId);
    QList<Row> rows;
    for (const int o : catalog.occurrencesOfCue(m_subjectId))
        rows.append(Row {c, o});
    auto key
        = [&](const Row &row) { return orderKey(catalog.occurrences.at(row.occurrence), length); };
    std::stable_sort(
        rows.begin(), rows.end(), [&](const Row &a, const Row &b) { return key(a) < key(b); });
    return rows;
}

QList<OccurrenceModel::Row> OccurrenceModel::themeRows() const
{
    struct Placed
    {
        Row row;
        std::tuple<int, int, int, int, OrderKey> key; // catalog, release, track, cue, in the cue
    };
    QList<Placed> placed;
    const QList<Catalog> &catalogs = m_catalogs->catalogs();
    for (int c = 0; c < catalogs.size(); ++c) {
        const Catalog &catalog = catalogs.at(c);
        for (const int o : catalog.occurrencesOfTheme(m_subjectId)) {
            const Occurrence &occurrence = catalog.occurrences.at(o);
            // A cue on no release sorts after the released ones.
            const TrackRef first = catalog.tracksOfCue(occurrence.cueId)
                                       .value(0,
                                           TrackRef {std::numeric_limits<int>::max(),
                                               std::numeric_limits<int>::max()});
            const OrderKey inCue = orderKey(occurrence, cueLengthMs(catalog, occurrence.cueId));
            placed.append(Placed {Row {c, o},
                {c, first.release, first.track, catalog.cueIndex(occurrence.cueId), inCue}});
        }
    }
    std::stable_sort(placed.begin(), placed.end(),
        [](const Placed &a, const Placed &b) { return a.key < b.key; });
    QList<Row> rows;
    rows.reserve(placed.size());
    for (const Placed &p : std::as_const(placed))
        rows.append(p.row);
    return rows;
}

QVariant OccurrenceModel::cueModeData(const Row &row, int column, int role) const
{
    const Catalog &catalog = m_catalogs->catalogs().at(row.catalog);
    const Occurrence &occurrence = catalog.occurrences.at(row.occurrence);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ThemeColumn: {
            const Theme *theme = catalog.theme(occurrence.themeId);
            return theme ? theme->name : occurrence.themeId;
        }
        case KindColumn:
            return kindText(occurrence.kind);
        case WhereColumn:
            return whereText(occurrence);
        case InstrumentsColumn:
            return occurrence.instruments;
        case SourceColumn:
            return sourcesText(catalog, occurrence.sourceIds);
        }
        break;
    case Qt::ToolTipRole:
        if (column == SourceColumn)
            return citations(catalog, occurrence.sourceIds);
        return occurrence.note.isEmpty() ? QVariant() : QVariant(occurrence.note);
    }
    return QVariant();
}

QVariant OccurrenceModel::themeModeData(const Row &row, int column, int role) const
{
    const Catalog &catalog = m_catalogs->catalogs().at(row.catalog);
    const Occurrence &occurrence = catalog.occurrences.at(row.occurrence);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case CueColumn: {
            const Cue *cue = catalog.cue(occurrence.cueId);
            return cue ? cue->title : occurrence.cueId;
        }
        case ReleaseColumn:
            return releasesText(row);
        case ThemeKindColumn:
            return kindText(occurrence.kind);
        case ThemeWhereColumn:
            return whereText(occurrence);
        case ThemeInstrumentsColumn:
            return occurrence.instruments;
        }
        break;
    case Qt::ToolTipRole:
        return occurrence.note.isEmpty() ? QVariant() : QVariant(occurrence.note);
    }
    return QVariant();
}

// "Season 1 · 18; Season 1, Chapter 1 · 18": every release the cue stands on.
QString OccurrenceModel::releasesText(const Row &row) const
{
    const Catalog &catalog = m_catalogs->catalogs().at(row.catalog);
    QStringList places;
    for (const TrackRef &ref : catalog.tracksOfCue(catalog.occurrences.at(row.occurrence).cueId)) {
        const Release &release = catalog.releases.at(ref.release);
        places.append(tr("%1 · %2").arg(
            release.title, CatalogModel::trackNumberText(release, release.tracks.at(ref.track))));
    }
    return places.join(u"; ");
}
