#pragma once

#include <QString>
#include <QStringList>

struct Release;

// Real, tagged audio files for the scanner's tests and the benchmark: sox encodes a few short
// ones, TagLib writes the tags, and copies of one encoding stand in for many files.
namespace AudioFolder {

struct Tags
{
    QString title;
    QString album;
    QString albumArtist;
    QString artist;
    QString composer;
    int track = 0;
    int trackTotal = 0;
    int disc = 0;
};

bool hasSox();

// Encodes durationMs of a sine tone at frequency Hz (so that files differ in their audio) into
// path, 8 kHz mono, in the format its suffix names (flac, ogg, wav). False when sox fails.
bool encode(const QString &path, qint64 durationMs, int frequency = 440);

// Converts the audio file from into to, in the format to's suffix names (flac, ogg, wav, and
// mp3 with Debian's libsox-fmt-mp3), with sox's output options before to (e.g. {"-b", "24"} for
// 24-bit FLAC). False, with sox's message in *error, when sox fails.
bool transcode(const QString &from, const QString &to, const QStringList &options, QString *error);

// sox without libsox-fmt-mp3 cannot write MP3, so this writes the frames itself: frames silent
// MPEG-1 layer III frames, 128 kbit/s, 44.1 kHz, 417 bytes each (26 ms). False when the file cannot
// be written.
bool writeSilentMp3(const QString &path, int frames);

// Replaces the tags the file has with these (empty fields and zero numbers left out).
bool writeTags(const QString &path, const Tags &tags);

// Embeds the image bytes (a PNG or JPEG file's contents) as the front cover: a FLAC picture
// block in a .flac, an ID3v2 APIC frame in an .mp3. False for other suffixes or when TagLib
// cannot save the file.
bool embedCover(const QString &path, const QByteArray &imageBytes, const QString &mimeType);

// Writes count tagged FLAC files into folder, one folder per album of the release's size. Even
// albums are a store's copy of release (its titles, numbers and durations: they link); odd ones
// are albums no catalog holds (they stay unmatched). Fast enough for 10,000 files: it encodes one
// 8-second file once, then writes a copy per file with the track's duration set in the copy's
// FLAC header (so every file holds the same audio) and retags it. Needs sox.
bool writeLibrary(const QString &folder, const Release &release, int count, QString *error);

} // namespace AudioFolder
