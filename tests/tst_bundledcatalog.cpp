#include "catalog/catalogreader.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

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

private:
    const Release &release(const QString &id) const;
    const Occurrence *occurrence(const QString &cueId, const QString &themeId) const;

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
    QVERIFY(m_catalog->themes.size() >= 12);
    const QList<std::pair<QString, QString>> composers {{u"picard-theme"_s, u"Jeff Russo"_s},
        {u"inner-light"_s, u"Jay Chattaway"_s}, {u"star-trek-march"_s, u"Jerry Goldsmith"_s},
        {u"courage-fanfare"_s, u"Alexander Courage"_s}, {u"romulan-theme"_s, u"Fred Steiner"_s},
        {u"voyager-theme"_s, u"Jerry Goldsmith"_s}, {u"blue-skies"_s, u"Irving Berlin"_s}};
    for (const auto &[id, composer] : composers) {
        const Theme *theme = m_catalog->theme(id);
        QVERIFY2(theme, qPrintable(id));
        QCOMPARE(theme->composer, composer);
    }
    QVERIFY(m_catalog->theme(u"romulan-theme"_s)->origin.contains(u"Balance of Terror"_s));
    QVERIFY(m_catalog->theme(u"star-trek-march"_s)->origin.contains(u"The Motion Picture"_s));
    for (const QString &id : {u"narek-narissa-theme"_s, u"la-sirena-theme"_s, u"jurati-theme"_s,
             u"rios-clarinet-theme"_s, u"soji-electronic"_s})
        QVERIFY2(m_catalog->theme(id), qPrintable(id));
}

void tst_BundledCatalog::occurrences_data()
{
    QTest::addColumn<QString>("cue");
    QTest::addColumn<QString>("theme");
    QTest::addColumn<int>("position");
    QTest::newRow("main title opens with Inner Light")
        << u"main-title"_s << u"inner-light"_s << int(Occurrence::Opening);
    QTest::newRow("main title ends with the March")
        << u"main-title"_s << u"star-trek-march"_s << int(Occurrence::Ending);
    QTest::newRow("main title states Picard") << u"main-title"_s << u"picard-theme"_s << -1;
    QTest::newRow("walking with number one")
        << u"walking-with-number-one"_s << u"inner-light"_s << -1;
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

void tst_BundledCatalog::excerptsAreVerbatimFromTheSeeds()
{
    const QDir seeds(QFINDTESTDATA("../../shared/seeds"));
    if (!seeds.exists(u"README.md"_s))
        QSKIP("The seed texts (shared/seeds) are not beside this checkout.");
    static const QRegularExpression space(u"\\s+"_s);
    QString corpus;
    for (const QString &name : seeds.entryList({u"*.txt"_s})) {
        QFile file(seeds.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        corpus += QString::fromUtf8(file.readAll()).replace(space, u" "_s);
    }
    for (const Excerpt &excerpt : m_catalog->excerpts) {
        const QString text = QString(excerpt.text).replace(space, u" "_s);
        QVERIFY2(corpus.contains(text), qPrintable(excerpt.id));
    }
}

QTEST_GUILESS_MAIN(tst_BundledCatalog)
#include "tst_bundledcatalog.moc"
