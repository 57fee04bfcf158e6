#pragma once

#include "github/error.h"
#include "github/ratelimittracker.h"
#include "github/request.h"
#include "github/requestqueue.h"

#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

class QNetworkAccessManager;

namespace Hubshelf::Cache {
class EtagCache;
}

namespace Hubshelf::GitHub {

// The one way Hubshelf GETs from a GitHub API: one per account (API base URL + token). It adds
// GitHub's headers, sends the token to the API's own origin only, follows redirects itself, keeps
// at most maxConcurrent() requests in flight, answers from the ETag cache, tracks rate limits,
// waits out spent limits and retries what is worth retrying.
class Client final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Client)

public:
    static constexpr int DefaultMaxConcurrent = RequestQueue::DefaultMaxConcurrent;
    static const QUrl GitHubApi;

    // `cache` may be null (no caching). Neither is owned.
    Client(QNetworkAccessManager *network, Cache::EtagCache *cache, const QUrl &apiBase,
           QObject *parent = nullptr);
    ~Client() override;

    QUrl apiBase() const;
    // Another API (signing in to GitHub Enterprise): drops the token, which belonged to the old
    // host, and the limits learnt there. Requests already made keep the origin they were made for.
    void setApiBase(const QUrl &apiBase);
    // A token outside GitHub's alphabet (isWellFormedToken) is dropped: requests go anonymous.
    void setToken(const QByteArray &token);
    bool hasToken() const;
    // Whose requests these are, as the cache keys them: a keyed hash of the token, or "anon".
    QByteArray identity() const;

    // The API URL of an already percent-encoded path (see names.h), e.g. "/users/octocat".
    QUrl endpoint(const QString &encodedPath, const QUrlQuery &query = {}) const;

    Request *get(const QUrl &url, const RequestOptions &options = {});
    // A write: PUT or DELETE, which are idempotent, so it is retried as a GET would be. Never
    // cached, and never answered offline. Once it succeeds, every saved page of the lists at
    // `staleLists` (API paths; any query, any identity) is dropped: GitHub's answer has changed.
    Request *write(const QByteArray &method, const QUrl &url, const QStringList &staleLists = {},
                   const RequestOptions &options = {});
    // Offline: every request is answered by the cache alone, whatever its options say (the window,
    // while GitHub cannot be reached). Saved answers of any age serve; nothing saved fails at once.
    void setOffline(bool offline);
    bool isOffline() const;
    QNetworkAccessManager *network() const;
    // GET /rate_limit (free, never cached); the tracker is updated from its body.
    Request *fetchRateLimits();

    void setMaxConcurrent(int count); // clamped to 1..8
    int maxConcurrent() const;
    // Inactivity: no byte for this long ends a request (QNetworkRequest's transfer timeout).
    void setTransferTimeout(int milliseconds);
    // The whole transfer: a request still receiving after this long is ended, however steadily the
    // bytes trickle in, and retried as a stall is. Default DefaultTransferDeadline.
    static constexpr int DefaultTransferDeadline = 120 * 1000;
    void setTransferDeadline(int milliseconds);
    // First retry delay; each further one doubles, with jitter. Tests make it small.
    void setRetryBaseDelay(int milliseconds);

    // What time it is for freshness, rate-limit resets and pauses (its rateLimits() tracker
    // keeps it); the system clock unless a test sets one. The cache has a clock of its own.
    void setClock(Core::Clock clock);
    // Sends what a rate-limit hold or a secondary pause kept back, if its time has come by the
    // clock. The client's own timer does this; whoever moves the clock (a test) calls it too.
    void wake();

    RateLimitTracker *rateLimits() const;
    Cache::EtagCache *cache() const;
    // Bodies being parsed, compressed or unsealed off the GUI thread, or waiting to be taken back:
    // what a request abandoned meanwhile may still store.
    int backgroundJobs() const;

Q_SIGNALS:
    void requestLogged(const Hubshelf::GitHub::RequestLogEntry &entry);
    // Requests for `resource` wait until `reset` (UTC).
    void waitingForRateLimit(const QString &resource, const QDateTime &reset);
    // GitHub's secondary limit: every request waits this long.
    void pausedForSecondaryLimit(int seconds);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Hubshelf::GitHub
