#include "navigation/paneaction.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_PaneAction : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void rejects_data();
    void rejects();
};

void tst_PaneAction::roundTrip_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("release");
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<QString>("path");
    QTest::newRow("play from the start")
        << int(PaneAction::Play) << QString() << qint64(0) << QString();
    QTest::newRow("play a theme's entrance")
        << int(PaneAction::Play) << u"picard-s1"_s << qint64(83500) << QString();
    QTest::newRow("play a release")
        << int(PaneAction::PlayRelease) << u"picard-s1"_s << qint64(0) << QString();
    QTest::newRow("seek the cue that plays")
        << int(PaneAction::Seek) << QString() << qint64(72000) << QString();
    QTest::newRow("link") << int(PaneAction::LinkFile) << u"picard-s1"_s << qint64(0) << QString();
    QTest::newRow("locate, odd path")
        << int(PaneAction::LocateFile) << QString() << qint64(0)
        << u"/music/Jeff Russo/Picard? #1 & 100% +more/01 – Rafi’s.flac"_s;
    QTest::newRow("prefer") << int(PaneAction::PreferFile) << QString() << qint64(0)
                            << u"/m/a.flac"_s;
    QTest::newRow("show") << int(PaneAction::ShowFile) << QString() << qint64(0)
                          << u"/music/Season 1/01.flac"_s;
    QTest::newRow("unlink") << int(PaneAction::UnlinkFile) << u"r"_s << qint64(0)
                            << u"C:/Music/a b.mp3"_s;
}

void tst_PaneAction::roundTrip()
{
    QFETCH(int, kind);
    QFETCH(QString, release);
    QFETCH(qint64, startMs);
    QFETCH(QString, path);
    const PaneAction action {PaneAction::Kind(kind),
        Location {Location::Cue, u"star-trek-picard"_s, u"box/2-1"_s, release}, startMs, path};
    const QUrl url = PaneActionLink::toUrl(action);
    QCOMPARE(url.scheme(), u"cuebook-action"_s);
    QVERIFY(url.isValid());
    QCOMPARE(PaneActionLink::fromUrl(url), action);
    // Links travel through rich text as strings.
    QCOMPARE(PaneActionLink::fromUrl(QUrl(url.toString(QUrl::FullyEncoded))), action);
}

void tst_PaneAction::rejects_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("a location link") << u"cuebook:cue/picard/twins"_s;
    QTest::newRow("unknown kind") << u"cuebook-action:delete/picard/twins"_s;
    QTest::newRow("no cue") << u"cuebook-action:play/picard"_s;
    QTest::newRow("empty catalog") << u"cuebook-action:play//twins"_s;
    QTest::newRow("negative time") << u"cuebook-action:play/picard/twins?at=-5"_s;
    QTest::newRow("time not a number") << u"cuebook-action:play/picard/twins?at=1m"_s;
    QTest::newRow("locate without a path") << u"cuebook-action:locate/picard/twins"_s;
    QTest::newRow("release play without a release")
        << u"cuebook-action:play-release/picard/twins"_s;
    QTest::newRow("show without a path") << u"cuebook-action:show/picard/twins"_s;
    QTest::newRow("unlink without a path") << u"cuebook-action:unlink/picard/twins"_s;
    QTest::newRow("web") << u"https://example.org/play/picard/twins"_s;
}

void tst_PaneAction::rejects()
{
    QFETCH(QString, url);
    QVERIFY(!PaneActionLink::fromUrl(QUrl(url)).isValid());
}

QTEST_APPLESS_MAIN(tst_PaneAction)
#include "tst_paneaction.moc"
