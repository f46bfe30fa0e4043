#include "library/matching/albumgroup.h"

#include "catalog/textfold.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// More names than this say nothing more about which release it is.
constexpr qsizetype MaxNames = 16;

QStringList splitNames(const QString &text)
{
    static const QRegularExpression separators(
        u"\\s*(?:[;/,&]|\\bfeat\\.?|\\bft\\.)\\s*"_s, QRegularExpression::CaseInsensitiveOption);
    QStringList names = text.split(separators, Qt::SkipEmptyParts);
    names.removeIf([](const QString &name) {
        const QString folded = TextFold::fold(name);
        return folded == u"various artists"_s || folded == u"various"_s;
    });
    return names;
}

QStringView lastSegment(QStringView path)
{
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? path : path.sliced(slash + 1);
}

// The album a folder's name implies: "CD 2" or "Disc 2" under an album folder is that album's
// second disc.
QString folderAlbum(const QString &folder, int *disc)
{
    static const QRegularExpression discFolder(u"^(?:cd|disc|disk)\\s*(\\d{1,2})$"_s);
    const QStringView name = lastSegment(folder);
    const QRegularExpressionMatch match = discFolder.match(TextFold::fold(name));
    *disc = 0;
    if (!match.hasMatch())
        return name.toString();
    *disc = match.captured(1).toInt();
    QStringView parent = folder;
    parent.chop(name.size());
    return lastSegment(parent).toString();
}

AlbumGroup::File groupFile(const AudioFileInfo &info, int index, int folderDisc)
{
    AlbumGroup::File file;
    file.index = index;
    file.durationMs = info.durationMs;
    file.total = info.trackTotal;
    int numberFromName = 0;
    int discFromName = 0;
    QString title = info.title.trimmed();
    if (title.isEmpty()) {
        QStringView baseName = info.fileName;
        if (const qsizetype dot = baseName.lastIndexOf(u'.'); dot > 0)
            baseName.truncate(dot);
        title = TitleMatch::titleFromFileName(baseName, &numberFromName, &discFromName);
    }
    file.title = TitleMatch::titleWords(title);
    file.number = info.trackNumber > 0 ? info.trackNumber : numberFromName;
    file.disc
        = info.discNumber > 0 ? info.discNumber : (discFromName > 0 ? discFromName : folderDisc);
    return file;
}

void addNames(AlbumGroup &group, const AudioFileInfo &info)
{
    for (const QString &text : {info.albumArtist, info.artist, info.composer}) {
        for (const QString &name : splitNames(text)) {
            TitleMatch::Words words = TitleMatch::titleWords(name);
            const bool known = std::any_of(group.names.cbegin(), group.names.cend(),
                [&](const TitleMatch::Words &other) { return other.compact == words.compact; });
            if (group.names.size() < MaxNames && !words.core.isEmpty() && !known)
                group.names.append(std::move(words));
        }
    }
}

} // namespace

QList<AlbumGroup> AlbumGroup::fromFiles(const QList<AudioFileInfo> &files)
{
    QList<AlbumGroup> groups;
    QHash<QString, qsizetype> groupOfKey;
    for (int i = 0; i < files.size(); ++i) {
        const AudioFileInfo &info = files.at(i);
        if (!info.readable)
            continue;
        const QString suffix = info.fileName.mid(info.fileName.lastIndexOf(u'.') + 1).toLower();
        const QString key = info.folder + u'\n' + TextFold::fold(info.album) + u'\n'
            + TextFold::fold(info.albumArtist) + u'\n' + suffix;
        const bool tagged = !info.album.trimmed().isEmpty();
        int folderDisc = 0;
        const QString album = tagged ? info.album : folderAlbum(info.folder, &folderDisc);
        auto found = groupOfKey.constFind(key);
        if (found == groupOfKey.constEnd()) {
            found = groupOfKey.insert(key, groups.size());
            AlbumGroup group;
            group.album = TitleMatch::albumWords(album);
            groups.append(std::move(group));
        }
        AlbumGroup &group = groups[*found];
        group.files.append(groupFile(info, i, tagged ? 0 : folderDisc));
        addNames(group, info);
    }
    return groups;
}
