#include "errorreporter.h"
#include "filelinker.h"
#include "itemmodels/catalogmodel.h"
#include "library/audiofilereader.h"
#include "testcatalogs.h"
#include "testfiles.h"
#include "userdata/filelinkstore.h"
#include "userdata/userdatabase.h"
#include "wavwriter.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

// Stands in for the desktop's file manager.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls.append(url); }
};

namespace {

const QString Picard = u"star-trek-picard"_s;

Location cue(const QString &cueId)
{
    return {Location::Cue, Picard, cueId, u"picard-s1-chapter-1"_s};
}

// Answers the next modal dialog: a file dialog with path, a message box with button.
void answerFileDialog(const QString &path)
{
    QTimer::singleShot(0, [path] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->selectFile(path);
        QMetaObject::invokeMethod(dialog, "accept");
    });
}

void answerMessageBox(QMessageBox::StandardButton button, QString *text = nullptr)
{
    QTimer::singleShot(0, [button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        if (text)
            *text = box->text() + u'\n' + box->informativeText();
        box->button(button)->click();
    });
}

} // namespace

class tst_FileLinker : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void diskCheckFindsMissingFilesOffTheGuiThread();
    void linkFilesNamesEveryRefusal();
    void locateRelinksTheFileAndItsNeighbours();
    void locateRefusesAFileThatIsNotAudio();
    void locateMissingFindsTheMissingOne();
    void unlinkAsksFirstAndLeavesTheFile();
    void preferChoosesTheFileThatPlays();
    void showInFolderOpensTheFolder();
    void failedFileIsMarkedUntilLinkedAgain();
    void withoutUserDataEveryActionSaysWhy();

private:
    QString wav(const QString &relativePath, int ms = 500);
    void link(const QString &cueId, const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    std::unique_ptr<CatalogModel> m_catalogs;
    std::unique_ptr<QWidget> m_window;
    ErrorReporter *m_errors = nullptr;
    FileLinker *m_linker = nullptr;
};

void tst_FileLinker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY(m_userData->open(m_dir->filePath(u"user.sqlite"_s)));
    m_catalogs = std::make_unique<CatalogModel>();
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picard()));
    m_window = std::make_unique<QWidget>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_errors = new ErrorReporter(new QStatusBar(m_window.get()), m_window.get());
    m_linker = new FileLinker(m_userData.get(), m_catalogs.get(), m_errors);
}

void tst_FileLinker::cleanup()
{
    m_window.reset();
    m_catalogs.reset();
    m_userData.reset();
    m_dir.reset();
}

QString tst_FileLinker::wav(const QString &relativePath, int ms)
{
    const QString path = m_dir->filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!WavWriter::writeSine(path, ms))
        return {};
    return path;
}

void tst_FileLinker::link(const QString &cueId, const QString &path)
{
    FileLink link;
    link.cue = {Picard, cueId};
    link.file = AudioFileReader::read(QFileInfo(path));
    QVERIFY(link.file.readable);
    QVERIFY(m_userData->fileLinks()->linkFile(link));
}

void tst_FileLinker::diskCheckFindsMissingFilesOffTheGuiThread()
{
    link(u"main-title"_s, wav(u"album/01.wav"_s));
    const QString gone = wav(u"album/02.wav"_s);
    link(u"end-title"_s, gone);
    QVERIFY(QFile::remove(gone));
    QSignalSpy checked(m_linker, &FileLinker::fileStatesChecked);
    QSignalSpy messages(m_linker, &FileLinker::statusMessage);

    m_linker->refreshFileStates();
    // At once, from the table alone: both linked, until the disk says otherwise.
    QCOMPARE(m_catalogs->fileState({Picard, u"end-title"_s}), FileState::Linked);
    QVERIFY(checked.wait());
    QCOMPARE(m_catalogs->fileState({Picard, u"main-title"_s}), FileState::Linked);
    QCOMPARE(m_catalogs->fileState({Picard, u"end-title"_s}), FileState::Missing);
    QCOMPARE(m_catalogs->fileState({Picard, u"mystery-ship"_s}), FileState::None);
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.first().first().toString().endsWith(u"use Play > Locate Missing File…"_s));
    // Nothing was unlinked.
    QCOMPARE(m_userData->fileLinks()->links({Picard, u"end-title"_s}).size(), 1);
}

