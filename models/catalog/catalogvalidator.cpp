#include "catalog/catalogvalidator.h"

#include "catalog/catalogreader.h"
#include "catalog/timecode.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace CatalogKeys;
using namespace JsonFields;

namespace {

constexpr int MaxTrackNumber = 9999;

bool isId(QStringView text)
{
    auto lowerOrDigit
        = [](QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'); };
    return !text.isEmpty() && lowerOrDigit(text.front())
        && std::all_of(
            text.begin() + 1, text.end(), [&](QChar c) { return lowerOrDigit(c) || c == u'-'; });
}

} // namespace

bool CatalogValidator::validate()
{
    if (m_tree.node(0).type() != JsonTree::Object) {
        m_fields.fault(
            0, m_document, u"expected an object, found "_s + typeName(m_tree.node(0).type()));
        return false;
    }
    if (!checkFormat(0))
        return false;
    const Members root = m_fields.members(0, m_document, RootKeys);
    IdTable catalogIds;
    readId(root[CatalogId], m_catalog.id, catalogIds, 0);
    m_fields.readText(root[CatalogTitle], m_catalog.title, Required);
    readSources(root[CatalogSources]);
    readThemes(root[CatalogThemes]);
    readCues(root[CatalogCues]);
    readReleases(root[CatalogReleases]);
    resolvePendingCues();
    readOccurrences(root[CatalogOccurrences]);
    readExcerpts(root[CatalogExcerpts]);
    return m_fields.faultCount() == 0;
}

// Another format, or a later version, may give the same keys other meanings: checking the rest
// against version 1 would bury the one fault that matters under misleading ones.
bool CatalogValidator::checkFormat(quint32 root)
{
    static constexpr Keys<2> HeaderKeys {RootKeys[CatalogFormat], RootKeys[CatalogVersion]};
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
        m_fields.fault(format, u"required (expected \"cuebook-catalog\")"_s);
    } else if (m_fields.isType(format, JsonTree::String)
        && !m_tree.stringEquals(format.value, "cuebook-catalog"_L1)) {
        m_fields.fault(
            format, quoted(m_tree.string(format.value)) + u" is not \"cuebook-catalog\""_s);
    }
    const Field version = header[1];
    const QString expected = QString::number(CatalogReader::FormatVersion);
    if (!version.value) {
        m_fields.fault(version, u"required (expected "_s + expected + u')');
    } else if (m_fields.isType(version, JsonTree::Number)) {
        const QByteArrayView token = m_tree.numberToken(version.value);
        double value = 0;
        const NumberFault number = wholeNumber(token, 1, 1e300, value);
        if (number != NumberFault::None) {
            m_fields.fault(version,
                numberText(token) + u" is not a version of the format (expected "_s + expected
                    + u')');
        } else if (value > CatalogReader::FormatVersion) {
            m_fields.fault(version,
                numberText(token)
                    + u" is newer than this version of Cuebook reads (it reads version "_s
                    + expected + u')');
        }
    }
    return m_fields.faultCount() == 0;
}

void CatalogValidator::readSources(const Field &field)
{
    readObjects(field, m_catalog.sources, SourceKeys, &m_sourceIds,
        [&](Source &source, const auto &m, int index) {
            readId(m[SourceId], source.id, m_sourceIds, index);
            m_fields.readEnum(m[SourceKind], SourceKinds, source.kind);
            m_fields.readText(m[SourceTitle], source.title, Required);
            readRecurringText(m[SourceAuthor], source.author);
            readRecurringText(m[SourcePublication], source.publication);
            m_fields.readDate(m[SourceDate], source.date);
            m_fields.readText(m[SourceUrl], source.url);
        });
}

void CatalogValidator::readThemes(const Field &field)
{
    readObjects(field, m_catalog.themes, ThemeKeys, &m_themeIds,
        [&](Theme &theme, const auto &m, int index) {
            readId(m[ThemeId], theme.id, m_themeIds, index);
            m_fields.readText(m[ThemeName], theme.name, Required);
            readRecurringText(m[ThemeComposer], theme.composer);
            m_fields.readText(m[ThemeOrigin], theme.origin);
            m_fields.readTextList(m[ThemeAliases], theme.aliases);
            m_fields.readText(m[ThemeDescription], theme.description);
        });
}

