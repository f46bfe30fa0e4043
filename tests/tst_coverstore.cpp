#include "userdata/coverstore.h"
#include "userdata/userdatabase.h"
#include "userdatafixtures.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace UserDataFixtures;

class tst_CoverStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void releaseCoverRoundTrip();

private:
    QString path(const QString &name = u"userdata.sqlite"_s) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_CoverStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_CoverStore::releaseCoverRoundTrip()
{
    {
        UserDatabase db;
        QVERIFY(db.open(path()));
        CoverStore &store = *db.covers();
        QCOMPARE(store.releaseCover(Picard, u"picard-s1"_s), QString());
        QSignalSpy changed(&store, &CoverStore::releaseCoverChanged);
        QVERIFY(store.setReleaseCover(Picard, u"picard-s1"_s, u"/music/covers/s1.jpg"_s));
        QVERIFY(store.setReleaseCover(Picard, u"picard-s1"_s, u"/music/covers/s1-large.jpg"_s));
        QVERIFY(store.setReleaseCover(Picard, u"picard-s3"_s, u"/music/covers/s3.png"_s));
        QCOMPARE(changed.count(), 3);
        QCOMPARE(changed.at(2).at(1).toString(), u"picard-s3"_s);
    }
    UserDatabase db;
    QVERIFY(db.open(path()));
    CoverStore &store = *db.covers();
    QCOMPARE(store.releaseCover(Picard, u"picard-s1"_s), u"/music/covers/s1-large.jpg"_s);
    QCOMPARE(store.releaseCover(u"other"_s, u"picard-s1"_s), QString());
    QVERIFY(store.setReleaseCover(Picard, u"picard-s1"_s, QString()));
    QCOMPARE(store.releaseCover(Picard, u"picard-s1"_s), QString());
    QCOMPARE(store.releaseCover(Picard, u"picard-s3"_s), u"/music/covers/s3.png"_s);
}

QTEST_GUILESS_MAIN(tst_CoverStore)
#include "tst_coverstore.moc"
