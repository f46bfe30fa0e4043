#include "filesizelimit.h"
#include "unprivileged.h"
#include "userdata/markerstore.h"
#include "userdata/notestore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace UserDataFixtures;

// Nothing the user writes is lost to a disk that refuses it: on a full disk and in a read-only
// folder, notes and markers stay readable in memory, the user is told once, and they are saved
// as soon as the file takes writes again.
class tst_PendingWrites : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void fullDisk();
    void fullDiskAtFirstStart();
    void readOnlyFolder();
    void readOnlyFolderWithoutAFile();

private:
    QString path() const { return m_dir->filePath(u"data/userdata.sqlite"_s); }
    static Marker marker(const QString &label, qint64 startMs);
    // What the next start finds in the file.
    void checkOnDisk(const QHash<QString, QString> &notes, const QStringList &markerLabels) const;
    // The data folder: read-only, or back to writable.
    void setFolderWritable(bool writable) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_PendingWrites::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkdir(u"data"_s));
}

Marker tst_PendingWrites::marker(const QString &label, qint64 startMs)
{
    Marker marker;
    marker.id = Marker::newId();
    marker.cue = {Picard, u"picard-requests-help"_s};
    marker.startMs = startMs;
    marker.label = label;
    return marker;
}

void tst_PendingWrites::checkOnDisk(
    const QHash<QString, QString> &notes, const QStringList &markerLabels) const
{
    UserDatabase db;
    QVERIFY2(db.open(path()), qPrintable(db.errorString()));
    QCOMPARE(db.notes()->cuesWithNotes().size(), notes.size());
    for (auto it = notes.cbegin(); it != notes.cend(); ++it)
        QCOMPARE(db.notes()->note({Picard, it.key()}), it.value());
    QStringList labels;
    for (const Marker &each : db.markers()->markers({Picard, u"picard-requests-help"_s}))
        labels.append(each.label);
    QCOMPARE(labels, markerLabels);
}

void tst_PendingWrites::setFolderWritable(bool writable) const
{
    const QFileDevice::Permissions readable = QFileDevice::ReadOwner | QFileDevice::ExeOwner;
    QVERIFY(QFile::setPermissions(
        m_dir->filePath(u"data"_s), writable ? readable | QFileDevice::WriteOwner : readable));
}

