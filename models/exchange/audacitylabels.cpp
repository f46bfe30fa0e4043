#include "exchange/audacitylabels.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Up to 999,999,999 s (31 years): more than any cue, and far from qint64's limit in ms.
constexpr qsizetype MaxWholeDigits = 9;

enum class SecondsFault { None, NotANumber, Negative, TooLarge };

// Seconds as Audacity writes them ("72.5", "72.500000", "72,5") to milliseconds, rounded to
// the nearest; digits only, so that no locale and no floating point changes a time.
SecondsFault parseSeconds(QStringView text, qint64 &ms)
{
    const bool negative = text.startsWith(u'-');
    if (negative)
        text = text.mid(1);
    const qsizetype point = std::max(text.indexOf(u'.'), text.indexOf(u','));
    const QStringView whole = point < 0 ? text : text.left(point);
    const QStringView fraction = point < 0 ? QStringView() : text.mid(point + 1);
    const auto allDigits = [](QStringView digits) {
        return !digits.isEmpty() && std::all_of(digits.begin(), digits.end(), [](QChar c) {
            return c >= u'0' && c <= u'9';
        });
    };
    if (!allDigits(whole) || (point >= 0 && !allDigits(fraction)))
        return SecondsFault::NotANumber;
    if (negative)
        return SecondsFault::Negative;
    QStringView significant = whole;
    while (significant.size() > 1 && significant.front() == u'0')
        significant = significant.mid(1);
    if (significant.size() > MaxWholeDigits)
        return SecondsFault::TooLarge;
    const QString padded = fraction.left(4).toString().leftJustified(4, u'0');
    ms = significant.toLongLong() * 1000 + padded.left(3).toInt() + (padded.at(3) >= u'5' ? 1 : 0);
    return SecondsFault::None;
}

// A label's text as one field of one line.
QString fieldText(const QString &label)
{
    QString text = label;
    for (QChar &c : text) {
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    }
    return text;
}

} // namespace

QString AudacityLabels::secondsText(qint64 ms)
{
    return QString::number(ms / 1000) + u'.' + QString::number(ms % 1000).rightJustified(3, u'0')
        + u"000"_s;
}

QByteArray AudacityLabels::write(const QList<Marker> &markers)
{
    QString out;
    for (const Marker &marker : markers) {
        out += secondsText(marker.startMs) + u'\t'
            + secondsText(marker.endMs >= 0 ? marker.endMs : marker.startMs) + u'\t'
            + fieldText(marker.label) + u'\n';
    }
    return out.toUtf8();
}

bool AudacityLabels::read(const QString &filePath)
{
    m_labels.clear();
    m_errors.clear();
    m_faultCount = 0;
    const QFileInfo info(filePath);
    if (info.isDir()) {
        m_errors.append(tr("%1: the path is a folder, not a label file").arg(filePath));
        return false;
    }
    if (info.exists() && !info.isFile()) {
        m_errors.append(tr("%1: not a regular file").arg(filePath));
        return false;
    }
    if (info.size() > MaxFileSize) {
        m_errors.append(tr("%1: the file is larger than %2 MiB, more than a label file holds")
                            .arg(filePath)
                            .arg(MaxFileSize / (1024 * 1024)));
        return false;
    }
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_errors.append(tr("%1: the file cannot be opened (%2)").arg(filePath, file.errorString()));
        return false;
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        m_errors.append(tr("%1: the file cannot be read (%2)").arg(filePath, file.errorString()));
        return false;
    }
    return readData(data, filePath);
}

