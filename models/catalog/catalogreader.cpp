#include "catalog/catalogreader.h"

#include "catalog/jsontree.h"
#include "catalog/timecode.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHashFunctions>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <optional>
#include <tuple>

using namespace Qt::StringLiterals;

namespace {

// A file broken in every element could otherwise make millions of messages (gigabytes): past
// this many, the rest are only counted.
constexpr int MaxListedFaults = 1000;
constexpr int MaxTrackNumber = 9999;

// A place in the document, kept on the call stack and turned into text only for a fault: most
// values are fine, and building a path for each would cost more than reading it.
class Path
{
public:
    Path() = default;
    Path(const Path &parent, QLatin1StringView key)
        : m_parent(&parent)
        , m_key(key)
    { }
    Path(const Path &parent, qsizetype index)
        : m_parent(&parent)
        , m_index(index)
    { }

    QString toString() const
    {
        QString text;
        append(text);
        return text.isEmpty() ? u"(document)"_s : text;
    }

    QString withKey(QStringView key) const
    {
        QString text;
        append(text);
        JsonTree::appendKey(text, key);
        return text;
    }

private:
    void append(QString &text) const
    {
        if (!m_parent)
            return;
        m_parent->append(text);
        if (m_index >= 0)
            JsonTree::appendIndex(text, m_index);
        else
            JsonTree::appendKey(text, QString(m_key));
    }

    const Path *m_parent = nullptr;
    QLatin1StringView m_key;
    qsizetype m_index = -1;
};

// One member the format defines, present or not.
struct Field
{
    quint32 object; // the object it belongs in: faults about a missing value point there
    quint32 value; // 0 when absent (node 0 is the document, never a member)
    Path path;
};

template<size_t N>
using Keys = std::array<QLatin1StringView, N>;

// The values of one object's known keys, looked up once.
template<size_t N>
struct Members
{
    quint32 object;
    const Path &path;
    const Keys<N> &keys;
    std::array<quint32, N> values {};

