#include "catalog/catalogreader.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

// The Star Trek: Picard catalog as it ships, read from the app's resources: the facts the
// issue lists, checked one by one.
class tst_BundledCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsWithoutWarnings();
    void chapterOneAlbum();
    void fullSeasonAlbumSharesTheChapterOneCues();
    void seasonThreeIsPartial();
    void cueDetails();
    void themes();
    void occurrences_data();
    void occurrences();
    void excerptsAreAttributedQuotations();
    void excerptsAreVerbatimFromTheSeeds();
    void speakersAreCredited();
    void interviewSpeakersFollowTheSeed();
    void newExcerpts_data();
    void newExcerpts();
    void innerLightAndThePiccoloMelodyAreSeparate();
    void inferencesAreMarked_data();
    void inferencesAreMarked();
    void noEntranceIsListedTwice();
    void textsMakeNoUnsupportedClaims_data();
    void textsMakeNoUnsupportedClaims();

private:
    const Release &release(const QString &id) const;
    const Occurrence *occurrence(const QString &cueId, const QString &themeId) const;
    // The seed texts, or an empty list when shared/seeds is not beside this checkout.
    static QStringList seedTexts();

    CatalogReader m_reader;
    const Catalog *m_catalog = nullptr;
};

void tst_BundledCatalog::initTestCase()
{
    QVERIFY2(m_reader.read(u":/catalogs/star-trek-picard/catalog.json"_s),
        qPrintable(m_reader.errorString()));
    m_catalog = &m_reader.catalog();
}

const Release &tst_BundledCatalog::release(const QString &id) const
{
    const Release *found = m_catalog->release(id);
    if (!found)
        qFatal("no release %s", qPrintable(id));
    return *found;
}

const Occurrence *tst_BundledCatalog::occurrence(const QString &cueId, const QString &themeId) const
{
    for (int i : m_catalog->occurrencesOfCue(cueId)) {
        if (m_catalog->occurrences.at(i).themeId == themeId)
            return &m_catalog->occurrences.at(i);
    }
    return nullptr;
}

void tst_BundledCatalog::readsWithoutWarnings()
{
    QCOMPARE(m_reader.warnings(), QStringList());
    QCOMPARE(m_catalog->id, u"star-trek-picard"_s);
    QCOMPARE(m_catalog->releases.size(), 3);
    QCOMPARE(m_catalog->trackCount(), 28 + 55 + 1);
    QCOMPARE(m_catalog->sources.size(), 5);
}

