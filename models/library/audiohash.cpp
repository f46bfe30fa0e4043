#include "library/audiohash.h"

#include "library/xxh64.h"

#include <QByteArrayView>
#include <QIODevice>

#include <array>

namespace {

using AudioHash::Container;
using AudioHash::HashedBytes;

// Enough for the hashed bytes and ordinary headers in one read; files whose tags are larger
// (cover art) take a second read at the audio.
constexpr qint64 HeadSize = HashedBytes + 8 * 1024;
// How far past the tags to look for the first MPEG frame (encoders leave junk and padding).
constexpr qint64 SyncSearch = 64 * 1024;

// The file's bytes, the first HeadSize of them read once.
class Bytes
{
public:
    explicit Bytes(QIODevice &device)
        : m_device(device)
        , m_size(device.size())
        , m_head(device.read(HeadSize))
    { }

    qint64 size() const { return m_size; }

    // Up to length bytes at offset (fewer at the end of the file). Valid until the next read.
    QByteArrayView read(qint64 offset, qint64 length)
    {
        if (offset < 0 || offset >= m_size || length <= 0)
            return {};
        length = std::min(length, m_size - offset);
        if (offset + length <= m_head.size())
            return QByteArrayView(m_head).sliced(offset, length);
        if (!m_device.seek(offset))
            return {};
        m_scratch = m_device.read(length);
        return m_scratch;
    }

private:
    QIODevice &m_device;
    qint64 m_size = 0;
    QByteArray m_head;
    QByteArray m_scratch;
};

struct Region
{
    qint64 begin = 0;
    qint64 end = 0;
};

quint32 bigEndian32(QByteArrayView b, qsizetype at)
{
    return quint32(quint8(b[at])) << 24 | quint32(quint8(b[at + 1])) << 16
        | quint32(quint8(b[at + 2])) << 8 | quint32(quint8(b[at + 3]));
}

quint32 littleEndian32(QByteArrayView b, qsizetype at)
{
    return quint32(quint8(b[at])) | quint32(quint8(b[at + 1])) << 8
        | quint32(quint8(b[at + 2])) << 16 | quint32(quint8(b[at + 3])) << 24;
}

// Past any ID3v2 tags (a file may carry several), which MP3, AAC and even FLAC files can start
// with.
qint64 skipId3v2(Bytes &bytes, qint64 offset)
{
    for (;;) {
        const QByteArrayView header = bytes.read(offset, 10);
        if (header.size() < 10 || !header.startsWith("ID3"))
            return offset;
        qint64 size = 0;
        for (int i = 6; i < 10; ++i) {
            if (quint8(header[i]) & 0x80)
                return offset;
            size = size << 7 | quint8(header[i]);
        }
        const bool hasFooter = quint8(header[5]) & 0x10;
        offset += 10 + size + (hasFooter ? 10 : 0);
    }
}

bool flacAudio(Bytes &bytes, qint64 start, Region &region)
{
    if (bytes.read(start, 4) != QByteArrayView("fLaC"))
        return false;
    qint64 offset = start + 4;
    bool last = false;
    while (!last) {
        const QByteArrayView header = bytes.read(offset, 4);
        if (header.size() < 4)
            return false;
        last = quint8(header[0]) & 0x80;
        offset += 4 + (bigEndian32(header, 0) & 0xFFFFFF);
    }
    // The first frame's sync code, or the metadata lied about its size.
    const QByteArrayView sync = bytes.read(offset, 2);
    if (sync.size() < 2 || quint8(sync[0]) != 0xFF || (quint8(sync[1]) & 0xFE) != 0xF8)
        return false;
    region = {offset, bytes.size()};
    return true;
}

// An MPEG audio or ADTS frame header: its length in bytes, 0 when it is none, and what must stay
// the same from frame to frame.
struct Frame
{
    Container container = Container::Unknown;
    qint64 length = 0;
    int signature = 0;
};

Frame mpegFrame(QByteArrayView h)
{
    static constexpr std::array<std::array<int, 15>, 5> Kbps = {{
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}, // MPEG-1 layer II
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // MPEG-1 layer III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}, // MPEG-2 layer I
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}, // MPEG-2 layers II, III
    }};
    static constexpr std::array<int, 3> Rates = {44100, 48000, 32000};
    if (h.size() < 4 || quint8(h[0]) != 0xFF || (quint8(h[1]) & 0xE0) != 0xE0)
        return {};
    const int version = (quint8(h[1]) >> 3) & 3; // 0: 2.5, 2: 2, 3: 1
    const int layer = (quint8(h[1]) >> 1) & 3; // 1: III, 2: II, 3: I
    const int bitrateIndex = quint8(h[2]) >> 4;
    const int rateIndex = (quint8(h[2]) >> 2) & 3;
    const int padding = (quint8(h[2]) >> 1) & 1;
    if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3)
        return {};
    const bool mpeg1 = version == 3;
    const int table = mpeg1 ? 3 - layer : (layer == 3 ? 3 : 4);
    const qint64 bitrate = qint64(Kbps[size_t(table)][size_t(bitrateIndex)]) * 1000;
    const int rate = Rates[size_t(rateIndex)] >> (mpeg1 ? 0 : (version == 2 ? 1 : 2));
    qint64 length = 0;
    if (layer == 3)
        length = (12 * bitrate / rate + padding) * 4;
    else if (layer == 1 && !mpeg1)
        length = 72 * bitrate / rate + padding;
    else
        length = 144 * bitrate / rate + padding;
    return {Container::Mpeg, length, (quint8(h[1]) & 0xFE) << 8 | (quint8(h[2]) & 0x0C)};
}

