#pragma once

#include "core/clock.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace Hubshelf::GitHub {
class RateLimitTracker;
struct RateLimit;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Models {

// One reading of a resource's remaining calls.
struct RateLimitSample
{
    QDateTime at; // UTC, by the history's clock
    int remaining = -1;
    int limit = -1;
};

// The remaining calls of one resource (core by default) over the session, one sample for every
// change the tracker reports. Made at start-up next to the client, so that the rate-limit
// dialog's chart has the whole session however late it is first opened.
class RateLimitHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitHistory)

public:
    using Clock = Core::Clock;

    // Samples kept; older ones are dropped first.
    static constexpr int MaxSamples = 3000;

    // `tracker` is not owned; a limit it already knows is the first sample.
    explicit RateLimitHistory(GitHub::RateLimitTracker *tracker,
                              const QString &resource = QStringLiteral("core"), QObject *parent = nullptr);
    ~RateLimitHistory() override;

    // Defaults to the system clock; tests inject their own.
    void setClock(Clock clock);

    QString resource() const { return m_resource; }
    const QList<RateLimitSample> &samples() const { return m_samples; }
    // The limit of the latest sample; -1 before any.
    int limit() const { return m_samples.isEmpty() ? -1 : m_samples.constLast().limit; }

Q_SIGNALS:
    // `dropped` of the oldest samples went first, to stay within MaxSamples.
    void sampleAdded(const Hubshelf::Models::RateLimitSample &sample, int dropped);

private:
    void add(const GitHub::RateLimit &limit);

    QPointer<GitHub::RateLimitTracker> m_tracker;
    QString m_resource;
    Clock m_clock;
    QList<RateLimitSample> m_samples;
};

} // namespace Hubshelf::Models
