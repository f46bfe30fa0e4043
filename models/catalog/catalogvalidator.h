#pragma once

#include "catalog/catalog.h"
#include "catalog/catalogkeys.h"
#include "catalog/idtable.h"
#include "catalog/jsonfields.h"
#include "catalog/jsontree.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

// Reads one parsed catalog into a Catalog, applying every rule of
// resources/catalogs/catalog-format.md. Sections are read in the order their references
// need (definitions first), whatever order the file has them in; faults are collected with
// their offsets and sorted, so they come out in document order.
class CatalogValidator
{
public:
    CatalogValidator(const JsonTree &tree, const QString &filePath, Catalog &catalog)
        : m_tree(tree)
        , m_filePath(filePath)
        , m_catalog(catalog)
        , m_fields(tree, filePath)
    { }

    bool validate();
    QStringList errors() { return m_fields.errors(); }
    QStringList warnings() { return m_fields.warnings(); }

private:
    using Field = JsonFields::Field;
    using Path = JsonFields::Path;
    using Presence = JsonFields::Presence;
    template<size_t N>
    using Keys = JsonFields::Keys<N>;
    using OccurrenceMembers = JsonFields::Members<CatalogKeys::OccurrenceKeyCount>;

    // A track's cue that was not defined yet when the track was read: an implicit cue of a
    // later release, or a fault.
    struct PendingCue
    {
        quint32 node;
        int release;
        int track;
    };
    // The tracks of the release being read: their nodes, whether each has a valid disc and
    // number, and whether it names no cue. Reused from release to release.
    struct TrackNode
    {
        quint32 node = 0;
        bool numbered = false;
        bool namesNoCue = false;
    };

    bool checkFormat(quint32 root);
    void readSources(const Field &field);
    void readThemes(const Field &field);
    void readCues(const Field &field);
    void readReleases(const Field &field);
    void readTracks(const Field &field, Release &release, int releaseIndex);
    void readTrackCue(const Field &field, Track &track, int releaseIndex, int trackIndex);
    void checkTrackNumbers(const Path &tracks, const Release &release);
    void addImplicitCues(Release &release);
    void resolvePendingCues();
    void readOccurrences(const Field &field);
    void readOccurrenceTimes(const OccurrenceMembers &m, Occurrence &occurrence, int cue);
    void readOccurrenceSources(const OccurrenceMembers &m, Occurrence &occurrence);
    void readSourceList(const Field &field, QStringList &out);
    void readInference(const OccurrenceMembers &m, Occurrence &occurrence);
    void readExcerpts(const Field &field);

    // An array of objects into list, one entry per element in the file's order (an element that
    // is not an object is a fault and leaves a blank entry, so that indexes stay the file's);
    // read(entry, members, index) fills each. ids, when given, is reserved for the count.
    template<typename T, size_t N, typename Read>
    void readObjects(
        const Field &field, QList<T> &list, const Keys<N> &keys, IdTable *ids, Read &&read);
    void readId(const Field &field, QString &out, IdTable &ids, int index);
    void readRecurringText(const Field &field, QString &out);
    void readRecurringTextList(const Field &field, QStringList &out);
    QString recurringText(quint32 node);
    int readReference(const Field &field, const IdTable &ids, const QString &kind, QString &out,
        Presence presence = JsonFields::Optional);
    void readReferenceList(
        const Field &field, const IdTable &ids, const QString &kind, QStringList &out);
    const IdTable::Entry *find(const IdTable &ids, quint32 node) const;
    void readCover(const Field &field, QString &out);
    QString canonicalFolder();

    const JsonTree &m_tree;
    const QString &m_filePath;
    Catalog &m_catalog;
    const Path m_document;
    JsonFields::FieldReader m_fields;

    IdTable m_sourceIds;
    IdTable m_themeIds;
    IdTable m_cueIds;
    IdTable m_releaseIds;
    IdTable m_excerptIds;
    IdTable m_recurringTexts;
    int m_recurringTextCount = 0;
    // By cue index: the longest duration its tracks give, or -1 (Catalog::cueDurationMs()).
    std::vector<qint64> m_cueDurations;
    std::vector<PendingCue> m_pendingCues;
    std::vector<TrackNode> m_trackNodes;
    std::vector<std::pair<int, int>> m_discTracks;
    std::optional<QString> m_canonicalFolder;
    QHash<QString, QStringList> m_recurringLists;
};
