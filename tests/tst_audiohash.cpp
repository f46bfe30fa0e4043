#include "audiofolder.h"
#include "library/audiohash.h"
#include "testfiles.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(AudioHash::Container)

class tst_AudioHash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void containers_data();
    void containers();
    void notAudio();
    void hashSurvivesRetagging_data();
    void hashSurvivesRetagging();

private:
    // The hash of the file at path; a file that does not open fails the test that asked.
    static AudioHash::Result hashOf(const QString &path);

    QTemporaryDir m_dir;
};

AudioHash::Result tst_AudioHash::hashOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s: %s", qPrintable(path), qPrintable(file.errorString()));
    return AudioHash::compute(file);
}

void tst_AudioHash::initTestCase()
{
    if (!AudioFolder::hasSox())
        QFAIL("sox is not installed: these tests generate their audio with it "
              "(apt-get install sox libsox-fmt-all)");
    QVERIFY(m_dir.isValid());
    QVERIFY(AudioFolder::encode(m_dir.filePath(u"low.flac"_s), 1500, 220));
    QVERIFY(AudioFolder::encode(m_dir.filePath(u"middle.ogg"_s), 2000, 440));
    QVERIFY(AudioFolder::encode(m_dir.filePath(u"high.wav"_s), 1000, 880));
    QVERIFY(AudioFolder::writeSilentMp3(m_dir.filePath(u"silence.mp3"_s), 100));
}

void tst_AudioHash::containers_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<AudioHash::Container>("container");
    QTest::newRow("flac") << u"low.flac"_s << AudioHash::Container::Flac;
    QTest::newRow("ogg") << u"middle.ogg"_s << AudioHash::Container::Ogg;
    QTest::newRow("wav") << u"high.wav"_s << AudioHash::Container::Wav;
    QTest::newRow("mp3") << u"silence.mp3"_s << AudioHash::Container::Mpeg;
}

void tst_AudioHash::containers()
{
    QFETCH(QString, fileName);
    QFETCH(AudioHash::Container, container);
    const AudioHash::Result result = hashOf(m_dir.filePath(fileName));
    QCOMPARE(result.container, container);
    QCOMPARE(result.hash.size(), 16);
    bool hex = false;
    result.hash.toULongLong(&hex, 16);
    QVERIFY2(hex, qPrintable(result.hash));
    // The same bytes, the same hash.
    QCOMPARE(hashOf(m_dir.filePath(fileName)).hash, result.hash);
}

void tst_AudioHash::notAudio()
{
    const QString text = TestFiles::writeFile(m_dir.filePath(u"notes.ogg"_s), "My notes.\n");
    QCOMPARE(hashOf(text).container, AudioHash::Container::Unknown);
    QCOMPARE(hashOf(text).hash, QString());
    const QString empty = TestFiles::writeFile(m_dir.filePath(u"empty.flac"_s));
    QCOMPARE(hashOf(empty).container, AudioHash::Container::Unknown);
    QCOMPARE(hashOf(empty).hash, QString());
    // Three tones, three hashes.
    const QSet<QString> hashes {hashOf(m_dir.filePath(u"low.flac"_s)).hash,
        hashOf(m_dir.filePath(u"middle.ogg"_s)).hash, hashOf(m_dir.filePath(u"high.wav"_s)).hash};
    QCOMPARE(hashes.size(), 3);
}

void tst_AudioHash::hashSurvivesRetagging_data()
{
    QTest::addColumn<QString>("templateName");
    QTest::newRow("flac") << u"low.flac"_s;
    QTest::newRow("ogg") << u"middle.ogg"_s;
    QTest::newRow("wav") << u"high.wav"_s;
    QTest::newRow("mp3") << u"silence.mp3"_s;
}

void tst_AudioHash::hashSurvivesRetagging()
{
    QFETCH(QString, templateName);
    const QString path = m_dir.filePath(u"retag-"_s + templateName);
    QVERIFY(QFile::copy(m_dir.filePath(templateName), path));
    QVERIFY(AudioFolder::writeTags(path, {u"Short"_s, {}, {}, {}, {}, 1, 0, 0}));
    const AudioHash::Result before = hashOf(path);
    const qint64 sizeBefore = QFileInfo(path).size();
    QVERIFY(!before.hash.isEmpty());

    // Tags far larger than any padding: the audio moves within the file.
    AudioFolder::Tags tags;
    tags.title = u"A much longer title"_s;
    tags.composer = QString(20'000, u'x');
    QVERIFY(AudioFolder::writeTags(path, tags));
    QVERIFY(QFileInfo(path).size() > sizeBefore + 10'000);
    const AudioHash::Result after = hashOf(path);
    QCOMPARE(after.container, before.container);
    QCOMPARE(after.hash, before.hash);
}

QTEST_GUILESS_MAIN(tst_AudioHash)
#include "tst_audiohash.moc"
