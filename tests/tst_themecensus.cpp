#include "catalog/themecensus.h"
#include "testcatalogs.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Picard = u"star-trek-picard"_s;

// A user's occurrence of a theme, as MarkerOccurrences makes one from a marker.
OccurrenceRow usersRow(const QString &themeId, const QString &cueId, qint64 startMs,
    qint64 endMs = -1, const QString &catalogId = Picard)
{
    OccurrenceRow row;
    row.catalogId = catalogId;
    row.markerId = u"marker-"_s + cueId + QString::number(startMs);
    row.occurrence.themeId = themeId;
    row.occurrence.cueId = cueId;
    row.occurrence.startMs = startMs;
    row.occurrence.endMs = endMs;
    return row;
}

// A catalog of one release whose cues carry episodes out of order (the last only by its title),
// and timed occurrences.
Catalog episodesCatalog()
{
    Catalog catalog;
    catalog.id = u"episodes"_s;
    catalog.title = u"Episodes"_s;
    catalog.themes.append(Theme {u"motif"_s, u"Motif"_s, {}, {}, {}, {}});
    Release release;
    release.id = u"score"_s;
    release.title = u"Score"_s;
    const QList<std::pair<QString, QString>> cues {{u"a"_s, u"Season 1, episode 10"_s},
        {u"b"_s, u"Season 1, episode 9"_s}, {u"c"_s, u"Season 2, episode 1"_s},
        {u"d"_s, u"Pilot"_s}};
    int number = 0;
    for (const auto &[id, episode] : cues) {
        Cue cue;
        cue.id = id;
        cue.title = id.toUpper();
        cue.episode = episode;
        catalog.cues.append(cue);
        Track track;
        track.number = ++number;
        track.title = cue.title;
        track.durationMs = 100'000;
        track.cueId = id;
        release.tracks.append(track);
        Occurrence occurrence;
        occurrence.themeId = u"motif"_s;
        occurrence.cueId = id;
        occurrence.kind = Occurrence::Statement;
        catalog.occurrences.append(occurrence);
    }
    catalog.releases.append(release);
    // Two overlapping timed entrances in "a": 10–30 s and 20–40 s are 30 s heard.
    catalog.occurrences[0].startMs = 10'000;
    catalog.occurrences[0].endMs = 30'000;
    Occurrence again = catalog.occurrences[0];
    again.startMs = 20'000;
    again.endMs = 40'000;
    catalog.occurrences.append(again);
    catalog.buildIndex();
    return catalog;
}

} // namespace

// The census of a theme, checked against what the catalog itself lists.
class tst_ThemeCensus : public QObject
{
    Q_OBJECT

private slots:
    void bundledCatalogCountsAsItsDataSays();
    void marchIsFirstHeardInTheMainTitle();
    void usersMarkersAddCuesAndTime();
    void episodesInBroadcastOrder();
    void runningTimeAndShare();
    void themeNoCueQuotes();
    void everyThemeAtOnceIsEachThemeAlone();
};

void tst_ThemeCensus::bundledCatalogCountsAsItsDataSays()
{
    const QList<Catalog> catalogs {TestCatalogs::bundled()};
    const Catalog &catalog = catalogs.first();
    QVERIFY(!catalog.themes.isEmpty());
    for (const Theme &theme : catalog.themes) {
        // What the data says, read straight from its lists.
        QSet<QString> cues;
        for (const Occurrence &occurrence : catalog.occurrences) {
            if (occurrence.themeId == theme.id)
                cues.insert(occurrence.cueId);
        }
        QString first;
        QString last;
        QSet<QString> releases;
        QSet<QString> placed;
        for (const Release &release : catalog.releases) {
            for (const Track &track : release.tracks) {
                if (!cues.contains(track.cueId))
                    continue;
                releases.insert(release.id);
                // A cue stands in album order at its first track.
                if (placed.contains(track.cueId))
                    continue;
                placed.insert(track.cueId);
                if (first.isEmpty())
                    first = track.cueId;
                last = track.cueId;
            }
        }

        const ThemeCensus::Entry census = ThemeCensus::of(catalogs, theme.id);
        QCOMPARE(census.themeId, theme.id);
        QCOMPARE(census.cues.size(), cues.size());
        QCOMPARE(census.usersOnlyCueCount, 0);
        if (cues.isEmpty()) {
            QVERIFY(census.firstHeard.isEmpty());
            continue;
        }
        // Every cue the catalog links to a theme stands on one of its releases.
        QCOMPARE(census.firstHeard.cueId, first);
        QCOMPARE(census.lastHeard.cueId, last);
        QCOMPARE(census.releases.size(), releases.size());
        for (const ThemeCensus::ReleaseKey &key : census.releases) {
            QCOMPARE(key.catalogId, Picard);
            QVERIFY(releases.contains(key.releaseId));
        }
        // The bundled catalog times no entrance: its sources give none.
        QCOMPARE(census.heardMs, 0);
    }
}

void tst_ThemeCensus::marchIsFirstHeardInTheMainTitle()
{
    const QList<Catalog> catalogs {TestCatalogs::bundled()};
    const ThemeCensus::Entry march = ThemeCensus::of(catalogs, u"star-trek-march"_s);
    QCOMPARE(march.cues.size(), 6);
    QCOMPARE(march.firstHeard, (CueKey {Picard, u"main-title"_s}));
    // Of its cues, only "Leaving Spacedock" names its episode.
    QCOMPARE(march.firstEpisode, (CueKey {Picard, u"leaving-spacedock"_s}));
    QCOMPARE(march.lastEpisode, march.firstEpisode);
    QCOMPARE(march.releases.first().releaseId, u"picard-s1-chapter-1"_s);
}

