#include "library/matching/trackmatcher.h"
#include "testcatalogs.h"

#include <QTest>

#include <algorithm>
#include <numeric>
#include <random>

using namespace Qt::StringLiterals;

namespace {

const QString SeasonAlbum = u"Star Trek: Picard – Season 1 (Original Series Soundtrack)"_s;
const QString ChapterAlbum
    = u"Star Trek: Picard – Season 1, Chapter 1 (Original Series Soundtrack)"_s;
const QString Music = u"/music"_s;

AudioFileInfo audioFile(const QString &folder, const QString &fileName)
{
    AudioFileInfo file;
    file.folder = folder;
    file.fileName = fileName;
    file.path = folder + u'/' + fileName;
    file.size = 1000;
    file.mtime = 0;
    return file;
}

// The files a store sells for the release: tags as the catalog gives them.
QList<AudioFileInfo> albumFiles(
    const Release &release, const QString &album, const QString &folder = {})
{
    const QString where = folder.isEmpty() ? Music + u'/' + album : folder;
    QList<AudioFileInfo> files;
    for (const Track &track : release.tracks) {
        AudioFileInfo file = audioFile(
            where, u"%1 - %2.flac"_s.arg(track.number, 2, 10, QChar(u'0')).arg(track.title));
        file.title = track.title;
        file.album = album;
        file.albumArtist = u"Jeff Russo"_s;
        file.artist = u"Jeff Russo"_s;
        file.composer = u"Jeff Russo"_s;
        file.trackNumber = track.number;
        file.trackTotal = int(release.tracks.size());
        file.discNumber = 1;
        file.durationMs = track.durationMs;
        files.append(file);
    }
    return files;
}

// The same files with no tags at all: the folder names the album, the file name the track.
QList<AudioFileInfo> untagged(const QList<AudioFileInfo> &files)
{
    QList<AudioFileInfo> bare;
    for (const AudioFileInfo &file : files) {
        AudioFileInfo plain = audioFile(file.folder, file.fileName);
        plain.durationMs = file.durationMs;
        bare.append(plain);
    }
    return bare;
}

QStringList linkedAll(const Release &release)
{
    QStringList expected;
    for (const Track &track : release.tracks)
        expected.append(u"linked "_s + track.cueId);
    return expected;
}

QString describe(const MatchResult &result)
{
    switch (result.status) {
    case MatchResult::Linked:
        return u"linked "_s + result.link.cueId;
    case MatchResult::Ambiguous: {
        QStringList cues;
        for (const MatchCandidate &candidate : result.candidates)
            cues.append(candidate.cueId);
        return u"ambiguous "_s + cues.join(u'|');
    }
    case MatchResult::Unmatched:
        return u"unmatched"_s;
    case MatchResult::Unreadable:
        return u"unreadable "_s + result.reason;
    }
    return {};
}

QStringList describe(const QList<MatchResult> &results)
{
    QStringList lines;
    for (const MatchResult &result : results)
        lines.append(describe(result));
    return lines;
}

} // namespace

class tst_TrackMatcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void match_data();
    void match();
    void sameAlbumInTwoCatalogs();
    void deterministicInInputOrder();

private:
    const Release &release(const QString &id) const { return *m_catalog.release(id); }

    Catalog m_catalog;
};

void tst_TrackMatcher::initTestCase()
{
    m_catalog = TestCatalogs::bundled();
    QCOMPARE(release(u"picard-s1"_s).tracks.size(), 55);
    QCOMPARE(release(u"picard-s1-chapter-1"_s).tracks.size(), 28);
}

