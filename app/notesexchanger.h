#pragma once

#include "catalog/cuekey.h"
#include "exchange/notesexchange.h"
#include "navigation/location.h"

#include <QObject>

class CatalogModel;
class ErrorReporter;
class UserDatabase;

// The window's import and export of notes and markers: asks for the file, runs the command
// (NotesExchange), and tells the outcome through the ErrorReporter: what was done in the status
// bar ("12 markers and 3 notes imported; 4 were already here"), a file refused or not written in
// a dialog with every fault. The dialogs' choices go through the same calls the tests make.
class NotesExchanger : public QObject
{
    Q_OBJECT

public:
    // userData may be nullptr (it could not be opened): then nothing is available. catalogs
    // name the cues in exports.
    NotesExchanger(UserDatabase *userData, CatalogModel *catalogs, ErrorReporter *errors,
        QObject *parent = nullptr);

    bool isAvailable() const { return m_userData != nullptr; }
    // A cue is shown and the user database is open: its labels can be imported and exported.
    bool canExchangeLabels(const Location &location) const;

    // Ask for the file in a dialog, then call the functions below.
    void chooseNotesExport();
    void chooseNotesImport();
    void chooseLabelsExport(const Location &cue);
    void chooseLabelsImport(const Location &cue);

    // Each true when done; otherwise the dialog has said why.
    bool exportNotes(const QString &filePath, NotesExchange::Format format);
    bool importNotes(const QString &filePath);
    bool exportLabels(const CueKey &cue, const QString &filePath);
    bool importLabels(const CueKey &cue, const QString &filePath);

private:
    NotesExchange exchange() const;
    bool tell(const NotesExchange::Outcome &outcome, const QString &failureTitle);

    UserDatabase *m_userData = nullptr;
    CatalogModel *m_catalogs = nullptr;
    ErrorReporter *m_errors = nullptr;
};
