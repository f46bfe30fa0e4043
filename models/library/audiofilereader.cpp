#include "library/audiofilereader.h"

#include "library/audiohash.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <taglib/audioproperties.h>
#include <taglib/fileref.h>
#include <taglib/tag.h>
#include <taglib/tpropertymap.h>

using namespace Qt::StringLiterals;

namespace {

// What the user reads about a file that cannot be read, translated in its own context.
class Reason
{
    Q_DECLARE_TR_FUNCTIONS(AudioFileReader)
};

QString toQString(const TagLib::String &text)
{
    return QString::fromUtf8(text.toCString(true)).trimmed();
}

QString joined(const TagLib::PropertyMap &properties, const char *key)
{
    const auto found = properties.find(key);
    if (found == properties.end())
        return {};
    return toQString(found->second.toString("; "));
}

// "3/12" gives 3 and 12; "3" gives 3 and leaves total alone.
void readNumber(const TagLib::PropertyMap &properties, const char *key, int *number, int *total)
{
    const QString text = joined(properties, key);
    if (text.isEmpty())
        return;
    const qsizetype slash = text.indexOf(u'/');
    if (const int value = QStringView(text).first(slash < 0 ? text.size() : slash).toInt();
        value > 0)
        *number = value;
    if (slash >= 0) {
        if (const int value = QStringView(text).sliced(slash + 1).toInt(); value > 0)
            *total = value;
    }
}

bool readTags(AudioFileInfo &info)
{
    TagLib::FileRef file(
        QFile::encodeName(info.path).constData(), true, TagLib::AudioProperties::Fast);
    if (file.isNull() || !file.tag())
        return false;
    const TagLib::Tag *tag = file.tag();
    info.title = toQString(tag->title());
    info.album = toQString(tag->album());
    info.artist = toQString(tag->artist());
    info.trackNumber = int(tag->track());
    const TagLib::PropertyMap properties = file.file()->properties();
    info.albumArtist = joined(properties, "ALBUMARTIST");
    info.composer = joined(properties, "COMPOSER");
    readNumber(properties, "TRACKNUMBER", &info.trackNumber, &info.trackTotal);
    for (const char *key : {"TRACKTOTAL", "TOTALTRACKS"}) {
        int total = 0;
        readNumber(properties, key, &total, &total);
        if (total > 0)
            info.trackTotal = total;
    }
    int discTotal = 0;
    readNumber(properties, "DISCNUMBER", &info.discNumber, &discTotal);
    if (const TagLib::AudioProperties *audio = file.audioProperties()) {
        const int ms = audio->lengthInMilliseconds();
        info.durationMs = ms > 0 ? ms : -1;
    }
    return true;
}

AudioFileInfo unreadable(AudioFileInfo info, const QString &reason)
{
    info.readable = false;
    info.unreadableReason = reason;
    return info;
}

} // namespace

namespace AudioFileReader {

const QStringList &suffixes()
{
    static const QStringList list = {
        u"flac"_s, u"mp3"_s, u"ogg"_s, u"oga"_s, u"opus"_s, u"m4a"_s, u"mp4"_s, u"aac"_s, u"wav"_s};
    return list;
}

bool hasAudioSuffix(QStringView fileName)
{
    const qsizetype dot = fileName.lastIndexOf(u'.');
    if (dot < 0)
        return false;
    const QStringView suffix = fileName.sliced(dot + 1);
    for (const QString &known : suffixes()) {
        if (suffix.compare(known, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

AudioFileInfo read(const QFileInfo &fileInfo)
{
    AudioFileInfo info;
    info.path = fileInfo.absoluteFilePath();
    info.folder = fileInfo.absolutePath();
    info.fileName = fileInfo.fileName();
    if (!fileInfo.exists())
        return unreadable(info, Reason::tr("the file is gone"));
    info.size = fileInfo.size();
    info.mtime = fileInfo.lastModified().toMSecsSinceEpoch();
    if (info.size == 0)
        return unreadable(info, Reason::tr("empty file (0 bytes)"));

    QFile file(info.path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return unreadable(info, Reason::tr("cannot be opened: %1").arg(file.errorString()));
    const AudioHash::Result hash = AudioHash::compute(file);
    file.close();
    if (hash.container == AudioHash::Container::Unknown)
        return unreadable(
            info, Reason::tr("not audio: its content is not FLAC, MP3, AAC, Ogg, MP4 or WAV"));
    if (!readTags(info))
        return unreadable(
            info, Reason::tr("damaged, or not the format its name says: TagLib cannot read it"));
    info.audioHash = hash.hash;
    return info;
}

} // namespace AudioFileReader
