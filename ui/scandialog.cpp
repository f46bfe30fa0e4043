#include "scandialog.h"

#include "userdata/filelinkstore.h"
#include "userdata/scancachestore.h"
#include "userdata/userdatabase.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

// Where each row's entry of ScanResult::files / matches is kept.
constexpr int IndexRole = Qt::UserRole;

// The filter's entries beside MatchResult::Status: every row, and the moved files.
constexpr int AllStatuses = -1;
constexpr int MovedRows = -2;

FileLink linkTo(const MatchCandidate &candidate, const AudioFileInfo &file)
{
    FileLink link;
    link.cue = {candidate.catalogId, candidate.cueId};
    link.file = file;
    return link;
}

} // namespace

ScanDialog::ScanDialog(
    const QList<Catalog> &catalogs, const QString &folder, UserDatabase *userData, QWidget *parent)
    : QDialog(parent)
    , m_catalogs(catalogs)
    , m_folder(folder)
    , m_userData(userData)
    , m_scanner(new LibraryScanner(this))
{
    setWindowTitle(tr("Scan Music Folder"));
    m_pages = new QStackedWidget;
    m_pages->addWidget(createScanningPage());
    m_pages->addWidget(createResultsPage());
    m_pages->addWidget(createErrorPage());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);

    connect(m_scanner, &LibraryScanner::progressChanged, this, &ScanDialog::showProgress);
    connect(m_scanner, &LibraryScanner::finished, this, &ScanDialog::showResult);
    connect(m_scanner, &LibraryScanner::errorOccurred, this, &ScanDialog::showError);
}

void ScanDialog::start()
{
    if (m_started)
        return;
    m_started = true;
    m_scanner->setCatalogs(m_catalogs);
    QHash<QString, AudioFileInfo> known;
    if (m_userData && m_userData->isOpen()) {
        known = m_userData->scanCache()->knownFiles(m_folder);
        QList<AudioFileInfo> linkedFiles;
        for (const FileLink &link : m_userData->fileLinks()->allLinks()) {
            QList<CueKey> &cues = m_linkedCues[link.file.path];
            if (cues.isEmpty())
                linkedFiles.append(link.file);
            cues.append(link.cue);
        }
        m_scanner->setLinkedFiles(linkedFiles);
        m_scanner->setScanFolders(m_userData->scanCache()->scanFolders());
    }
    m_scanner->scan(m_folder, known);
}

QList<FileLink> ScanDialog::chosenLinks() const
{
    QList<FileLink> links;
    for (int row = 0; row < m_table->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_table->topLevelItem(row);
        const qsizetype index = item->data(FileColumn, IndexRole).toLongLong();
        const MatchResult &match = m_result.matches.at(index);
        const AudioFileInfo &file = m_result.files.at(index);
        if (m_result.movedFrom.contains(index))
            continue;
        if (match.status == MatchResult::Linked && item->checkState(FileColumn) == Qt::Checked) {
            links.append(linkTo(match.link, file));
        } else if (match.status == MatchResult::Ambiguous) {
            const auto *box = qobject_cast<QComboBox *>(m_table->itemWidget(item, CueColumn));
            // Entry 0 is "Leave unlinked"; entry n is candidate n - 1.
            const int choice = box ? box->currentIndex() - 1 : -1;
            if (choice >= 0 && choice < match.candidates.size()) {
                links.append(linkTo(match.candidates.at(choice), file));
            }
        }
    }
    return links;
}

QHash<QString, AudioFileInfo> ScanDialog::chosenMoves() const
{
    QHash<QString, AudioFileInfo> moves;
    for (int row = 0; row < m_table->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_table->topLevelItem(row);
        const qsizetype index = item->data(FileColumn, IndexRole).toLongLong();
        const auto from = m_result.movedFrom.constFind(index);
        if (from != m_result.movedFrom.constEnd() && item->checkState(FileColumn) == Qt::Checked)
            moves.insert(from.value(), m_result.files.at(index));
    }
    return moves;
}

QStringList ScanDialog::goneFolders() const
{
    QStringList folders;
    for (int row = 0; row < m_goneFolders->count(); ++row)
        folders.append(m_goneFolders->item(row)->data(Qt::UserRole).toString());
    return folders;
}

void ScanDialog::reject()
{
    if (m_scanner->isScanning())
        m_scanner->cancel();
    QDialog::reject();
}

void ScanDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    start();
}

QWidget *ScanDialog::createScanningPage()
{
    auto *page = new QWidget;
    auto *label = new QLabel(tr("Scanning %1…").arg(QDir::toNativeSeparators(m_folder)));
    label->setWordWrap(true);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("scanProgress"));
    // Busy until the scanner has walked the folder and knows how many files there are.
    m_progress->setRange(0, 0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelScanButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &ScanDialog::reject);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(label);
    layout->addWidget(m_progress);
    layout->addStretch();
    layout->addWidget(buttons);
    return page;
}

