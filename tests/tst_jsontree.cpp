#include "catalog/jsontree.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The error as CatalogReader reports it, without the file name. (QVERIFY2 builds its message
// when the check passes too, and then there is no error offset to place.)
QString errorText(const JsonTree &tree)
{
    if (tree.errorOffset() < 0)
        return u"no error"_s;
    const auto [line, column] = tree.lineAndColumn(tree.errorOffset());
    return u"%1:%2: %3: %4"_s.arg(line).arg(column).arg(tree.errorPath(), tree.errorMessage());
}

} // namespace

class tst_JsonTree : public QObject
{
    Q_OBJECT

private slots:
    void walksTheTree();
    void readsStrings_data();
    void readsStrings();
    void syntaxErrors_data();
    void syntaxErrors();
    void refusesInvalidUtf8_data();
    void refusesInvalidUtf8();
    void refusesDeepNesting_data();
    void refusesDeepNesting();
    void refusesMoreThanMaxBytes();
};

// Children, siblings and tokens, as CatalogValidator walks them.
void tst_JsonTree::walksTheTree()
{
    const QByteArray json = R"({"cues": [1, "two", true, false, null, {"b": -1.5e3}], "c": {}})";
    JsonTree tree;
    QVERIFY2(tree.parse(json), qPrintable(errorText(tree)));
    QCOMPARE(tree.node(0).type(), JsonTree::Object);
    QCOMPARE(tree.childCount(0), quint32(2));

    quint32 key = JsonTree::firstChild(0);
    QVERIFY(tree.stringEquals(key, "cues"_L1));
    QVERIFY(!tree.stringEquals(key, "cue"_L1));
    const quint32 cues = tree.next(key);
    QCOMPARE(tree.node(cues).type(), JsonTree::Array);
    QCOMPARE(tree.childCount(cues), quint32(6));
    QList<JsonTree::Type> types;
    quint32 last = 0;
    for (quint32 element = JsonTree::firstChild(cues); element < tree.next(cues);
         element = tree.next(element)) {
        types.append(tree.node(element).type());
        last = element;
    }
    QCOMPARE(types,
        (QList<JsonTree::Type> {JsonTree::Number, JsonTree::String, JsonTree::True, JsonTree::False,
            JsonTree::Null, JsonTree::Object}));
    QCOMPARE(tree.numberToken(JsonTree::firstChild(cues)), QByteArrayView("1"));
    QCOMPARE(tree.string(JsonTree::firstChild(cues) + 1), u"two"_s);
    const quint32 number = tree.next(JsonTree::firstChild(last));
    QCOMPARE(tree.numberToken(number), QByteArrayView("-1.5e3"));
    // Offsets point at where each value starts.
    QCOMPARE(tree.node(cues).offset(), quint32(json.indexOf('[')));

    key = tree.next(cues);
    QCOMPARE(tree.asciiString(key), "c"_L1);
    QCOMPARE(tree.node(tree.next(key)).type(), JsonTree::Object);
    QCOMPARE(tree.childCount(tree.next(key)), quint32(0));
    QCOMPARE(tree.next(tree.next(key)), tree.next(0));

    // Lines count from 1, columns in characters.
    const QByteArray lines = "{\n\"é☕\": [\n  1]}";
    QVERIFY(tree.parse(lines));
    QCOMPARE(tree.lineAndColumn(lines.indexOf('[')), (std::pair<qsizetype, qsizetype>(2, 7)));
    QCOMPARE(tree.lineAndColumn(lines.indexOf('1')), (std::pair<qsizetype, qsizetype>(3, 3)));
    // An offset outside the text is clamped to it: a missing offset is -1.
    QCOMPARE(tree.lineAndColumn(-1), (std::pair<qsizetype, qsizetype>(1, 1)));
    QCOMPARE(tree.lineAndColumn(lines.size() + 10), (std::pair<qsizetype, qsizetype>(3, 6)));
}

