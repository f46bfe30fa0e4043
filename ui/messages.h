#pragma once

class QWidget;

// The window's dialogs that only tell the user something (faults go through ErrorReporter).
namespace Messages {

// What Cuebook is, and the sources the bundled catalog quotes.
void showAbout(QWidget *parent);

} // namespace Messages
