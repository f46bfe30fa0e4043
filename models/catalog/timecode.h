#pragma once

#include <QString>
#include <optional>

// The catalog format's times, "[h:]m:ss[.fff]", as milliseconds.
namespace TimeCode {

// Accepts "1:43", "1:02:07", "0:41.250", "0:41.5". Seconds (and minutes after hours) must be
// two digits below 60; the fraction has one to three digits. Returns nullopt for anything else.
std::optional<qint64> parse(QStringView text);

// "1:43", "1:02:07"; the fraction only where there is one ("0:41.250").
QString format(qint64 ms);

// Always "m:ss" or "h:mm:ss", rounded down to the second: for display columns.
QString formatSeconds(qint64 ms);

} // namespace TimeCode
