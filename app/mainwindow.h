#pragma once

#include <QMainWindow>

class CatalogFilterModel;
class CatalogModel;
class SearchField;
class QLabel;
class QTreeView;

// The composition root: the catalog tree with its search field. It wires; it computes nothing.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    void openBundledCatalog();
    // Opens a catalog beside the open ones; a refused file shows its faults and changes nothing.
    bool openCatalog(const QString &filePath);

    CatalogModel *catalogModel() const { return m_catalogModel; }

private:
    void createBrowser();
    void createActions();
    void chooseCatalog();
    void showAbout();
    void updateStatus();
    void showCatalogFaults(const QString &filePath, const QString &faults);

    CatalogModel *m_catalogModel = nullptr;
    CatalogFilterModel *m_filterModel = nullptr;
    SearchField *m_searchField = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_emptyState = nullptr;
};