void tst_BundledCatalog::chapterOneAlbum()
{
    const Release &album = release(u"picard-s1-chapter-1"_s);
    QCOMPARE(
        album.title, u"Star Trek: Picard – Season 1, Chapter 1 (Original Series Soundtrack)"_s);
    QCOMPARE(album.artists, QStringList {u"Jeff Russo"_s});
    QCOMPARE(album.label, u"Lakeshore Records"_s);
    QCOMPARE(album.format, u"Digital"_s);
    QCOMPARE(album.date, u"2020-02-07"_s);
    QVERIFY(album.complete);
    QCOMPARE(album.tracks.size(), 28);
    for (int i = 0; i < album.tracks.size(); ++i) {
        QCOMPARE(album.tracks.at(i).number, i + 1);
        QVERIFY2(album.tracks.at(i).durationMs > 0, qPrintable(album.tracks.at(i).title));
    }
    QCOMPARE(album.tracks.at(0).title, u"Star Trek Picard Main Title"_s);
    QCOMPARE(album.tracks.at(0).durationMs, 103'000);
    QCOMPARE(album.tracks.at(5).title, u"Dahj’s Last Fight"_s);
    QCOMPARE(album.tracks.at(27).durationMs, 103'000);
}

void tst_BundledCatalog::fullSeasonAlbumSharesTheChapterOneCues()
{
    const Release &chapterOne = release(u"picard-s1-chapter-1"_s);
    const Release &season = release(u"picard-s1"_s);
    QCOMPARE(season.date, u"2020-04-03"_s);
    QCOMPARE(season.label, u"Lakeshore Records"_s);
    QCOMPARE(season.tracks.size(), 55);
    for (int i = 0; i < 28; ++i) {
        QCOMPARE(season.tracks.at(i).cueId, chapterOne.tracks.at(i).cueId);
        QCOMPARE(season.tracks.at(i).durationMs, chapterOne.tracks.at(i).durationMs);
    }
    QCOMPARE(season.tracks.at(47).title, u"Narek Escapes"_s);
    QCOMPARE(season.tracks.at(47).durationMs, 487'000);
    QCOMPARE(season.tracks.at(54).durationMs, 130'000);
    QCOMPARE(m_catalog->tracksOfCue(u"main-title"_s).size(), 2);
}

void tst_BundledCatalog::seasonThreeIsPartial()
{
    const Release &season = release(u"picard-s3"_s);
    QCOMPARE(season.artists, (QStringList {u"Stephen Barton"_s, u"Frederik Wiedmann"_s}));
    QCOMPARE(season.date, u"2023-04-20"_s);
    QCOMPARE(season.format, u"Digital"_s);
    QVERIFY(!season.complete);
    QCOMPARE(season.tracks.size(), 1);
    QCOMPARE(season.tracks.at(0).title, u"Leaving Spacedock"_s);
    QCOMPARE(season.tracks.at(0).durationMs, -1);
    QVERIFY(m_catalog->cue(season.tracks.at(0).cueId)->episode.contains(u"episode 9"_s));
}

void tst_BundledCatalog::cueDetails()
{
    const Cue *blueSkies = m_catalog->cue(u"blue-skies"_s);
    QVERIFY(blueSkies);
    QCOMPARE(blueSkies->composers, QStringList {u"Irving Berlin"_s});
    QCOMPARE(blueSkies->performers, QStringList {u"Isa Briones"_s});
    for (const QString &id : {u"page-children-of-mars"_s, u"children-of-mars-end-credits"_s})
        QVERIFY(m_catalog->cue(id)->episode.contains(u"Children of Mars"_s));
    QVERIFY(!m_catalog->cue(u"walking-with-number-one"_s)->episode.isEmpty());
}

void tst_BundledCatalog::themes()
{
    QCOMPARE(m_catalog->themes.size(), 14);
    const QList<std::pair<QString, QString>> composers {{u"picard-theme"_s, u"Jeff Russo"_s},
        {u"inner-light"_s, u"Jay Chattaway"_s}, {u"main-title-piccolo"_s, u"Jeff Russo"_s},
        {u"star-trek-march"_s, u"Jerry Goldsmith"_s},
        {u"courage-fanfare"_s, u"Alexander Courage"_s}, {u"romulan-theme"_s, u"Fred Steiner"_s},
        {u"voyager-theme"_s, u"Jerry Goldsmith"_s}, {u"blue-skies"_s, u"Irving Berlin"_s}};
    for (const auto &[id, composer] : composers) {
        const Theme *theme = m_catalog->theme(id);
        QVERIFY2(theme, qPrintable(id));
        QCOMPARE(theme->composer, composer);
    }
    QVERIFY(m_catalog->theme(u"romulan-theme"_s)->origin.contains(u"Balance of Terror"_s));
    QVERIFY(m_catalog->theme(u"star-trek-march"_s)->origin.contains(u"The Motion Picture"_s));
    // Seven's theme includes a part of the Voyager theme (Russo); it is not another name for it.
    QVERIFY(!m_catalog->theme(u"voyager-theme"_s)->aliases.contains(u"Seven's theme"_s));
    for (const QString &id : {u"narek-narissa-theme"_s, u"la-sirena-theme"_s, u"jurati-theme"_s,
             u"rios-clarinet-theme"_s, u"soji-electronic"_s})
        QVERIFY2(m_catalog->theme(id), qPrintable(id));
}

void tst_BundledCatalog::occurrences_data()
{
    QTest::addColumn<QString>("cue");
    QTest::addColumn<QString>("theme");
    QTest::addColumn<int>("position");
    QTest::newRow("main title opens with the piccolo melody")
        << u"main-title"_s << u"main-title-piccolo"_s << int(Occurrence::Opening);
    QTest::newRow("main title opens with a callback to Inner Light")
        << u"main-title"_s << u"inner-light"_s << int(Occurrence::Opening);
    QTest::newRow("main title ends with the March")
        << u"main-title"_s << u"star-trek-march"_s << int(Occurrence::Ending);
    QTest::newRow("main title states Picard") << u"main-title"_s << u"picard-theme"_s << -1;
    QTest::newRow("walking with number one")
        << u"walking-with-number-one"_s << u"main-title-piccolo"_s << -1;
    QTest::newRow("twins: Romulan towards the end")
        << u"twins"_s << u"romulan-theme"_s << int(Occurrence::Ending);
    QTest::newRow("the painting") << u"the-painting"_s << u"star-trek-march"_s << -1;
    QTest::newRow("requests help: March")
        << u"picard-requests-help"_s << u"star-trek-march"_s << -1;
    QTest::newRow("requests help: fanfare")
        << u"picard-requests-help"_s << u"courage-fanfare"_s << -1;
    QTest::newRow("bids farewell: March at the end")
        << u"picard-bids-farewell"_s << u"star-trek-march"_s << int(Occurrence::Ending);
    QTest::newRow("mystery ship") << u"mystery-ship"_s << u"voyager-theme"_s << -1;
    QTest::newRow("leaving with maddox") << u"leaving-with-maddox"_s << u"voyager-theme"_s << -1;
    QTest::newRow("leaving the la sirena")
        << u"leaving-the-la-sirena"_s << u"voyager-theme"_s << -1;
    QTest::newRow("blue skies") << u"blue-skies"_s << u"blue-skies"_s << -1;
    QTest::newRow("children of mars end credits")
        << u"children-of-mars-end-credits"_s << u"picard-theme"_s << -1;
    QTest::newRow("leaving spacedock: March")
        << u"leaving-spacedock"_s << u"star-trek-march"_s << -1;
    QTest::newRow("leaving spacedock: Picard") << u"leaving-spacedock"_s << u"picard-theme"_s << -1;
}

void tst_BundledCatalog::occurrences()
{
    QFETCH(QString, cue);
    QFETCH(QString, theme);
    QFETCH(int, position);
    const Occurrence *found = occurrence(cue, theme);
    QVERIFY(found);
    QVERIFY(!found->sourceIds.isEmpty());
    // The review leaves open whether "The Painting" quotes the March or alludes to it.
    if (cue != u"the-painting"_s)
        QVERIFY(found->kind != Occurrence::UnknownKind);
    if (position >= 0)
        QCOMPARE(int(found->position), position);
    // No seed gives a timestamp, so none may be in the catalog.
    QCOMPARE(found->startMs, -1);
}

void tst_BundledCatalog::excerptsAreAttributedQuotations()
{
    QVERIFY(m_catalog->excerpts.size() >= 20);
    QSet<QString> sourcesUsed;
    for (const Excerpt &excerpt : m_catalog->excerpts) {
        QVERIFY2(excerpt.text.size() <= 300, qPrintable(excerpt.id));
        QVERIFY2(!excerpt.releaseIds.isEmpty() || !excerpt.cueIds.isEmpty()
                || !excerpt.themeIds.isEmpty(),
            qPrintable(excerpt.id));
        sourcesUsed.insert(excerpt.sourceId);
    }
    QCOMPARE(sourcesUsed.size(), 5);
    for (const Source &source : m_catalog->sources)
        QVERIFY2(!source.author.isEmpty() || !source.publication.isEmpty(), qPrintable(source.id));
}

QStringList tst_BundledCatalog::seedTexts()
{
    const QDir seeds(QFINDTESTDATA("../../shared/seeds"));
    if (!seeds.exists(u"README.md"_s))
        return {};
    QStringList texts;
    for (const QString &name : seeds.entryList({u"*.txt"_s}, QDir::Files, QDir::Name)) {
        QFile file(seeds.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            texts.append(QString::fromUtf8(file.readAll()));
    }
    return texts;
}

void tst_BundledCatalog::excerptsAreVerbatimFromTheSeeds()
{
    const QStringList seeds = seedTexts();
    if (seeds.isEmpty())
        QSKIP("The seed texts (shared/seeds) are not beside this checkout.");
    QCOMPARE(seeds.size(), 5);
    static const QRegularExpression space(u"\\s+"_s);
    const QString corpus = seeds.join(u' ').replace(space, u" "_s);
    for (const Excerpt &excerpt : m_catalog->excerpts) {
        const QString text = QString(excerpt.text).replace(space, u" "_s);
        QVERIFY2(corpus.contains(text), qPrintable(excerpt.id));
    }
}

// A quotation is credited to whoever said it: the interview's answers are Jeff Russo's, the
// articles quote the composers and the showrunner. Without a speaker, the source's author speaks.
void tst_BundledCatalog::speakersAreCredited()
{
    const QHash<QString, QString> quoted {
        {u"comicbook-theme-for-picard"_s, u"Jeff Russo"_s},
        {u"collider-barton-legacy"_s, u"Stephen Barton"_s},
        {u"collider-matalas-throwback"_s, u"Terry Matalas"_s},
        {u"collider-wiedmann-orchestra"_s, u"Frederik Wiedmann"_s},
    };
    // Randall D. Larson's own words: a question, and the column's closing line.
    const QSet<QString> interviewerWords {u"larson-jerrys-theme-at-the-end"_s, u"larson-april-3"_s};
    int russoAnswers = 0;
    for (const Excerpt &excerpt : m_catalog->excerpts) {
        QString expected = quoted.value(excerpt.id);
        if (excerpt.sourceId == u"larson-soundtrax-2020"_s
            && !interviewerWords.contains(excerpt.id))
            expected = u"Jeff Russo"_s;
        QVERIFY2(excerpt.speaker == expected, qPrintable(excerpt.id + u": "_s + excerpt.speaker));
        russoAnswers += excerpt.speaker == u"Jeff Russo"_s ? 1 : 0;
    }
    QVERIFY(russoAnswers >= 12);
    QCOMPARE(m_catalog->source(u"larson-soundtrax-2020"_s)->kind, Source::Interview);
}

// The same rule read off the interview itself: each answer is a line that starts "Jeff Russo:".
void tst_BundledCatalog::interviewSpeakersFollowTheSeed()
{
    const QStringList seeds = seedTexts();
    if (seeds.isEmpty())
        QSKIP("The seed texts (shared/seeds) are not beside this checkout.");
    const QString &interview = seeds.at(1);
    QVERIFY(interview.contains(u"Interview by Randall D. Larson"_s));
    const QStringList lines = interview.split(u'\n');
    int checked = 0;
    for (const Excerpt &excerpt : m_catalog->excerpts) {
        if (excerpt.sourceId != u"larson-soundtrax-2020"_s)
            continue;
        const auto line = std::find_if(lines.cbegin(), lines.cend(),
            [&](const QString &text) { return text.contains(excerpt.text); });
        QVERIFY2(line != lines.cend(), qPrintable(excerpt.id));
        const bool answer = line->startsWith(u"Jeff Russo:"_s);
        QCOMPARE(excerpt.speaker, answer ? u"Jeff Russo"_s : QString());
        ++checked;
    }
    QVERIFY(checked >= 14);
}

void tst_BundledCatalog::newExcerpts_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("about");
    QTest::newRow("Matalas") << u"collider-matalas-throwback"_s
                             << u"throwback to the classic theatrical scores"_s << u"picard-s3"_s;
    QTest::newRow("Wiedmann") << u"collider-wiedmann-orchestra"_s << u"phenomenal LA orchestra"_s
                              << u"picard-s3"_s;
    QTest::newRow("65 players") << u"larson-65-players"_s << u"about 65 players"_s
                                << u"picard-s1"_s;
    QTest::newRow("strings and woodwinds")
        << u"larson-strings-and-woodwinds"_s << u"a lot more woodwinds than I do brass"_s
        << u"picard-s1"_s;
    QTest::newRow("The Painting") << u"marconi-the-painting"_s
                                  << u"\"The Painting\" features the first"_s << u"the-painting"_s;
}

void tst_BundledCatalog::newExcerpts()
{
    QFETCH(QString, id);
    QFETCH(QString, words);
    QFETCH(QString, about);
    const auto found = std::find_if(m_catalog->excerpts.cbegin(), m_catalog->excerpts.cend(),
        [&](const Excerpt &excerpt) { return excerpt.id == id; });
    QVERIFY(found != m_catalog->excerpts.cend());
    QVERIFY2(found->text.contains(words), qPrintable(found->text));
    QVERIFY(found->releaseIds.contains(about) || found->cueIds.contains(about));
}

// Chattaway's "Inner Light" flute and Russo's piccolo melody that calls back to it are two
// things in the sources; a link names one of them.
void tst_BundledCatalog::innerLightAndThePiccoloMelodyAreSeparate()
{
    const Theme *innerLight = m_catalog->theme(u"inner-light"_s);
    const Theme *piccolo = m_catalog->theme(u"main-title-piccolo"_s);
    QVERIFY(innerLight && piccolo);
    QCOMPARE(innerLight->composer, u"Jay Chattaway"_s);
    QCOMPARE(piccolo->composer, u"Jeff Russo"_s);
    for (const QString &alias : innerLight->aliases)
        QVERIFY2(!alias.contains(u"piccolo"_s, Qt::CaseInsensitive), qPrintable(alias));
    // Chattaway's music is only called back to, in the main title's opening.
    for (const int o : m_catalog->occurrencesOfTheme(u"inner-light"_s)) {
        const Occurrence &callback = m_catalog->occurrences.at(o);
        QCOMPARE(callback.cueId, u"main-title"_s);
        QCOMPARE(callback.kind, Occurrence::Allusion);
    }
    QVERIFY(occurrence(u"walking-with-number-one"_s, u"main-title-piccolo"_s));
    QVERIFY(!occurrence(u"walking-with-number-one"_s, u"inner-light"_s));
    for (const int e : m_catalog->excerptsOfCue(u"walking-with-number-one"_s))
        QVERIFY(!m_catalog->excerpts.at(e).themeIds.contains(u"inner-light"_s));
}

void tst_BundledCatalog::inferencesAreMarked_data()
{
    QTest::addColumn<QString>("cue");
    QTest::addColumn<QString>("theme");
    QTest::newRow("the March when Picard and Riker reunite")
        << u"picard-and-riker-reunite"_s << u"star-trek-march"_s;
    QTest::newRow("track 55 as the finale's End Title")
        << u"episode-110-end-credits"_s << u"picard-theme"_s;
}

// Both texts speak of a scene or of "the finale", never of these tracks: the link is the
// catalog's own conclusion, and says so where it is made.
void tst_BundledCatalog::inferencesAreMarked()
{
    QFETCH(QString, cue);
    QFETCH(QString, theme);
    const Occurrence *found = occurrence(cue, theme);
    QVERIFY(found);
    QVERIFY(found->inferred);
    QVERIFY(!found->basis.isEmpty());
    QVERIFY(m_catalog->cue(cue)->description.contains(u"inference"_s));
    // An excerpt's tie to a cue cannot carry the mark, so none ties these quotations to the track.
    QCOMPARE(m_catalog->excerptsOfCue(cue), QList<int>());
    // Which episode the track belongs to is part of the inference.
    if (cue == u"episode-110-end-credits"_s)
        QVERIFY(m_catalog->cue(cue)->episode.isEmpty());
    for (const Occurrence &any : m_catalog->occurrences)
        QVERIFY2(!any.inferred || !any.basis.isEmpty(), qPrintable(any.cueId));
}

// One entrance of a theme is one occurrence, listing every source that states it.
void tst_BundledCatalog::noEntranceIsListedTwice()
{
    QSet<QString> entrances;
    for (const Occurrence &o : m_catalog->occurrences) {
        const QString key = o.themeId + u'|' + o.cueId + u'|' + QString::number(o.startMs) + u'|'
            + QString::number(int(o.position));
        QVERIFY2(!entrances.contains(key), qPrintable(key));
        entrances.insert(key);
    }
    const Occurrence *march = occurrence(u"main-title"_s, u"star-trek-march"_s);
    QVERIFY(march);
    QCOMPARE(march->sourceIds, (QStringList {u"marconi-review"_s, u"larson-soundtrax-2020"_s}));
}

void tst_BundledCatalog::textsMakeNoUnsupportedClaims_data()
{
    QTest::addColumn<QString>("claim");
    // No source says that Narek and Narissa are related, or that either is a Romulan.
    QTest::newRow("siblings") << u"sibling"_s;
    QTest::newRow("brother and sister") << u"brother and sister"_s;
    QTest::newRow("Romulan siblings") << u"Romulan siblings"_s;
    // The review calls only the opening of "Dahj Activates" thoroughly electronic.
    QTest::newRow("wholly electronic") << u"wholly electronic"_s;
    QTest::newRow("entirely electronic") << u"entirely electronic"_s;
    // La Sirena is a name in the sources, never called a ship.
    QTest::newRow("the ship La Sirena") << u"ship La Sirena"_s;
    // The review says nothing of melody for the Romulans' electronics.
    QTest::newRow("less a melody") << u"less a melody"_s;
    // No source says who arranged "Blue Skies".
    QTest::newRow("Russo's Blue Skies") << u"Russo's lush"_s;
    QTest::newRow("Russo's setting") << u"Russo's setting"_s;
    // Russo says Seven's theme includes part of the Voyager theme, not that they are one.
    QTest::newRow("built on the Voyager theme") << u"built Seven's theme"_s;
    QTest::newRow("chamber-scored") << u"chamber-scored"_s;
    QTest::newRow("first stated") << u"first stated"_s;
}

// Descriptions, notes, names and aliases, everything the catalog says in its own words.
void tst_BundledCatalog::textsMakeNoUnsupportedClaims()
{
    QFETCH(QString, claim);
    QStringList texts;
    for (const Theme &theme : m_catalog->themes)
        texts << theme.name << theme.description << theme.aliases;
    for (const Cue &cue : m_catalog->cues)
        texts << cue.title << cue.description << cue.episode;
    for (const Occurrence &o : m_catalog->occurrences)
        texts << o.note << o.instruments;
    for (const QString &text : std::as_const(texts))
        QVERIFY2(!text.contains(claim, Qt::CaseInsensitive), qPrintable(text));
}

QTEST_GUILESS_MAIN(tst_BundledCatalog)
#include "tst_bundledcatalog.moc"