void tst_JsonTree::readsStrings_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("text");
    QTest::newRow("ASCII") << QByteArray(R"("Main Title")") << u"Main Title"_s;
    QTest::newRow("UTF-8") << QByteArray(R"("Café ☕ 𝄞")") << u"Café ☕ 𝄞"_s;
    QTest::newRow("short escapes") << QByteArray(R"("\"\\\/\b\f\n\r\t")") << u"\"\\/\b\f\n\r\t"_s;
    QTest::newRow("unicode escapes")
        << QByteArray(R"("\u0043af\u00E9 \u2615 \ud834\udd1e")") << u"Café ☕ 𝄞"_s;
    QTest::newRow("escapes between UTF-8") << QByteArray(R"("é\né")") << u"é\né"_s;
    QTest::newRow("NUL escaped") << QByteArray(R"("a\u0000b")")
                                 << QStringView(u"a\0b", 3).toString();
    // QString::fromUtf8() would drop these: inside a string they are text.
    QTest::newRow("U+FEFF first") << QByteArray("\"\xEF\xBB\xBFHi\"") << u"\uFEFFHi"_s;
    QTest::newRow("U+FEFF after an escape")
        << QByteArray("\"\\n\xEF\xBB\xBFHi\"") << u"\n\uFEFFHi"_s;
    QTest::newRow("U+FEFF escaped") << QByteArray(R"("\uFEFFHi")") << u"\uFEFFHi"_s;
}

void tst_JsonTree::readsStrings()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, text);
    JsonTree tree;
    QVERIFY2(tree.parse(token), qPrintable(errorText(tree)));
    QCOMPARE(tree.node(0).type(), JsonTree::String);
    QCOMPARE(tree.string(0), text);
    // The fast path holds the plain ASCII strings, as they are, and only those.
    const bool plain = !token.contains('\\')
        && std::all_of(token.begin(), token.end(), [](char c) { return uchar(c) < 0x80; });
    QCOMPARE(tree.asciiString(0).isNull(), !plain);
    if (plain)
        QCOMPARE(QString(tree.asciiString(0)), text);
}

