#pragma once

#include <QWidget>

class QLabel;

// A status bar's "working on it": what is being done, an endless progress bar and Cancel.
class BusyIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit BusyIndicator(QWidget *parent = nullptr);

    void setText(const QString &text);

signals:
    void cancelClicked();

private:
    QLabel *m_label = nullptr;
};
