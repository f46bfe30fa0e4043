#include "catalog/textfold.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_TextFold : public QObject
{
    Q_OBJECT

private slots:
    void fold_data();
    void fold();
    void matchesAcrossSpellings_data();
    void matchesAcrossSpellings();
};

void tst_TextFold::fold_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("folded");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("case") << u"Star Trek PICARD"_s << u"star trek picard"_s;
    QTest::newRow("digits and punctuation")
        << u"Romulans Arrive Pt.1"_s << u"romulans arrive pt.1"_s;

    QTest::newRow("acute") << u"Café"_s << u"cafe"_s;
    QTest::newRow("cedilla and grave") << u"Ça déjà"_s << u"ca deja"_s;
    QTest::newRow("diaeresis") << u"Zoë Brontë"_s << u"zoe bronte"_s;
    QTest::newRow("capital with accent") << u"ÉCOLE"_s << u"ecole"_s;
    QTest::newRow("stacked marks") << u"ǖ"_s << u"u"_s;
    QTest::newRow("already decomposed") << u"Thème"_s << u"theme"_s;
    QTest::newRow("greek tonos") << u"Άλφα"_s << u"αλφα"_s;
    QTest::newRow("dotted capital I") << u"İstanbul"_s << u"istanbul"_s;
    QTest::newRow("dotless i") << u"ılık"_s << u"ilik"_s;

    QTest::newRow("o slash") << u"Øresund søn"_s << u"oresund son"_s;
    QTest::newRow("ae") << u"Æther æsir"_s << u"aether aesir"_s;
    QTest::newRow("oe") << u"Œuvre"_s << u"oeuvre"_s;
    QTest::newRow("sharp s") << u"Straße"_s << u"strasse"_s;
    QTest::newRow("capital sharp s") << u"STRAẞE"_s << u"strasse"_s;
    QTest::newRow("l stroke") << u"Łódź"_s << u"lodz"_s;
    QTest::newRow("d stroke and eth") << u"Đorđe Ðan"_s << u"dorde dan"_s;
    QTest::newRow("thorn") << u"Þór"_s << u"thor"_s;
    QTest::newRow("ligature") << u"ﬁnal"_s << u"final"_s;
    QTest::newRow("full width") << u"ＡＢＣ"_s << u"abc"_s;

    QTest::newRow("straight apostrophe") << u"Dahj's"_s << u"dahjs"_s;
    QTest::newRow("right single quote") << u"Dahj’s Last Fight"_s << u"dahjs last fight"_s;
    QTest::newRow("left single quote") << u"‘Dahj"_s << u"dahj"_s;
    QTest::newRow("modifier apostrophe") << u"Dahjʼs"_s << u"dahjs"_s;
    QTest::newRow("backtick") << u"Dahj`s"_s << u"dahjs"_s;
    QTest::newRow("acute accent as apostrophe") << u"Dahj´s"_s << u"dahjs"_s;

    QTest::newRow("hyphen") << u"Season‐1"_s << u"season-1"_s;
    QTest::newRow("non-breaking hyphen") << u"Season‑1"_s << u"season-1"_s;
    QTest::newRow("figure dash") << u"2:00‒3:00"_s << u"2:00-3:00"_s;
    QTest::newRow("en dash") << u"Picard – Season 1"_s << u"picard - season 1"_s;
    QTest::newRow("em dash") << u"Picard—Season"_s << u"picard-season"_s;
    QTest::newRow("horizontal bar") << u"a―b"_s << u"a-b"_s;
    QTest::newRow("minus sign") << u"−3"_s << u"-3"_s;

    QTest::newRow("straight quotes")
        << u"Page (From \"Children Of Mars\")"_s << u"page (from children of mars)"_s;
    QTest::newRow("curly quotes") << u"Page (From Short Treks “Children Of Mars”)"_s
                                  << u"page (from short treks children of mars)"_s;
    QTest::newRow("guillemets") << u"« Thème »"_s << u"theme"_s;

    QTest::newRow("runs of spaces") << u"Blue   Skies"_s << u"blue skies"_s;
    QTest::newRow("tabs and newlines") << u"Blue\t\nSkies"_s << u"blue skies"_s;
    QTest::newRow("no-break space") << u"Blue\u00A0Skies"_s << u"blue skies"_s;
    QTest::newRow("ideographic space") << u"Blue\u3000Skies"_s << u"blue skies"_s;
    QTest::newRow("trimmed") << u"  Blue Skies \n"_s << u"blue skies"_s;
    QTest::newRow("space left by a dropped quote") << u"a \" b"_s << u"a b"_s;
    QTest::newRow("only punctuation dropped") << u" ’ “ ” "_s << QString();
    QTest::newRow("soft hyphen and zero-width space dropped")
        << u"Pi\u00ADcard\u200B"_s << u"picard"_s;

    QTest::newRow("kana keep their voicing marks") << u"ピカード"_s << u"ピカード"_s;
    QTest::newRow("hangul kept whole") << u"피카드"_s << u"피카드"_s;
    QTest::newRow("outside the BMP") << u"𝄞 Clef"_s << u"𝄞 clef"_s;
}

void tst_TextFold::fold()
{
    QFETCH(QString, text);
    QFETCH(QString, folded);
    QCOMPARE(TextFold::fold(text), folded);
    // Folding is idempotent: a folded query folds to itself.
    QCOMPARE(TextFold::fold(folded), folded);
}

void tst_TextFold::matchesAcrossSpellings_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("title");

    QTest::newRow("dahjs") << u"dahjs"_s << u"Dahj’s Last Fight"_s;
    QTest::newRow("straight vs curly") << u"Dahj's last"_s << u"Dahj’s Last Fight"_s;
    QTest::newRow("RAFI") << u"RAFI"_s << u"Rafi Decides To Join"_s;
    QTest::newRow("accent typed, none in title") << u"rómulan"_s << u"Romulan Collusion"_s;
    QTest::newRow("no accent typed") << u"theme romulien"_s << u"Thème romulien"_s;
    QTest::newRow("hyphen vs en dash") << u"picard - season"_s << u"Star Trek: Picard – Season 1"_s;
}

void tst_TextFold::matchesAcrossSpellings()
{
    QFETCH(QString, typed);
    QFETCH(QString, title);
    QVERIFY2(TextFold::fold(title).contains(TextFold::fold(typed)),
        qPrintable(TextFold::fold(title) + u" / "_s + TextFold::fold(typed)));
}

QTEST_GUILESS_MAIN(tst_TextFold)
#include "tst_textfold.moc"
