#include "catalog/occurrences.h"
#include "itemmodels/catalogmodel.h"
#include "testcatalogs.h"
#include "timeline/cuetimeline.h"
#include "timeline/cuetimelinefeed.h"
#include "userdata/filelinkstore.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"
#include "waveform/waveformloader.h"
#include "wavwriter.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace UserDataFixtures;

namespace {

const CueKey MainTitle {Picard, u"main-title"_s};
const CueKey LastFight {Picard, u"dahjs-last-fight"_s};
// Decoding runs through GStreamer on a worker thread: generous for a loaded machine.
constexpr int DecodeTimeout = 30'000;

Marker marker(const CueKey &cue, qint64 startMs, const QString &label)
{
    Marker marker;
    marker.id = Marker::newId();
    marker.cue = cue;
    marker.startMs = startMs;
    marker.label = label;
    return marker;
}

} // namespace

// The timeline fed from the open catalogs and the user database, following their changes.
class tst_CueTimelineFeed : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsTheCatalogsCue();
    void followsTheMarkers();
    void theLinkedFileGivesTheDurationAndTheWaveformsFile();
    void aMissingFileIsSaid();
    void aCueThatGoesAwayEmptiesTheTimeline();
    void readsTheWaveformOfTheLinkedFile();
    void saysWhenTheWaveformCannotBeRead();

private:
    QString createFile(const QString &name) const
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write("RIFF") != 4)
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    std::unique_ptr<CatalogModel> m_catalogs;
    std::unique_ptr<CueTimeline> m_timeline;
    CueTimelineFeed *m_feed = nullptr;
};

void tst_CueTimelineFeed::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY2(
        m_userData->open(m_dir->filePath(u"user.sqlite"_s)), qPrintable(m_userData->errorString()));
    m_catalogs = std::make_unique<CatalogModel>();
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picard()));
    m_timeline = std::make_unique<CueTimeline>();
    m_feed = new CueTimelineFeed(m_catalogs.get(), m_timeline.get());
    m_feed->setUserData(m_userData.get());
}

void tst_CueTimelineFeed::cleanup()
{
    m_timeline.reset();
    m_catalogs.reset();
    m_userData.reset();
    m_dir.reset();
}

