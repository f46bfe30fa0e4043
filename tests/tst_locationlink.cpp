#include "navigation/locationlink.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_LocationLink : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void rejects_data();
    void rejects();
};

void tst_LocationLink::roundTrip_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("catalog");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("release");
    QTest::newRow("theme") << int(Location::Theme) << u"star-trek-picard"_s << u"romulan-theme"_s
                           << QString();
    QTest::newRow("cue via release")
        << int(Location::Cue) << u"picard"_s << u"twins"_s << u"picard-s1"_s;
    QTest::newRow("implicit cue") << int(Location::Cue) << u"box"_s << u"box-set/2-1"_s
                                  << u"box-set"_s;
    QTest::newRow("release") << int(Location::Release) << u"picard"_s << u"picard-s3"_s
                             << QString();
    QTest::newRow("odd characters")
        << int(Location::Cue) << u"a?b"_s << u"c#d&e/f g"_s << u"x=y&z"_s;
}

void tst_LocationLink::roundTrip()
{
    QFETCH(int, kind);
    QFETCH(QString, catalog);
    QFETCH(QString, id);
    QFETCH(QString, release);
    const Location location {Location::Kind(kind), catalog, id, release};
    const QUrl url = LocationLink::toUrl(location);
    QCOMPARE(url.scheme(), u"cuebook"_s);
    QVERIFY(url.isValid());
    QCOMPARE(LocationLink::fromUrl(url), location);
    // Survives the trip through rich text, where links travel as strings.
    QCOMPARE(LocationLink::fromUrl(QUrl(url.toString(QUrl::FullyEncoded))), location);
}

void tst_LocationLink::rejects_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("web") << u"https://example.org/theme/a/b"_s;
    QTest::newRow("file") << u"file:///etc/passwd"_s;
    QTest::newRow("unknown kind") << u"cuebook:album/a/b"_s;
    QTest::newRow("too short") << u"cuebook:theme/a"_s;
    QTest::newRow("too long") << u"cuebook:theme/a/b/c"_s;
    QTest::newRow("empty id") << u"cuebook:theme/a/"_s;
    QTest::newRow("empty") << QString();
}

void tst_LocationLink::rejects()
{
    QFETCH(QString, url);
    QVERIFY(!LocationLink::fromUrl(QUrl(url)).isValid());
}

QTEST_GUILESS_MAIN(tst_LocationLink)
#include "tst_locationlink.moc"
