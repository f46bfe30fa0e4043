#pragma once

#include "navigation/location.h"
#include "navigation/paneaction.h"

#include "markers/markerpanel.h"

#include <QStackedWidget>

#include <functional>

class CatalogModel;
class CoverLoader;
class CoverSourceFinder;
class CuePane;
class WaveformLoader;
class ReleasePane;
class ThemePane;
class UserDatabase;
class QLabel;
class QUndoStack;

// The right side of the window: the pane for whatever is shown, or a placeholder that says how
// to begin. Links in the panes come out as locationActivated.
class DetailView : public QStackedWidget
{
    Q_OBJECT

public:
    explicit DetailView(const CatalogModel *catalogs, QWidget *parent = nullptr);

    void showLocation(const Location &location);
    // See ReleasePane::setCovers.
    void setCovers(CoverLoader *loader, const CoverSourceFinder *sources);
    // See CuePane::setUserData and ThemePane::setUserData.
    void setUserData(UserDatabase *userData);
    // See CuePane::setUndoStack and setPlayheadLookup.
    void setUndoStack(QUndoStack *stack);
    void setPlayheadLookup(MarkerPanel::PlayheadLookup lookup);
    // See CuePane::setWaveformLoader and setPlayhead.
    void setWaveformLoader(WaveformLoader *loader);
    void setPlayhead(const CueKey &cue, qint64 ms);
    // When the cue pane shows the marker's cue: its Markers tab, with the marker's label open
    // for typing. False when it does not show that cue.
    bool editMarkerLabel(const CueKey &cue, const QString &markerId);
    // See CuePane::saveEdits.
    void saveEdits();
    // The panes' own splitters, for QSettings (see CuePane::saveLayout).
    QByteArray saveLayout() const;
    bool restoreLayout(const QByteArray &state);

signals:
    void locationActivated(const Location &location);
    void actionRequested(const PaneAction &action);

private:
    QLabel *m_placeholder = nullptr;
    ReleasePane *m_releasePane = nullptr;
    CuePane *m_cuePane = nullptr;
    ThemePane *m_themePane = nullptr;
};