void tst_ThemeCensus::usersMarkersAddCuesAndTime()
{
    const QList<Catalog> catalogs {TestCatalogs::bundled()};
    const ThemeCensus::Entry before = ThemeCensus::of(catalogs, u"star-trek-march"_s);
    // One marker on a cue the catalog links already, one on a cue it does not, one ranged twice
    // over the same stretch, and one of another theme.
    const QList<OccurrenceRow> rows {
        usersRow(u"star-trek-march"_s, u"picard-requests-help"_s, 40'000),
        usersRow(u"star-trek-march"_s, u"twins"_s, 60'000, 75'000),
        usersRow(u"star-trek-march"_s, u"twins"_s, 70'000, 80'000),
        usersRow(u"romulan-theme"_s, u"twins"_s, 0, 5'000)};
    const ThemeCensus::Entry after = ThemeCensus::of(catalogs, u"star-trek-march"_s, rows);
    QCOMPARE(after.cues.size(), before.cues.size() + 1);
    QVERIFY(after.cues.contains(CueKey {Picard, u"twins"_s}));
    QCOMPARE(after.usersOnlyCueCount, 1);
    QCOMPARE(after.heardMs, 20'000);
}

void tst_ThemeCensus::episodesInBroadcastOrder()
{
    QVERIFY(ThemeCensus::compareEpisodes(u"Season 1, episode 9"_s, u"Season 1, episode 10"_s) < 0);
    QVERIFY(ThemeCensus::compareEpisodes(u"season 2, Episode 1"_s, u"Season 1, episode 10"_s) > 0);
    QCOMPARE(ThemeCensus::compareEpisodes(u"Season 1, episode 1"_s, u"season 1, EPISODE 1"_s), 0);

    const QList<Catalog> catalogs {episodesCatalog()};
    const ThemeCensus::Entry census = ThemeCensus::of(catalogs, u"motif"_s);
    QCOMPARE(census.cues.size(), 4);
    QCOMPARE(census.firstHeard.cueId, u"a"_s);
    QCOMPARE(census.lastHeard.cueId, u"d"_s);
    QCOMPARE(census.firstEpisode.cueId, u"b"_s);
    QCOMPARE(census.lastEpisode.cueId, u"c"_s);
}

void tst_ThemeCensus::runningTimeAndShare()
{
    const QList<Catalog> catalogs {episodesCatalog()};
    QCOMPARE(ThemeCensus::runningTimeMs(catalogs), 400'000);
    const ThemeCensus::Entry census = ThemeCensus::of(catalogs, u"motif"_s);
    QCOMPARE(census.heardMs, 30'000);
    QCOMPARE(ThemeCensus::share(census.heardMs, 400'000), 0.075);
    QCOMPARE(ThemeCensus::share(0, 400'000), -1.0);
    QCOMPARE(ThemeCensus::share(30'000, 0), -1.0);

    // A cue on two releases counts once, at its longest track.
    const Catalog picard = TestCatalogs::bundled();
    qint64 expected = 0;
    for (const Cue &cue : picard.cues)
        expected += std::max<qint64>(picard.cueDurationMs(cue.id), 0);
    QCOMPARE(ThemeCensus::runningTimeMs({picard}), expected);
}

void tst_ThemeCensus::themeNoCueQuotes()
{
    Catalog catalog = episodesCatalog();
    catalog.themes.append(Theme {u"silent"_s, u"Silent"_s, {}, {}, {}, {}});
    catalog.buildIndex();
    const ThemeCensus::Entry census = ThemeCensus::of({catalog}, u"silent"_s);
    QVERIFY(census.cues.isEmpty());
    QVERIFY(census.firstHeard.isEmpty() && census.lastEpisode.isEmpty());
    QVERIFY(census.releases.isEmpty());
    QCOMPARE(census.heardMs, 0);
}

// The one pass over the catalogs and the indexed look-up of a few themes agree.
void tst_ThemeCensus::everyThemeAtOnceIsEachThemeAlone()
{
    const QList<Catalog> catalogs {TestCatalogs::bundled(), episodesCatalog()};
    const QList<OccurrenceRow> rows {usersRow(u"star-trek-march"_s, u"twins"_s, 60'000, 75'000),
        usersRow(u"romulan-theme"_s, u"picard-requests-help"_s, 1'000),
        usersRow(u"motif"_s, u"d"_s, 0, 50'000, u"episodes"_s),
        usersRow(u"star-trek-march"_s, u"no-such-cue"_s, 0, 1'000)};
    const QHash<QString, ThemeCensus::Entry> every = ThemeCensus::ofEveryTheme(catalogs, rows);
    int themes = 0;
    for (const Catalog &catalog : catalogs) {
        for (const Theme &theme : catalog.themes) {
            ++themes;
            QVERIFY(every.contains(theme.id));
            QCOMPARE(every.value(theme.id), ThemeCensus::of(catalogs, theme.id, rows));
            QCOMPARE(ThemeCensus::ofThemes(catalogs, {theme.id, u"motif"_s}, rows).value(theme.id),
                every.value(theme.id));
        }
    }
    QCOMPARE(every.size(), themes);
    QVERIFY(ThemeCensus::ofThemes(catalogs, {}, rows).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ThemeCensus)
#include "tst_themecensus.moc"
