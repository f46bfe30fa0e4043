#pragma once

#include "catalog/cuekey.h"
#include "userdata/marker.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// Audacity's label files, which Sonic Visualiser writes too: one label a line,
// "START<tab>END<tab>LABEL", times in seconds with a '.' (a ',' is read as well, as Audacity
// does), UTF-8. A line starting with '\' after a label holds the label's frequencies in
// Audacity's spectral labels: it is read past. A point in time has its end equal to its start.
class AudacityLabels
{
    Q_DECLARE_TR_FUNCTIONS(AudacityLabels)

public:
    static constexpr qint64 MaxFileSize = qint64(16) * 1024 * 1024;
    // Past this many faults the rest are counted, not listed.
    static constexpr int MaxListedFaults = 100;

    struct Label
    {
        qint64 startMs = 0;
        // -1 for a point in time.
        qint64 endMs = -1;
        QString text;
    };

    // What importing labels into a cue adds: the markers to store, and how many labels were
    // already there. A label is the same as a marker of the cue with the same start, end and
    // label (to the millisecond), so that importing a file again adds nothing; two such lines
    // in one file make one marker.
    struct Import
    {
        QList<Marker> markers;
        int alreadyHere = 0;
    };

    // The markers as a label file, in the order given.
    static QByteArray write(const QList<Marker> &markers);
    // "72.000000": seconds with six decimals, as Audacity writes them, whatever the locale.
    static QString secondsText(qint64 ms);

    // Reads every line before keeping any: false, with every fault "FILE:LINE: WHAT" in
    // errors(), when one line is wrong.
    bool read(const QString &filePath);
    bool readData(const QByteArray &data, const QString &filePath);
    const QList<Label> &labels() const { return m_labels; }
    QStringList errors() const { return m_errors; }

    // existing: the cue's markers now. New markers get new ids and no theme or kind.
    static Import plan(
        const CueKey &cue, const QList<Label> &labels, const QList<Marker> &existing);

private:
    bool readLine(QByteArrayView line, Label &label, QString &fault) const;
    void fault(const QString &filePath, qsizetype line, const QString &what);

    QList<Label> m_labels;
    QStringList m_errors;
    int m_faultCount = 0;
};
