#include "github/client.h"

#include "github/apiorigin.h"
#include "github/cachepolicy.h"
#include "github/endpoints.h"
#include "github/logging.h"
#include "github/names.h"
#include "github/requestqueue.h"
#include "github/requeststarter.h"
#include "github/responsecache.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Hubshelf::GitHub {

using CachePolicy::cacheKey;

namespace {

constexpr int MaxAttempts = 3;
constexpr int MaxRedirects = 5;
constexpr int MaxSecondaryPauses = 5;
constexpr int MaxPrimaryWaits = 3;
// QTimer takes an int of milliseconds: a far wake-up is a wake-up within a day that looks again.
constexpr char DeadlineProperty[] = "hubshelfTransferDeadline";
constexpr qint64 MaxTimerMilliseconds = 24LL * 3600 * 1000;

int secondsUntil(const QDateTime &from, const QDateTime &to)
{
    return int(std::clamp<qint64>(from.secsTo(to), 0, std::numeric_limits<int>::max()));
}

} // namespace

const QUrl Client::GitHubApi = QUrl(u"https://api.github.com"_s);

struct Client::Private
{
    Client *q;
    QNetworkAccessManager *network;
    ResponseCache responses;
    ApiOrigin api;
    QByteArray token;
    RateLimitTracker rateLimits;
    RequestQueue queue{rateLimits};
    QHash<QByteArray, QUrl> moved; // 301s seen: cache key of the old URL -> new URL
    int transferTimeout = 30 * 1000;
    int transferDeadline = Client::DefaultTransferDeadline;
    int retryBaseDelay = 1000;
    QTimer wakeTimer;
    RequestStarter starter{q, [this](QObject *request) { begin(static_cast<Request *>(request)); }};

    Private(Client *client, QNetworkAccessManager *nam, Cache::EtagCache *etagCache, const QUrl &base)
        : q(client)
        , network(nam)
        , responses(etagCache)
        , api(base)
    {
        wakeTimer.setSingleShot(true);
        QObject::connect(&wakeTimer, &QTimer::timeout, q, [this] { pump(); });
    }

    QDateTime now() const { return rateLimits.now(); }

    // Limits belong to an account and an API: another starts from what GitHub says next.
    void forgetLimits()
    {
        rateLimits.clear();
        queue.clearHolds();
        pump();
    }

    ResponseCache::Query cacheQuery(const Request *request) const
    {
        const QUrl &url = request->m_currentUrl;
        return {url, request->m_identity, request->m_authorization, request->m_options,
                api.contains(url) && !api.isRateLimitEndpoint(url)};
    }

    void begin(Request *request)
    {
        if (request->m_abandoned) {
            return;
        }
        if (!request->m_identityFixed) {
            request->m_identityFixed = true;
            request->m_authorization = CachePolicy::authorizationFor(token);
            request->m_identity = responses.identityFor(token);
        }
        request->m_timer.start();
        request->m_validator.reset();
        if (!Endpoints::isWebUrl(
                request->m_currentUrl)) { // file:, data:, qrc: would open local things, no timeout
            Error error = makeError(request, Error::Kind::BadResponse);
            error.detail = tr("only http and https addresses are requested, not %1:")
                               .arg(request->m_currentUrl.scheme());
            fail(request, error, 0);
            return;
        }
        ResponseCache::Lookup lookup = responses.lookup(cacheQuery(request), now());
        switch (lookup.answer) {
        case ResponseCache::Lookup::Answer::Fresh:
            succeed(request, lookup.fresh, 0);
            return;
        case ResponseCache::Lookup::Answer::OfflineMiss:
            fail(request, makeError(request, Error::Kind::Offline), 0);
            return;
        case ResponseCache::Lookup::Answer::Fetch:
            request->m_validator = std::make_unique<CacheValidator>(std::move(lookup.validator));
            enqueue(request);
            return;
        }
    }

    void enqueue(Request *request, bool front = false)
    {
        const QUrl &url = request->m_currentUrl;
        const RequestQueue::Scope scope = !api.contains(url)             ? RequestQueue::Scope::OtherOrigin
                                          : api.isRateLimitEndpoint(url) ? RequestQueue::Scope::RateLimit
                                                                         : RequestQueue::Scope::Api;
        queue.enqueue(request, scope, api.resourceOf(url), request->m_options.waitForRateLimit, front);
        pump();
    }

