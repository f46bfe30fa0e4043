#pragma once

#include "timeline/timelinelayout.h"
#include "timeline/timelinescale.h"
#include "timeline/timelinewaveform.h"

#include <QWidget>

#include <optional>

// A cue drawn along its duration: the waveform of its audio file, the catalog's occurrences of
// its themes, the user's markers and the playhead, with a ruler and (when zoomed) an overview.
// It is given values and says what the user asks for; it changes nothing itself. A click asks to
// seek there, Shift+click or a double-click to add a marker there, dragging a marker asks once,
// at the drop, to move it (Escape cancels the drag). Keys: Left/Right seek 5 s, Home/End go to
// either end, period and comma go to the next and previous marker or occurrence, +/- zoom around
// the mouse or the playhead, 0 shows the whole cue; Ctrl+wheel zooms, the wheel scrolls a zoomed
// view. The compact mode is the thin strip under the player bar: no ruler, labels or overview.
class CueTimeline : public QWidget
{
    Q_OBJECT

public:
    using WaveformStatus = TimelineWaveform::Status;
    using Peak = TimelineWaveform::Peak;
    using PeakSource = TimelineWaveform::Source;

    // How far Left and Right seek.
    static constexpr qint64 NudgeMs = 5000;

    explicit CueTimeline(QWidget *parent = nullptr);

    // The linked file's duration where it is known, else the catalog's; a new one shows the
    // whole cue again.
    void setDuration(qint64 ms);
    qint64 duration() const { return m_content.durationMs; }
    void setOccurrences(const QList<Occurrence> &occurrences);
    QList<Occurrence> occurrences() const { return m_content.occurrences; }
    // Names for occurrences' and markers' themes, by theme id.
    void setThemeNames(const QHash<QString, QString> &names);
    void setMarkers(const QList<Marker> &markers);
    QList<Marker> markers() const { return m_content.markers; }
    void setSelectedMarker(const QString &id);
    QString selectedMarker() const { return m_content.selectedMarkerId; }
    // The playhead; -1 (the default) when this cue is not the one playing.
    void setPosition(qint64 ms);
    qint64 position() const { return m_content.positionMs; }

    // Peaks asked for per drawn column (sharp at any zoom), or one list of buckets over the whole
    // duration; either makes the status Ready.
    void setPeakSource(PeakSource source);
    void setPeaks(const QList<Peak> &buckets);
    // A waveform value that folds itself to pixel columns, as WaveformPeaks does: any type
    // with forPixels(int columns, qint64 fromMs, qint64 toMs) returning a list of ranges with
    // min, max, rms and hasAudio. Kept by value (such values are implicitly shared) and asked
    // for exactly the columns drawn, so a zoomed view is as sharp as the peaks allow.
    template<typename FoldingPeaks>
    void setWaveform(const FoldingPeaks &peaks)
    {
        setPeakSource([peaks](qint64 fromMs, qint64 toMs, int columns) {
            QList<Peak> columnPeaks;
            columnPeaks.reserve(columns);
            for (const auto &range : peaks.forPixels(columns, fromMs, toMs))
                columnPeaks.append({range.min, range.max, range.rms, range.hasAudio});
            return columnPeaks;
        });
    }
    void setNoAudioFile();
    // percent from 0 to 100, or -1 when unknown.
    void setReadingProgress(int percent);
    // reason is shown in the track; empty for a generic sentence.
    void setUnreadable(const QString &reason = {});
    WaveformStatus waveformStatus() const { return m_waveform.status(); }
    // What the track says instead of the waveform ("No audio file linked"), or empty.
    QString waveformText() const { return m_content.waveformMessage; }

    void setCompact(bool compact);
    bool isCompact() const { return m_content.compact; }

    // The view: which part of the cue shows, and where each moment falls.
    const TimelineScale &scale() const { return m_scale; }
    QRectF trackRect() const;
    void zoomBy(double factor, double anchorX);
    void resetZoom();

    // What hovering at pos tells: the marker's or occurrence's label and time, or the time there.
    QString toolTipAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void seekRequested(qint64 ms);
    void addMarkerRequested(qint64 ms);
    // Once per drag, at the drop; endMs is -1 for a point. The timeline shows the marker there
    // until the next setMarkers().
    void markerMoved(const QString &id, qint64 startMs, qint64 endMs);
    void selectedMarkerChanged(const QString &id);

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Drag
    {
        enum Kind { None, Click, Marker, Overview };
        Kind kind = None;
        QPointF pressPos;
        bool moved = false;
        // Marker: which, by which grip, and where it was; Click: the view, for a pan.
        int markerIndex = -1;
        TimelineLayout::Grip grip = TimelineLayout::NoGrip;
        ::Marker original;
        double viewStart = 0;
    };

    QRectF contentsArea() const;
    const TimelineLayout &layout() const;
    void relayout();
    void updateTrack();
    void updatePlayhead(qint64 ms);
    // After any change to the waveform's state.
    void waveformChanged();
    void updateAccessibleDescription();
    void seekTo(qint64 ms);
    double zoomAnchor() const;
    void dragMarker(const QPointF &pos);
    void cancelDrag();
    void centreOverviewAt(double x);

    TimelineContent m_content;
    TimelineScale m_scale;
    TimelineWaveform m_waveform;
    QFont m_labelFont;
    mutable std::optional<TimelineLayout> m_layout;
    Drag m_drag;
    std::optional<QPointF> m_mousePos;
};
