#include "models/background.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace Hubshelf::Models {

namespace {
// Made on first use, on the thread that loads lists, and owned by the application.
QTimer *quietTimer()
{
    static QPointer<QTimer> timer;
    if (!timer) {
        timer = new QTimer(QCoreApplication::instance());
        timer->setSingleShot(true);
        timer->setInterval(FreedMemoryReturn::QuietMs);
        QObject::connect(timer, &QTimer::timeout, [] { (void)QtConcurrent::run(returnFreedMemory); });
    }
    return timer;
}
} // namespace

void FreedMemoryReturn::arm()
{
    quietTimer()->start();
}

void FreedMemoryReturn::postpone()
{
    if (isArmed()) {
        quietTimer()->start();
    }
}

bool FreedMemoryReturn::isArmed()
{
    return quietTimer()->isActive();
}

} // namespace Hubshelf::Models