    // Sends what the queue lets go, fails what it refuses, and wakes when a wait ends.
    void pump()
    {
        RequestQueue::Turn turn =
            queue.take([](const QObject *item) { return !static_cast<const Request *>(item)->m_abandoned; });
        for (const RequestQueue::Hold &hold : turn.announced) {
            Q_EMIT q->waitingForRateLimit(hold.resource, hold.until);
        }
        for (const QPointer<QObject> &request : turn.send) {
            send(static_cast<Request *>(request.data()));
        }
        if (turn.wakeAt.isValid()) {
            wakeTimer.start(int(std::clamp<qint64>(now().msecsTo(turn.wakeAt), 1, MaxTimerMilliseconds)));
        }
        // After sending: a slot reacting to failed() may start requests of its own.
        for (const auto &[request, hold] : turn.refused) {
            if (request) {
                Error error =
                    makeError(static_cast<Request *>(request.data()),
                              hold.secondary ? Error::Kind::SecondaryRateLimited : Error::Kind::RateLimited);
                error.resource = hold.resource;
                error.resetAt = hold.until;
                error.retryAfterSeconds = hold.secondary ? secondsUntil(now(), hold.until) : 0;
                fail(static_cast<Request *>(request.data()), error, 0);
            }
        }
    }

    void send(Request *request)
    {
        // The token goes to the API's own origin only: never to avatars or a redirect elsewhere,
        // and never in clear text over the network.
        const QUrl &url = request->m_currentUrl;
        const QByteArray authorization =
            api.contains(url) && Client::carriesTokenSafely(url) ? request->m_authorization : QByteArray();
        const QNetworkRequest networkRequest = request->networkRequest(authorization, transferTimeout);
        ++request->m_attempts;
        request->m_timer.start();
        request->m_sentAt = now();
        QNetworkReply *reply = network->get(networkRequest);
        request->m_reply = reply;
        // The inactivity timeout never fires for a body that trickles in: a deadline for the whole.
        QTimer::singleShot(transferDeadline, reply, [reply] {
            if (reply->isRunning()) {
                reply->setProperty(DeadlineProperty, true);
                reply->abort();
            }
        });
        QObject::connect(reply, &QNetworkReply::finished, q,
                         [this, guarded = QPointer<Request>(request), reply] {
                             queue.release();
                             reply->deleteLater();
                             if (guarded && !guarded->m_abandoned) {
                                 handleReply(guarded.data(), reply);
                             }
                             pump();
                         });
    }

    static Error makeError(const Request *request, Error::Kind kind, int status = 0,
                           const QByteArray &body = {})
    {
        return Error::of(kind, request->m_currentUrl, status, body);
    }

    void retryLater(Request *request)
    {
        const int base = retryBaseDelay * (1 << (request->m_attempts - 1));
        const int delay = base / 2 + int(QRandomGenerator::global()->bounded(base + 1));
        QTimer::singleShot(delay, q, [this, guarded = QPointer<Request>(request)] {
            if (guarded && !guarded->m_abandoned) {
                enqueue(guarded.data(), true);
            }
        });
    }

