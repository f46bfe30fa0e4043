#include "exchange/notesjson.h"
#include "exchange/notesjsonreader.h"
#include "exchangefixtures.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ExchangeFixtures;

// The JSON backup of notes and markers (resources/userdata/notes-format.md): what the writer
// writes the reader reads back unchanged, and every kind of bad file is refused with where and
// why.
class tst_NotesJson : public QObject
{
    Q_OBJECT

private slots:
    void writesTheDocumentedLayout();
    void roundTrip();
    void emptyBackup();
    void documentExampleReads();
    void faults_data();
    void faults();
    void eachCueAndMarkerOnce();
    void everyFaultIsListed();
    void newerVersionIsRefusedAlone();
    void syntaxErrorHasLineAndColumn();
    void unknownKeysAreWarnings();
    void fileFaults();
};

namespace {

const NotesJson::Header Header {Then + 60'000, u"0.1.0"_s};

// A valid file with one cue and one marker, to break one thing at a time.
const QString Valid = uR"({
  "format": "cuebook-notes",
  "version": 1,
  "exportedAt": "2025-03-01T09:31:00.000Z",
  "appVersion": "0.1.0",
  "cues": [
    {
      "catalog": "star-trek-picard",
      "cue": "main-title",
      "note": {"text": "Horns.", "updatedAt": "2025-03-01T09:30:00.500Z"},
      "markers": [
        {"id": "a1", "start": "0:12", "end": "0:13.5", "label": "fanfare",
         "createdAt": "2025-03-01T09:30:01.000Z", "updatedAt": "2025-03-01T09:30:02.250Z"}
      ]
    }
  ]
}
)"_s;

} // namespace

void tst_NotesJson::writesTheDocumentedLayout()
{
    const QString text = QString::fromUtf8(NotesJson::write(cues().mid(0, 1), Header));
    QCOMPARE(text, uR"({
  "format": "cuebook-notes",
  "version": 1,
  "exportedAt": "2025-03-01T09:31:00.000Z",
  "appVersion": "0.1.0",
  "cues": [
    {
      "catalog": "star-trek-picard",
      "cue": "main-title",
      "catalogTitle": "Star Trek: Picard",
      "cueTitle": "Star Trek Picard Main Title",
      "note": {
        "text": "The March enters *twice*.\n\n- once in the strings\n- once in the \"horns\"\\",
        "updatedAt": "2025-03-01T09:30:00.500Z"
      },
      "markers": [
        {"id": "a1", "start": "0:12", "label": "fanfare", "kind": "quotation", "createdAt": "2025-03-01T09:30:01.000Z", "updatedAt": "2025-03-01T09:30:02.250Z"},
        {"id": "a2", "start": "1:12.347", "end": "1:20.500", "label": "the March in the horns", "theme": "star-trek-march", "kind": "statement", "createdAt": "2025-03-01T09:30:01.000Z", "updatedAt": "2025-03-01T09:30:02.250Z"}
      ]
    }
  ]
}
)"_s);
}

void tst_NotesJson::roundTrip()
{
    const QByteArray written = NotesJson::write(cues(), Header);
    NotesJsonReader reader;
    QVERIFY2(reader.readData(written, u"backup.json"_s), qPrintable(reader.errors().join(u'\n')));
    QCOMPARE(reader.warnings(), QStringList());
    QCOMPARE(reader.header().exportedAtMs, Header.exportedAtMs);
    QCOMPARE(reader.header().appVersion, Header.appVersion);
    // Everything, to the millisecond: the tab in a label, an hour-long time, the quotes.
    QCOMPARE(reader.cues(), cues());
}

void tst_NotesJson::emptyBackup()
{
    const QByteArray written = NotesJson::write({}, Header);
    QVERIFY(written.contains("\"cues\": []"));
    NotesJsonReader reader;
    QVERIFY2(reader.readData(written, u"empty.json"_s), qPrintable(reader.errors().join(u'\n')));
    QVERIFY(reader.cues().isEmpty());
}