Frame adtsFrame(QByteArrayView h)
{
    if (h.size() < 6 || quint8(h[0]) != 0xFF || (quint8(h[1]) & 0xF6) != 0xF0)
        return {};
    if (((quint8(h[2]) >> 2) & 0xF) > 12)
        return {};
    const qint64 length
        = (qint64(quint8(h[3]) & 3) << 11) | (qint64(quint8(h[4])) << 3) | (quint8(h[5]) >> 5);
    if (length < 7)
        return {};
    return {Container::Adts, length, quint8(h[1]) << 8 | (quint8(h[2]) & 0xFC)};
}

Frame frameAt(Bytes &bytes, qint64 offset)
{
    const QByteArrayView header = bytes.read(offset, 6);
    const Frame adts = adtsFrame(header);
    return adts.length > 0 ? adts : mpegFrame(header);
}

// MP3 and raw AAC have no container: the audio is where three frames in a row agree (or the
// file ends after the first or second). Random bytes named .mp3 almost never manage that.
Container frameAudio(Bytes &bytes, qint64 start, Region &region)
{
    // One read for the whole search, even past a large ID3v2 tag.
    const QByteArray window = bytes.read(start, SyncSearch).toByteArray();
    // An ID3v1 tag ends many MP3s.
    qint64 end = bytes.size();
    if (end - 128 > start && bytes.read(end - 128, 3) == QByteArrayView("TAG"))
        end -= 128;
    for (qsizetype i = 0; i + 4 <= window.size(); ++i) {
        if (quint8(window[i]) != 0xFF)
            continue;
        const qint64 offset = start + i;
        const Frame first = frameAt(bytes, offset);
        if (first.length == 0)
            continue;
        int confirmations = 0;
        qint64 next = offset + first.length;
        while (confirmations < 2 && next + 4 <= bytes.size()) {
            const Frame frame = frameAt(bytes, next);
            if (frame.length == 0 || frame.signature != first.signature)
                break;
            next += frame.length;
            ++confirmations;
        }
        if (confirmations < 2 && next != end)
            continue;
        region = {offset, end};
        return first.container;
    }
    return Container::Unknown;
}

bool mp4Audio(Bytes &bytes, Region &region)
{
    if (bytes.read(4, 4) != QByteArrayView("ftyp"))
        return false;
    qint64 offset = 0;
    while (offset + 8 <= bytes.size()) {
        const QByteArrayView header = bytes.read(offset, 16);
        qint64 size = bigEndian32(header, 0);
        qint64 headerSize = 8;
        if (size == 1 && header.size() >= 16) {
            size = qint64(bigEndian32(header, 8)) << 32 | bigEndian32(header, 12);
            headerSize = 16;
        } else if (size == 0) {
            size = bytes.size() - offset;
        }
        if (size < headerSize)
            return false;
        if (header.sliced(4, 4) == QByteArrayView("mdat")) {
            region = {offset + headerSize, std::min(offset + size, bytes.size())};
            return region.end > region.begin;
        }
        offset += size;
    }
    return false;
}

