#include "ratelimits/ledger.h"

#include "cache/etagcache.h"
#include "github/client.h"
#include "github/ratelimittracker.h"
#include "github/request.h"
#include "ratelimits/logging.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Hubshelf::RateLimits {

namespace {

constexpr auto SqlAddSample =
    "INSERT INTO rate_limit_samples (identity, resource, at, lim, remaining, used, reset, session)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_L1;
// Portable upsert: SQLite (3.24+) and PostgreSQL (9.5+) read it alike.
constexpr auto SqlAddSpend =
    "INSERT INTO rate_limit_spend (identity, resource, window_reset, endpoint, origin, requests, points,"
    " saved, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (identity, resource, window_reset, endpoint, origin) DO UPDATE SET"
    " requests = rate_limit_spend.requests + excluded.requests,"
    " points = rate_limit_spend.points + excluded.points,"
    " saved = rate_limit_spend.saved + excluded.saved,"
    " last_at = excluded.last_at"_L1;
constexpr auto SqlPruneSamples = "DELETE FROM rate_limit_samples WHERE at < ?"_L1;
constexpr auto SqlPruneSpend = "DELETE FROM rate_limit_spend WHERE last_at < ?"_L1;
constexpr auto SqlSamplesSince =
    "SELECT resource, at, lim, remaining, used, reset, session FROM rate_limit_samples"
    " WHERE identity = ? AND at >= ? ORDER BY at"_L1;
constexpr auto SqlLatestReset =
    "SELECT max(reset) FROM rate_limit_samples WHERE identity = ? AND resource = ? AND reset > ?"_L1;
constexpr auto SqlWindowCounts = "SELECT max(lim), max(used), min(remaining) FROM rate_limit_samples"
                                 " WHERE identity = ? AND resource = ? AND reset = ?"_L1;
constexpr auto SqlWindowSpend = "SELECT endpoint, origin, requests, points, saved FROM rate_limit_spend"
                                " WHERE identity = ? AND resource = ? AND window_reset = ?"_L1;
constexpr auto SqlResourcesUnderWay =
    "SELECT DISTINCT resource FROM rate_limit_samples WHERE identity = ? AND reset > ?"_L1;

// How often the ledger drops what is older than KeepDays.
constexpr qint64 PruneIntervalMs = 60LL * 60 * 1000;

QSqlError runPrepared(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    int position = 0;
    for (const QVariant &value : values) {
        query.bindValue(position++, value);
    }
    return query.exec() ? QSqlError() : query.lastError();
}

QSqlError run(QSqlQuery &query, QLatin1StringView sql, std::initializer_list<QVariant> values)
{
    if (!query.prepare(QString(sql))) {
        return query.lastError();
    }
    return runPrepared(query, values);
}

QString keyOf(std::initializer_list<QString> parts)
{
    QString key;
    for (const QString &part : parts) {
        key += part;
        key += QChar(u'\x1f');
    }
    return key;
}

qint64 secondsOf(const QDateTime &time)
{
    return time.isValid() ? time.toSecsSinceEpoch() : 0;
}

} // namespace

qint64 Window::total(qint64 Spend::*count) const
{
    qint64 sum = 0;
    for (const Spend &row : spend) {
        sum += row.*count;
    }
    return sum;
}

Ledger::Ledger(Cache::EtagCache *cache, const QString &processName, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_processName(processName)
    , m_session(u"%1:%2:%3"_s.arg(processName, QString::number(QCoreApplication::applicationPid()),
                                  QString::number(QDateTime::currentMSecsSinceEpoch())))
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flush(); });
}

Ledger::~Ledger()
{
    m_closing = true; // whoever listens may be half gone already
    flush();
}

void Ledger::setClock(Core::Clock clock)
{
    m_clock = Core::orSystem(std::move(clock));
}

void Ledger::track(GitHub::Client *client)
{
    connect(client, &GitHub::Client::requestLogged, this,
            [this, client = QPointer<GitHub::Client>(client)](const GitHub::RequestLogEntry &entry) {
                if (client) {
                    record(entry, client->rateLimits()->limit(entry.resource));
                }
            });
}

