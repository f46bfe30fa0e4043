#pragma once

#include "catalog/catalog.h"
#include "library/audiofileinfo.h"
#include "library/libraryscanner.h"
#include "userdata/filelink.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QComboBox;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

// File > Scan Music Folder…: scans a folder with a progress bar and Cancel, then shows what the
// matcher proposes (linked, ambiguous, unmatched, unreadable) for the user to review. Nothing is
// stored here: the caller stores chosenLinks() and result() once the dialog is accepted.
class ScanDialog : public QDialog
{
    Q_OBJECT

public:
    ScanDialog(const QList<Catalog> &catalogs, const QString &folder,
        const QHash<QString, AudioFileInfo> &known, QWidget *parent = nullptr);

    // Starts the scan; showing the dialog calls it. Does nothing after the first call.
    void start();

    // The checked linked files, and the ambiguous ones the user gave a cue.
    QList<FileLink> chosenLinks() const;
    // Named so as not to hide QDialog::result(), the accepted or rejected code.
    ScanResult scanResult() const { return m_result; }

public slots:
    // Also cancels a scan under way.
    void reject() override;

protected:
    void showEvent(QShowEvent *event) override;

private:
    enum Column { FileColumn, StatusColumn, CueColumn, DetailColumn };

    QWidget *createScanningPage();
    QWidget *createResultsPage();
    QWidget *createErrorPage();

    void showProgress(int done, int total);
    void showResult(const ScanResult &result);
    void showError(const QString &message);
    void addRow(qsizetype index);
    QComboBox *createCandidateBox(const MatchResult &match);
    void applyFilter();

    QString summary() const;
    QString trackLabel(const MatchCandidate &candidate) const;
    static QString statusText(MatchResult::Status status);

    QList<Catalog> m_catalogs;
    QString m_folder;
    QHash<QString, AudioFileInfo> m_known;
    LibraryScanner *m_scanner = nullptr;
    ScanResult m_result;
    bool m_started = false;

    QStackedWidget *m_pages = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QComboBox *m_filter = nullptr;
    QTreeWidget *m_table = nullptr;
    QLabel *m_error = nullptr;
};
