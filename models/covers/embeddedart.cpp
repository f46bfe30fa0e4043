#include "covers/embeddedart.h"

#include <QFile>

#include <taglib/aifffile.h>
#include <taglib/attachedpictureframe.h>
#include <taglib/fileref.h>
#include <taglib/flacfile.h>
#include <taglib/flacpicture.h>
#include <taglib/id3v2tag.h>
#include <taglib/mp4coverart.h>
#include <taglib/mp4file.h>
#include <taglib/mp4tag.h>
#include <taglib/mpegfile.h>
#include <taglib/oggflacfile.h>
#include <taglib/opusfile.h>
#include <taglib/vorbisfile.h>
#include <taglib/wavfile.h>
#include <taglib/xiphcomment.h>

namespace {

QByteArray bytesOf(const TagLib::ByteVector &data)
{
    return QByteArray(data.data(), qsizetype(data.size()));
}

// FLAC pictures, in a FLAC file's own blocks or in an Ogg comment: the front cover, else the
// first picture there is.
QByteArray fromPictures(const TagLib::List<TagLib::FLAC::Picture *> &pictures)
{
    const TagLib::FLAC::Picture *chosen = nullptr;
    for (const TagLib::FLAC::Picture *picture : pictures) {
        if (picture->data().isEmpty())
            continue;
        if (picture->type() == TagLib::FLAC::Picture::FrontCover)
            return bytesOf(picture->data());
        if (!chosen)
            chosen = picture;
    }
    return chosen ? bytesOf(chosen->data()) : QByteArray();
}

QByteArray fromXiphComment(TagLib::Ogg::XiphComment *comment)
{
    return comment ? fromPictures(comment->pictureList()) : QByteArray();
}

QByteArray fromId3v2(TagLib::ID3v2::Tag *tag)
{
    if (!tag)
        return {};
    const TagLib::ID3v2::FrameList &frames = tag->frameListMap()["APIC"];
    const TagLib::ID3v2::AttachedPictureFrame *chosen = nullptr;
    for (const TagLib::ID3v2::Frame *frame : frames) {
        const auto *picture = dynamic_cast<const TagLib::ID3v2::AttachedPictureFrame *>(frame);
        if (!picture || picture->picture().isEmpty())
            continue;
        if (picture->type() == TagLib::ID3v2::AttachedPictureFrame::FrontCover)
            return bytesOf(picture->picture());
        if (!chosen)
            chosen = picture;
    }
    return chosen ? bytesOf(chosen->picture()) : QByteArray();
}

QByteArray fromMp4(TagLib::MP4::Tag *tag)
{
    if (!tag || !tag->contains("covr"))
        return {};
    const TagLib::MP4::CoverArtList covers = tag->item("covr").toCoverArtList();
    for (const TagLib::MP4::CoverArt &cover : covers) {
        if (!cover.data().isEmpty())
            return bytesOf(cover.data());
    }
    return {};
}

} // namespace

QByteArray EmbeddedArt::read(const QString &audioPath)
{
    // Reading the audio properties would cost a walk through the stream for nothing.
    TagLib::FileRef ref(QFile::encodeName(audioPath).constData(), false);
    TagLib::File *file = ref.file();
    if (!file || !file->isValid())
        return {};
    if (auto *flac = dynamic_cast<TagLib::FLAC::File *>(file)) {
        QByteArray art = fromPictures(flac->pictureList());
        if (art.isEmpty() && flac->hasID3v2Tag())
            art = fromId3v2(flac->ID3v2Tag());
        return art;
    }
    if (auto *mpeg = dynamic_cast<TagLib::MPEG::File *>(file))
        return mpeg->hasID3v2Tag() ? fromId3v2(mpeg->ID3v2Tag()) : QByteArray();
    if (auto *mp4 = dynamic_cast<TagLib::MP4::File *>(file))
        return fromMp4(mp4->tag());
    if (auto *vorbis = dynamic_cast<TagLib::Ogg::Vorbis::File *>(file))
        return fromXiphComment(vorbis->tag());
    if (auto *opus = dynamic_cast<TagLib::Ogg::Opus::File *>(file))
        return fromXiphComment(opus->tag());
    if (auto *oggFlac = dynamic_cast<TagLib::Ogg::FLAC::File *>(file))
        return fromXiphComment(oggFlac->tag());
    if (auto *wav = dynamic_cast<TagLib::RIFF::WAV::File *>(file))
        return wav->hasID3v2Tag() ? fromId3v2(wav->ID3v2Tag()) : QByteArray();
    if (auto *aiff = dynamic_cast<TagLib::RIFF::AIFF::File *>(file))
        return aiff->hasID3v2Tag() ? fromId3v2(aiff->tag()) : QByteArray();
    return {};
}