    Field operator[](int key) const
    {
        return Field {object, values[size_t(key)], Path(path, keys[size_t(key)])};
    }
};

enum CatalogKey {
    CatalogFormat,
    CatalogVersion,
    CatalogId,
    CatalogTitle,
    CatalogSources,
    CatalogThemes,
    CatalogCues,
    CatalogReleases,
    CatalogOccurrences,
    CatalogExcerpts,
    CatalogKeyCount
};
constexpr Keys<CatalogKeyCount> CatalogKeys {"format"_L1, "version"_L1, "id"_L1, "title"_L1,
    "sources"_L1, "themes"_L1, "cues"_L1, "releases"_L1, "occurrences"_L1, "excerpts"_L1};

enum SourceKey {
    SourceId,
    SourceKind,
    SourceTitle,
    SourceAuthor,
    SourcePublication,
    SourceDate,
    SourceUrl,
    SourceKeyCount
};
constexpr Keys<SourceKeyCount> SourceKeys {
    "id"_L1, "kind"_L1, "title"_L1, "author"_L1, "publication"_L1, "date"_L1, "url"_L1};

enum ThemeKey {
    ThemeId,
    ThemeName,
    ThemeComposer,
    ThemeOrigin,
    ThemeAliases,
    ThemeDescription,
    ThemeKeyCount
};
constexpr Keys<ThemeKeyCount> ThemeKeys {
    "id"_L1, "name"_L1, "composer"_L1, "origin"_L1, "aliases"_L1, "description"_L1};

enum CueKey {
    CueId,
    CueTitle,
    CueComposers,
    CuePerformers,
    CueEpisode,
    CueDescription,
    CueKeyCount
};
constexpr Keys<CueKeyCount> CueKeys {
    "id"_L1, "title"_L1, "composers"_L1, "performers"_L1, "episode"_L1, "description"_L1};

enum ReleaseKey {
    ReleaseId,
    ReleaseTitle,
    ReleaseArtists,
    ReleaseLabel,
    ReleaseDate,
    ReleaseFormat,
    ReleaseCatalogNumber,
    ReleaseCover,
    ReleaseComplete,
    ReleaseTracks,
    ReleaseKeyCount
};
constexpr Keys<ReleaseKeyCount> ReleaseKeys {"id"_L1, "title"_L1, "artists"_L1, "label"_L1,
    "date"_L1, "format"_L1, "catalogNumber"_L1, "cover"_L1, "complete"_L1, "tracks"_L1};

enum TrackKey { TrackDisc, TrackNumber, TrackTitle, TrackDuration, TrackCue, TrackKeyCount };
constexpr Keys<TrackKeyCount> TrackKeys {
    "disc"_L1, "number"_L1, "title"_L1, "duration"_L1, "cue"_L1};

enum OccurrenceKey {
    OccurrenceTheme,
    OccurrenceCue,
    OccurrenceKind,
    OccurrenceStart,
    OccurrenceEnd,
    OccurrencePosition,
    OccurrenceInstruments,
    OccurrenceSource,
    OccurrenceSources,
    OccurrenceNote,
    OccurrenceInferred,
    OccurrenceBasis,
    OccurrenceKeyCount
};
constexpr Keys<OccurrenceKeyCount> OccurrenceKeys {"theme"_L1, "cue"_L1, "kind"_L1, "start"_L1,
    "end"_L1, "position"_L1, "instruments"_L1, "source"_L1, "sources"_L1, "note"_L1, "inferred"_L1,
    "basis"_L1};

enum ExcerptKey {
    ExcerptId,
    ExcerptSource,
    ExcerptText,
    ExcerptReleases,
    ExcerptCues,
    ExcerptThemes,
    ExcerptSpeaker,
    ExcerptKeyCount
};
constexpr Keys<ExcerptKeyCount> ExcerptKeys {
    "id"_L1, "source"_L1, "text"_L1, "releases"_L1, "cues"_L1, "themes"_L1, "speaker"_L1};

template<typename Enum>
struct EnumName
{
    QLatin1StringView name;
    Enum value;
};

// In the order resources/catalogs/catalog-format.md lists them, which is the order the messages
// list them.
constexpr std::array<EnumName<Source::Kind>, 5> SourceKinds {{{"review"_L1, Source::Review},
    {"interview"_L1, Source::Interview}, {"article"_L1, Source::Article},
    {"liner-notes"_L1, Source::LinerNotes}, {"other"_L1, Source::Other}}};
constexpr std::array<EnumName<Occurrence::Kind>, 5> OccurrenceKinds {
    {{"statement"_L1, Occurrence::Statement}, {"quotation"_L1, Occurrence::Quotation},
        {"allusion"_L1, Occurrence::Allusion}, {"fragment"_L1, Occurrence::Fragment},
        {"variation"_L1, Occurrence::Variation}}};
constexpr std::array<EnumName<Occurrence::Position>, 4> Positions {
    {{"opening"_L1, Occurrence::Opening}, {"middle"_L1, Occurrence::Middle},
        {"ending"_L1, Occurrence::Ending}, {"throughout"_L1, Occurrence::Throughout}}};

enum Presence { Optional, Required };

QString typeName(JsonTree::Type type)
{
    switch (type) {
    case JsonTree::Null:
        return u"null"_s;
    case JsonTree::False:
        return u"false"_s;
    case JsonTree::True:
        return u"true"_s;
    case JsonTree::Number:
        return u"a number"_s;
    case JsonTree::String:
        return u"a string"_s;
    case JsonTree::Array:
        return u"an array"_s;
    case JsonTree::Object:
        return u"an object"_s;
    }
    return {};
}

// A value as a message shows it: in double quotes, escaped, and cut short when long.
QString quoted(QStringView text)
{
    constexpr qsizetype Limit = 60;
    QString out = u"\""_s;
    qsizetype shown = std::min(text.size(), Limit);
    if (shown < text.size() && text.at(shown - 1).isHighSurrogate())
        --shown;
    for (QChar c : text.first(shown)) {
        if (c == u'"' || c == u'\\')
            out += u'\\' + QString(c);
        else if (c == u'\n')
            out += u"\\n"_s;
        else if (c.unicode() < 0x20)
            out += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
        else
            out += c;
    }
    if (shown < text.size())
        out += u'…';
    return out + u'"';
}

// A number as written in the file, for messages: "1e+30", not "1e30" or "1.0E30".
QString numberText(QByteArrayView token)
{
    constexpr qsizetype Limit = 40;
    return token.size() > Limit ? QString::fromLatin1(token.first(Limit)) + u'…'
                                : QString::fromLatin1(token);
}

bool isId(QStringView text)
{
    auto lowerOrDigit
        = [](QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'); };
    return !text.isEmpty() && lowerOrDigit(text.front())
        && std::all_of(
            text.begin() + 1, text.end(), [&](QChar c) { return lowerOrDigit(c) || c == u'-'; });
}

// Two ASCII digits at text[at], or -1.
int twoDigits(QStringView text, qsizetype at)
{
    const QChar a = text.at(at);
    const QChar b = text.at(at + 1);
    if (a < u'0' || a > u'9' || b < u'0' || b > u'9')
        return -1;
    return (a.unicode() - u'0') * 10 + (b.unicode() - u'0');
}

int daysInMonth(int year, int month)
{
    static constexpr std::array<int, 12> Days {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : Days[size_t(month - 1)];
}

// Empty when text is a date "YYYY", "YYYY-MM" or "YYYY-MM-DD" that the calendar has, else why not.
QString dateFault(QStringView text)
{
    const qsizetype size = text.size();
    const int century = size >= 4 ? twoDigits(text, 0) : -1;
    const int yearInCentury = size >= 4 ? twoDigits(text, 2) : -1;
    const int month = size >= 7 && text.at(4) == u'-' ? twoDigits(text, 5) : -1;
    const int day = size == 10 && text.at(7) == u'-' ? twoDigits(text, 8) : -1;
    const bool shaped = (size == 4 || size == 7 || size == 10) && century >= 0 && yearInCentury >= 0
        && (size < 7 || (month >= 1 && month <= 12)) && (size < 10 || day >= 0);
    if (!shaped)
        return quoted(text) + u" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"_s;
    const int year = century * 100 + yearInCentury;
    if (size == 10 && (day < 1 || day > daysInMonth(year, month))) {
        return quoted(text) + u" is not a date ("_s + text.first(7) + u" has "_s
            + QString::number(daysInMonth(year, month)) + u" days)"_s;
    }
    return {};
}

enum class NumberFault { None, NotWhole, OutOfRange };

NumberFault wholeNumber(QByteArrayView token, double min, double max, double &value)
{
    const auto [end, error] = std::from_chars(token.begin(), token.end(), value);
    if (error == std::errc::result_out_of_range)
        return NumberFault::OutOfRange;
    if (error != std::errc() || end != token.end() || value != std::floor(value))
        return NumberFault::NotWhole;
    return value < min || value > max ? NumberFault::OutOfRange : NumberFault::None;
}

// The ids of one kind, to find duplicates and resolve references. Open addressing over
// (hash, id, index) slots: QHash<QString, int> compares whole strings at every probe, and that
// made lookups a third of the time to read a 100k-track catalog. Ids in the file are mostly
// plain ASCII, so they are looked up from their bytes, without making a QString first.
//
// The hash is FNV-1a: ids that differ only at the end ("cue-41", "cue-42") land near each
// other, so reading cues and then tracks in order walks the table instead of missing the cache
// at every step (115 ms less than qHash() on the 100k-track benchmark). Its basis is random
// per process, so that a file cannot carry ids made to collide and turn every probe into a
// walk through the whole table.
class IdTable
{
public:
    // 32 bytes: two to a cache line and never across one, since the probe is a cache miss.
    struct alignas(32) Entry
    {
        QString id;
        int index = -1; // into the catalog's list of that kind; -1 for an empty slot
        quint32 hash = 0;
    };

    void reserve(qsizetype count)
    {
        if (count * 2 > qsizetype(m_slots.size()))
            rehash(std::bit_ceil(size_t(count) * 2));
    }

    // The entry of an equal id added before, or null after adding this one.
    const Entry *insert(const QString &id, int index)
    {
        const quint32 hash = hashOf(QStringView(id));
        if (const Entry *earlier = find(QStringView(id), hash))
            return earlier;
        if (++m_count * 2 > qsizetype(m_slots.size()))
            rehash(std::max<size_t>(16, m_slots.size() * 2));
        place(Entry {id, index, hash});
        return nullptr;
    }

    const Entry *find(QStringView id) const { return find(id, hashOf(id)); }
    const Entry *find(QLatin1StringView id) const { return find(id, hashOf(id)); }

private:
    // Over UTF-16 code units, so that ASCII bytes hash as their QString does.
    static quint32 hashOf(QStringView id)
    {
        quint32 hash = basis();
        for (QChar c : id)
            hash = (hash ^ c.unicode()) * 16777619u;
        return hash;
    }
    static quint32 hashOf(QLatin1StringView id)
    {
        quint32 hash = basis();
        for (char c : id)
            hash = (hash ^ uchar(c)) * 16777619u;
        return hash;
    }
    static quint32 basis()
    {
        static const quint32 Basis = 2166136261u ^ quint32(QHashSeed::globalSeed());
        return Basis;
    }

    template<typename View>
    const Entry *find(View id, quint32 hash) const
    {
        if (m_slots.empty())
            return nullptr;
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const Entry &slot = m_slots[i];
            if (slot.index < 0)
                return nullptr;
            if (slot.hash == hash && slot.id == id)
                return &slot;
        }
    }

    void place(Entry &&entry)
    {
        const size_t mask = m_slots.size() - 1;
        size_t i = entry.hash & mask;
        while (m_slots[i].index >= 0)
            i = (i + 1) & mask;
        m_slots[i] = std::move(entry);
    }

    void rehash(size_t size)
    {
        std::vector<Entry> old(size);
        old.swap(m_slots);
        for (Entry &entry : old) {
            if (entry.index >= 0)
                place(std::move(entry));
        }
    }

    std::vector<Entry> m_slots; // a power of two in size, at most half full
    qsizetype m_count = 0;
};

// Reads one parsed catalog into a Catalog. Sections are read in the order their references
// need (definitions first), whatever order the file has them in; faults are collected with
// their offsets and sorted, so they come out in document order.
class Validator
{
public:
    Validator(const JsonTree &tree, const QString &filePath, Catalog &catalog)
        : m_tree(tree)
        , m_filePath(filePath)
        , m_catalog(catalog)
    { }

    bool validate();
    QStringList errors() { return messages(m_faults, m_faultCount); }
    QStringList warnings() { return messages(m_warnings, m_warningCount); }

private:
    struct Message
    {
        quint32 offset;
        QString text;
    };
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
    void readOccurrenceTimes(const Members<OccurrenceKeyCount> &m, Occurrence &occurrence, int cue);
    void readOccurrenceSources(const Members<OccurrenceKeyCount> &m, Occurrence &occurrence);
    void readSourceList(const Field &field, QStringList &out);
    void readInference(const Members<OccurrenceKeyCount> &m, Occurrence &occurrence);
    void readExcerpts(const Field &field);

    template<size_t N>
    Members<N> members(quint32 object, const Path &path, const Keys<N> &keys);
    // An array of objects into list, one entry per element in the file's order (an element that
    // is not an object is a fault and leaves a blank entry, so that indexes stay the file's);
    // read(entry, members, index) fills each. ids, when given, is reserved for the count.
    template<typename T, size_t N, typename Read>
    void readObjects(
        const Field &field, QList<T> &list, const Keys<N> &keys, IdTable *ids, Read &&read);
    bool isObject(quint32 node, const Path &path);
    bool isArray(const Field &field);
    bool isPresent(const Field &field, Presence presence);
    bool isType(const Field &field, JsonTree::Type type);
    void readText(const Field &field, QString &out, Presence presence = Optional);
    void readId(const Field &field, QString &out, IdTable &ids, int index);
    void readTextList(const Field &field, QStringList &out);
    void readRecurringText(const Field &field, QString &out);
    void readRecurringTextList(const Field &field, QStringList &out);
    bool readFilledText(const Field &field, QString &out, const QString &expected);
    QString recurringText(quint32 node);
    int readReference(const Field &field, const IdTable &ids, const QString &kind, QString &out,
        Presence presence = Optional);
    void readReferenceList(
        const Field &field, const IdTable &ids, const QString &kind, QStringList &out);
    const IdTable::Entry *find(const IdTable &ids, quint32 node) const;
    bool readWholeNumber(const Field &field, int &out, Presence presence);
    void readBool(const Field &field, bool &out);
    bool readTime(const Field &field, qint64 &out);
    void readDate(const Field &field, QString &out);
    void readCover(const Field &field, QString &out);
    template<typename Enum, size_t N>
    void readEnum(const Field &field, const std::array<EnumName<Enum>, N> &names, Enum &out);

    void fault(quint32 node, const Path &path, const QString &what);
    void fault(const Field &field, const QString &what)
    {
        fault(field.value ? field.value : field.object, field.path, what);
    }
    QStringList messages(std::vector<Message> &list, int count) const;
    QString canonicalFolder();

    const JsonTree &m_tree;
    const QString &m_filePath;
    Catalog &m_catalog;
    const Path m_document;

    std::vector<Message> m_faults;
    std::vector<Message> m_warnings;
    int m_faultCount = 0;
    int m_warningCount = 0;

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

bool Validator::validate()
{
    if (m_tree.node(0).type() != JsonTree::Object) {
        fault(0, m_document, u"expected an object, found "_s + typeName(m_tree.node(0).type()));
        return false;
    }
    if (!checkFormat(0))
        return false;
    const Members root = members(0, m_document, CatalogKeys);
    IdTable catalogIds;
    readId(root[CatalogId], m_catalog.id, catalogIds, 0);
    readText(root[CatalogTitle], m_catalog.title, Required);
    readSources(root[CatalogSources]);
    readThemes(root[CatalogThemes]);
    readCues(root[CatalogCues]);
    readReleases(root[CatalogReleases]);
    resolvePendingCues();
    readOccurrences(root[CatalogOccurrences]);
    readExcerpts(root[CatalogExcerpts]);
    return m_faultCount == 0;
}

// Another format, or a later version, may give the same keys other meanings: checking the rest
// against version 1 would bury the one fault that matters under misleading ones.
bool Validator::checkFormat(quint32 root)
{
    static constexpr Keys<2> HeaderKeys {CatalogKeys[CatalogFormat], CatalogKeys[CatalogVersion]};
    Members<2> header {root, m_document, HeaderKeys};
    for (quint32 key = JsonTree::firstChild(root); key < m_tree.next(root);
         key = m_tree.next(key + 1)) {
        for (size_t i = 0; i < HeaderKeys.size(); ++i) {
            if (!header.values[i] && m_tree.stringEquals(key, HeaderKeys[i]))
                header.values[i] = key + 1;
        }
    }
    const Field format = header[0];
    if (!format.value) {
        fault(format, u"required (expected \"cuebook-catalog\")"_s);
    } else if (isType(format, JsonTree::String)
        && !m_tree.stringEquals(format.value, "cuebook-catalog"_L1)) {
        fault(format, quoted(m_tree.string(format.value)) + u" is not \"cuebook-catalog\""_s);
    }
    const Field version = header[1];
    const QString expected = QString::number(CatalogReader::FormatVersion);
    if (!version.value) {
        fault(version, u"required (expected "_s + expected + u')');
    } else if (isType(version, JsonTree::Number)) {
        const QByteArrayView token = m_tree.numberToken(version.value);
        double value = 0;
        const NumberFault number = wholeNumber(token, 1, 1e300, value);
        if (number != NumberFault::None) {
            fault(version,
                numberText(token) + u" is not a version of the format (expected "_s + expected
                    + u')');
        } else if (value > CatalogReader::FormatVersion) {
            fault(version,
                numberText(token)
                    + u" is newer than this version of Cuebook reads (it reads version "_s
                    + expected + u')');
        }
    }
    return m_faultCount == 0;
}

void Validator::readSources(const Field &field)
{
    readObjects(field, m_catalog.sources, SourceKeys, &m_sourceIds,
        [&](Source &source, const auto &m, int index) {
            readId(m[SourceId], source.id, m_sourceIds, index);
            readEnum(m[SourceKind], SourceKinds, source.kind);
            readText(m[SourceTitle], source.title, Required);
            readRecurringText(m[SourceAuthor], source.author);
            readRecurringText(m[SourcePublication], source.publication);
            readDate(m[SourceDate], source.date);
            readText(m[SourceUrl], source.url);
        });
}

void Validator::readThemes(const Field &field)
{
    readObjects(field, m_catalog.themes, ThemeKeys, &m_themeIds,
        [&](Theme &theme, const auto &m, int index) {
            readId(m[ThemeId], theme.id, m_themeIds, index);
            readText(m[ThemeName], theme.name, Required);
            readRecurringText(m[ThemeComposer], theme.composer);
            readText(m[ThemeOrigin], theme.origin);
            readTextList(m[ThemeAliases], theme.aliases);
            readText(m[ThemeDescription], theme.description);
        });
}

void Validator::readCues(const Field &field)
{
    readObjects(field, m_catalog.cues, CueKeys, &m_cueIds, [&](Cue &cue, const auto &m, int index) {
        readId(m[CueId], cue.id, m_cueIds, index);
        readText(m[CueTitle], cue.title, Required);
        readRecurringTextList(m[CueComposers], cue.composers);
        readRecurringTextList(m[CuePerformers], cue.performers);
        readRecurringText(m[CueEpisode], cue.episode);
        readText(m[CueDescription], cue.description);
    });
    m_cueDurations.assign(size_t(m_catalog.cues.size()), -1);
}

void Validator::readReleases(const Field &field)
{
    readObjects(field, m_catalog.releases, ReleaseKeys, &m_releaseIds,
        [&](Release &release, const auto &m, int index) {
            readId(m[ReleaseId], release.id, m_releaseIds, index);
            readText(m[ReleaseTitle], release.title, Required);
            readRecurringTextList(m[ReleaseArtists], release.artists);
            readRecurringText(m[ReleaseLabel], release.label);
            readDate(m[ReleaseDate], release.date);
            readRecurringText(m[ReleaseFormat], release.format);
            readText(m[ReleaseCatalogNumber], release.catalogNumber);
            readCover(m[ReleaseCover], release.cover);
            readBool(m[ReleaseComplete], release.complete);
            if (isPresent(m[ReleaseTracks], Required))
                readTracks(m[ReleaseTracks], release, index);
        });
}

void Validator::readTracks(const Field &field, Release &release, int releaseIndex)
{
    if (!isArray(field))
        return;
    release.tracks.reserve(m_tree.childCount(field.value));
    m_trackNodes.clear();
    int index = 0;
    for (quint32 node = JsonTree::firstChild(field.value); node < m_tree.next(field.value);
         node = m_tree.next(node), ++index) {
        const Path path(field.path, index);
        Track &track = release.tracks.emplace_back();
        TrackNode &info = m_trackNodes.emplace_back(TrackNode {node});
        if (!isObject(node, path))
            continue;
        const Members m = members(node, path, TrackKeys);
        const bool hasDisc = readWholeNumber(m[TrackDisc], track.disc, Optional);
        const bool hasNumber = readWholeNumber(m[TrackNumber], track.number, Required);
        info.numbered = hasDisc && hasNumber;
        info.namesNoCue = !m.values[TrackCue];
        readText(m[TrackTitle], track.title, Required);
        readTime(m[TrackDuration], track.durationMs);
        readTrackCue(m[TrackCue], track, releaseIndex, index);
    }
    checkTrackNumbers(field.path, release);
    addImplicitCues(release);
}

void Validator::readTrackCue(const Field &field, Track &track, int releaseIndex, int trackIndex)
{
    if (!field.value || !isType(field, JsonTree::String))
        return;
    if (const IdTable::Entry *cue = find(m_cueIds, field.value)) {
        track.cueId = cue->id;
        qint64 &duration = m_cueDurations[size_t(cue->index)];
        duration = std::max(duration, track.durationMs);
    } else {
        track.cueId = m_tree.string(field.value);
        m_pendingCues.push_back({field.value, releaseIndex, trackIndex});
    }
}

void Validator::checkTrackNumbers(const Path &tracks, const Release &release)
{
    m_discTracks.clear();
    for (size_t t = 0; t < m_trackNodes.size(); ++t) {
        if (m_trackNodes[t].numbered) {
            const Track &track = release.tracks.at(qsizetype(t));
            m_discTracks.emplace_back(track.disc * (MaxTrackNumber + 1) + track.number, int(t));
        }
    }
    // Sorting keeps this fast however long the release; stable, so that of equal tracks the
    // first stays first and the later ones are the faults.
    std::stable_sort(m_discTracks.begin(), m_discTracks.end(),
        [](const auto &a, const auto &b) { return a.first < b.first; });
    int first = -1;
    for (size_t i = 0; i < m_discTracks.size(); ++i) {
        const auto [key, t] = m_discTracks[i];
        if (i == 0 || key != m_discTracks[i - 1].first) {
            first = t;
            continue;
        }
        const Track &track = release.tracks.at(t);
        fault(m_trackNodes[size_t(t)].node, Path(tracks, t),
            u"disc "_s + QString::number(track.disc) + u" track "_s + QString::number(track.number)
                + u" appears twice (also "_s + Path(tracks, first).toString() + u')');
    }
}

// A track that names no cue is its own cue, "<release id>/<disc>-<number>".
void Validator::addImplicitCues(Release &release)
{
    for (size_t t = 0; t < m_trackNodes.size(); ++t) {
        if (!m_trackNodes[t].numbered || !m_trackNodes[t].namesNoCue)
            continue;
        Track &track = release.tracks[qsizetype(t)];
        Cue cue;
        cue.id = release.id + u'/' + QString::number(track.disc) + u'-'
            + QString::number(track.number);
        cue.title = track.title;
        cue.isImplicit = true;
        track.cueId = cue.id;
        // Equal ids come from equal release ids or equal tracks, faults reported already.
        if (!m_cueIds.insert(cue.id, int(m_catalog.cues.size()))) {
            m_catalog.cues.append(std::move(cue));
            m_cueDurations.push_back(track.durationMs);
        }
    }
}

// Once every release is read, a track may name the implicit cue of a later one.
void Validator::resolvePendingCues()
{
    const Path releases(m_document, CatalogKeys[CatalogReleases]);
    for (const PendingCue &pending : m_pendingCues) {
        Track &track = m_catalog.releases[pending.release].tracks[pending.track];
        if (const IdTable::Entry *cue = m_cueIds.find(QStringView(track.cueId))) {
            qint64 &duration = m_cueDurations[size_t(cue->index)];
            duration = std::max(duration, track.durationMs);
            continue;
        }
        const Path release(releases, pending.release);
        const Path tracks(release, ReleaseKeys[ReleaseTracks]);
        const Path trackPath(tracks, pending.track);
        fault(
            pending.node, Path(trackPath, TrackKeys[TrackCue]), u"no cue "_s + quoted(track.cueId));
    }
}

void Validator::readOccurrences(const Field &field)
{
    readObjects(field, m_catalog.occurrences, OccurrenceKeys, nullptr,
        [&](Occurrence &occurrence, const auto &m, int) {
            readReference(m[OccurrenceTheme], m_themeIds, u"theme"_s, occurrence.themeId, Required);
            const int cue
                = readReference(m[OccurrenceCue], m_cueIds, u"cue"_s, occurrence.cueId, Required);
            readEnum(m[OccurrenceKind], OccurrenceKinds, occurrence.kind);
            readOccurrenceTimes(m, occurrence, cue);
            readEnum(m[OccurrencePosition], Positions, occurrence.position);
            readRecurringText(m[OccurrenceInstruments], occurrence.instruments);
            readOccurrenceSources(m, occurrence);
            readText(m[OccurrenceNote], occurrence.note);
            readInference(m, occurrence);
        });
}

// "source" names one source, "sources" several. A file gives one form or the other: with both,
// no reader could tell which one the writer meant to keep.
void Validator::readOccurrenceSources(const Members<OccurrenceKeyCount> &m, Occurrence &occurrence)
{
    const Field one = m[OccurrenceSource];
    const Field several = m[OccurrenceSources];
    if (one.value && several.value) {
        fault(several, u"both \"source\" and \"sources\" are given (expected one of them)"_s);
        return;
    }
    if (several.value) {
        readSourceList(several, occurrence.sourceIds);
        return;
    }
    QString id;
    readReference(one, m_sourceIds, u"source"_s, id);
    if (!id.isNull())
        occurrence.sourceIds.append(id);
}

// A source listed twice would show twice under the one entrance it states.
void Validator::readSourceList(const Field &field, QStringList &out)
{
    if (!isArray(field))
        return;
    int index = 0;
    for (quint32 node = JsonTree::firstChild(field.value); node < m_tree.next(field.value);
         node = m_tree.next(node), ++index) {
        const Field element {field.value, node, Path(field.path, index)};
        QString id;
        readReference(element, m_sourceIds, u"source"_s, id);
        if (id.isNull())
            continue;
        if (out.contains(id))
            fault(element, quoted(id) + u" is listed twice"_s);
        else
            out.append(id);
    }
}

// A basis explains an inference; on an occurrence that a source states outright it would pass a
// guess off as a reason, or a reason off as a guess.
void Validator::readInference(const Members<OccurrenceKeyCount> &m, Occurrence &occurrence)
{
    const Field inferred = m[OccurrenceInferred];
    readBool(inferred, occurrence.inferred);
    const Field basis = m[OccurrenceBasis];
    if (!readFilledText(
            basis, occurrence.basis, u"what the inference rests on, or no \"basis\" key"_s))
        return;
    // A faulty "inferred" has its own message already.
    const bool statedOutright
        = !inferred.value || m_tree.node(inferred.value).type() == JsonTree::False;
    if (statedOutright) {
        fault(basis, u"only an inferred occurrence has a basis (expected \"inferred\": true)"_s);
    }
}

// The end is not before the start, and both lie within the cue where a track gives its length.
void Validator::readOccurrenceTimes(
    const Members<OccurrenceKeyCount> &m, Occurrence &occurrence, int cue)
{
    const Field start = m[OccurrenceStart];
    const Field end = m[OccurrenceEnd];
    const bool hasStart = readTime(start, occurrence.startMs);
    const bool hasEnd = readTime(end, occurrence.endMs);
    if (hasStart && hasEnd && occurrence.endMs < occurrence.startMs) {
        fault(end,
            quoted(m_tree.string(end.value)) + u" is before start "_s
                + quoted(m_tree.string(start.value)));
    }
    const qint64 duration = cue >= 0 ? m_cueDurations[size_t(cue)] : -1;
    if (duration < 0)
        return;
    for (const auto &[field, ms, has] : {std::tuple(start, occurrence.startMs, hasStart),
             std::tuple(end, occurrence.endMs, hasEnd)}) {
        if (has && ms > duration) {
            fault(field,
                quoted(m_tree.string(field.value)) + u" is past the end of cue "_s
                    + quoted(occurrence.cueId) + u" ("_s + TimeCode::format(duration) + u')');
        }
    }
}

void Validator::readExcerpts(const Field &field)
{
    readObjects(field, m_catalog.excerpts, ExcerptKeys, &m_excerptIds,
        [&](Excerpt &excerpt, const auto &m, int index) {
            readId(m[ExcerptId], excerpt.id, m_excerptIds, index);
            readReference(m[ExcerptSource], m_sourceIds, u"source"_s, excerpt.sourceId, Required);
            readText(m[ExcerptText], excerpt.text, Required);
            readReferenceList(m[ExcerptReleases], m_releaseIds, u"release"_s, excerpt.releaseIds);
            readReferenceList(m[ExcerptCues], m_cueIds, u"cue"_s, excerpt.cueIds);
            readReferenceList(m[ExcerptThemes], m_themeIds, u"theme"_s, excerpt.themeIds);
            readFilledText(m[ExcerptSpeaker], excerpt.speaker,
                u"the name of who speaks, or no \"speaker\" key"_s);
        });
}

template<typename T, size_t N, typename Read>
void Validator::readObjects(
    const Field &field, QList<T> &list, const Keys<N> &keys, IdTable *ids, Read &&read)
{
    if (!isArray(field))
        return;
    const quint32 count = m_tree.childCount(field.value);
    list.reserve(count);
    if (ids)
        ids->reserve(count);
    int index = 0;
    for (quint32 node = JsonTree::firstChild(field.value); node < m_tree.next(field.value);
         node = m_tree.next(node), ++index) {
        const Path path(field.path, index);
        T &entry = list.emplace_back();
        if (isObject(node, path))
            read(entry, members(node, path, keys), index);
    }
}

template<size_t N>
Members<N> Validator::members(quint32 object, const Path &path, const Keys<N> &keys)
{
    Members<N> found {object, path, keys};
    for (quint32 key = JsonTree::firstChild(object); key < m_tree.next(object);
         key = m_tree.next(key + 1)) {
        // Keys are plain ASCII but for the odd escape; each is compared in place, not decoded.
        const QLatin1StringView ascii = m_tree.asciiString(key);
        const QString decoded = ascii.isNull() ? m_tree.string(key) : QString();
        const auto known = ascii.isNull() ? std::find(keys.begin(), keys.end(), decoded)
                                          : std::find(keys.begin(), keys.end(), ascii);
        if (known == keys.end()) {
            if (m_warningCount++ < MaxListedFaults) {
                m_warnings.push_back({m_tree.node(key).offset(),
                    m_filePath + u": "_s + path.withKey(m_tree.string(key))
                        + u": unknown key (ignored)"_s});
            }
            continue;
        }
        quint32 &value = found.values[size_t(known - keys.begin())];
        if (value)
            fault(key, Path(path, *known), u"the key appears twice"_s);
        else
            value = key + 1;
    }
    return found;
}

bool Validator::isObject(quint32 node, const Path &path)
{
    if (m_tree.node(node).type() == JsonTree::Object)
        return true;
    fault(node, path, u"expected an object, found "_s + typeName(m_tree.node(node).type()));
    return false;
}

// Absent arrays are empty ones.
bool Validator::isArray(const Field &field)
{
    return field.value && isType(field, JsonTree::Array);
}

bool Validator::isPresent(const Field &field, Presence presence)
{
    if (!field.value && presence == Required)
        fault(field, u"required"_s);
    return field.value != 0;
}

bool Validator::isType(const Field &field, JsonTree::Type type)
{
    const JsonTree::Type found = m_tree.node(field.value).type();
    if (found == type)
        return true;
    fault(field, u"expected "_s + typeName(type) + u", found "_s + typeName(found));
    return false;
}

void Validator::readText(const Field &field, QString &out, Presence presence)
{
    if (!isPresent(field, presence) || !isType(field, JsonTree::String))
        return;
    out = m_tree.string(field.value);
    if (presence == Required && out.isEmpty())
        fault(field, u"required (found an empty string)"_s);
}

// Ids are required wherever they are defined, and unique among the ids of their kind.
void Validator::readId(const Field &field, QString &out, IdTable &ids, int index)
{
    if (!isPresent(field, Required) || !isType(field, JsonTree::String))
        return;
    out = m_tree.string(field.value);
    if (!isId(out)) {
        fault(field,
            quoted(out)
                + u" is not a valid id (expected lower-case letters, digits and dashes, "
                  "starting with a letter or digit)"_s);
    } else if (ids.insert(out, index)) {
        fault(field, quoted(out) + u" is defined twice"_s);
    }
}

void Validator::readTextList(const Field &field, QStringList &out)
{
    if (!isArray(field))
        return;
    out.reserve(m_tree.childCount(field.value));
    int index = 0;
    for (quint32 node = JsonTree::firstChild(field.value); node < m_tree.next(field.value);
         node = m_tree.next(node), ++index) {
        const Field element {field.value, node, Path(field.path, index)};
        if (isType(element, JsonTree::String))
            out.append(m_tree.string(node));
    }
}

// Names and the like that recur across a catalog (composers, artists, labels, instruments) share
// one string: a large catalog names the same few people a hundred thousand times, and a lookup
// costs less than an allocation.
void Validator::readRecurringText(const Field &field, QString &out)
{
    if (field.value && isType(field, JsonTree::String))
        out = recurringText(field.value);
}

void Validator::readRecurringTextList(const Field &field, QStringList &out)
{
    if (!isArray(field))
        return;
    out.reserve(m_tree.childCount(field.value));
    int index = 0;
    for (quint32 node = JsonTree::firstChild(field.value); node < m_tree.next(field.value);
         node = m_tree.next(node), ++index) {
        if (isType(Field {field.value, node, Path(field.path, index)}, JsonTree::String))
            out.append(recurringText(node));
    }
    // A catalog names a few sets of composers over and over: share the whole list, not just
    // its names.
    constexpr int MaxLists = 4096;
    const QString key = out.join(QChar(0x1F));
    if (const auto shared = m_recurringLists.constFind(key); shared != m_recurringLists.cend())
        out = *shared;
    else if (m_recurringLists.size() < MaxLists)
        m_recurringLists.insert(key, out);
}

// An optional text that is meaningless when blank ("speaker", "basis"): present, it must say
// something, or the pane would credit nobody. True when it was read and says something.
bool Validator::readFilledText(const Field &field, QString &out, const QString &expected)
{
    if (!field.value || !isType(field, JsonTree::String))
        return false;
    out = m_tree.string(field.value);
    if (out.trimmed().isEmpty()) {
        fault(field, quoted(out) + u" is blank (expected "_s + expected + u')');
        return false;
    }
    return true;
}

QString Validator::recurringText(quint32 node)
{
    // Long texts rarely recur, and the table stays small.
    constexpr qsizetype MaxLength = 64;
    constexpr int MaxTexts = 4096;
    const QLatin1StringView ascii = m_tree.asciiString(node);
    if (ascii.isNull() || ascii.size() > MaxLength)
        return m_tree.string(node);
    if (const IdTable::Entry *entry = m_recurringTexts.find(ascii))
        return entry->id;
    const QString text = m_tree.string(node);
    if (m_recurringTextCount < MaxTexts)
        m_recurringTexts.insert(text, m_recurringTextCount++);
    return text;
}

// The index of what the reference names, or -1. A found id shares the definition's string.
int Validator::readReference(
    const Field &field, const IdTable &ids, const QString &kind, QString &out, Presence presence)
{
    if (!isPresent(field, presence) || !isType(field, JsonTree::String))
        return -1;
    if (const IdTable::Entry *entry = find(ids, field.value)) {
        out = entry->id;
        return entry->index;
    }
    out = m_tree.string(field.value);
    if (presence == Required && out.isEmpty())
        fault(field, u"required (found an empty string)"_s);
    else
        fault(field, u"no "_s + kind + u' ' + quoted(out));
    return -1;
}

void Validator::readReferenceList(
    const Field &field, const IdTable &ids, const QString &kind, QStringList &out)
{
    if (!isArray(field))
        return;
    out.reserve(m_tree.childCount(field.value));
    int index = 0;
    for (quint32 node = JsonTree::firstChild(field.value); node < m_tree.next(field.value);
         node = m_tree.next(node), ++index) {
        QString id;
        readReference(Field {field.value, node, Path(field.path, index)}, ids, kind, id);
        if (!id.isNull())
            out.append(id);
    }
}

const IdTable::Entry *Validator::find(const IdTable &ids, quint32 node) const
{
    const QLatin1StringView ascii = m_tree.asciiString(node);
    return ascii.isNull() ? ids.find(QStringView(m_tree.string(node))) : ids.find(ascii);
}

// Disc and track numbers: whole numbers from 1 to 9999. False when absent or faulty.
bool Validator::readWholeNumber(const Field &field, int &out, Presence presence)
{
    if (!isPresent(field, presence))
        return presence == Optional;
    if (!isType(field, JsonTree::Number))
        return false;
    const QByteArrayView token = m_tree.numberToken(field.value);
    double value = 0;
    const NumberFault number = wholeNumber(token, 1, MaxTrackNumber, value);
    if (number == NumberFault::None) {
        out = int(value);
        return true;
    }
    const QString expected = u"(expected a whole number from 1 to %1)"_s.arg(MaxTrackNumber);
    fault(field,
        numberText(token)
            + (number == NumberFault::NotWhole ? u" is not a whole number "_s
                                               : u" is out of range "_s)
            + expected);
    return false;
}

void Validator::readBool(const Field &field, bool &out)
{
    if (!field.value)
        return;
    const JsonTree::Type type = m_tree.node(field.value).type();
    if (type == JsonTree::True || type == JsonTree::False)
        out = type == JsonTree::True;
    else
        fault(field, u"expected true or false, found "_s + typeName(type));
}

// True when the time is there and valid.
bool Validator::readTime(const Field &field, qint64 &out)
{
    if (!field.value || !isType(field, JsonTree::String))
        return false;
    // Most times are a few ASCII characters: widening them on the stack spares a QString for each
    // of the 150,000 times of a large catalog.
    std::array<char16_t, 16> buffer;
    const QLatin1StringView ascii = m_tree.asciiString(field.value);
    std::optional<qint64> ms;
    if (!ascii.isNull() && ascii.size() <= qsizetype(buffer.size())) {
        std::copy(ascii.begin(), ascii.end(), buffer.begin());
        ms = TimeCode::parse(QStringView(buffer.data(), ascii.size()));
    } else {
        ms = TimeCode::parse(m_tree.string(field.value));
    }
    if (!ms) {
        fault(field, quoted(m_tree.string(field.value)) + u" is not a time (expected m:ss)"_s);
        return false;
    }
    out = *ms;
    return true;
}

void Validator::readDate(const Field &field, QString &out)
{
    if (!field.value || !isType(field, JsonTree::String))
        return;
    out = m_tree.string(field.value);
    const QString why = dateFault(out);
    if (!why.isEmpty())
        fault(field, why);
}

// A cover must stay inside the catalog's folder: a shared catalog must not make the app read
// (and show) any other file of the user's. Backslashes count as separators, for Windows paths.
void Validator::readCover(const Field &field, QString &out)
{
    if (!field.value || !isType(field, JsonTree::String))
        return;
    out = m_tree.string(field.value);
    QString portable = out;
    portable.replace(u'\\', u'/');
    const bool driveLetter = portable.size() >= 2 && portable.at(1) == u':'
        && portable.at(0).unicode() < 0x80 && portable.at(0).isLetter();
    if (portable.isEmpty()) {
        fault(field, u"\"\" is not a path (expected a path relative to the catalog file)"_s);
        return;
    }
    if (portable.startsWith(u'/') || portable.startsWith(u':') || driveLetter) {
        fault(field,
            quoted(out) + u" is an absolute path (expected a path relative to the catalog file)"_s);
        return;
    }
    const QString clean = QDir::cleanPath(portable);
    if (clean == ".."_L1 || clean.startsWith("../"_L1)) {
        fault(field, quoted(out) + u" leaves the catalog's folder"_s);
        return;
    }
    // On disk a symbolic link can still lead out: compare where the file really is.
    const QString folder = canonicalFolder();
    if (folder.isEmpty())
        return;
    const QString target = QFileInfo(QDir(folder).filePath(clean)).canonicalFilePath();
    const QString inside = folder.endsWith(u'/') ? folder : folder + u'/';
    if (!target.isEmpty() && target != folder && !target.startsWith(inside))
        fault(field, quoted(out) + u" leaves the catalog's folder (through a symbolic link)"_s);
}

template<typename Enum, size_t N>
void Validator::readEnum(const Field &field, const std::array<EnumName<Enum>, N> &names, Enum &out)
{
    if (!field.value || !isType(field, JsonTree::String))
        return;
    for (const EnumName<Enum> &name : names) {
        if (m_tree.stringEquals(field.value, name.name)) {
            out = name.value;
            return;
        }
    }
    QString list;
    for (const EnumName<Enum> &name : names)
        list += (list.isEmpty() ? QString() : u", "_s) + name.name;
    fault(field, quoted(m_tree.string(field.value)) + u" is not one of "_s + list);
}

void Validator::fault(quint32 node, const Path &path, const QString &what)
{
    if (m_faultCount++ < MaxListedFaults) {
        m_faults.push_back(
            {m_tree.node(node).offset(), m_filePath + u": "_s + path.toString() + u": "_s + what});
    }
}

QStringList Validator::messages(std::vector<Message> &list, int count) const
{
    std::stable_sort(list.begin(), list.end(),
        [](const Message &a, const Message &b) { return a.offset < b.offset; });
    QStringList texts;
    texts.reserve(qsizetype(list.size()) + 1);
    for (Message &message : list)
        texts.append(std::move(message.text));
    if (count > MaxListedFaults)
        texts.append(m_filePath + u": "_s + QString::number(count - MaxListedFaults)
            + u" more not listed"_s);
    return texts;
}

// The catalog's folder with symbolic links resolved; empty for resources and missing folders,
// where no link can lead anywhere.
QString Validator::canonicalFolder()
{
    if (!m_canonicalFolder) {
        m_canonicalFolder = m_filePath.startsWith(u':')
            ? QString()
            : QFileInfo(m_filePath).absoluteDir().canonicalPath();
    }
    return *m_canonicalFolder;
}

QString sizeFault(const QString &filePath, qint64 size)
{
    // Rounded up, so a file just over the limit does not read "64.0 MiB".
    const double mebibytes = std::ceil(double(size) * 10 / (1024 * 1024)) / 10;
    return filePath + u": the file is "_s + QString::number(mebibytes, 'f', 1)
        + u" MiB; catalogs over %1 MiB are refused"_s.arg(
            CatalogReader::MaxFileSize / (1024 * 1024));
}

} // namespace

bool CatalogReader::read(const QString &filePath)
{
    m_catalog = Catalog();
    m_errors.clear();
    m_warnings.clear();
    const QFileInfo info(filePath);
    if (info.isDir()) {
        m_errors.append(filePath + u": the path is a folder, not a catalog file"_s);
        return false;
    }
    // Pipes and devices could block or never end.
    if (info.exists() && !info.isFile()) {
        m_errors.append(filePath + u": not a regular file"_s);
        return false;
    }
    // Checked before reading, so a huge file never reaches memory.
    if (info.size() > MaxFileSize) {
        m_errors.append(sizeFault(filePath, info.size()));
        return false;
    }
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_errors.append(filePath + u": the file cannot be opened ("_s + file.errorString() + u')');
        return false;
    }
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        m_errors.append(filePath + u": the file cannot be read ("_s + file.errorString() + u')');
        return false;
    }
    return readBytes(std::move(data), filePath);
}