void tst_PendingWrites::fullDisk()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    const Marker fanfare = marker(u"fanfare"_s, 12'000);
    QVERIFY(db.notes()->setNote({Picard, u"main-title"_s}, u"before"_s));
    QVERIFY(db.markers()->putMarker(fanfare));
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QSignalSpy pending(&db, &UserDatabase::pendingWritesChanged);
    const Marker march = marker(u"the March in the horns"_s, 72'000);

    // Checked once the limit is lifted.
    QList<bool> results;
    QStringList read;
    bool limited = false;
    {
        const FileSizeLimit limit;
        limited = limit.isActive();
        // A user typing: each debounced save fails.
        for (const QString &text : {u"af"_s, u"after"_s, u"after all"_s})
            results.append(db.notes()->setNote({Picard, u"main-title"_s}, text));
        results.append(db.notes()->setNote({Picard, u"end-title"_s}, u"second"_s));
        results.append(db.markers()->putMarker(march));
        results.append(db.markers()->removeMarker(fanfare.id));
        results.append(db.retryPendingWrites());
        read.append(db.notes()->note({Picard, u"main-title"_s}));
        read.append(db.notes()->note({Picard, u"end-title"_s}));
        for (const Marker &each : db.markers()->markers(march.cue))
            read.append(each.label);
    }
    QVERIFY(limited);
    QCOMPARE(results, QList<bool>(7, false));
    // What the user wrote reads back as written…
    QCOMPARE(read, (QStringList {u"after all"_s, u"second"_s, u"the March in the horns"_s}));
    // …and the user was told once, not at each keystroke.
    QCOMPARE(errors.count(), 1);
    const QString message = errors.at(0).at(0).toString();
    QVERIFY2(message.contains(path()) && message.contains(u"kept"_s), qPrintable(message));
    QCOMPARE(pending.count(), 1);
    QVERIFY(db.hasPendingWrites());
    QCOMPARE(db.pendingWrites().size(), 4);
    checkOnDisk({{u"main-title"_s, u"before"_s}}, {u"fanfare"_s});
    if (QTest::currentTestFailed())
        return;

    // The disk has room again: the next edit saves everything, and the run of failures ends.
    QVERIFY2(db.notes()->setNote({Picard, u"twins"_s}, u"third"_s), qPrintable(db.errorString()));
    QVERIFY(!db.hasPendingWrites());
    QCOMPARE(pending.count(), 2);
    QCOMPARE(pending.at(1).at(0).toBool(), false);
    QCOMPARE(errors.count(), 1);
    checkOnDisk({{u"main-title"_s, u"after all"_s}, {u"end-title"_s, u"second"_s},
                    {u"twins"_s, u"third"_s}},
        {u"the March in the horns"_s});

    // A new run of failures is told again.
    {
        const FileSizeLimit limit;
        results = {db.notes()->setNote({Picard, u"twins"_s}, u"fourth"_s)};
    }
    QCOMPARE(results, QList<bool> {false});
    QCOMPARE(errors.count(), 2);
    QVERIFY(db.retryPendingWrites());
}

void tst_PendingWrites::fullDiskAtFirstStart()
{
    // No file yet, and no room to make one: the database opens empty, and edits wait.
    UserDatabase db;
    bool opened = false;
    bool readOnly = false;
    bool saved = true;
    {
        const FileSizeLimit limit;
        opened = db.open(path());
        readOnly = db.isReadOnly();
        saved = db.notes()->setNote({Picard, u"main-title"_s}, u"first words"_s);
    }
    QVERIFY2(opened, qPrintable(db.errorString()));
    QVERIFY(readOnly);
    QVERIFY(!saved);
    QCOMPARE(db.notes()->note({Picard, u"main-title"_s}), u"first words"_s);
    QVERIFY(db.retryPendingWrites());
    QVERIFY(!db.isReadOnly());
    checkOnDisk({{u"main-title"_s, u"first words"_s}}, {});
}

void tst_PendingWrites::readOnlyFolder()
{
    if (Unprivileged::runInstead())
        return;
    const Marker fanfare = marker(u"fanfare"_s, 12'000);
    {
        UserDatabase db;
        QVERIFY(db.open(path()));
        QVERIFY(db.notes()->setNote({Picard, u"main-title"_s}, u"before"_s));
        QVERIFY(db.markers()->putMarker(fanfare));
    }
    setFolderWritable(false);
    const auto restore = qScopeGuard([this] { setFolderWritable(true); });

    UserDatabase db;
    QVERIFY2(db.open(path()), qPrintable(db.errorString()));
    QVERIFY(db.isReadOnly());
    QCOMPARE(db.notes()->note({Picard, u"main-title"_s}), u"before"_s);
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QSignalSpy pending(&db, &UserDatabase::pendingWritesChanged);
    const Marker march = marker(u"the March in the horns"_s, 72'000);
    QVERIFY(!db.notes()->setNote({Picard, u"main-title"_s}, u"after"_s));
    QVERIFY(!db.notes()->setNote({Picard, u"end-title"_s}, u"second"_s));
    QVERIFY(!db.markers()->putMarker(march));
    QVERIFY(!db.markers()->removeMarker(fanfare.id));
    QVERIFY(!db.retryPendingWrites());
    QCOMPARE(db.notes()->note({Picard, u"main-title"_s}), u"after"_s);
    QCOMPARE(db.markers()->markers(march.cue), QList<Marker> {*db.markers()->marker(march.id)});
    QCOMPARE(errors.count(), 1);
    const QString message = errors.at(0).at(0).toString();
    QVERIFY2(
        message.contains(u"cannot be written"_s) && message.contains(m_dir->filePath(u"data"_s)),
        qPrintable(message));
    checkOnDisk({{u"main-title"_s, u"before"_s}}, {u"fanfare"_s});

    setFolderWritable(true);
    QVERIFY2(db.notes()->setNote({Picard, u"twins"_s}, u"third"_s), qPrintable(db.errorString()));
    QVERIFY(!db.isReadOnly());
    QVERIFY(!db.hasPendingWrites());
    QCOMPARE(pending.count(), 2);
    QCOMPARE(errors.count(), 1);
    checkOnDisk(
        {{u"main-title"_s, u"after"_s}, {u"end-title"_s, u"second"_s}, {u"twins"_s, u"third"_s}},
        {u"the March in the horns"_s});
}

void tst_PendingWrites::readOnlyFolderWithoutAFile()
{
    if (Unprivileged::runInstead())
        return;
    setFolderWritable(false);
    const auto restore = qScopeGuard([this] { setFolderWritable(true); });
    UserDatabase db;
    QVERIFY2(db.open(path()), qPrintable(db.errorString()));
    QVERIFY(db.isReadOnly());
    QVERIFY(db.notes()->cuesWithNotes().isEmpty());
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QVERIFY(!db.notes()->setNote({Picard, u"main-title"_s}, u"first words"_s));
    QVERIFY(!db.markers()->putMarker(marker(u"fanfare"_s, 12'000)));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(db.notes()->note({Picard, u"main-title"_s}), u"first words"_s);
    QVERIFY(!QFile::exists(path()));

    setFolderWritable(true);
    QVERIFY2(db.retryPendingWrites(), qPrintable(db.errorString()));
    QCOMPARE(errors.count(), 1);
    checkOnDisk({{u"main-title"_s, u"first words"_s}}, {u"fanfare"_s});
}

QTEST_GUILESS_MAIN(tst_PendingWrites)
#include "tst_pendingwrites.moc"
