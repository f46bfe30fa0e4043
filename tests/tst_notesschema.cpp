#include "exchange/notesjson.h"
#include "exchange/notesjsonreader.h"
#include "exchangefixtures.h"
#include "testfiles.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ExchangeFixtures;

// resources/userdata/notes.schema.json, checked with Debian's python3-jsonschema (as
// tst_catalogschema checks the catalog's): what Cuebook writes passes it, the format text's
// example passes it, and files the reader refuses for their shape fail it too, so that an editor
// using the schema agrees with the reader. A machine without python3-jsonschema fails this test
// rather than skipping it: .ci/setup installs the package.
class tst_NotesSchema : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportsAreValid();
    void documentExampleIsValid();
    void schemaAndReaderAgree_data();
    void schemaAndReaderAgree();

private:
    // "valid", "invalid: PATH: MESSAGE" or "unreadable: REASON".
    QString verdict(const QString &file);

    QTemporaryDir m_dir;
    QString m_schema;
    QString m_script;
};

void tst_NotesSchema::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_schema = QFINDTESTDATA("../resources/userdata/notes.schema.json");
    m_script = QFINDTESTDATA("support/schemacheck.py");
    QVERIFY(!m_schema.isEmpty());
    QVERIFY(!m_script.isEmpty());
    QVERIFY2(QFileInfo(QStringLiteral(CUEBOOK_PYTHON3)).isExecutable(),
        CUEBOOK_PYTHON3 " is missing: install python3 and python3-jsonschema (.ci/setup does)");
    const int status = QProcess::execute(QStringLiteral(CUEBOOK_PYTHON3),
        {u"-c"_s, u"import jsonschema; jsonschema.Draft202012Validator"_s});
    QVERIFY2(status == 0,
        "python3-jsonschema 4 or later is missing for " CUEBOOK_PYTHON3
        ": install python3-jsonschema (.ci/setup does)");
}

QString tst_NotesSchema::verdict(const QString &file)
{
    QProcess python;
    python.start(QStringLiteral(CUEBOOK_PYTHON3), {m_script, m_schema, file});
    const bool finished = python.waitForFinished(60'000);
    const QString errors = QString::fromUtf8(python.readAllStandardError()).trimmed();
    if (!finished || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        qWarning("%s", qPrintable(errors.isEmpty() ? python.errorString() : errors));
        return {};
    }
    const QString line = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
    const qsizetype space = line.indexOf(u' ');
    if (space < 0 || !line.mid(space + 1).startsWith(file))
        return {};
    return line.left(space) + line.mid(space + 1 + file.size());
}

void tst_NotesSchema::exportsAreValid()
{
    const QString file = TestFiles::writeFile(
        m_dir.filePath(u"backup.json"_s), NotesJson::write(cues(), {Then, u"0.1.0"_s}));
    QCOMPARE(verdict(file), u"valid"_s);
    const QString empty = TestFiles::writeFile(
        m_dir.filePath(u"empty.json"_s), NotesJson::write({}, {Then, u"0.1.0"_s}));
    QCOMPARE(verdict(empty), u"valid"_s);
}

void tst_NotesSchema::documentExampleIsValid()
{
    QFile document(QFINDTESTDATA("../resources/userdata/notes-format.md"));
    QVERIFY(document.open(QIODevice::ReadOnly));
    const QByteArray text = document.readAll();
    const qsizetype start = text.indexOf("```json\n") + 8;
    const qsizetype end = text.indexOf("```", start);
    QVERIFY(start >= 8 && end > start);
    const QString file
        = TestFiles::writeFile(m_dir.filePath(u"example.json"_s), text.mid(start, end - start));
    QCOMPARE(verdict(file), u"valid"_s);
}

void tst_NotesSchema::schemaAndReaderAgree_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    // Where each points: a missing key is the reader's "KEY: required", the schema's object.
    QTest::addColumn<QString>("readerPath");
    QTest::addColumn<QString>("schemaPath");
    const auto row = [](const char *name, const QString &from, const QString &to,
                         const QString &readerPath, const QString &schemaPath = {}) {
        QTest::newRow(name) << from << to << readerPath
                            << (schemaPath.isEmpty() ? readerPath : schemaPath);
    };
    row("newer version", uR"("version": 1)"_s, uR"("version": 2)"_s, u"version"_s);
    row("another format", uR"("format": "cuebook-notes")"_s, uR"("format": "cuebook-catalog")"_s,
        u"format"_s);
    row("no export time", uR"("exportedAt": "2025-03-01T09:30:00.000Z",)"_s, QString(),
        u"exportedAt"_s, u"(document)"_s);
    row("time of day without offset", uR"("exportedAt": "2025-03-01T09:30:00.000Z")"_s,
        uR"("exportedAt": "2025-03-01T09:30:00")"_s, u"exportedAt"_s);
    row("catalog id", uR"("catalog": "star-trek-picard")"_s, uR"("catalog": "Star Trek")"_s,
        u"cues[0].catalog"_s);
    row("empty note", uR"("text": "A note on a catalog that is not open.")"_s, uR"("text": "")"_s,
        u"cues[2].note.text"_s);
    row("start a number", uR"("start": "0:12")"_s, uR"("start": 12)"_s,
        u"cues[0].markers[0].start"_s);
    row("start not a time", uR"("start": "0:12")"_s, uR"("start": "0:72")"_s,
        u"cues[0].markers[0].start"_s);
    row("no label", uR"("label": "fanfare",)"_s, QString(), u"cues[0].markers[0].label"_s,
        u"cues[0].markers[0]"_s);
}

// Each broken file is refused by both, at the same place.
void tst_NotesSchema::schemaAndReaderAgree()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, readerPath);
    QFETCH(QString, schemaPath);
    QString text = QString::fromUtf8(NotesJson::write(cues(), {Then, u"0.1.0"_s}));
    QVERIFY2(text.contains(from), qPrintable(from));
    text.replace(text.indexOf(from), from.size(), to);
    const QString file = TestFiles::writeFile(m_dir.filePath(u"broken.json"_s), text.toUtf8());
    NotesJsonReader reader;
    QVERIFY(!reader.read(file));
    QVERIFY2(reader.errors().first().contains(u": "_s + readerPath + u": "_s),
        qPrintable(reader.errors().first()));
    const QString result = verdict(file);
    QVERIFY2(result.startsWith(u"invalid: "_s + schemaPath + u": "_s), qPrintable(result));
}

QTEST_GUILESS_MAIN(tst_NotesSchema)
#include "tst_notesschema.moc"
