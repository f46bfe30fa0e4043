#include "playback/playqueue.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A release of five tracks; tracks 2 and 4 (indexes 1 and 3) have no file.
QList<PlayQueue::Item> release()
{
    QList<PlayQueue::Item> tracks;
    for (int i = 1; i <= 5; ++i) {
        const bool hasFile = i != 2 && i != 4;
        tracks.append({u"picard"_s, u"cue-%1"_s.arg(i), u"s1-vol1"_s, u"Track %1"_s.arg(i),
            hasFile ? u"/music/%1.flac"_s.arg(i) : QString()});
    }
    return tracks;
}

QString currentCue(const PlayQueue &queue)
{
    return queue.current() ? queue.current()->cueId : QString();
}

} // namespace

class tst_PlayQueue : public QObject
{
    Q_OBJECT

private slots:
    void emptyQueue();
    void releaseInAlbumOrderSkippingTracksWithoutFiles();
    void startFromATrack();
    void startFromATrackWithoutAFile();
    void nothingToPlay();
    void nextAtTheEnd();
    void previousAtTheStart();
    void previousRestartsAfterThreeSeconds_data();
    void previousRestartsAfterThreeSeconds();
    void previousAfterTheEnd();
    void startOffsetOnlyForTheFirstItem();
    void startOffsetDroppedWhenTheTrackAskedForHasNoFile();
    void playCue();
    void markUnplayableMovesOn();
    void markUnplayableElsewhereIsSkippedLater();
    void markUnplayableLastFinishes();
    void newQueueReplacesTheOld();
};

void tst_PlayQueue::emptyQueue()
{
    PlayQueue queue;
    QVERIFY(queue.isEmpty());
    QCOMPARE(queue.currentIndex(), -1);
    QVERIFY(!queue.current());
    QVERIFY(!queue.hasNext());
    QCOMPARE(queue.next(), PlayQueue::Finished);
    QCOMPARE(queue.previous(0), PlayQueue::Finished);
    QCOMPARE(queue.markUnplayable(0), PlayQueue::NoChange);
    QCOMPARE(queue.startOffsetMs(), 0);
    QVERIFY(!queue.isFinished());
}

void tst_PlayQueue::releaseInAlbumOrderSkippingTracksWithoutFiles()
{
    PlayQueue queue;
    QVERIFY(queue.playRelease(release()));
    QCOMPARE(queue.count(), 3);
    QCOMPARE(queue.skippedCount(), 2);
    QCOMPARE(queue.items().at(0).cueId, u"cue-1"_s);
    QCOMPARE(queue.items().at(1).cueId, u"cue-3"_s);
    QCOMPARE(queue.items().at(2).cueId, u"cue-5"_s);
    QCOMPARE(queue.currentIndex(), 0);
    QCOMPARE(queue.current()->filePath, u"/music/1.flac"_s);
    QCOMPARE(queue.current()->releaseId, u"s1-vol1"_s);
    QCOMPARE(queue.current()->title, u"Track 1"_s);
    QVERIFY(queue.hasNext());
    QCOMPARE(queue.next(), PlayQueue::PlayCurrent);
    QCOMPARE(currentCue(queue), u"cue-3"_s);
    QCOMPARE(queue.next(), PlayQueue::PlayCurrent);
    QCOMPARE(currentCue(queue), u"cue-5"_s);
    QVERIFY(!queue.hasNext());
}

void tst_PlayQueue::startFromATrack()
{
    PlayQueue queue;
    QVERIFY(queue.playRelease(release(), 2));
    QCOMPARE(currentCue(queue), u"cue-3"_s);
    // The tracks before it stay in the queue, for previous().
    QCOMPARE(queue.count(), 3);
    QCOMPARE(queue.previous(0), PlayQueue::PlayCurrent);
    QCOMPARE(currentCue(queue), u"cue-1"_s);
}