    void handleReply(Request *request, QNetworkReply *reply)
    {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const RawHeaders headers = reply->rawHeaderPairs();
        if (status > 0 && api.contains(request->m_currentUrl)) {
            rateLimits.updateFromHeaders(headers);
        }
        const QNetworkReply::NetworkError networkError = reply->error();
        if (reply->property(DeadlineProperty).toBool()) {
            if (request->m_attempts < MaxAttempts) {
                log(request, status, CacheOutcome::Uncached, Error::kindName(Error::Kind::Network));
                retryLater(request);
                return;
            }
            Error error = makeError(request, Error::Kind::Network, status);
            error.detail = tr("the transfer took longer than %n second(s)", nullptr,
                              std::max(1, transferDeadline / 1000));
            fail(request, error, status);
            return;
        }
        if (status > 0 && headers.isEmpty() && networkError != QNetworkReply::NoError) {
            // A status line and no headers: Qt 6.4's parser refused them (too many, too big) and
            // stalled until the timeout. The same server says the same again: no retry.
            Error error = makeError(request, Error::Kind::Network, status);
            error.detail = tr("the server's answer had malformed or oversized headers");
            fail(request, error, status);
            return;
        }
        if (status == 0 || isTransportError(networkError)) {
            // No answer, or one cut short: never a body for the cache.
            if (isRetryableTransportError(networkError) && request->m_attempts < MaxAttempts) {
                log(request, status, CacheOutcome::Uncached, Error::kindName(Error::Kind::Network));
                retryLater(request);
                return;
            }
            Error error = makeError(request, Error::Kind::Network, status);
            error.detail = reply->errorString();
            fail(request, error, status);
            return;
        }

        const QByteArray body = reply->readAll();
        if ((status >= 200 && status < 300) || status == 304) {
            queue.calm();
            status == 304 ? handleNotModified(request, headers)
                          : handleSuccess(request, status, headers, body);
        } else if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            handleRedirect(request, status, headers);
        } else if (status == 403 || status == 429) {
            handleForbidden(request, status, headers, body);
        } else if ((status == 500 || status == 502 || status == 503 || status == 504) &&
                   request->m_attempts < MaxAttempts) {
            log(request, status, CacheOutcome::Uncached, Error::kindName(Error::Kind::Server));
            retryLater(request);
        } else {
            fail(request, Error::fromHttpStatus(status, request->m_currentUrl, body), status);
        }
    }

    void handleSuccess(Request *request, int status, const RawHeaders &headers, const QByteArray &body)
    {
        // Every API answer is JSON. Qt 6.4 reports a gzip body cut short as success with part of
        // the body, so parsing is what tells a whole answer from a broken one.
        QJsonDocument json;
        if (api.contains(request->m_currentUrl)) {
            const std::optional<QJsonDocument> parsed = parseJsonBody(body);
            if (!parsed) {
                fail(request, makeError(request, Error::Kind::BadResponse, status), status);
                return;
            }
            json = *parsed;
        }
        const CacheOutcome outcome = responses.store(cacheQuery(request), status, headers, body, now());
        succeed(request, Response{request->m_currentUrl, headers, body, outcome, json}, status);
    }

    void handleNotModified(Request *request, const RawHeaders &headers)
    {
        const std::optional<Response> revalidated =
            responses.revalidate(cacheQuery(request), *request->m_validator, headers, now());
        if (!revalidated) { // a 304 to an unconditional GET
            fail(request, makeError(request, Error::Kind::BadResponse, 304), 304);
            return;
        }
        succeed(request, *revalidated, 304);
    }

    void handleRedirect(Request *request, int status, const RawHeaders &headers)
    {
        const QUrl target =
            request->m_currentUrl.resolved(QUrl::fromEncoded(findHeader(headers, "location")));
        if (!target.isValid() || ++request->m_redirects > MaxRedirects) {
            Error error = makeError(request, Error::Kind::Network, status);
            error.detail = tr("too many redirects, or a redirect without a valid Location");
            fail(request, error, status);
            return;
        }
        if (!Endpoints::isWebUrl(target)) {
            Error error = makeError(request, Error::Kind::BadResponse, status);
            error.detail = tr("it redirects to a %1: address, and only http and https are followed")
                               .arg(target.scheme());
            fail(request, error, status);
            return;
        }
        log(request, status, CacheOutcome::Uncached, "");
        if (status == 301 && api.contains(request->m_currentUrl) && api.contains(target)) {
            moved.insert(cacheKey(request->m_currentUrl), target);
        }
        request->m_currentUrl = target; // a cross-origin target is fetched without the token
        request->m_attempts = 0;
        begin(request);
    }

    void handleForbidden(Request *request, int status, const RawHeaders &headers, const QByteArray &body)
    {
        const RequestQueue::LimitHit hit = RequestQueue::limitHitOf(headers, body, status);
        if (hit.kind == RequestQueue::LimitHit::Kind::Primary) {
            const QString resource =
                hit.resource.isEmpty() ? api.resourceOf(request->m_currentUrl) : hit.resource;
            const QDateTime until = queue.holdUntilReset(resource, hit.reset);
            if (!request->m_options.waitForRateLimit || ++request->m_primaryWaits > MaxPrimaryWaits ||
                until > now().addSecs(RequestQueue::MaxPrimaryWaitSeconds)) {
                Error error = makeError(request, Error::Kind::RateLimited, status, body);
                error.resource = resource;
                error.resetAt = until;
                fail(request, error, status);
                return;
            }
            log(request, status, CacheOutcome::Uncached, Error::kindName(Error::Kind::RateLimited));
        } else if (hit.kind == RequestQueue::LimitHit::Kind::Secondary) {
            // The pause is GitHub's word for the whole API, whether or not this request waits it out.
            const std::optional<int> seconds = queue.pause(request->m_sentAt, hit.retryAfter);
            const QDateTime until = queue.pausedUntil();
            if (!request->m_options.waitForRateLimit || ++request->m_secondaryPauses > MaxSecondaryPauses ||
                until > now().addSecs(RequestQueue::MaxSecondaryWaitSeconds)) {
                Error error = makeError(request, Error::Kind::SecondaryRateLimited, status, body);
                error.resetAt = until;
                error.retryAfterSeconds = std::max(secondsUntil(now(), until), queue.lastPauseSeconds());
                fail(request, error, status);
                return;
            }
            log(request, status, CacheOutcome::Uncached, Error::kindName(Error::Kind::SecondaryRateLimited));
            if (seconds) {
                Q_EMIT q->pausedForSecondaryLimit(*seconds);
            }
        } else {
            fail(request, Error::fromHttpStatus(status, request->m_currentUrl, body), status);
            return;
        }
        request->m_attempts = 0;
        enqueue(request, true); // the queue holds it until the reset or the pause's end
    }

    void log(const Request *request, int status, CacheOutcome outcome, const char *error)
    {
        const RequestLogEntry entry = request->logEntry(
            status, outcome, rateLimits.limit(api.resourceOf(request->m_currentUrl)), error);
        qCInfo(lcGitHub).noquote() << entry.line();
        Q_EMIT q->requestLogged(entry);
    }

    void succeed(Request *request, const Response &response, int status)
    {
        log(request, status, response.cacheOutcome, "");
        request->finishWith(response);
    }

    void fail(Request *request, const Error &error, int status)
    {
        log(request, status, CacheOutcome::Uncached, Error::kindName(error.kind));
        request->finishWith(error);
    }
};