bool CatalogReader::readData(const QByteArray &data, const QString &filePath)
{
    return readBytes(data, filePath);
}

bool CatalogReader::readBytes(QByteArray data, const QString &filePath)
{
    m_catalog = Catalog();
    m_errors.clear();
    m_warnings.clear();
    if (data.size() > MaxFileSize) {
        m_errors.append(sizeFault(filePath, data.size()));
        return false;
    }
    QByteArrayView json(data);
    // Some Windows editors start UTF-8 files with a byte order mark.
    if (json.startsWith("\xEF\xBB\xBF"))
        json = json.sliced(3);
    Catalog catalog;
    {
        JsonTree tree;
        if (!tree.parse(json)) {
            const auto [line, column] = tree.lineAndColumn(tree.errorOffset());
            m_errors.append(filePath + u':' + QString::number(line) + u':' + QString::number(column)
                + u": "_s + tree.errorPath() + u": "_s + tree.errorMessage());
            return false;
        }
        Validator validator(tree, filePath, catalog);
        const bool valid = validator.validate();
        m_warnings = validator.warnings();
        if (!valid) {
            m_errors = validator.errors();
            return false;
        }
    }
    // The tree and the file's bytes go before the index is built: the three at once would set
    // the reader's peak memory for a large catalog.
    data = QByteArray();
    catalog.buildIndex();
    catalog.filePath = filePath;
    m_catalog = std::move(catalog);
    return true;
}
