#include "models/background.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <deque>

namespace Hubshelf::Models {

namespace {
// A single-shot timer of this interval that calls `timeout`, made in `slot` on first use, on the
// thread that loads lists, and owned by the application.
template <typename Timeout>
QTimer *applicationTimer(QPointer<QTimer> &slot, int interval, Timeout timeout)
{
    if (!slot) {
        slot = new QTimer(QCoreApplication::instance());
        slot->setSingleShot(true);
        slot->setInterval(interval);
        QObject::connect(slot, &QTimer::timeout, timeout);
    }
    return slot;
}

QTimer *quietTimer()
{
    static QPointer<QTimer> timer;
    return applicationTimer(timer, FreedMemoryReturn::QuietMs,
                            [] { (void)QtConcurrent::run(returnFreedMemory); });
}

// The steps of inTurns(), oldest first.
struct Turns
{
    static constexpr qint64 BudgetMs = 2;
    std::deque<std::function<bool()>> steps;
    QPointer<QTimer> timer;

    void run()
    {
        QElapsedTimer turn;
        turn.start();
        while (!steps.empty() && turn.elapsed() < BudgetMs) {
            if (steps.front()()) {
                steps.pop_front();
            }
        }
        if (!steps.empty()) {
            timer->start();
        }
    }
};

Turns &turns()
{
    static Turns all;
    applicationTimer(all.timer, 0, [] { turns().run(); });
    return all;
}
} // namespace

void inTurns(std::function<bool()> step)
{
    if (!QCoreApplication::instance()) { // no event loop to take turns in
        while (!step()) {
        }
        return;
    }
    Turns &waiting = turns();
    waiting.steps.push_back(std::move(step));
    waiting.timer->start();
}

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
