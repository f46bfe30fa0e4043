#pragma once

#include <QWidget>

class CoverDelegate;
class CoverGridView;
class CoverLoader;
class CoverSourceFinder;
class QSlider;

// The cover grid with its zoom slider beneath, bottom right as in file managers and photo
// viewers. The view is the part to give a model and to focus.
class CoverGrid : public QWidget
{
    Q_OBJECT

public:
    CoverGrid(CoverLoader *loader, const CoverSourceFinder *sources, QWidget *parent = nullptr);

    CoverGridView *view() const { return m_view; }
    QSlider *zoomSlider() const { return m_zoom; }

private:
    CoverGridView *m_view = nullptr;
    QSlider *m_zoom = nullptr;
};
