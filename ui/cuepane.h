#pragma once

#include "navigationhistory.h"
#include "paneaction.h"

#include <QWidget>

class Catalog;
class CatalogModel;
class OccurrenceModel;
class PaneBrowser;
struct Cue;

// One cue: its title, duration, episode and makers, every release and track it stands at, the
// themes it quotes in the order they are heard (each a link to the theme), and every excerpt
// about it.
class CuePane : public QWidget
{
    Q_OBJECT

public:
    explicit CuePane(const CatalogModel *catalogs, QWidget *parent = nullptr);

    // releaseId is the release the cue was reached through, kept for the history; the pane
    // lists every release the cue stands on either way. An unknown cue shows nothing.
    void showCue(const QString &catalogId, const QString &cueId, const QString &releaseId = {});
    void clear();

    QString catalogId() const { return m_catalogId; }
    QString cueId() const { return m_cueId; }
    QString releaseId() const { return m_releaseId; }

signals:
    void locationActivated(const Location &location);
    void actionRequested(const PaneAction &action);

private:
    void refresh();
    void render();
    QString headerHtml(const Catalog &catalog, const Cue &cue) const;
    QString placesHtml(const Catalog &catalog, const Cue &cue) const;
    QString themesHtml(const Catalog &catalog) const;
    QString occurrenceHtml(const Catalog &catalog, int row) const;
    QString excerptsHtml(const Catalog &catalog, const Cue &cue) const;

    const CatalogModel *m_catalogs = nullptr;
    PaneBrowser *m_browser = nullptr;
    OccurrenceModel *m_occurrences = nullptr;
    QString m_catalogId;
    QString m_cueId;
    QString m_releaseId;
};
