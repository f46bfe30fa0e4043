#include "opencatalogs.h"

#include "busyindicator.h"
#include "catalog/catalogreader.h"
#include "errorreporter.h"
#include "itemmodels/catalogmodel.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

const QString OpenCatalogs::BundledPath = u":/catalogs/star-trek-picard/catalog.json"_s;

OpenCatalogs::OpenCatalogs(
    CatalogModel *catalogs, BusyIndicator *indicator, ErrorReporter *errors, QObject *parent)
    : QObject(parent)
    , m_catalogs(catalogs)
    , m_indicator(indicator)
    , m_errors(errors)
{
    m_loader = new CatalogLoader(this);
    connect(m_loader, &CatalogLoader::finished, this, &OpenCatalogs::read);
    connect(m_loader, &CatalogLoader::busyChanged, this, [this](bool busy) {
        m_indicator->setVisible(busy);
        emit busyChanged(busy);
    });
    connect(m_indicator, &BusyIndicator::cancelClicked, m_loader, &CatalogLoader::cancel);
}

bool OpenCatalogs::openBundled()
{
    // Small and compiled in: read at once, so that the first paint shows it.
    CatalogReader reader;
    if (!reader.read(BundledPath)) {
        refuse(BundledPath, reader.errors());
        return false;
    }
    Catalog catalog = reader.takeCatalog();
    const QString id = catalog.id;
    if (!m_catalogs->addCatalog(std::move(catalog)))
        return false;
    emit catalogOpened(id);
    return true;
}

void OpenCatalogs::open(const QString &filePath)
{
    m_indicator->setText(tr("Reading %1…").arg(QFileInfo(filePath).fileName()));
    m_loader->load(filePath);
}

bool OpenCatalogs::canClose(const QString &catalogId) const
{
    const Catalog *catalog = m_catalogs->catalog(catalogId);
    return catalog && catalog->filePath != BundledPath;
}

bool OpenCatalogs::close(const QString &catalogId)
{
    if (!canClose(catalogId))
        return false;
    m_files.removeAll(QFileInfo(m_catalogs->catalog(catalogId)->filePath).absoluteFilePath());
    return m_catalogs->removeCatalog(catalogId);
}

void OpenCatalogs::cancel()
{
    m_loader->cancel();
}

void OpenCatalogs::read(const CatalogLoader::Result &result)
{
    // The dialog waits for the user: the status bar must not say the file is still being read.
    m_indicator->setVisible(m_loader->isBusy());
    if (!result.ok) {
        refuse(result.filePath, result.errors);
        return;
    }
    const QString title = result.catalog.title;
    const QString id = result.catalog.id;
    const QString absolute = QFileInfo(result.filePath).absoluteFilePath();
    if (m_catalogs->catalog(id) && m_files.contains(absolute)) {
        emit statusMessage(tr("“%1” is already open.").arg(title), 5000);
        return;
    }
    if (m_catalogs->catalog(id)) {
        refuse(result.filePath,
            {tr("%1: a catalog with the id \"%2\" is already open.").arg(result.filePath, id)});
        return;
    }
    if (!m_catalogs->addCatalog(result.catalog)) {
        refuse(result.filePath, {tr("%1: too many catalogs are open.").arg(result.filePath)});
        return;
    }
    if (!m_files.contains(absolute))
        m_files.append(absolute);
    emit statusMessage(result.warnings.isEmpty() ? tr("Opened “%1”.").arg(title)
                                                 : tr("Opened “%1”; first of %2 warnings: %3")
                                                       .arg(title)
                                                       .arg(result.warnings.size())
                                                       .arg(result.warnings.constFirst()),
        8000);
    emit catalogOpened(id);
}

void OpenCatalogs::refuse(const QString &filePath, const QStringList &faults)
{
    const QString name = QFileInfo(filePath).fileName();
    m_errors->reportBlocking(tr("Catalog Not Opened"),
        faults.size() == 1 ? tr("“%1” was not opened. Nothing has changed.").arg(name)
                           : tr("“%1” was not opened: it has %2 faults. Nothing has changed.")
                                 .arg(name)
                                 .arg(faults.size()),
        faults);
}
