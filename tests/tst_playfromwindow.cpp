#include "anchorclick.h"
#include "audiofolder.h"
#include "itemmodels/catalogmodel.h"
#include "library/audiofilereader.h"
#include "mainwindow.h"
#include "panes/cuepane.h"
#include "panes/detailview.h"
#include "panes/panebrowser.h"
#include "panes/releasepane.h"
#include "playback.h"
#include "player.h"
#include "playerbar.h"
#include "testfiles.h"
#include "timeline/cuetimeline.h"
#include "userdata/coverstore.h"
#include "userdata/filelinkstore.h"
#include "userdata/markerstore.h"
#include "userdata/userdatabase.h"
#include "wavwriter.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFont>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;

// Linking a file to a cue and playing it, from the window, with generated audio.
class tst_PlayFromWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void doubleClickPlaysALinkedTrack();
    void spaceTogglesPauseButNotInTheSearchField();
    void trackWithoutFileSaysHowToLinkOne();
    void linkAudioFileByHand();
    void volumeComesBack();
    void scanMusicFolderLinksWhatTheUserKeeps();
    void coverImageOfTheUsersOwn();
    void themeEntrancePlaysTheCueFromItsTime();
    void releasePanePlaysTheRelease();
    void lastPlayedCueComesBackPaused();
    void fileThatWillNotPlayIsMarkedAndSkipped();
    void dropFilesOnATrackLinksThem();
    void playingCueHasATimelineUnderThePlayerBar();
    void clickOnThePaneTimelineSeeksTheCueThatPlays();

private:
    QModelIndex row(const QString &title) const;
    static QPoint atTime(const CueTimeline *timeline, qint64 ms)
    {
        return QPoint(int(std::lround(timeline->scale().xOf(double(ms)))),
            int(timeline->trackRect().center().y()));
    }
    // The lowest position the player reported while playing, from now on.
    std::shared_ptr<qint64> lowestPlayingPosition();
    void link(const QString &cueId, const QString &path);

    QTemporaryDir m_dir;
    std::unique_ptr<UserDatabase> m_userData;
    std::unique_ptr<MainWindow> m_window;
    QTreeView *m_tree = nullptr;
    PlayerBar *m_bar = nullptr;
};

void tst_PlayFromWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"CuebookTest"_s);
    QCoreApplication::setApplicationName(u"tst_playfromwindow"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    QVERIFY(WavWriter::writeSine(m_dir.filePath(u"twins.wav"_s), 3000));
    QVERIFY(WavWriter::writeSine(m_dir.filePath(u"request.wav"_s), 3000, 660));
    QVERIFY(WavWriter::writeSine(m_dir.filePath(u"long.wav"_s), 8000, 330));
}

void tst_PlayFromWindow::init()
{
    QSettings().clear();
    QFile::remove(m_dir.filePath(u"user.sqlite"_s));
    m_userData = std::make_unique<UserDatabase>();
    QVERIFY2(
        m_userData->open(m_dir.filePath(u"user.sqlite"_s)), qPrintable(m_userData->errorString()));
    m_window = std::make_unique<MainWindow>(m_userData.get());
    m_window->openBundledCatalog();
    m_window->resize(1280, 800);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_tree = m_window->findChild<QTreeView *>(u"catalogTree"_s);
    m_bar = m_window->findChild<PlayerBar *>();
    QVERIFY(m_tree && m_bar);
}

void tst_PlayFromWindow::cleanup()
{
    m_window.reset();
    m_userData.reset();
}

QModelIndex tst_PlayFromWindow::row(const QString &title) const
{
    const QAbstractItemModel *model = m_tree->model();
    const QModelIndex season = model->index(1, 0);
    for (int r = 0; r < model->rowCount(season); ++r) {
        if (model->index(r, 0, season).data().toString() == title)
            return model->index(r, 0, season);
    }
    return {};
}

std::shared_ptr<qint64> tst_PlayFromWindow::lowestPlayingPosition()
{
    auto lowest = std::make_shared<qint64>(std::numeric_limits<qint64>::max());
    auto *player = m_window->findChild<Player *>();
    if (!player)
        qFatal("the main window has no Player");
    connect(player, &Player::positionChanged, m_window.get(), [player, lowest](qint64 ms) {
        if (player->playbackState() == QMediaPlayer::PlayingState)
            *lowest = std::min(*lowest, ms);
    });
    return lowest;
}