void tst_TrackMatcher::match_data()
{
    QTest::addColumn<QList<AudioFileInfo>>("files");
    QTest::addColumn<QStringList>("expected");
    // Where every linked file must have been linked; empty when either release will do.
    QTest::addColumn<QString>("releaseId");

    const Release &season = release(u"picard-s1"_s);
    const Release &chapter = release(u"picard-s1-chapter-1"_s);
    const QList<AudioFileInfo> seasonFiles = albumFiles(season, SeasonAlbum);
    const QList<AudioFileInfo> chapterFiles = albumFiles(chapter, ChapterAlbum);

    QTest::newRow("full album") << seasonFiles << linkedAll(season) << season.id;
    QTest::newRow("chapter 1 album") << chapterFiles << linkedAll(chapter) << chapter.id;
    {
        QList<AudioFileInfo> files = seasonFiles;
        for (AudioFileInfo &file : files)
            file.trackNumber = (file.trackNumber * 7) % 55 + 1;
        QTest::newRow("another store's order") << files << linkedAll(season) << season.id;
    }
    {
        QList<AudioFileInfo> files = seasonFiles;
        std::reverse(files.begin(), files.end());
        QStringList expected = linkedAll(season);
        std::reverse(expected.begin(), expected.end());
        QTest::newRow("files listed backwards") << files << expected << season.id;
    }
    {
        QList<AudioFileInfo> files = seasonFiles;
        for (AudioFileInfo &file : files) {
            file.trackNumber = 0;
            file.trackTotal = 0;
        }
        QTest::newRow("no track numbers") << files << linkedAll(season) << season.id;
    }
    {
        QList<AudioFileInfo> files = seasonFiles;
        for (AudioFileInfo &file : files) {
            file.title = file.title.toLower();
            file.album = file.album.toLower();
        }
        QTest::newRow("lowercase titles") << files << linkedAll(season) << season.id;
    }
    {
        // The catalog spells the chapter album with curly apostrophes, the season with straight.
        QList<AudioFileInfo> files = chapterFiles;
        for (AudioFileInfo &file : files)
            file.title.replace(u'’', u'\'').replace(u'“', u'"').replace(u'”', u'"');
        QTest::newRow("straight apostrophes for curly")
            << files << linkedAll(chapter) << chapter.id;
        files = seasonFiles;
        for (AudioFileInfo &file : files)
            file.title.replace(u'\'', u'’');
        QTest::newRow("curly apostrophes for straight") << files << linkedAll(season) << season.id;
    }
    {
        QList<AudioFileInfo> files = seasonFiles;
        for (AudioFileInfo &file : files) {
            if (file.title.startsWith(u"Rafi "_s))
                file.title.replace(u"Rafi "_s, u"Raffi "_s);
            else
                file.title.replace(u"Raffi "_s, u"Rafi "_s);
        }
        QTest::newRow("Rafi and Raffi swapped") << files << linkedAll(season) << season.id;
    }
    const QStringList partSpellings = {u"Part 1"_s, u"Pt 1"_s, u"Pt1"_s, u"pt. 1"_s, u"Part One"_s};
    for (const QString &spelling : partSpellings) {
        QList<AudioFileInfo> files = seasonFiles;
        QString second = spelling;
        second.replace(u'1', u'2').replace(u"One"_s, u"Two"_s);
        files[49].title = u"Romulans Arrive "_s + spelling;
        files[50].title = u"Romulans Arrive "_s + second;
        QTest::addRow("\"Pt.1\" as \"%s\"", qPrintable(spelling))
            << files << linkedAll(season) << season.id;
    }
    {
        // Store suffixes left out, or spelled with a dash instead of brackets.
        QList<AudioFileInfo> files = seasonFiles;
        files[26].title = u"Page"_s;
        files[27].title = u"Children of Mars End Credits - From Short Treks \"Children of Mars\""_s;
        files[54].title = u"Star Trek Picard Episode 110 End Credits"_s;
        files[0].title = u"Main Title"_s;
        QTest::newRow("bracketed suffixes optional") << files << linkedAll(season) << season.id;
    }
    {
        // A rip that found no titles: the numbers and durations are right, and still only a guess.
        QList<AudioFileInfo> files = seasonFiles;
        for (AudioFileInfo &file : files)
            file.title = u"Track %1"_s.arg(file.trackNumber, 2, 10, QChar(u'0'));
        QTest::newRow("numbers and durations alone")
            << files << QStringList(55, u"unmatched"_s) << QString();
    }
    QTest::newRow("no tags at all") << untagged(seasonFiles) << linkedAll(season) << season.id;
    {
        QList<AudioFileInfo> files = untagged(albumFiles(
            season, SeasonAlbum, Music + u"/Jeff Russo/Star Trek Picard S01 (2020) [FLAC]"_s));
        for (AudioFileInfo &file : files)
            file.fileName = file.fileName.mid(5);
        QTest::newRow("no tags, folder and plain file names")
            << files << linkedAll(season) << season.id;
    }
    {
        QList<AudioFileInfo> files = seasonFiles;
        for (qsizetype i = 0; i < files.size(); ++i)
            files[i].durationMs += i % 2 ? 2000 : -2000;
        QTest::newRow("durations off by 2 s") << files << linkedAll(season) << season.id;
    }
    {
        QList<AudioFileInfo> files = seasonFiles;
        files[8].durationMs += 30'000;
        files[20].durationMs -= 30'000;
        QStringList expected = linkedAll(season);
        expected[8] = u"unmatched"_s;
        expected[20] = u"unmatched"_s;
        QTest::newRow("durations off by 30 s") << files << expected << season.id;
    }
    {
        QList<AudioFileInfo> files = seasonFiles;
        for (AudioFileInfo &file : files)
            file.durationMs = -1;
        QTest::newRow("durations unknown") << files << linkedAll(season) << season.id;
    }
    {
        // Tracks 30 to 39 only: on the season album alone.
        const QList<AudioFileInfo> files = seasonFiles.mid(29, 10);
        QTest::newRow("partial album") << files << linkedAll(season).mid(29, 10) << season.id;
    }
    {
        // The chapter's files under the season's album name: both releases give the same cues.
        QList<AudioFileInfo> files = seasonFiles.mid(0, 28);
        QTest::newRow("chapter files named as the season")
            << files << linkedAll(chapter) << QString();
        files = untagged(albumFiles(chapter, QString(), Music + u"/Star Trek Picard"_s));
        QTest::newRow("chapter files in a vague folder")
            << files << linkedAll(chapter) << QString();
    }
    {
        QList<AudioFileInfo> files = seasonFiles;
        for (AudioFileInfo &file : files) {
            file.album = u"Star Trek: Discovery – Season 1 (Original Series Soundtrack)"_s;
            file.folder = Music + u"/Star Trek Discovery S1"_s;
        }
        QTest::newRow("another album with the same titles and durations")
            << files << QStringList(55, u"unmatched"_s) << QString();
    }
    {
        QList<AudioFileInfo> files;
        const QString folder = Music + u"/Star Trek: Discovery Season 2"_s;
        AudioFileInfo mainTitle = audioFile(folder, u"01 - Main Title.flac"_s);
        mainTitle.durationMs = 103'000;
        files << mainTitle;
        mainTitle.title = u"Star Trek Picard Main Title"_s;
        mainTitle.album = u"Star Trek: Discovery Season 2"_s;
        mainTitle.composer = u"Jeff Russo"_s;
        mainTitle.trackNumber = 1;
        files << mainTitle;
        QTest::newRow("another album's Main Title")
            << files << QStringList(2, u"unmatched"_s) << QString();
    }
    {
        const QString folder = Music + u"/Soundtracks"_s;
        QList<AudioFileInfo> files;
        QStringList expected;
        for (const int n : {0, 5, 17, 40, 53}) {
            AudioFileInfo file = seasonFiles.at(n);
            file.folder = folder;
            files << file;
            expected << u"linked "_s + season.tracks.at(n).cueId;
        }
        for (const int n : {0, 1, 8}) {
            AudioFileInfo file = seasonFiles.at(n);
            file.folder = folder;
            file.album = u"Star Trek: Discovery Season 2"_s;
            files << file;
            expected << u"unmatched"_s;
        }
        for (const int n : {2, 3})
            files << untagged({seasonFiles.at(n)}).constFirst();
        files[files.size() - 2].folder = folder;
        files[files.size() - 1].folder = folder;
        expected << u"unmatched"_s << u"unmatched"_s;
        QTest::newRow("mixed folder") << files << expected << season.id;
    }
    {
        QList<AudioFileInfo> files = seasonFiles.mid(45, 10);
        files[4].title = u"Romulans Arrive"_s;
        files[4].durationMs = -1;
        files.removeAt(5);
        QStringList expected = linkedAll(season).mid(45, 10);
        expected[4] = u"ambiguous romulans-arrive-pt-1|romulans-arrive-pt-2"_s;
        expected.removeAt(5);
        QTest::newRow("one of two parts, no duration") << files << expected << season.id;
        files[4].durationMs = 132'000;
        expected[4] = u"ambiguous romulans-arrive-pt-1"_s;
        QTest::newRow("loose fit offered, not linked") << files << expected << season.id;
    }
    {
        QList<AudioFileInfo> files = seasonFiles.mid(0, 10);
        AudioFileInfo bonus = files.at(3);
        bonus.title = u"Picard Theme (Piano Demo)"_s;
        bonus.trackNumber = 56;
        files << bonus;
        QStringList expected = linkedAll(season).mid(0, 10);
        expected << u"unmatched"_s;
        QTest::newRow("bonus track the release lacks") << files << expected << QString();
    }
    {
        QList<AudioFileInfo> files = seasonFiles.mid(10, 5);
        for (AudioFileInfo copy : seasonFiles.mid(10, 5)) {
            copy.fileName.replace(u".flac"_s, u".mp3"_s);
            files << copy;
        }
        const QStringList links = linkedAll(season).mid(10, 5);
        QTest::newRow("FLAC and MP3 copies in one folder") << files << links + links << season.id;
    }
    {
        QList<AudioFileInfo> files = untagged(albumFiles(
            chapter, QString(), Music + u"/Star Trek Picard - Season 1, Chapter 1/CD 1"_s));
        QTest::newRow("disc folder under the album folder")
            << files << linkedAll(chapter) << chapter.id;
    }
    {
        QList<AudioFileInfo> files = seasonFiles.mid(0, 3);
        files[1].readable = false;
        files[1].unreadableReason = u"empty file"_s;
        QStringList expected = linkedAll(season).mid(0, 3);
        expected[1] = u"unreadable empty file"_s;
        QTest::newRow("unreadable passes through") << files << expected << QString();
    }
}

