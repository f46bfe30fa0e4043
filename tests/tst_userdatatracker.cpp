#include "itemmodels/catalogmodel.h"
#include "itemmodels/userdatatracker.h"
#include "testcatalogs.h"
#include "userdata/markerstore.h"
#include "userdata/notestore.h"
#include "userdata/userdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
using Mode = QAbstractItemModelTester::FailureReportingMode;
const QString Picard = u"star-trek-picard"_s;
// On both Season 1 releases of TestCatalogs::picard().
const CueKey MainTitle {Picard, u"main-title"_s};
const CueKey Rafi {Picard, u"rafi-decides-to-join"_s};
// Only on the Chapter 1 release.
const CueKey Walking {Picard, u"walking-with-number-one"_s};
const CueKey ClosedCatalog {u"picard-season-3"_s, u"leaving-spacedock"_s};

Marker markerOn(const CueKey &cue)
{
    Marker marker;
    marker.id = Marker::newId();
    marker.cue = cue;
    marker.startMs = 72'000;
    marker.label = u"the March in the horns"_s;
    return marker;
}
} // namespace

class tst_UserDataTracker : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void readsTheDatabaseAndMarksTheTree();
    void followsNotes();
    void followsMarkersAndFiles();
    void marksACatalogAsItOpens();
    void readsFileStatesAlreadySet();
    void forgetsADatabase();

private:
    // The tracks of the cue, on every release, marked or not.
    QList<bool> marks(const CueKey &cue) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    std::unique_ptr<CatalogModel> m_model;
};

void tst_UserDataTracker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY2(
        m_userData->open(m_dir->filePath(u"user.sqlite"_s)), qPrintable(m_userData->errorString()));
    m_model = std::make_unique<CatalogModel>();
    QVERIFY(m_model->addCatalog(TestCatalogs::picard()));
}

void tst_UserDataTracker::cleanup()
{
    m_model.reset();
    m_userData.reset();
    m_dir.reset();
}

QList<bool> tst_UserDataTracker::marks(const CueKey &cue) const
{
    QList<bool> result;
    for (const QModelIndex &track : m_model->indexesOfCue(cue))
        result.append(track.data(CatalogModel::HasNoteRole).toBool());
    return result;
}

void tst_UserDataTracker::readsTheDatabaseAndMarksTheTree()
{
    QVERIFY(m_userData->notes()->setNote(MainTitle, u"Horns at *1:12*"_s));
    QVERIFY(m_userData->notes()->setNote(ClosedCatalog, u"Not open yet"_s));
    QVERIFY(m_userData->markers()->putMarker(markerOn(Rafi)));
    QAbstractItemModelTester tester(m_model.get(), Mode::Fatal);
    UserDataTracker userData(m_model.get());
    QSignalSpy changed(&userData, &UserDataTracker::changed);

    userData.setUserData(m_userData.get());

    QCOMPARE(changed.count(), 1);
    // A note marks every track of its cue, on every release.
    QCOMPARE(marks(MainTitle), (QList<bool> {true, true}));
    QCOMPARE(marks(Rafi), (QList<bool> {false, false}));
    const UserDataColumn &column = userData.column();
    QCOMPARE(column.flags(MainTitle), quint8(SearchTerm::HasNote));
    QCOMPARE(column.foldedNote(MainTitle), QByteArray("horns at *1:12*"));
    QCOMPARE(column.flags(Rafi), quint8(SearchTerm::HasMarker));
    QCOMPARE(column.flags(Walking), quint8(SearchTerm::HasNothing));
    // A note on a cue whose catalog is not open is kept for it.
    QCOMPARE(column.flags(ClosedCatalog), quint8(SearchTerm::HasNote));
}

