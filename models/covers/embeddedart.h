#pragma once

#include <QByteArray>
#include <QString>

// The cover art that an audio file carries in its tags: FLAC picture blocks, ID3v2 APIC frames
// (MP3, and WAV and AIFF files tagged the same way), MP4 covr atoms, and the pictures of Ogg
// Vorbis, Opus and Ogg FLAC comments. Reads tags only, never the audio; any thread may call it.
namespace EmbeddedArt {

// The encoded image (JPEG, PNG…) of the file's front cover, else of its first picture; empty
// when the file has none or cannot be read.
QByteArray read(const QString &audioPath);

} // namespace EmbeddedArt
