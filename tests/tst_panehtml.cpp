#include "anchorclick.h"
#include "panes/panehtml.h"
#include "testcatalogs.h"

#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;

class tst_PaneHtml : public QObject
{
    Q_OBJECT

private slots:
    void readableDate_data();
    void readableDate();
    void quotationText_data();
    void quotationText();
    void shortReleaseTitle();
    void userTextIsEscaped();
    void webLinkOnlyForTheWeb();
    void citation_data();
    void citation();
    void speakerIsEscaped();
    void inferenceMarks();
    void excerptLinksWhatItIsAbout();
    void playLinks();
    void actionsLine();

private:
    static QString plain(const QString &html);
};

QString tst_PaneHtml::plain(const QString &html)
{
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

void tst_PaneHtml::readableDate_data()
{
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("text");
    QTest::newRow("year") << u"2020"_s << u"2020"_s;
    QTest::newRow("month") << u"2020-03"_s << u"March 2020"_s;
    QTest::newRow("day") << u"2020-03-27"_s << u"27 March 2020"_s;
    QTest::newRow("first day") << u"2023-04-01"_s << u"1 April 2023"_s;
    QTest::newRow("no month 13") << u"2020-13"_s << u"2020-13"_s;
    QTest::newRow("no 30 February") << u"2020-02-30"_s << u"2020-02-30"_s;
    QTest::newRow("not a date") << u"spring"_s << u"spring"_s;
    QTest::newRow("empty") << QString() << QString();
}

void tst_PaneHtml::readableDate()
{
    QFETCH(QString, date);
    QFETCH(QString, text);
    QCOMPARE(PaneHtml::readableDate(date, QLocale(QLocale::English, QLocale::UnitedKingdom)), text);
}

void tst_PaneHtml::quotationText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("straight inner quotes") << u"a callback to the \"Inner Light\" flute."_s
                                           << u"a callback to the ‘Inner Light’ flute."_s;
    QTest::newRow("curly inner quotes") << u"the “March”"_s << u"the ‘March’"_s;
    QTest::newRow("apostrophe") << u"Picard's roots"_s << u"Picard’s roots"_s;
    QTest::newRow("single quotes")
        << u"titled 'Mystery Ship,' which"_s << u"titled ‘Mystery Ship,’ which"_s;
    QTest::newRow("plain") << u"no quotes at all"_s << u"no quotes at all"_s;
}

void tst_PaneHtml::quotationText()
{
    QFETCH(QString, text);
    QFETCH(QString, quoted);
    QCOMPARE(PaneHtml::quotationText(text), quoted);
}

void tst_PaneHtml::shortReleaseTitle()
{
    Catalog catalog;
    catalog.title = u"Star Trek: Picard"_s;
    catalog.releases.resize(2);
    catalog.releases[0].title
        = u"Star Trek: Picard – Season 1, Chapter 1 (Original Series Soundtrack)"_s;
    catalog.releases[1].title = u"Star Trek: Picard – Season 3 (Original Series Soundtrack)"_s;
    QCOMPARE(PaneHtml::shortReleaseTitle(catalog, catalog.releases[0]), u"Season 1, Chapter 1"_s);
    QCOMPARE(PaneHtml::shortReleaseTitle(catalog, catalog.releases[1]), u"Season 3"_s);

    // A parenthetical that tells releases apart stays.
    catalog.releases[1].title = u"Star Trek: Picard – Season 3 (Deluxe Edition)"_s;
    QCOMPARE(
        PaneHtml::shortReleaseTitle(catalog, catalog.releases[1]), u"Season 3 (Deluxe Edition)"_s);
    // Without a separator after it, the catalog's name is part of the title.
    catalog.title = u"Star Trek"_s;
    catalog.releases[0].title = u"Star Trek Beyond"_s;
    QCOMPARE(PaneHtml::shortReleaseTitle(catalog, catalog.releases[0]), u"Star Trek Beyond"_s);
    // Nothing left: the whole title.
    catalog.title = u"Picard"_s;
    catalog.releases[0].title = u"Picard"_s;
    QCOMPARE(PaneHtml::shortReleaseTitle(catalog, catalog.releases[0]), u"Picard"_s);
}

void tst_PaneHtml::userTextIsEscaped()
{
    const QString hostile = u"<img src=\"/etc/hosts\"> & <a href=\"https://x\">"_s;
    const QString html = PaneHtml::title(hostile) + PaneHtml::paragraph(hostile)
        + PaneHtml::link({Location::Theme, u"c"_s, u"t"_s, {}}, hostile)
        + PaneHtml::facts({{hostile, PaneHtml::escaped(hostile)}});
    QVERIFY(!html.contains(u"<img"_s));
    QTextDocument document;
    document.setHtml(html);
    QCOMPARE(document.toPlainText().count(hostile), 5);
    QCOMPARE(AnchorClick::anchors(&document).size(), 1);
}

