#include "waveform/waveformworker.h"

#include <QAudioBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <taglib/audioproperties.h>
#include <taglib/fileref.h>

using namespace Qt::StringLiterals;

namespace {

// What the user reads about a file without a waveform, translated in its own context.
class Reason
{
    Q_DECLARE_TR_FUNCTIONS(WaveformLoader)
};

// The stream as the file's header describes it: the decoder is asked for these, so that it
// converts only the sample format. GStreamer cannot hand 24-bit FLAC or MP3 over in their
// native formats, so some output format must be asked for; float at the native rate and channel
// count costs least and loses nothing.
struct StreamInfo
{
    int sampleRate = 44100;
    int channelCount = 2;
    qint64 durationMs = 0;
};

StreamInfo streamInfo(const QString &path)
{
    StreamInfo info;
    const TagLib::FileRef file(
        QFile::encodeName(path).constData(), true, TagLib::AudioProperties::Fast);
    if (const TagLib::AudioProperties *audio = file.isNull() ? nullptr : file.audioProperties()) {
        if (audio->sampleRate() > 0 && audio->channels() > 0) {
            info.sampleRate = audio->sampleRate();
            info.channelCount = audio->channels();
        }
        info.durationMs = std::max(0, audio->lengthInMilliseconds());
    }
    return info;
}

} // namespace

WaveformWorker::WaveformWorker(const QString &cacheFolder)
    : m_cache(cacheFolder)
{ }

WaveformWorker::~WaveformWorker()
{
    reset();
}

void WaveformWorker::load(quint64 id, const QString &path)
{
    reset();
    m_id = id;
    m_path = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        emit failed(id, Reason::tr("the file is gone"));
        return;
    }
    if (!info.isFile()) {
        emit failed(id, Reason::tr("not a file"));
        return;
    }
    if (info.size() == 0) {
        emit failed(id, Reason::tr("empty file (0 bytes)"));
        return;
    }
    if (QFile file(path); !file.open(QIODevice::ReadOnly)) {
        emit failed(id, Reason::tr("cannot be opened: %1").arg(file.errorString()));
        return;
    }
    if (std::optional<WaveformPeaks> cached = m_cache.load(path)) {
        emit ready(id, *cached);
        return;
    }
    startDecoding();
}

void WaveformWorker::stop()
{
    reset();
}

void WaveformWorker::startDecoding()
{
    const StreamInfo info = streamInfo(m_path);
    m_expectedMs = info.durationMs;
    QAudioFormat format;
    format.setSampleFormat(QAudioFormat::Float);
    format.setSampleRate(info.sampleRate);
    format.setChannelCount(info.channelCount);
    m_decoder = new QAudioDecoder(this);
    m_decoder->setAudioFormat(format);
    connect(m_decoder, &QAudioDecoder::bufferReady, this, &WaveformWorker::readBuffer);
    connect(m_decoder, &QAudioDecoder::finished, this, &WaveformWorker::finishDecoding);
    connect(m_decoder, qOverload<QAudioDecoder::Error>(&QAudioDecoder::error), this,
        &WaveformWorker::decoderFailed);
    m_decoder->setSource(QUrl::fromLocalFile(QFileInfo(m_path).absoluteFilePath()));
    emit decodingStarted(m_id);
    m_decoder->start();
}

void WaveformWorker::readBuffer()
{
    const QAudioBuffer buffer = m_decoder->read();
    if (!buffer.isValid())
        return;
    const QAudioFormat format = buffer.format();
    if (!m_builder)
        m_builder.emplace(format.sampleRate(), format.channelCount());
    if (format.sampleRate() != m_builder->sampleRate()
        || format.channelCount() != m_builder->channelCount()) {
        const quint64 id = m_id;
        reset();
        emit failed(id, Reason::tr("cannot be decoded: its sample rate or channels change"));
        return;
    }
    switch (format.sampleFormat()) {
    case QAudioFormat::UInt8:
        m_builder->add(std::span(buffer.constData<quint8>(), buffer.sampleCount()));
        break;
    case QAudioFormat::Int16:
        m_builder->add(std::span(buffer.constData<qint16>(), buffer.sampleCount()));
        break;
    case QAudioFormat::Int32:
        m_builder->add(std::span(buffer.constData<qint32>(), buffer.sampleCount()));
        break;
    case QAudioFormat::Float:
        m_builder->add(std::span(buffer.constData<float>(), buffer.sampleCount()));
        break;
    case QAudioFormat::Unknown:
    case QAudioFormat::NSampleFormats:
        break;
    }
    // At most a hundred reports: enough for a progress bar, few enough to cost nothing.
    const qint64 durationMs = m_decoder->duration() > 0 ? m_decoder->duration() : m_expectedMs;
    if (durationMs > 0) {
        const double done = double(buffer.startTime() + buffer.duration()) / 1000.0;
        const double fraction = std::clamp(done / double(durationMs), 0.0, 1.0);
        if (fraction >= m_reported + 0.01) {
            m_reported = fraction;
            emit progress(m_id, fraction);
        }
    }
}

void WaveformWorker::finishDecoding()
{
    const quint64 id = m_id;
    const QString path = m_path;
    const WaveformPeaks peaks = m_builder ? m_builder->peaks() : WaveformPeaks();
    reset();
    if (peaks.isEmpty()) {
        emit failed(id, Reason::tr("holds no audio"));
        return;
    }
    // Stored first, so that a view that asks again on ready is answered from the cache.
    m_cache.store(path, peaks);
    emit ready(id, peaks);
}

void WaveformWorker::decoderFailed()
{
    // One phrase for every decoder error: GStreamer tells a damaged file from a foreign one
    // differently from run to run, but its own message is specific enough.
    const quint64 id = m_id;
    const QString detail = m_decoder->errorString();
    reset();
    emit failed(id, Reason::tr("cannot be decoded: %1").arg(detail));
}

void WaveformWorker::reset()
{
    if (m_decoder) {
        // Deleted later: this may run inside one of the decoder's own signals.
        m_decoder->disconnect(this);
        m_decoder->stop();
        m_decoder->deleteLater();
        m_decoder = nullptr;
    }
    m_builder.reset();
    m_path.clear();
    m_expectedMs = 0;
    m_reported = 0;
}