void tst_PlayFromWindow::link(const QString &cueId, const QString &path)
{
    FileLink link;
    link.cue = {u"star-trek-picard"_s, cueId};
    link.file = AudioFileReader::read(QFileInfo(path));
    QVERIFY(link.file.readable);
    QVERIFY(m_userData->fileLinks()->linkFile(link));
}

void tst_PlayFromWindow::doubleClickPlaysALinkedTrack()
{
    link(u"twins"_s, m_dir.filePath(u"twins.wav"_s));
    const QModelIndex twins = row(u"Twins"_s);
    QVERIFY(twins.isValid());
    // The tree shows the link on every release that holds the cue.
    QCOMPARE(twins.data(CatalogModel::HasFileRole).toInt(), int(FileState::Linked));
    m_tree->scrollTo(twins);
    const QPoint centre = m_tree->visualRect(twins).center();
    QTest::mouseClick(m_tree->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(m_tree->viewport(), Qt::LeftButton, {}, centre);
    QTRY_COMPARE(m_bar->playbackState(), QMediaPlayer::PlayingState);
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"Twins"_s));
    // The playing cue is marked on both albums that hold it, and nowhere else.
    QVERIFY(twins.data(CatalogModel::IsPlayingRole).toBool());
    QVERIFY(twins.data(Qt::FontRole).value<QFont>().bold());
    const QModelIndex chapterOne = m_tree->model()->index(0, 0);
    int playing = 0;
    for (int r = 0; r < m_tree->model()->rowCount(chapterOne); ++r)
        playing
            += m_tree->model()->index(r, 0, chapterOne).data(CatalogModel::IsPlayingRole).toBool();
    QCOMPARE(playing, 1);
    QVERIFY(!row(u"Mystery Ship"_s).data(CatalogModel::IsPlayingRole).toBool());

    // Ctrl+J comes back to it from wherever the user went.
    m_window->navigate({Location::Theme, u"star-trek-picard"_s, u"romulan-theme"_s, {}});
    QTest::keyClick(m_window.get(), Qt::Key_J, Qt::ControlModifier);
    QCOMPARE(m_window->currentLocation(),
        Location({Location::Cue, u"star-trek-picard"_s, u"twins"_s, u"picard-s1"_s}));
    QCOMPARE(m_tree->currentIndex().siblingAtColumn(0), twins);
}

void tst_PlayFromWindow::spaceTogglesPauseButNotInTheSearchField()
{
    link(u"twins"_s, m_dir.filePath(u"twins.wav"_s));
    QVERIFY(m_window->playback()->playRelease(
        {Location::Cue, u"star-trek-picard"_s, u"twins"_s, u"picard-s1"_s}));
    QTRY_COMPARE(m_bar->playbackState(), QMediaPlayer::PlayingState);
    m_tree->setFocus();
    QTest::keyClick(m_tree, Qt::Key_Space);
    QTRY_COMPARE(m_bar->playbackState(), QMediaPlayer::PausedState);

    auto *search = m_window->findChild<QLineEdit *>();
    search->setFocus();
    QTest::keyClicks(search, u"blue skies"_s);
    QCOMPARE(search->text(), u"blue skies"_s);
    QCOMPARE(m_bar->playbackState(), QMediaPlayer::PausedState);
}

void tst_PlayFromWindow::trackWithoutFileSaysHowToLinkOne()
{
    QVERIFY(!m_window->playback()->playRelease(
        {Location::Cue, u"star-trek-picard"_s, u"twins"_s, u"picard-s1"_s}));
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"Link Audio File"_s));
    QCOMPARE(m_bar->playbackState(), QMediaPlayer::StoppedState);

    // With another track of the release linked, a double-click on this one still plays nothing
    // else in its place.
    link(u"picard-requests-help"_s, m_dir.filePath(u"request.wav"_s));
    const QModelIndex twins = row(u"Twins"_s);
    m_tree->scrollTo(twins);
    const QPoint centre = m_tree->visualRect(twins).center();
    QSignalSpy stateChanges(m_window->findChild<Player *>(), &Player::playbackStateChanged);
    QTest::mouseClick(m_tree->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(m_tree->viewport(), Qt::LeftButton, {}, centre);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"“Twins” has no audio file"_s),
        qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(!stateChanges.wait(200));
    QCOMPARE(m_bar->playbackState(), QMediaPlayer::StoppedState);
}

