#pragma once

#include <QByteArray>
#include <QString>

// Tiny PCM WAV files made in code, so that playback tests need no audio fixtures.
namespace WavWriter {

// A 16-bit mono sine of durationMs milliseconds, as the bytes of a complete WAV file.
QByteArray sine(int durationMs, int frequencyHz = 440, int sampleRate = 22050);

// Writes sine(durationMs, …) to path; false when the file cannot be written.
bool writeSine(const QString &path, int durationMs, int frequencyHz = 440, int sampleRate = 22050);

} // namespace WavWriter
