#include "userdata/tagsjson.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace TagsJson {

// The tags of a file as one JSON object, leaving out what it lacks.
QString toJson(const AudioFileInfo &file)
{
    QJsonObject tags;
    const auto text = [&tags](const QString &key, const QString &value) {
        if (!value.isEmpty())
            tags.insert(key, value);
    };
    const auto number = [&tags](const QString &key, int value) {
        if (value != 0)
            tags.insert(key, value);
    };
    text(u"title"_s, file.title);
    text(u"album"_s, file.album);
    text(u"albumArtist"_s, file.albumArtist);
    text(u"artist"_s, file.artist);
    text(u"composer"_s, file.composer);
    number(u"trackNumber"_s, file.trackNumber);
    number(u"trackTotal"_s, file.trackTotal);
    number(u"discNumber"_s, file.discNumber);
    return QString::fromUtf8(QJsonDocument(tags).toJson(QJsonDocument::Compact));
}

void read(AudioFileInfo &file, const QString &text)
{
    const QJsonObject tags = QJsonDocument::fromJson(text.toUtf8()).object();
    file.title = tags.value(u"title"_s).toString();
    file.album = tags.value(u"album"_s).toString();
    file.albumArtist = tags.value(u"albumArtist"_s).toString();
    file.artist = tags.value(u"artist"_s).toString();
    file.composer = tags.value(u"composer"_s).toString();
    file.trackNumber = tags.value(u"trackNumber"_s).toInt();
    file.trackTotal = tags.value(u"trackTotal"_s).toInt();
    file.discNumber = tags.value(u"discNumber"_s).toInt();
}

} // namespace TagsJson
