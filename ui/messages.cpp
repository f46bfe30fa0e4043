#include "messages.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Messages", text);
}

} // namespace

namespace Messages {

void showAbout(QWidget *parent)
{
    QMessageBox::about(parent, tr("About Cuebook"),
        tr("<h3>Cuebook %1</h3>"
           "<p>A browser for film and television scores: their releases, their cues and the "
           "themes that run through them.</p>"
           "<p>The bundled Star Trek: Picard catalog quotes short excerpts from, and credits:</p>"
           "<ul><li>Noah Marconi, a review of the Season 1 soundtrack</li>"
           "<li>Randall D. Larson, “Jeff Russo: Scoring STAR TREK PICARD”, Soundtrax, "
           "27 March 2020</li>"
           "<li>ComicBook, on the Season 1, Chapter 1 album, February 2020</li>"
           "<li>Musique Fantastique, a preview of the Season 1 album, 5 February 2020</li>"
           "<li>Collider, on the Season 3 track “Leaving Spacedock”, 13 April 2023</li></ul>"
           "<p>Cuebook never ships or downloads audio.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

} // namespace Messages
