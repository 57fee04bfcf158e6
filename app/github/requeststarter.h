#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>

namespace Hubshelf::GitHub {

// Begins the client's requests from the event loop, never inside get(), so that the caller can
// connect to a request first. Each turn begins as many as fit in a few milliseconds: fifty pages
// answered from the cache at once would otherwise be read and handed over before the window can
// paint. The items are the client's request objects; one deleted before its turn is skipped.
class RequestStarter final
{
    Q_DISABLE_COPY_MOVE(RequestStarter)

public:
    static constexpr qint64 TurnBudgetMs = 4;

    // `begin` runs in `context`'s thread, and not after `context` is gone.
    RequestStarter(QObject *context, std::function<void(QObject *)> begin);

    void add(QObject *request);

private:
    void beginNext();

    std::function<void(QObject *)> m_begin;
    std::deque<QPointer<QObject>> m_starting;
    QTimer m_timer;
};

} // namespace Hubshelf::GitHub