void tst_FileLinker::linkFilesNamesEveryRefusal()
{
    const QString good = wav(u"good.wav"_s);
    const QString folder = m_dir->filePath(u"a folder"_s);
    QVERIFY(QDir().mkpath(folder));
    const QString notAudio = TestFiles::writeFile(
        m_dir->filePath(u"notes.flac"_s), "These are notes, not audio, whatever the name says.");
    QString shown;
    answerMessageBox(QMessageBox::Ok, &shown);
    QSignalSpy messages(m_linker, &FileLinker::statusMessage);

    QCOMPARE(m_linker->linkFiles(cue(u"main-title"_s), {good, folder, notAudio}), 1);
    QVERIFY2(shown.contains(folder) && shown.contains(u"Scan Music Folder"_s), qPrintable(shown));
    QVERIFY2(shown.contains(notAudio), qPrintable(shown));
    QCOMPARE(m_userData->fileLinks()->links({Picard, u"main-title"_s}).size(), 1);
    QCOMPARE(m_catalogs->fileState({Picard, u"main-title"_s}), FileState::Linked);
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.first().first().toString().contains(u"good.wav"_s));
}

void tst_FileLinker::locateRelinksTheFileAndItsNeighbours()
{
    const QString first = wav(u"old/01 Main Title.wav"_s);
    const QString second = wav(u"old/02 End Title.wav"_s, 700);
    const QString third = wav(u"old/03 Walking.wav"_s);
    link(u"main-title"_s, first);
    link(u"end-title"_s, second);
    link(u"walking-with-number-one"_s, third);
    // The user moved the album; the third file was lost on the way.
    QVERIFY(QDir().mkpath(m_dir->filePath(u"new"_s)));
    for (const QString &path : {first, second})
        QVERIFY(QFile::rename(path, m_dir->filePath(u"new/"_s + QFileInfo(path).fileName())));
    QVERIFY(QFile::remove(third));
    QSignalSpy checked(m_linker, &FileLinker::fileStatesChecked);
    m_linker->refreshFileStates();
    QVERIFY(checked.wait());
    QCOMPARE(m_catalogs->fileState({Picard, u"end-title"_s}), FileState::Missing);
    QSignalSpy messages(m_linker, &FileLinker::statusMessage);

    answerFileDialog(m_dir->filePath(u"new/01 Main Title.wav"_s));
    m_linker->perform({PaneAction::LocateFile, cue(u"main-title"_s), 0, first});

    QCOMPARE(m_userData->fileLinks()->links({Picard, u"main-title"_s}).constFirst().file.path,
        m_dir->filePath(u"new/01 Main Title.wav"_s));
    QCOMPARE(m_userData->fileLinks()->links({Picard, u"end-title"_s}).constFirst().file.path,
        m_dir->filePath(u"new/02 End Title.wav"_s));
    QCOMPARE(m_userData->fileLinks()
                 ->links({Picard, u"walking-with-number-one"_s})
                 .constFirst()
                 .file.path,
        third);
    QCOMPARE(m_catalogs->fileState({Picard, u"main-title"_s}), FileState::Linked);
    QCOMPARE(m_catalogs->fileState({Picard, u"end-title"_s}), FileState::Linked);
    QCOMPARE(m_catalogs->fileState({Picard, u"walking-with-number-one"_s}), FileState::Missing);
    QVERIFY(!messages.isEmpty());
    QVERIFY2(messages.last().first().toString().contains(u"1 other"_s),
        qPrintable(messages.last().first().toString()));
}

void tst_FileLinker::locateRefusesAFileThatIsNotAudio()
{
    const QString original = wav(u"01.wav"_s);
    link(u"main-title"_s, original);
    QVERIFY(QFile::remove(original));
    const QString impostor
        = TestFiles::writeFile(m_dir->filePath(u"01 again.wav"_s), QByteArray(1000, 'x'));
    QString shown;
    QTimer::singleShot(0, [impostor, &shown] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->selectFile(impostor);
        QMetaObject::invokeMethod(dialog, "accept");
        answerMessageBox(QMessageBox::Ok, &shown);
    });
    m_linker->locate(cue(u"main-title"_s), original);
    QVERIFY2(shown.contains(impostor), qPrintable(shown));
    QCOMPARE(
        m_userData->fileLinks()->links({Picard, u"main-title"_s}).constFirst().file.path, original);
}

void tst_FileLinker::locateMissingFindsTheMissingOne()
{
    const QString present = wav(u"a.wav"_s);
    const QString gone = wav(u"b.wav"_s);
    link(u"main-title"_s, present);
    link(u"main-title"_s, gone);
    QSignalSpy messages(m_linker, &FileLinker::statusMessage);
    m_linker->locateMissing(cue(u"main-title"_s));
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.first().first().toString().contains(u"where it was"_s));
    m_linker->locateMissing(cue(u"end-title"_s));
    QVERIFY(messages.last().first().toString().contains(u"Link Audio File"_s));

    QVERIFY(QFile::rename(gone, m_dir->filePath(u"c.wav"_s)));
    QString title;
    QTimer::singleShot(0, [this, &title] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        title = dialog->windowTitle();
        dialog->selectFile(m_dir->filePath(u"c.wav"_s));
        QMetaObject::invokeMethod(dialog, "accept");
    });
    m_linker->locateMissing(cue(u"main-title"_s));
    QVERIFY2(title.contains(u"b.wav"_s), qPrintable(title));
    QStringList paths;
    for (const FileLink &link : m_userData->fileLinks()->links({Picard, u"main-title"_s}))
        paths.append(link.file.path);
    paths.sort();
    QCOMPARE(paths, QStringList({present, m_dir->filePath(u"c.wav"_s)}));
}

