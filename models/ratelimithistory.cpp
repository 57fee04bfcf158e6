#include "models/ratelimithistory.h"

#include "github/client.h"
#include "github/ratelimittracker.h"

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Hubshelf::Models {

namespace {

const QString SessionOnly = u"this session"_s;

} // namespace

RateLimitHistory::RateLimitHistory(RateLimits::Ledger *ledger, GitHub::Client *client, QObject *parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_client(client)
{
    m_reloadSoon.setSingleShot(true);
    m_reloadSoon.setInterval(250);
    connect(&m_reloadSoon, &QTimer::timeout, this, &RateLimitHistory::reload);
    if (m_ledger) {
        connect(m_ledger, &RateLimits::Ledger::written, this, [this] {
            if (!m_watched) {
                m_stale = true;
            } else if (!m_reloadSoon.isActive()) {
                m_reloadSoon.start();
            }
        });
        m_stale = true;
        return;
    }
    if (m_client) {
        GitHub::RateLimitTracker *tracker = m_client->rateLimits();
        connect(tracker, &GitHub::RateLimitTracker::changed, this, &RateLimitHistory::addSessionSample);
        for (const GitHub::RateLimit &limit : tracker->all()) {
            addSessionSample(limit);
        }
    }
}

RateLimitHistory::~RateLimitHistory() = default;

void RateLimitHistory::setClock(Core::Clock clock)
{
    m_clock = Core::orSystem(std::move(clock));
}

void RateLimitHistory::setWatched(bool watched)
{
    m_watched = watched;
    if (watched && m_stale) {
        reload();
    }
}

void RateLimitHistory::reload()
{
    m_reloadSoon.stop();
    m_stale = false;
    if (!m_ledger || !m_client) {
        Q_EMIT changed();
        return;
    }
    const QByteArray identity = m_client->identity();
    m_samples = m_ledger->samples(identity, m_clock().addSecs(-HoursShown * 3600LL));
    m_windows.clear();
    for (const QString &resource : m_ledger->resourcesUnderWay(identity)) {
        m_windows.insert(resource, m_ledger->currentWindow(identity, resource));
    }
    Q_EMIT changed();
}

QString RateLimitHistory::session() const
{
    return m_ledger ? m_ledger->session() : SessionOnly;
}

QStringList RateLimitHistory::resources() const
{
    QStringList all;
    for (const RateLimits::Sample &sample : m_samples) {
        if (!all.contains(sample.resource)) {
            all.append(sample.resource);
        }
    }
    for (auto it = m_windows.cbegin(); it != m_windows.cend(); ++it) {
        if (!all.contains(it.key())) {
            all.append(it.key());
        }
    }
    std::sort(all.begin(), all.end(), GitHub::resourceListedBefore);
    return all;
}

QList<RateLimits::Sample> RateLimitHistory::samples(const QString &resource) const
{
    const QDateTime since = m_clock().addSecs(-HoursShown * 3600LL);
    QList<RateLimits::Sample> mine;
    for (const RateLimits::Sample &sample : m_samples) {
        if (sample.resource == resource && sample.at >= since) {
            mine.append(sample);
        }
    }
    return mine;
}

RateLimits::Window RateLimitHistory::window(const QString &resource) const
{
    RateLimits::Window window = m_windows.value(resource);
    window.resource = resource;
    return window;
}

std::optional<RateLimits::Projection> RateLimitHistory::projection(const QString &resource) const
{
    return RateLimits::projectExhaustion(m_samples, resource, m_clock());
}

void RateLimitHistory::addSessionSample(const GitHub::RateLimit &limit)
{
    if (limit.remaining < 0) {
        return; // a limit without a count (forgotten on sign-out) is no reading
    }
    m_samples.remove(0, std::max(0, int(m_samples.size()) + 1 - MaxSessionSamples));
    m_samples.append({limit.resource, m_clock().toUTC(), limit.limit, limit.remaining, limit.used,
                      limit.reset, SessionOnly});
    Q_EMIT changed();
}

} // namespace Hubshelf::Models
