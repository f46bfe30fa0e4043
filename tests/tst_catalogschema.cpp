#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// resources/catalogs/catalog.schema.json, checked with Debian's python3-jsonschema (the
// interpreter is CUEBOOK_PYTHON3, /usr/bin/python3 unless configured otherwise): the bundled
// catalog and every valid fixture must pass it, and the invalid fixtures it can judge must fail
// it, so that an editor using the schema agrees with the reader. A machine without
// python3-jsonschema fails this test rather than skipping it: .ci/setup installs the package.
class tst_CatalogSchema : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void bundledCatalogIsValid();
    void validFixturesAreValid();
    void invalidFixturesAreRefused();
    void newFieldsFollowTheFormat_data();
    void newFieldsFollowTheFormat();

private:
    // "valid", "invalid: PATH: MESSAGE" or "unreadable: REASON" for each file, by path.
    QHash<QString, QString> verdicts(const QStringList &files);
    static QStringList fixtures(const QString &folder);

    QString m_schema;
    QString m_script;
};

void tst_CatalogSchema::initTestCase()
{
    m_schema = QFINDTESTDATA("../resources/catalogs/catalog.schema.json");
    m_script = QFINDTESTDATA("support/schemacheck.py");
    QVERIFY(!m_schema.isEmpty());
    QVERIFY(!m_script.isEmpty());
    QVERIFY2(QFileInfo(QStringLiteral(CUEBOOK_PYTHON3)).isExecutable(),
        CUEBOOK_PYTHON3 " is missing: install python3 and python3-jsonschema (.ci/setup does)");
    // Draft 2020-12 came with jsonschema 4.0; Debian 12 has 4.10.
    const int status = QProcess::execute(QStringLiteral(CUEBOOK_PYTHON3),
        {u"-c"_s, u"import jsonschema; jsonschema.Draft202012Validator"_s});
    QVERIFY2(status == 0,
        "python3-jsonschema 4 or later is missing for " CUEBOOK_PYTHON3
        ": install python3-jsonschema (.ci/setup does)");
}

