#pragma once

#include "waveform/waveformbuilder.h"
#include "waveform/waveformcache.h"

#include <QAudioDecoder>
#include <QObject>

#include <optional>

// WaveformLoader's other half, living on its worker thread: answers one request at a time, from
// the cache or by decoding the file with a QAudioDecoder driven by that thread's event loop, and
// reports by request id. A new load() or a stop() drops the current request at once (between two
// decoded buffers) and says nothing more about it. Not for use on its own.
class WaveformWorker : public QObject
{
    Q_OBJECT

public:
    explicit WaveformWorker(const QString &cacheFolder);
    ~WaveformWorker() override;

    void load(quint64 id, const QString &path);
    void stop();

signals:
    void decodingStarted(quint64 id);
    void progress(quint64 id, double fraction);
    void ready(quint64 id, const WaveformPeaks &peaks);
    void failed(quint64 id, const QString &reason);

private:
    void startDecoding();
    void readBuffer();
    void finishDecoding();
    void decoderFailed();
    // Ends the current request, whatever state it is in.
    void reset();

    WaveformCache m_cache;
    quint64 m_id = 0;
    QString m_path;
    // The file's duration as its header gives it, until the decoder knows better; 0 when unknown.
    qint64 m_expectedMs = 0;
    double m_reported = 0;
    QAudioDecoder *m_decoder = nullptr;
    std::optional<WaveformBuilder> m_builder;
};
