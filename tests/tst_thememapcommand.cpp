#include "cuebookprocess.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"

#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

// cuebook --theme-map … --output FILE, run as a script would run it, with no display.
class tst_ThemeMapCommand : public QObject
{
    Q_OBJECT

private slots:
    void writesAnSvgOfARelease();
    void writesAPngOfTheCatalog();
    void includesTheUsersMarkers();
    void refusesWhatItCannotDo_data();
    void refusesWhatItCannotDo();

private:
    CuebookProcess::Result run(const QStringList &arguments) const;
    QProcessEnvironment environment() const;

    QTemporaryDir m_dir;
};

QProcessEnvironment tst_ThemeMapCommand::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"CUEBOOK_USER_DATABASE"_s, m_dir.filePath(u"userdata.sqlite"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    // No display, as on a server: the command must not need one.
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"QT_QPA_PLATFORM"_s);
    return environment;
}

CuebookProcess::Result tst_ThemeMapCommand::run(const QStringList &arguments) const
{
    return CuebookProcess::run(QStringLiteral(CUEBOOK_EXECUTABLE), arguments, environment());
}

void tst_ThemeMapCommand::writesAnSvgOfARelease()
{
    const QString path = m_dir.filePath(u"season 1.svg"_s);
    const auto result
        = run({u"--theme-map"_s, u"star-trek-picard/picard-s1"_s, u"--output"_s, path});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(u"Star Trek: Picard – Season 1 (Original Series Soundtrack)"_s),
        qPrintable(result.out));
    QVERIFY(result.out.contains(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader svg(&file);
    QStringList texts;
    bool inText = false;
    while (!svg.atEnd()) {
        svg.readNext();
        if (svg.isStartElement())
            inText = svg.name() == u"text"_s;
        else if (svg.isCharacters() && inText && !svg.isWhitespace())
            texts.append(svg.text().toString());
    }
    QVERIFY2(!svg.hasError(), qPrintable(svg.errorString()));
    const QString all = texts.join(u'\n');
    // Themes as column labels, cue titles as row labels.
    QVERIFY2(all.contains(u"Star Trek March"_s), qPrintable(all));
    QVERIFY(all.contains(u"Romulan theme"_s));
    QVERIFY(all.contains(u"Picard Requests Help"_s));
    QVERIFY(all.contains(u"Twins"_s));
}

void tst_ThemeMapCommand::writesAPngOfTheCatalog()
{
    const QString path = m_dir.filePath(u"picard.png"_s);
    const auto result = run({u"--theme-map"_s, u"star-trek-picard"_s, u"--output"_s, path});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    const QImage image = reader.read();
    QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
    QVERIFY(image.width() > 800);
    QVERIFY(image.height() > 1000);
}

void tst_ThemeMapCommand::includesTheUsersMarkers()
{
    {
        UserDatabase database;
        QVERIFY(database.open(m_dir.filePath(u"userdata.sqlite"_s)));
        Marker marker;
        marker.id = Marker::newId();
        marker.cue = {u"star-trek-picard"_s, u"twins"_s};
        marker.startMs = 30'000;
        marker.themeId = u"star-trek-march"_s;
        QVERIFY(database.markers()->putMarker(marker));
    }
    const QString path = m_dir.filePath(u"mine.svg"_s);
    const auto result
        = run({u"--theme-map"_s, u"star-trek-picard/picard-s1"_s, u"--output"_s, path});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(u"(1 yours)"_s), qPrintable(result.out));
    QFile::remove(m_dir.filePath(u"userdata.sqlite"_s));
}

void tst_ThemeMapCommand::refusesWhatItCannotDo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString out = m_dir.filePath(u"map.svg"_s);
    QTest::newRow("no output") << QStringList {u"--theme-map"_s, u"star-trek-picard"_s} << 1
                               << u"needs --output FILE"_s;
    QTest::newRow("unknown catalog") << QStringList {u"--theme-map"_s, u"voyager"_s, u"--output"_s,
        out} << 1 << u"no catalog “voyager” is open"_s;
    QTest::newRow("unknown release")
        << QStringList {u"--theme-map"_s, u"star-trek-picard/season-9"_s, u"--output"_s, out} << 1
        << u"has no release “season-9”"_s;
    QTest::newRow("other format") << QStringList {u"--theme-map"_s, u"star-trek-picard"_s,
        u"--output"_s, m_dir.filePath(u"map.pdf"_s)}
                                  << 1 << u"PNG or SVG"_s;
    QTest::newRow("folder that is a file") << QStringList {u"--theme-map"_s, u"star-trek-picard"_s,
        u"--output"_s, QStringLiteral(CUEBOOK_EXECUTABLE) + u"/map.svg"_s}
                                           << 1 << u"map.svg"_s;
    QTest::newRow("output alone") << QStringList {u"--output"_s, out} << 2
                                  << u"--output goes with --theme-map"_s;
}

void tst_ThemeMapCommand::refusesWhatItCannotDo()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const auto result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    QVERIFY(!QFile::exists(m_dir.filePath(u"map.svg"_s)));
    QVERIFY(!QFile::exists(m_dir.filePath(u"map.pdf"_s)));
}

QTEST_GUILESS_MAIN(tst_ThemeMapCommand)
#include "tst_thememapcommand.moc"
