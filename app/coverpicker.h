#pragma once

#include "navigation/location.h"

#include <QObject>

class ErrorReporter;
class UserDatabase;

// Puts an image of the user's own on a release's cover, or brings the drawn cover back. A file
// that is not an image Cuebook can read is refused with a message and changes nothing; a choice
// that could not be stored is reported through the error path, never dropped.
class CoverPicker : public QObject
{
    Q_OBJECT

public:
    // userData may be nullptr (it could not be opened): then nothing is stored. errors parents
    // the dialogs and tells what failed.
    CoverPicker(UserDatabase *userData, ErrorReporter *errors, QObject *parent = nullptr);

    // A release is shown and the user database is open: a cover can be chosen for it.
    bool canChoose(const Location &release) const;
    // Asks for an image in a file dialog, then setImage().
    void chooseFor(const Location &release);
    // False, with the reason told, when the file is not a readable image or was not stored.
    bool setImage(const Location &release, const QString &imagePath);
    // Forgets the chosen image; false, with the reason told, when that was not stored.
    bool useDrawnCover(const Location &release);

private:
    UserDatabase *m_userData = nullptr;
    ErrorReporter *m_errors = nullptr;
};