void tst_PaneHtml::webLinkOnlyForTheWeb()
{
    QVERIFY(PaneHtml::webLink(u"https://example.org/a?b=1&c=2"_s, u"A"_s)
                .contains(u"href=\"https://example.org/a?b=1&amp;c=2\""_s));
    QVERIFY(PaneHtml::webLink(u"http://example.org"_s, u"A"_s).contains(u"<a "_s));
    for (const QString &url : {u"file:///etc/hosts"_s, u"javascript:alert(1)"_s,
             u"cuebook:theme/a/b"_s, u"ftp://example.org"_s, QString()}) {
        QCOMPARE(PaneHtml::webLink(url, u"A <b>"_s), u"A &lt;b&gt;"_s);
    }
}

void tst_PaneHtml::citation_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("author");
    QTest::addColumn<QString>("publication");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("speaker");
    QTest::addColumn<QString>("text");
    const int interview = Source::Interview;
    const int article = Source::Article;
    QTest::newRow("everything") << interview << u"Randall D. Larson"_s << u"Soundtrax"_s
                                << u"2020-03-27"_s << u"Jeff Russo: Scoring"_s << QString()
                                << u"— Randall D. Larson, Soundtrax, 27 March 2020\n"
                                   "Interview · “Jeff Russo: Scoring”"_s;
    QTest::newRow("publication and month") << interview << QString() << u"ComicBook"_s
                                           << u"2020-02"_s << u"Releases This Week"_s << QString()
                                           << u"— ComicBook, February 2020\n"
                                              "Interview · “Releases This Week”"_s;
    QTest::newRow("author only") << interview << u"Noah Marconi"_s << QString() << QString()
                                 << u"Review"_s << QString()
                                 << u"— Noah Marconi\nInterview · “Review”"_s;
    QTest::newRow("title only") << interview << QString() << QString() << QString()
                                << u"[A premiere]"_s << QString() << u"— [A premiere]\nInterview"_s;
    // The words are the speaker's; the source is where they appeared.
    QTest::newRow("speaker in an interview")
        << interview << u"Randall D. Larson"_s << u"Soundtrax"_s << u"2020-03-27"_s
        << u"Jeff Russo: Scoring"_s << u"Jeff Russo"_s
        << u"— Jeff Russo, interviewed by Randall D. Larson, Soundtrax, 27 March 2020\n"
           "Interview · “Jeff Russo: Scoring”"_s;
    QTest::newRow("speaker quoted in a publication")
        << article << QString() << u"Collider"_s << u"2023-04-13"_s << u"[A premiere]"_s
        << u"Terry Matalas"_s
        << u"— Terry Matalas, quoted in Collider, 13 April 2023\nArticle · [A premiere]"_s;
    QTest::newRow("speaker quoted by an author")
        << int(Source::Review) << u"Noah Marconi"_s << QString() << QString() << u"Review"_s
        << u"Jeff Russo"_s << u"— Jeff Russo, quoted by Noah Marconi\nReview · “Review”"_s;
    QTest::newRow("speaker in an untitled interview")
        << interview << QString() << QString() << u"2020"_s << u"A Featurette"_s << u"Jeff Russo"_s
        << u"— Jeff Russo, interviewed in “A Featurette”, 2020\nInterview"_s;
}

void tst_PaneHtml::citation()
{
    QFETCH(int, kind);
    QFETCH(QString, author);
    QFETCH(QString, publication);
    QFETCH(QString, date);
    QFETCH(QString, title);
    QFETCH(QString, speaker);
    QFETCH(QString, text);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const Source source {u"s"_s, Source::Kind(kind), title, author, publication, date, {}};
    QCOMPARE(plain(PaneHtml::citation(source, speaker)), text);
    QLocale::setDefault(QLocale::c());
}

void tst_PaneHtml::speakerIsEscaped()
{
    const Source source {u"s"_s, Source::Interview, u"T"_s, u"A"_s, {}, {}, {}};
    const QString html = PaneHtml::citation(source, u"<b>Russo</b> & co"_s);
    QVERIFY(!html.contains(u"<b>Russo"_s));
    QCOMPARE(plain(html), u"— <b>Russo</b> & co, interviewed by A\nInterview · “T”"_s);
}

