#include "github/requestqueue.h"

#include "github/apiorigin.h"
#include "github/error.h"
#include "github/ratelimittracker.h"

#include <algorithm>
#include <limits>

namespace Hubshelf::GitHub {

namespace {

int secondsUntil(const QDateTime &from, const QDateTime &to)
{
    return int(std::clamp<qint64>(from.secsTo(to), 0, std::numeric_limits<int>::max()));
}

} // namespace

RequestQueue::LimitHit RequestQueue::limitHitOf(const RawHeaders &headers, const QByteArray &body, int status)
{
    LimitHit hit;
    const QByteArray retryAfter = findHeader(headers, "retry-after");
    const bool spent = findHeader(headers, "x-ratelimit-remaining") == "0";
    if (!retryAfter.isEmpty() || (status == 429 && !spent) ||
        Error::githubMessageIn(body).contains(QStringLiteral("secondary rate limit"), Qt::CaseInsensitive)) {
        hit.kind = LimitHit::Kind::Secondary;
        bool ok = false;
        const qint64 seconds = retryAfter.trimmed().toLongLong(&ok);
        if (ok) { // 64 bits, then clamped: "99999999999" is a very long wait, not a short one
            hit.retryAfter = int(std::clamp<qint64>(seconds, 0, std::numeric_limits<int>::max()));
        }
    } else if (spent) {
        hit.kind = LimitHit::Kind::Primary;
        hit.resource = QString::fromLatin1(findHeader(headers, "x-ratelimit-resource"));
        const QByteArray reset = findHeader(headers, "x-ratelimit-reset");
        if (!reset.isEmpty()) {
            hit.reset = QDateTime::fromSecsSinceEpoch(reset.toLongLong(), Qt::UTC);
        }
    }
    return hit;
}

RequestQueue::Scope RequestQueue::scopeOf(const ApiOrigin &api, const QUrl &url)
{
    return !api.contains(url)             ? Scope::OtherOrigin
           : api.isRateLimitEndpoint(url) ? Scope::RateLimit
                                          : Scope::Api;
}

Error RequestQueue::Hold::errorFor(const QUrl &url, const QDateTime &observedAt, int status,
                                   const QByteArray &body) const
{
    Error error = Error::of(secondary ? Error::Kind::SecondaryRateLimited : Error::Kind::RateLimited, url,
                            status, body);
    error.resource = resource;
    error.resetAt = until;
    error.retryAfterSeconds = retryAfterSeconds;
    error.observedAt = observedAt;
    return error;
}

int RequestQueue::Turn::wakeInterval(const QDateTime &now) const
{
    constexpr qint64 Day = 24LL * 3600 * 1000;
    return int(std::clamp<qint64>(now.msecsTo(wakeAt), 1, Day));
}

RequestQueue::RequestQueue(const RateLimitTracker &limits)
    : m_limits(limits)
{}

void RequestQueue::setMaxConcurrent(int count)
{
    m_maxConcurrent = std::clamp(count, 1, 8);
}

void RequestQueue::enqueue(QObject *item, Scope scope, const QString &resource, bool waits, bool front)
{
    Entry entry{item, scope, resource, waits};
    if (front) {
        m_queue.push_front(std::move(entry));
    } else {
        m_queue.push_back(std::move(entry));
    }
}

RequestQueue::Turn RequestQueue::take(const std::function<bool(const QObject *)> &isLive)
{
    const QDateTime now = m_limits.now();
    const bool paused = m_pausedUntil.isValid() && m_pausedUntil > now;
    Turn turn;
    const auto wakeNoLaterThan = [&turn](const QDateTime &time) {
        if (!turn.wakeAt.isValid() || time < turn.wakeAt) {
            turn.wakeAt = time;
        }
    };
    // Requests of a held resource, or of a paused API, keep their place; the rest — /rate_limit,
    // other origins, other resources — pass them.
    for (auto it = m_queue.begin(); it != m_queue.end() && m_inFlight < m_maxConcurrent;) {
        if (!it->item || !isLive(it->item.data())) {
            it = m_queue.erase(it);
            continue;
        }
        if (it->scope != Scope::OtherOrigin && paused) {
            if (!it->waits || m_pausedUntil > now.addSecs(MaxSecondaryWaitSeconds)) {
                turn.refused.emplace_back(
                    it->item, Hold{it->resource, m_pausedUntil, true, secondsUntil(now, m_pausedUntil)});
                it = m_queue.erase(it);
                continue;
            }
            wakeNoLaterThan(m_pausedUntil);
            ++it;
            continue;
        }
        if (it->scope == Scope::Api) {
            const QDateTime until = holdOf(it->resource);
            if (until.isValid()) {
                if (!it->waits || until > now.addSecs(MaxPrimaryWaitSeconds)) {
                    turn.refused.emplace_back(it->item, Hold{it->resource, until});
                    it = m_queue.erase(it);
                    continue;
                }
                if (m_announcedWait.value(it->resource) != until) {
                    m_announcedWait.insert(it->resource, until);
                    turn.announced.push_back(Hold{it->resource, until});
                }
                wakeNoLaterThan(until);
                ++it;
                continue;
            }
        }
        turn.send.push_back(it->item);
        ++m_inFlight;
        it = m_queue.erase(it);
    }
    return turn;
}

void RequestQueue::release()
{
    m_inFlight = std::max(0, m_inFlight - 1);
}

QDateTime RequestQueue::holdUntilReset(const QString &resource, const QDateTime &reset)
{
    const QDateTime now = m_limits.now();
    const QDateTime until =
        reset.isValid() ? std::max(reset.addSecs(1), now.addSecs(1)) : now.addSecs(UnknownResetWaitSeconds);
    m_heldUntil.insert(resource, std::max(m_heldUntil.value(resource), until));
    return until;
}

QDateTime RequestQueue::holdOf(const QString &resource) const
{
    const QDateTime now = m_limits.now();
    QDateTime until = m_heldUntil.value(resource);
    const RateLimit limit = m_limits.limit(resource);
    if (limit.isSpent(now)) {
        // GitHub's reset is in whole seconds; a moment after it the window is new.
        until = std::max(until, limit.reset.addSecs(1));
    }
    return until.isValid() && until > now ? until : QDateTime();
}

std::optional<int> RequestQueue::pause(const QDateTime &sentAt, std::optional<int> retryAfter)
{
    if (m_pauseStartedAt.isValid() && sentAt < m_pauseStartedAt) {
        return std::nullopt;
    }
    const QDateTime now = m_limits.now();
    const int seconds = retryAfter ? std::max(0, *retryAfter)
                        : m_lastPause > 0
                            ? int(std::min<qint64>(qint64(m_lastPause) * 2, std::numeric_limits<int>::max()))
                            : DefaultSecondaryPauseSeconds;
    m_lastPause = std::max(seconds, 1);
    m_pauseStartedAt = now;
    m_pausedUntil = std::max(m_pausedUntil.isValid() ? m_pausedUntil : now, now.addSecs(seconds));
    return seconds;
}

RequestQueue::LimitWait RequestQueue::meet(const LimitHit &hit, const QString &resource,
                                           const QDateTime &sentAt, bool wantsToWait, LimitWaits &waits)
{
    const QDateTime now = m_limits.now();
    LimitWait wait;
    if (hit.kind == LimitHit::Kind::Secondary) {
        // The pause is GitHub's word for the whole API, whether or not this request waits it out.
        wait.newPauseSeconds = pause(sentAt, hit.retryAfter);
        const bool mayWait = wantsToWait && ++waits.secondary <= MaxSecondaryPauses;
        wait.hold =
            Hold{resource, m_pausedUntil, true, std::max(secondsUntil(now, m_pausedUntil), m_lastPause)};
        wait.waits = mayWait && m_pausedUntil <= now.addSecs(MaxSecondaryWaitSeconds);
        return wait;
    }
    const bool mayWait = wantsToWait && ++waits.primary <= MaxPrimaryWaits;
    const QString held = hit.resource.isEmpty() ? resource : hit.resource;
    wait.hold = Hold{held, holdUntilReset(held, hit.reset), false};
    wait.waits = mayWait && wait.hold.until <= now.addSecs(MaxPrimaryWaitSeconds);
    return wait;
}

bool RequestQueue::isPaused() const
{
    return m_pausedUntil.isValid() && m_pausedUntil > m_limits.now();
}

void RequestQueue::clearHolds()
{
    m_heldUntil.clear();
    m_announcedWait.clear();
}

} // namespace Hubshelf::GitHub