void CatalogValidator::readCues(const Field &field)
{
    readObjects(field, m_catalog.cues, CueKeys, &m_cueIds, [&](Cue &cue, const auto &m, int index) {
        readId(m[CueId], cue.id, m_cueIds, index);
        m_fields.readText(m[CueTitle], cue.title, Required);
        readRecurringTextList(m[CueComposers], cue.composers);
        readRecurringTextList(m[CuePerformers], cue.performers);
        readRecurringText(m[CueEpisode], cue.episode);
        m_fields.readText(m[CueDescription], cue.description);
    });
    m_cueDurations.assign(size_t(m_catalog.cues.size()), -1);
}

void CatalogValidator::readReleases(const Field &field)
{
    readObjects(field, m_catalog.releases, ReleaseKeys, &m_releaseIds,
        [&](Release &release, const auto &m, int index) {
            readId(m[ReleaseId], release.id, m_releaseIds, index);
            m_fields.readText(m[ReleaseTitle], release.title, Required);
            readRecurringTextList(m[ReleaseArtists], release.artists);
            readRecurringText(m[ReleaseLabel], release.label);
            m_fields.readDate(m[ReleaseDate], release.date);
            readRecurringText(m[ReleaseFormat], release.format);
            m_fields.readText(m[ReleaseCatalogNumber], release.catalogNumber);
            readCover(m[ReleaseCover], release.cover);
            m_fields.readBool(m[ReleaseComplete], release.complete);
            if (m_fields.isPresent(m[ReleaseTracks], Required))
                readTracks(m[ReleaseTracks], release, index);
        });
}

void CatalogValidator::readTracks(const Field &field, Release &release, int releaseIndex)
{
    if (!m_fields.isArray(field))
        return;
    release.tracks.reserve(m_tree.childCount(field.value));
    m_trackNodes.clear();
    int index = 0;
    for (quint32 node = JsonTree::firstChild(field.value); node < m_tree.next(field.value);
         node = m_tree.next(node), ++index) {
        const Path path(field.path, index);
        Track &track = release.tracks.emplace_back();
        TrackNode &info = m_trackNodes.emplace_back(TrackNode {node});
        if (!m_fields.isObject(node, path))
            continue;
        const Members m = m_fields.members(node, path, TrackKeys);
        const bool hasDisc
            = m_fields.readWholeNumber(m[TrackDisc], track.disc, Optional, MaxTrackNumber);
        const bool hasNumber
            = m_fields.readWholeNumber(m[TrackNumber], track.number, Required, MaxTrackNumber);
        info.numbered = hasDisc && hasNumber;
        info.namesNoCue = !m.values[TrackCue];
        m_fields.readText(m[TrackTitle], track.title, Required);
        m_fields.readTime(m[TrackDuration], track.durationMs);
        readTrackCue(m[TrackCue], track, releaseIndex, index);
    }
    checkTrackNumbers(field.path, release);
    addImplicitCues(release);
}

void CatalogValidator::readTrackCue(
    const Field &field, Track &track, int releaseIndex, int trackIndex)
{
    if (!field.value || !m_fields.isType(field, JsonTree::String))
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

void CatalogValidator::checkTrackNumbers(const Path &tracks, const Release &release)
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
        m_fields.fault(m_trackNodes[size_t(t)].node, Path(tracks, t),
            u"disc "_s + QString::number(track.disc) + u" track "_s + QString::number(track.number)
                + u" appears twice (also "_s + Path(tracks, first).toString() + u')');
    }
}

// A track that names no cue is its own cue, "<release id>/<disc>-<number>".
void CatalogValidator::addImplicitCues(Release &release)
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
void CatalogValidator::resolvePendingCues()
{
    const Path releases(m_document, RootKeys[CatalogReleases]);
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
        m_fields.fault(
            pending.node, Path(trackPath, TrackKeys[TrackCue]), u"no cue "_s + quoted(track.cueId));
    }
}

void CatalogValidator::readOccurrences(const Field &field)
{
    readObjects(field, m_catalog.occurrences, OccurrenceKeys, nullptr,
        [&](Occurrence &occurrence, const auto &m, int) {
            readReference(m[OccurrenceTheme], m_themeIds, u"theme"_s, occurrence.themeId, Required);
            const int cue
                = readReference(m[OccurrenceCue], m_cueIds, u"cue"_s, occurrence.cueId, Required);
            m_fields.readEnum(m[OccurrenceKind], OccurrenceKinds, occurrence.kind);
            readOccurrenceTimes(m, occurrence, cue);
            m_fields.readEnum(m[OccurrencePosition], Positions, occurrence.position);
            readRecurringText(m[OccurrenceInstruments], occurrence.instruments);
            readOccurrenceSources(m, occurrence);
            m_fields.readText(m[OccurrenceNote], occurrence.note);
            readInference(m, occurrence);
        });
}

