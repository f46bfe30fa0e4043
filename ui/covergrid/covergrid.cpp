#include "covergrid/covergrid.h"

#include "covergrid/coverdelegate.h"
#include "covergrid/covergridview.h"
#include "covers/coverloader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CoverGrid::CoverGrid(CoverLoader *loader, const CoverSourceFinder *sources, QWidget *parent)
    : QWidget(parent)
{
    m_view = new CoverGridView(new CoverDelegate(loader, sources));
    m_view->setObjectName(u"coverGrid"_s);
    m_view->setFrameShape(QFrame::NoFrame);

    m_zoom = new QSlider(Qt::Horizontal);
    m_zoom->setObjectName(u"coverSize"_s);
    m_zoom->setRange(CoverDelegate::MinimumSide, CoverDelegate::MaximumSide);
    m_zoom->setSingleStep(CoverGridView::SideStep);
    m_zoom->setPageStep(CoverGridView::SideStep * 4);
    m_zoom->setValue(m_view->coverSide());
    m_zoom->setFixedWidth(fontMetrics().averageCharWidth() * 18);
    m_zoom->setAccessibleName(tr("Cover size"));
    m_zoom->setToolTip(tr("Cover size (Ctrl+wheel, Ctrl+plus, Ctrl+minus over the covers)"));
    auto *label = new QLabel(tr("Cover size"));
    label->setBuddy(m_zoom);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 4);
    bar->addStretch(1);
    bar->addWidget(label);
    bar->addWidget(m_zoom);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addLayout(bar);
    setFocusProxy(m_view);

    // Steps of SideStep: each size shown is cached on disk, and a few sizes are enough.
    connect(m_zoom, &QSlider::valueChanged, m_view, [this](int value) {
        const int stepped
            = qRound(double(value) / CoverGridView::SideStep) * CoverGridView::SideStep;
        m_view->setCoverSide(stepped);
    });
    connect(m_view, &CoverGridView::coverSideChanged, m_zoom, [this](int side) {
        const QSignalBlocker blocker(m_zoom);
        m_zoom->setValue(side);
    });
    connect(loader, &CoverLoader::coverLoaded, m_view->viewport(),
        [this] { m_view->viewport()->update(); });
}
