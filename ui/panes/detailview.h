#pragma once

#include "navigation/location.h"
#include "navigation/paneaction.h"

#include <QStackedWidget>

#include <functional>

class CatalogModel;
class CuePane;
class ReleasePane;
class ThemePane;
class UserDatabase;
class QLabel;

// The right side of the window: the pane for whatever is shown, or a placeholder that says how
// to begin. Links in the panes come out as locationActivated.
class DetailView : public QStackedWidget
{
    Q_OBJECT

public:
    explicit DetailView(const CatalogModel *catalogs, QWidget *parent = nullptr);

    void showLocation(const Location &location);
    // See ReleasePane::setCoverLookup.
    void setCoverLookup(std::function<QString(const QString &, const QString &)> lookup);
    // See CuePane::setUserData.
    void setUserData(const UserDatabase *userData);

signals:
    void locationActivated(const Location &location);
    void actionRequested(const PaneAction &action);

private:
    QLabel *m_placeholder = nullptr;
    ReleasePane *m_releasePane = nullptr;
    CuePane *m_cuePane = nullptr;
    ThemePane *m_themePane = nullptr;
};