// The example of resources/userdata/notes-format.md is a file Cuebook imports.
void tst_NotesJson::documentExampleReads()
{
    QFile document(QFINDTESTDATA("../resources/userdata/notes-format.md"));
    QVERIFY(document.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(document.readAll());
    const qsizetype start = text.indexOf(u"```json\n"_s);
    const qsizetype end = text.indexOf(u"```"_s, start + 8);
    QVERIFY(start >= 0 && end > start);
    NotesJsonReader reader;
    QVERIFY2(reader.readData(text.mid(start + 8, end - start - 8).toUtf8(), u"example"_s),
        qPrintable(reader.errors().join(u'\n')));
    QCOMPARE(reader.cues().size(), 1);
    QCOMPARE(reader.cues().first().markers.first().endMs, 80'500);
}

void tst_NotesJson::faults_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not notes")
        << uR"("cuebook-notes")"_s << uR"("cuebook-catalog")"_s
        << uR"(backup.json:2:13: format: "cuebook-catalog" is not "cuebook-notes" (this is not a Cuebook notes file))"_s;
    QTest::newRow("no version") << uR"("version": 1,)"_s << QString()
                                << u"backup.json:1:1: version: required"_s;
    QTest::newRow("version zero") << uR"("version": 1)"_s << uR"("version": 0)"_s
                                  << u"backup.json:3:14: version: 0 is not a version of the format "
                                     "(expected 1)"_s;
    QTest::newRow("time of day")
        << u"2025-03-01T09:31:00.000Z"_s << u"2025-03-01 09:31"_s
        << uR"(backup.json:4:17: exportedAt: "2025-03-01 09:31" is not a time of day (expected UTC, such as "2025-03-01T09:30:00.000Z"))"_s;
    QTest::newRow("no such day")
        << u"2025-03-01T09:31:00.000Z"_s << u"2025-02-30T09:31:00Z"_s
        << uR"(backup.json:4:17: exportedAt: "2025-02-30T09:31:00Z" is not a time of day (expected UTC, such as "2025-03-01T09:30:00.000Z"))"_s;
    QTest::newRow("catalog id")
        << uR"("catalog": "star-trek-picard")"_s << uR"("catalog": "Star Trek")"_s
        << uR"(backup.json:8:18: cues[0].catalog: "Star Trek" is not an id (expected lower-case letters, digits and dashes))"_s;
    QTest::newRow("no cue") << uR"("cue": "main-title",)"_s << QString()
                            << u"backup.json:7:5: cues[0].cue: required"_s;
    QTest::newRow("empty note") << uR"("text": "Horns.")"_s << uR"("text": "")"_s
                                << u"backup.json:10:24: cues[0].note.text: required (found an "
                                   "empty string)"_s;
    QTest::newRow("start not a time")
        << uR"("start": "0:12")"_s << uR"("start": "0:1x")"_s
        << uR"(backup.json:12:31: cues[0].markers[0].start: "0:1x" is not a time (expected m:ss))"_s;
    QTest::newRow("start a number")
        << uR"("start": "0:12")"_s << uR"("start": 12)"_s
        << u"backup.json:12:31: cues[0].markers[0].start: expected a string, found a number"_s;
    QTest::newRow("end before start")
        << uR"("end": "0:13.5")"_s << uR"("end": "0:11")"_s
        << uR"(backup.json:12:46: cues[0].markers[0].end: "0:11" is before the start, "0:12")"_s;
    QTest::newRow("no label") << uR"("label": "fanfare",)"_s << QString()
                              << u"backup.json:12:9: cues[0].markers[0].label: required"_s;
    QTest::newRow("no id") << uR"("id": "a1", )"_s << QString()
                           << u"backup.json:12:9: cues[0].markers[0].id: required"_s;
    QTest::newRow("note not an object")
        << uR"({"text": "Horns.", "updatedAt": "2025-03-01T09:30:00.500Z"})"_s << uR"("Horns.")"_s
        << u"backup.json:10:15: cues[0].note: expected an object, found a string"_s;
}

// Each fault names the file, the line and column, the path and what is wrong; and nothing of the
// file is kept.
void tst_NotesJson::faults()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, expected);
    QString text = Valid;
    QVERIFY2(text.contains(from), qPrintable(from));
    text.replace(from, to);
    NotesJsonReader reader;
    QVERIFY(!reader.readData(text.toUtf8(), u"backup.json"_s));
    QVERIFY(reader.cues().isEmpty());
    QCOMPARE(reader.errors(), QStringList {expected});
}

