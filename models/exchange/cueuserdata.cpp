#include "exchange/cueuserdata.h"

#include "exchange/catalognames.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QHash>

#include <algorithm>

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
    for (const CueKey &cue : database.markers()->cuesWithMarkers()) {
        if (scope.contains(cue))
            byCue[cue].markers = database.markers()->markers(cue);
    }
    QList<CueUserData> cues;
    cues.reserve(byCue.size());
    for (auto it = byCue.begin(); it != byCue.end(); ++it) {
        CueUserData &data = it.value();
        data.cue = it.key();
        data.catalogTitle = names.catalogTitle(data.cue.catalogId);
        data.cueTitle = names.cueTitle(data.cue);
        cues.append(std::move(data));
    }
    // Cues of an open catalog in its order; the others after them, by id.
    const auto order = [&names](const CueUserData &data) {
        const int index = names.cueIndex(data.cue);
        return std::tuple(data.cue.catalogId, index < 0, index, data.cue.cueId);
    };
    std::sort(cues.begin(), cues.end(),
        [&order](const CueUserData &a, const CueUserData &b) { return order(a) < order(b); });
    return cues;
}

} // namespace CueUserDataList
