#pragma once

#include "navigation/location.h"

#include "panes/panebrowser.h"

#include <QImage>
#include <QWidget>

class Catalog;
class CatalogModel;
class CoverLoader;
class CoverSourceFinder;
struct Release;

// A release at a glance: its cover, title and composers, the facts a collector looks for
// (label, date, format, catalog number, tracks, running time, how many have audio files), a warning
// where the catalog knows its track list to be partial, and every excerpt about it. The cover is
// the one the cover grid shows (the user's image, the art of its files, the catalog's image, or
// one drawn from the title in the release's own colour), read by the same CoverLoader.
class ReleasePane : public QWidget
{
    Q_OBJECT

public:
    // The cover's side, in device-independent pixels.
    static constexpr int CoverSide = 168;

    explicit ReleasePane(const CatalogModel *catalogs, QWidget *parent = nullptr);

    // Shows the release; an unknown one shows nothing, as clear() does.
    void showRelease(const QString &catalogId, const QString &releaseId);
    void clear();

    // Where covers come from; without them the pane draws every cover.
    void setCovers(CoverLoader *loader, const CoverSourceFinder *sources);

    QString catalogId() const { return m_catalogId; }
    QString releaseId() const { return m_releaseId; }

signals:
    void locationActivated(const Location &location);
    void actionRequested(const PaneAction &action);

private:
    void refresh();
    void render(PaneBrowser::Scroll scroll = PaneBrowser::Scroll::ToTop);
    QString headerHtml(const Catalog &catalog, const Release &release) const;
    QString factsHtml(const Catalog &catalog, const Release &release) const;
    // "7 of 28 tracks · 1 missing · ▶ Play release", from the tree's file states.
    QString filesHtml(const Catalog &catalog, const Release &release) const;
    bool holdsCue(const QString &cueId) const;
    QString excerptsHtml(const Catalog &catalog, const Release &release) const;
    // The cover as the loader has it now: a blank square while it is read.
    void updateCover(const Release &release);
    QString coverName() const;

    const CatalogModel *m_catalogs = nullptr;
    PaneBrowser *m_browser = nullptr;
    QString m_catalogId;
    QString m_releaseId;
    CoverLoader *m_coverLoader = nullptr;
    const CoverSourceFinder *m_coverSources = nullptr;
    QImage m_cover;
};
