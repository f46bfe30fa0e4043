#include "catalogbrowser.h"
#include "itemmodels/catalogmodel.h"
#include "testcatalogs.h"
#include "testcovers.h"
#include "testfiles.h"
#include "trackdelegate.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString Picard = u"star-trek-picard"_s;

bool hasVisiblePixel(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y).alpha() > 0)
                return true;
        }
    }
    return false;
}

QImage iconImage(const QStyleOptionViewItem &option)
{
    return option.icon.pixmap(option.decorationSize).toImage();
}
} // namespace

class tst_CatalogBrowser : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void titleColumnHasTrackDelegate();
    void fileStatesGetDistinctIcons();
    void trackWithoutFileKeepsTitlesAligned();
    void releaseRowsGetNoIcon();
    void notesAreMarkedOnEveryRelease();
    void dragOverTrackIsAccepted();
    void dragOverReleaseIsRefused();
    void dragMarksTheTrackRow();
    void dropOnTrackEmitsFilesOnce();
    void dropOnReleaseEmitsNothing();
    void dropPassesOnlyLocalUrls();
    void nonLocalDragIsRefused_data();
    void nonLocalDragIsRefused();
    void currentTrackStillEmitsLocation();

private:
    QModelIndex trackRow(const QString &releaseId, const QString &cueId) const;
    QModelIndex releaseRow(const QString &releaseId) const;
    QStyleOptionViewItem titleOption(const QModelIndex &index) const;
    QPoint centreOf(const QModelIndex &index) const { return m_tree->visualRect(index).center(); }
    QWidget *viewport() const { return m_tree->viewport(); }
    // Sends event and returns whether the tree accepted it; it starts with the opposite answer.
    bool send(QDropEvent &event, bool expected);
    QStringList writeFiles(const QStringList &names) const;

    std::unique_ptr<CatalogModel> m_catalogs;
    std::unique_ptr<TestCovers> m_covers;
    std::unique_ptr<CatalogBrowser> m_browser;
    std::unique_ptr<QTemporaryDir> m_dir;
    QTreeView *m_tree = nullptr;
};

void tst_CatalogBrowser::init()
{
    m_catalogs = std::make_unique<CatalogModel>();
    QVERIFY(m_catalogs->addCatalog(TestCatalogs::picard()));
    m_covers = std::make_unique<TestCovers>(m_catalogs.get());
    m_browser
        = std::make_unique<CatalogBrowser>(m_catalogs.get(), &m_covers->loader, &m_covers->sources);
    m_browser->resize(700, 600);
    m_browser->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_browser.get()));
    m_browser->expandAll();
    m_tree = m_browser->findChild<QTreeView *>(u"catalogTree"_s);
    QVERIFY(m_tree);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_CatalogBrowser::cleanup()
{
    // QApplication keeps the widget that accepted the last drag enter, for the moves and the
    // drop that follow; a leave forgets it before that widget is deleted.
    if (m_tree) {
        QDragLeaveEvent leave;
        QApplication::sendEvent(viewport(), &leave);
    }
    m_browser.reset();
    m_covers.reset();
    m_catalogs.reset();
    m_dir.reset();
    m_tree = nullptr;
}

QModelIndex tst_CatalogBrowser::trackRow(const QString &releaseId, const QString &cueId) const
{
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(m_tree->model());
    for (const QModelIndex &track : m_catalogs->indexesOfCue({Picard, cueId})) {
        if (track.data(CatalogModel::ReleaseIdRole).toString() == releaseId)
            return proxy->mapFromSource(track);
    }
    return {};
}

QModelIndex tst_CatalogBrowser::releaseRow(const QString &releaseId) const
{
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(m_tree->model());
    return proxy->mapFromSource(m_catalogs->indexOfRelease(Picard, releaseId));
}

QStyleOptionViewItem tst_CatalogBrowser::titleOption(const QModelIndex &index) const
{
    auto *delegate
        = qobject_cast<TrackDelegate *>(m_tree->itemDelegateForColumn(CatalogModel::TitleColumn));
    if (!delegate)
        qFatal("the title column has no TrackDelegate");
    QStyleOptionViewItem option;
    option.initFrom(m_tree);
    option.widget = m_tree;
    option.rect = m_tree->visualRect(index);
    delegate->initStyleOption(&option, index);
    return option;
}

