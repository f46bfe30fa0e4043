#include "mainwindow.h"

#include "catalogfiltermodel.h"
#include "catalogmodel.h"
#include "catalogreader.h"
#include "searchfield.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
const QString BundledCatalogPath = u":/catalogs/star-trek-picard/catalog.json"_s;
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Cuebook"));
    createBrowser();
    createActions();
    updateStatus();
    resize(1100, 720);
}

void MainWindow::createBrowser()
{
    m_catalogModel = new CatalogModel(this);
    m_filterModel = new CatalogFilterModel(this);
    m_filterModel->setSourceModel(m_catalogModel);

    m_searchField = new SearchField;
    m_tree = new QTreeView;
    m_tree->setModel(m_filterModel);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(CatalogModel::TitleColumn, QHeaderView::Stretch);
    m_tree->header()->resizeSection(CatalogModel::ArtistColumn, 220);

    m_emptyState = new QLabel;
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_emptyState->hide();

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_searchField);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_emptyState, 1);
    setCentralWidget(central);

    connect(m_searchField, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filterModel->setQuery(text);
        if (!text.trimmed().isEmpty())
            m_tree->expandAll();
        updateStatus();
    });
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open Catalog…"), this, &MainWindow::chooseCatalog);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open a catalog file beside the ones already open"));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *find = editMenu->addAction(tr("&Find"), this, [this] {
        m_searchField->setFocus(Qt::ShortcutFocusReason);
        m_searchField->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    find->setStatusTip(tr("Search the catalog"));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Cuebook"), this, &MainWindow::showAbout);
}

void MainWindow::openBundledCatalog()
{
    openCatalog(BundledCatalogPath);
}

bool MainWindow::openCatalog(const QString &filePath)
{
    CatalogReader reader;
    if (!reader.read(filePath)) {
        showCatalogFaults(filePath, reader.errorString());
        return false;
    }
    const QString id = reader.catalog().id;
    if (!m_catalogModel->addCatalog(reader.takeCatalog())) {
        showCatalogFaults(filePath, tr("A catalog with the id \"%1\" is already open.").arg(id));
        return false;
    }
    m_tree->expandToDepth(0);
    updateStatus();
    return true;
}

void MainWindow::chooseCatalog()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open Catalog"), QString(),
                                                      tr("Cuebook catalogs (*.json)"));
    if (!file.isEmpty())
        openCatalog(file);
}

void MainWindow::showCatalogFaults(const QString &filePath, const QString &faults)
{
    QMessageBox box(QMessageBox::Warning, tr("Catalog Not Opened"),
                    tr("The catalog “%1” was not opened. Nothing has changed.").arg(filePath),
                    QMessageBox::Ok, this);
    box.setInformativeText(tr("See the details for every fault in the file."));
    box.setDetailedText(faults);
    box.exec();
}

void MainWindow::updateStatus()
{
    const bool noMatch = m_filterModel->rowCount() == 0 && !m_searchField->text().trimmed().isEmpty();
    m_tree->setVisible(!noMatch);
    m_emptyState->setVisible(noMatch);
    if (noMatch)
        m_emptyState->setText(tr("Nothing matches “%1”.").arg(m_searchField->text().trimmed()));

    int tracks = 0;
    for (const Catalog &catalog : m_catalogModel->catalogs())
        tracks += catalog.trackCount();
    statusBar()->showMessage(tr("%n catalog(s), %1 tracks", nullptr, m_catalogModel->catalogs().size())
                                 .arg(tracks));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Cuebook"),
                       tr("<h3>Cuebook %1</h3><p>A browser for film and television scores: their "
                          "releases, their cues and the themes that run through them.</p>"
                          "<p>The bundled Star Trek: Picard catalog quotes short excerpts from "
                          "reviews, interviews and articles, each credited to its source.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}
