#pragma once

#include "userdata/filelink.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QTest>

// What the tests of the user database and its stores share: a link with every field filled,
// a field-by-field comparison of files, and SQL run on the file as another program would.
// Header only, so that any test can include it.
namespace UserDataFixtures {

using namespace Qt::StringLiterals;

inline const QString Picard = u"star-trek-picard"_s;

inline FileLink link(const QString &cueId, const QString &path)
{
    FileLink link;
    link.cue = {Picard, cueId};
    AudioFileInfo &file = link.file;
    file.path = path;
    file.folder = QFileInfo(path).path();
    file.fileName = QFileInfo(path).fileName();
    file.size = 1234;
    file.mtime = 1'700'000'000'123;
    file.audioHash = u"00ff10aa00ff10aa"_s;
    file.durationMs = 103'000;
    file.title = u"Main Title"_s;
    file.album = u"Star Trek: Picard – Season 1, Vol. 1"_s;
    file.albumArtist = u"Jeff Russo"_s;
    file.composer = u"Jeff Russo"_s;
    file.trackNumber = 1;
    file.trackTotal = 24;
    file.discNumber = 1;
    return link;
}

// Every field AudioFileInfo has, so that a field added to it and not stored fails here. The
// caller checks QTest::currentTestFailed() after it.
inline void compareFiles(const AudioFileInfo &actual, const AudioFileInfo &expected)
{
    QCOMPARE(actual.path, expected.path);
    QCOMPARE(actual.folder, expected.folder);
    QCOMPARE(actual.fileName, expected.fileName);
    QCOMPARE(actual.size, expected.size);
    QCOMPARE(actual.mtime, expected.mtime);
    QCOMPARE(actual.audioHash, expected.audioHash);
    QCOMPARE(actual.title, expected.title);
    QCOMPARE(actual.album, expected.album);
    QCOMPARE(actual.albumArtist, expected.albumArtist);
    QCOMPARE(actual.artist, expected.artist);
    QCOMPARE(actual.composer, expected.composer);
    QCOMPARE(actual.trackNumber, expected.trackNumber);
    QCOMPARE(actual.trackTotal, expected.trackTotal);
    QCOMPARE(actual.discNumber, expected.discNumber);
    QCOMPARE(actual.durationMs, expected.durationMs);
    QCOMPARE(actual.readable, expected.readable);
    QCOMPARE(actual.unreadableReason, expected.unreadableReason);
}

// Runs statements on the file through a connection of the test's own, as another program (or
// an older Cuebook) would.
inline bool runSql(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (ok && !query.exec(statement)) {
                qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return ok;
}

} // namespace UserDataFixtures