bool tst_CatalogBrowser::send(QDropEvent &event, bool expected)
{
    event.setAccepted(!expected);
    QApplication::sendEvent(viewport(), &event);
    return event.isAccepted();
}

QStringList tst_CatalogBrowser::writeFiles(const QStringList &names) const
{
    QStringList paths;
    for (const QString &name : names)
        paths.append(TestFiles::writeFile(m_dir->filePath(name), "RIFF"));
    return paths;
}

void tst_CatalogBrowser::titleColumnHasTrackDelegate()
{
    QVERIFY(
        qobject_cast<TrackDelegate *>(m_tree->itemDelegateForColumn(CatalogModel::TitleColumn)));
    QVERIFY(
        !qobject_cast<TrackDelegate *>(m_tree->itemDelegateForColumn(CatalogModel::ArtistColumn)));
}

void tst_CatalogBrowser::fileStatesGetDistinctIcons()
{
    m_catalogs->setFileState({Picard, u"main-title"_s}, FileState::Linked);
    m_catalogs->setFileState({Picard, u"end-title"_s}, FileState::Missing);
    m_catalogs->setFileState({Picard, u"romulan-collusion"_s}, FileState::Unplayable);
    m_catalogs->setFileState({Picard, u"page"_s}, FileState::Linked);
    m_catalogs->setPlayingCue({Picard, u"page"_s});

    const QStyleOptionViewItem linked = titleOption(trackRow(u"season-1"_s, u"main-title"_s));
    const QStyleOptionViewItem missing = titleOption(trackRow(u"season-1"_s, u"end-title"_s));
    const QStyleOptionViewItem unplayable
        = titleOption(trackRow(u"season-1"_s, u"romulan-collusion"_s));
    const QStyleOptionViewItem playing = titleOption(trackRow(u"chapter-1"_s, u"page"_s));

    for (const QStyleOptionViewItem *option : {&linked, &missing, &unplayable, &playing}) {
        QVERIFY(option->features & QStyleOptionViewItem::HasDecoration);
        QVERIFY(!option->icon.isNull());
        QVERIFY(hasVisiblePixel(iconImage(*option)));
    }
    QVERIFY(iconImage(linked) != iconImage(missing));
    QVERIFY(iconImage(playing) != iconImage(linked));
    QVERIFY(iconImage(playing) != iconImage(missing));
    QCOMPARE(iconImage(unplayable), iconImage(missing));
    // The text still comes from the model.
    QCOMPARE(linked.text, u"Star Trek Picard Main Title"_s);
}

void tst_CatalogBrowser::trackWithoutFileKeepsTitlesAligned()
{
    m_catalogs->setFileState({Picard, u"main-title"_s}, FileState::Linked);
    const QStyleOptionViewItem linked = titleOption(trackRow(u"season-1"_s, u"main-title"_s));
    const QStyleOptionViewItem none = titleOption(trackRow(u"season-1"_s, u"end-title"_s));

    QVERIFY(none.features & QStyleOptionViewItem::HasDecoration);
    QVERIFY(!none.icon.isNull());
    QVERIFY(!hasVisiblePixel(iconImage(none)));
    QCOMPARE(none.decorationSize, linked.decorationSize);

    QStyle *style = m_tree->style();
    const QRect linkedText = style->subElementRect(QStyle::SE_ItemViewItemText, &linked, m_tree);
    const QRect noneText = style->subElementRect(QStyle::SE_ItemViewItemText, &none, m_tree);
    QCOMPARE(noneText.left() - none.rect.left(), linkedText.left() - linked.rect.left());
    QVERIFY(noneText.left() - none.rect.left() >= none.decorationSize.width());
}

void tst_CatalogBrowser::releaseRowsGetNoIcon()
{
    m_catalogs->setFileState({Picard, u"main-title"_s}, FileState::Linked);
    m_catalogs->setPlayingCue({Picard, u"main-title"_s});
    const QStyleOptionViewItem release = titleOption(releaseRow(u"season-1"_s));
    QVERIFY(!release.text.isEmpty());
    QVERIFY(!(release.features & QStyleOptionViewItem::HasDecoration));
    QVERIFY(release.icon.isNull());
}