void tst_CueTimelineFeed::showsTheCatalogsCue()
{
    m_feed->setCue(MainTitle);
    QCOMPARE(m_timeline->duration(), 103'000);
    const QList<OccurrenceRow> heard = Occurrences::ofCue(m_catalogs->catalogs(), MainTitle);
    QVERIFY(heard.size() >= 5);
    QCOMPARE(m_timeline->occurrences().size(), heard.size());
    for (qsizetype i = 0; i < heard.size(); ++i)
        QCOMPARE(m_timeline->occurrences().at(i).themeId, heard.at(i).occurrence.themeId);
    QCOMPARE(m_timeline->waveformStatus(), CueTimeline::WaveformStatus::NoAudioFile);
    QVERIFY(m_feed->audioPath().isEmpty());
    // Theme names, not ids, on the occurrences: the timed Picard theme at 0:21.
    const QString tip = m_timeline->toolTipAt(
        QPoint(int(m_timeline->scale().xOf(30'000)), int(m_timeline->trackRect().center().y())));
    const Theme *picard = m_catalogs->catalog(Picard)->theme(u"picard"_s);
    QVERIFY(picard);
    QVERIFY2(tip.contains(picard->name + u" · Statement\n0:21–0:50"_s), qPrintable(tip));
}

void tst_CueTimelineFeed::followsTheMarkers()
{
    QVERIFY(m_userData->markers()->putMarker(marker(MainTitle, 72'000, u"the March"_s)));
    QVERIFY(m_userData->markers()->putMarker(marker(LastFight, 5'000, u"elsewhere"_s)));
    m_feed->setCue(MainTitle);
    QCOMPARE(m_timeline->markers().size(), 1);
    QCOMPARE(m_timeline->markers().at(0).label, u"the March"_s);

    // A marker moved on the timeline and stored by its caller comes back from the store.
    Marker moved = m_timeline->markers().at(0);
    moved.startMs = 75'000;
    QVERIFY(m_userData->markers()->putMarker(moved));
    QCOMPARE(m_timeline->markers().at(0).startMs, 75'000);
    QVERIFY(m_userData->markers()->putMarker(marker(MainTitle, 90'000, u"fanfare"_s)));
    QCOMPARE(m_timeline->markers().size(), 2);
    QVERIFY(m_userData->markers()->removeMarker(moved.id));
    QCOMPARE(m_timeline->markers().size(), 1);

    m_feed->setCue(LastFight);
    QCOMPARE(m_timeline->markers().at(0).label, u"elsewhere"_s);
    // Without a user database, no markers.
    m_feed->setUserData(nullptr);
    QVERIFY(m_timeline->markers().isEmpty());
}

void tst_CueTimelineFeed::theLinkedFileGivesTheDurationAndTheWaveformsFile()
{
    m_feed->setCue(MainTitle);
    m_timeline->setPosition(10'000);
    QSignalSpy paths(m_feed, &CueTimelineFeed::audioPathChanged);
    FileLink linked = link(u"main-title"_s, createFile(u"01 Main Title.wav"_s));
    linked.file.durationMs = 104'250;
    QVERIFY(m_userData->fileLinks()->linkFile(linked));
    QCOMPARE(paths.size(), 1);
    QCOMPARE(paths.at(0).at(0).toString(), linked.file.path);
    QCOMPARE(m_feed->audioPath(), linked.file.path);
    QCOMPARE(m_timeline->duration(), 104'250);
    QCOMPARE(m_timeline->waveformStatus(), CueTimeline::WaveformStatus::Reading);

    // The waveform arrives; a change to the links that keeps the same file keeps it.
    m_timeline->setPeaks({{-0.5f, 0.5f}});
    FileLink spare = link(u"main-title"_s, m_dir->filePath(u"gone.flac"_s));
    QVERIFY(m_userData->fileLinks()->linkFile(spare));
    QCOMPARE(m_timeline->waveformStatus(), CueTimeline::WaveformStatus::Ready);
    QCOMPARE(paths.size(), 1);

    // Another cue: no playhead (it is not the one playing until the player says so), and the
    // waveform of no file.
    m_feed->setCue(LastFight);
    QCOMPARE(m_timeline->position(), -1);
    QCOMPARE(m_timeline->duration(), 111'000);
    QCOMPARE(paths.size(), 2);
    QVERIFY(paths.at(1).at(0).toString().isEmpty());
    QCOMPARE(m_timeline->waveformStatus(), CueTimeline::WaveformStatus::NoAudioFile);
}

void tst_CueTimelineFeed::aMissingFileIsSaid()
{
    QVERIFY(m_userData->fileLinks()->linkFile(
        link(u"main-title"_s, m_dir->filePath(u"Lost/Main Title.flac"_s))));
    m_feed->setCue(MainTitle);
    QCOMPARE(m_timeline->waveformStatus(), CueTimeline::WaveformStatus::Unreadable);
    QCOMPARE(m_timeline->waveformText(), u"The linked audio file is missing"_s);
    QVERIFY(m_feed->audioPath().isEmpty());
    // The file's length is not trusted for a file that is not there: the catalog's.
    QCOMPARE(m_timeline->duration(), 103'000);
}

void tst_CueTimelineFeed::aCueThatGoesAwayEmptiesTheTimeline()
{
    QVERIFY(m_userData->markers()->putMarker(marker(MainTitle, 72'000, u"the March"_s)));
    m_feed->setCue(MainTitle);
    QVERIFY(m_catalogs->removeCatalog(Picard));
    QCOMPARE(m_timeline->duration(), 0);
    QVERIFY(m_timeline->occurrences().isEmpty());
    QVERIFY(m_timeline->markers().isEmpty());
    // Back with its catalog, back on the timeline.
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picard()));
    QCOMPARE(m_timeline->duration(), 103'000);
    QCOMPARE(m_timeline->markers().size(), 1);
}

void tst_CueTimelineFeed::readsTheWaveformOfTheLinkedFile()
{
    // Loud for two seconds, then silent for two.
    const QString path = m_dir->filePath(u"main-title.wav"_s);
    QVERIFY(WavWriter::writeParts(path, {{2'000, 0.9}, {2'000, 0.0}}));
    FileLink linked = link(u"main-title"_s, path);
    linked.file.durationMs = 4'000;
    QVERIFY(m_userData->fileLinks()->linkFile(linked));
    WaveformLoader loader(m_dir->filePath(u"waveforms"_s));
    m_feed->setWaveformLoader(&loader);
    m_feed->setCue(MainTitle);
    QCOMPARE(m_timeline->duration(), 4'000);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_timeline->waveformStatus(), CueTimeline::WaveformStatus::Ready, DecodeTimeout);

    m_timeline->resize(404, 80);
    // The occurrences' tints aside, the loud half is drawn and the silent half is a thin line.
    m_timeline->setOccurrences({});
    QImage image(m_timeline->size(), QImage::Format_ARGB32_Premultiplied);
    m_timeline->render(&image);
    const QColor base = m_timeline->palette().color(QPalette::Base);
    const QRectF track = m_timeline->trackRect();
    const int high = int(track.center().y() - track.height() / 4);
    QVERIFY(image.pixelColor(int(m_timeline->scale().xOf(1'000)), high) != base);
    QCOMPARE(image.pixelColor(int(m_timeline->scale().xOf(3'000)), high), base);

    // Another cue, without a file, has none; back again, the waveform comes from the cache.
    m_feed->setCue(LastFight);
    QCOMPARE(m_timeline->waveformStatus(), CueTimeline::WaveformStatus::NoAudioFile);
    QSignalSpy started(&loader, &WaveformLoader::decodingStarted);
    m_feed->setCue(MainTitle);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_timeline->waveformStatus(), CueTimeline::WaveformStatus::Ready, DecodeTimeout);
    QCOMPARE(started.size(), 0);
}

void tst_CueTimelineFeed::saysWhenTheWaveformCannotBeRead()
{
    QVERIFY(
        m_userData->fileLinks()->linkFile(link(u"main-title"_s, createFile(u"not really.wav"_s))));
    WaveformLoader loader(m_dir->filePath(u"waveforms"_s));
    m_feed->setWaveformLoader(&loader);
    m_feed->setCue(MainTitle);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_timeline->waveformStatus(), CueTimeline::WaveformStatus::Unreadable, DecodeTimeout);
    QVERIFY2(m_timeline->waveformText().startsWith(u"The waveform could not be read: "_s),
        qPrintable(m_timeline->waveformText()));
}

QTEST_MAIN(tst_CueTimelineFeed)
#include "tst_cuetimelinefeed.moc"
