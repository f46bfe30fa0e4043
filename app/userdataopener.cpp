#include "userdataopener.h"

#include "errorreporter.h"
#include "userdata/userdatabase.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

UserDataOpener::UserDataOpener(UserDatabase *database, ErrorReporter *errors)
    : m_database(database)
    , m_errors(errors)
{ }

QString UserDataOpener::consequence() const
{
    return tr("Until then, browsing and playing work, but links, notes and markers are "
              "unavailable, and nothing you write is saved.");
}

bool UserDataOpener::handleRefusal()
{
    const QString title = tr("Your Links, Notes and Markers");
    const QString reason = m_database->errorString();
    const QFileInfo file(m_database->filePath());
    QString advice;
    switch (m_database->openFailure()) {
    case UserDatabase::OpenFailure::Damaged:
    case UserDatabase::OpenFailure::Unreadable: {
        const bool damaged = m_database->openFailure() == UserDatabase::OpenFailure::Damaged;
        const QString text
            = tr("Your file links, notes and markers could not be opened: %1.\n\n"
                 "Cuebook can keep the %2 file aside, renamed to “%3.%4-…” in the folder "
                 "“%5” (nothing is deleted), and start a fresh one. Or it can go on without "
                 "saving: browsing and playing work, but links, notes and markers are "
                 "unavailable, and nothing you write is saved.")
                  .arg(reason, damaged ? tr("damaged") : tr("unreadable"), file.fileName(),
                      damaged ? u"damaged"_s : u"unreadable"_s, file.absolutePath());
        if (!m_errors->reportWithChoice(
                title, text, tr("Keep It Aside and Start Afresh"), tr("Continue Without Saving"))) {
            return false;
        }
        if (m_database->startAfresh())
            return true;
        m_errors->reportBlocking(title, tr("%1 %2").arg(m_database->errorString(), consequence()));
        return false;
    }
    case UserDatabase::OpenFailure::Newer:
        advice = tr("It is left untouched, and this version does not replace it: your links, "
                    "notes and markers are in it. Open it with the newer Cuebook that wrote it.");
        break;
    case UserDatabase::OpenFailure::Foreign:
        advice = tr("It is left untouched: it belongs to another program. Move it elsewhere and "
                    "Cuebook will start a file of its own there (or, if CUEBOOK_USER_DATABASE "
                    "names it, name another file).");
        break;
    case UserDatabase::OpenFailure::InUse:
        advice = tr("It is left untouched. Quit the other program (another Cuebook?) and start "
                    "Cuebook again.");
        break;
    default:
        advice = tr("It is left untouched.");
        break;
    }
    m_errors->reportBlocking(title,
        tr("Your file links, notes and markers could not be opened: %1.\n\n%2 %3")
            .arg(reason, advice, consequence()));
    return false;
}

void UserDataOpener::tellWhereTheOldFileIs()
{
    m_errors->reportPassing(
        tr("Started afresh: your old links, notes and markers are kept in “%1”.")
            .arg(m_database->setAsidePath()));
}