void tst_UserDataTracker::followsNotes()
{
    UserDataTracker userData(m_model.get());
    userData.setUserData(m_userData.get());
    QSignalSpy changed(&userData, &UserDataTracker::changed);

    QVERIFY(m_userData->notes()->setNote(Walking, u"Strings, then the Picard theme"_s));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(marks(Walking), QList<bool> {true});
    QCOMPARE(userData.column().foldedNote(Walking), QByteArray("strings, then the picard theme"));

    QVERIFY(m_userData->notes()->setNote(Walking, QString()));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(marks(Walking), QList<bool> {false});
    QCOMPARE(userData.column().flags(Walking), quint8(SearchTerm::HasNothing));
}

void tst_UserDataTracker::followsMarkersAndFiles()
{
    UserDataTracker userData(m_model.get());
    userData.setUserData(m_userData.get());
    QSignalSpy changed(&userData, &UserDataTracker::changed);

    const Marker marker = markerOn(MainTitle);
    QVERIFY(m_userData->markers()->putMarker(marker));
    QCOMPARE(userData.column().flags(MainTitle), quint8(SearchTerm::HasMarker));
    QVERIFY(m_userData->markers()->removeMarker(marker.id));
    QCOMPARE(userData.column().flags(MainTitle), quint8(SearchTerm::HasNothing));

    // Any linked file, on disk or not: the user linked it.
    m_model->setFileState(Rafi, FileState::Missing);
    QCOMPARE(userData.column().flags(Rafi), quint8(SearchTerm::HasFile));
    m_model->setFileState(Rafi, FileState::Linked);
    QCOMPARE(userData.column().flags(Rafi), quint8(SearchTerm::HasFile));
    m_model->setFileState(Rafi, FileState::None);
    QCOMPARE(userData.column().flags(Rafi), quint8(SearchTerm::HasNothing));
    QCOMPARE(changed.count(), 5);
}

void tst_UserDataTracker::marksACatalogAsItOpens()
{
    QVERIFY(m_userData->notes()->setNote(ClosedCatalog, u"Vox"_s));
    UserDataTracker userData(m_model.get());
    userData.setUserData(m_userData.get());
    QAbstractItemModelTester tester(m_model.get(), Mode::Fatal);

    QVERIFY(m_model->addCatalog(TestCatalogs::picardSeason3()));
    QCOMPARE(marks(ClosedCatalog), QList<bool> {true});
    // Closed and opened again: the mark comes back with it.
    QVERIFY(m_model->removeCatalog(ClosedCatalog.catalogId));
    QVERIFY(m_model->addCatalog(TestCatalogs::picardSeason3()));
    QCOMPARE(marks(ClosedCatalog), QList<bool> {true});
}

void tst_UserDataTracker::readsFileStatesAlreadySet()
{
    m_model->setFileState(Rafi, FileState::Linked);
    UserDataTracker userData(m_model.get());
    QCOMPARE(userData.column().flags(Rafi), quint8(SearchTerm::HasFile));
    QCOMPARE(userData.column().flags(MainTitle), quint8(SearchTerm::HasNothing));
}

void tst_UserDataTracker::forgetsADatabase()
{
    QVERIFY(m_userData->notes()->setNote(MainTitle, u"Horns"_s));
    QVERIFY(m_userData->markers()->putMarker(markerOn(Rafi)));
    UserDataTracker userData(m_model.get());
    userData.setUserData(m_userData.get());
    m_model->setFileState(Walking, FileState::Linked);

    userData.setUserData(nullptr);
    QCOMPARE(marks(MainTitle), (QList<bool> {false, false}));
    QCOMPARE(userData.column().flags(MainTitle), quint8(SearchTerm::HasNothing));
    QCOMPARE(userData.column().flags(Rafi), quint8(SearchTerm::HasNothing));
    // File states are the model's, and stay.
    QCOMPARE(userData.column().flags(Walking), quint8(SearchTerm::HasFile));
    // Changes to the database it left are not followed.
    QVERIFY(m_userData->notes()->setNote(Rafi, u"Not followed"_s));
    QCOMPARE(userData.column().flags(Rafi), quint8(SearchTerm::HasNothing));
}

QTEST_GUILESS_MAIN(tst_UserDataTracker)
#include "tst_userdatatracker.moc"
