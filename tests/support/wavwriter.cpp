#include "wavwriter.h"

#include <QDataStream>
#include <QFile>

#include <cmath>
#include <numbers>

namespace {

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size() && file.flush();
}

} // namespace

namespace WavWriter {

QByteArray sine(int durationMs, int frequencyHz, int sampleRate)
{
    // Half amplitude: loud enough to be a real signal, quiet enough for a developer's speakers.
    return parts({{durationMs, 0.5}}, 1, sampleRate, frequencyHz);
}

bool writeSine(const QString &path, int durationMs, int frequencyHz, int sampleRate)
{
    return writeBytes(path, sine(durationMs, frequencyHz, sampleRate));
}

QByteArray parts(const QList<Part> &parts, int channels, int sampleRate, int frequencyHz)
{
    constexpr quint16 BitsPerSample = 16;
    const quint16 blockAlign = quint16(channels * BitsPerSample / 8);
    quint32 frames = 0;
    for (const Part &part : parts)
        frames += quint32(qint64(sampleRate) * std::max(part.durationMs, 0) / 1000);
    const quint32 dataSize = frames * blockAlign;

    QByteArray bytes;
    bytes.reserve(int(44 + dataSize));
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("RIFF", 4);
    out << quint32(36 + dataSize);
    out.writeRawData("WAVEfmt ", 8);
    out << quint32(16) << quint16(1) << quint16(channels) << quint32(sampleRate)
        << quint32(sampleRate * blockAlign) << blockAlign << BitsPerSample;
    out.writeRawData("data", 4);
    out << dataSize;
    const double step = 2 * std::numbers::pi * frequencyHz / sampleRate;
    quint32 frame = 0;
    for (const Part &part : parts) {
        const quint32 end
            = frame + quint32(qint64(sampleRate) * std::max(part.durationMs, 0) / 1000);
        for (; frame < end; ++frame) {
            const auto sample
                = qint16(std::lround(32767 * part.amplitude * std::sin(step * frame)));
            for (int channel = 0; channel < channels; ++channel)
                out << sample;
        }
    }
    return bytes;
}

bool writeParts(
    const QString &path, const QList<Part> &parts, int channels, int sampleRate, int frequencyHz)
{
    return writeBytes(path, WavWriter::parts(parts, channels, sampleRate, frequencyHz));
}

} // namespace WavWriter
