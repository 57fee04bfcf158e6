#include "models/ratelimithistory.h"

#include "github/ratelimittracker.h"

#include <algorithm>
#include <utility>

namespace Hubshelf::Models {

RateLimitHistory::RateLimitHistory(GitHub::RateLimitTracker *tracker, const QString &resource,
                                   QObject *parent)
    : QObject(parent)
    , m_tracker(tracker)
    , m_resource(resource)
    , m_clock(Core::systemClock())
{
    Q_ASSERT(tracker);
    connect(tracker, &GitHub::RateLimitTracker::changed, this, [this](const GitHub::RateLimit &limit) {
        if (limit.resource == m_resource) {
            add(limit);
        }
    });
    const GitHub::RateLimit known = tracker->limit(m_resource);
    if (known.isKnown()) {
        add(known);
    }
}

RateLimitHistory::~RateLimitHistory() = default;

void RateLimitHistory::setClock(Clock clock)
{
    m_clock = Core::orSystem(std::move(clock));
}

void RateLimitHistory::add(const GitHub::RateLimit &limit)
{
    if (limit.remaining < 0) {
        return; // a limit without a count (forgotten on sign-out) is no reading
    }
    const int dropped = std::max(0, int(m_samples.size()) + 1 - MaxSamples);
    m_samples.remove(0, dropped);
    const RateLimitSample sample{m_clock().toUTC(), limit.remaining, limit.limit};
    m_samples.append(sample);
    Q_EMIT sampleAdded(sample, dropped);
}

} // namespace Hubshelf::Models