void tst_PlayFromWindow::linkAudioFileByHand()
{
    const QString path = m_dir.filePath(u"request.wav"_s);
    m_window->navigate(
        {Location::Cue, u"star-trek-picard"_s, u"picard-requests-help"_s, u"picard-s1"_s});
    QTimer::singleShot(0, this, [path] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->selectFile(path);
        QMetaObject::invokeMethod(dialog, "accept");
    });
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    QTRY_COMPARE(
        m_userData->fileLinks()->links({u"star-trek-picard"_s, u"picard-requests-help"_s}).size(),
        1);
    QCOMPARE(m_userData->fileLinks()
                 ->links({u"star-trek-picard"_s, u"picard-requests-help"_s})
                 .at(0)
                 .file.path,
        path);
    QTRY_COMPARE(row(u"Picard Requests Help"_s).data(CatalogModel::HasFileRole).toInt(),
        int(FileState::Linked));
}

void tst_PlayFromWindow::volumeComesBack()
{
    m_bar->setVolume(0.25);
    emit m_bar->volumeChanged(0.25);
    m_window->close();
    m_window = std::make_unique<MainWindow>(m_userData.get());
    // The bar's slider is logarithmic and whole-numbered: the volume comes back to within a step.
    const qreal volume = m_window->findChild<PlayerBar *>()->volume();
    QVERIFY2(qAbs(volume - 0.25) < 0.02, qPrintable(QString::number(volume)));
}

void tst_PlayFromWindow::scanMusicFolderLinksWhatTheUserKeeps()
{
    QVERIFY2(AudioFolder::hasSox(), "sox is needed to make the audio files");
    const QString folder = m_dir.filePath(u"music"_s);
    QVERIFY(QDir().mkpath(folder));
    const QString twins = folder + u"/09 Twins.flac"_s;
    QVERIFY(AudioFolder::encode(twins, 255'000));
    AudioFolder::Tags tags;
    tags.title = u"Twins"_s;
    tags.album = u"Star Trek: Picard – Season 1, Chapter 1 (Original Series Soundtrack)"_s;
    tags.artist = u"Jeff Russo"_s;
    tags.track = 9;
    QVERIFY(AudioFolder::writeTags(twins, tags));

    // The folder chooser, then the scan's review: the user stores what the scan proposes.
    QTimer::singleShot(0, this, [folder] {
        auto *chooser = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(chooser);
        chooser->setDirectory(folder);
        chooser->selectFile(folder);
        QMetaObject::invokeMethod(chooser, "accept");
        QTimer::singleShot(0, [] {
            QWidget *review = QApplication::activeModalWidget();
            QVERIFY(review);
            auto *store = review->findChild<QPushButton *>(u"storeLinksButton"_s);
            QTRY_VERIFY_WITH_TIMEOUT(store && store->isVisible() && store->isEnabled(), 20000);
            QTest::mouseClick(store, Qt::LeftButton);
        });
    });
    QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(m_userData->fileLinks()->links({u"star-trek-picard"_s, u"twins"_s}).size(), 1);
    QCOMPARE(
        m_userData->fileLinks()->links({u"star-trek-picard"_s, u"twins"_s}).at(0).file.path, twins);
    QCOMPARE(row(u"Twins"_s).data(CatalogModel::HasFileRole).toInt(), int(FileState::Linked));
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"Linked 1 file from"_s));
}

void tst_PlayFromWindow::coverImageOfTheUsersOwn()
{
    const QString image = m_dir.filePath(u"cover.png"_s);
    QImage red(64, 64, QImage::Format_RGB32);
    red.fill(Qt::red);
    QVERIFY(red.save(image));
    auto *pane = m_window->findChild<ReleasePane *>();
    auto redPixels = [pane] {
        const QImage shot = pane->grab().toImage();
        int count = 0;
        for (int y = 0; y < shot.height(); y += 2) {
            for (int x = 0; x < shot.width(); x += 2)
                count += shot.pixelColor(x, y) == QColor(Qt::red);
        }
        return count;
    };
    m_window->navigate({Location::Release, u"star-trek-picard"_s, u"picard-s3"_s, {}});
    QTRY_VERIFY(pane->isVisible());
    QCOMPARE(redPixels(), 0);

    QTimer::singleShot(0, this, [image] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->selectFile(image);
        QMetaObject::invokeMethod(dialog, "accept");
    });
    QAction *setCover = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->text() == u"Set &Cover Image…"_s)
            setCover = action;
    }
    QVERIFY(setCover && setCover->isEnabled());
    setCover->trigger();
    QCOMPARE(m_userData->covers()->releaseCover(u"star-trek-picard"_s, u"picard-s3"_s), image);
    // The pane shows the user's image, read off the GUI thread, instead of the drawn cover.
    QTRY_VERIFY(redPixels() > 500);
}

