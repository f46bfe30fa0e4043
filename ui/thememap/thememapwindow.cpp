#include "thememap/thememapwindow.h"

#include "itemmodels/catalogmodel.h"
#include "thememap/thememapexport.h"
#include "thememap/thememapview.h"
#include "userdata/markeroccurrences.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// A scope's item data: the catalog id and the release id (empty for the whole catalog).
constexpr int CatalogRole = Qt::UserRole;
constexpr int ReleaseRole = Qt::UserRole + 1;
} // namespace

ThemeMapWindow::ThemeMapWindow(
    const CatalogModel *catalogs, const UserDatabase *userData, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_catalogs(catalogs)
    , m_userData(userData)
{
    setWindowTitle(tr("Theme Map"));
    setObjectName(u"themeMapWindow"_s);
    m_scope = new QComboBox;
    m_scope->setObjectName(u"mapScope"_s);
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scope->setMaximumWidth(fontMetrics().averageCharWidth() * 60);
    m_rowOrder = new QComboBox;
    m_rowOrder->setObjectName(u"mapRowOrder"_s);
    m_rowOrder->addItem(tr("Album order"), int(ThemeMap::RowOrder::Album));
    m_rowOrder->addItem(tr("Episode order"), int(ThemeMap::RowOrder::Episode));
    m_themeOrder = new QComboBox;
    m_themeOrder->setObjectName(u"mapThemeOrder"_s);
    m_themeOrder->addItem(tr("First heard"), int(ThemeMap::ThemeOrder::FirstHeard));
    m_themeOrder->addItem(tr("Most heard"), int(ThemeMap::ThemeOrder::Count));
    m_catalogMarks = new QCheckBox(tr("&Catalog"));
    m_catalogMarks->setObjectName(u"mapCatalogMarks"_s);
    m_catalogMarks->setToolTip(tr("Show where the catalog's sources hear each theme"));
    m_catalogMarks->setChecked(true);
    m_userMarks = new QCheckBox(tr("&Your markers"));
    m_userMarks->setObjectName(u"mapUserMarks"_s);
    m_userMarks->setToolTip(tr("Show your markers that name a theme"));
    m_userMarks->setChecked(true);
    m_userMarks->setEnabled(userData != nullptr);

    auto label = [](const QString &text, QWidget *buddy) {
        auto *widget = new QLabel(text);
        widget->setBuddy(buddy);
        return widget;
    };
    auto *bar = new QHBoxLayout;
    bar->addWidget(label(tr("&Map of:"), m_scope));
    bar->addWidget(m_scope);
    bar->addSpacing(12);
    bar->addWidget(label(tr("&Rows:"), m_rowOrder));
    bar->addWidget(m_rowOrder);
    bar->addWidget(label(tr("&Themes:"), m_themeOrder));
    bar->addWidget(m_themeOrder);
    bar->addSpacing(12);
    bar->addWidget(m_catalogMarks);
    bar->addWidget(m_userMarks);
    bar->addStretch(1);
    m_export = new QPushButton(tr("&Export…"));
    m_export->setObjectName(u"mapExport"_s);
    m_export->setToolTip(tr("Save the map as a PNG image or an SVG drawing"));
    bar->addWidget(m_export);

    m_view = new ThemeMapView;
    m_scroll = new QScrollArea;
    m_scroll->setWidget(m_view);
    m_scroll->setBackgroundRole(QPalette::Base);
    m_scroll->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_empty = new QLabel;
    m_empty->setObjectName(u"mapEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_scroll);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    setFocusProxy(m_view);
    resize(1100, 760);

    fillScopes();
    connect(catalogs, &CatalogModel::catalogsChanged, this, &ThemeMapWindow::fillScopes);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &ThemeMapWindow::rebuild);
    connect(m_rowOrder, &QComboBox::currentIndexChanged, this, &ThemeMapWindow::rebuild);
    connect(m_themeOrder, &QComboBox::currentIndexChanged, this, &ThemeMapWindow::rebuild);
    connect(m_catalogMarks, &QCheckBox::toggled, this, &ThemeMapWindow::rebuild);
    connect(m_userMarks, &QCheckBox::toggled, this, &ThemeMapWindow::rebuild);
    if (userData) {
        connect(userData->markers(), &MarkerStore::markersChanged, this, [this](const CueKey &cue) {
            if (cue.catalogId == catalogId())
                rebuild();
        });
    }
    connect(m_export, &QPushButton::clicked, this, &ThemeMapWindow::chooseExportFile);
    connect(m_view, &ThemeMapView::markActivated, this,
        [this](const ThemeMap::Mark &mark) { emit markActivated(catalogId(), mark); });
}

void ThemeMapWindow::fillScopes()
{
    const QString catalog = catalogId();
    const QString release = releaseId();
    {
        const QSignalBlocker blocker(m_scope);
        m_scope->clear();
        for (const Catalog &open : m_catalogs->catalogs()) {
            m_scope->addItem(tr("%1 (every release)").arg(open.title));
            m_scope->setItemData(m_scope->count() - 1, open.id, CatalogRole);
            for (const Release &entry : open.releases) {
                m_scope->addItem(entry.title);
                m_scope->setItemData(m_scope->count() - 1, open.id, CatalogRole);
                m_scope->setItemData(m_scope->count() - 1, entry.id, ReleaseRole);
            }
        }
    }
    showScope(catalog, release);
}

void ThemeMapWindow::showScope(const QString &catalogId, const QString &releaseId)
{
    int found = 0;
    for (int i = 0; i < m_scope->count(); ++i) {
        if (m_scope->itemData(i, CatalogRole).toString() == catalogId
            && m_scope->itemData(i, ReleaseRole).toString() == releaseId) {
            found = i;
            break;
        }
    }
    const QSignalBlocker blocker(m_scope);
    m_scope->setCurrentIndex(found);
    rebuild();
}

QString ThemeMapWindow::catalogId() const
{
    return m_scope->currentData(CatalogRole).toString();
}

QString ThemeMapWindow::releaseId() const
{
    return m_scope->currentData(ReleaseRole).toString();
}

void ThemeMapWindow::chooseExportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    QString name = m_view->map().title;
    name.replace(QRegularExpression(u"[/\\\\:*?\"<>|]"_s), u"-"_s);
    QString filter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export Theme Map"),
        QDir(folder).filePath(name + u".svg"_s), tr("SVG drawing (*.svg);;PNG image (*.png)"),
        &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter.contains(u"png"_s) ? u".png"_s : u".svg"_s;
    exportTo(path);
}

