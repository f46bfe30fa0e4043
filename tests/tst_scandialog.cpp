#include "audiofolder.h"
#include "scandialog.h"
#include "testcatalogs.h"
#include "testfiles.h"
#include "userdata/filelinkstore.h"
#include "userdata/scancachestore.h"
#include "userdata/userdatabase.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

const QString ChapterAlbum
    = u"Star Trek: Picard – Season 1, Chapter 1 (Original Series Soundtrack)"_s;

struct TrackFile
{
    QString fileName;
    QString title;
    int track = 0;
    qint64 durationMs = 0;
};

// The rows of the results table by file name: "status|cue column|detail".
QHash<QString, QTreeWidgetItem *> rowsByFile(QTreeWidget *table)
{
    QHash<QString, QTreeWidgetItem *> rows;
    for (int row = 0; row < table->topLevelItemCount(); ++row)
        rows.insert(table->topLevelItem(row)->text(0), table->topLevelItem(row));
    return rows;
}

QStringList linkKeys(const QList<FileLink> &links)
{
    QStringList keys;
    for (const FileLink &link : links)
        keys.append(link.cue.catalogId + u'/' + link.cue.cueId + u' ' + link.file.fileName);
    return keys;
}

// Clicks the check box drawn in the item's first column, where the style puts it.
void clickCheckBox(QTreeWidget *table, QTreeWidgetItem *item)
{
    QStyleOptionViewItem option;
    option.initFrom(table->viewport());
    option.rect = table->visualItemRect(item);
    option.rect.setWidth(table->columnWidth(0));
    option.features |= QStyleOptionViewItem::HasCheckIndicator;
    option.features |= QStyleOptionViewItem::HasDisplay;
    const QRect box
        = table->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, table);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, box.center());
}

} // namespace

class tst_ScanDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reviewAndStore();
    void pickAmbiguousCandidate();
    void cancelDuringScan();
    void missingFolderShowsError();
    void renamedFolderIsMovedAndTheOldOneForgotten();

private:
    QString writeChapterFiles(const QString &folder);
    // Shows the dialog and waits for the results page.
    bool scanToResults(ScanDialog &dialog);
    // Clicks Store Links and stores what the dialog chose, as FileLinker does.
    bool storeChosen(ScanDialog &dialog, UserDatabase &db, const QString &folder);

    QTemporaryDir m_dir;
    Catalog m_catalog;
};

void tst_ScanDialog::initTestCase()
{
    if (!AudioFolder::hasSox())
        QFAIL("sox is not installed: these tests generate their audio with it "
              "(apt-get install sox libsox-fmt-all)");
    qRegisterMetaType<ScanResult>();
    QVERIFY(m_dir.isValid());
    m_catalog = TestCatalogs::bundled();
}

