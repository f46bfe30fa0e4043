#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// The value types of one catalog, as resources/catalogs/catalog-format.md defines them. Times
// are in milliseconds, with -1 where the catalog gives none.

struct Source
{
    enum Kind { Review, Interview, Article, LinerNotes, Other };

    QString id;
    Kind kind = Other;
    QString title;
    QString author;
    QString publication;
    QString date;
    QString url;
};

struct Theme
{
    QString id;
    QString name;
    QString composer;
    QString origin;
    QStringList aliases;
    QString description;
};

struct Cue
{
    QString id;
    QString title;
    QStringList composers;
    QStringList performers;
    QString episode;
    QString description;
    // True for a cue the reader made for a track that names none (id "<release>/<disc>-<number>").
    bool isImplicit = false;
};

struct Track
{
    int disc = 1;
    int number = 0;
    QString title;
    qint64 durationMs = -1;
    // Always set after reading: the named cue, or the track's implicit cue.
    QString cueId;
};

struct Release
{
    QString id;
    QString title;
    QStringList artists;
    QString label;
    QString date;
    QString format;
    QString catalogNumber;
    // Relative to the catalog file, as written in the catalog.
    QString cover;
    bool complete = true;
    QList<Track> tracks;
};

struct Occurrence
{
    enum Kind { Statement, Quotation, Allusion, Fragment, Variation, UnknownKind };
    // Declared in the order a listener meets them, which is how occurrences without a time sort.
    enum Position { Opening, Middle, Throughout, Ending, NoPosition };

    QString themeId;
    QString cueId;
    Kind kind = UnknownKind;
    qint64 startMs = -1;
    qint64 endMs = -1;
    Position position = NoPosition;
    QString instruments;
    // Every source that states this entrance: one entrance stated by two sources is one
    // occurrence, listed once.
    QStringList sourceIds;
    QString note;
    // Set where no source states the entrance outright and the catalog concludes it; basis says
    // from what, and may be empty.
    bool inferred = false;
    QString basis;
};

struct Excerpt
{
    QString id;
    QString sourceId;
    QString text;
    // Who is quoted, where that is not the source's author (the composer in an interview);
    // empty when the author speaks.
    QString speaker;
    QStringList releaseIds;
    QStringList cueIds;
    QStringList themeIds;
};

// Where a cue stands: a release and a track of it, as indexes into Catalog::releases.
struct TrackRef
{
    int release = -1;
    int track = -1;
};

// One loaded catalog: plain values, with lookups by id. Build it, then call buildIndex()
// before using the lookups; CatalogReader does both.
class Catalog
{
public:
    QString id;
    QString title;
    // The file it was read from (a resource path for the bundled catalog); covers resolve against
    // it.
    QString filePath;

    QList<Source> sources;
    QList<Theme> themes;
    QList<Cue> cues;
    QList<Release> releases;
    QList<Occurrence> occurrences;
    QList<Excerpt> excerpts;

    void buildIndex();

    const Source *source(const QString &id) const;
    const Theme *theme(const QString &id) const;
    const Cue *cue(const QString &id) const;
    const Release *release(const QString &id) const;

    int sourceIndex(const QString &id) const { return m_sourceIndex.value(id, -1); }
    int themeIndex(const QString &id) const { return m_themeIndex.value(id, -1); }
    int cueIndex(const QString &id) const { return m_cueIndex.value(id, -1); }
    int releaseIndex(const QString &id) const { return m_releaseIndex.value(id, -1); }

    // Every place the cue stands, in release order then track order.
    QList<TrackRef> tracksOfCue(const QString &cueId) const;
    // The longest duration any track gives the cue, or -1.
    qint64 cueDurationMs(const QString &cueId) const;

    // Indexes into occurrences / excerpts, in the catalog's order.
    QList<int> occurrencesOfCue(const QString &cueId) const;
    QList<int> occurrencesOfTheme(const QString &themeId) const;
    QList<int> excerptsOfRelease(const QString &releaseId) const;
    QList<int> excerptsOfCue(const QString &cueId) const;
    QList<int> excerptsOfTheme(const QString &themeId) const;

    int trackCount() const;

private:
    // Items grouped by a key index, in one flat list: the items of key k are
    // items[offsets[k]] .. items[offsets[k + 1] - 1]. One allocation for 100,000 cues, where a
    // list per cue would make 100,000.
    template<typename T>
    struct Postings
    {
        QList<qsizetype> offsets;
        QList<T> items;

        QList<T> of(int key) const;
    };
    template<typename T>
    static Postings<T> group(qsizetype keyCount, const QList<std::pair<int, T>> &pairs);

    QHash<QString, int> m_sourceIndex;
    QHash<QString, int> m_themeIndex;
    QHash<QString, int> m_cueIndex;
    QHash<QString, int> m_releaseIndex;
    Postings<TrackRef> m_tracksByCue;
    Postings<int> m_occurrencesByCue;
    Postings<int> m_occurrencesByTheme;
    Postings<int> m_excerptsByRelease;
    Postings<int> m_excerptsByCue;
    Postings<int> m_excerptsByTheme;
};
