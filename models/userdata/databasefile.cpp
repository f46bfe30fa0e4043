#include "userdata/databasefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace {

// SQLite's companions first, then ours.
const QStringList CompanionSuffixes = {u"-wal"_s, u"-shm"_s, u"-journal"_s, u"-damage"_s};

} // namespace

QStringList DatabaseFile::companions() const
{
    QStringList paths;
    for (const QString &suffix : CompanionSuffixes)
        paths.append(m_path + suffix);
    return paths;
}

bool DatabaseFile::isWritable() const
{
    const QFileInfo file(m_path);
    // SQLite creates its log and shared memory beside the file: the folder must take new files.
    QFileInfo folder(file.absolutePath());
    while (!folder.exists() && !folder.isRoot())
        folder.setFile(folder.absolutePath());
    return folder.isDir() && folder.isWritable() && (!file.exists() || file.isWritable());
}

QString DatabaseFile::headerFault() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return {};
    // A log that is not empty may hold pages a checkpoint had not yet copied into the file.
    if (QFileInfo(m_path + u"-wal"_s).size() > 0)
        return {};
    const auto number = [&](int offset, int bytes) {
        return bytes == 2 ? quint32(qFromBigEndian<quint16>(header.constData() + offset))
                          : qFromBigEndian<quint32>(header.constData() + offset);
    };
    const qint64 pageSize = number(16, 2) == 1 ? 65536 : number(16, 2);
    const bool pageSizeValid = pageSize >= 512 && (pageSize & (pageSize - 1)) == 0;
    // The page count in the header counts only when written by the same change as the counter
    // beside it: older SQLite versions left it stale.
    const qint64 pages = number(28, 4);
    if (!pageSizeValid || pages == 0 || number(24, 4) != number(92, 4))
        return {};
    const qint64 expected = pages * pageSize;
    if (file.size() >= expected)
        return {};
    return tr("it is %1 bytes long where its header says %2: it was cut short")
        .arg(file.size())
        .arg(expected);
}

QString DatabaseFile::damageNote() const
{
    QFile note(m_path + u"-damage"_s);
    if (!note.open(QIODevice::ReadOnly))
        return {};
    const QString reason = QString::fromUtf8(note.readAll()).trimmed();
    return reason.isEmpty() ? tr("damage found earlier") : reason;
}

bool DatabaseFile::writeDamageNote(const QString &reason) const
{
    QFile note(m_path + u"-damage"_s);
    return note.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && note.write(reason.toUtf8() + '\n') > 0 && note.flush();
}

bool DatabaseFile::removeDamageNote() const
{
    // Ours alone, written when damage was found: gone once a whole check finds none.
    const QString note = m_path + u"-damage"_s;
    return !QFile::exists(note) || QFile::remove(note);
}

QString DatabaseFile::setAside(const QString &label, const QDateTime &now)
{
    m_errorString.clear();
    const QString stem = m_path + u'.' + label + u'-' + now.toString(u"yyyy-MM-ddTHH-mm-ss"_s);
    const auto taken = [](const QString &base) {
        if (QFileInfo::exists(base))
            return true;
        for (const QString &suffix : CompanionSuffixes) {
            if (QFileInfo::exists(base + suffix))
                return true;
        }
        return false;
    };
    QString base = stem;
    for (int n = 2; taken(base); ++n)
        base = stem + u'-' + QString::number(n);

    // The companions before the file: were this stopped halfway, a fresh database must never
    // start beside the old one's log, which SQLite would replay into it.
    QList<std::pair<QString, QString>> moves;
    for (const QString &suffix : CompanionSuffixes) {
        if (QFileInfo::exists(m_path + suffix))
            moves.append({m_path + suffix, base + suffix});
    }
    moves.append({m_path, base});
    QList<std::pair<QString, QString>> done;
    for (const auto &move : std::as_const(moves)) {
        QFile file(move.first);
        if (file.rename(move.second)) {
            done.prepend(move);
            continue;
        }
        m_errorString = tr("“%1” could not be renamed to “%2” (%3)")
                            .arg(move.first, QFileInfo(move.second).fileName(), file.errorString());
        for (const auto &undo : std::as_const(done))
            QFile::rename(undo.second, undo.first);
        return {};
    }
    return base;
}
