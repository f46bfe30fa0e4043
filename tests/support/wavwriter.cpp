#include "wavwriter.h"

#include <QDataStream>
#include <QFile>

#include <cmath>
#include <numbers>

namespace WavWriter {

QByteArray sine(int durationMs, int frequencyHz, int sampleRate)
{
    constexpr quint16 Channels = 1;
    constexpr quint16 BitsPerSample = 16;
    constexpr quint16 BlockAlign = Channels * BitsPerSample / 8;
    const quint32 frames = quint32(qint64(sampleRate) * std::max(durationMs, 0) / 1000);
    const quint32 dataSize = frames * BlockAlign;

    QByteArray bytes;
    bytes.reserve(int(44 + dataSize));
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("RIFF", 4);
    out << quint32(36 + dataSize);
    out.writeRawData("WAVEfmt ", 8);
    out << quint32(16) << quint16(1) << Channels << quint32(sampleRate)
        << quint32(sampleRate * BlockAlign) << BlockAlign << BitsPerSample;
    out.writeRawData("data", 4);
    out << dataSize;
    // Half amplitude: loud enough to be a real signal, quiet enough for a developer's speakers.
    const double step = 2 * std::numbers::pi * frequencyHz / sampleRate;
    for (quint32 i = 0; i < frames; ++i)
        out << qint16(std::lround(16383 * std::sin(step * i)));
    return bytes;
}

bool writeSine(const QString &path, int durationMs, int frequencyHz, int sampleRate)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray bytes = sine(durationMs, frequencyHz, sampleRate);
    return file.write(bytes) == bytes.size() && file.flush();
}

} // namespace WavWriter