bool wavAudio(Bytes &bytes, Region &region)
{
    const QByteArrayView riff = bytes.read(0, 12);
    if (riff.size() < 12 || !riff.startsWith("RIFF") || riff.sliced(8, 4) != QByteArrayView("WAVE"))
        return false;
    qint64 offset = 12;
    while (offset + 8 <= bytes.size()) {
        const QByteArrayView chunk = bytes.read(offset, 8);
        const qint64 size = littleEndian32(chunk, 4);
        if (chunk.first(4) == QByteArrayView("data")) {
            region = {offset + 8, std::min(offset + 8 + size, bytes.size())};
            return region.end > region.begin;
        }
        offset += 8 + size + (size & 1);
    }
    return false;
}

// How many packets open the stream before the audio, by codec; 0 for a codec we do not know.
int oggHeaderPackets(QByteArrayView firstPacket)
{
    if (firstPacket.startsWith("\x01vorbis"))
        return 3;
    if (firstPacket.startsWith("OpusHead"))
        return 2;
    if (firstPacket.startsWith("Speex   "))
        return 2;
    if (firstPacket.startsWith("\177FLAC") && firstPacket.size() >= 9) {
        const int more = quint8(firstPacket[7]) << 8 | quint8(firstPacket[8]);
        return more > 0 ? 1 + more : 2;
    }
    return 0;
}

// Ogg pages carry sequence numbers and checksums that change when a retag adds a page, so the
// hash covers the audio packets' bytes only, from the first stream of the file.
bool oggAudio(Bytes &bytes, Xxh64 &hash)
{
    qint64 offset = 0;
    qint64 hashed = 0;
    int headerPackets = -1;
    int packetsSeen = 0;
    quint32 serial = 0;
    std::array<quint8, 255> lacing {};
    while (hashed < HashedBytes) {
        const QByteArrayView page = bytes.read(offset, 27);
        if (page.size() < 27 || !page.startsWith("OggS"))
            break;
        const quint32 pageSerial = littleEndian32(page, 14);
        const int segments = quint8(page[26]);
        const QByteArrayView table = bytes.read(offset + 27, segments);
        if (table.size() < segments)
            break;
        qint64 bodySize = 0;
        for (int i = 0; i < segments; ++i) {
            lacing[size_t(i)] = quint8(table[i]);
            bodySize += lacing[size_t(i)];
        }
        const qint64 bodyOffset = offset + 27 + segments;
        offset = bodyOffset + bodySize;
        if (headerPackets < 0) {
            serial = pageSerial;
            headerPackets = oggHeaderPackets(bytes.read(bodyOffset, 16));
            if (headerPackets == 0)
                return false;
        } else if (pageSerial != serial) {
            continue;
        }
        const QByteArrayView body = bytes.read(bodyOffset, bodySize);
        qint64 at = 0;
        for (int i = 0; i < segments && at < body.size(); ++i) {
            const qint64 length = std::min<qint64>(lacing[size_t(i)], body.size() - at);
            if (packetsSeen < headerPackets) {
                if (lacing[size_t(i)] < 255)
                    ++packetsSeen;
            } else if (hashed < HashedBytes) {
                const qint64 take = std::min(length, HashedBytes - hashed);
                hash.addData(body.sliced(at, take));
                hashed += take;
            }
            at += length;
        }
    }
    return hashed > 0;
}

} // namespace

namespace AudioHash {

Result compute(QIODevice &device)
{
    Bytes bytes(device);
    Xxh64 hash;
    Result result;
    Region region;
    const qint64 start = skipId3v2(bytes, 0);
    if (flacAudio(bytes, start, region)) {
        result.container = Container::Flac;
    } else if (start == 0 && bytes.read(0, 4) == QByteArrayView("OggS")) {
        if (!oggAudio(bytes, hash))
            return {};
        result.container = Container::Ogg;
    } else if (start == 0 && mp4Audio(bytes, region)) {
        result.container = Container::Mp4;
    } else if (start == 0 && wavAudio(bytes, region)) {
        result.container = Container::Wav;
    } else {
        result.container = frameAudio(bytes, start, region);
        if (result.container == Container::Unknown)
            return {};
    }
    if (result.container != Container::Ogg)
        hash.addData(bytes.read(region.begin, std::min(region.end - region.begin, HashedBytes)));
    result.hash = QString::number(hash.result(), 16).rightJustified(16, u'0');
    return result;
}

} // namespace AudioHash
