#include "panes/detailview.h"

#include "panes/cuepane.h"
#include "panes/releasepane.h"
#include "panes/themepane.h"

#include <QLabel>

using namespace Qt::StringLiterals;

DetailView::DetailView(const CatalogModel *catalogs, QWidget *parent)
    : QStackedWidget(parent)
{
    m_placeholder = new QLabel(
        tr("<p style='font-size:large'>Nothing selected</p>"
           "<p>Choose a release or a track in the list, or a theme in the Themes list.<br>"
           "Search with Ctrl+F: words, or <code>theme:romulan</code>, "
           "<code>composer:goldsmith</code>, <code>duration:&gt;3:00</code>.</p>"));
    m_placeholder->setObjectName(u"placeholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    addWidget(m_placeholder);

    m_releasePane = new ReleasePane(catalogs);
    m_cuePane = new CuePane(catalogs);
    m_themePane = new ThemePane(catalogs);
    addWidget(m_releasePane);
    addWidget(m_cuePane);
    addWidget(m_themePane);
    connect(m_releasePane, &ReleasePane::locationActivated, this, &DetailView::locationActivated);
    connect(m_cuePane, &CuePane::locationActivated, this, &DetailView::locationActivated);
    connect(m_themePane, &ThemePane::locationActivated, this, &DetailView::locationActivated);
    connect(m_cuePane, &CuePane::actionRequested, this, &DetailView::actionRequested);
    connect(m_releasePane, &ReleasePane::actionRequested, this, &DetailView::actionRequested);
    connect(m_themePane, &ThemePane::actionRequested, this, &DetailView::actionRequested);
}

void DetailView::setCovers(CoverLoader *loader, const CoverSourceFinder *sources)
{
    m_releasePane->setCovers(loader, sources);
}

void DetailView::setUserData(UserDatabase *userData)
{
    m_cuePane->setUserData(userData);
    m_themePane->setUserData(userData);
}

void DetailView::setUndoStack(QUndoStack *stack)
{
    m_cuePane->setUndoStack(stack);
}

void DetailView::setPlayheadLookup(MarkerPanel::PlayheadLookup lookup)
{
    m_cuePane->setPlayheadLookup(std::move(lookup));
}

void DetailView::setWaveformLoader(WaveformLoader *loader)
{
    m_cuePane->setWaveformLoader(loader);
}

void DetailView::setPlayhead(const CueKey &cue, qint64 ms)
{
    m_cuePane->setPlayhead(cue, ms);
}

bool DetailView::editMarkerLabel(const CueKey &cue, const QString &markerId)
{
    if (currentWidget() != m_cuePane || m_cuePane->cue() != cue)
        return false;
    return m_cuePane->editMarkerLabel(markerId);
}

void DetailView::saveEdits()
{
    m_cuePane->saveEdits();
}

QByteArray DetailView::saveLayout() const
{
    return m_cuePane->saveLayout();
}

bool DetailView::restoreLayout(const QByteArray &state)
{
    return m_cuePane->restoreLayout(state);
}

void DetailView::showLocation(const Location &location)
{
    switch (location.kind) {
    case Location::Release:
        m_releasePane->showRelease(location.catalogId, location.id);
        setCurrentWidget(m_releasePane);
        break;
    case Location::Cue:
        m_cuePane->showCue(location.cueKey(), location.releaseId);
        setCurrentWidget(m_cuePane);
        break;
    case Location::Theme:
        m_themePane->showTheme(location.catalogId, location.id);
        setCurrentWidget(m_themePane);
        break;
    case Location::None:
        setCurrentWidget(m_placeholder);
        break;
    }
}
