#pragma once

#include "catalog/thememap.h"

#include <QPointer>
#include <QWidget>

class CatalogModel;
class ThemeMapView;
class UserDatabase;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;

// The theme map in a window of its own, beside the main one: what it maps (a release, or a whole
// catalog), which marks it shows (the catalog's, the user's, or both), the order of the rows
// (album or episode) and of the themes (first heard or most heard). It follows the user's
// markers as they change, and says so plainly when there is nothing to map.
class ThemeMapWindow : public QWidget
{
    Q_OBJECT

public:
    // userData may be nullptr: then only the catalogs' occurrences are mapped.
    ThemeMapWindow(
        const CatalogModel *catalogs, const UserDatabase *userData, QWidget *parent = nullptr);

    // releaseId empty: the whole catalog.
    void showScope(const QString &catalogId, const QString &releaseId);
    QString catalogId() const;
    QString releaseId() const;

    ThemeMapView *view() const { return m_view; }

    // Writes the map shown to path (PNG or SVG, by its extension); false, with the reason given
    // by exportFailed(), when it could not.
    bool exportTo(const QString &path);

signals:
    void markActivated(const QString &catalogId, const ThemeMap::Mark &mark);
    void exportFailed(const QString &message);

private:
    void fillScopes();
    void chooseExportFile();
    void rebuild();
    ThemeMap::Options options() const;

    const CatalogModel *m_catalogs = nullptr;
    QPointer<const UserDatabase> m_userData;
    QComboBox *m_scope = nullptr;
    QComboBox *m_rowOrder = nullptr;
    QComboBox *m_themeOrder = nullptr;
    QCheckBox *m_catalogMarks = nullptr;
    QCheckBox *m_userMarks = nullptr;
    QPushButton *m_export = nullptr;
    QStackedWidget *m_stack = nullptr;
    QScrollArea *m_scroll = nullptr;
    ThemeMapView *m_view = nullptr;
    QLabel *m_empty = nullptr;
};
