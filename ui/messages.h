#pragma once

#include <QStringList>

class QWidget;

// The window's dialogs that only tell the user something.
namespace Messages {

// A refused catalog: the first faults in the dialog, every fault under "Show Details".
void showCatalogFaults(QWidget *parent, const QString &filePath, const QStringList &faults);
// What Cuebook is, and the sources the bundled catalog quotes.
void showAbout(QWidget *parent);

} // namespace Messages
