#include "testcatalogs.h"

#include "catalog/catalogreader.h"

using namespace Qt::StringLiterals;

namespace {

Track track(int number, const QString &title, qint64 durationMs, const QString &cueId, int disc = 1)
{
    Track t;
    t.disc = disc;
    t.number = number;
    t.title = title;
    t.durationMs = durationMs;
    t.cueId = cueId;
    return t;
}

Cue cue(const QString &id, const QString &title, const QStringList &composers,
    const QString &episode = QString(), const QStringList &performers = {})
{
    Cue c;
    c.id = id;
    c.title = title;
    c.composers = composers;
    c.performers = performers;
    c.episode = episode;
    return c;
}

Occurrence heard(const QString &themeId, const QString &cueId, Occurrence::Kind kind,
    qint64 startMs, qint64 endMs, const QString &instruments, const QString &sourceId = QString(),
    const QString &note = QString())
{
    Occurrence o;
    o.themeId = themeId;
    o.cueId = cueId;
    o.kind = kind;
    o.startMs = startMs;
    o.endMs = endMs;
    o.instruments = instruments;
    if (!sourceId.isEmpty())
        o.sourceIds = {sourceId};
    o.note = note;
    return o;
}

Occurrence heardAt(const QString &themeId, const QString &cueId, Occurrence::Kind kind,
    Occurrence::Position position, const QString &instruments, const QString &sourceId = QString())
{
    Occurrence o = heard(themeId, cueId, kind, -1, -1, instruments, sourceId);
    o.position = position;
    return o;
}

QList<Theme> picardThemes()
{
    return {
        {u"picard"_s, u"Picard’s theme"_s, u"Jeff Russo"_s, u"Star Trek: Picard"_s,
            {u"Main title theme"_s}, {}},
        {u"inner-light"_s, u"The Inner Light"_s, u"Jay Chattaway"_s,
            u"Star Trek: The Next Generation"_s, {u"Ressikan flute"_s}, {}},
        {u"star-trek-march"_s, u"Star Trek March"_s, u"Jerry Goldsmith"_s,
            u"Star Trek: The Motion Picture"_s, {u"TNG main title"_s}, {}},
        {u"courage-fanfare"_s, u"Courage fanfare"_s, u"Alexander Courage"_s, u"Star Trek"_s,
            {u"Star Trek fanfare"_s}, {}},
        // The French alias is there for the accent tests.
        {u"romulan"_s, u"Romulan theme"_s, u"Fred Steiner"_s, u"Balance of Terror"_s,
            {u"Thème romulien"_s}, {}},
        {u"blue-skies"_s, u"Blue Skies"_s, u"Irving Berlin"_s, u"Star Trek: Nemesis"_s, {}, {}},
    };
}

QList<Cue> picardCues()
{
    const QStringList russo {u"Jeff Russo"_s};
    Cue endCredits
        = cue(u"season-1/1-55"_s, u"Star Trek Picard Episode 110 End Credits (Full Version)"_s, {});
    endCredits.isImplicit = true;
    return {
        cue(u"main-title"_s, u"Star Trek Picard Main Title"_s, russo, u"Remembrance"_s),
        cue(u"end-title"_s, u"Star Trek Picard End Title"_s, russo),
        cue(u"walking-with-number-one"_s, u"Walking With Number One"_s, russo, u"Remembrance"_s),
        cue(u"dahjs-last-fight"_s, u"Dahj’s Last Fight"_s, russo, u"Remembrance"_s),
        cue(u"romulan-collusion"_s, u"Romulan Collusion"_s, russo),
        cue(u"rafi-decides-to-join"_s, u"Rafi Decides To Join"_s, russo),
        cue(u"mystery-ship"_s, u"Mystery Ship"_s, russo),
        // No composers: the track shows its release's artists.
        cue(u"page"_s, u"Page (From Short Treks “Children Of Mars”)"_s, {}),
        cue(u"blue-skies"_s, u"Blue Skies"_s, {u"Irving Berlin"_s}, u"Et in Arcadia Ego, Part 2"_s,
            {u"Isa Briones"_s}),
        endCredits,
    };
}

QList<Release> picardReleases()
{
    Release chapter1;
    chapter1.id = u"chapter-1"_s;
    chapter1.title = u"Star Trek: Picard – Season 1, Chapter 1"_s;
    chapter1.artists = {u"Jeff Russo"_s};
    chapter1.label = u"Lakeshore Records"_s;
    chapter1.date = u"2020-02-07"_s;
    chapter1.format = u"Digital"_s;
    chapter1.complete = false;
    chapter1.tracks = {
        track(1, u"Star Trek Picard Main Title"_s, 103'000, u"main-title"_s),
        track(2, u"Star Trek Picard End Title"_s, 104'000, u"end-title"_s),
        track(3, u"Walking With Number One"_s, 76'000, u"walking-with-number-one"_s),
        track(6, u"Dahj’s Last Fight"_s, 111'000, u"dahjs-last-fight"_s),
        track(11, u"Romulan Collusion"_s, 141'000, u"romulan-collusion"_s),
        track(13, u"Rafi Decides To Join"_s, 111'000, u"rafi-decides-to-join"_s),
        // The album gives 3:10; left unknown here to test unknown durations.
        track(18, u"Mystery Ship"_s, -1, u"mystery-ship"_s),
        track(27, u"Page (From Short Treks “Children Of Mars”)"_s, 118'000, u"page"_s),
    };

    Release season1;
    season1.id = u"season-1"_s;
    season1.title = u"Star Trek: Picard Season 1 (Original Series Soundtrack)"_s;
    season1.artists = {u"Jeff Russo"_s};
    season1.label = u"Lakeshore Records"_s;
    season1.date = u"2020-04-03"_s;
    season1.format = u"Digital"_s;
    season1.complete = false;
    season1.tracks = {
        track(1, u"Star Trek Picard Main Title"_s, 103'000, u"main-title"_s),
        track(2, u"Star Trek Picard End Title"_s, 104'000, u"end-title"_s),
        // The straight apostrophe of the other listing.
        track(6, u"Dahj's Last Fight"_s, 111'000, u"dahjs-last-fight"_s),
        track(11, u"Romulan Collusion"_s, 141'000, u"romulan-collusion"_s),
        track(13, u"Rafi Decides To Join"_s, 111'000, u"rafi-decides-to-join"_s),
        track(54, u"Blue Skies"_s, 166'000, u"blue-skies"_s),
        track(55, u"Star Trek Picard Episode 110 End Credits (Full Version)"_s, 130'000,
            u"season-1/1-55"_s),
    };
    return {chapter1, season1};
}

// Listed out of the order they are heard in, so that the models' sorting shows.
QList<Occurrence> picardOccurrences()
{
    using O = Occurrence;
    return {
        heardAt(u"courage-fanfare"_s, u"main-title"_s, O::Quotation, O::Ending, u"brass"_s,
            u"larson-soundtrax"_s),
        heard(u"picard"_s, u"main-title"_s, O::Statement, 21'000, 50'000, u"solo cello"_s,
            u"larson-soundtrax"_s, u"The melody Russo wrote first"_s),
        heardAt(u"inner-light"_s, u"main-title"_s, O::Allusion, O::Opening, u"flute"_s,
            u"marconi-review"_s),
        heard(u"star-trek-march"_s, u"main-title"_s, O::Quotation, 72'000, 90'000, u"horns"_s,
            u"marconi-review"_s),
        heardAt(u"romulan"_s, u"main-title"_s, O::Fragment, O::Throughout, u"low strings"_s,
            u"comicbook-news"_s),
        heardAt(u"picard"_s, u"main-title"_s, O::Variation, O::Middle, u"strings"_s),
        heard(u"picard"_s, u"season-1/1-55"_s, O::Statement, 0, 30'000, u"orchestra"_s),
        heardAt(u"picard"_s, u"dahjs-last-fight"_s, O::Fragment, O::Ending, u"cello"_s),
        heardAt(u"star-trek-march"_s, u"end-title"_s, O::Quotation, O::Ending, u"orchestra"_s),
        heardAt(u"romulan"_s, u"mystery-ship"_s, O::Allusion, O::Ending, u"low brass"_s),
        heardAt(u"inner-light"_s, u"mystery-ship"_s, O::Statement, O::Opening, u"flute"_s),
        heard(u"romulan"_s, u"romulan-collusion"_s, O::Statement, 45'000, 65'000, u"low brass"_s),
        heardAt(u"blue-skies"_s, u"blue-skies"_s, O::Statement, O::Throughout,
            u"voice, orchestra"_s, u"marconi-review"_s),
    };
}

} // namespace

namespace TestCatalogs {

Catalog picard()
{
    Catalog catalog;
    catalog.id = u"star-trek-picard"_s;
    catalog.title = u"Star Trek: Picard"_s;
    catalog.sources = {
        {u"marconi-review"_s, Source::Review,
            u"Jeff Russo – Star Trek: Picard, Season 1 – original series soundtrack"_s,
            u"Noah Marconi"_s, {}, {}, {}},
        {u"larson-soundtrax"_s, Source::Interview, u"Jeff Russo: Scoring STAR TREK PICARD"_s,
            u"Randall D. Larson"_s, u"Soundtrax"_s, u"2020-03-27"_s, {}},
        {u"comicbook-news"_s, Source::Article,
            u"Star Trek: Picard's First Soundtrack Releases This Week"_s, {}, u"ComicBook"_s,
            u"2020-02"_s, {}},
    };
    catalog.themes = picardThemes();
    catalog.cues = picardCues();
    catalog.releases = picardReleases();
    catalog.occurrences = picardOccurrences();
    catalog.buildIndex();
    return catalog;
}

Catalog picardSeason3()
{
    Catalog catalog;
    catalog.id = u"picard-season-3"_s;
    catalog.title = u"Star Trek: Picard – Season 3"_s;
    catalog.sources = {{u"collider"_s, Source::Article, u"Star Trek: Picard Season 3 score"_s, {},
        u"Collider"_s, u"2023-04-13"_s, {}}};
    catalog.themes = {{u"star-trek-march"_s, u"Star Trek March"_s, u"Jerry Goldsmith"_s,
        u"Star Trek: The Motion Picture"_s, {u"TMP main title"_s}, {}}};
    const QStringList composers {u"Stephen Barton"_s, u"Frederik Wiedmann"_s};
    catalog.cues = {
        cue(u"leaving-spacedock"_s, u"Leaving Spacedock"_s, composers, u"Vox"_s),
        cue(u"disengage"_s, u"Disengage"_s, composers),
    };

    Release season3;
    season3.id = u"season-3"_s;
    season3.title = u"Star Trek: Picard – Season 3 (Original Series Soundtrack)"_s;
    season3.artists = composers;
    season3.label = u"Lakeshore Records"_s;
    season3.date = u"2023-04-20"_s;
    season3.complete = false;
    // Two discs, made up for the tests of disc numbers.
    season3.tracks = {
        track(1, u"Disengage"_s, 120'000, u"disengage"_s, 1),
        track(4, u"Leaving Spacedock"_s, 210'000, u"leaving-spacedock"_s, 2),
    };
    catalog.releases = {season3};

    using O = Occurrence;
    catalog.occurrences = {
        heard(u"star-trek-march"_s, u"leaving-spacedock"_s, O::Quotation, 150'000, 180'000,
            u"full orchestra"_s, u"collider"_s),
        heardAt(u"star-trek-march"_s, u"disengage"_s, O::Allusion, O::Opening, u"horns"_s),
    };
    catalog.buildIndex();
    return catalog;
}

QString bundledPath()
{
    return QStringLiteral(CUEBOOK_SOURCE_DIR)
        + u"/resources/catalogs/star-trek-picard/catalog.json"_s;
}

Catalog bundled()
{
    CatalogReader reader;
    if (!reader.read(bundledPath()))
        qFatal("the bundled catalog does not read: %s", qPrintable(reader.errorString()));
    return reader.takeCatalog();
}

} // namespace TestCatalogs