void tst_PlayQueue::startFromATrackWithoutAFile()
{
    PlayQueue queue;
    QVERIFY(queue.playRelease(release(), 3));
    QCOMPARE(currentCue(queue), u"cue-5"_s);
}

void tst_PlayQueue::nothingToPlay()
{
    QList<PlayQueue::Item> tracks = release();
    for (PlayQueue::Item &track : tracks)
        track.filePath.clear();
    PlayQueue queue;
    QVERIFY(!queue.playRelease(tracks));
    QVERIFY(queue.isEmpty());
    QCOMPARE(queue.skippedCount(), 5);
    QVERIFY(!queue.current());
    QCOMPARE(queue.next(), PlayQueue::Finished);
    // Started after the last track with a file: nothing to play either.
    QVERIFY(!queue.playRelease(release().mid(0, 4), 3));
    QVERIFY(queue.isEmpty());
}

void tst_PlayQueue::nextAtTheEnd()
{
    PlayQueue queue;
    QVERIFY(queue.playRelease(release(), 4));
    QCOMPARE(currentCue(queue), u"cue-5"_s);
    QCOMPARE(queue.next(), PlayQueue::Finished);
    QVERIFY(queue.isFinished());
    QCOMPARE(queue.currentIndex(), -1);
    QVERIFY(!queue.current());
    QCOMPARE(queue.next(), PlayQueue::Finished);
    // The items stay: the queue can be played again.
    QCOMPARE(queue.count(), 3);
}

void tst_PlayQueue::previousAtTheStart()
{
    PlayQueue queue;
    QVERIFY(queue.playRelease(release()));
    // Nothing before the first item: it starts again, however little it has played.
    QCOMPARE(queue.previous(500), PlayQueue::RestartCurrent);
    QCOMPARE(currentCue(queue), u"cue-1"_s);
}

