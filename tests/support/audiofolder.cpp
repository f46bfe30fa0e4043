#include "audiofolder.h"

#include "catalog/catalog.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <taglib/attachedpictureframe.h>
#include <taglib/fileref.h>
#include <taglib/flacfile.h>
#include <taglib/flacpicture.h>
#include <taglib/id3v2tag.h>
#include <taglib/mpegfile.h>
#include <taglib/tpropertymap.h>
#include <taglib/tstring.h>

using namespace Qt::StringLiterals;

namespace {

void put(TagLib::PropertyMap &properties, const char *key, const QString &value)
{
    if (!value.isEmpty())
        properties.replace(key, TagLib::StringList(QStringToTString(value)));
}

void putNumber(TagLib::PropertyMap &properties, const char *key, int number, int total)
{
    if (number > 0)
        put(properties, key,
            total > 0 ? u"%1/%2"_s.arg(number).arg(total) : QString::number(number));
}

// STREAMINFO is the first metadata block: its 36-bit sample count sits in the 8 bytes after
// "fLaC", the block header and 10 bytes of block and frame sizes, below the sample rate
// (20 bits), channels (3) and bits per sample (5).
bool setFlacDuration(QByteArray &flac, qint64 durationMs)
{
    constexpr qsizetype At = 18;
    if (!flac.startsWith("fLaC") || flac.size() < At + 8)
        return false;
    quint64 fields = 0;
    for (int i = 0; i < 8; ++i)
        fields = fields << 8 | quint8(flac.at(At + i));
    const quint64 sampleRate = fields >> 44;
    const quint64 samples = quint64(durationMs) * sampleRate / 1000;
    fields = (fields & ~((quint64(1) << 36) - 1)) | (samples & ((quint64(1) << 36) - 1));
    for (int i = 7; i >= 0; --i) {
        flac[At + i] = char(fields & 0xFF);
        fields >>= 8;
    }
    return true;
}

} // namespace

namespace AudioFolder {

bool hasSox()
{
    return !QStandardPaths::findExecutable(u"sox"_s).isEmpty();
}

bool encode(const QString &path, qint64 durationMs, int frequency)
{
    QProcess sox;
    sox.start(u"sox"_s,
        {u"-n"_s, u"-r"_s, u"8000"_s, u"-c"_s, u"1"_s, path, u"synth"_s,
            QString::number(double(durationMs) / 1000.0, 'f', 3), u"sine"_s,
            QString::number(frequency)});
    return sox.waitForFinished(30'000) && sox.exitStatus() == QProcess::NormalExit
        && sox.exitCode() == 0 && QFile::exists(path);
}

bool transcode(const QString &from, const QString &to, const QStringList &options, QString *error)
{
    QProcess sox;
    sox.setProcessChannelMode(QProcess::MergedChannels);
    sox.start(u"sox"_s, QStringList {from} + options + QStringList {to});
    if (sox.waitForFinished(60'000) && sox.exitStatus() == QProcess::NormalExit
        && sox.exitCode() == 0 && QFile::exists(to))
        return true;
    *error = u"sox %1 → %2: %3 %4"_s.arg(
        from, to, sox.errorString(), QString::fromLocal8Bit(sox.readAll()).trimmed());
    return false;
}

bool writeSilentMp3(const QString &path, int frames)
{
    QByteArray frame = QByteArray::fromHex("fffb9000");
    frame.append(417 - frame.size(), '\0');
    const QByteArray bytes = frame.repeated(frames);
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool writeTags(const QString &path, const Tags &tags)
{
    TagLib::FileRef file(QFile::encodeName(path).constData(), false);
    if (file.isNull())
        return false;
    TagLib::PropertyMap properties;
    put(properties, "TITLE", tags.title);
    put(properties, "ALBUM", tags.album);
    put(properties, "ALBUMARTIST", tags.albumArtist);
    put(properties, "ARTIST", tags.artist);
    put(properties, "COMPOSER", tags.composer);
    putNumber(properties, "TRACKNUMBER", tags.track, tags.trackTotal);
    putNumber(properties, "DISCNUMBER", tags.disc, 0);
    file.file()->setProperties(properties);
    return file.save();
}

bool embedCover(const QString &path, const QByteArray &imageBytes, const QString &mimeType)
{
    const TagLib::ByteVector data(imageBytes.constData(), uint(imageBytes.size()));
    const TagLib::String mime(mimeType.toStdString());
    const QByteArray name = QFile::encodeName(path);
    if (path.endsWith(u".flac"_s)) {
        TagLib::FLAC::File file(name.constData(), false);
        if (!file.isValid())
            return false;
        auto *picture = new TagLib::FLAC::Picture;
        picture->setType(TagLib::FLAC::Picture::FrontCover);
        picture->setMimeType(mime);
        picture->setData(data);
        file.addPicture(picture);
        return file.save();
    }
    if (path.endsWith(u".mp3"_s)) {
        TagLib::MPEG::File file(name.constData(), false);
        if (!file.isValid())
            return false;
        auto *frame = new TagLib::ID3v2::AttachedPictureFrame;
        frame->setType(TagLib::ID3v2::AttachedPictureFrame::FrontCover);
        frame->setMimeType(mime);
        frame->setPicture(data);
        file.ID3v2Tag(true)->addFrame(frame);
        return file.save();
    }
    return false;
}

bool writeLibrary(const QString &folder, const Release &release, int count, QString *error)
{
    const QString templatePath = folder + u"/.template.flac"_s;
    if (!QDir().mkpath(folder) || !encode(templatePath, 8000)) {
        *error = u"sox could not write %1"_s.arg(templatePath);
        return false;
    }
    QFile templateFile(templatePath);
    if (!templateFile.open(QIODevice::ReadOnly)) {
        *error = templateFile.errorString();
        return false;
    }
    const QByteArray audio = templateFile.readAll();
    const int albumSize = std::max(1, int(release.tracks.size()));
    for (int i = 0; i < count; ++i) {
        const int album = i / albumSize;
        const bool stored = album % 2 == 0;
        const Track &track = release.tracks.at(i % albumSize);
        const QString albumFolder = u"%1/Album %2"_s.arg(folder).arg(album, 4, 10, QChar(u'0'));
        Tags tags;
        tags.track = track.number;
        tags.trackTotal = albumSize;
        tags.disc = track.disc;
        if (stored) {
            tags.title = track.title;
            tags.album = release.title;
            tags.albumArtist = release.artists.join(u"; "_s);
            tags.artist = tags.albumArtist;
            tags.composer = tags.albumArtist;
        } else {
            tags.title = u"Song %1"_s.arg(track.number);
            tags.album = u"Generated Album %1"_s.arg(album);
            tags.artist = u"Nobody"_s;
        }
        const QString path = u"%1/%2 - %3.flac"_s.arg(albumFolder)
                                 .arg(track.number, 2, 10, QChar(u'0'))
                                 .arg(QString(tags.title).replace(u'/', u'-'));
        QByteArray copy = audio;
        QFile file(path);
        if ((i % albumSize == 0 && !QDir().mkpath(albumFolder))
            || !setFlacDuration(copy, track.durationMs > 0 ? track.durationMs : 120'000)
            || !file.open(QIODevice::WriteOnly) || file.write(copy) != copy.size()) {
            *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
            return false;
        }
        file.close();
        if (!writeTags(path, tags)) {
            *error = u"TagLib cannot tag %1"_s.arg(path);
            return false;
        }
    }
    return true;
}

} // namespace AudioFolder
