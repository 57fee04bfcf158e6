#pragma once

#include "core/clock.h"
#include "ratelimits/ledger.h"
#include "ratelimits/projection.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace Hubshelf::GitHub {
class Client;
struct RateLimit;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Models {

// What the rate-limit dialog shows of the past: every resource's samples over the last HoursShown
// hours and the spend of the window under way, for the client's account, as the ledger keeps them
// for every Hubshelf process of the machine. Without a ledger (no cache database) it keeps this
// session's samples from the client's tracker instead, and no spend.
class RateLimitHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitHistory)

public:
    static constexpr int HoursShown = 24;
    // Samples kept without a ledger; older ones are dropped first.
    static constexpr int MaxSessionSamples = 3000;

    // Neither is owned; `ledger` may be null.
    RateLimitHistory(RateLimits::Ledger *ledger, GitHub::Client *client, QObject *parent = nullptr);
    ~RateLimitHistory() override;

    // The system clock unless set; tests inject their own.
    void setClock(Core::Clock clock);

    // Reads the ledger again (what every process has written by now), then changed(). The ledger's
    // own writes do this by themselves, a moment later.
    void reload();

    // Whether anybody shows it (the dialog, while visible): only then do the ledger's writes reload
    // it, as a burst of requests writes every second and nobody needs the figures until they look.
    void setWatched(bool watched);

    bool isPersistent() const { return !m_ledger.isNull(); }
    // This process's session: its samples are the ones to highlight.
    QString session() const;
    // The resources with samples, core first.
    QStringList resources() const;
    // Oldest first; the last HoursShown hours.
    QList<RateLimits::Sample> samples(const QString &resource) const;
    // The window under way with what each endpoint spent in it (unknown without a ledger).
    RateLimits::Window window(const QString &resource) const;
    std::optional<RateLimits::Projection> projection(const QString &resource) const;

Q_SIGNALS:
    void changed();

private:
    void addSessionSample(const GitHub::RateLimit &limit);

    QPointer<RateLimits::Ledger> m_ledger;
    QPointer<GitHub::Client> m_client;
    Core::Clock m_clock = Core::systemClock();
    QList<RateLimits::Sample> m_samples;
    QHash<QString, RateLimits::Window> m_windows;
    // The ledger writes once a second while requests come: one reload for a burst of writes.
    QTimer m_reloadSoon;
    bool m_watched = false;
    bool m_stale = false; // the ledger wrote while nobody watched
};

} // namespace Hubshelf::Models
