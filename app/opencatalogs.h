#pragma once

#include "catalog/catalogloader.h"

#include <QObject>
#include <QStringList>

class BusyIndicator;
class CatalogModel;
class ErrorReporter;

// The catalogs open in the window and the files they came from: the bundled one, read at once,
// and the user's, read off the GUI thread. A refused file shows every fault and changes nothing;
// a second file with an open catalog's id is refused too.
class OpenCatalogs : public QObject
{
    Q_OBJECT

public:
    static const QString BundledPath;

    // indicator shows what is being read, with Cancel; errors shows the faults of a refused file.
    OpenCatalogs(CatalogModel *catalogs, BusyIndicator *indicator, ErrorReporter *errors,
        QObject *parent = nullptr);

    bool openBundled();
    void open(const QString &filePath);
    // The bundled catalog stays open.
    bool close(const QString &catalogId);
    bool canClose(const QString &catalogId) const;
    void cancel();
    bool isBusy() const { return m_loader->isBusy(); }

    // The user's files, absolute, in the order opened: what the next start opens again.
    QStringList files() const { return m_files; }

signals:
    void catalogOpened(const QString &catalogId);
    // False once every file asked for is read (and shown, or refused).
    void busyChanged(bool busy);
    void statusMessage(const QString &message, int timeoutMs);

private:
    void read(const CatalogLoader::Result &result);
    void refuse(const QString &filePath, const QStringList &faults);

    CatalogModel *m_catalogs = nullptr;
    BusyIndicator *m_indicator = nullptr;
    ErrorReporter *m_errors = nullptr;
    CatalogLoader *m_loader = nullptr;
    QStringList m_files;
};
