#include "exchange/notesjsonreader.h"

#include "catalog/jsonfields.h"
#include "catalog/jsontree.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace JsonFields;

namespace {

enum RootKey { RootFormat, RootVersion, RootExportedAt, RootAppVersion, RootCues };
constexpr Keys<5> RootKeys {"format"_L1, "version"_L1, "exportedAt"_L1, "appVersion"_L1, "cues"_L1};

enum CueKeyName { CueCatalog, CueCue, CueCatalogTitle, CueCueTitle, CueNote, CueMarkers };
constexpr Keys<6> CueKeys {
    "catalog"_L1, "cue"_L1, "catalogTitle"_L1, "cueTitle"_L1, "note"_L1, "markers"_L1};

enum NoteKey { NoteText, NoteUpdatedAt };
constexpr Keys<2> NoteKeys {"text"_L1, "updatedAt"_L1};

enum MarkerKey {
    MarkerId,
    MarkerStart,
    MarkerEnd,
    MarkerLabel,
    MarkerTheme,
    MarkerKind,
    MarkerCreatedAt,
    MarkerUpdatedAt
};
constexpr Keys<8> MarkerKeys {"id"_L1, "start"_L1, "end"_L1, "label"_L1, "theme"_L1, "kind"_L1,
    "createdAt"_L1, "updatedAt"_L1};

// The ids of the catalog format: a catalog's, and a cue's (with a track's implicit cue,
// "release/1-3").
const QRegularExpression CatalogIdPattern(u"^[a-z0-9][a-z0-9-]*$"_s);
const QRegularExpression CueIdPattern(u"^[a-z0-9][a-z0-9-]*(/[0-9]+-[0-9]+)?$"_s);
const QRegularExpression TimestampPattern(
    u"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:[.]([0-9]{1,3}))?"
    "(Z|([+-])([0-9]{2}):([0-9]{2}))$"_s);

// One document's reading: the fields it checks, and the values it keeps.
class Reading
{
public:
    Reading(const JsonTree &tree, const QString &filePath)
        : m_tree(tree)
        , m_fields(tree, filePath)
    {
        m_fields.setLineNumbers(true);
    }

    bool read(QList<CueUserData> &cues, NotesJson::Header &header);
    QStringList errors() { return m_fields.errors(); }
    QStringList warnings() { return m_fields.warnings(); }

private:
    bool checkFormat(const Members<5> &root);
    void readCue(quint32 node, const Path &path, CueUserData &cue);
    void readNote(const Field &field, CueUserData &cue);
    void readMarker(quint32 node, const Path &path, Marker &marker);
    void readId(const Field &field, QString &out, const QRegularExpression &pattern);
    bool readTimestamp(const Field &field, qint64 &out);

