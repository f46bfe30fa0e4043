#pragma once

#include <QString>
#include <QStringList>

// Where a release's cover may come from, best first: the image the user chose, the art embedded
// in the release's linked audio files, the image the catalog names; and what the drawn cover,
// the last resort, is made of.
struct CoverSources
{
    // "catalogId/releaseId": names the release's cover wherever it is kept, and colours its
    // drawn cover.
    QString key;
    QString title;
    QStringList composers;

    QString userImage; // absolute, or empty
    QStringList audioFiles; // absolute, in track order
    QString catalogImage; // absolute, or empty

    friend bool operator==(const CoverSources &, const CoverSources &) = default;
};

// Which of the sources a cover came from.
enum class CoverOrigin { UserImage, EmbeddedArt, CatalogImage, Drawn };
