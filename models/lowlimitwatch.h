#pragma once

#include "github/ratelimittracker.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

namespace Hubshelf::Models {

// Says once per window of each resource that it has fallen under a tenth of its limit
// (RateLimit::isLow), while that window is under way: the desktop notification's cue.
class LowLimitWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LowLimitWatch)

public:
    // `tracker` is not owned; its clock says whether a window is under way.
    explicit LowLimitWatch(GitHub::RateLimitTracker *tracker, QObject *parent = nullptr);

    // "core: 412 of 5,000 requests left; it resets at 14:31."
    static QString sentence(const GitHub::RateLimit &limit);

Q_SIGNALS:
    void fellLow(const Hubshelf::GitHub::RateLimit &limit);

private:
    void check(const GitHub::RateLimit &limit);

    QPointer<GitHub::RateLimitTracker> m_tracker;
    QSet<QString> m_told; // resource and reset of the windows already told
};

} // namespace Hubshelf::Models
