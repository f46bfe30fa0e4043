#include "busyindicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

BusyIndicator::BusyIndicator(QWidget *parent)
    : QWidget(parent)
{
    m_label = new QLabel;
    auto *progress = new QProgressBar;
    progress->setRange(0, 0);
    progress->setTextVisible(false);
    progress->setMaximumWidth(120);
    auto *cancel = new QPushButton(tr("Cancel"));
    cancel->setToolTip(tr("Stop reading; nothing that is open changes"));
    connect(cancel, &QPushButton::clicked, this, &BusyIndicator::cancelClicked);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(progress);
    layout->addWidget(cancel);
}

void BusyIndicator::setText(const QString &text)
{
    m_label->setText(text);
}
