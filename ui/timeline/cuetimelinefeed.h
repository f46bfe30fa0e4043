#pragma once

#include "catalog/cuekey.h"

#include <QObject>
#include <QPointer>

class CatalogModel;
class CueTimeline;
class UserDatabase;

// Keeps a CueTimeline showing one cue of the open catalogs: its duration (the linked file's
// where it is known, else the catalog's), the catalog's occurrences of its themes with their
// names, and the user's markers, following the catalogs, the cue's file links and its markers
// as they change. The waveform and the playhead come from elsewhere (a waveform loader, the
// player); audioPath() names the file whose waveform to ask for, and until one arrives the
// timeline says it is reading it (or that there is no file, or that it is missing).
class CueTimelineFeed : public QObject
{
    Q_OBJECT

public:
    // The feed belongs to the timeline unless given another parent.
    CueTimelineFeed(const CatalogModel *catalogs, CueTimeline *timeline, QObject *parent = nullptr);

    // Where links and markers come from; nullptr shows none.
    void setUserData(const UserDatabase *userData);
    // An empty or unknown cue leaves the timeline empty. A new cue drops the playhead: the
    // player's wiring sets it again when this cue is the one playing.
    void setCue(const CueKey &cue);
    CueKey cue() const { return m_cue; }
    // The cue's file that plays, when it is on disk; empty otherwise.
    QString audioPath() const { return m_audioPath; }

signals:
    void audioPathChanged(const QString &path);

private:
    void refresh();
    void refreshFile();
    void refreshMarkers();

    const CatalogModel *m_catalogs = nullptr;
    CueTimeline *m_timeline = nullptr;
    QPointer<const UserDatabase> m_userData;
    CueKey m_cue;
    QString m_audioPath;
};
