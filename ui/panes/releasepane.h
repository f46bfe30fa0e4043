#pragma once

#include "navigation/location.h"

#include "panes/panebrowser.h"

#include <QImage>
#include <QWidget>

#include <functional>

class Catalog;
class CatalogModel;
struct Release;

// A release at a glance: its cover, title and composers, the facts a collector looks for
// (label, date, format, catalog number, tracks, running time, how many have audio files), a warning
// where the catalog knows its track list to be partial, and every excerpt about it. The cover is
// the catalog's image, read off the GUI thread, or else one drawn from the title in the release's
// own colour.
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

    // Where the user's own cover image for a release is, if they chose one: it takes the place
    // of the catalog's image and of the drawn cover.
    using CoverLookup = std::function<QString(const QString &catalogId, const QString &releaseId)>;
    void setCoverLookup(CoverLookup lookup) { m_coverLookup = std::move(lookup); }

    QString catalogId() const { return m_catalogId; }
    QString releaseId() const { return m_releaseId; }

signals:
    void locationActivated(const Location &location);
    void actionRequested(const PaneAction &action);

private:
    struct LoadedCover
    {
        QString key;
        QImage image;
    };

    void refresh();
    void render(PaneBrowser::Scroll scroll = PaneBrowser::Scroll::ToTop);
    QString headerHtml(const Catalog &catalog, const Release &release) const;
    QString factsHtml(const Catalog &catalog, const Release &release) const;
    // "7 of 28 tracks · 1 missing · ▶ Play release", from the tree's file states.
    QString filesHtml(const Catalog &catalog, const Release &release) const;
    bool holdsCue(const QString &cueId) const;
    QString excerptsHtml(const Catalog &catalog, const Release &release) const;
    void startCover(const Catalog &catalog, const Release &release);
    void finishCover(const LoadedCover &loaded);
    void useDrawnCover(const Release &release);
    QString coverName() const;

    const CatalogModel *m_catalogs = nullptr;
    PaneBrowser *m_browser = nullptr;
    QString m_catalogId;
    QString m_releaseId;
    // Which cover file is being read for the release shown: a read that finishes after the
    // user has moved on is dropped.
    QString m_coverKey;
    CoverLookup m_coverLookup;
    QImage m_cover;
};