void tst_FileLinker::unlinkAsksFirstAndLeavesTheFile()
{
    const QString path = wav(u"01.wav"_s);
    link(u"main-title"_s, path);
    const PaneAction unlink {PaneAction::UnlinkFile, cue(u"main-title"_s), 0, path};

    answerMessageBox(QMessageBox::Cancel);
    m_linker->perform(unlink);
    QCOMPARE(m_userData->fileLinks()->links({Picard, u"main-title"_s}).size(), 1);

    answerMessageBox(QMessageBox::Yes);
    m_linker->perform(unlink);
    QVERIFY(m_userData->fileLinks()->links({Picard, u"main-title"_s}).isEmpty());
    QCOMPARE(m_catalogs->fileState({Picard, u"main-title"_s}), FileState::None);
    QVERIFY(QFile::exists(path));
}

void tst_FileLinker::preferChoosesTheFileThatPlays()
{
    const QString first = wav(u"a.wav"_s);
    const QString second = wav(u"b.wav"_s);
    link(u"main-title"_s, first);
    link(u"main-title"_s, second);
    QCOMPARE(m_userData->fileLinks()->preferredFile({Picard, u"main-title"_s})->file.path, first);
    QSignalSpy messages(m_linker, &FileLinker::statusMessage);
    m_linker->perform({PaneAction::PreferFile, cue(u"main-title"_s), 0, second});
    QCOMPARE(m_userData->fileLinks()->preferredFile({Picard, u"main-title"_s})->file.path, second);
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.first().first().toString().contains(u"b.wav"_s));
}

void tst_FileLinker::showInFolderOpensTheFolder()
{
    const QString path = wav(u"Jeff Russo/Season 1/01 Main Title.wav"_s);
    link(u"main-title"_s, path);
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(u"file"_s, &catcher, "open");
    m_linker->perform({PaneAction::ShowFile, cue(u"main-title"_s), 0, path});
    QDesktopServices::unsetUrlHandler(u"file"_s);
    QCOMPARE(catcher.urls,
        QList<QUrl>({QUrl::fromLocalFile(m_dir->filePath(u"Jeff Russo/Season 1"_s))}));
}

void tst_FileLinker::failedFileIsMarkedUntilLinkedAgain()
{
    const QString damaged = wav(u"01.wav"_s);
    const QString gone = wav(u"02.wav"_s);
    link(u"main-title"_s, damaged);
    link(u"end-title"_s, gone);
    QVERIFY(QFile::remove(gone));
    m_linker->markFailed({Picard, u"main-title"_s}, damaged);
    m_linker->markFailed({Picard, u"end-title"_s}, gone);
    QCOMPARE(m_catalogs->fileState({Picard, u"main-title"_s}), FileState::Unplayable);
    QCOMPARE(m_catalogs->fileState({Picard, u"end-title"_s}), FileState::Missing);

    // A check of the disk finds the damaged file present, but it still would not play.
    QSignalSpy checked(m_linker, &FileLinker::fileStatesChecked);
    m_linker->refreshFileStates();
    QVERIFY(checked.wait());
    QCOMPARE(m_catalogs->fileState({Picard, u"main-title"_s}), FileState::Unplayable);

    // Linking it again (a repaired file) decides anew.
    link(u"main-title"_s, wav(u"01.wav"_s));
    QCOMPARE(m_catalogs->fileState({Picard, u"main-title"_s}), FileState::Linked);
}

void tst_FileLinker::withoutUserDataEveryActionSaysWhy()
{
    FileLinker linker(nullptr, m_catalogs.get(), m_errors);
    QSignalSpy messages(&linker, &FileLinker::statusMessage);
    QVERIFY(!linker.isAvailable());
    linker.chooseFilesFor(cue(u"main-title"_s));
    QCOMPARE(linker.linkFiles(cue(u"main-title"_s), {wav(u"01.wav"_s)}), 0);
    linker.scanMusicFolder();
    linker.perform({PaneAction::LocateFile, cue(u"main-title"_s), 0, u"/gone.wav"_s});
    linker.refreshFileStates();
    QCOMPARE(messages.size(), 4);
    for (const QList<QVariant> &message : std::as_const(messages))
        QVERIFY(message.first().toString().contains(u"user database"_s));
}

QTEST_MAIN(tst_FileLinker)
#include "tst_filelinker.moc"
