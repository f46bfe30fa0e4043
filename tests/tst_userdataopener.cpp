#include "dialoganswers.h"
#include "errorreporter.h"
#include "testfiles.h"
#include "unprivileged.h"
#include "userdata/notestore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"
#include "userdataopener.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace UserDataFixtures;

// A user database refused at start, as the user meets it: a damaged file is offered to be kept
// aside for a fresh start, in a dialog whose buttons the test clicks; a file of a newer Cuebook
// or of another program is never offered for replacement.
class tst_UserDataOpener : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void damagedFileIsKeptAsideOnRequest();
    void continuingWithoutSavingChangesNothing();
    void newerAndForeignFilesAreNotOfferedForReplacement_data();
    void newerAndForeignFilesAreNotOfferedForReplacement();
    void aFailedSetAsideIsTold();

private:
    QString path() const { return m_dir->filePath(u"data/userdata.sqlite"_s); }
    QStringList filesInFolder() const
    {
        return QDir(m_dir->filePath(u"data"_s)).entryList(QDir::Files);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QWidget> m_window;
    QStatusBar *m_bar = nullptr;
    ErrorReporter *m_errors = nullptr;
    std::unique_ptr<DialogAnswers> m_answers;
};

namespace {

const QByteArray Garbage = "these are my notes, not a database\n";

} // namespace

void tst_UserDataOpener::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = std::make_unique<QWidget>();
    m_bar = new QStatusBar(m_window.get());
    m_errors = new ErrorReporter(m_bar, m_window.get());
    m_answers = std::make_unique<DialogAnswers>();
}

void tst_UserDataOpener::cleanup()
{
    m_window.reset();
}

void tst_UserDataOpener::damagedFileIsKeptAsideOnRequest()
{
    TestFiles::writeFile(path(), Garbage);
    UserDatabase db;
    QVERIFY(!db.open(path()));
    m_answers->answer({u"Keep It Aside and Start Afresh"_s});
    QVERIFY(UserDataOpener(&db, m_errors).handleRefusal());
    QVERIFY(m_answers->allAnswered());
    // The dialog said what was wrong and where the old file would go.
    const QString said = m_answers->texts().value(0);
    QVERIFY2(said.contains(u"damaged"_s) && said.contains(u"userdata.sqlite.damaged-"_s)
            && said.contains(m_dir->filePath(u"data"_s)) && said.contains(u"nothing is deleted"_s),
        qPrintable(said));
    QCOMPARE(m_answers->offered().value(0),
        (QStringList {u"Keep It Aside and Start Afresh"_s, u"Continue Without Saving"_s}));

    QVERIFY(db.isOpen());
    QVERIFY(db.notes()->setNote({Picard, u"main-title"_s}, u"afresh"_s));
    QFile aside(db.setAsidePath());
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), Garbage);
    // And afterwards, where it went.
    UserDataOpener(&db, m_errors).tellWhereTheOldFileIs();
    QVERIFY2(
        m_bar->currentMessage().contains(db.setAsidePath()), qPrintable(m_bar->currentMessage()));
}

void tst_UserDataOpener::continuingWithoutSavingChangesNothing()
{
    TestFiles::writeFile(path(), Garbage);
    UserDatabase db;
    QVERIFY(!db.open(path()));
    m_answers->answer({u"Continue Without Saving"_s});
    QVERIFY(!UserDataOpener(&db, m_errors).handleRefusal());
    QVERIFY(m_answers->allAnswered());
    QCOMPARE(m_answers->texts().size(), 1);
    QVERIFY(!db.isOpen());
    QCOMPARE(filesInFolder(), QStringList {u"userdata.sqlite"_s});
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), Garbage);
}

void tst_UserDataOpener::newerAndForeignFilesAreNotOfferedForReplacement_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("advice");
    QTest::newRow("newer Cuebook") << QStringList {u"PRAGMA application_id = 1131767106"_s,
        u"PRAGMA user_version = %1"_s.arg(UserDatabase::SchemaVersion + 1)}
                                   << u"Open it with the newer Cuebook that wrote it"_s;
    QTest::newRow("another program")
        << QStringList {u"CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)"_s}
        << u"belongs to another program"_s;
}

void tst_UserDataOpener::newerAndForeignFilesAreNotOfferedForReplacement()
{
    QFETCH(QStringList, statements);
    QFETCH(QString, advice);
    QVERIFY(QDir().mkpath(m_dir->filePath(u"data"_s)));
    QVERIFY(runSql(path(), statements));
    UserDatabase db;
    QVERIFY(!db.open(path()));
    m_answers->answer({u"OK"_s});
    QVERIFY(!UserDataOpener(&db, m_errors).handleRefusal());
    QVERIFY(m_answers->allAnswered());
    QCOMPARE(m_answers->offered().value(0), QStringList {u"OK"_s});
    const QString said = m_answers->texts().value(0);
    QVERIFY2(said.contains(advice) && said.contains(u"left untouched"_s), qPrintable(said));
    QCOMPARE(filesInFolder(), QStringList {u"userdata.sqlite"_s});
}

void tst_UserDataOpener::aFailedSetAsideIsTold()
{
    if (Unprivileged::runInstead())
        return;
    TestFiles::writeFile(path(), Garbage);
    const QString folder = m_dir->filePath(u"data"_s);
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    });
    UserDatabase db;
    QVERIFY(!db.open(path()));
    m_answers->answer({u"Keep It Aside and Start Afresh"_s, u"OK"_s});
    QVERIFY(!UserDataOpener(&db, m_errors).handleRefusal());
    QVERIFY(m_answers->allAnswered());
    const QString said = m_answers->texts().value(1);
    QVERIFY2(said.contains(u"not set aside"_s) && said.contains(u"Nothing was changed"_s),
        qPrintable(said));
    QCOMPARE(filesInFolder(), QStringList {u"userdata.sqlite"_s});
}

QTEST_MAIN(tst_UserDataOpener)
#include "tst_userdataopener.moc"
