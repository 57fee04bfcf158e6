#include "widgets/framepacer.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

namespace Hubshelf::Ui::Widgets {

FramePacer::FramePacer(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    m_heldBack.setSingleShot(true);
    m_heldBack.setTimerType(Qt::PreciseTimer);
    connect(&m_heldBack, &QTimer::timeout, this, &FramePacer::repaintHeldBack);
    window->installEventFilter(this);
}

// QEvent::UpdateRequest is how Qt asks a window to paint what changed in it (QWidget::update()).
// Until one is handled, Qt asks no more: holding one back holds back every repaint of the window.
bool FramePacer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || event->type() != QEvent::UpdateRequest || m_sending) {
        return false;
    }
    const qint64 since = m_lastRepaint.isValid() ? m_lastRepaint.elapsed() : FrameMs;
    if (since >= FrameMs) {
        m_lastRepaint.start();
        return false;
    }
    if (!m_heldBack.isActive()) {
        m_heldBack.start(int(FrameMs - since));
    }
    return true;
}

void FramePacer::repaintHeldBack()
{
    m_lastRepaint.start();
    m_sending = true;
    QEvent request(QEvent::UpdateRequest);
    QCoreApplication::sendEvent(m_window, &request);
    m_sending = false;
}

} // namespace Hubshelf::Ui::Widgets
