#include "library/matching/titlematch.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_TitleMatch : public QObject
{
    Q_OBJECT

private slots:
    void titleFromFileName_data();
    void titleFromFileName();
    void titleSimilarity_data();
    void titleSimilarity();
};

void tst_TitleMatch::titleFromFileName_data()
{
    QTest::addColumn<QString>("baseName");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("track");
    QTest::addColumn<int>("disc");

    QTest::newRow("dash") << u"05 - Twins"_s << u"Twins"_s << 5 << 0;
    QTest::newRow("dot") << u"05. Twins"_s << u"Twins"_s << 5 << 0;
    QTest::newRow("one digit and dot") << u"5. Twins"_s << u"Twins"_s << 5 << 0;
    QTest::newRow("two digits and space") << u"05 Twins"_s << u"Twins"_s << 5 << 0;
    QTest::newRow("underscore") << u"05_Twins"_s << u"Twins"_s << 5 << 0;
    QTest::newRow("disc and track") << u"1-05 Twins"_s << u"Twins"_s << 5 << 1;
    QTest::newRow("bracketed") << u"[05] Twins"_s << u"Twins"_s << 5 << 0;
    QTest::newRow("no number") << u"Twins"_s << u"Twins"_s << 0 << 0;
    QTest::newRow("a title that starts with a number")
        << u"2 Become 1"_s << u"2 Become 1"_s << 0 << 0;
    QTest::newRow("a year") << u"1984"_s << u"1984"_s << 0 << 0;
    QTest::newRow("number only") << u"05"_s << u"05"_s << 0 << 0;
}

void tst_TitleMatch::titleFromFileName()
{
    QFETCH(QString, baseName);
    QFETCH(QString, title);
    QFETCH(int, track);
    QFETCH(int, disc);
    int trackNumber = -1;
    int discNumber = -1;
    QCOMPARE(TitleMatch::titleFromFileName(baseName, &trackNumber, &discNumber), title);
    QCOMPARE(trackNumber, track);
    QCOMPARE(discNumber, disc);
}

void tst_TitleMatch::titleSimilarity_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("track");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");

    QTest::newRow("same") << u"Twins"_s << u"Twins"_s << 1.0 << 1.0;
    QTest::newRow("one letter more")
        << u"Raffi Decides To Join"_s << u"Rafi Decides To Join"_s << 0.9 << 0.99;
    QTest::newRow("letters swapped") << u"Sizing Up Rois"_s << u"Sizing Up Rios"_s << 0.9 << 0.99;
    QTest::newRow("words run together")
        << u"Leaving Spacedock"_s << u"Leaving Space Dock"_s << 0.98 << 1.0;
    QTest::newRow("other part") << u"Romulans Arrive Pt.1"_s << u"Romulans Arrive Pt.2"_s << 0.0
                                << 0.5;
    QTest::newRow("release words are free")
        << u"Main Title"_s << u"Star Trek Picard Main Title"_s << 1.0 << 1.0;
    QTest::newRow("main is not end")
        << u"Star Trek Picard Main Title"_s << u"Star Trek Picard End Title"_s << 0.0 << 0.7;
    QTest::newRow("nothing shared") << u"Twins"_s << u"Blue Skies"_s << 0.0 << 0.0;
}

void tst_TitleMatch::titleSimilarity()
{
    QFETCH(QString, file);
    QFETCH(QString, track);
    QFETCH(double, low);
    QFETCH(double, high);
    const QStringList neutral = {u"star"_s, u"trek"_s, u"picard"_s, u"season"_s};
    const double similarity = TitleMatch::titleSimilarity(
        TitleMatch::titleWords(file), TitleMatch::titleWords(track), neutral);
    QVERIFY2(similarity >= low - 1e-9 && similarity <= high + 1e-9,
        qPrintable(QString::number(similarity)));
}

QTEST_GUILESS_MAIN(tst_TitleMatch)
#include "tst_titlematch.moc"