void tst_NotesJson::eachCueAndMarkerOnce()
{
    const QByteArray written = NotesJson::write(cues(), Header);
    QList<CueUserData> twice = cues();
    twice[1].cue = twice[0].cue;
    for (Marker &marker : twice[1].markers)
        marker.cue = twice[0].cue;
    twice[2].markers = {twice[0].markers.first()};
    twice[2].markers.first().cue = twice[2].cue;
    NotesJsonReader reader;
    QVERIFY(!reader.readData(NotesJson::write(twice, Header), u"twice.json"_s));
    QCOMPARE(reader.errors().size(), 2);
    QVERIFY2(reader.errors().at(0).contains(
                 u": cues[1].cue: the cue star-trek-picard/main-title is listed twice (expected "
                 "each cue once)"_s),
        qPrintable(reader.errors().at(0)));
    QVERIFY2(reader.errors().at(1).contains(u": cues[2].markers[0].id: \"a1\" is the id of an "
                                            "earlier marker (expected each id once)"_s),
        qPrintable(reader.errors().at(1)));
}

void tst_NotesJson::everyFaultIsListed()
{
    const QByteArray text = R"({"format": "cuebook-notes", "version": 1, "appVersion": 3,
        "cues": [{"catalog": "a", "cue": "b", "markers": [{"id": "m", "start": "-0:01",
        "label": "x", "createdAt": "2025-03-01T09:30:00Z", "updatedAt": "2025-03-01T09:30:00Z"}]}]}
)";
    NotesJsonReader reader;
    QVERIFY(!reader.readData(text, u"bad.json"_s));
    QCOMPARE(reader.errors(),
        (QStringList {u"bad.json:1:1: exportedAt: required"_s,
            u"bad.json:1:57: appVersion: expected a string, found a number"_s,
            uR"(bad.json:2:80: cues[0].markers[0].start: "-0:01" is not a time (expected m:ss))"_s}));
}

void tst_NotesJson::newerVersionIsRefusedAlone()
{
    QString text = Valid;
    text.replace(uR"("version": 1)"_s, uR"("version": 2)"_s);
    // A later version may mean anything by its keys: no fault about them hides the one that
    // matters.
    text.replace(uR"("start": "0:12")"_s, uR"("start": 12)"_s);
    text.replace(uR"("cues": [)"_s, uR"("sessions": [], "cues": [)"_s);
    NotesJsonReader reader;
    QVERIFY(!reader.readData(text.toUtf8(), u"backup.json"_s));
    QCOMPARE(reader.errors(),
        QStringList {u"backup.json:3:14: version: the file is in version 2 of the format, written "
                     "by a newer Cuebook; this one reads version 1 (update Cuebook to import "
                     "it)"_s});
}

void tst_NotesJson::syntaxErrorHasLineAndColumn()
{
    QString text = Valid;
    text.replace(uR"("label": "fanfare",)"_s, uR"("label": "fanfare")"_s);
    NotesJsonReader reader;
    QVERIFY(!reader.readData(text.toUtf8(), u"backup.json"_s));
    QCOMPARE(reader.errors().size(), 1);
    QVERIFY2(reader.errors().first().startsWith(u"backup.json:13:10: cues[0].markers[0]: "_s),
        qPrintable(reader.errors().first()));
}

void tst_NotesJson::unknownKeysAreWarnings()
{
    QString text = Valid;
    text.replace(uR"("label": "fanfare",)"_s, uR"("label": "fanfare", "colour": "red",)"_s);
    NotesJsonReader reader;
    QVERIFY2(
        reader.readData(text.toUtf8(), u"backup.json"_s), qPrintable(reader.errors().join(u'\n')));
    QCOMPARE(reader.warnings(),
        QStringList {u"backup.json:12:76: cues[0].markers[0].colour: unknown key (ignored)"_s});
    QCOMPARE(reader.cues().first().markers.first().label, u"fanfare"_s);
}

void tst_NotesJson::fileFaults()
{
    NotesJsonReader reader;
    QVERIFY(!reader.read(u"/nonexistent/backup.json"_s));
    QCOMPARE(reader.errors().size(), 1);
    QVERIFY2(reader.errors().first().startsWith(u"/nonexistent/backup.json: the file cannot be "
                                                "opened"_s),
        qPrintable(reader.errors().first()));
    QVERIFY(!reader.read(QDir::tempPath()));
    QCOMPARE(reader.errors(),
        QStringList {QDir::tempPath() + u": the path is a folder, not a notes file"_s});
    QVERIFY(!reader.readData("\xff\xfe{}", u"utf16.json"_s));
    QVERIFY2(reader.errors().first().startsWith(u"utf16.json:1:1: "_s),
        qPrintable(reader.errors().first()));
}

QTEST_GUILESS_MAIN(tst_NotesJson)
#include "tst_notesjson.moc"