// "source" names one source, "sources" several. A file gives one form or the other: with both,
// no reader could tell which one the writer meant to keep.
void CatalogValidator::readOccurrenceSources(const OccurrenceMembers &m, Occurrence &occurrence)
{
    const Field one = m[OccurrenceSource];
    const Field several = m[OccurrenceSources];
    if (one.value && several.value) {
        m_fields.fault(
            several, u"both \"source\" and \"sources\" are given (expected one of them)"_s);
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
void CatalogValidator::readSourceList(const Field &field, QStringList &out)
{
    if (!m_fields.isArray(field))
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
            m_fields.fault(element, quoted(id) + u" is listed twice"_s);
        else
            out.append(id);
    }
}

// A basis explains an inference; on an occurrence that a source states outright it would pass a
// guess off as a reason, or a reason off as a guess.
void CatalogValidator::readInference(const OccurrenceMembers &m, Occurrence &occurrence)
{
    const Field inferred = m[OccurrenceInferred];
    m_fields.readBool(inferred, occurrence.inferred);
    const Field basis = m[OccurrenceBasis];
    if (!m_fields.readFilledText(
            basis, occurrence.basis, u"what the inference rests on, or no \"basis\" key"_s))
        return;
    // A faulty "inferred" has its own message already.
    const bool statedOutright
        = !inferred.value || m_tree.node(inferred.value).type() == JsonTree::False;
    if (statedOutright) {
        m_fields.fault(
            basis, u"only an inferred occurrence has a basis (expected \"inferred\": true)"_s);
    }
}

// The end is not before the start, and both lie within the cue where a track gives its length.
void CatalogValidator::readOccurrenceTimes(
    const OccurrenceMembers &m, Occurrence &occurrence, int cue)
{
    const Field start = m[OccurrenceStart];
    const Field end = m[OccurrenceEnd];
    const bool hasStart = m_fields.readTime(start, occurrence.startMs);
    const bool hasEnd = m_fields.readTime(end, occurrence.endMs);
    if (hasStart && hasEnd && occurrence.endMs < occurrence.startMs) {
        m_fields.fault(end,
            quoted(m_tree.string(end.value)) + u" is before start "_s
                + quoted(m_tree.string(start.value)));
    }
    const qint64 duration = cue >= 0 ? m_cueDurations[size_t(cue)] : -1;
    if (duration < 0)
        return;
    for (const auto &[field, ms, has] : {std::tuple(start, occurrence.startMs, hasStart),
             std::tuple(end, occurrence.endMs, hasEnd)}) {
        if (has && ms > duration) {
            m_fields.fault(field,
                quoted(m_tree.string(field.value)) + u" is past the end of cue "_s
                    + quoted(occurrence.cueId) + u" ("_s + TimeCode::format(duration) + u')');
        }
    }
}

void CatalogValidator::readExcerpts(const Field &field)
{
    readObjects(field, m_catalog.excerpts, ExcerptKeys, &m_excerptIds,
        [&](Excerpt &excerpt, const auto &m, int index) {
            readId(m[ExcerptId], excerpt.id, m_excerptIds, index);
            readReference(m[ExcerptSource], m_sourceIds, u"source"_s, excerpt.sourceId, Required);
            m_fields.readText(m[ExcerptText], excerpt.text, Required);
            readReferenceList(m[ExcerptReleases], m_releaseIds, u"release"_s, excerpt.releaseIds);
            readReferenceList(m[ExcerptCues], m_cueIds, u"cue"_s, excerpt.cueIds);
            readReferenceList(m[ExcerptThemes], m_themeIds, u"theme"_s, excerpt.themeIds);
            m_fields.readFilledText(m[ExcerptSpeaker], excerpt.speaker,
                u"the name of who speaks, or no \"speaker\" key"_s);
        });
}

template<typename T, size_t N, typename Read>
void CatalogValidator::readObjects(
    const Field &field, QList<T> &list, const Keys<N> &keys, IdTable *ids, Read &&read)
{
    if (!m_fields.isArray(field))
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
        if (m_fields.isObject(node, path))
            read(entry, m_fields.members(node, path, keys), index);
    }
}