bool ThemeMapWindow::exportTo(const QString &path)
{
    QString error;
    if (ThemeMapExport::write(m_view->map(), path, &error))
        return true;
    emit exportFailed(error);
    return false;
}

ThemeMap::Options ThemeMapWindow::options() const
{
    ThemeMap::Options options;
    options.releaseId = releaseId();
    options.catalogOccurrences = m_catalogMarks->isChecked();
    options.userMarkers = m_userMarks->isChecked();
    options.rowOrder = ThemeMap::RowOrder(m_rowOrder->currentData().toInt());
    options.themeOrder = ThemeMap::ThemeOrder(m_themeOrder->currentData().toInt());
    return options;
}

void ThemeMapWindow::rebuild()
{
    const Catalog *catalog = m_catalogs->catalog(catalogId());
    if (!catalog) {
        m_view->setMap({});
        m_export->setEnabled(false);
        m_empty->setText(tr("<p style='font-size:large'>No catalog is open</p>"));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    QList<OccurrenceRow> usersRows;
    if (m_userData && m_userData->isOpen()) {
        for (const Marker &marker : m_userData->markers()->themeMarkers(catalog->id))
            usersRows.append(MarkerOccurrences::row(marker));
    }
    ThemeMap map = ThemeMap::build(*catalog, options(), usersRows);
    const bool empty = map.isEmpty();
    m_view->setMap(std::move(map));
    m_export->setEnabled(!empty);
    if (!empty) {
        m_stack->setCurrentWidget(m_scroll);
        return;
    }
    QString why;
    if (!m_catalogMarks->isChecked() && !m_userMarks->isChecked())
        why = tr("Both kinds of mark are hidden: tick Catalog or Your markers.");
    else if (catalog->themes.isEmpty())
        why = tr("This catalog names no themes yet. Play a cue, press M where a theme enters, "
                 "and choose the theme your marker names: it will show here.");
    else
        why = tr("No theme is known to be heard here yet. Play a cue, press M where a theme "
                 "enters, and choose its theme: your marker will show here.");
    m_empty->setText(tr("<p style='font-size:large'>Nothing to map</p><p>%1</p>").arg(why));
    m_stack->setCurrentWidget(m_empty);
}
