#pragma once

#include "waveform/waveformpeaks.h"

#include <QObject>
#include <QThread>

class WaveformWorker;

// Gets the waveform of one audio file at a time for a view, without ever blocking the GUI
// thread: request(path) answers with ready(path, peaks) or failed(path, reason), from the disk
// cache when the file is unchanged since it was last decoded, otherwise by decoding it on a
// worker thread of its own (decodingStarted, then progress). One request at a time: a request
// for another file, cancel(), or destroying the loader drops the current one, and a dropped
// request emits nothing more. Use one loader per view that shows a waveform; the views share the
// disk cache. Reads WAV, FLAC (16- and 24-bit), MP3 and Ogg Vorbis, and whatever else the
// system's GStreamer decodes.
class WaveformLoader : public QObject
{
    Q_OBJECT

public:
    // Caches in WaveformCache::defaultFolder().
    explicit WaveformLoader(QObject *parent = nullptr);
    // Caches in cacheFolder instead (tests, the benchmark).
    explicit WaveformLoader(const QString &cacheFolder, QObject *parent = nullptr);
    ~WaveformLoader() override;

    // Asks for the waveform of the file at path; a request for the file already pending is
    // ignored, so a view may call this on every update. An empty path cancels.
    void request(const QString &path);
    // Drops the pending request if it is for path.
    void cancel(const QString &path);
    // Drops the pending request, whatever its file.
    void cancel();
    // The file whose waveform is on its way; empty when none is.
    QString pendingPath() const { return m_pendingPath; }

signals:
    // The file is not in the cache and is being decoded; a view may show that it is busy.
    void decodingStarted(const QString &path);
    // How much of the file is decoded, 0..1, in steps of at least 1%.
    void progress(const QString &path, double fraction);
    void ready(const QString &path, const WaveformPeaks &peaks);
    // reason is a phrase for the user, without the file's name: "the file is gone", "cannot be
    // opened: Permission denied", "cannot be decoded: …".
    void failed(const QString &path, const QString &reason);

private:
    WaveformWorker *worker();
    // Whether id is the pending request; the worker's reports about dropped ones are ignored.
    bool isPending(quint64 id) const { return id == m_pendingId && !m_pendingPath.isEmpty(); }
    void onDecodingStarted(quint64 id);
    void onProgress(quint64 id, double fraction);
    void onReady(quint64 id, const WaveformPeaks &peaks);
    void onFailed(quint64 id, const QString &reason);

    QString m_cacheFolder;
    QThread m_thread;
    // Lives on m_thread, which deletes it when it stops; made at the first request.
    WaveformWorker *m_worker = nullptr;
    quint64 m_pendingId = 0;
    QString m_pendingPath;
};
