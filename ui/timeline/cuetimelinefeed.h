#pragma once

#include "catalog/cuekey.h"

#include <QObject>
#include <QPointer>

class CatalogModel;
class CueTimeline;
class UserDatabase;
class WaveformLoader;
class WaveformPeaks;

// Keeps a CueTimeline showing one cue of the open catalogs: its duration (the linked file's
// where it is known, else the catalog's), the catalog's occurrences of its themes with their
// names, and the user's markers, following the catalogs, the cue's file links and its markers
// as they change; and, given a WaveformLoader, the waveform of the file that plays, saying
// while it is read and when it cannot be. The playhead comes from the player's wiring.
class CueTimelineFeed : public QObject
{
    Q_OBJECT

public:
    // The feed belongs to the timeline unless given another parent.
    CueTimelineFeed(const CatalogModel *catalogs, CueTimeline *timeline, QObject *parent = nullptr);

    // Where links and markers come from; nullptr shows none.
    void setUserData(const UserDatabase *userData);
    // Asked for the waveform of audioPath() whenever it changes; nullptr (the default) leaves
    // the timeline saying it is reading until someone else gives it peaks.
    void setWaveformLoader(WaveformLoader *loader);
    // An empty or unknown cue leaves the timeline empty. A new cue drops the playhead: the
    // player's wiring sets it again when this cue is the one playing.
    void setCue(const CueKey &cue);
    CueKey cue() const { return m_cue; }
    // The cue's file that plays, when it is on disk, whose waveform is shown; empty otherwise.
    QString audioPath() const { return m_audioPath; }

signals:
    void audioPathChanged(const QString &path);

private:
    void refresh();
    void refreshFile();
    void refreshMarkers();
    void requestWaveform();
    void waveformReady(const QString &path, const WaveformPeaks &peaks);

    const CatalogModel *m_catalogs = nullptr;
    CueTimeline *m_timeline = nullptr;
    QPointer<const UserDatabase> m_userData;
    QPointer<WaveformLoader> m_loader;
    CueKey m_cue;
    QString m_audioPath;
};
