#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace UserDataFixtures;

class tst_MarkerStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void markersRoundTrip();
    void aMarkerMovesBetweenCues();
    void markersOfATheme();
    void allMarkersByCueInTheOrderHeard();
    void badMarkersAreRefused();
    void anImportLandsWholeOrNotAtAll();
    void removingIsReportedAndUndoable();
    void severalAreRemovedWholeOrNotAtAll();
    void changesKeptInMemoryOverlayEveryRead();

private:
    // The markers in the file, as the next start finds them.
    int onDiskCount() const;
    QString path() const { return m_dir->filePath(u"userdata.sqlite"_s); }
    static Marker marker(
        const QString &cueId, qint64 startMs, const QString &label, const QString &themeId = {});

    std::unique_ptr<QTemporaryDir> m_dir;
};

Marker tst_MarkerStore::marker(
    const QString &cueId, qint64 startMs, const QString &label, const QString &themeId)
{
    Marker marker;
    marker.id = Marker::newId();
    marker.cue = {Picard, cueId};
    marker.startMs = startMs;
    marker.label = label;
    marker.themeId = themeId;
    return marker;
}

void tst_MarkerStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_MarkerStore::markersRoundTrip()
{
    Marker march
        = marker(u"picard-requests-help"_s, 72'000, u"the March in the horns"_s, u"picard-march"_s);
    march.endMs = 80'500;
    march.kind = u"statement"_s;
    Marker fanfare = marker(u"picard-requests-help"_s, 12'000, u"fanfare"_s);
    {
        UserDatabase db;
        QVERIFY(db.open(path()));
        MarkerStore &store = *db.markers();
        QSignalSpy changed(&store, &MarkerStore::markersChanged);
        QVERIFY(store.putMarker(march));
        QVERIFY(store.putMarker(fanfare));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).value<CueKey>(), march.cue);
    }
    UserDatabase db;
    QVERIFY(db.open(path()));
    const QList<Marker> markers = db.markers()->markers(march.cue);
    QCOMPARE(markers.size(), 2);
    // In the order heard, whatever the order they were made in.
    QCOMPARE(markers.at(0).id, fanfare.id);
    QCOMPARE(markers.at(0).endMs, -1);
    QVERIFY(!markers.at(0).isRange());
    const Marker &read = markers.at(1);
    QCOMPARE(read.label, march.label);
    QCOMPARE(read.startMs, 72'000);
    QCOMPARE(read.endMs, 80'500);
    QCOMPARE(read.themeId, u"picard-march"_s);
    QCOMPARE(read.kind, u"statement"_s);
    QVERIFY(read.createdAtMs > 0);
    QCOMPARE(read.updatedAtMs, read.createdAtMs);
    QCOMPARE(db.markers()->marker(march.id)->label, march.label);
    QVERIFY(!db.markers()->marker(u"no-such-id"_s));
    QCOMPARE(db.markers()->cuesWithMarkers(), (QList<CueKey> {march.cue}));
    QCOMPARE(db.markers()->markerCount(), 2);
}

void tst_MarkerStore::aMarkerMovesBetweenCues()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    MarkerStore &store = *db.markers();
    Marker moved = marker(u"main-title"_s, 1'000, u"here"_s);
    QVERIFY(store.putMarker(moved));
    QSignalSpy changed(&store, &MarkerStore::markersChanged);
    moved.cue = {Picard, u"end-title"_s};
    moved.label = u"there"_s;
    QVERIFY(store.putMarker(moved));
    // Both cues changed: the one it left and the one it reached.
    QCOMPARE(changed.count(), 2);
    QVERIFY(store.markers({Picard, u"main-title"_s}).isEmpty());
    QCOMPARE(store.markers({Picard, u"end-title"_s}).value(0).label, u"there"_s);
    QCOMPARE(store.markerCount(), 1);
}

void tst_MarkerStore::markersOfATheme()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    MarkerStore &store = *db.markers();
    QVERIFY(store.putMarkers({marker(u"b-cue"_s, 5'000, u"second"_s, u"march"_s),
        marker(u"a-cue"_s, 9'000, u"first"_s, u"march"_s),
        marker(u"a-cue"_s, 1'000, u"not a theme"_s)}));
    const QList<Marker> ofMarch = store.markersOfTheme(Picard, u"march"_s);
    QCOMPARE(ofMarch.size(), 2);
    QCOMPARE(ofMarch.at(0).label, u"first"_s);
    QCOMPARE(ofMarch.at(1).label, u"second"_s);
    QVERIFY(store.markersOfTheme(u"other-catalog"_s, u"march"_s).isEmpty());

    // Every theme of the catalog at once: the markers with a theme, by cue then start.
    QVERIFY(store.putMarker(marker(u"a-cue"_s, 3'000, u"romulan"_s, u"romulan"_s)));
    QStringList labels;
    for (const Marker &each : store.themeMarkers(Picard))
        labels.append(each.label);
    QCOMPARE(labels, (QStringList {u"romulan"_s, u"first"_s, u"second"_s}));
    QVERIFY(store.themeMarkers(u"other-catalog"_s).isEmpty());
}

void tst_MarkerStore::badMarkersAreRefused()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    MarkerStore &store = *db.markers();
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    Marker noId = marker(u"main-title"_s, 0, u"x"_s);
    noId.id.clear();
    QVERIFY(!store.putMarker(noId));
    Marker backwards = marker(u"main-title"_s, 5'000, u"backwards"_s);
    backwards.endMs = 4'000;
    QVERIFY(!store.putMarker(backwards));
    QVERIFY(db.errorString().contains(u"backwards"_s));
    QVERIFY(!store.putMarker(marker(u"main-title"_s, -1, u"before"_s)));
    // Refusals are answers to the caller, not failures of the file.
    QCOMPARE(errors.count(), 0);
    QCOMPARE(store.markerCount(), 0);
}

void tst_MarkerStore::anImportLandsWholeOrNotAtAll()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    MarkerStore &store = *db.markers();
    QVERIFY(runSql(path(), {uR"(CREATE TRIGGER refuse_third BEFORE INSERT ON markers
            WHEN NEW.label = 'third' BEGIN SELECT RAISE(ABORT, 'disk full'); END)"_s}));
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QSignalSpy changed(&store, &MarkerStore::markersChanged);
    QVERIFY(!store.putMarkers({marker(u"main-title"_s, 1'000, u"first"_s),
        marker(u"main-title"_s, 2'000, u"second"_s), marker(u"main-title"_s, 3'000, u"third"_s)}));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains(u"disk full"_s),
        qPrintable(errors.at(0).at(0).toString()));
    // Nothing on disk; all three kept in memory, to land together.
    QCOMPARE(changed.count(), 1);
    QCOMPARE(store.markerCount(), 3);
    QCOMPARE(onDiskCount(), 0);
    QVERIFY(!db.retryPendingWrites());
    QCOMPARE(onDiskCount(), 0);
    QVERIFY(runSql(path(), {u"DROP TRIGGER refuse_third"_s}));
    QVERIFY(db.retryPendingWrites());
    QCOMPARE(onDiskCount(), 3);
    QCOMPARE(errors.count(), 1);
}

void tst_MarkerStore::removingIsReportedAndUndoable()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    MarkerStore &store = *db.markers();
    const Marker kept = marker(u"main-title"_s, 1'000, u"kept"_s);
    QVERIFY(store.putMarker(kept));
    const Marker original = *store.marker(kept.id);
    QSignalSpy changed(&store, &MarkerStore::markersChanged);
    QVERIFY(store.removeMarker(kept.id));
    QCOMPARE(changed.count(), 1);
    QVERIFY(store.removeMarker(kept.id));
    QCOMPARE(changed.count(), 1);
    // Putting the removed marker back restores it as it was, times included.
    QVERIFY(store.putMarker(original));
    QCOMPARE(*store.marker(kept.id), original);

    QVERIFY(runSql(path(), {uR"(CREATE TRIGGER refuse_delete BEFORE DELETE ON markers
            BEGIN SELECT RAISE(ABORT, 'read-only'); END)"_s}));
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QVERIFY(!store.removeMarker(kept.id));
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.at(0).at(0).toString().contains(u"kept"_s));
    // Gone from every read, still on disk until the file takes the removal.
    QCOMPARE(changed.count(), 3);
    QVERIFY(!store.marker(kept.id));
    QVERIFY(store.markers(kept.cue).isEmpty());
    QVERIFY(store.cuesWithMarkers().isEmpty());
    QCOMPARE(store.markerCount(), 0);
    QCOMPARE(onDiskCount(), 1);
    QVERIFY(runSql(path(), {u"DROP TRIGGER refuse_delete"_s}));
    QVERIFY(db.retryPendingWrites());
    QCOMPARE(onDiskCount(), 0);
}

void tst_MarkerStore::changesKeptInMemoryOverlayEveryRead()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    MarkerStore &store = *db.markers();
    Marker moved = marker(u"main-title"_s, 5'000, u"moves"_s, u"march"_s);
    const Marker stays = marker(u"main-title"_s, 9'000, u"stays"_s, u"march"_s);
    QVERIFY(store.putMarkers({moved, stays}));
    const qint64 created = store.marker(moved.id)->createdAtMs;
    QVERIFY(runSql(path(),
        {uR"(CREATE TRIGGER refuse_update BEFORE UPDATE ON markers
            BEGIN SELECT RAISE(ABORT, 'disk full'); END)"_s,
            uR"(CREATE TRIGGER refuse_insert BEFORE INSERT ON markers
            BEGIN SELECT RAISE(ABORT, 'disk full'); END)"_s}));
    QSignalSpy changed(&store, &MarkerStore::markersChanged);
    // Moved to another cue, earlier than a marker there; and a new one before the one that stays.
    moved.cue = {Picard, u"end-title"_s};
    moved.startMs = 1'000;
    moved.createdAtMs = 0;
    QVERIFY(!store.putMarker(moved));
    const Marker added = marker(u"main-title"_s, 2'000, u"added"_s, u"march"_s);
    QVERIFY(!store.putMarker(added));
    QCOMPARE(changed.count(), 3);

    const auto labels = [](const QList<Marker> &markers) {
        QStringList list;
        for (const Marker &each : markers)
            list.append(each.label);
        return list;
    };
    QCOMPARE(
        labels(store.markers({Picard, u"main-title"_s})), (QStringList {u"added"_s, u"stays"_s}));
    QCOMPARE(labels(store.markers({Picard, u"end-title"_s})), QStringList {u"moves"_s});
    // By cue, then start.
    QCOMPARE(labels(store.markersOfTheme(Picard, u"march"_s)),
        (QStringList {u"moves"_s, u"added"_s, u"stays"_s}));
    QCOMPARE(
        labels(store.themeMarkers(Picard)), (QStringList {u"moves"_s, u"added"_s, u"stays"_s}));
    QCOMPARE(store.cuesWithMarkers(),
        (QList<CueKey> {{Picard, u"end-title"_s}, {Picard, u"main-title"_s}}));
    QCOMPARE(store.markerCount(), 3);
    // Its creation time is the one on disk, not the time of the move.
    QCOMPARE(store.marker(moved.id)->createdAtMs, created);
    QCOMPARE(db.pendingWrites(),
        (QStringList {u"The marker “added” on the cue star-trek-picard/main-title"_s,
            u"The marker “moves” on the cue star-trek-picard/end-title"_s}));

    QVERIFY(runSql(path(), {u"DROP TRIGGER refuse_update"_s, u"DROP TRIGGER refuse_insert"_s}));
    QVERIFY(db.retryPendingWrites());
    UserDatabase onDisk;
    QVERIFY(onDisk.open(path()));
    QCOMPARE(labels(onDisk.markers()->markersOfTheme(Picard, u"march"_s)),
        (QStringList {u"moves"_s, u"added"_s, u"stays"_s}));
    QCOMPARE(onDisk.markers()->marker(moved.id)->createdAtMs, created);
}

int tst_MarkerStore::onDiskCount() const
{
    UserDatabase onDisk;
    return onDisk.open(path()) ? onDisk.markers()->markerCount() : -1;
}

void tst_MarkerStore::severalAreRemovedWholeOrNotAtAll()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    MarkerStore &store = *db.markers();
    const Marker first = marker(u"main-title"_s, 1'000, u"first"_s);
    const Marker second = marker(u"end-title"_s, 2'000, u"second"_s);
    const Marker third = marker(u"main-title"_s, 3'000, u"third"_s);
    QVERIFY(store.putMarkers({first, second, third}));

    QVERIFY(runSql(path(), {uR"(CREATE TRIGGER refuse_third BEFORE DELETE ON markers
            WHEN OLD.label = 'third' BEGIN SELECT RAISE(ABORT, 'read-only'); END)"_s}));
    QSignalSpy errors(&db, &UserDatabase::errorOccurred);
    QSignalSpy changed(&store, &MarkerStore::markersChanged);
    QVERIFY(!store.removeMarkers({first.id, second.id, third.id}));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains(u"3 markers"_s),
        qPrintable(errors.at(0).at(0).toString()));
    // Gone from every read, each cue told once; none of the three has left the file.
    QCOMPARE(changed.count(), 2);
    QCOMPARE(store.markerCount(), 0);
    QCOMPARE(onDiskCount(), 3);

    // Once the file takes the removal, all three go together; an unknown id is no fault.
    QVERIFY(runSql(path(), {u"DROP TRIGGER refuse_third"_s}));
    QVERIFY(db.retryPendingWrites());
    QCOMPARE(onDiskCount(), 0);
    QVERIFY(store.removeMarkers({u"no-such-id"_s}));
    QCOMPARE(changed.count(), 2);
}

void tst_MarkerStore::allMarkersByCueInTheOrderHeard()
{
    UserDatabase db;
    QVERIFY(db.open(path()));
    Marker late = marker(u"main-title"_s, 50'000, u"late"_s);
    Marker early = marker(u"main-title"_s, 10'000, u"early"_s);
    Marker otherCue = marker(u"end-title"_s, 90'000, u"end"_s);
    Marker otherCatalog = marker(u"main-title"_s, 0, u"voyager"_s);
    otherCatalog.cue.catalogId = u"voyager"_s;
    QVERIFY(db.markers()->putMarkers({late, otherCatalog, early, otherCue}));
    QList<QString> labels;
    for (const Marker &each : db.markers()->allMarkers())
        labels.append(each.label);
    QCOMPARE(labels, (QList<QString> {u"end"_s, u"early"_s, u"late"_s, u"voyager"_s}));
    QCOMPARE(db.markers()->allMarkers().at(1), db.markers()->markers(early.cue).at(0));
}

QTEST_GUILESS_MAIN(tst_MarkerStore)
#include "tst_markerstore.moc"