void tst_PlayFromWindow::themeEntrancePlaysTheCueFromItsTime()
{
    link(u"twins"_s, m_dir.filePath(u"long.wav"_s));
    link(u"picard-requests-help"_s, m_dir.filePath(u"request.wav"_s));
    const auto lowest = lowestPlayingPosition();
    // As a click on a theme's play link in a pane asks for it.
    auto *detail = m_window->findChild<DetailView *>();
    QVERIFY(detail);
    emit detail->actionRequested(
        {PaneAction::Play, {Location::Cue, u"star-trek-picard"_s, u"twins"_s, {}}, 5000, {}});
    QTRY_COMPARE(m_bar->playbackState(), QMediaPlayer::PlayingState);
    QCOMPARE(m_bar->nowPlaying(), u"Twins"_s);
    QTRY_VERIFY(m_bar->position() >= 5200);
    QVERIFY2(*lowest >= 4900, qPrintable(QString::number(*lowest)));
    // The entrance is heard alone: at the end of the cue nothing else of the release follows.
    QTRY_COMPARE_WITH_TIMEOUT(m_bar->playbackState(), QMediaPlayer::StoppedState, 10000);
    QVERIFY(m_bar->nowPlaying().isEmpty());
    QVERIFY(!row(u"Twins"_s).data(CatalogModel::IsPlayingRole).toBool());
}

void tst_PlayFromWindow::releasePanePlaysTheRelease()
{
    link(u"picard-requests-help"_s, m_dir.filePath(u"request.wav"_s));
    m_window->navigate({Location::Release, u"star-trek-picard"_s, u"picard-s1"_s, {}});
    auto *pane = m_window->findChild<ReleasePane *>();
    QTRY_VERIFY(pane->isVisible());
    auto *browser = pane->findChild<PaneBrowser *>();
    QTRY_VERIFY(browser->toPlainText().contains(u"1 of 55 tracks"_s));
    const PaneAction play {PaneAction::PlayRelease,
        {Location::Cue, u"star-trek-picard"_s, u"main-title"_s, u"picard-s1"_s}, 0, {}};
    QVERIFY(AnchorClick::click(browser, PaneActionLink::toUrl(play).toString(QUrl::FullyEncoded)));
    // The first track with a file, from the top of the album.
    QTRY_COMPARE(m_bar->playbackState(), QMediaPlayer::PlayingState);
    QCOMPARE(m_bar->nowPlaying(), u"Picard Requests Help"_s);
}

void tst_PlayFromWindow::lastPlayedCueComesBackPaused()
{
    link(u"twins"_s, m_dir.filePath(u"long.wav"_s));
    link(u"picard-requests-help"_s, m_dir.filePath(u"request.wav"_s));
    QVERIFY(m_window->playback()->playRelease(
        {Location::Cue, u"star-trek-picard"_s, u"twins"_s, u"picard-s1"_s}));
    QTRY_COMPARE(m_bar->playbackState(), QMediaPlayer::PlayingState);
    emit m_bar->seekRequested(4000);
    QTRY_VERIFY(m_bar->position() >= 4000);
    QTest::keyClick(m_window.get(), Qt::Key_Space);
    QTRY_COMPARE(m_bar->playbackState(), QMediaPlayer::PausedState);
    const qint64 pausedAt = m_bar->position();
    m_window->close();

    m_window = std::make_unique<MainWindow>(m_userData.get());
    m_window->openBundledCatalog();
    m_window->restoreSession();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_bar = m_window->findChild<PlayerBar *>();
    m_tree = m_window->findChild<QTreeView *>(u"catalogTree"_s);
    QCOMPARE(m_bar->nowPlaying(), u"Twins"_s);
    QCOMPARE(m_bar->playbackState(), QMediaPlayer::PausedState);
    QCOMPARE(m_bar->position(), pausedAt);
    QVERIFY(row(u"Twins"_s).data(CatalogModel::IsPlayingRole).toBool());
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"Space"_s));
    // Nothing sounds until the user asks.
    QSignalSpy stateChanges(m_window->findChild<Player *>(), &Player::playbackStateChanged);
    QVERIFY(!stateChanges.wait(300));
    QCOMPARE(m_bar->playbackState(), QMediaPlayer::PausedState);
    QVERIFY(m_window->findChild<Player *>()->source().isEmpty());

    const auto lowest = lowestPlayingPosition();
    QTest::keyClick(m_window.get(), Qt::Key_Space);
    QTRY_COMPARE(m_bar->playbackState(), QMediaPlayer::PlayingState);
    QTRY_VERIFY(m_bar->position() >= pausedAt + 200);
    QVERIFY2(*lowest >= pausedAt - 100, qPrintable(QString::number(*lowest)));
    // The rest of the release is queued behind it, as when it was first played.
    QTRY_COMPARE_WITH_TIMEOUT(m_bar->nowPlaying(), u"Picard Requests Help"_s, 10000);
}