QWidget *ScanDialog::createResultsPage()
{
    auto *page = new QWidget;
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("scanSummary"));
    m_summary->setWordWrap(true);
    m_filter = new QComboBox;
    m_filter->setObjectName(QStringLiteral("statusFilter"));
    m_filter->addItem(tr("All"), AllStatuses);
    m_filter->addItem(tr("To link"), MatchResult::Linked);
    m_filter->addItem(tr("Moved"), MovedRows);
    m_filter->addItem(tr("To decide"), MatchResult::Ambiguous);
    m_filter->addItem(tr("Unmatched"), MatchResult::Unmatched);
    m_filter->addItem(tr("Unreadable"), MatchResult::Unreadable);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &ScanDialog::applyFilter);
    auto *filterLabel = new QLabel(tr("&Show:"));
    filterLabel->setBuddy(m_filter);

    m_table = new QTreeWidget;
    m_table->setObjectName(QStringLiteral("scanResults"));
    m_table->setRootIsDecorated(false);
    m_table->setHeaderLabels({tr("File"), tr("Status"), tr("Cue"), tr("Detail")});

    auto *buttons = new QDialogButtonBox;
    auto *store = buttons->addButton(tr("Store Links"), QDialogButtonBox::AcceptRole);
    store->setObjectName(QStringLiteral("storeLinksButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ScanDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ScanDialog::reject);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_summary, 1);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(createGoneFolders());
    layout->addWidget(buttons);
    return page;
}

QWidget *ScanDialog::createGoneFolders()
{
    m_goneBox = new QWidget;
    m_goneBox->setObjectName(QStringLiteral("goneFoldersBox"));
    m_goneLabel = new QLabel;
    m_goneLabel->setObjectName(QStringLiteral("goneFoldersLabel"));
    m_goneLabel->setWordWrap(true);
    m_goneFolders = new QListWidget;
    m_goneFolders->setObjectName(QStringLiteral("goneFolders"));
    m_goneFolders->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_goneFolders->setMaximumHeight(m_goneFolders->fontMetrics().height() * 5);
    m_goneLabel->setBuddy(m_goneFolders);
    m_forgetButton = new QPushButton(tr("&Forget Folder"));
    m_forgetButton->setObjectName(QStringLiteral("forgetFolderButton"));
    m_forgetButton->setToolTip(tr("Forget what the scans of the selected folders found"));
    connect(m_forgetButton, &QPushButton::clicked, this, &ScanDialog::forgetSelectedFolders);
    connect(m_goneFolders, &QListWidget::itemSelectionChanged, this,
        [this] { m_forgetButton->setEnabled(!m_goneFolders->selectedItems().isEmpty()); });

    auto *row = new QHBoxLayout;
    row->addWidget(m_goneFolders, 1);
    row->addWidget(m_forgetButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(m_goneBox);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_goneLabel);
    layout->addLayout(row);
    m_goneBox->hide();
    return m_goneBox;
}

QWidget *ScanDialog::createErrorPage()
{
    auto *page = new QWidget;
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("scanError"));
    m_error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &ScanDialog::reject);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    return page;
}

void ScanDialog::showProgress(int done, int total)
{
    m_progress->setRange(0, total);
    m_progress->setValue(done);
}

void ScanDialog::showResult(const ScanResult &result)
{
    m_result = result;
    m_summary->setText(summary());
    m_table->clear();
    for (qsizetype index = 0; index < m_result.files.size(); ++index)
        addRow(index);
    for (int column = FileColumn; column <= DetailColumn; ++column)
        m_table->resizeColumnToContents(column);
    applyFilter();
    m_goneFolders->clear();
    for (const QString &folder : std::as_const(m_result.goneFolders)) {
        auto *item = new QListWidgetItem(QDir::toNativeSeparators(folder), m_goneFolders);
        item->setData(Qt::UserRole, folder);
    }
    m_goneLabel->setText(
        tr("Scanned before, and no longer there (moved, renamed or unplugged): forget them, and "
           "what their scans found, unless they will be back."));
    m_goneFolders->setCurrentRow(0);
    m_forgetButton->setEnabled(m_goneFolders->count() > 0);
    m_goneBox->setVisible(m_goneFolders->count() > 0);
    m_pages->setCurrentIndex(1);
    resize(sizeHint().expandedTo(QSize(800, 500)));
}

void ScanDialog::showError(const QString &message)
{
    m_error->setText(tr("The folder could not be scanned: %1").arg(message));
    m_pages->setCurrentIndex(2);
}