void tst_JsonTree::syntaxErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    const QByteArray head
        = R"({"format": "cuebook-catalog", "version": 1, "id": "x", "title": "X")";
    auto row = [&](const char *name, const QByteArray &json, const QString &expected) {
        QTest::newRow(name) << json << expected;
    };
    row("missing comma in a track",
        "{\n"
        "  \"releases\": [ {\n"
        "    \"id\": \"album\",\n"
        "    \"tracks\": [\n"
        "      { \"number\": 1, \"title\": \"One\" },\n"
        "      { \"number\": 2, \"title\": \"Two\" },\n"
        "      { \"number\": 3, \"title\": \"Three\" \"duration\": \"1:00\" }\n"
        "    ]\n"
        "  } ]\n"
        "}\n",
        u"7:39: releases[0].tracks[2]: expected \",\" or \"}\", found a string"_s);
    row("missing comma between tracks", "{\"releases\": [{\"tracks\": [{}\n {}]}]}",
        u"2:2: releases[0].tracks: expected \",\" or \"]\", found \"{\""_s);
    row("missing colon", R"({"format" "cuebook-catalog"})",
        u"1:11: format: expected \":\" after the key, found a string"_s);
    row("key without quotes", "{format: 1}",
        u"1:2: (document): expected a key in double quotes, found \"format\""_s);
    row("single quotes", "{'format': 1}",
        u"1:2: (document): expected a key in double quotes, found \"'\""_s);
    row("trailing comma in an object", head + ",\n}",
        u"1:68: (document): a comma before \"}\" is not allowed"_s);
    row("trailing comma in an array", head + R"(, "releases": [{}, ])",
        u"1:85: releases: a comma before \"]\" is not allowed"_s);
    row("missing value", head + R"(, "releases": })",
        u"1:82: releases: expected a value, found \"}\""_s);
    row("bad literal", head + R"(, "complete": tru})",
        u"1:82: complete: expected a value, found \"tru\""_s);
    row("capitalised literal", head + R"(, "complete": True})",
        u"1:82: complete: expected a value, found \"True\""_s);
    row("NaN", head + R"(, "n": NaN})", u"1:75: n: expected a value, found \"NaN\""_s);
    row("leading zero", head + R"(, "n": 01})", u"1:75: n: \"01\" is not a valid number"_s);
    row("trailing dot", head + R"(, "n": 1.})", u"1:75: n: \"1.\" is not a valid number"_s);
    row("leading dot", head + R"(, "n": .5})", u"1:75: n: expected a value, found \".\""_s);
    row("plus sign", head + R"(, "n": +1})", u"1:75: n: expected a value, found \"+\""_s);
    row("lone minus", head + R"(, "n": -})", u"1:75: n: \"-\" is not a valid number"_s);
    row("hex number", head + R"(, "n": 0x1F})", u"1:75: n: \"0x1F\" is not a valid number"_s);
    row("empty exponent", head + R"(, "n": 1e})", u"1:75: n: \"1e\" is not a valid number"_s);
    row("number and letters", head + R"(, "n": 12abc})",
        u"1:75: n: \"12abc\" is not a valid number"_s);
    row("unterminated string", head + R"(, "n": "abc)", u"1:75: n: unterminated string"_s);
    row("unterminated key", head + R"(, "n)", u"1:70: (document): unterminated string"_s);
    row("line break in a string", head + ",\n\"n\": \"abc\ndef\"}",
        u"2:6: n: unterminated string (a line break in a string is written \\n)"_s);
    row("tab in a string", head + ", \"n\": \"a\tb\"}",
        u"1:77: n: control character U+0009 in a string (write it as \\u0009)"_s);
    row("bad escape", head + R"(, "n": "a\qb"})", u"1:77: n: invalid escape \"\\q\""_s);
    row("escaped control character", head + ", \"n\": \"a\\\tb\"}",
        u"1:77: n: invalid escape (a backslash before a control character)"_s);
    row("short unicode escape", head + R"(, "n": "\u12"})",
        u"1:76: n: invalid escape \"\\u12\" (expected \\u and four hex digits)"_s);
    row("bad unicode escape", head + R"(, "n": "\u12G4"})",
        u"1:76: n: invalid escape \"\\u12G4\" (expected \\u and four hex digits)"_s);
    row("lone high surrogate", head + R"(, "n": "\ud834x"})",
        u"1:76: n: invalid escape \"\\ud834\" (an unpaired surrogate)"_s);
    row("lone low surrogate", head + R"(, "n": "\udd1e"})",
        u"1:76: n: invalid escape \"\\udd1e\" (an unpaired surrogate)"_s);
    row("escape in a key", head + R"(, "a\x": 1})", u"1:72: (document): invalid escape \"\\x\""_s);
    row("comment", head + ", // note\n}",
        u"1:70: (document): expected a key in double quotes, found \"/\""_s);
    row("text after the document", head + "} x",
        u"1:70: (document): expected the end of the file, found \"x\""_s);
    row("second document", head + "}{}",
        u"1:69: (document): expected the end of the file, found \"{\""_s);
    row("end of file in an object", head,
        u"1:68: (document): expected \",\" or \"}\", found the end of the file"_s);
    row("end of file after a colon", head + R"(, "releases":)",
        u"1:81: releases: expected a value, found the end of the file"_s);
    row("end of file in an array", head + R"(, "releases": [{"id": "a"})",
        u"1:94: releases: expected \",\" or \"]\", found the end of the file"_s);
    row("NUL byte", head + QByteArray(", \0}", 4),
        u"1:70: (document): expected a key in double quotes, found a control character (U+0000)"_s);
    row("columns count characters", "{\"title\": \"Café ☕ 𝄞\" \"x\": 1}",
        u"1:22: (document): expected \",\" or \"}\", found a string"_s);
    row("unicode out of place", head + ", é}",
        u"1:70: (document): expected a key in double quotes, found \"é\""_s);
    row("odd keys in the path", R"({"releases": [{"my key": [1, 2 3]}]})",
        u"1:32: releases[0][\"my key\"]: expected \",\" or \"]\", found a number"_s);
}

void tst_JsonTree::syntaxErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    JsonTree tree;
    QVERIFY(!tree.parse(json));
    QCOMPARE(errorText(tree), expected);
}

