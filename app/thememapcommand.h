#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

// cuebook --theme-map CATALOG_ID[/RELEASE_ID] --output FILE: the theme map of a release, or of a
// whole catalog, written as PNG or SVG without a window, as View > Theme Map draws it (the
// catalog's occurrences and the user's markers, album order, themes by first heard). It reads
// the catalogs a user would have open and the user database CUEBOOK_USER_DATABASE names (else the
// default one; without one, the catalog's occurrences alone). Prints one sentence: what it
// wrote on standard output, or why it wrote nothing on standard error. Exit status 0, or 1.
class ThemeMapCommand
{
public:
    QString scope; // CATALOG_ID or CATALOG_ID/RELEASE_ID
    QString output;
    QStringList catalogFiles;

    int run(QTextStream &out, QTextStream &err) const;
};
