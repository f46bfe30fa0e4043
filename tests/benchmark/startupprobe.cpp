// Linked with app/main.cpp into cuebook-startup-probe: the real start of Cuebook, which also says
// on stdout when its window is first painted and when a catalog read off the GUI thread is in the
// model, for cuebook-bench to time from outside. The app's own code knows nothing of it.
#include "itemmodels/catalogmodel.h"
#include "mainwindow.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

#include <cstdio>
#include <utility>

namespace {

void say(const char *line)
{
    std::fputs(line, stdout);
    std::fflush(stdout);
}

// An application event filter, installed as QCoreApplication is constructed: it sees the window's
// events before the window does, without a line of the window's code.
class StartupProbe : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && !m_watching) {
            // Shown after the bundled catalog is in: the next catalog is the one read off the
            // GUI thread.
            if (auto *window = qobject_cast<MainWindow *>(watched)) {
                m_watching = true;
                connect(window->catalogModel(), &CatalogModel::catalogsChanged, this, [this] {
                    if (!std::exchange(m_catalogShown, true))
                        say("cuebook: catalog shown\n");
                });
            }
        } else if (event->type() == QEvent::Paint && !m_painted
            && qobject_cast<MainWindow *>(watched)) {
            m_painted = true;
            // Said once this paint is done and flushed, when the event loop turns again.
            QTimer::singleShot(0, this, [] { say("cuebook: first paint\n"); });
        }
        return false;
    }

private:
    bool m_watching = false;
    bool m_painted = false;
    bool m_catalogShown = false;
};

void installStartupProbe()
{
    QCoreApplication *app = QCoreApplication::instance();
    app->installEventFilter(new StartupProbe(app));
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installStartupProbe)
