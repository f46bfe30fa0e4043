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

// "1:12.3": formatSeconds() and the tenth of a second, rounded down; for the user's markers,
// which are placed more finely than a catalog's times.
QString formatTenths(qint64 ms);

// What a user types for a time: anything parse() accepts ("1:12", "1:12.250"), or seconds
// alone ("72", "72.5", or "72,5" as many locales write it), rounded to the millisecond;
// spaces around it are ignored. Returns nullopt for anything else, a negative time included.
std::optional<qint64> parseTyped(QStringView text);

} // namespace TimeCode