// Ids are required wherever they are defined, and unique among the ids of their kind.
void CatalogValidator::readId(const Field &field, QString &out, IdTable &ids, int index)
{
    if (!m_fields.isPresent(field, Required) || !m_fields.isType(field, JsonTree::String))
        return;
    out = m_tree.string(field.value);
    if (!isId(out)) {
        m_fields.fault(field,
            quoted(out)
                + u" is not a valid id (expected lower-case letters, digits and dashes, "
                  "starting with a letter or digit)"_s);
    } else if (ids.insert(out, index)) {
        m_fields.fault(field, quoted(out) + u" is defined twice"_s);
    }
}

// Names and the like that recur across a catalog (composers, artists, labels, instruments) share
// one string: a large catalog names the same few people a hundred thousand times, and a lookup
// costs less than an allocation.
void CatalogValidator::readRecurringText(const Field &field, QString &out)
{
    if (field.value && m_fields.isType(field, JsonTree::String))
        out = recurringText(field.value);
}

void CatalogValidator::readRecurringTextList(const Field &field, QStringList &out)
{
    if (!m_fields.isArray(field))
        return;
    out.reserve(m_tree.childCount(field.value));
    int index = 0;
    for (quint32 node = JsonTree::firstChild(field.value); node < m_tree.next(field.value);
         node = m_tree.next(node), ++index) {
        if (m_fields.isType(Field {field.value, node, Path(field.path, index)}, JsonTree::String))
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

QString CatalogValidator::recurringText(quint32 node)
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
int CatalogValidator::readReference(
    const Field &field, const IdTable &ids, const QString &kind, QString &out, Presence presence)
{
    if (!m_fields.isPresent(field, presence) || !m_fields.isType(field, JsonTree::String))
        return -1;
    if (const IdTable::Entry *entry = find(ids, field.value)) {
        out = entry->id;
        return entry->index;
    }
    out = m_tree.string(field.value);
    if (presence == Required && out.isEmpty())
        m_fields.fault(field, u"required (found an empty string)"_s);
    else
        m_fields.fault(field, u"no "_s + kind + u' ' + quoted(out));
    return -1;
}

void CatalogValidator::readReferenceList(
    const Field &field, const IdTable &ids, const QString &kind, QStringList &out)
{
    if (!m_fields.isArray(field))
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

const IdTable::Entry *CatalogValidator::find(const IdTable &ids, quint32 node) const
{
    const QLatin1StringView ascii = m_tree.asciiString(node);
    return ascii.isNull() ? ids.find(QStringView(m_tree.string(node))) : ids.find(ascii);
}

// A cover must stay inside the catalog's folder: a shared catalog must not make the app read
// (and show) any other file of the user's. Backslashes count as separators, for Windows paths.
void CatalogValidator::readCover(const Field &field, QString &out)
{
    if (!field.value || !m_fields.isType(field, JsonTree::String))
        return;
    out = m_tree.string(field.value);
    QString portable = out;
    portable.replace(u'\\', u'/');
    const bool driveLetter = portable.size() >= 2 && portable.at(1) == u':'
        && portable.at(0).unicode() < 0x80 && portable.at(0).isLetter();
    if (portable.isEmpty()) {
        m_fields.fault(
            field, u"\"\" is not a path (expected a path relative to the catalog file)"_s);
        return;
    }
    if (portable.startsWith(u'/') || portable.startsWith(u':') || driveLetter) {
        m_fields.fault(field,
            quoted(out) + u" is an absolute path (expected a path relative to the catalog file)"_s);
        return;
    }
    const QString clean = QDir::cleanPath(portable);
    if (clean == ".."_L1 || clean.startsWith("../"_L1)) {
        m_fields.fault(field, quoted(out) + u" leaves the catalog's folder"_s);
        return;
    }
    // On disk a symbolic link can still lead out: compare where the file really is.
    const QString folder = canonicalFolder();
    if (folder.isEmpty())
        return;
    const QString target = QFileInfo(QDir(folder).filePath(clean)).canonicalFilePath();
    const QString inside = folder.endsWith(u'/') ? folder : folder + u'/';
    if (!target.isEmpty() && target != folder && !target.startsWith(inside))
        m_fields.fault(
            field, quoted(out) + u" leaves the catalog's folder (through a symbolic link)"_s);
}

// The catalog's folder with symbolic links resolved; empty for resources and missing folders,
// where no link can lead anywhere.
QString CatalogValidator::canonicalFolder()
{
    if (!m_canonicalFolder) {
        m_canonicalFolder = m_filePath.startsWith(u':')
            ? QString()
            : QFileInfo(m_filePath).absoluteDir().canonicalPath();
    }
    return *m_canonicalFolder;
}