Client::Client(QNetworkAccessManager *network, Cache::EtagCache *cache, const QUrl &apiBase, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, network, cache, apiBase))
{}

Client::~Client()
{
    // Whoever waits on a request (a page stream, a window) hears that it ended.
    const QList<Request *> requests = findChildren<Request *>(Qt::FindDirectChildrenOnly);
    for (Request *request : requests) {
        request->cancelWith(Private::makeError(request, Error::Kind::Cancelled), this);
    }
}

QUrl Client::apiBase() const
{
    return d->api.base();
}

bool Client::carriesTokenSafely(const QUrl &apiBase)
{
    return ApiOrigin::carriesTokenSafely(apiBase);
}

void Client::setApiBase(const QUrl &apiBase)
{
    const ApiOrigin api(apiBase);
    if (api.base() == d->api.base()) {
        return;
    }
    d->api = api;
    d->token.clear();
    d->forgetLimits();
}

void Client::setToken(const QByteArray &rawToken)
{
    // The last fence: a CR/LF or any byte outside GitHub's alphabet would become a header of its own.
    const QByteArray token = isWellFormedToken(QString::fromUtf8(rawToken)) ? rawToken : QByteArray();
    if (token == d->token) {
        return;
    }
    d->token = token;
    d->forgetLimits();
}

bool Client::hasToken() const
{
    return !d->token.isEmpty();
}

QUrl Client::endpoint(const QString &encodedPath, const QUrlQuery &query) const
{
    return d->api.endpoint(encodedPath, query);
}

Request *Client::get(const QUrl &url, const RequestOptions &options)
{
    auto *request = new Request(url, d->moved.value(cacheKey(url), url), options, this);
    d->starter.add(request);
    return request;
}

Request *Client::fetchRateLimits()
{
    Request *request = get(endpoint(Endpoints::rateLimit()));
    connect(request, &Request::succeeded, this, [this](const Response &response) {
        d->rateLimits.updateFromRateLimitBody(QJsonDocument::fromJson(response.body).object());
    });
    return request;
}

void Client::setMaxConcurrent(int count)
{
    d->queue.setMaxConcurrent(count);
    d->pump();
}

int Client::maxConcurrent() const
{
    return d->queue.maxConcurrent();
}

void Client::setTransferTimeout(int milliseconds)
{
    d->transferTimeout = milliseconds;
}

void Client::setTransferDeadline(int milliseconds)
{
    d->transferDeadline = std::max(1, milliseconds);
}

void Client::setRetryBaseDelay(int milliseconds)
{
    d->retryBaseDelay = std::max(1, milliseconds);
}

void Client::setClock(Core::Clock clock)
{
    d->rateLimits.setClock(std::move(clock));
    d->pump();
}

void Client::wake()
{
    d->pump();
}

RateLimitTracker *Client::rateLimits() const
{
    return &d->rateLimits;
}

Cache::EtagCache *Client::cache() const
{
    return d->responses.etagCache();
}

} // namespace Hubshelf::GitHub
