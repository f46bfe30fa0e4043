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
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;
class UserDatabase;

// File > Scan Music Folder…: scans a folder with a progress bar and Cancel, then shows what the
// matcher proposes (linked, ambiguous, unmatched, unreadable) and which linked files gone from
// disk turned up here (moved) for the user to review, and which folders scanned before are gone.
// The caller stores chosenMoves(), chosenLinks() and scanResult() once the dialog is accepted;
// the dialog itself only forgets a gone folder, when the user asks.
class ScanDialog : public QDialog
{
    Q_OBJECT

public:
    // userData gives what earlier scans found, the links, and the folders scanned before; with
    // nullptr the scan starts from nothing.
    ScanDialog(const QList<Catalog> &catalogs, const QString &folder, UserDatabase *userData,
        QWidget *parent = nullptr);

    // Starts the scan; showing the dialog calls it. Does nothing after the first call.
    void start();

    // The checked linked files, and the ambiguous ones the user gave a cue. Moved files are in
    // chosenMoves() only.
    QList<FileLink> chosenLinks() const;
    // The checked moved files: the path the links have now, and the file they follow to.
    QHash<QString, AudioFileInfo> chosenMoves() const;
    // The folders scanned before that no longer exist, less those forgotten here.
    QStringList goneFolders() const;
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
    QWidget *createGoneFolders();

    void showProgress(int done, int total);
    void showResult(const ScanResult &result);
    void showError(const QString &message);
    void addRow(qsizetype index);
    QComboBox *createCandidateBox(const MatchResult &match);
    void applyFilter();
    void forgetSelectedFolders();

    QString summary() const;
    QString trackLabel(const MatchCandidate &candidate) const;
    QString cueLabel(const CueKey &cue) const;
    static QString statusText(MatchResult::Status status);

    QList<Catalog> m_catalogs;
    QString m_folder;
    UserDatabase *m_userData = nullptr;
    // The cues linked to each path, for the moved rows.
    QHash<QString, QList<CueKey>> m_linkedCues;
    LibraryScanner *m_scanner = nullptr;
    ScanResult m_result;
    bool m_started = false;

    QStackedWidget *m_pages = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QComboBox *m_filter = nullptr;
    QTreeWidget *m_table = nullptr;
    QWidget *m_goneBox = nullptr;
    QLabel *m_goneLabel = nullptr;
    QListWidget *m_goneFolders = nullptr;
    QPushButton *m_forgetButton = nullptr;
    QLabel *m_error = nullptr;
};