QHash<QString, QString> tst_CatalogSchema::verdicts(const QStringList &files)
{
    QProcess python;
    python.start(QStringLiteral(CUEBOOK_PYTHON3), QStringList {m_script, m_schema} + files);
    const bool finished = python.waitForFinished(120'000);
    const QString errors = QString::fromUtf8(python.readAllStandardError()).trimmed();
    if (!finished || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        qWarning("%s", qPrintable(errors.isEmpty() ? python.errorString() : errors));
        return {};
    }
    QHash<QString, QString> result;
    for (const QString &line : QString::fromUtf8(python.readAllStandardOutput()).split(u'\n')) {
        for (const QString &file : files) {
            const qsizetype space = line.indexOf(u' ');
            if (space > 0 && line.mid(space + 1).startsWith(file)) {
                const QString rest = line.mid(space + 1 + file.size());
                result.insert(file, line.left(space) + rest);
            }
        }
    }
    return result;
}

QStringList tst_CatalogSchema::fixtures(const QString &folder)
{
    const QDir dir(QFINDTESTDATA(QString(u"data/catalogs/"_s + folder)));
    QStringList paths;
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}

void tst_CatalogSchema::bundledCatalogIsValid()
{
    const QString bundled = QFINDTESTDATA("../resources/catalogs/star-trek-picard/catalog.json");
    QVERIFY(!bundled.isEmpty());
    const QHash<QString, QString> result = verdicts({bundled});
    QCOMPARE(result.value(bundled), u"valid"_s);
}

void tst_CatalogSchema::validFixturesAreValid()
{
    const QStringList files = fixtures(u"valid"_s);
    QVERIFY(files.size() >= 3);
    const QHash<QString, QString> result = verdicts(files);
    for (const QString &file : files)
        QCOMPARE(result.value(file), u"valid"_s);
}

// Every fixture that is JSON breaks a rule the schema can state (a pattern, an enumeration, a
// type, a version); the ones that are not JSON are the parser's business.
void tst_CatalogSchema::invalidFixturesAreRefused()
{
    const QStringList files = fixtures(u"invalid"_s);
    const QHash<QString, QString> result = verdicts(files);
    QCOMPARE(result.size(), files.size());
    const QSet<QString> notJson {u"empty.json"_s, u"invalid-utf8.json"_s, u"syntax-error.json"_s};
    for (const QString &file : files) {
        const QString expected
            = notJson.contains(QFileInfo(file).fileName()) ? u"unreadable"_s : u"invalid"_s;
        QVERIFY2(result.value(file).startsWith(expected + u':'), qPrintable(file));
    }
}

void tst_CatalogSchema::newFieldsFollowTheFormat_data()
{
    QTest::addColumn<QString>("occurrenceFields");
    QTest::addColumn<QString>("excerptFields");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("sources, inferred, basis, speaker")
        << uR"("sources": ["a", "b"], "inferred": true, "basis": "The title.")"_s
        << uR"("speaker": "Jeff Russo")"_s << u"valid"_s;
    QTest::newRow("inferred without a basis")
        << uR"("inferred": true)"_s << QString() << u"valid"_s;
    QTest::newRow("source and sources")
        << uR"("source": "a", "sources": ["b"])"_s << QString() << u"invalid: occurrences[0]"_s;
    QTest::newRow("a source twice")
        << uR"("sources": ["a", "a"])"_s << QString() << u"invalid: occurrences[0].sources"_s;
    QTest::newRow("basis without inferred")
        << uR"("basis": "The title.")"_s << QString() << u"invalid: occurrences[0]"_s;
    QTest::newRow("basis with inferred false")
        << uR"("inferred": false, "basis": "The title.")"_s << QString()
        << u"invalid: occurrences[0].inferred"_s;
    QTest::newRow("blank basis") << uR"("inferred": true, "basis": " ")"_s << QString()
                                 << u"invalid: occurrences[0].basis"_s;
    QTest::newRow("inferred a string")
        << uR"("inferred": "yes")"_s << QString() << u"invalid: occurrences[0].inferred"_s;
    QTest::newRow("empty speaker")
        << QString() << uR"("speaker": "")"_s << u"invalid: excerpts[0].speaker"_s;
    QTest::newRow("speaker a list")
        << QString() << uR"("speaker": ["Jeff Russo"])"_s << u"invalid: excerpts[0].speaker"_s;
    QTest::newRow("unknown key") << uR"("speaker": "Jeff Russo")"_s << QString()
                                 << u"invalid: occurrences[0]"_s;
}

// The schema states the new fields' rules as the reader does
// (resources/catalogs/catalog-format.md).
void tst_CatalogSchema::newFieldsFollowTheFormat()
{
    QFETCH(QString, occurrenceFields);
    QFETCH(QString, excerptFields);
    QFETCH(QString, verdict);
    auto withFields
        = [](const QString &fields) { return fields.isEmpty() ? QString() : u", "_s + fields; };
    const QString json = uR"({"format": "cuebook-catalog", "version": 1, "id": "t", "title": "T",
        "sources": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
        "themes": [{"id": "march", "name": "March"}], "cues": [{"id": "reunion", "title": "R"}],
        "occurrences": [{"theme": "march", "cue": "reunion"%1}],
        "excerpts": [{"id": "e", "source": "a", "text": "Words."%2}]})"_s.arg(
        withFields(occurrenceFields), withFields(excerptFields));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"catalog.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(json.toUtf8()) > 0);
    file.close();
    const QString result = verdicts({path}).value(path);
    QVERIFY2(result == verdict || result.startsWith(verdict + u':'), qPrintable(result));
}

QTEST_GUILESS_MAIN(tst_CatalogSchema)
#include "tst_catalogschema.moc"
