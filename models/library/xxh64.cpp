#include "library/xxh64.h"

#include <QtEndian>

#include <bit>
#include <cstring>

namespace {

constexpr quint64 Prime1 = 0x9E3779B185EBCA87ULL;
constexpr quint64 Prime2 = 0xC2B2AE3D27D4EB4FULL;
constexpr quint64 Prime3 = 0x165667B19E3779F9ULL;
constexpr quint64 Prime4 = 0x85EBCA77C2B2AE63ULL;
constexpr quint64 Prime5 = 0x27D4EB2F165667C5ULL;

quint64 round(quint64 lane, quint64 input)
{
    lane += input * Prime2;
    return std::rotl(lane, 31) * Prime1;
}

quint64 merge(quint64 hash, quint64 lane)
{
    hash ^= round(0, lane);
    return hash * Prime1 + Prime4;
}

quint64 read64(const char *p)
{
    return qFromLittleEndian<quint64>(p);
}

void consume(std::array<quint64, 4> &lanes, const char *stripe)
{
    for (int i = 0; i < 4; ++i)
        lanes[size_t(i)] = round(lanes[size_t(i)], read64(stripe + 8 * i));
}

} // namespace

void Xxh64::addData(QByteArrayView data)
{
    const char *p = data.data();
    qsizetype size = data.size();
    m_length += quint64(size);
    if (m_pendingSize + size < 32) {
        std::memcpy(m_pending.data() + m_pendingSize, p, size_t(size));
        m_pendingSize += size;
        return;
    }
    if (m_pendingSize > 0) {
        const qsizetype fill = 32 - m_pendingSize;
        std::memcpy(m_pending.data() + m_pendingSize, p, size_t(fill));
        consume(m_lanes, m_pending.data());
        p += fill;
        size -= fill;
        m_pendingSize = 0;
    }
    for (; size >= 32; p += 32, size -= 32)
        consume(m_lanes, p);
    std::memcpy(m_pending.data(), p, size_t(size));
    m_pendingSize = size;
}

quint64 Xxh64::result() const
{
    quint64 hash = 0;
    if (m_length >= 32) {
        hash = std::rotl(m_lanes[0], 1) + std::rotl(m_lanes[1], 7) + std::rotl(m_lanes[2], 12)
            + std::rotl(m_lanes[3], 18);
        for (const quint64 lane : m_lanes)
            hash = merge(hash, lane);
    } else {
        hash = Prime5;
    }
    hash += m_length;
    const char *p = m_pending.data();
    qsizetype left = m_pendingSize;
    for (; left >= 8; p += 8, left -= 8) {
        hash ^= round(0, read64(p));
        hash = std::rotl(hash, 27) * Prime1 + Prime4;
    }
    if (left >= 4) {
        hash ^= quint64(qFromLittleEndian<quint32>(p)) * Prime1;
        hash = std::rotl(hash, 23) * Prime2 + Prime3;
        p += 4;
        left -= 4;
    }
    for (; left > 0; ++p, --left) {
        hash ^= quint64(quint8(*p)) * Prime5;
        hash = std::rotl(hash, 11) * Prime1;
    }
    hash ^= hash >> 33;
    hash *= Prime2;
    hash ^= hash >> 29;
    hash *= Prime3;
    hash ^= hash >> 32;
    return hash;
}