namespace {
// What the tree shows where the cell's note mark goes.
QImage markArea(QTreeView *tree, const QStyleOptionViewItem &option)
{
    const QImage shot = tree->viewport()->grab().toImage();
    const qreal ratio = shot.devicePixelRatio();
    const QRect area = TrackDelegate::noteMarkRect(option);
    return shot.copy(QRect(area.topLeft() * ratio, area.size() * ratio));
}
} // namespace

void tst_CatalogBrowser::notesAreMarkedOnEveryRelease()
{
    const QModelIndex onChapter1 = trackRow(u"chapter-1"_s, u"main-title"_s);
    const QModelIndex onSeason1 = trackRow(u"season-1"_s, u"main-title"_s);
    const QModelIndex without = trackRow(u"season-1"_s, u"end-title"_s);
    QList<QImage> before;
    for (const QModelIndex &track : {onChapter1, onSeason1, without})
        before.append(markArea(m_tree, titleOption(track)));

    m_catalogs->setNoteState({Picard, u"main-title"_s}, true);
    for (const QModelIndex &track : {onChapter1, onSeason1}) {
        const QStyleOptionViewItem option = titleOption(track);
        QVERIFY(markArea(m_tree, option) != before.at(track == onChapter1 ? 0 : 1));
        // At the end of the cell, and the title is elided before it.
        QVERIFY(TrackDelegate::noteMarkRect(option).left() > option.rect.center().x());
        QVERIFY(option.rect.contains(TrackDelegate::noteMarkRect(option)));
        QVERIFY2(track.data(Qt::ToolTipRole).toString().contains(u"note"_s),
            qPrintable(track.data(Qt::ToolTipRole).toString()));
    }
    QCOMPARE(markArea(m_tree, titleOption(without)), before.at(2));

    // Selected, it is drawn in the highlighted text's colour, and still there.
    m_tree->setCurrentIndex(onSeason1);
    const QImage selectedWithNote = markArea(m_tree, titleOption(onSeason1));
    m_catalogs->setNoteState({Picard, u"main-title"_s}, false);
    QVERIFY(markArea(m_tree, titleOption(onSeason1)) != selectedWithNote);
    QCOMPARE(markArea(m_tree, titleOption(onChapter1)), before.at(0));
}

void tst_CatalogBrowser::dragOverTrackIsAccepted()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(writeFiles({u"a.flac"_s}).value(0))});
    const QPoint pos = centreOf(trackRow(u"season-1"_s, u"end-title"_s));

    QDragEnterEvent enter(pos, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(enter, true));
    QDragMoveEvent move(pos, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(move, true));
    // A file manager deletes the source of an accepted move.
    QCOMPARE(move.dropAction(), Qt::CopyAction);
}

void tst_CatalogBrowser::dragOverReleaseIsRefused()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(writeFiles({u"a.flac"_s}).value(0))});
    const QPoint track = centreOf(trackRow(u"season-1"_s, u"end-title"_s));
    const QPoint release = centreOf(releaseRow(u"season-1"_s));

    QDragEnterEvent enter(track, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(enter, true));
    QDragMoveEvent overRelease(release, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(!send(overRelease, false));
    QDragMoveEvent backOnTrack(track, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(backOnTrack, true));

    const QPoint below(10, m_tree->viewport()->height() - 2);
    QVERIFY(!m_tree->indexAt(below).isValid());
    QDragMoveEvent overEmpty(below, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(!send(overEmpty, false));
}

void tst_CatalogBrowser::dragMarksTheTrackRow()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(writeFiles({u"a.flac"_s}).value(0))});
    const QModelIndex track = trackRow(u"season-1"_s, u"end-title"_s);
    const QRect title = m_tree->visualRect(track);
    const QRect row(0, title.top(), viewport()->width(), title.height());
    const QImage plain = viewport()->grab(row).toImage();

    QDragEnterEvent enter(title.center(), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(enter, true));
    QDragMoveEvent move(title.center(), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(move, true));
    QVERIFY(viewport()->grab(row).toImage() != plain);

    QDragLeaveEvent leave;
    QApplication::sendEvent(viewport(), &leave);
    QCOMPARE(viewport()->grab(row).toImage(), plain);
}

