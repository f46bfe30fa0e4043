#include "library/cacherecord.h"

#include "library/xxh64.h"

#include <QDateTime>
#include <QFileInfo>

std::optional<CacheRecord::SourceFile> CacheRecord::sourceFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return std::nullopt;
    return SourceFile {
        info.absoluteFilePath().toUtf8(), info.size(), info.lastModified().toMSecsSinceEpoch()};
}

quint64 CacheRecord::checksum(QByteArrayView bytes)
{
    Xxh64 hash;
    hash.addData(bytes);
    return hash.result();
}

QString CacheRecord::hexName(QByteArrayView key)
{
    return QString::number(checksum(key), 16).rightJustified(16, u'0');
}

void CacheRecord::seal(QByteArray &out)
{
    put<quint64>(out, checksum(out));
}

std::optional<QByteArrayView> CacheRecord::unseal(QByteArrayView record, QByteArrayView magic)
{
    if (record.size() < magic.size() + qsizetype(sizeof(quint64)) || !record.startsWith(magic))
        return std::nullopt;
    const QByteArrayView body = record.chopped(sizeof(quint64));
    if (qFromLittleEndian<quint64>(record.data() + body.size()) != checksum(body))
        return std::nullopt;
    return body.sliced(magic.size());
}

QByteArrayView CacheRecord::Reader::take(qsizetype size)
{
    if (size < 0 || !has(size)) {
        m_failed = true;
        return {};
    }
    const QByteArrayView part = m_bytes.sliced(m_at, size);
    m_at += size;
    return part;
}

bool CacheRecord::Reader::takeSource(const SourceFile &source)
{
    return take<qint64>() == source.size && take<qint64>() == source.mtime
        && take(take<quint32>()) == source.path && !failed();
}

void CacheRecord::putSource(QByteArray &out, const SourceFile &source)
{
    put<qint64>(out, source.size);
    put<qint64>(out, source.mtime);
    put<quint32>(out, quint32(source.path.size()));
    out.append(source.path);
}
