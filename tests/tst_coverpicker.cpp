#include "coverpicker.h"
#include "errorreporter.h"
#include "refusedwrites.h"
#include "testfiles.h"
#include "userdata/coverstore.h"
#include "userdata/userdatabase.h"

#include <QAbstractButton>
#include <QApplication>
#include <QImage>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

const QString Picard = u"star-trek-picard"_s;
const Location Release {Location::Release, Picard, u"picard-s1"_s, {}};

} // namespace

// The user's own cover images: a file that is not an image is refused, and a cover that could
// not be stored reaches the user through the error path, once.
class tst_CoverPicker : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void storesAnImageAndForgetsIt();
    void refusesAFileThatIsNotAnImage();
    void failedWriteReachesTheUserOnce();
    void failedDrawnCoverReachesTheUser();
    void onlyAReleaseWithUserDataHasACover();

private:
    QString writeFile(const QString &name, const QByteArray &contents);
    QString writeImage(const QString &name);
    // Answers the next message box; what it said lands in m_dialog.
    void answerNextDialog();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    std::unique_ptr<QWidget> m_window;
    QStatusBar *m_bar = nullptr;
    ErrorReporter *m_errors = nullptr;
    CoverPicker *m_covers = nullptr;
    QString m_dialog;
};

void tst_CoverPicker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY(m_userData->open(m_dir->filePath(u"user.sqlite"_s)));
    m_window = std::make_unique<QWidget>();
    m_bar = new QStatusBar(m_window.get());
    m_errors = new ErrorReporter(m_bar, m_window.get());
    // As MainWindow wires it: the database's own report of a failed write.
    connect(
        m_userData.get(), &UserDatabase::errorOccurred, m_errors, &ErrorReporter::reportPassing);
    m_covers = new CoverPicker(m_userData.get(), m_errors, m_window.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_dialog.clear();
}

void tst_CoverPicker::cleanup()
{
    m_window.reset();
    m_userData.reset();
    m_dir.reset();
}

QString tst_CoverPicker::writeFile(const QString &name, const QByteArray &contents)
{
    return TestFiles::writeFile(m_dir->filePath(name), contents);
}

QString tst_CoverPicker::writeImage(const QString &name)
{
    QImage image(64, 64, QImage::Format_RGB32);
    image.fill(Qt::darkBlue);
    const QString path = m_dir->filePath(name);
    if (!image.save(path))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void tst_CoverPicker::answerNextDialog()
{
    QTimer::singleShot(0, this, [this] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerNextDialog();
            return;
        }
        m_dialog = box->windowTitle() + u'\n' + box->text();
        box->button(QMessageBox::Ok)->click();
    });
}

void tst_CoverPicker::storesAnImageAndForgetsIt()
{
    const QString image = writeImage(u"cover.png"_s);
    QSignalSpy changed(m_userData->covers(), &CoverStore::releaseCoverChanged);
    QVERIFY(m_covers->setImage(Release, image));
    QCOMPARE(m_userData->covers()->releaseCover(Picard, Release.id), image);
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_covers->useDrawnCover(Release));
    QCOMPARE(m_userData->covers()->releaseCover(Picard, Release.id), QString());
    QCOMPARE(changed.size(), 2);
}

void tst_CoverPicker::refusesAFileThatIsNotAnImage()
{
    const QString notImage = writeFile(u"cover.png"_s, "a shopping list, not a picture");
    answerNextDialog();
    QVERIFY(!m_covers->setImage(Release, notImage));
    QVERIFY2(m_dialog.startsWith(u"Cover Not Set\n"_s), qPrintable(m_dialog));
    QVERIFY(m_dialog.contains(notImage));
    QVERIFY(m_dialog.contains(u"not an image"_s));
    QCOMPARE(m_userData->covers()->releaseCover(Picard, Release.id), QString());
}

void tst_CoverPicker::failedWriteReachesTheUserOnce()
{
    QVERIFY(RefusedWrites::refuse(m_userData->filePath(), u"release_covers"_s));
    const QString image = writeImage(u"cover.png"_s);
    answerNextDialog();
    QVERIFY(!m_covers->setImage(Release, image));
    QVERIFY2(
        m_dialog.startsWith(u"Cover Not Set\nThe cover was not stored: "_s), qPrintable(m_dialog));
    QVERIFY(m_dialog.contains(QString::fromUtf16(RefusedWrites::Reason)));
    // The dialog told it; the status bar does not go on saying it a second time.
    QCOMPARE(m_bar->currentMessage(), QString());
    QCOMPARE(m_userData->covers()->releaseCover(Picard, Release.id), QString());
}

void tst_CoverPicker::failedDrawnCoverReachesTheUser()
{
    const QString image = writeImage(u"cover.png"_s);
    QVERIFY(m_covers->setImage(Release, image));
    QVERIFY(RefusedWrites::refuse(m_userData->filePath(), u"release_covers"_s));
    answerNextDialog();
    QVERIFY(!m_covers->useDrawnCover(Release));
    QVERIFY2(m_dialog.startsWith(u"Cover Not Changed\n"_s), qPrintable(m_dialog));
    QVERIFY(m_dialog.contains(QString::fromUtf16(RefusedWrites::Reason)));
    QCOMPARE(m_userData->covers()->releaseCover(Picard, Release.id), image);
}

void tst_CoverPicker::onlyAReleaseWithUserDataHasACover()
{
    const QString image = writeImage(u"cover.png"_s);
    QVERIFY(m_covers->canChoose(Release));
    const Location cue {Location::Cue, Picard, u"twins"_s, u"picard-s1"_s};
    QVERIFY(!m_covers->canChoose(cue));
    QVERIFY(!m_covers->setImage(cue, image));
    CoverPicker withoutUserData(nullptr, m_errors);
    QVERIFY(!withoutUserData.canChoose(Release));
    QVERIFY(!withoutUserData.setImage(Release, image));
    QVERIFY(!withoutUserData.useDrawnCover(Release));
    QCOMPARE(m_userData->covers()->releaseCover(Picard, Release.id), QString());
}

QTEST_MAIN(tst_CoverPicker)
#include "tst_coverpicker.moc"
