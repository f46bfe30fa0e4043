#pragma once

#include <QLineEdit>

// The catalog's search field: a clear button, Esc clears, and the query syntax in its tooltip.
class SearchField : public QLineEdit
{
    Q_OBJECT

public:
    explicit SearchField(QWidget *parent = nullptr);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};
