#pragma once

#include "ratelimits/ledger.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Hubshelf::RateLimits {

// A limit that runs out before its window resets, at the pace of its latest samples.
struct Projection
{
    QString resource;
    QDateTime runsOutAt; // UTC
    QDateTime reset;     // UTC
};

// The pace is what `used` grew by over the last PaceMinutes of the window under way (at least
// MinimumPaceSeconds apart); nothing when the window is unknown or past, the pace is nil, the limit
// is already spent (that says itself), or the limit lasts until the reset at this pace.
constexpr int PaceMinutes = 10;
constexpr int MinimumPaceSeconds = 30;
std::optional<Projection> projectExhaustion(const QList<Sample> &samples, const QString &resource,
                                            const QDateTime &now);

// "At this pace core runs out at 14:20 — it resets at 14:31." in local time.
QString projectionSentence(const Projection &projection);

} // namespace Hubshelf::RateLimits
