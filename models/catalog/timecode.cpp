#include "catalog/timecode.h"

namespace {

// A run of 1..maxDigits ASCII digits, or -1.
qint64 digits(QStringView text, qsizetype maxDigits)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return -1;
    qint64 value = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

// Exactly two digits below 60, or -1.
qint64 sexagesimal(QStringView text)
{
    const qint64 value = text.size() == 2 ? digits(text, 2) : -1;
    return value < 60 ? value : -1;
}

} // namespace

namespace TimeCode {

std::optional<qint64> parse(QStringView text)
{
    qint64 fractionMs = 0;
    const qsizetype dot = text.indexOf(u'.');
    if (dot >= 0) {
        const QStringView fraction = text.mid(dot + 1);
        const qint64 value = digits(fraction, 3);
        if (value < 0)
            return std::nullopt;
        fractionMs = value * (fraction.size() == 1 ? 100 : fraction.size() == 2 ? 10 : 1);
        text = text.left(dot);
    }

    // Split on the colons by hand: this runs for every time of a 100,000-track catalog.
    const qsizetype first = text.indexOf(u':');
    const qsizetype second = first < 0 ? -1 : text.indexOf(u':', first + 1);
    if (first < 0 || (second >= 0 && text.indexOf(u':', second + 1) >= 0))
        return std::nullopt;
    qint64 hours = 0;
    qint64 minutes = -1;
    qint64 seconds = -1;
    if (second < 0) {
        minutes = digits(text.left(first), 4);
        seconds = sexagesimal(text.mid(first + 1));
    } else {
        hours = digits(text.left(first), 3);
        minutes = sexagesimal(text.mid(first + 1, second - first - 1));
        seconds = sexagesimal(text.mid(second + 1));
    }
    if (hours < 0 || minutes < 0 || seconds < 0)
        return std::nullopt;
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fractionMs;
}

QString format(qint64 ms)
{
    const qint64 fraction = ms % 1000;
    QString text = formatSeconds(ms);
    if (fraction != 0)
        text += u'.' + QString::number(fraction).rightJustified(3, u'0');
    return text;
}

QString formatSeconds(qint64 ms)
{
    const qint64 totalSeconds = std::max<qint64>(ms, 0) / 1000;
    const qint64 hours = totalSeconds / 3600;
    const qint64 minutes = (totalSeconds / 60) % 60;
    const QString ss = QString::number(totalSeconds % 60).rightJustified(2, u'0');
    if (hours > 0)
        return QString::number(hours) + u':' + QString::number(minutes).rightJustified(2, u'0')
            + u':' + ss;
    return QString::number(minutes) + u':' + ss;
}

QString formatTenths(qint64 ms)
{
    const qint64 tenths = (std::max<qint64>(ms, 0) % 1000) / 100;
    return formatSeconds(ms) + u'.' + QString::number(tenths);
}

std::optional<qint64> parseTyped(QStringView text)
{
    text = text.trimmed();
    if (text.contains(u':'))
        return parse(text);
    qsizetype point = text.indexOf(u'.');
    if (point < 0)
        point = text.indexOf(u',');
    const QStringView whole = point < 0 ? text : text.left(point);
    const QStringView fraction = point < 0 ? QStringView() : text.mid(point + 1);
    // Nine digits of seconds is thirty years: beyond that the milliseconds would overflow.
    const qint64 seconds = digits(whole, 9);
    if (seconds < 0 || (point >= 0 && fraction.isEmpty()))
        return std::nullopt;
    // The fraction to the millisecond, rounded on its fourth digit.
    qint64 fractionMs = 0;
    int scale = 100;
    for (qsizetype i = 0; i < fraction.size(); ++i) {
        const QChar c = fraction.at(i);
        if (c < u'0' || c > u'9')
            return std::nullopt;
        const int digit = c.unicode() - u'0';
        if (scale > 0)
            fractionMs += digit * scale;
        else if (i == 3 && digit >= 5)
            fractionMs += 1;
        scale /= 10;
    }
    return seconds * 1000 + fractionMs;
}

} // namespace TimeCode