    const JsonTree &m_tree;
    FieldReader m_fields;
    QSet<CueKey> m_cues;
    QSet<QString> m_markerIds;
};

bool Reading::read(QList<CueUserData> &cues, NotesJson::Header &header)
{
    const Path document;
    if (!m_fields.isObject(0, document))
        return false;
    const Members root = m_fields.members(0, document, RootKeys);
    if (!checkFormat(root))
        return false;
    readTimestamp(root[RootExportedAt], header.exportedAtMs);
    m_fields.readText(root[RootAppVersion], header.appVersion, Required);
    const Field list = root[RootCues];
    if (m_fields.isPresent(list, Required) && m_fields.isArray(list)) {
        cues.reserve(m_tree.childCount(list.value));
        int index = 0;
        for (quint32 node = JsonTree::firstChild(list.value); node < m_tree.next(list.value);
             node = m_tree.next(node), ++index) {
            const Path path(list.path, index);
            if (!m_fields.isObject(node, path))
                continue;
            CueUserData cue;
            readCue(node, path, cue);
            cues.append(std::move(cue));
        }
    }
    return m_fields.faultCount() == 0;
}

// A later version may give the same keys other meanings: its one fault is all there is to say.
bool Reading::checkFormat(const Members<5> &root)
{
    const Field format = root[RootFormat];
    const QString expected = QString::number(NotesJson::FormatVersion);
    if (m_fields.isPresent(format, Required) && m_fields.isType(format, JsonTree::String)
        && !m_tree.stringEquals(format.value, NotesJson::FormatName)) {
        m_fields.fault(format,
            quoted(m_tree.string(format.value)) + u" is not \""_s + NotesJson::FormatName
                + u"\" (this is not a Cuebook notes file)"_s);
    }
    const Field version = root[RootVersion];
    if (m_fields.isPresent(version, Required) && m_fields.isType(version, JsonTree::Number)) {
        const QByteArrayView token = m_tree.numberToken(version.value);
        double value = 0;
        if (wholeNumber(token, 1, 1e300, value) != NumberFault::None) {
            m_fields.fault(version,
                numberText(token) + u" is not a version of the format (expected "_s + expected
                    + u')');
        } else if (value > NotesJson::FormatVersion) {
            m_fields.fault(version,
                u"the file is in version "_s + numberText(token)
                    + u" of the format, written by a newer Cuebook; this one reads version "_s
                    + expected + u" (update Cuebook to import it)"_s);
        }
    }
    return m_fields.faultCount() == 0;
}

void Reading::readCue(quint32 node, const Path &path, CueUserData &cue)
{
    const Members m = m_fields.members(node, path, CueKeys);
    readId(m[CueCatalog], cue.cue.catalogId, CatalogIdPattern);
    readId(m[CueCue], cue.cue.cueId, CueIdPattern);
    m_fields.readText(m[CueCatalogTitle], cue.catalogTitle);
    m_fields.readText(m[CueCueTitle], cue.cueTitle);
    if (!cue.cue.catalogId.isEmpty() && !cue.cue.cueId.isEmpty()) {
        if (m_cues.contains(cue.cue)) {
            m_fields.fault(m[CueCue],
                u"the cue "_s + CueUserDataList::cueText(cue.cue)
                    + u" is listed twice (expected each cue once)"_s);
        }
        m_cues.insert(cue.cue);
    }
    readNote(m[CueNote], cue);
    const Field markers = m[CueMarkers];
    if (!m_fields.isArray(markers))
        return;
    int index = 0;
    for (quint32 element = JsonTree::firstChild(markers.value);
         element < m_tree.next(markers.value); element = m_tree.next(element), ++index) {
        const Path markerPath(markers.path, index);
        if (!m_fields.isObject(element, markerPath))
            continue;
        Marker marker;
        marker.cue = cue.cue;
        readMarker(element, markerPath, marker);
        cue.markers.append(marker);
    }
}

void Reading::readNote(const Field &field, CueUserData &cue)
{
    if (!field.value || !m_fields.isObject(field.value, field.path))
        return;
    const Members m = m_fields.members(field.value, field.path, NoteKeys);
    NoteEntry note;
    note.cue = cue.cue;
    m_fields.readText(m[NoteText], note.text, Required);
    readTimestamp(m[NoteUpdatedAt], note.updatedAtMs);
    cue.note = note;
}

void Reading::readMarker(quint32 node, const Path &path, Marker &marker)
{
    const Members m = m_fields.members(node, path, MarkerKeys);
    m_fields.readText(m[MarkerId], marker.id, Required);
    if (!marker.id.isEmpty()) {
        if (m_markerIds.contains(marker.id)) {
            m_fields.fault(m[MarkerId],
                quoted(marker.id) + u" is the id of an earlier marker (expected each id once)"_s);
        }
        m_markerIds.insert(marker.id);
    }
    const bool started = m_fields.isPresent(m[MarkerStart], Required)
        && m_fields.readTime(m[MarkerStart], marker.startMs);
    if (m[MarkerEnd].value && m_fields.readTime(m[MarkerEnd], marker.endMs) && started
        && marker.endMs < marker.startMs) {
        m_fields.fault(m[MarkerEnd],
            quoted(m_tree.string(m[MarkerEnd].value)) + u" is before the start, "_s
                + quoted(m_tree.string(m[MarkerStart].value)));
    }
    if (m_fields.isPresent(m[MarkerLabel], Required))
        m_fields.readText(m[MarkerLabel], marker.label);
    m_fields.readText(m[MarkerTheme], marker.themeId);
    m_fields.readText(m[MarkerKind], marker.kind);
    readTimestamp(m[MarkerCreatedAt], marker.createdAtMs);
    readTimestamp(m[MarkerUpdatedAt], marker.updatedAtMs);
}

void Reading::readId(const Field &field, QString &out, const QRegularExpression &pattern)
{
    QString id;
    m_fields.readText(field, id, Required);
    if (id.isEmpty())
        return;
    if (!pattern.match(id).hasMatch()) {
        m_fields.fault(field,
            quoted(id) + u" is not an id (expected lower-case letters, digits and dashes)"_s);
        return;
    }
    out = id;
}

// "2025-03-01T09:30:00.000Z", or with an offset ("+01:00"); later than 1970.
bool Reading::readTimestamp(const Field &field, qint64 &out)
{
    if (!m_fields.isPresent(field, Required) || !m_fields.isType(field, JsonTree::String))
        return false;
    const QString text = m_tree.string(field.value);
    const QRegularExpressionMatch match = TimestampPattern.match(text);
    const auto number = [&match](int group) { return match.captured(group).toInt(); };
    const QDate date = match.hasMatch() ? QDate(number(1), number(2), number(3)) : QDate();
    const QString fraction = match.captured(7);
    const QTime time = match.hasMatch()
        ? QTime(number(4), number(5), number(6), fraction.leftJustified(3, u'0').toInt())
        : QTime();
    const int offsetMinutes = match.captured(9).isEmpty()
        ? 0
        : (number(10) * 60 + number(11)) * (match.captured(9) == u"-"_s ? -1 : 1);
    const qint64 ms = date.isValid() && time.isValid()
        ? QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch() - offsetMinutes * 60'000LL
        : 0;
    if (ms <= 0 || offsetMinutes >= 24 * 60 || offsetMinutes <= -24 * 60) {
        m_fields.fault(field,
            quoted(text)
                + u" is not a time of day (expected UTC, such as \"2025-03-01T09:30:00.000Z\")"_s);
        return false;
    }
    out = ms;
    return true;
}

} // namespace

