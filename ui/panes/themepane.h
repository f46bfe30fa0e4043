#pragma once

#include "navigation/location.h"
#include "navigation/paneaction.h"

#include "catalog/cuekey.h"
#include "panes/panebrowser.h"

#include <QList>
#include <QSet>
#include <QWidget>

class Catalog;
class CatalogModel;
struct Occurrence;
struct OccurrenceRow;
struct Theme;

// One theme: its name, aliases, composer, origin and description, then every cue where it is
// heard, over every release of every open catalog, in album order, each cue a link, and each
// occurrence of a cue with an audio file a link that plays it from where the theme enters; then
// every excerpt about it. A theme is its id across catalogs, as Occurrences decides.
class ThemePane : public QWidget
{
    Q_OBJECT

public:
    explicit ThemePane(const CatalogModel *catalogs, QWidget *parent = nullptr);

    // catalogId is the catalog whose description of the theme is shown; the cues come from
    // every open catalog. An unknown theme shows nothing.
    void showTheme(const QString &catalogId, const QString &themeId);
    void clear();

    QString catalogId() const { return m_catalogId; }
    QString themeId() const { return m_themeId; }

signals:
    void locationActivated(const Location &location);
    void actionRequested(const PaneAction &action);

private:
    void refresh();
    void render(PaneBrowser::Scroll scroll = PaneBrowser::Scroll::ToTop);
    QString headerHtml(const Catalog &catalog, const Theme &theme) const;
    QString cuesHtml(const QList<OccurrenceRow> &heard) const;
    QString cueHeadingHtml(const Catalog &catalog, const QString &cueId) const;
    QString occurrenceHtml(const Catalog &catalog, const Occurrence &occurrence) const;
    QString playLinkHtml(const Catalog &catalog, const Occurrence &occurrence) const;
    QString excerptsHtml(const Catalog &catalog) const;

    const CatalogModel *m_catalogs = nullptr;
    PaneBrowser *m_browser = nullptr;
    QString m_catalogId;
    QString m_themeId;
    // The cues shown: a change to the file state of one of them changes the play links.
    QSet<CueKey> m_cues;
};