void Ledger::record(const GitHub::RequestLogEntry &entry, const GitHub::RateLimit &limit)
{
    if (!m_cache || entry.resource.isEmpty()) {
        return;
    }
    const QDateTime now = m_clock();
    const bool current = limit.isCurrent(now);
    const QString series = keyOf({QString::fromLatin1(entry.identity), entry.resource});
    if (entry.status != 0 && current && limit.remaining >= 0) {
        const Sample sample{entry.resource, now,         limit.limit, limit.remaining,
                            limit.used,     limit.reset, m_session};
        const Sample last = m_lastSample.value(series);
        if (last.remaining != sample.remaining || last.limit != sample.limit || last.reset != sample.reset ||
            last.used != sample.used) {
            m_lastSample.insert(series, sample);
            m_knownWindows.remove(series);
            const QString slot = QString::number(now.toSecsSinceEpoch() / SampleSpacingSeconds);
            m_samples.insert(keyOf({series, QString::number(secondsOf(limit.reset)), slot}),
                             {entry.identity, sample});
        }
    }
    if (entry.charge != GitHub::PointCharge::None) {
        QDateTime reset = current ? limit.reset : QDateTime();
        if (!reset.isValid()) {
            auto known = m_knownWindows.constFind(series);
            if (known == m_knownWindows.cend() || (known->isValid() && *known <= now)) {
                known = m_knownWindows.insert(
                    series, windowFromDatabase(entry.identity, entry.resource).value_or(QDateTime()));
            }
            reset = *known;
        }
        const QString origin =
            entry.origin.isEmpty() ? m_processName : m_processName + u" · "_s + entry.origin;
        const QString key = keyOf({series, QString::number(secondsOf(reset)), entry.endpoint, origin});
        auto it = m_spend.find(key);
        if (it == m_spend.end()) {
            it = m_spend.insert(
                key, {entry.identity, entry.resource, reset, {entry.endpoint, origin, 0, 0, 0}, now, now});
        }
        it->spend.requests += 1;
        it->spend.points += entry.charge == GitHub::PointCharge::Spent ? 1 : 0;
        it->spend.saved += entry.charge == GitHub::PointCharge::Saved ? 1 : 0;
        it->lastAt = now;
    }
    schedule();
}

void Ledger::schedule()
{
    if (m_samples.size() + m_spend.size() >= MaxPending) {
        if (!flush()) { // the database refuses: what is gathered cannot grow without bound
            m_samples.clear();
            m_spend.clear();
        }
        return;
    }
    if ((!m_samples.isEmpty() || !m_spend.isEmpty()) && !m_flushTimer.isActive()) {
        m_flushTimer.start();
    }
}

bool Ledger::flush()
{
    m_flushTimer.stop();
    if (!m_cache || (m_samples.isEmpty() && m_spend.isEmpty())) {
        return true;
    }
    const bool stored = m_cache->writeTransaction([this](QSqlDatabase &db) {
        // Each statement prepared once for the whole batch: a PostgreSQL server would otherwise see
        // a PREPARE and a DEALLOCATE for every row.
        QSqlQuery addSample(db);
        if (!m_samples.isEmpty() && !addSample.prepare(QString(SqlAddSample))) {
            return addSample.lastError();
        }
        for (const PendingSample &pending : std::as_const(m_samples)) {
            const Sample &sample = pending.sample;
            if (const QSqlError error =
                    runPrepared(addSample, {pending.identity, sample.resource, sample.at.toMSecsSinceEpoch(),
                                            sample.limit, sample.remaining, sample.used,
                                            secondsOf(sample.reset), sample.session});
                error.isValid()) {
                return error;
            }
        }
        QSqlQuery addSpend(db);
        if (!m_spend.isEmpty() && !addSpend.prepare(QString(SqlAddSpend))) {
            return addSpend.lastError();
        }
        for (const PendingSpend &pending : std::as_const(m_spend)) {
            const Spend &spend = pending.spend;
            if (const QSqlError error = runPrepared(
                    addSpend, {pending.identity, pending.resource, secondsOf(pending.reset), spend.endpoint,
                               spend.origin, spend.requests, spend.points, spend.saved,
                               pending.firstAt.toMSecsSinceEpoch(), pending.lastAt.toMSecsSinceEpoch()});
                error.isValid()) {
                return error;
            }
        }
        return QSqlError();
    });
    if (!stored) {
        qCWarning(lcRateLimits).noquote() << "Cannot record the rate-limit ledger:" << m_cache->errorString();
        return false;
    }
    m_samples.clear();
    m_spend.clear();
    prune();
    if (!m_closing) {
        Q_EMIT written();
    }
    return true;
}