bool NotesJsonReader::read(const QString &filePath)
{
    m_cues.clear();
    m_errors.clear();
    m_warnings.clear();
    const QFileInfo info(filePath);
    if (info.isDir()) {
        m_errors.append(filePath + u": the path is a folder, not a notes file"_s);
        return false;
    }
    if (info.exists() && !info.isFile()) {
        m_errors.append(filePath + u": not a regular file"_s);
        return false;
    }
    if (info.size() > MaxFileSize) {
        m_errors.append(filePath
            + u": the file is larger than %1 MiB, more than a notes file holds"_s.arg(
                MaxFileSize / (1024 * 1024)));
        return false;
    }
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_errors.append(filePath + u": the file cannot be opened ("_s + file.errorString() + u')');
        return false;
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        m_errors.append(filePath + u": the file cannot be read ("_s + file.errorString() + u')');
        return false;
    }
    return readData(data, filePath);
}

bool NotesJsonReader::readData(const QByteArray &data, const QString &filePath)
{
    m_cues.clear();
    m_header = {};
    m_errors.clear();
    m_warnings.clear();
    if (data.size() > MaxFileSize) {
        m_errors.append(filePath + u": the file is too large"_s);
        return false;
    }
    QByteArrayView json(data);
    if (json.startsWith("\xEF\xBB\xBF"))
        json = json.sliced(3);
    JsonTree tree;
    if (!tree.parse(json)) {
        const auto [line, column] = tree.lineAndColumn(tree.errorOffset());
        m_errors.append(filePath + u':' + QString::number(line) + u':' + QString::number(column)
            + u": "_s + tree.errorPath() + u": "_s + tree.errorMessage());
        return false;
    }
    Reading reading(tree, filePath);
    QList<CueUserData> cues;
    NotesJson::Header header;
    const bool valid = reading.read(cues, header);
    m_warnings = reading.warnings();
    if (!valid) {
        m_errors = reading.errors();
        return false;
    }
    m_cues = std::move(cues);
    m_header = header;
    return true;
}
