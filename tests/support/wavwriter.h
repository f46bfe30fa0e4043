#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Tiny PCM WAV files made in code, so that playback tests need no audio fixtures.
namespace WavWriter {

// A 16-bit mono sine of durationMs milliseconds, as the bytes of a complete WAV file.
QByteArray sine(int durationMs, int frequencyHz = 440, int sampleRate = 22050);

// Writes sine(durationMs, …) to path; false when the file cannot be written.
bool writeSine(const QString &path, int durationMs, int frequencyHz = 440, int sampleRate = 22050);

// One stretch of a WavWriter::parts() file: a sine of the given amplitude (1 = full scale, 0 =
// silence) in every channel.
struct Part
{
    int durationMs = 0;
    double amplitude = 0;
};

// A 16-bit file of consecutive parts, as the bytes of a complete WAV file: audio with loud and
// silent stretches at known times, for the waveform's tests.
QByteArray parts(
    const QList<Part> &parts, int channels = 2, int sampleRate = 44100, int frequencyHz = 440);
bool writeParts(const QString &path, const QList<Part> &parts, int channels = 2,
    int sampleRate = 44100, int frequencyHz = 440);

} // namespace WavWriter
