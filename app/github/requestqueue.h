#pragma once

#include "github/error.h"
#include "github/request.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <deque>
#include <functional>
#include <optional>
#include <vector>

namespace Hubshelf::GitHub {

class ApiOrigin;
class RateLimitTracker;

// The order and the pace of one client's requests, without sockets: at most maxConcurrent() in
// flight (GitHub asks for few concurrent requests), requests for a resource whose primary limit
// is spent held until its reset, and the whole API paused for GitHub's secondary limit. The items
// are the client's request objects; the queue only orders them and never touches them.
class RequestQueue final
{
    Q_DISABLE_COPY_MOVE(RequestQueue)

public:
    static constexpr int DefaultMaxConcurrent = 4;
    static constexpr int DefaultSecondaryPauseSeconds = 60;
    // A spent limit whose 403 names no reset: wait as long as a secondary pause.
    static constexpr int UnknownResetWaitSeconds = 60;
    // The longest waits taken: GitHub's primary window is an hour (a reset further ahead is not
    // GitHub's), and its secondary pauses are minutes. A longer ask fails at once with its time.
    static constexpr int MaxPrimaryWaitSeconds = 3600 + 60;
    static constexpr int MaxSecondaryWaitSeconds = 15 * 60;

    // Where a request goes decides which rules apply to it.
    enum class Scope {
        OtherOrigin, // neither held nor paused: avatars, redirects elsewhere
        RateLimit,   // GET /rate_limit: free, so never held; paused with the rest of the API
        Api,         // held while its resource is spent, paused with the API
    };
    static Scope scopeOf(const ApiOrigin &api, const QUrl &url);

    struct Hold
    {
        QString resource;
        QDateTime until;           // UTC
        bool secondary = false;    // the API's secondary pause, not the resource's primary limit
        int retryAfterSeconds = 0; // secondary: the seconds to tell a request that does not wait

        // The error of a request that does not wait out this hold, met at observedAt.
        Error errorFor(const QUrl &url, const QDateTime &observedAt, int status = 0,
                       const QByteArray &body = {}) const;
    };

    // What the queue decided in one turn.
    struct Turn
    {
        std::vector<QPointer<QObject>> send;                     // their slots are taken
        std::vector<std::pair<QPointer<QObject>, Hold>> refused; // held, and told not to wait
        std::vector<Hold> announced;                             // waits that began this turn
        QDateTime wakeAt; // when a held or paused request may go; invalid: nothing waits

        // wakeAt as a QTimer interval from now: at least 1 ms, and at most a day (QTimer takes an
        // int), after which the queue simply looks again.
        int wakeInterval(const QDateTime &now) const;
    };

    // What a 403 or 429 says about GitHub's limits.
    struct LimitHit
    {
        enum class Kind {
            None,      // a plain refusal
            Primary,   // x-ratelimit-remaining: 0; wait for the reset
            Secondary, // a 429, retry-after, or GitHub's "secondary rate limit" message; pause
        };
        Kind kind = Kind::None;
        QString resource;              // Primary: x-ratelimit-resource, empty when not named
        QDateTime reset;               // Primary: x-ratelimit-reset, invalid when not named
        std::optional<int> retryAfter; // Secondary: retry-after in seconds (clamped), when sent
    };
    static LimitHit limitHitOf(const RawHeaders &headers, const QByteArray &body, int status = 403);

    // A limit that keeps coming back is not waited out for ever: a request fails after waiting
    // this often for a primary reset, or for secondary pauses.
    static constexpr int MaxPrimaryWaits = 3;
    static constexpr int MaxSecondaryPauses = 5;

    // What a request does about a LimitHit: it waits, held by the queue until `hold.until`, or it
    // fails, told `hold`.
    struct LimitWait
    {
        bool waits = false;
        Hold hold;
        std::optional<int> newPauseSeconds; // a secondary pause began (not the same burst's)
    };
    // A request for `resource`, sent at `sentAt`, met `hit` (not None): the resource is held until
    // its reset (the hit's resource when it names one), or the API pauses. The request waits if it
    // `wantsToWait`, has waited fewer than MaxPrimaryWaits / MaxSecondaryPauses times for this kind
    // (`waits` counts them), and the end is within MaxPrimaryWaitSeconds / MaxSecondaryWaitSeconds.
    LimitWait meet(const LimitHit &hit, const QString &resource, const QDateTime &sentAt, bool wantsToWait,
                   LimitWaits &waits);

    // `limits` says which resources are spent, and its clock what time it is: holds and resets
    // are compared on one clock. Not owned.
    explicit RequestQueue(const RateLimitTracker &limits);

    void setMaxConcurrent(int count); // clamped to 1..8
    int maxConcurrent() const { return m_maxConcurrent; }
    int inFlight() const { return m_inFlight; }

    // `waits` false: a held or paused request is refused instead of kept; so is one whose wait
    // would be longer than MaxPrimaryWaitSeconds / MaxSecondaryWaitSeconds. `front`: before the others
    // (a retry, or a request that met a limit, keeps its place).
    void enqueue(QObject *item, Scope scope, const QString &resource, bool waits, bool front = false);
    qsizetype size() const { return qsizetype(m_queue.size()); }
    // Takes what may go now; `isLive` false drops an item unsent.
    Turn take(const std::function<bool(const QObject *)> &isLive);
    // A request taken by take() has its answer: its slot is free.
    void release();

    // A 403 with nothing remaining: `resource` waits until a second after `reset` (and at least a
    // second from now, clocks differ); UnknownResetWaitSeconds when the 403 named no reset.
    QDateTime holdUntilReset(const QString &resource, const QDateTime &reset);
    // When requests for `resource` may go again, from the holds and the tracker; invalid: now.
    QDateTime holdOf(const QString &resource) const;

    // GitHub's secondary limit hit a request sent at `sentAt`: the API pauses for `retryAfter`
    // seconds, or 60, or twice the last pause when it repeats. Requests sent before the current
    // pause began are the same burst: they wait with it instead of doubling it once each. The
    // seconds of a new pause, nullopt for the same burst.
    std::optional<int> pause(const QDateTime &sentAt, std::optional<int> retryAfter);
    bool isPaused() const;
    QDateTime pausedUntil() const { return m_pausedUntil; }
    int lastPauseSeconds() const { return m_lastPause; }
    // An answer got through: the next secondary limit starts again from 60 seconds.
    void calm() { m_lastPause = 0; }

    // Another account or API: its holds do not apply (the pause does, it is GitHub's).
    void clearHolds();

private:
    struct Entry
    {
        QPointer<QObject> item;
        Scope scope = Scope::Api;
        QString resource;
        bool waits = true;
    };

    const RateLimitTracker &m_limits;
    std::deque<Entry> m_queue;
    QHash<QString, QDateTime> m_heldUntil;     // per resource, from 403s with nothing remaining
    QHash<QString, QDateTime> m_announcedWait; // the waits already announced
    int m_inFlight = 0;
    int m_maxConcurrent = DefaultMaxConcurrent;
    QDateTime m_pauseStartedAt;
    QDateTime m_pausedUntil;
    int m_lastPause = 0;
};

} // namespace Hubshelf::GitHub
