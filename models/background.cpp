#include "models/background.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <deque>

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
    if (!all.timer) {
        all.timer = new QTimer(QCoreApplication::instance());
        all.timer->setSingleShot(true);
        all.timer->setInterval(0);
        QObject::connect(all.timer, &QTimer::timeout, [] { turns().run(); });
    }
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
