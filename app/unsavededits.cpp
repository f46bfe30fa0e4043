#include "unsavededits.h"

#include "errorreporter.h"
#include "userdata/userdatabase.h"

UnsavedEdits::UnsavedEdits(UserDatabase *userData, ErrorReporter *errors, QObject *parent)
    : QObject(parent)
    , m_userData(userData)
    , m_errors(errors)
{
    if (m_userData) {
        connect(m_userData, &UserDatabase::pendingWritesChanged, this,
            &UnsavedEdits::pendingWritesChanged);
    }
}

void UnsavedEdits::pendingWritesChanged(bool pending)
{
    if (!pending) {
        m_errors->showStatus(
            tr("Your edits are saved now, in “%1”.").arg(m_userData->filePath()), 10'000);
    }
}

bool UnsavedEdits::mayQuit()
{
    if (!m_userData || m_userData->retryPendingWrites())
        return true;
    const QStringList lost = m_userData->pendingWrites();
    return m_errors->reportWithChoice(tr("Edits Not Saved"),
        tr("%1 If you quit now, they are lost.\n\nStay, make room on the disk or make the folder "
           "writable, and they are saved with your next edit or when you quit.")
            .arg(m_userData->errorString()),
        tr("Quit Anyway"), tr("Stay"), lost);
}