void tst_PaneHtml::inferenceMarks()
{
    QTextDocument document;
    document.setHtml(
        PaneHtml::inferredMark(u"The title names the scene & <b>not</b> the track."_s));
    QCOMPARE(document.toPlainText(), u"(inferred)"_s);
    QCOMPARE(document.begin().begin().fragment().charFormat().toolTip(),
        u"The title names the scene & <b>not</b> the track."_s);
    QVERIFY(document.begin().begin().fragment().charFormat().fontItalic());
    QCOMPARE(plain(PaneHtml::inferenceDetail(u"The title."_s)), u"Inferred: The title."_s);
    QCOMPARE(plain(PaneHtml::inferenceDetail(QString())),
        u"Inferred: no source states this outright."_s);
}

void tst_PaneHtml::excerptLinksWhatItIsAbout()
{
    Catalog catalog = TestCatalogs::picard();
    Excerpt excerpt;
    excerpt.id = u"e"_s;
    excerpt.sourceId = u"larson-soundtrax"_s;
    excerpt.text = u"The \"March\" at the end."_s;
    excerpt.themeIds = {u"star-trek-march"_s, u"picard"_s};
    excerpt.cueIds = {u"main-title"_s};
    excerpt.releaseIds = {u"season-1"_s};
    catalog.excerpts = {excerpt};
    catalog.buildIndex();

    const Location shown {Location::Theme, catalog.id, u"picard"_s, {}};
    QTextDocument document;
    document.setHtml(PaneHtml::excerptBlock(catalog, excerpt, shown));
    QVERIFY(document.toPlainText().contains(u"“The ‘March’ at the end.”\n— Randall D. Larson"_s));
    // The same words from the composer's mouth credit him, the interviewer after.
    Excerpt spoken = excerpt;
    spoken.speaker = u"Jeff Russo"_s;
    document.setHtml(PaneHtml::excerptBlock(catalog, spoken, shown));
    QVERIFY(document.toPlainText().contains(
        u"“The ‘March’ at the end.”\n— Jeff Russo, interviewed by Randall D. Larson, "_s));
    const QList<Location> expected {
        {Location::Theme, catalog.id, u"star-trek-march"_s, {}},
        {Location::Cue, catalog.id, u"main-title"_s, u"chapter-1"_s},
        {Location::Release, catalog.id, u"season-1"_s, {}},
    };
    QCOMPARE(AnchorClick::locations(&document), expected);
    QVERIFY(document.toPlainText().contains(u"About the theme Star Trek March; the cue "_s));
}

void tst_PaneHtml::playLinks()
{
    const Catalog catalog = TestCatalogs::picard();
    // No release given: the first one the cue stands on, as a cue link names it.
    const Location cue = PaneHtml::cueLocation(catalog, u"main-title"_s);
    QCOMPARE(cue, Location({Location::Cue, catalog.id, u"main-title"_s, u"chapter-1"_s}));
    QCOMPARE(
        PaneHtml::cueLocation(catalog, u"main-title"_s, u"season-1"_s).releaseId, u"season-1"_s);

    QTextDocument document;
    document.setHtml(PaneHtml::playFromLink(catalog, cue, 83'500));
    QCOMPARE(document.toPlainText(), u"▶ 1:23"_s);
    QList<AnchorClick::Anchor> anchors = AnchorClick::anchors(&document);
    QCOMPARE(anchors.size(), 1);
    QCOMPARE(PaneActionLink::fromUrl(QUrl(anchors.first().href)),
        PaneAction({PaneAction::Play, cue, 83'500, {}}));
    QCOMPARE(document.begin().begin().fragment().charFormat().toolTip(),
        u"Play “Star Trek Picard Main Title” from 1:23"_s);

    document.setHtml(PaneHtml::playCueLink(catalog, cue));
    QCOMPARE(document.toPlainText(), u"▶ Play cue"_s);
    anchors = AnchorClick::anchors(&document);
    QCOMPARE(anchors.size(), 1);
    QCOMPARE(PaneActionLink::fromUrl(QUrl(anchors.first().href)),
        PaneAction({PaneAction::Play, cue, 0, {}}));
    QCOMPARE(document.begin().begin().fragment().charFormat().toolTip(),
        u"Play “Star Trek Picard Main Title” from the start"_s);
}

void tst_PaneHtml::actionsLine()
{
    QCOMPARE(PaneHtml::actions({}), QString());
    QCOMPARE(plain(PaneHtml::actions({u"<a href=\"x:1\">One</a>"_s, u"Two"_s})), u"One · Two"_s);
}

QTEST_MAIN(tst_PaneHtml)
#include "tst_panehtml.moc"