void tst_TrackMatcher::match()
{
    QFETCH(QList<AudioFileInfo>, files);
    QFETCH(QStringList, expected);
    QFETCH(QString, releaseId);

    const QList<MatchResult> results = TrackMatcher::match({m_catalog}, files);
    QCOMPARE(describe(results), expected);
    for (const MatchResult &result : results) {
        if (result.status != MatchResult::Linked)
            continue;
        QCOMPARE(result.link.catalogId, m_catalog.id);
        QVERIFY(result.link.score >= 0.75 && result.link.score <= 1.0);
        if (!releaseId.isEmpty())
            QCOMPARE(result.link.releaseId, releaseId);
    }
}

void tst_TrackMatcher::sameAlbumInTwoCatalogs()
{
    Catalog copy = m_catalog;
    copy.id = u"picard-copy"_s;
    copy.buildIndex();
    const Release &season = release(u"picard-s1"_s);
    const QList<AudioFileInfo> files = albumFiles(season, SeasonAlbum).mid(0, 4);

    const QList<MatchResult> results = TrackMatcher::match({m_catalog, copy}, files);
    for (qsizetype i = 0; i < files.size(); ++i) {
        const MatchResult &result = results.at(i);
        QCOMPARE(result.status, MatchResult::Ambiguous);
        QCOMPARE(result.candidates.size(), 2);
        QCOMPARE(result.candidates.at(0).catalogId, m_catalog.id);
        QCOMPARE(result.candidates.at(1).catalogId, copy.id);
        QCOMPARE(result.candidates.at(0).cueId, season.tracks.at(i).cueId);
        QCOMPARE(result.candidates.at(1).cueId, season.tracks.at(i).cueId);
    }
}

void tst_TrackMatcher::deterministicInInputOrder()
{
    const Release &season = release(u"picard-s1"_s);
    const Release &chapter = release(u"picard-s1-chapter-1"_s);
    QList<AudioFileInfo> files
        = albumFiles(season, SeasonAlbum) + albumFiles(chapter, ChapterAlbum);
    QStringList expected = linkedAll(season) + linkedAll(chapter);
    QList<int> order(files.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 random(4);
    std::shuffle(order.begin(), order.end(), random);
    QList<AudioFileInfo> shuffled;
    QStringList shuffledExpected;
    for (const int i : std::as_const(order)) {
        shuffled.append(files.at(i));
        shuffledExpected.append(expected.at(i));
    }

    const QStringList first = describe(TrackMatcher::match({m_catalog}, shuffled));
    QCOMPARE(first, shuffledExpected);
    QCOMPARE(describe(TrackMatcher::match({m_catalog}, shuffled)), first);
}

QTEST_GUILESS_MAIN(tst_TrackMatcher)
#include "tst_trackmatcher.moc"