void tst_JsonTree::refusesInvalidUtf8_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    const QByteArray head = "{\"format\": \"cuebook-catalog\", \"version\": 1,\n\"title\": \"Caf";
    QTest::newRow("Latin-1 byte") << head + "\xE9\"}"
                                  << u"2:14: title: invalid UTF-8 (byte 0xe9)"_s;
    QTest::newRow("stray continuation byte")
        << head + "\x80\"}" << u"2:14: title: invalid UTF-8 (byte 0x80)"_s;
    QTest::newRow("0xff") << head + "\xFF\"}" << u"2:14: title: invalid UTF-8 (byte 0xff)"_s;
    QTest::newRow("overlong slash")
        << head + "\xC0\xAF\"}" << u"2:14: title: invalid UTF-8 (byte 0xc0)"_s;
    QTest::newRow("overlong three bytes")
        << head + "\xE0\x80\xAF\"}" << u"2:14: title: invalid UTF-8 (byte 0xe0)"_s;
    QTest::newRow("surrogate") << head + "\xED\xA0\x80\"}"
                               << u"2:14: title: invalid UTF-8 (byte 0xed)"_s;
    QTest::newRow("past U+10FFFF")
        << head + "\xF4\x90\x80\x80\"}" << u"2:14: title: invalid UTF-8 (byte 0xf4)"_s;
    QTest::newRow("missing continuation")
        << head + "\xC3(\"}" << u"2:14: title: invalid UTF-8 (byte 0xc3)"_s;
    QTest::newRow("cut at the end of the file")
        << head + "\xE2\x98" << u"2:14: title: invalid UTF-8 (byte 0xe2)"_s;
    QTest::newRow("after valid characters")
        << head + "é ☕ 𝄞 \xFE\"}" << u"2:20: title: invalid UTF-8 (byte 0xfe)"_s;
    QTest::newRow("in a key") << QByteArray("{\"ti\xE9tle\": 1}")
                              << u"1:5: (document): invalid UTF-8 (byte 0xe9)"_s;
    QTest::newRow("outside strings")
        << QByteArray("{\"title\": 1,\n \xE9}") << u"2:2: (document): invalid UTF-8 (byte 0xe9)"_s;
    QTest::newRow("after the document")
        << QByteArray("{}\xE9") << u"1:3: (document): invalid UTF-8 (byte 0xe9)"_s;
}

void tst_JsonTree::refusesInvalidUtf8()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    JsonTree tree;
    QVERIFY(!tree.parse(json));
    QCOMPARE(errorText(tree), expected);
}

void tst_JsonTree::refusesDeepNesting_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    constexpr int Levels = 200'000;
    const QString deepPath = u"[0][0][0][0][0][0][0][0]…[0][0][0][0][0][0][0][0]"_s;
    QTest::newRow("arrays") << QByteArray(Levels, '[') << u"1:1025: "_s + deepPath;
    QTest::newRow("arrays, closed")
        << QByteArray(Levels, '[') + QByteArray(Levels, ']') << u"1:1025: "_s + deepPath;
    QByteArray objects;
    for (int i = 0; i < Levels; ++i)
        objects += "{\"a\":";
    QTest::newRow("objects") << objects << u"1:5121: a.a.a.a.a.a.a.a….a.a.a.a.a.a.a.a"_s;
    QTest::newRow("in a key, on a later line")
        << "{\n    \"id\": \"test\"\n, \"x\": " + QByteArray(Levels, '[')
        << u"3:1031: x[0][0][0][0][0][0][0]…[0][0][0][0][0][0][0][0]"_s;
}

void tst_JsonTree::refusesDeepNesting()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    JsonTree tree;
    QVERIFY(!tree.parse(json));
    QCOMPARE(errorText(tree), expected + u": too deeply nested (more than 1024 levels)"_s);
}

void tst_JsonTree::refusesMoreThanMaxBytes()
{
    QByteArray json(JsonTree::MaxBytes + 1, ' ');
    json[0] = '1';
    JsonTree tree;
    QVERIFY(!tree.parse(json));
    QCOMPARE(errorText(tree), u"1:1: (document): the file is too large"_s);
    json.chop(1);
    QVERIFY2(tree.parse(json), qPrintable(errorText(tree)));
    QCOMPARE(tree.numberToken(0), QByteArrayView("1"));
}

QTEST_GUILESS_MAIN(tst_JsonTree)
#include "tst_jsontree.moc"
