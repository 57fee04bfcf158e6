#include "ratelimits/projection.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Hubshelf::RateLimits {

std::optional<Projection> projectExhaustion(const QList<Sample> &samples, const QString &resource,
                                            const QDateTime &now)
{
    // The latest sample of the resource names the window; only that window's samples count.
    const Sample *last = nullptr;
    for (auto it = samples.crbegin(); it != samples.crend(); ++it) {
        if (it->resource == resource) {
            last = &*it;
            break;
        }
    }
    if (!last || !last->reset.isValid() || last->reset <= now || last->remaining <= 0 || last->used < 0) {
        return std::nullopt;
    }
    const QDateTime paceStart = last->at.addSecs(-PaceMinutes * 60);
    const Sample *first = nullptr;
    for (const Sample &sample : samples) {
        if (sample.resource == resource && sample.reset == last->reset && sample.at >= paceStart &&
            sample.used >= 0) {
            first = &sample;
            break;
        }
    }
    if (!first) {
        return std::nullopt;
    }
    const qint64 milliseconds = first->at.msecsTo(last->at);
    const int spent = last->used - first->used;
    if (milliseconds < MinimumPaceSeconds * 1000LL || spent <= 0) {
        return std::nullopt;
    }
    const double perMillisecond = double(spent) / double(milliseconds);
    const QDateTime runsOut = last->at.addMSecs(qint64(double(last->remaining) / perMillisecond));
    if (runsOut >= last->reset) {
        return std::nullopt;
    }
    return Projection{resource, runsOut, last->reset};
}

QString projectionSentence(const Projection &projection)
{
    const auto clock = [](const QDateTime &time) { return time.toLocalTime().toString(u"HH:mm"_s); };
    return QCoreApplication::translate("Hubshelf::RateLimits",
                                       "At this pace %1 runs out at %2 — it resets at %3.")
        .arg(projection.resource, clock(projection.runsOutAt), clock(projection.reset));
}

} // namespace Hubshelf::RateLimits