void tst_CatalogBrowser::dropOnTrackEmitsFilesOnce()
{
    const QStringList paths = writeFiles({u"end title.flac"_s, u"end title (alt).wav"_s});
    QCOMPARE(paths.size(), 2);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(paths[0]), QUrl::fromLocalFile(paths[1])});
    const QPoint pos = centreOf(trackRow(u"season-1"_s, u"end-title"_s));
    const int releases = m_catalogs->rowCount();
    const int tracks = m_tree->model()->rowCount(releaseRow(u"season-1"_s));
    QSignalSpy dropped(m_browser.get(), &CatalogBrowser::filesDropped);

    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(enter, true));
    QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(move, true));
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(drop, true));

    QCOMPARE(dropped.size(), 1);
    const Location expected {Location::Cue, Picard, u"end-title"_s, u"season-1"_s};
    QCOMPARE(dropped[0][0].value<Location>(), expected);
    QCOMPARE(dropped[0][1].toStringList(), paths);
    QCOMPARE(m_catalogs->rowCount(), releases);
    QCOMPARE(m_tree->model()->rowCount(releaseRow(u"season-1"_s)), tracks);
    QCOMPARE(m_catalogs->fileState({Picard, u"end-title"_s}), FileState::None);
}

void tst_CatalogBrowser::dropOnReleaseEmitsNothing()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(writeFiles({u"a.flac"_s}).value(0))});
    const QPoint release = centreOf(releaseRow(u"season-1"_s));
    QSignalSpy dropped(m_browser.get(), &CatalogBrowser::filesDropped);

    QDragEnterEvent enter(release, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(enter, true));
    QDropEvent drop(release, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(!send(drop, false));
    QCOMPARE(dropped.size(), 0);
}

void tst_CatalogBrowser::dropPassesOnlyLocalUrls()
{
    const QStringList files = writeFiles({u"a.flac"_s});
    QVERIFY(QDir(m_dir->path()).mkdir(u"album"_s));
    const QString folder = m_dir->filePath(u"album"_s);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(files.value(0)), QUrl(u"https://example.org/b.flac"_s),
        QUrl::fromLocalFile(folder)});
    const QPoint pos = centreOf(trackRow(u"chapter-1"_s, u"page"_s));
    QSignalSpy dropped(m_browser.get(), &CatalogBrowser::filesDropped);

    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(enter, true));
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(send(drop, true));
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped[0][0].value<Location>().id, u"page"_s);
    QCOMPARE(dropped[0][1].toStringList(), (QStringList {files.value(0), folder}));
}

void tst_CatalogBrowser::nonLocalDragIsRefused_data()
{
    QTest::addColumn<QList<QUrl>>("urls");
    QTest::addColumn<QString>("text");
    QTest::newRow("http url") << QList<QUrl> {QUrl(u"http://example.org/a.flac"_s)} << QString();
    QTest::newRow("text") << QList<QUrl>() << u"/tmp/a.flac"_s;
}

void tst_CatalogBrowser::nonLocalDragIsRefused()
{
    QFETCH(QList<QUrl>, urls);
    QFETCH(QString, text);
    QMimeData mime;
    if (!urls.isEmpty())
        mime.setUrls(urls);
    if (!text.isEmpty())
        mime.setText(text);
    const QPoint pos = centreOf(trackRow(u"season-1"_s, u"end-title"_s));
    QSignalSpy dropped(m_browser.get(), &CatalogBrowser::filesDropped);

    // A refused enter is the whole answer: Qt then sends the moves and the drop nowhere.
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QVERIFY(!send(enter, false));
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    drop.ignore();
    QApplication::sendEvent(viewport(), &drop);
    QVERIFY(!drop.isAccepted());
    QCOMPARE(dropped.size(), 0);
}

void tst_CatalogBrowser::currentTrackStillEmitsLocation()
{
    // Focus first: a view gaining focus makes its first row current.
    m_tree->setFocus();
    QTRY_VERIFY(m_tree->hasFocus());
    QSignalSpy located(m_browser.get(), &CatalogBrowser::locationActivated);
    QSignalSpy activated(m_browser.get(), &CatalogBrowser::trackActivated);
    const QModelIndex track = trackRow(u"season-1"_s, u"end-title"_s);
    const Location expected {Location::Cue, Picard, u"end-title"_s, u"season-1"_s};

    m_tree->setCurrentIndex(track);
    QCOMPARE(located.size(), 1);
    QCOMPARE(located[0][0].value<Location>(), expected);
    QTest::keyClick(m_tree, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated[0][0].value<Location>(), expected);
}

QTEST_MAIN(tst_CatalogBrowser)
#include "tst_catalogbrowser.moc"
