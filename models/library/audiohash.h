#pragma once

#include <QString>

class QIODevice;

// Finds where a file's audio stream starts, past its tags and headers (ID3v2, FLAC metadata
// blocks, Ogg header packets, MP4 atoms before 'mdat', WAV chunks before 'data'), and hashes the
// first 64 KiB of it. Retagging a file, even when the tags grow or shrink, keeps its hash; so does
// moving it. Knowing the container is also how a text file named .ogg is told from audio.
namespace AudioHash {

inline constexpr qint64 HashedBytes = 64 * 1024;

enum class Container { Unknown, Flac, Mpeg, Adts, Ogg, Mp4, Wav };

struct Result
{
    // Unknown when the bytes are in none of the containers above, or a header is broken.
    Container container = Container::Unknown;
    // Hex XXH64 (16 digits) of up to HashedBytes of audio (for Ogg, the packet bytes without page
    // headers, which a retag renumbers); empty when container is Unknown.
    QString hash;
};

// Reads from a random-access device open for reading; the position is left anywhere.
Result compute(QIODevice &device);

} // namespace AudioHash
