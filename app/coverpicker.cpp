#include "coverpicker.h"

#include "errorreporter.h"
#include "userdata/coverstore.h"
#include "userdata/userdatabase.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>

CoverPicker::CoverPicker(UserDatabase *userData, ErrorReporter *errors, QObject *parent)
    : QObject(parent)
    , m_userData(userData)
    , m_errors(errors)
{ }

bool CoverPicker::canChoose(const Location &release) const
{
    return m_userData && release.kind == Location::Release;
}

void CoverPicker::chooseFor(const Location &release)
{
    if (!canChoose(release))
        return;
    const QString image = QFileDialog::getOpenFileName(m_errors->window(), tr("Cover Image"),
        QString(), tr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)"));
    if (!image.isEmpty())
        setImage(release, image);
}

bool CoverPicker::setImage(const Location &release, const QString &imagePath)
{
    if (!canChoose(release))
        return false;
    if (QImageReader(imagePath).size().isEmpty()) {
        m_errors->reportBlocking(
            tr("Cover Not Set"), tr("“%1” is not an image Cuebook can read.").arg(imagePath));
        return false;
    }
    if (!m_userData->covers()->setReleaseCover(
            release.catalogId, release.id, QFileInfo(imagePath).absoluteFilePath())) {
        m_errors->reportBlocking(
            tr("Cover Not Set"), tr("The cover was not stored: %1").arg(m_userData->errorString()));
        return false;
    }
    return true;
}

bool CoverPicker::useDrawnCover(const Location &release)
{
    if (!canChoose(release))
        return false;
    if (!m_userData->covers()->setReleaseCover(release.catalogId, release.id, QString())) {
        m_errors->reportBlocking(tr("Cover Not Changed"),
            tr("The drawn cover was not brought back: %1").arg(m_userData->errorString()));
        return false;
    }
    return true;
}
