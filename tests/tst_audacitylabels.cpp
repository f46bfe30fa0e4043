#include "exchange/audacitylabels.h"
#include "exchange/notesexchange.h"
#include "exchangefixtures.h"
#include "testcatalogs.h"
#include "testfiles.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ExchangeFixtures;

// Audacity label files: a cue's markers go out and come back to the millisecond, Audacity's own
// files (frequency lines, Windows line ends, commas) come in, importing twice adds nothing, and
// every kind of bad line is refused with its number, the database left as it was.
class tst_AudacityLabels : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void writesSecondsWhateverTheLocale();
    void roundTripToTheMillisecond();
    void readsAudacitysFiles();
    void roundsToTheNearestMillisecond_data();
    void roundsToTheNearestMillisecond();
    void badLines_data();
    void badLines();
    void listsEveryBadLine();
    void importingTwiceAddsNothing();
    void aBadFileChangesNothing();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QList<Catalog> m_catalogs {TestCatalogs::picard()};
    const CueKey m_cue {Picard, u"main-title"_s};
};

void tst_AudacityLabels::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_AudacityLabels::writesSecondsWhateverTheLocale()
{
    // A locale with a decimal comma must not reach the file.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QList<Marker> markers {
        marker(m_cue, u"a"_s, 72'347, 80'500, u"the March\tin the horns"_s),
        marker(m_cue, u"b"_s, 3'723'001, -1, u"point"_s),
        marker(m_cue, u"c"_s, 0, 5, QString()),
    };
    const QByteArray written = AudacityLabels::write(markers);
    QLocale::setDefault(QLocale::c());
    QCOMPARE(written,
        "72.347000\t80.500000\tthe March in the horns\n"
        "3723.001000\t3723.001000\tpoint\n"
        "0.000000\t0.005000\t\n");
}

void tst_AudacityLabels::roundTripToTheMillisecond()
{
    UserDatabase source;
    QVERIFY(source.open(path(u"source.sqlite"_s)));
    const QList<Marker> markers {
        marker(m_cue, u"a"_s, 1, 2, u"one millisecond"_s),
        marker(m_cue, u"b"_s, 72'347, 80'999, u"the March — “in the horns”"_s),
        marker(m_cue, u"c"_s, 3'723'001, -1, u"after an hour"_s),
    };
    QVERIFY(source.markers()->putMarkers(markers));
    const QString file = path(u"labels.txt"_s);
    const NotesExchange::Outcome exported
        = NotesExchange(&source, m_catalogs, {}).exportLabels(m_cue, file);
    QVERIFY2(exported.ok, qPrintable(exported.message));
    QCOMPARE(
        exported.message, u"Exported 3 labels of star-trek-picard/main-title to “%1”."_s.arg(file));

    UserDatabase fresh;
    QVERIFY(fresh.open(path(u"fresh.sqlite"_s)));
    const NotesExchange::Outcome imported
        = NotesExchange(&fresh, m_catalogs, {}).importLabels(m_cue, file);
    QVERIFY2(imported.ok, qPrintable(imported.message + imported.details.join(u'\n')));
    QCOMPARE(imported.message,
        u"3 markers imported into star-trek-picard/main-title (from “%1”)."_s.arg(file));
    const QList<Marker> read = fresh.markers()->markers(m_cue);
    QCOMPARE(read.size(), 3);
    for (qsizetype i = 0; i < read.size(); ++i) {
        QCOMPARE(read.at(i).startMs, markers.at(i).startMs);
        QCOMPARE(read.at(i).endMs, markers.at(i).endMs);
        QCOMPARE(read.at(i).label, markers.at(i).label);
        QVERIFY(read.at(i).themeId.isEmpty());
        QVERIFY(!read.at(i).id.isEmpty());
    }
}

