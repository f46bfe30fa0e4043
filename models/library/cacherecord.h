#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QtEndian>

#include <optional>

// The pieces that Cuebook's disk caches (waveform peaks, cover images) share: a record of
// little-endian numbers, checked by an XXH64 of its bytes, that stands for one file on disk as it
// was when the record was made.
namespace CacheRecord {

// A file as a cache knows it: a changed size or modification time means other contents.
struct SourceFile
{
    QByteArray path; // absolute, UTF-8
    qint64 size = -1;
    qint64 mtime = -1; // ms since the epoch
};

// Nothing when path is not a file.
std::optional<SourceFile> sourceFile(const QString &path);

quint64 checksum(QByteArrayView bytes);

// "0123456789abcdef": a cache file's name from a key.
QString hexName(QByteArrayView key);

template<typename T>
void put(QByteArray &out, T value)
{
    char bytes[sizeof(T)];
    qToLittleEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

// Appends the checksum of everything in out.
void seal(QByteArray &out);
// The bytes before the checksum when they match it; nothing when they do not, or when the
// record is shorter than magic plus a checksum, or does not start with magic.
std::optional<QByteArrayView> unseal(QByteArrayView record, QByteArrayView magic);

// Reads numbers from the front of a byte range, and says when one was not there.
class Reader
{
public:
    explicit Reader(QByteArrayView bytes)
        : m_bytes(bytes)
    { }

    template<typename T>
    T take()
    {
        if (!has(sizeof(T))) {
            m_failed = true;
            return T {};
        }
        const T value = qFromLittleEndian<T>(m_bytes.data() + m_at);
        m_at += qsizetype(sizeof(T));
        return value;
    }
    QByteArrayView take(qsizetype size);
    // The source's size, time and path, as put() wrote them: false when they differ.
    bool takeSource(const SourceFile &source);
    bool has(qsizetype size) const { return remaining() >= size; }
    qsizetype remaining() const { return m_bytes.size() - m_at; }
    bool failed() const { return m_failed; }

private:
    QByteArrayView m_bytes;
    qsizetype m_at = 0;
    bool m_failed = false;
};

// The source's size, time and path (u32 length + bytes).
void putSource(QByteArray &out, const SourceFile &source);

} // namespace CacheRecord
