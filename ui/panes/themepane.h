#pragma once

#include "navigation/location.h"
#include "navigation/paneaction.h"

#include "catalog/cuekey.h"
#include "panes/panebrowser.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QWidget>

class Catalog;
class CatalogModel;
class UserDatabase;
struct Marker;
struct Occurrence;
struct OccurrenceRow;
struct Theme;
struct TrackRef;

// One theme: its name, aliases, composer, origin and description, then every cue where it is
// heard, over every release of every open catalog, in album order, each cue a link, and each
// occurrence of a cue with an audio file a link that plays it from where the theme enters; the
// user's markers that name the theme among them, marked as theirs; then every excerpt about it.
// A theme is its id across catalogs, as Occurrences decides.
class ThemePane : public QWidget
{
    Q_OBJECT

public:
    explicit ThemePane(const CatalogModel *catalogs, QWidget *parent = nullptr);

    // catalogId is the catalog whose description of the theme is shown; the cues come from
    // every open catalog. An unknown theme shows nothing.
    void showTheme(const QString &catalogId, const QString &themeId);
    void clear();
    // Where the user's markers come from; without one only the catalog's occurrences show. The
    // pane follows its changes.
    void setUserData(const UserDatabase *userData);

    QString catalogId() const { return m_catalogId; }
    QString themeId() const { return m_themeId; }

signals:
    void locationActivated(const Location &location);
    void actionRequested(const PaneAction &action);

private:
    void refresh();
    void render(PaneBrowser::Scroll scroll = PaneBrowser::Scroll::ToTop);
    QString headerHtml(const Catalog &catalog, const Theme &theme) const;
    QString censusHtml(const QList<OccurrenceRow> &usersRows) const;
    // "Twins · Season 1, Chapter 1 · track 9", the title a link.
    QString placeHtml(const CueKey &cue) const;
    // "Season 1, Chapter 1 · track 9".
    static QString trackPlaceText(const Catalog &catalog, const TrackRef &track);
    QString cuesHtml(
        const QList<OccurrenceRow> &heard, const QHash<QString, Marker> &markers) const;
    QString cueHeadingHtml(const Catalog &catalog, const QString &cueId) const;
    QString occurrenceHtml(const Catalog &catalog, const Occurrence &occurrence) const;
    QString usersOccurrenceHtml(const Catalog &catalog, const Marker &marker) const;
    QString playLinkHtml(const Catalog &catalog, const Occurrence &occurrence) const;
    QString excerptsHtml(const Catalog &catalog) const;

    const CatalogModel *m_catalogs = nullptr;
    QPointer<const UserDatabase> m_userData;
    PaneBrowser *m_browser = nullptr;
    QString m_catalogId;
    QString m_themeId;
    // The cues shown: a change to the file state of one of them changes the play links.
    QSet<CueKey> m_cues;
};
