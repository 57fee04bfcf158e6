#include "github/ratelimittracker.h"

#include <algorithm>
#include <utility>

namespace Hubshelf::GitHub {

bool resourceListedBefore(const QString &a, const QString &b)
{
    const QString core = QStringLiteral("core");
    return std::make_pair(a != core, a) < std::make_pair(b != core, b);
}

RateLimitTracker::RateLimitTracker(QObject *parent)
    : QObject(parent)
{}

void RateLimitTracker::setClock(Core::Clock clock)
{
    m_clock = Core::orSystem(std::move(clock));
}

void RateLimitTracker::updateFromHeaders(const Headers &headers)
{
    RateLimit limit;
    limit.resource = QStringLiteral("core"); // GitHub omits x-ratelimit-resource on some answers
    bool any = false;
    for (const auto &[rawName, value] : headers) {
        const QByteArray name = rawName.toLower();
        if (!name.startsWith("x-ratelimit-")) {
            continue;
        }
        any = true;
        if (name == "x-ratelimit-limit") {
            limit.limit = value.toInt();
        } else if (name == "x-ratelimit-remaining") {
            limit.remaining = value.toInt();
        } else if (name == "x-ratelimit-used") {
            limit.used = value.toInt();
        } else if (name == "x-ratelimit-reset") {
            limit.reset = QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
        } else if (name == "x-ratelimit-resource" && !value.trimmed().isEmpty()) {
            // An empty name would file the limit under no resource, where no request looks for it.
            limit.resource = QString::fromLatin1(value.trimmed());
        }
    }
    if (!any || limit.limit < 0) {
        return;
    }
    if (limit.used < 0 && limit.remaining >= 0) {
        limit.used = limit.limit - limit.remaining;
    }
    set(limit);
}

void RateLimitTracker::updateFromRateLimitBody(const QJsonObject &body)
{
    const QJsonObject resources = body.value(QStringLiteral("resources")).toObject();
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        if (it.key().trimmed().isEmpty()) {
            continue; // as for the header: a limit of no resource is no request's
        }
        const QJsonObject values = it.value().toObject();
        RateLimit limit;
        limit.resource = it.key();
        limit.limit = values.value(QStringLiteral("limit")).toInt(-1);
        limit.remaining = values.value(QStringLiteral("remaining")).toInt(-1);
        limit.used = values.value(QStringLiteral("used")).toInt(-1);
        limit.reset =
            QDateTime::fromSecsSinceEpoch(values.value(QStringLiteral("reset")).toInteger(), Qt::UTC);
        if (limit.used < 0 && limit.limit >= 0 && limit.remaining >= 0) { // no `used` before 2020
            limit.used = limit.limit - limit.remaining;
        }
        if (limit.isKnown()) {
            set(limit);
        }
    }
}

void RateLimitTracker::clear()
{
    m_limits.clear();
}

RateLimit RateLimitTracker::limit(const QString &resource) const
{
    RateLimit unknown;
    unknown.resource = resource;
    return m_limits.value(resource, unknown);
}

QList<RateLimit> RateLimitTracker::all() const
{
    QList<RateLimit> limits = m_limits.values();
    std::sort(limits.begin(), limits.end(),
              [](const RateLimit &a, const RateLimit &b) { return a.resource < b.resource; });
    return limits;
}

void RateLimitTracker::set(const RateLimit &limit)
{
    m_limits.insert(limit.resource, limit);
    Q_EMIT changed(limit);
}

} // namespace Hubshelf::GitHub