void Ledger::prune()
{
    const QDateTime now = m_clock();
    if (m_lastPrune.isValid() && m_lastPrune.msecsTo(now) < PruneIntervalMs) {
        return;
    }
    m_lastPrune = now;
    const qint64 before = now.addDays(-KeepDays).toMSecsSinceEpoch();
    m_cache->writeTransaction([before](QSqlDatabase &db) {
        QSqlQuery query(db);
        if (const QSqlError error = run(query, SqlPruneSamples, {before}); error.isValid()) {
            return error;
        }
        return run(query, SqlPruneSpend, {before});
    });
}

std::optional<QDateTime> Ledger::windowFromDatabase(const QByteArray &identity, const QString &resource)
{
    std::optional<QDateTime> reset;
    const qint64 now = secondsOf(m_clock());
    m_cache->read([&](QSqlDatabase &db) {
        QSqlQuery query(db);
        if (const QSqlError error = run(query, SqlLatestReset, {identity, resource, now}); error.isValid()) {
            return error;
        }
        if (query.next() && !query.value(0).isNull()) {
            reset = QDateTime::fromSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
        }
        return QSqlError();
    });
    return reset;
}

QList<Sample> Ledger::samples(const QByteArray &identity, const QDateTime &since)
{
    flush();
    QList<Sample> all;
    if (!m_cache) {
        return all;
    }
    m_cache->read([&](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (const QSqlError error = run(query, SqlSamplesSince, {identity, since.toMSecsSinceEpoch()});
            error.isValid()) {
            return error;
        }
        while (query.next()) {
            all.append({query.value(0).toString(),
                        QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC),
                        query.value(2).toInt(), query.value(3).toInt(), query.value(4).toInt(),
                        QDateTime::fromSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC),
                        query.value(6).toString()});
        }
        return QSqlError();
    });
    return all;
}

Window Ledger::currentWindow(const QByteArray &identity, const QString &resource)
{
    flush();
    Window window;
    window.resource = resource;
    if (!m_cache) {
        return window;
    }
    const std::optional<QDateTime> reset = windowFromDatabase(identity, resource);
    if (!reset) {
        return window;
    }
    window.reset = *reset;
    m_cache->read([&](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        const qint64 resetSeconds = secondsOf(*reset);
        if (const QSqlError error = run(query, SqlWindowCounts, {identity, resource, resetSeconds});
            error.isValid()) {
            return error;
        }
        if (query.next()) {
            window.limit = query.value(0).toInt();
            window.used = query.value(1).toInt();
            window.remaining = query.value(2).toInt();
        }
        if (const QSqlError error = run(query, SqlWindowSpend, {identity, resource, resetSeconds});
            error.isValid()) {
            return error;
        }
        while (query.next()) {
            window.spend.append({query.value(0).toString(), query.value(1).toString(),
                                 query.value(2).toLongLong(), query.value(3).toLongLong(),
                                 query.value(4).toLongLong()});
        }
        return QSqlError();
    });
    std::stable_sort(window.spend.begin(), window.spend.end(), [](const Spend &a, const Spend &b) {
        if (a.points != b.points) {
            return a.points > b.points;
        }
        if (a.requests != b.requests) {
            return a.requests > b.requests;
        }
        return std::tie(a.endpoint, a.origin) < std::tie(b.endpoint, b.origin);
    });
    return window;
}

QStringList Ledger::resourcesUnderWay(const QByteArray &identity)
{
    flush();
    QStringList resources;
    if (!m_cache) {
        return resources;
    }
    m_cache->read([&](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (const QSqlError error = run(query, SqlResourcesUnderWay, {identity, secondsOf(m_clock())});
            error.isValid()) {
            return error;
        }
        while (query.next()) {
            resources.append(query.value(0).toString());
        }
        return QSqlError();
    });
    std::sort(resources.begin(), resources.end(), GitHub::resourceListedBefore);
    return resources;
}

} // namespace Hubshelf::RateLimits
