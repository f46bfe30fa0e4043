#pragma once

#include "waveform/waveformpeaks.h"

#include <QString>

#include <optional>

// Peaks kept on disk so that a file is decoded once: one small binary file per audio file,
// named after its path, that holds the audio file's size and modification time and is used
// only while both still match. A cache file that is missing, stale, short, corrupt or of
// another version is ignored (and the next store() replaces it); reading never trusts a length
// it has not checked against the file's size. Writes are atomic. A failed write is no user's
// concern (the waveform still shows, it is only decoded again next time), so it is logged, once
// per cache, and otherwise ignored. Synchronous: WaveformLoader calls it on its worker thread.
class WaveformCache
{
public:
    // The first bytes of every cache file, and the version of what follows; a change in the
    // layout below or in how peaks are computed bumps Version, which retires every older file.
    static constexpr char Magic[4] = {'C', 'B', 'W', 'F'};
    static constexpr quint32 Version = 1;

    // QStandardPaths::CacheLocation + "/waveforms".
    static QString defaultFolder();

    explicit WaveformCache(const QString &folder = defaultFolder());

    QString folder() const { return m_folder; }
    // Where the peaks of the audio file at audioPath are kept (whether or not they are there).
    QString cacheFilePath(const QString &audioPath) const;

    // The peaks stored for the audio file as it is now on disk; nothing when there are none, or
    // none that can be trusted, or the audio file is gone.
    std::optional<WaveformPeaks> load(const QString &audioPath) const;
    // Stores peaks for the audio file as it is now on disk; false (and a warning, the first time)
    // when that fails.
    bool store(const QString &audioPath, const WaveformPeaks &peaks);

private:
    QString m_folder;
    bool m_warned = false;
};
