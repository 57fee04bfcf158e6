#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QWidget;

namespace Hubshelf::Ui::Widgets {

// Repaints a window at most once a frame (60 a second). Qt repaints a window at the next turn of
// the event loop after anything in it changed: while a cached list of 5,000 repositories comes in,
// its scroll bar, progress and row count changed with every page, and 39 repaints of 2 ms were
// 38% of the GUI thread's time. A repaint asked for within a frame of the last one is held back
// to the frame's end, never dropped; what changed meanwhile is painted together.
class FramePacer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramePacer)

public:
    static constexpr int FrameMs = 16;

    // Paces `window`, a top-level widget, which also owns the pacer.
    explicit FramePacer(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void repaintHeldBack();

    QWidget *m_window;
    QElapsedTimer m_lastRepaint;
    QTimer m_heldBack;
    bool m_sending = false;
};

} // namespace Hubshelf::Ui::Widgets
