#include "exchange/cueuserdata.h"

#include "exchange/catalognames.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

bool CueScope::contains(const CueKey &cue) const
{
    return (catalogId.isEmpty() || cue.catalogId == catalogId)
        && (cueId.isEmpty() || cue.cueId == cueId);
}

namespace CueUserDataList {

std::optional<CueKey> parseCue(QStringView text)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash <= 0 || slash == text.size() - 1)
        return std::nullopt;
    return CueKey {text.left(slash).toString(), text.mid(slash + 1).toString()};
}

QString cueText(const CueKey &cue)
{
    return cue.catalogId + u'/' + cue.cueId;
}

QList<CueUserData> collect(
    const UserDatabase &database, const CatalogNames &names, const CueScope &scope)
{
    QHash<CueKey, CueUserData> byCue;
    for (const NoteEntry &note : database.notes()->noteEntries()) {
        if (scope.contains(note.cue))
            byCue[note.cue].note = note;
    }
    // One query for them all: a query per cue would take a minute for 100,000 cues.
    const QList<Marker> markers = !scope.catalogId.isEmpty() && !scope.cueId.isEmpty()
        ? database.markers()->markers({scope.catalogId, scope.cueId})
        : database.markers()->allMarkers();
    for (const Marker &marker : markers) {
        if (scope.contains(marker.cue))
            byCue[marker.cue].markers.append(marker);
    }
    // Cues of an open catalog in its order; the others after them, by id. Each key is made once:
    // made in every comparison, it would cost seconds for 100,000 cues.
    struct Sorted
    {
        int index;
        CueUserData data;
    };
    std::vector<Sorted> sorted;
    sorted.reserve(size_t(byCue.size()));
    for (auto it = byCue.begin(); it != byCue.end(); ++it) {
        CueUserData &data = it.value();
        data.cue = it.key();
        data.catalogTitle = names.catalogTitle(data.cue.catalogId);
        data.cueTitle = names.cueTitle(data.cue);
        const int index = names.cueIndex(data.cue);
        sorted.push_back({index < 0 ? std::numeric_limits<int>::max() : index, std::move(data)});
    }
    std::sort(sorted.begin(), sorted.end(), [](const Sorted &a, const Sorted &b) {
        return std::tie(a.data.cue.catalogId, a.index, a.data.cue.cueId)
            < std::tie(b.data.cue.catalogId, b.index, b.data.cue.cueId);
    });
    QList<CueUserData> cues;
    cues.reserve(qsizetype(sorted.size()));
    for (Sorted &each : sorted)
        cues.append(std::move(each.data));
    return cues;
}

} // namespace CueUserDataList