void tst_PlayQueue::previousRestartsAfterThreeSeconds_data()
{
    QTest::addColumn<qint64>("positionMs");
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("cue");
    QTest::newRow("just started") << qint64(0) << int(PlayQueue::PlayCurrent) << u"cue-1"_s;
    QTest::newRow("at 3 s") << qint64(3000) << int(PlayQueue::PlayCurrent) << u"cue-1"_s;
    QTest::newRow("past 3 s") << qint64(3001) << int(PlayQueue::RestartCurrent) << u"cue-3"_s;
    QTest::newRow("minutes in") << qint64(180'000) << int(PlayQueue::RestartCurrent) << u"cue-3"_s;
}

void tst_PlayQueue::previousRestartsAfterThreeSeconds()
{
    QFETCH(qint64, positionMs);
    QFETCH(int, step);
    QFETCH(QString, cue);
    PlayQueue queue;
    QVERIFY(queue.playRelease(release(), 2));
    QCOMPARE(int(queue.previous(positionMs)), step);
    QCOMPARE(currentCue(queue), cue);
    QCOMPARE(queue.startOffsetMs(), 0);
}

void tst_PlayQueue::previousAfterTheEnd()
{
    PlayQueue queue;
    QVERIFY(queue.playRelease(release(), 4));
    QCOMPARE(queue.next(), PlayQueue::Finished);
    QCOMPARE(queue.previous(0), PlayQueue::PlayCurrent);
    QCOMPARE(currentCue(queue), u"cue-5"_s);
    QVERIFY(!queue.isFinished());
}

void tst_PlayQueue::startOffsetOnlyForTheFirstItem()
{
    PlayQueue queue;
    QVERIFY(queue.playRelease(release(), 2, 72'000));
    QCOMPARE(queue.startOffsetMs(), 72'000);
    QCOMPARE(queue.next(), PlayQueue::PlayCurrent);
    QCOMPARE(queue.startOffsetMs(), 0);
    // Back to the first item: from its start now.
    QCOMPARE(queue.previous(0), PlayQueue::PlayCurrent);
    QCOMPARE(currentCue(queue), u"cue-3"_s);
    QCOMPARE(queue.startOffsetMs(), 0);

    // A restart drops it too.
    QVERIFY(queue.playRelease(release(), 0, 5000));
    QCOMPARE(queue.previous(6000), PlayQueue::RestartCurrent);
    QCOMPARE(queue.startOffsetMs(), 0);
}

void tst_PlayQueue::startOffsetDroppedWhenTheTrackAskedForHasNoFile()
{
    PlayQueue queue;
    QVERIFY(queue.playRelease(release(), 1, 30'000));
    QCOMPARE(currentCue(queue), u"cue-3"_s);
    QCOMPARE(queue.startOffsetMs(), 0);
}

void tst_PlayQueue::playCue()
{
    PlayQueue queue;
    const PlayQueue::Item item = release().at(2);
    QVERIFY(queue.playCue(item, 41'250));
    QCOMPARE(queue.count(), 1);
    QCOMPARE(currentCue(queue), u"cue-3"_s);
    QCOMPARE(queue.startOffsetMs(), 41'250);
    QVERIFY(!queue.hasNext());
    QCOMPARE(queue.next(), PlayQueue::Finished);

    QVERIFY(!queue.playCue(release().at(1), 1000));
    QCOMPARE(queue.skippedCount(), 1);
    QVERIFY(queue.isEmpty());
}

void tst_PlayQueue::markUnplayableMovesOn()
{
    PlayQueue queue;
    QVERIFY(queue.playRelease(release(), 0, 10'000));
    QCOMPARE(queue.markUnplayable(0), PlayQueue::PlayCurrent);
    QCOMPARE(currentCue(queue), u"cue-3"_s);
    QCOMPARE(queue.startOffsetMs(), 0);
    QVERIFY(!queue.isPlayable(0));
    QCOMPARE(queue.unplayableCount(), 1);
    // Going back skips the broken file: nothing playable before, so a restart.
    QCOMPARE(queue.previous(0), PlayQueue::RestartCurrent);
    QCOMPARE(currentCue(queue), u"cue-3"_s);
}

void tst_PlayQueue::markUnplayableElsewhereIsSkippedLater()
{
    PlayQueue queue;
    QVERIFY(queue.playRelease(release()));
    QCOMPARE(queue.markUnplayable(1), PlayQueue::NoChange);
    QCOMPARE(currentCue(queue), u"cue-1"_s);
    QCOMPARE(queue.next(), PlayQueue::PlayCurrent);
    QCOMPARE(currentCue(queue), u"cue-5"_s);
    QCOMPARE(queue.previous(0), PlayQueue::PlayCurrent);
    QCOMPARE(currentCue(queue), u"cue-1"_s);
    QCOMPARE(queue.markUnplayable(7), PlayQueue::NoChange);
}

void tst_PlayQueue::markUnplayableLastFinishes()
{
    PlayQueue queue;
    QVERIFY(queue.playRelease(release(), 4));
    QCOMPARE(queue.markUnplayable(queue.currentIndex()), PlayQueue::Finished);
    QVERIFY(queue.isFinished());
    QVERIFY(!queue.current());
    // Back from the end: the last playable one, not the broken one.
    QCOMPARE(queue.previous(0), PlayQueue::PlayCurrent);
    QCOMPARE(currentCue(queue), u"cue-3"_s);
}

void tst_PlayQueue::newQueueReplacesTheOld()
{
    PlayQueue queue;
    QVERIFY(queue.playRelease(release()));
    queue.markUnplayable(0);
    QVERIFY(queue.playCue(release().at(4), 0));
    QCOMPARE(queue.count(), 1);
    QCOMPARE(queue.unplayableCount(), 0);
    QCOMPARE(queue.skippedCount(), 0);
    queue.clear();
    QVERIFY(queue.isEmpty());
    QVERIFY(!queue.current());
}

QTEST_APPLESS_MAIN(tst_PlayQueue)
#include "tst_playqueue.moc"
