#pragma once

#include <QObject>

class ErrorReporter;
class UserDatabase;

// Keeps the user told about the edits the user database holds in memory because the disk
// refused them: says so in the status bar once they are saved at last, and at quit tries once
// more and, failing, asks before they are lost.
class UnsavedEdits : public QObject
{
    Q_OBJECT

public:
    // userData may be nullptr (it could not be opened): then nothing is ever kept.
    UnsavedEdits(UserDatabase *userData, ErrorReporter *errors, QObject *parent = nullptr);

    // Saves what is kept; when that fails, asks whether to quit anyway, naming what would be
    // lost. True when the window may close.
    bool mayQuit();

private:
    void pendingWritesChanged(bool pending);

    UserDatabase *m_userData = nullptr;
    ErrorReporter *m_errors = nullptr;
};
