#include "catalog/catalogreader.h"

#include "catalog/catalogvalidator.h"
#include "catalog/jsontree.h"

#include <QFile>
#include <QFileInfo>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString sizeFault(const QString &filePath, qint64 size)
{
    // Rounded up, so a file just over the limit does not read "64.0 MiB".
    const double mebibytes = std::ceil(double(size) * 10 / (1024 * 1024)) / 10;
    return filePath + u": the file is "_s + QString::number(mebibytes, 'f', 1)
        + u" MiB; catalogs over %1 MiB are refused"_s.arg(
            CatalogReader::MaxFileSize / (1024 * 1024));
}

} // namespace

bool CatalogReader::read(const QString &filePath)
{
    m_catalog = Catalog();
    m_errors.clear();
    m_warnings.clear();
    const QFileInfo info(filePath);
    if (info.isDir()) {
        m_errors.append(filePath + u": the path is a folder, not a catalog file"_s);
        return false;
    }
    // Pipes and devices could block or never end.
    if (info.exists() && !info.isFile()) {
        m_errors.append(filePath + u": not a regular file"_s);
        return false;
    }
    // Checked before reading, so a huge file never reaches memory.
    if (info.size() > MaxFileSize) {
        m_errors.append(sizeFault(filePath, info.size()));
        return false;
    }
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_errors.append(filePath + u": the file cannot be opened ("_s + file.errorString() + u')');
        return false;
    }
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        m_errors.append(filePath + u": the file cannot be read ("_s + file.errorString() + u')');
        return false;
    }
    return readBytes(std::move(data), filePath);
}

bool CatalogReader::readData(const QByteArray &data, const QString &filePath)
{
    return readBytes(data, filePath);
}

bool CatalogReader::readBytes(QByteArray data, const QString &filePath)
{
    m_catalog = Catalog();
    m_errors.clear();
    m_warnings.clear();
    if (data.size() > MaxFileSize) {
        m_errors.append(sizeFault(filePath, data.size()));
        return false;
    }
    QByteArrayView json(data);
    // Some Windows editors start UTF-8 files with a byte order mark.
    if (json.startsWith("\xEF\xBB\xBF"))
        json = json.sliced(3);
    Catalog catalog;
    {
        JsonTree tree;
        if (!tree.parse(json)) {
            const auto [line, column] = tree.lineAndColumn(tree.errorOffset());
            m_errors.append(filePath + u':' + QString::number(line) + u':' + QString::number(column)
                + u": "_s + tree.errorPath() + u": "_s + tree.errorMessage());
            return false;
        }
        CatalogValidator validator(tree, filePath, catalog);
        const bool valid = validator.validate();
        m_warnings = validator.warnings();
        if (!valid) {
            m_errors = validator.errors();
            return false;
        }
    }
    // The tree and the file's bytes go before the index is built: the three at once would set
    // the reader's peak memory for a large catalog.
    data = QByteArray();
    catalog.buildIndex();
    catalog.filePath = filePath;
    m_catalog = std::move(catalog);
    return true;
}