QString tst_ScanDialog::writeChapterFiles(const QString &folder)
{
    const QString album = folder + u"/Picard Chapter 1"_s;
    QDir().mkpath(album);
    const QList<TrackFile> tracks = {
        {u"01 - Star Trek Picard Main Title.flac"_s, u"Star Trek Picard Main Title"_s, 1, 103'000},
        {u"09 - Twins.flac"_s, u"Twins"_s, 9, 255'000},
        {u"18 - Mystery Ship.flac"_s, u"Mystery Ship"_s, 18, 190'000},
    };
    int frequency = 220;
    for (const TrackFile &track : tracks) {
        const QString path = album + u'/' + track.fileName;
        AudioFolder::Tags tags;
        tags.title = track.title;
        tags.album = ChapterAlbum;
        tags.albumArtist = u"Jeff Russo"_s;
        tags.artist = u"Jeff Russo"_s;
        tags.track = track.track;
        if (!AudioFolder::encode(path, track.durationMs, frequency += 110)
            || !AudioFolder::writeTags(path, tags))
            return {};
    }
    return album;
}

bool tst_ScanDialog::scanToResults(ScanDialog &dialog)
{
    dialog.show();
    auto *pages = dialog.findChild<QStackedWidget *>();
    auto *table = dialog.findChild<QTreeWidget *>(u"scanResults"_s);
    return pages && table && QTest::qWaitFor([&] { return pages->currentIndex() == 1; }, 30'000);
}

void tst_ScanDialog::reviewAndStore()
{
    const QString folder = m_dir.filePath(u"music"_s);
    QVERIFY(!writeChapterFiles(folder).isEmpty());
    const QString discovery = folder + u"/Discovery"_s;
    QDir().mkpath(discovery);
    const QString mainTitle = discovery + u"/01 - Main Title.flac"_s;
    QVERIFY(AudioFolder::encode(mainTitle, 103'000, 660));
    QVERIFY(AudioFolder::writeTags(
        mainTitle, {u"Main Title"_s, u"Star Trek: Discovery Season 2"_s, {}, {}, {}, 1}));
    TestFiles::writeFile(folder + u"/empty.flac"_s);

    ScanDialog dialog({m_catalog}, folder, {}, nullptr);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QVERIFY(scanToResults(dialog));

    auto *progress = dialog.findChild<QProgressBar *>(u"scanProgress"_s);
    QCOMPARE(progress->maximum(), 5);
    QCOMPARE(progress->value(), 5);
    auto *summary = dialog.findChild<QLabel *>(u"scanSummary"_s);
    QCOMPARE(summary->text(),
        u"5 audio files: 3 to link, 0 moved, 0 to decide, 1 unmatched, 1 unreadable; "
        "0 unchanged since the last scan"_s);

    auto *table = dialog.findChild<QTreeWidget *>(u"scanResults"_s);
    const QHash<QString, QTreeWidgetItem *> rows = rowsByFile(table);
    QCOMPARE(rows.size(), 5);
    QTreeWidgetItem *twins = rows.value(u"09 - Twins.flac"_s);
    QVERIFY(twins);
    QCOMPARE(twins->text(1), u"To link"_s);
    QCOMPARE(twins->checkState(0), Qt::Checked);
    QVERIFY2(twins->text(2).startsWith(u"Twins — "_s), qPrintable(twins->text(2)));
    QVERIFY(twins->toolTip(0).endsWith(u"/Picard Chapter 1/09 - Twins.flac"_s));
    QCOMPARE(rows.value(u"18 - Mystery Ship.flac"_s)->text(1), u"To link"_s);
    QCOMPARE(rows.value(u"01 - Star Trek Picard Main Title.flac"_s)->text(1), u"To link"_s);
    QTreeWidgetItem *other = rows.value(u"01 - Main Title.flac"_s);
    QCOMPARE(other->text(1), u"Unmatched"_s);
    QVERIFY(!(other->flags() & Qt::ItemIsUserCheckable));
    QVERIFY(!other->data(0, Qt::CheckStateRole).isValid());
    QVERIFY(!other->text(3).isEmpty());
    QTreeWidgetItem *broken = rows.value(u"empty.flac"_s);
    QCOMPARE(broken->text(1), u"Unreadable"_s);
    QVERIFY(!broken->text(3).isEmpty());
    QVERIFY(!table->itemWidget(broken, 2));

    // The filter shows one status at a time.
    auto *filter = dialog.findChild<QComboBox *>(u"statusFilter"_s);
    filter->setCurrentIndex(filter->findText(u"Unreadable"_s));
    QVERIFY(!broken->isHidden());
    QVERIFY(twins->isHidden());
    filter->setCurrentIndex(0);
    QVERIFY(!twins->isHidden());

    // Leave Twins out, with a click on its check box.
    clickCheckBox(table, twins);
    QCOMPARE(twins->checkState(0), Qt::Unchecked);

    QTest::mouseClick(dialog.findChild<QPushButton *>(u"storeLinksButton"_s), Qt::LeftButton);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QStringList links = linkKeys(dialog.chosenLinks());
    links.sort();
    QCOMPARE(links.size(), 2);
    QVERIFY2(links.at(0).endsWith(u" 01 - Star Trek Picard Main Title.flac"_s),
        qPrintable(links.join(u", "_s)));
    QVERIFY(links.at(1).endsWith(u" 18 - Mystery Ship.flac"_s));
    for (const FileLink &link : dialog.chosenLinks()) {
        QCOMPARE(link.cue.catalogId, m_catalog.id);
        QVERIFY(m_catalog.cue(link.cue.cueId));
        QCOMPARE(link.file.durationMs / 1000, link.file.fileName.contains(u"Main"_s) ? 103 : 190);
    }
    QCOMPARE(dialog.scanResult().files.size(), 5);
}

void tst_ScanDialog::pickAmbiguousCandidate()
{
    // The same album in two catalogs: each file fits a cue of both, so the user picks.
    Catalog copy = m_catalog;
    copy.id = u"picard-copy"_s;
    copy.buildIndex();
    const QString folder = m_dir.filePath(u"ambiguous"_s);
    QVERIFY(!writeChapterFiles(folder).isEmpty());

    ScanDialog dialog({m_catalog, copy}, folder, {}, nullptr);
    QVERIFY(scanToResults(dialog));
    auto *table = dialog.findChild<QTreeWidget *>(u"scanResults"_s);
    QTreeWidgetItem *twins = rowsByFile(table).value(u"09 - Twins.flac"_s);
    QVERIFY(twins);
    QCOMPARE(twins->text(1), u"To decide"_s);
    QVERIFY(!(twins->flags() & Qt::ItemIsUserCheckable));
    QVERIFY(!twins->data(0, Qt::CheckStateRole).isValid());
    auto *box = qobject_cast<QComboBox *>(table->itemWidget(twins, 2));
    QVERIFY(box);
    QCOMPARE(box->currentText(), u"Leave unlinked"_s);
    QVERIFY(box->count() >= 3);
    QVERIFY2(box->itemText(1).startsWith(u"Twins — "_s), qPrintable(box->itemText(1)));
    QVERIFY(box->itemText(1).contains(u" · track 9"_s));
    // Precision first: nothing is linked until the user picks.
    QVERIFY(dialog.chosenLinks().isEmpty());

    // Pick the first candidate with the keyboard, as a user would.
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Down);
    QCOMPARE(box->currentIndex(), 1);

    QTest::mouseClick(dialog.findChild<QPushButton *>(u"storeLinksButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QList<FileLink> links = dialog.chosenLinks();
    QCOMPARE(links.size(), 1);
    QCOMPARE(links.at(0).file.fileName, u"09 - Twins.flac"_s);
    QVERIFY(links.at(0).cue.catalogId == m_catalog.id || links.at(0).cue.catalogId == copy.id);
    QCOMPARE(m_catalog.cue(links.at(0).cue.cueId)->title, u"Twins"_s);
}

void tst_ScanDialog::cancelDuringScan()
{
    const QString folder = m_dir.filePath(u"library"_s);
    QString error;
    QVERIFY2(AudioFolder::writeLibrary(folder, m_catalog.releases.constFirst(), 400, &error),
        qPrintable(error));

    ScanDialog dialog({m_catalog}, folder, {}, nullptr);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    dialog.show();
    auto *progress = dialog.findChild<QProgressBar *>(u"scanProgress"_s);
    // Busy until the folder has been walked. Cancel before the event loop runs again: a scan
    // of a few hundred copies can end within the next few milliseconds.
    QCOMPARE(progress->maximum(), 0);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"cancelScanButton"_s), Qt::LeftButton);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
    // The canceled scan never reports: the results page stays empty.
    auto *pages = dialog.findChild<QStackedWidget *>();
    QSignalSpy pageChanges(pages, &QStackedWidget::currentChanged);
    QVERIFY(!pageChanges.wait(200));
    QCOMPARE(pages->currentIndex(), 0);
    QVERIFY(dialog.chosenLinks().isEmpty());
    QVERIFY(dialog.scanResult().files.isEmpty());
}

void tst_ScanDialog::missingFolderShowsError()
{
    ScanDialog dialog({m_catalog}, m_dir.filePath(u"no such folder"_s), {}, nullptr);
    dialog.show();
    auto *pages = dialog.findChild<QStackedWidget *>();
    QTRY_COMPARE(pages->currentIndex(), 2);
    QVERIFY(!dialog.findChild<QLabel *>(u"scanError"_s)->text().isEmpty());
    QVERIFY(!pages->currentWidget()->findChild<QPushButton *>(u"storeLinksButton"_s));
}

bool tst_ScanDialog::storeChosen(ScanDialog &dialog, UserDatabase &db, const QString &folder)
{
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"storeLinksButton"_s), Qt::LeftButton);
    return dialog.result() == QDialog::Accepted
        && db.fileLinks()->relinkMovedFiles(dialog.chosenMoves())
        && db.fileLinks()->storeLinks(dialog.chosenLinks())
        && db.scanCache()->storeKnownFiles(folder, dialog.scanResult().files);
}

void tst_ScanDialog::renamedFolderIsMovedAndTheOldOneForgotten()
{
    UserDatabase db;
    QVERIFY2(db.open(m_dir.filePath(u"renamed.sqlite"_s)), qPrintable(db.errorString()));
    const QString before = m_dir.filePath(u"renamed/Soundtracks"_s);
    const QString after = m_dir.filePath(u"renamed/Scores"_s);
    QVERIFY(!writeChapterFiles(before).isEmpty());
    {
        ScanDialog dialog({m_catalog}, before, &db, nullptr);
        QVERIFY(scanToResults(dialog));
        QVERIFY(dialog.goneFolders().isEmpty());
        QVERIFY(dialog.findChild<QWidget *>(u"goneFoldersBox"_s)->isHidden());
        QVERIFY(storeChosen(dialog, db, before));
    }
    QCOMPARE(db.fileLinks()->allLinks().size(), 3);

    QVERIFY(QDir().rename(before, after));
    ScanDialog dialog({m_catalog}, after, &db, nullptr);
    QVERIFY(scanToResults(dialog));
    QCOMPARE(dialog.findChild<QLabel *>(u"scanSummary"_s)->text(),
        u"3 audio files: 0 to link, 3 moved, 0 to decide, 0 unmatched, 0 unreadable; "
        "0 unchanged since the last scan"_s);
    auto *table = dialog.findChild<QTreeWidget *>(u"scanResults"_s);
    QTreeWidgetItem *twins = rowsByFile(table).value(u"09 - Twins.flac"_s);
    QVERIFY(twins);
    QCOMPARE(twins->text(1), u"Moved"_s);
    QCOMPARE(twins->checkState(0), Qt::Checked);
    QCOMPARE(twins->text(2), u"Twins"_s);
    QCOMPARE(twins->text(3),
        u"Was "_s + QDir::toNativeSeparators(before + u"/Picard Chapter 1/09 - Twins.flac"_s));
    auto *filter = dialog.findChild<QComboBox *>(u"statusFilter"_s);
    filter->setCurrentIndex(filter->findText(u"To link"_s));
    QVERIFY(twins->isHidden());
    filter->setCurrentIndex(filter->findText(u"Moved"_s));
    QVERIFY(!twins->isHidden());

    // The old folder is said to be gone, and a click forgets it with what its scan found.
    auto *box = dialog.findChild<QWidget *>(u"goneFoldersBox"_s);
    auto *gone = dialog.findChild<QListWidget *>(u"goneFolders"_s);
    QVERIFY(box->isVisible());
    QCOMPARE(gone->count(), 1);
    QCOMPARE(gone->item(0)->text(), QDir::toNativeSeparators(before));
    QCOMPARE(dialog.goneFolders(), QStringList {before});
    QVERIFY(!db.scanCache()->knownFiles(before).isEmpty());
    QTest::mouseClick(
        gone->viewport(), Qt::LeftButton, {}, gone->visualItemRect(gone->item(0)).center());
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"forgetFolderButton"_s), Qt::LeftButton);
    QCOMPARE(gone->count(), 0);
    QVERIFY(!box->isVisible());
    QVERIFY(dialog.goneFolders().isEmpty());
    QVERIFY(!db.scanCache()->scanFolders().contains(before));
    QVERIFY(db.scanCache()->knownFiles(before).isEmpty());

    // Stored: each cue has its one link, at the new place.
    QVERIFY(dialog.chosenLinks().isEmpty());
    QCOMPARE(dialog.chosenMoves().size(), 3);
    QVERIFY(storeChosen(dialog, db, after));
    const QList<FileLink> links = db.fileLinks()->allLinks();
    QCOMPARE(links.size(), 3);
    for (const FileLink &link : links) {
        QVERIFY2(link.file.path.startsWith(after + u'/'), qPrintable(link.file.path));
        QCOMPARE(db.fileLinks()->fileState(link.cue), FileState::Linked);
    }
    QCOMPARE(db.scanCache()->scanFolders(), QStringList {after});
}

QTEST_MAIN(tst_ScanDialog)
#include "tst_scandialog.moc"