void ScanDialog::addRow(qsizetype index)
{
    const AudioFileInfo &file = m_result.files.at(index);
    const MatchResult &match = m_result.matches.at(index);
    auto *item = new QTreeWidgetItem(m_table);
    item->setData(FileColumn, IndexRole, qlonglong(index));
    // An unreadable folder has no file name: show its path.
    item->setText(FileColumn, file.fileName.isEmpty() ? file.path : file.fileName);
    item->setToolTip(FileColumn, QDir::toNativeSeparators(file.path));
    if (const auto from = m_result.movedFrom.constFind(index);
        from != m_result.movedFrom.constEnd()) {
        // Its links follow it unless the user unchecks it.
        item->setText(StatusColumn, tr("Moved"));
        item->setCheckState(FileColumn, Qt::Checked);
        QStringList cues;
        for (const CueKey &cue : m_linkedCues.value(from.value()))
            cues.append(cueLabel(cue));
        item->setText(CueColumn, cues.join(u", "));
        item->setText(DetailColumn, tr("Was %1").arg(QDir::toNativeSeparators(from.value())));
        return;
    }
    item->setText(StatusColumn, statusText(match.status));
    // Only a proposed link has a check box to leave it out.
    if (match.status != MatchResult::Linked)
        item->setFlags(item->flags() & ~Qt::ItemIsUserCheckable);

    switch (match.status) {
    case MatchResult::Linked:
        item->setCheckState(FileColumn, Qt::Checked);
        item->setText(CueColumn, trackLabel(match.link));
        item->setText(DetailColumn, tr("Score %1").arg(match.link.score, 0, 'f', 2));
        break;
    case MatchResult::Ambiguous:
        m_table->setItemWidget(item, CueColumn, createCandidateBox(match));
        item->setText(DetailColumn, tr("%n candidate(s)", nullptr, int(match.candidates.size())));
        break;
    case MatchResult::Unmatched:
        item->setText(
            DetailColumn, match.reason.isEmpty() ? tr("No catalog track fits") : match.reason);
        break;
    case MatchResult::Unreadable:
        item->setText(DetailColumn, match.reason.isEmpty() ? file.unreadableReason : match.reason);
        break;
    }
}

QComboBox *ScanDialog::createCandidateBox(const MatchResult &match)
{
    auto *box = new QComboBox;
    // Precision first: nothing is linked unless the user picks a cue.
    box->addItem(tr("Leave unlinked"));
    for (const MatchCandidate &candidate : match.candidates) {
        box->addItem(trackLabel(candidate));
        box->setItemData(
            box->count() - 1, tr("Score %1").arg(candidate.score, 0, 'f', 2), Qt::ToolTipRole);
    }
    return box;
}

void ScanDialog::applyFilter()
{
    const int status = m_filter->currentData().toInt();
    for (int row = 0; row < m_table->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_table->topLevelItem(row);
        const qsizetype index = item->data(FileColumn, IndexRole).toLongLong();
        const bool moved = m_result.movedFrom.contains(index);
        const bool shown = status == AllStatuses
            || (moved ? status == MovedRows : m_result.matches.at(index).status == status);
        item->setHidden(!shown);
    }
}

void ScanDialog::forgetSelectedFolders()
{
    if (!m_userData)
        return;
    for (QListWidgetItem *item : m_goneFolders->selectedItems()) {
        // A failure reaches the user through UserDatabase::errorOccurred; the dialog shows it
        // too, since it stands in front of the window.
        if (!m_userData->scanCache()->removeScanFolder(item->data(Qt::UserRole).toString())) {
            m_goneLabel->setText(m_userData->errorString());
            return;
        }
        delete item;
    }
    m_goneBox->setVisible(m_goneFolders->count() > 0);
}

QString ScanDialog::summary() const
{
    return tr("%1 audio files: %2 to link, %3 moved, %4 to decide, %5 unmatched, %6 unreadable; "
              "%7 unchanged since the last scan")
        .arg(m_result.files.size())
        .arg(m_result.linkedCount)
        .arg(m_result.movedCount)
        .arg(m_result.ambiguousCount)
        .arg(m_result.unmatchedCount)
        .arg(m_result.unreadableCount)
        .arg(m_result.reusedCount);
}

QString ScanDialog::trackLabel(const MatchCandidate &candidate) const
{
    for (const Catalog &catalog : m_catalogs) {
        if (catalog.id != candidate.catalogId)
            continue;
        const Cue *cue = catalog.cue(candidate.cueId);
        const Release *release = catalog.release(candidate.releaseId);
        const QString title = cue ? cue->title : candidate.cueId;
        if (!release)
            return title;
        return tr("%1 — %2 · track %3").arg(title, release->title).arg(candidate.number);
    }
    return candidate.cueId;
}

QString ScanDialog::cueLabel(const CueKey &cue) const
{
    for (const Catalog &catalog : m_catalogs) {
        if (catalog.id == cue.catalogId) {
            const Cue *found = catalog.cue(cue.cueId);
            return found ? found->title : cue.cueId;
        }
    }
    return cue.cueId;
}

QString ScanDialog::statusText(MatchResult::Status status)
{
    switch (status) {
    case MatchResult::Linked:
        return tr("To link");
    case MatchResult::Ambiguous:
        return tr("To decide");
    case MatchResult::Unmatched:
        return tr("Unmatched");
    case MatchResult::Unreadable:
        return tr("Unreadable");
    }
    return {};
}
