#pragma once

#include "core/clock.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <optional>

namespace Hubshelf::Cache {
class EtagCache;
}
namespace Hubshelf::GitHub {
class Client;
struct RateLimit;
struct RequestLogEntry;
} // namespace Hubshelf::GitHub

namespace Hubshelf::RateLimits {

// What GitHub said of one limit at one moment (its x-ratelimit-* headers).
struct Sample
{
    QString resource;
    QDateTime at; // UTC, by the ledger's clock
    int limit = -1;
    int remaining = -1;
    int used = -1;   // -1: GitHub did not say
    QDateTime reset; // UTC: when this window ends
    QString session; // the process that saw it (Ledger::session())
};

// What one endpoint cost in one window, for one asker.
struct Spend
{
    QString endpoint; // the API path's template, e.g. "/orgs/{org}/repos"
    QString origin;   // the process and place or command that asked, e.g. "window · Repositories"
    qint64 requests = 0;
    qint64 points = 0; // counted by GitHub
    qint64 saved = 0;  // answered by the cache where GitHub would have counted one
};

// One rate-limit window as the ledger knows it: what GitHub last said, and what was spent in it.
struct Window
{
    QString resource;
    QDateTime reset;
    int limit = -1;
    int used = -1;      // GitHub's count: the highest `used` seen in this window
    int remaining = -1; // and its lowest `remaining`
    QList<Spend> spend; // most points first

    bool isKnown() const { return reset.isValid(); }
    qint64 points() const { return total(&Spend::points); }
    qint64 requests() const { return total(&Spend::requests); }
    qint64 saved() const { return total(&Spend::saved); }
    // What GitHub counted that no Hubshelf process did: other tools with the same token.
    qint64 spentElsewhere() const { return std::max<qint64>(0, used - points()); }

private:
    qint64 total(qint64 Spend::*count) const;
};

// The rate-limit ledger: every sample of GitHub's limits and every request's cost, recorded from
// a client's request log into the cache database, where every Hubshelf process of the machine (the
// window, the command line, serve) adds to the same tables and reads them all. Samples are kept at
// most one per resource every SampleSpacingSeconds, everything for KeepDays. Writes are gathered and
// flushed once a second and when the ledger goes, never per request.
class Ledger final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Ledger)

public:
    static constexpr int KeepDays = 7;
    static constexpr int SampleSpacingSeconds = 10;
    static constexpr int FlushIntervalMs = 1000;
    // Gathered entries beyond this are flushed at once: a burst never grows the buffer unbounded.
    static constexpr int MaxPending = 1000;

    // `cache` is not owned and may be null (nothing is recorded); `processName` is how this process
    // shows in the spend table ("window", "hubshelf export", "serve").
    Ledger(Cache::EtagCache *cache, const QString &processName, QObject *parent = nullptr);
    // Flushes what is gathered.
    ~Ledger() override;

    // The system clock unless set; tests inject their own.
    void setClock(Core::Clock clock);
    // Records the requests `client` logs, with its limits as its tracker knows them.
    void track(GitHub::Client *client);
    // One request: a sample when it had an answer and the limit is known, its cost when it had one.
    void record(const GitHub::RequestLogEntry &entry, const GitHub::RateLimit &limit);

    // Writes what is gathered; false when the database refused (it stays gathered, up to MaxPending).
    bool flush();

    // This process, as its samples say: the process name, its id and when it started.
    QString session() const { return m_session; }
    QString processName() const { return m_processName; }

    // The samples of `identity`'s limits since `since` (flushed first), oldest first.
    QList<Sample> samples(const QByteArray &identity, const QDateTime &since);
    // The window of `resource` for `identity` that has not reset by now, with what each endpoint
    // spent in it across every process; an unknown Window when no sample says one is under way.
    Window currentWindow(const QByteArray &identity, const QString &resource);
    // The resources that have a window under way for `identity`, core first.
    QStringList resourcesUnderWay(const QByteArray &identity);

Q_SIGNALS:
    // What was gathered is in the database.
    void written();

private:
    void schedule();
    void prune();
    std::optional<QDateTime> windowFromDatabase(const QByteArray &identity, const QString &resource);

    QPointer<Cache::EtagCache> m_cache;
    QString m_processName;
    QString m_session;
    Core::Clock m_clock = Core::systemClock();
    QTimer m_flushTimer;
    struct PendingSample
    {
        QByteArray identity;
        Sample sample;
    };
    // Keyed by identity, resource, reset and the sample's slot of SampleSpacingSeconds: the last
    // of a slot wins.
    QHash<QString, PendingSample> m_samples;
    struct PendingSpend
    {
        QByteArray identity;
        QString resource;
        QDateTime reset;
        Spend spend;
        QDateTime firstAt;
        QDateTime lastAt;
    };
    QHash<QString, PendingSpend> m_spend;
    // The last sample recorded per identity and resource: a repeat adds nothing.
    QHash<QString, Sample> m_lastSample;
    // The window under way per identity and resource as the database knows it (invalid: none), for
    // the cache's answers when the tracker knows none yet; forgotten when a sample comes or it ends.
    QHash<QString, QDateTime> m_knownWindows;
    QDateTime m_lastPrune;
    bool m_closing = false;
};

} // namespace Hubshelf::RateLimits
