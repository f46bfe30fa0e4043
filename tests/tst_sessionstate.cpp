#include "busyindicator.h"
#include "catalogbrowser.h"
#include "errorreporter.h"
#include "itemmodels/catalogmodel.h"
#include "opencatalogs.h"
#include "panes/cuepane.h"
#include "panes/detailview.h"
#include "playback.h"
#include "playerbar.h"
#include "sessionstate.h"
#include "testcovers.h"
#include "testfiles.h"

#include <QDir>
#include <QMainWindow>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QByteArray Voyager = R"({
  "format": "cuebook-catalog", "version": 1, "id": "voyager", "title": "Star Trek: Voyager",
  "themes": [ { "id": "star-trek-march", "name": "Star Trek March", "composer": "Jerry Goldsmith" } ],
  "cues": [ { "id": "main-title", "title": "Voyager Main Title" } ],
  "releases": [ { "id": "voyager-album", "title": "Voyager Suite", "tracks": [
      { "number": 1, "title": "Voyager Main Title", "duration": "2:00", "cue": "main-title" } ] } ],
  "occurrences": [ { "theme": "star-trek-march", "cue": "main-title", "kind": "allusion" } ]
}
)";

// The parts of a window that a session holds, built as MainWindow builds them.
struct SessionWindow
{
    SessionWindow()
    {
        splitter = new QSplitter;
        browser = new CatalogBrowser(&model, &covers.loader, &covers.sources);
        splitter->addWidget(browser);
        detailView = new DetailView(&model);
        splitter->addWidget(detailView);
        bar = new PlayerBar;
        auto *central = new QWidget;
        auto *layout = new QVBoxLayout(central);
        layout->addWidget(splitter, 1);
        layout->addWidget(bar);
        window.setCentralWidget(central);
        window.addToolBar(u"Navigation"_s)->setObjectName(u"navigationToolBar"_s);
        errors = new ErrorReporter(window.statusBar(), &window);
        auto *indicator = new BusyIndicator;
        window.statusBar()->addPermanentWidget(indicator);
        catalogs = new OpenCatalogs(&model, indicator, errors, &window);
        playback = new Playback(&model, nullptr, bar, &window);
        session = new SessionState(&window, splitter, browser, detailView, catalogs, playback);
        if (!catalogs->openBundled())
            qFatal("the bundled catalog did not open");
    }

    // Declared before the window, so that it outlives the views of it.
    CatalogModel model;
    TestCovers covers {&model};
    QMainWindow window;
    QSplitter *splitter = nullptr;
    CatalogBrowser *browser = nullptr;
    DetailView *detailView = nullptr;
    PlayerBar *bar = nullptr;
    ErrorReporter *errors = nullptr;
    OpenCatalogs *catalogs = nullptr;
    Playback *playback = nullptr;
    SessionState *session = nullptr;
};

} // namespace

// The session kept for the next start: saved, read back, and said when it cannot be.
class tst_SessionState : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void firstStartHasTheFirstStartLayout();
    void restoresWhatWasSaved();
    void unwritableSettingsAreSaid();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_SessionState::initTestCase()
{
    QCoreApplication::setOrganizationName(u"CuebookTest"_s);
    QCoreApplication::setApplicationName(u"tst_sessionstate"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
}

void tst_SessionState::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir->filePath(u"settings"_s));
}

void tst_SessionState::cleanup()
{
    m_dir.reset();
}

void tst_SessionState::firstStartHasTheFirstStartLayout()
{
    SessionWindow first;
    QVERIFY(first.session->restoreLayout());
    QCOMPARE(first.window.size(), QSize(1280, 800));
    QSignalSpy restored(first.session, &SessionState::locationRestored);
    first.session->restore();
    // Nothing to open and no place to go back to: it is done at once, and says nothing.
    QVERIFY(!first.catalogs->isBusy());
    QCOMPARE(restored.size(), 0);
    QCOMPARE(first.model.catalogs().size(), 1);
}

void tst_SessionState::restoresWhatWasSaved()
{
    const QString voyager = TestFiles::writeFile(m_dir->filePath(u"voyager.json"_s), Voyager);
    const Location theme {Location::Theme, u"voyager"_s, u"star-trek-march"_s, {}};
    QList<int> sizes;
    QList<int> cueSizes;
    {
        SessionWindow first;
        QVERIFY(first.session->restoreLayout());
        first.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first.window));
        QSignalSpy opened(first.catalogs, &OpenCatalogs::catalogOpened);
        first.catalogs->open(voyager);
        QVERIFY(opened.wait());
        first.window.resize(1000, 640);
        first.splitter->setSizes({300, 700});
        sizes = first.splitter->sizes();
        // The cue pane's page over its notebook.
        first.detailView->showLocation({Location::Cue, u"voyager"_s, u"main-title"_s, {}});
        auto *cueSplitter = first.detailView->findChild<QSplitter *>(u"cuePaneSplitter"_s);
        QVERIFY(cueSplitter);
        cueSplitter->setSizes({200, 300});
        cueSizes = cueSplitter->sizes();
        QVERIFY(cueSizes.at(1) > cueSizes.at(0));
        first.playback->setVolume(0.25);
        QVERIFY2(first.session->save(theme), qPrintable(first.session->errorString()));
    }

    SessionWindow second;
    QVERIFY(second.session->restoreLayout());
    second.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second.window));
    QCOMPARE(second.window.size(), QSize(1000, 640));
    QCOMPARE(second.splitter->sizes(), sizes);
    second.detailView->showLocation({Location::Cue, u"star-trek-picard"_s, u"main-title"_s, {}});
    QCOMPARE(second.detailView->findChild<QSplitter *>(u"cuePaneSplitter"_s)->sizes(), cueSizes);
    QCOMPARE(second.playback->volume(), 0.25);
    QSignalSpy restored(second.session, &SessionState::locationRestored);
    second.session->restore();
    // The place comes back once the catalog it is in has been read.
    QVERIFY(restored.wait());
    QCOMPARE(restored.size(), 1);
    QCOMPARE(restored.first().first().value<Location>(), theme);
    QVERIFY(second.model.catalog(u"voyager"_s));
    QCOMPARE(second.catalogs->files(), QStringList {QFileInfo(voyager).absoluteFilePath()});
}

void tst_SessionState::unwritableSettingsAreSaid()
{
    // A folder where the settings file should be: no one, root included, can write it.
    const QString file = QSettings().fileName();
    QVERIFY(QDir().mkpath(file));
    SessionWindow window;
    QVERIFY(!window.session->restoreLayout());
    QVERIFY2(
        window.session->errorString().contains(file), qPrintable(window.session->errorString()));
    QVERIFY(window.session->errorString().contains(u"could not be read"_s));
    QVERIFY(!window.session->save({Location::Release, u"star-trek-picard"_s, u"picard-s1"_s, {}}));
    QVERIFY2(
        window.session->errorString().contains(file), qPrintable(window.session->errorString()));
    QVERIFY(window.session->errorString().contains(u"could not be saved"_s));
}

QTEST_MAIN(tst_SessionState)
#include "tst_sessionstate.moc"
