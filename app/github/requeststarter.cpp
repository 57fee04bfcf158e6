#include "github/requeststarter.h"

#include <QElapsedTimer>

namespace Hubshelf::GitHub {

RequestStarter::RequestStarter(QObject *context, std::function<void(QObject *)> begin)
    : m_begin(std::move(begin))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    QObject::connect(&m_timer, &QTimer::timeout, context, [this] { beginNext(); });
}

void RequestStarter::add(QObject *request)
{
    m_starting.emplace_back(request);
    if (!m_timer.isActive()) {
        m_timer.start();
    }
}

void RequestStarter::beginNext()
{
    QElapsedTimer turn;
    turn.start();
    while (!m_starting.empty() && turn.elapsed() < TurnBudgetMs) {
        const QPointer<QObject> next = m_starting.front();
        m_starting.pop_front();
        if (next) {
            m_begin(next.data());
        }
    }
    if (!m_starting.empty()) {
        m_timer.start();
    }
}

} // namespace Hubshelf::GitHub