void tst_AudacityLabels::readsAudacitysFiles()
{
    // A byte order mark, Windows line ends, a spectral label's frequency line, a comma, an empty
    // label, and blank lines.
    const QByteArray file = "\xEF\xBB\xBF"
                            "1.500000\t2.250000\tbrass\r\n"
                            "\\\t220.000000\t880.000000\r\n"
                            "\r\n"
                            "10,5\t10,5\t\r\n"
                            "61\t62.0005\tÉchos de la “marche”\n";
    AudacityLabels labels;
    QVERIFY2(labels.readData(file, u"audacity.txt"_s), qPrintable(labels.errors().join(u'\n')));
    QCOMPARE(labels.labels().size(), 3);
    QCOMPARE(labels.labels().at(0).startMs, 1'500);
    QCOMPARE(labels.labels().at(0).endMs, 2'250);
    QCOMPARE(labels.labels().at(0).text, u"brass"_s);
    QCOMPARE(labels.labels().at(1).startMs, 10'500);
    QCOMPARE(labels.labels().at(1).endMs, -1);
    QCOMPARE(labels.labels().at(1).text, QString());
    QCOMPARE(labels.labels().at(2).endMs, 62'001);
    QCOMPARE(labels.labels().at(2).text, u"Échos de la “marche”"_s);
}

void tst_AudacityLabels::roundsToTheNearestMillisecond_data()
{
    QTest::addColumn<QByteArray>("seconds");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("whole") << QByteArray("72") << qint64(72'000);
    QTest::newRow("leading zeros") << QByteArray("0072.5") << qint64(72'500);
    QTest::newRow("down") << QByteArray("1.0004999") << qint64(1'000);
    QTest::newRow("up") << QByteArray("1.0005") << qint64(1'001);
    QTest::newRow("carry") << QByteArray("1.9996") << qint64(2'000);
    QTest::newRow("largest") << QByteArray("999999999.999") << qint64(999'999'999'999);
}

void tst_AudacityLabels::roundsToTheNearestMillisecond()
{
    QFETCH(QByteArray, seconds);
    QFETCH(qint64, ms);
    AudacityLabels labels;
    QVERIFY2(labels.readData(seconds + '\t' + seconds + "\tx\n", u"labels.txt"_s),
        qPrintable(labels.errors().join(u'\n')));
    QCOMPARE(labels.labels().first().startMs, ms);
}

void tst_AudacityLabels::badLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("fault");
    QTest::newRow("not a number") << QByteArray("1:12\t1:20\thorns")
                                  << u"the start, \"1:12\", is not a number of seconds (expected "
                                     "one like 72.5)"_s;
    QTest::newRow("end not a number")
        << QByteArray("72\tlater\thorns")
        << u"the end, \"later\", is not a number of seconds (expected one like 72.5)"_s;
    QTest::newRow("exponent") << QByteArray("7.2e1\t80\thorns")
                              << u"the start, \"7.2e1\", is not a number of seconds (expected one "
                                 "like 72.5)"_s;
    QTest::newRow("empty number") << QByteArray("\t80\thorns")
                                  << u"the start, \"\", is not a number of seconds (expected one "
                                     "like 72.5)"_s;
    QTest::newRow("end before start")
        << QByteArray("80.5\t72\thorns") << u"the end, 72, is before the start, 80.5"_s;
    QTest::newRow("negative") << QByteArray("-1.5\t2\thorns")
                              << u"the start, -1.5, is negative (expected seconds from the start "
                                 "of the cue)"_s;
    QTest::newRow("too large") << QByteArray("1000000000\t1000000000\thorns")
                               << u"the start, 1000000000, is too large (expected seconds within "
                                  "the cue)"_s;
    QTest::newRow("two columns") << QByteArray("72\thorns")
                                 << u"2 columns (expected 3: start, end and label, separated by "
                                    "tabs)"_s;
    QTest::newRow("one column") << QByteArray("72 80 horns")
                                << u"1 column (expected 3: start, end and label, separated by "
                                   "tabs)"_s;
    QTest::newRow("four columns") << QByteArray("72\t80\thorns\textra")
                                  << u"4 columns (expected 3: start, end and label, separated by "
                                     "tabs)"_s;
    QTest::newRow("not UTF-8") << QByteArray("72\t80\tcaf\xe9")
                               << u"not UTF-8 text (label files are UTF-8)"_s;
    QTest::newRow("frequencies alone") << QByteArray("\\\t220\t880")
                                       << u"a line of frequencies (\"\\\") with no label before "
                                          "it"_s;
}

// The bad line stands third, after two good ones: its number is in the message, and no label of
// the file is kept.
void tst_AudacityLabels::badLines()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, fault);
    AudacityLabels labels;
    const QByteArray file = "1.0\t2.0\tfirst\n\n" + line + "\n3.0\t3.0\tlast\n";
    QVERIFY(!labels.readData(file, u"labels.txt"_s));
    QCOMPARE(labels.errors(), QStringList {u"labels.txt:3: "_s + fault});
    QVERIFY(labels.labels().isEmpty());
}

void tst_AudacityLabels::listsEveryBadLine()
{
    QByteArray file;
    for (int i = 0; i < 150; ++i)
        file += "x\t1\ty\n";
    AudacityLabels labels;
    QVERIFY(!labels.readData(file, u"labels.txt"_s));
    QCOMPARE(labels.errors().size(), AudacityLabels::MaxListedFaults + 1);
    QVERIFY(labels.errors().at(99).startsWith(u"labels.txt:100: "_s));
    QCOMPARE(labels.errors().last(), u"labels.txt: 50 more faults not listed"_s);
}

void tst_AudacityLabels::importingTwiceAddsNothing()
{
    UserDatabase database;
    QVERIFY(database.open(path(u"userdata.sqlite"_s)));
    // A point marker stored with its end at its start is the same as a label with both equal.
    Marker here = marker(m_cue, u"here"_s, 10'000, 10'000, u"already"_s);
    QVERIFY(database.markers()->putMarker(here));
    const QString file = TestFiles::writeFile(path(u"labels.txt"_s),
        "10.000000\t10.000000\talready\n"
        "12.000000\t13.000000\tnew\n"
        "12.000000\t13.000000\tnew\n"
        "12.000000\t13.000000\tnew, but another label\n");
    NotesExchange exchange(&database, m_catalogs, {});
    NotesExchange::Outcome outcome = exchange.importLabels(m_cue, file);
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.message,
        u"2 markers imported into star-trek-picard/main-title; 2 were already here (from "
        "“%1”)."_s.arg(file));
    QCOMPARE(database.markers()->markers(m_cue).size(), 3);

    QSignalSpy changed(database.markers(), &MarkerStore::markersChanged);
    outcome = exchange.importLabels(m_cue, file);
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.message,
        u"0 markers imported into star-trek-picard/main-title; 4 were already here (from "
        "“%1”)."_s.arg(file));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(database.markers()->markers(m_cue).size(), 3);
    // The same labels on another cue are other markers.
    QVERIFY(exchange.importLabels({Picard, u"end-title"_s}, file).ok);
    QCOMPARE(database.markers()->markerCount(), 6);
}

void tst_AudacityLabels::aBadFileChangesNothing()
{
    UserDatabase database;
    QVERIFY(database.open(path(u"userdata.sqlite"_s)));
    QVERIFY(database.markers()->putMarker(marker(m_cue, u"here"_s, 1'000, -1, u"mine"_s)));
    const QList<Marker> before = database.markers()->markers(m_cue);
    const QString file = TestFiles::writeFile(
        path(u"bad.txt"_s), "1.0\t2.0\tgood\n3.0\t2.0\tbackwards\n4.0\t5.0\tgood too\n");
    QSignalSpy changed(database.markers(), &MarkerStore::markersChanged);
    const NotesExchange::Outcome outcome
        = NotesExchange(&database, m_catalogs, {}).importLabels(m_cue, file);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.message,
        u"“%1” was not imported: it has a fault. Nothing was changed."_s.arg(file));
    QCOMPARE(
        outcome.details, QStringList {u"%1:2: the end, 2.0, is before the start, 3.0"_s.arg(file)});
    QCOMPARE(changed.count(), 0);
    QCOMPARE(database.markers()->markers(m_cue), before);
}

QTEST_GUILESS_MAIN(tst_AudacityLabels)
#include "tst_audacitylabels.moc"
