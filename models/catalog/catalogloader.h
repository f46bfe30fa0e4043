#pragma once

#include "catalog/catalog.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

// Reads catalog files off the GUI thread, one after another, so that a 100,000-track catalog
// never freezes the window. Results come back on the GUI thread, in the order asked for.
class CatalogLoader : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        QString filePath;
        bool ok = false;
        Catalog catalog;
        QStringList errors;
        QStringList warnings;
    };

    explicit CatalogLoader(QObject *parent = nullptr);
    ~CatalogLoader() override;

    void load(const QString &filePath);
    // Drops the file being read and every file waiting; nothing is reported for them.
    void cancel();
    bool isBusy() const { return !m_current.isEmpty() || !m_queue.isEmpty(); }
    QString currentFile() const { return m_current; }

signals:
    void busyChanged(bool busy);
    void finished(const CatalogLoader::Result &result);

private:
    void startNext();
    void readFinished();

    // One watcher per read: reusing one from inside its own finished() loses signals.
    QFutureWatcher<Result> *m_watcher = nullptr;
    QStringList m_queue;
    // The file being read whose result is wanted; empty after cancel().
    QString m_current;
};
