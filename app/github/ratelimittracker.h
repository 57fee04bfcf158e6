#pragma once

#include "core/clock.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

namespace Hubshelf::GitHub {

// One resource's primary rate limit, as GitHub last reported it.
struct RateLimit
{
    QString resource;
    int limit = -1;
    int remaining = -1;
    int used = -1;
    QDateTime reset; // UTC

    bool isKnown() const { return limit >= 0; }
    bool isSpent(const QDateTime &now) const { return remaining == 0 && reset > now; }
    // Under a tenth of the limit left: when Hubshelf starts warning.
    bool isLow() const { return limit > 0 && remaining >= 0 && qint64(remaining) * 10 < qint64(limit); }
    // The numbers are this window's: its reset is still ahead of `now`.
    bool isCurrent(const QDateTime &now) const { return isKnown() && reset.isValid() && reset > now; }
    // Requests left at `now`: what remains of this window, the whole limit once it has reset, and
    // GitHub's hourly allowance before GitHub has told.
    int leftAt(const QDateTime &now, bool signedIn) const
    {
        return isCurrent(now) ? remaining : isKnown() ? limit : signedIn ? SignedInPerHour : AnonymousPerHour;
    }

    // GitHub's primary limits an hour: with a token, and without one (per IP address).
    static constexpr int SignedInPerHour = 5000;
    static constexpr int AnonymousPerHour = 60;
};

// How resources are listed: "core" first, the one everybody spends, then by name.
bool resourceListedBefore(const QString &a, const QString &b);

// The primary limits per resource, from the x-ratelimit-* headers of every response (304s
// included) and from GET /rate_limit.
class RateLimitTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitTracker)

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit RateLimitTracker(QObject *parent = nullptr);

    // What time it is for these limits (is a reset past?); the system clock unless a test sets one.
    void setClock(Core::Clock clock);
    QDateTime now() const { return m_clock(); }

    // Reads x-ratelimit-limit/remaining/used/reset/resource; headers without them change nothing.
    void updateFromHeaders(const Headers &headers);
    // The body of GET /rate_limit: every resource at once.
    void updateFromRateLimitBody(const QJsonObject &body);

    // Forgets every limit, e.g. when the token (and so the account) changes.
    void clear();

    RateLimit limit(const QString &resource) const;
    QList<RateLimit> all() const;

Q_SIGNALS:
    void changed(const Hubshelf::GitHub::RateLimit &limit);

private:
    void set(const RateLimit &limit);

    QHash<QString, RateLimit> m_limits;
    Core::Clock m_clock = Core::systemClock();
};

} // namespace Hubshelf::GitHub