bool AudacityLabels::readData(const QByteArray &data, const QString &filePath)
{
    m_labels.clear();
    m_errors.clear();
    m_faultCount = 0;
    QByteArrayView rest(data);
    if (rest.startsWith("\xEF\xBB\xBF"))
        rest = rest.sliced(3);
    QList<Label> labels;
    bool afterLabel = false;
    for (qsizetype number = 1; !rest.isEmpty(); ++number) {
        const qsizetype end = rest.indexOf('\n');
        QByteArrayView line = end < 0 ? rest : rest.first(end);
        rest = end < 0 ? QByteArrayView() : rest.sliced(end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            afterLabel = false;
            continue;
        }
        if (line.startsWith('\\')) {
            if (!afterLabel)
                fault(
                    filePath, number, tr("a line of frequencies (\"\\\") with no label before it"));
            afterLabel = false;
            continue;
        }
        Label label;
        QString why;
        if (readLine(line, label, why)) {
            labels.append(label);
            afterLabel = true;
        } else {
            fault(filePath, number, why);
            afterLabel = false;
        }
    }
    if (m_faultCount > MaxListedFaults) {
        m_errors.append(
            tr("%1: %2 more faults not listed").arg(filePath).arg(m_faultCount - MaxListedFaults));
    }
    if (m_faultCount > 0)
        return false;
    m_labels = std::move(labels);
    return true;
}

bool AudacityLabels::readLine(QByteArrayView line, Label &label, QString &fault) const
{
    // Stateless: a sequence cut short at the end of the line is an error, not kept for more.
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const QString text = decoder(line);
    if (decoder.hasError()) {
        fault = tr("not UTF-8 text (label files are UTF-8)");
        return false;
    }
    const QStringList fields = text.split(u'\t');
    if (fields.size() != 3) {
        fault = (fields.size() == 1 ? tr("1 column") : tr("%1 columns").arg(fields.size()))
            + tr(" (expected 3: start, end and label, separated by tabs)");
        return false;
    }
    qint64 times[2] = {0, 0};
    const QString names[2] = {tr("start"), tr("end")};
    for (int i = 0; i < 2; ++i) {
        const QString field = fields.at(i).trimmed();
        switch (parseSeconds(field, times[i])) {
        case SecondsFault::None:
            break;
        case SecondsFault::NotANumber:
            fault = tr("the %1, \"%2\", is not a number of seconds (expected one like 72.5)")
                        .arg(names[i], fields.at(i));
            return false;
        case SecondsFault::Negative:
            fault = tr("the %1, %2, is negative (expected seconds from the start of the cue)")
                        .arg(names[i], field);
            return false;
        case SecondsFault::TooLarge:
            fault = tr("the %1, %2, is too large (expected seconds within the cue)")
                        .arg(names[i], field);
            return false;
        }
    }
    if (times[1] < times[0]) {
        fault = tr("the end, %1, is before the start, %2")
                    .arg(fields.at(1).trimmed(), fields.at(0).trimmed());
        return false;
    }
    label.startMs = times[0];
    label.endMs = times[1] > times[0] ? times[1] : -1;
    label.text = fields.at(2);
    return true;
}

void AudacityLabels::fault(const QString &filePath, qsizetype line, const QString &what)
{
    if (m_faultCount++ < MaxListedFaults)
        m_errors.append(u"%1:%2: %3"_s.arg(filePath).arg(line).arg(what));
}

AudacityLabels::Import AudacityLabels::plan(
    const CueKey &cue, const QList<Label> &labels, const QList<Marker> &existing)
{
    // A point marker may be stored with its end equal to its start: both are the same label.
    const auto key = [](qint64 start, qint64 end, const QString &text) -> QString {
        return QString::number(start) + u'\t' + QString::number(end > start ? end : -1) + u'\t'
            + text;
    };
    QSet<QString> known;
    for (const Marker &marker : existing)
        known.insert(key(marker.startMs, marker.endMs, marker.label));
    Import import;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Label &label : labels) {
        const auto labelKey = key(label.startMs, label.endMs, label.text);
        if (known.contains(labelKey)) {
            ++import.alreadyHere;
            continue;
        }
        known.insert(labelKey);
        Marker marker;
        marker.id = Marker::newId();
        marker.cue = cue;
        marker.startMs = label.startMs;
        marker.endMs = label.endMs;
        marker.label = label.text;
        marker.createdAtMs = now;
        marker.updatedAtMs = now;
        import.markers.append(marker);
    }
    return import;
}