void tst_PlayFromWindow::fileThatWillNotPlayIsMarkedAndSkipped()
{
    // A file that was fine when linked and has since been damaged.
    const QString damaged = m_dir.filePath(u"damaged.wav"_s);
    QVERIFY(WavWriter::writeSine(damaged, 2000));
    link(u"twins"_s, damaged);
    link(u"picard-requests-help"_s, m_dir.filePath(u"request.wav"_s));
    TestFiles::writeFile(damaged, QByteArray(4096, '\x5a'));
    QVERIFY(m_window->playback()->playRelease(
        {Location::Cue, u"star-trek-picard"_s, u"twins"_s, u"picard-s1"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(m_bar->nowPlaying(), u"Picard Requests Help"_s, 10000);
    QTRY_COMPARE(m_bar->playbackState(), QMediaPlayer::PlayingState);
    QTRY_COMPARE(
        row(u"Twins"_s).data(CatalogModel::HasFileRole).toInt(), int(FileState::Unplayable));
    QVERIFY(row(u"Twins"_s).data(Qt::ToolTipRole).toString().contains(u"would not play"_s));
    // The link stays: the user decides what to do with the file.
    QCOMPARE(m_userData->fileLinks()->links({u"star-trek-picard"_s, u"twins"_s}).size(), 1);
}

void tst_PlayFromWindow::dropFilesOnATrackLinksThem()
{
    const QString request = m_dir.filePath(u"request.wav"_s);
    const QString notAudio = TestFiles::writeFile(m_dir.filePath(u"cover.txt.mp3"_s), "not audio");
    const QModelIndex target = row(u"Picard Requests Help"_s);
    QVERIFY(target.isValid());
    m_tree->scrollTo(target);
    const QPoint centre = m_tree->visualRect(target).center();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(request), QUrl::fromLocalFile(notAudio)});

    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(m_tree->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(centre, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(m_tree->viewport(), &move);
    QVERIFY(move.isAccepted());
    // The file that is not audio is named in a message; the other one is linked.
    QString refusal;
    QTimer::singleShot(0, this, [&refusal] {
        QWidget *box = QApplication::activeModalWidget();
        QVERIFY(box);
        refusal = box->findChild<QLabel *>(u"qt_msgbox_label"_s)->text();
        box->close();
    });
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(m_tree->viewport(), &drop);

    QVERIFY2(refusal.contains(notAudio), qPrintable(refusal));
    const QList<FileLink> links
        = m_userData->fileLinks()->links({u"star-trek-picard"_s, u"picard-requests-help"_s});
    QCOMPARE(links.size(), 1);
    QCOMPARE(links.constFirst().file.path, request);
    QCOMPARE(row(u"Picard Requests Help"_s).data(CatalogModel::HasFileRole).toInt(),
        int(FileState::Linked));
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"request.wav"_s));
    // The cue pane of the track shows the file at once.
    m_window->navigate(
        {Location::Cue, u"star-trek-picard"_s, u"picard-requests-help"_s, u"picard-s1"_s});
    auto *pane = m_window->findChild<CuePane *>();
    QTRY_VERIFY(pane->isVisible());
    QVERIFY(pane->findChild<PaneBrowser *>()->toPlainText().contains(u"request.wav"_s));
}

// The strip under the player bar follows the queue: it seeks without touching it, marks the
// cue that plays, and hides when nothing is left to play.
void tst_PlayFromWindow::playingCueHasATimelineUnderThePlayerBar()
{
    auto *strip = m_window->findChild<CueTimeline *>(u"playingTimeline"_s);
    QVERIFY(strip);
    QVERIFY(!strip->isVisible());
    link(u"twins"_s, m_dir.filePath(u"long.wav"_s));
    link(u"picard-requests-help"_s, m_dir.filePath(u"request.wav"_s));
    QVERIFY(m_window->playback()->playRelease(
        {Location::Cue, u"star-trek-picard"_s, u"twins"_s, u"picard-s1"_s}));
    QTRY_COMPARE(m_bar->playbackState(), QMediaPlayer::PlayingState);
    QVERIFY(strip->isVisible());
    QVERIFY(strip->isCompact());
    QVERIFY(strip->geometry().top() >= m_bar->geometry().bottom());
    QVERIFY(strip->height() < m_bar->height());
    QCOMPARE(strip->duration(), 8000);
    QTRY_COMPARE(strip->waveformStatus(), CueTimeline::WaveformStatus::Ready);
    QTRY_VERIFY(strip->position() > 0);

    const QPoint at = atTime(strip, 6000);
    const qint64 target = strip->scale().msAt(at.x());
    QTest::mouseClick(strip, Qt::LeftButton, {}, at);
    QTRY_VERIFY(m_bar->position() >= target);
    QTRY_VERIFY(strip->position() >= target);
    QCOMPARE(m_bar->nowPlaying(), u"Twins"_s);

    // The release goes on, and the strip with it.
    QTRY_COMPARE_WITH_TIMEOUT(m_bar->nowPlaying(), u"Picard Requests Help"_s, 10000);
    QCOMPARE(strip->duration(), 3000);
    const CueKey request {u"star-trek-picard"_s, u"picard-requests-help"_s};
    QTest::mouseClick(strip, Qt::LeftButton, Qt::ShiftModifier, atTime(strip, 1500));
    const QList<Marker> marked = m_userData->markers()->markers(request);
    QCOMPARE(marked.size(), 1);
    QCOMPARE(marked.first().startMs, strip->scale().msAt(atTime(strip, 1500).x()));
    QCOMPARE(strip->markers().size(), 1);
    m_window->findChild<QUndoStack *>()->undo();
    QVERIFY(m_userData->markers()->markers(request).isEmpty());
    QVERIFY(strip->markers().isEmpty());

    QTRY_VERIFY_WITH_TIMEOUT(!strip->isVisible(), 10000);
    QCOMPARE(m_bar->nowPlaying(), QString());
}

// Playing the cue again would drop the rest of its release; a seek keeps it.
void tst_PlayFromWindow::clickOnThePaneTimelineSeeksTheCueThatPlays()
{
    link(u"twins"_s, m_dir.filePath(u"long.wav"_s));
    link(u"picard-requests-help"_s, m_dir.filePath(u"request.wav"_s));
    const Location twins {Location::Cue, u"star-trek-picard"_s, u"twins"_s, u"picard-s1"_s};
    QVERIFY(m_window->playback()->playRelease(twins));
    QTRY_COMPARE(m_bar->playbackState(), QMediaPlayer::PlayingState);
    m_window->navigate(twins);
    auto *pane = m_window->findChild<CuePane *>();
    QVERIFY(pane);
    CueTimeline *timeline = pane->timeline();
    QTRY_VERIFY(timeline->isVisible() && timeline->position() >= 0);
    QCOMPARE(timeline->duration(), 8000);

    const QPoint at = atTime(timeline, 6500);
    const qint64 target = timeline->scale().msAt(at.x());
    QTest::mouseClick(timeline, Qt::LeftButton, {}, at);
    QTRY_VERIFY(m_bar->position() >= target);
    QTRY_COMPARE_WITH_TIMEOUT(m_bar->nowPlaying(), u"Picard Requests Help"_s, 10000);
    QCOMPARE(timeline->position(), -1);
}

QTEST_MAIN(tst_PlayFromWindow)

#include "tst_playfromwindow.moc"
