#pragma once

#include "navigation/location.h"
#include "navigation/paneaction.h"

#include "markers/markerpanel.h"
#include "panes/panebrowser.h"

#include <QPointer>
#include <QWidget>

class Catalog;
class CatalogModel;
class CueTimeline;
class CueTimelineFeed;
class NoteEditor;
class QSplitter;
class QTabWidget;
class QUndoStack;
class QVBoxLayout;
class UserDatabase;
class WaveformLoader;
struct Cue;
struct Marker;
struct Occurrence;
struct OccurrenceRow;
struct FileLink;

// One cue: its title, duration, episode and makers, every release and track it stands at, the
// audio files linked to it with what can be done to each, the themes it quotes in the order they
// are heard (each a link to the theme, and a play link to where it enters when the cue has a
// file), the user's own markers among them, and every excerpt about it; below, split off, the
// cue's timeline (its waveform, the themes heard, the markers, the playhead while it plays) over
// the notebook of what the user keeps about the cue: its note (NoteEditor) and its markers (a
// table to edit), a tab each. A click on the timeline of a cue with a file plays it from there,
// or, for the cue that plays, seeks there; Shift+click or a double-click adds a marker there,
// and a marker dragged on it moves as one undoable step.
class CuePane : public QWidget
{
    Q_OBJECT

public:
    explicit CuePane(const CatalogModel *catalogs, QWidget *parent = nullptr);

    // releaseId is the release the cue was reached through, kept for the history; the pane
    // lists every release the cue stands on either way. An unknown cue shows nothing.
    void showCue(const CueKey &cue, const QString &releaseId = {});
    void clear();
    // Where the cue's audio files and markers come from and its note is written; without one
    // (nullptr, or a database that did not open) the pane says files cannot be linked nor notes
    // written. The pane follows its changes.
    void setUserData(UserDatabase *userData);
    // Where the edits of markers go, to be undone; without it the markers are read-only.
    void setUndoStack(QUndoStack *stack);
    // See MarkerPanel::setPlayheadLookup.
    void setPlayheadLookup(MarkerPanel::PlayheadLookup lookup);
    // Where the timeline gets the waveform of the cue's file; without one it shows none.
    void setWaveformLoader(WaveformLoader *loader);
    // The cue the player has (empty for none) and how far it has played: the timeline of that
    // cue shows the playhead.
    void setPlayhead(const CueKey &cue, qint64 ms);
    CueTimeline *timeline() const { return m_timeline; }
    // Shows the Markers tab with the marker selected and its label open for typing; false when
    // the cue shown has no such marker.
    bool editMarkerLabel(const QString &markerId);

    // The part under the splitter: a QVBoxLayout holding the notebook's tabs. Parts of the cue
    // that are the user's own go there, as tabs of notebook() or strips above it.
    QWidget *notebookArea() const { return m_notebookArea; }
    QVBoxLayout *notebookLayout() const { return m_notebookLayout; }
    QTabWidget *notebook() const { return m_notebook; }
    NoteEditor *noteEditor() const { return m_noteEditor; }
    // Saves now what is typed and not saved yet (the note); the window does before it checks for
    // edits the disk refused.
    void saveEdits();
    // The splitter's sizes, for QSettings; false when state is not one (the sizes stay).
    QByteArray saveLayout() const;
    bool restoreLayout(const QByteArray &state);

    CueKey cue() const { return m_cue; }
    QString catalogId() const { return m_cue.catalogId; }
    QString cueId() const { return m_cue.cueId; }
    QString releaseId() const { return m_releaseId; }

signals:
    void locationActivated(const Location &location);
    void actionRequested(const PaneAction &action);

private:
    void refresh();
    void render(PaneBrowser::Scroll scroll = PaneBrowser::Scroll::ToTop);
    // render(), keeping the reader's place: for a change to the cue shown, not a new cue.
    Location cueLocation() const;
    bool isPlayable() const;
    QString headerHtml(const Catalog &catalog, const Cue &cue) const;
    QString placesHtml(const Catalog &catalog, const Cue &cue) const;
    QString filesHtml(const Cue &cue) const;
    // What a file is to the cue: the one that plays (or would, but does not decode), one that is
    // gone from disk, or one more that is there.
    enum FileRole { PlayingFile, UnplayableFile, MissingFile, SpareFile };
    QString fileHtml(const FileLink &link, FileRole role, const QStringList &actions) const;
    QStringList fileActions(
        const Cue &cue, const FileLink &link, FileRole role, qsizetype linkCount) const;
    QString fileActionLink(PaneAction::Kind kind, const QString &path, const QString &text,
        const QString &title) const;
    QString themesHtml(const Catalog &catalog) const;
    QString occurrenceHtml(const Catalog &catalog, const Occurrence &occurrence) const;
    QString usersOccurrenceHtml(const Catalog &catalog, const Marker &marker) const;
    void updateMarkersTab(int count);
    void connectTimeline();
    void moveMarker(const QString &markerId, qint64 startMs, qint64 endMs);
    QString sourcesHtml(const Catalog &catalog, const QStringList &sourceIds) const;
    QString excerptsHtml(const Catalog &catalog, const Cue &cue) const;

    const CatalogModel *m_catalogs = nullptr;
    QPointer<UserDatabase> m_userData;
    QSplitter *m_splitter = nullptr;
    PaneBrowser *m_browser = nullptr;
    QWidget *m_notebookArea = nullptr;
    QVBoxLayout *m_notebookLayout = nullptr;
    // What the user keeps about the cue, one tab each.
    QTabWidget *m_notebook = nullptr;
    NoteEditor *m_noteEditor = nullptr;
    MarkerPanel *m_markers = nullptr;
    CueTimeline *m_timeline = nullptr;
    CueTimelineFeed *m_timelineFeed = nullptr;
    CueKey m_playingCue;
    qint64 m_playingMs = -1;
    CueKey m_cue;
    QString m_releaseId;
};
