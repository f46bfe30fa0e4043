#pragma once

#include <QCoreApplication>
#include <QString>

class ErrorReporter;
class UserDatabase;

// What the user is told, through the one error path, when the user database was refused at
// start: why, and what it means. For a damaged or unreadable file it offers to keep the file
// aside (renamed beside itself, never deleted) and start afresh, and says where the old file
// went. A file from a newer Cuebook or another program is never offered for replacement: it
// holds data its own program needs, and the user is told how to get back to it instead.
class UserDataOpener
{
    Q_DECLARE_TR_FUNCTIONS(UserDataOpener)

public:
    // database was refused by open(); errors shows the dialogs.
    UserDataOpener(UserDatabase *database, ErrorReporter *errors);

    // Tells the user why the file was refused, asking whether to start afresh where that is
    // offered. True when a fresh file is now open: the window must be made again with it.
    bool handleRefusal();
    // After a fresh start: where the old file went, in the status bar.
    void tellWhereTheOldFileIs();

private:
    QString consequence() const;

    UserDatabase *m_database = nullptr;
    ErrorReporter *m_errors = nullptr;
};
