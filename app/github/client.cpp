#include "github/client.h"

#include "github/apiorigin.h"
#include "github/cachepolicy.h"
#include "github/endpoints.h"
#include "github/endpointtemplate.h"
#include "github/logging.h"
#include "github/names.h"
#include "github/replyverdict.h"
#include "github/requestqueue.h"
#include "github/requeststarter.h"
#include "github/responsecache.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <deque>
#include <functional>
#include <utility>

using namespace Qt::StringLiterals;

namespace Hubshelf::GitHub {

using CachePolicy::cacheKey;

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
    bool offline = false;
    QTimer wakeTimer;
    // What offThread() prepared, waiting to be taken in a few at a time (takePrepared()), as a burst
    // of 50 cached pages would otherwise come back in one go and hold the window for all of them.
    std::deque<std::function<void()>> ready;
    QTimer takeTimer;
    // offThread()'s jobs run here. Under a window, one core short of the machine's: with every core
    // parsing cached pages, the GUI thread waited its turn on the run queue 5 to 10 ms at a time. The
    // command line and serve have no such thread, and take every core.
    QThreadPool workers;
    int backgroundJobs = 0;
    RequestStarter starter{q, [this](QObject *request) { begin(static_cast<Request *>(request)); }};

    Private(Client *client, QNetworkAccessManager *nam, Cache::EtagCache *etagCache, const QUrl &base)
        : q(client)
        , network(nam)
        , responses(etagCache)
        , api(base)
    {
        wakeTimer.setSingleShot(true);
        QObject::connect(&wakeTimer, &QTimer::timeout, q, [this] { pump(); });
        takeTimer.setSingleShot(true);
        takeTimer.setInterval(0);
        const bool gui =
            QCoreApplication::instance() && QCoreApplication::instance()->inherits("QGuiApplication");
        workers.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - (gui ? 1 : 0)));
        QObject::connect(&takeTimer, &QTimer::timeout, q, [this] { takePrepared(); });
    }

    // As many as fit in a few milliseconds per turn of the event loop: one at a time would be smooth
    // but make 1,000 cached pages wait for 1,000 turns.
    void takePrepared()
    {
        constexpr qint64 TurnBudgetMs = 8;
        QElapsedTimer turn;
        turn.start();
        const QPointer<Client> alive(q); // a slot may delete the client
        while (!ready.empty() && turn.elapsed() < TurnBudgetMs) {
            const std::function<void()> take = std::move(ready.front());
            ready.pop_front();
            take();
            if (!alive) {
                return;
            }
        }
        if (!ready.empty()) {
            takeTimer.start();
        }
    }

    QDateTime now() const { return rateLimits.now(); }

    // A body this large is parsed (and compressed for the cache, or expanded from it) in `workers`: a
    // 2 MB page of pull requests is ~20 ms of the GUI thread otherwise. Below it, the hop costs more.
    static constexpr qsizetype OffThreadBytes = 64 * 1024;

    // `job` on a pool thread, then `then` with its result back on this thread (in turn, see
    // `ready`), unless the client has gone by then. The job sees only what it was given.
    template <typename Result, typename Job, typename Then>
    void offThread(Job job, Then then)
    {
        auto *watcher = new QFutureWatcher<Result>(q);
        ++backgroundJobs;
        QObject::connect(watcher, &QFutureWatcherBase::finished, q, [this, watcher, then = std::move(then)] {
            watcher->deleteLater();
            ready.push_back([this, then, result = watcher->result()]() mutable {
                --backgroundJobs;
                then(std::move(result));
            });
            takeTimer.start();
        });
        watcher->setFuture(QtConcurrent::run(&workers, std::move(job)));
    }

    // A request still waiting for what offThread() prepares for it.
    static bool waiting(const QPointer<Request> &request)
    {
        return request && !request->m_finished && !request->m_abandoned;
    }

    // A body from the cache (fresh, or proven by a 304), parsed off this thread when it is large, so
    // that a page stream gets it as JSON.
    void succeedParsed(Request *request, Response response, int status)
    {
        if (!response.json.isNull() || response.body.size() < OffThreadBytes || !api.contains(response.url)) {
            succeed(request, response, status);
            return;
        }
        offThread<ParsedBody>(
            [body = response.body, selection = request->m_options.selection,
             prepare = request->m_options.prepareJson] { return parseBody(body, selection, prepare); },
            [this, guarded = QPointer<Request>(request), response = std::move(response),
             status](ParsedBody parsed) mutable {
                if (!waiting(guarded)) {
                    return;
                }
                if (parsed.json) {
                    response.json = std::move(*parsed.json);
                    response.prepared = std::move(parsed.prepared);
                } // else: the stream's own parse says what is wrong with it
                succeed(guarded.data(), response, status);
            });
    }

    // A large body from the cache: its checksum checked, expanded and parsed off this thread (a page
    // of 100 pull requests is ~1.5 MB, 2 ms to expand and 10 to parse). A damaged one is dropped and
    // the request begins again, now without it.
    void unsealOffThread(Request *request, ResponseCache::Lookup lookup)
    {
        struct Unsealed
        {
            std::optional<QByteArray> body;
            ParsedBody parsed;
        };
        const Cache::SealedEntry sealed = *std::exchange(lookup.sealed, std::nullopt);
        offThread<Unsealed>(
            [sealed, selection = request->m_options.selection, prepare = request->m_options.prepareJson] {
                Unsealed unsealed{Cache::unsealBody(sealed), {}};
                if (unsealed.body) {
                    unsealed.parsed = parseBody(*unsealed.body, selection, prepare);
                }
                return unsealed;
            },
            [this, guarded = QPointer<Request>(request), query = cacheQuery(request),
             lookup = std::move(lookup)](Unsealed unsealed) mutable {
                if (!waiting(guarded)) {
                    return;
                }
                std::optional<Response> response =
                    responses.unsealed(query, std::move(lookup), std::move(unsealed.body));
                if (!response) {
                    begin(guarded.data());
                    return;
                }
                if (unsealed.parsed.json) {
                    response->json = std::move(*unsealed.parsed.json);
                    response->prepared = std::move(unsealed.parsed.prepared);
                } // else: the stream's own parse says what is wrong with it
                succeed(guarded.data(), *response, 0);
            });
    }

    // An accepted or revalidated answer; none when it was not whole JSON, or was a 304 to an
    // unconditional GET.
    void deliver(Request *request, const std::optional<Response> &response, int status)
    {
        if (response) {
            succeedParsed(request, *response, status);
        } else {
            fail(request, Error::of(Error::Kind::BadResponse, request->m_currentUrl, status), status);
        }
    }

    // A 200 with a large body: parsed and compressed off this thread, then stored here (the cache's
    // connection lives on this thread) even when nobody waits for it any more, as GitHub has
    // counted it.
    void acceptOffThread(Request *request, int status, const RawHeaders &headers, const QByteArray &body)
    {
        const ResponseCache::Query query = cacheQuery(request);
        const bool store = responses.mayStore(query, status, headers);
        const QDateTime at = now();
        offThread<ResponseCache::Prepared>(
            [jsonUrl = query.jsonUrl, status, body, store, selection = request->m_options.selection,
             prepare = request->m_options.prepareJson] {
                return ResponseCache::prepare(jsonUrl, status, body, store, selection, prepare);
            },
            [this, guarded = QPointer<Request>(request), query, status, headers, body,
             at](ResponseCache::Prepared prepared) {
                const std::optional<Response> response =
                    responses.accept(query, status, headers, body, std::move(prepared), at);
                if (waiting(guarded)) {
                    deliver(guarded.data(), response, status);
                }
            });
    }

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
        return {url,
                request->m_identity,
                request->m_authorization,
                request->m_options,
                api.contains(url) && !api.isRateLimitEndpoint(url),
                api.contains(url)};
    }

    void begin(Request *request)
    {
        if (request->m_abandoned) {
            return;
        }
        request->fixIdentity(token, [this](const QByteArray &t) { return responses.identityFor(t); });
        request->m_timer.start();
        request->m_validator.reset();
        if (!Endpoints::isWebUrl(
                request->m_currentUrl)) { // file:, data:, qrc: would open local things, no timeout
            Error error = Error::of(Error::Kind::BadResponse, request->m_currentUrl);
            error.detail = tr("only http and https addresses are requested, not %1:")
                               .arg(request->m_currentUrl.scheme());
            fail(request, error, 0);
            return;
        }
        ResponseCache::Lookup lookup = responses.lookup(cacheQuery(request), now(), OffThreadBytes);
        switch (lookup.answer) {
        case ResponseCache::Lookup::Answer::Fresh:
            if (lookup.sealed) {
                unsealOffThread(request, std::move(lookup));
            } else {
                succeedParsed(request, std::move(lookup.fresh), 0);
            }
            return;
        case ResponseCache::Lookup::Answer::OfflineMiss:
            fail(request, Error::of(Error::Kind::Offline, request->m_currentUrl), 0);
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
        // A mirror's request is not held by limits seen for others: GitHub answers for its identity.
        const auto scope = request->m_options.authorization ? RequestQueue::Scope::OtherOrigin
                                                            : RequestQueue::scopeOf(api, url);
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
            wakeTimer.start(turn.wakeInterval(now()));
        }
        // After sending: a slot reacting to failed() may start requests of its own.
        for (const auto &[request, hold] : turn.refused) {
            if (request) {
                auto *refused = static_cast<Request *>(request.data());
                fail(refused, hold.errorFor(refused->m_currentUrl, now()), 0);
            }
        }
    }

    void send(Request *request)
    {
        const QByteArray authorization =
            api.mayCarryToken(request->m_currentUrl) ? request->m_authorization : QByteArray();
        QNetworkRequest networkRequest = request->networkRequest(authorization, transferTimeout);
        ++request->m_attempts;
        request->m_timer.start();
        request->m_sentAt = now();
        QNetworkReply *reply = nullptr;
        if (request->m_method == "PUT") {
            // Content-Length: 0, as GitHub asks of its writes without a body; a type, or Qt calls
            // the empty body a form.
            networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            reply = network->put(networkRequest, QByteArray());
        } else if (request->m_method == "DELETE") {
            reply = network->deleteResource(networkRequest);
        } else {
            reply = network->get(networkRequest);
        }
        request->m_reply = reply;
        armTransferDeadline(reply, transferDeadline);
        abortOnRefusedHeaders(reply);
        QObject::connect(reply, &QNetworkReply::finished, q,
                         [this, guarded = QPointer<Request>(request), reply] {
                             queue.release();
                             reply->deleteLater();
                             if (guarded && !guarded->m_abandoned) {
                                 handleReply(guarded.data(), reply);
                                 pump();
                                 return;
                             }
                             // abort() finishes the reply inside abandon(): a caller abandoning
                             // several requests in turn would see the next one sent at once, and
                             // its abort could come after it reached the server.
                             QMetaObject::invokeMethod(
                                 q, [this] { pump(); }, Qt::QueuedConnection);
                         });
    }

    void retryLater(Request *request, int status, Error::Kind cause)
    {
        log(request, status, CacheOutcome::Uncached, cause);
        QTimer::singleShot(retryDelay(retryBaseDelay, request->m_attempts), q,
                           [this, guarded = QPointer<Request>(request)] {
                               if (guarded && !guarded->m_abandoned) {
                                   enqueue(guarded.data(), true);
                               }
                           });
    }

    void handleReply(Request *request, QNetworkReply *reply)
    {
        const ReplyFacts facts = ReplyFacts::of(*reply, request->m_attempts);
        const RawHeaders headers = reply->rawHeaderPairs();
        if (facts.status > 0 && api.contains(request->m_currentUrl)) {
            rateLimits.updateFromHeaders(headers);
        }
        const ReplyVerdict verdict = ReplyVerdict::of(facts, transferDeadline);
        const int status = facts.status;
        const QByteArray body = reply->readAll();
        request->keepAnswer(status, headers, body);
        switch (verdict.action) {
        case ReplyVerdict::Action::Retry:
            retryLater(request, status, verdict.kind);
            return;
        case ReplyVerdict::Action::Fail:
            failWith(request, verdict, status);
            return;
        case ReplyVerdict::Action::Redirect:
            handleRedirect(request, status, headers);
            return;
        case ReplyVerdict::Action::Deliver:
        case ReplyVerdict::Action::Revalidated: {
            queue.calm();
            if (verdict.action == ReplyVerdict::Action::Deliver && body.size() >= OffThreadBytes) {
                acceptOffThread(request, status, headers, body);
                return;
            }
            deliver(request,
                    verdict.action == ReplyVerdict::Action::Deliver
                        ? responses.accept(cacheQuery(request), status, headers, body, now())
                        : responses.revalidate(cacheQuery(request), *request->m_validator, headers, now()),
                    status);
            return;
        }
        case ReplyVerdict::Action::LimitCheck:
            handleLimit(request, status, headers, body);
            return;
        case ReplyVerdict::Action::FailStatus:
            fail(request, Error::fromHttpStatus(status, request->m_currentUrl, body), status);
            return;
        }
    }

    void handleRedirect(Request *request, int status, const RawHeaders &headers)
    {
        const QUrl target =
            request->m_currentUrl.resolved(QUrl::fromEncoded(findHeader(headers, "location")));
        const ReplyVerdict verdict = ReplyVerdict::ofRedirect(target, ++request->m_redirects);
        if (verdict.action != ReplyVerdict::Action::Redirect) {
            failWith(request, verdict, status);
            return;
        }
        // A write goes on only where HTTP keeps its method (307, 308) and only on the API's origin:
        // a 301 to 303 would turn it into a GET, and another host is not the one asked to change.
        if (request->m_method != "GET" && ((status != 307 && status != 308) || !api.contains(target))) {
            Error error = Error::of(Error::Kind::BadResponse, request->m_currentUrl, status);
            error.detail = tr("GitHub sent the change on to %1, where Hubshelf does not send it")
                               .arg(target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
            fail(request, error, status);
            return;
        }
        log(request, status, CacheOutcome::Uncached);
        if (status == 301 && api.contains(request->m_currentUrl) && api.contains(target)) {
            moved.insert(cacheKey(request->m_currentUrl), target);
        }
        request->m_currentUrl = target; // a cross-origin target is fetched without the token
        request->m_attempts = 0;
        begin(request);
    }

    void handleLimit(Request *request, int status, const RawHeaders &headers, const QByteArray &body)
    {
        const RequestQueue::LimitHit hit = RequestQueue::limitHitOf(headers, body, status);
        if (hit.kind == RequestQueue::LimitHit::Kind::None) {
            fail(request, Error::fromHttpStatus(status, request->m_currentUrl, body), status);
            return;
        }
        const RequestQueue::LimitWait wait =
            queue.meet(hit, api.resourceOf(request->m_currentUrl), request->m_sentAt,
                       request->m_options.waitForRateLimit, request->m_limitWaits);
        const Error error = wait.hold.errorFor(request->m_currentUrl, now(), status, body);
        if (!wait.waits) {
            fail(request, error, status);
            return;
        }
        log(request, status, CacheOutcome::Uncached, error.kind);
        if (wait.newPauseSeconds) {
            Q_EMIT q->pausedForSecondaryLimit(*wait.newPauseSeconds);
        }
        request->m_attempts = 0;
        enqueue(request, true); // the queue holds it until the reset or the pause's end
    }

    // `failure`: the kind of error the exchange ended in, if any.
    void log(const Request *request, int status, CacheOutcome outcome,
             std::optional<Error::Kind> failure = std::nullopt)
    {
        const QUrl &url = request->m_currentUrl;
        const QString resource = api.resourceOf(url);
        RequestLogEntry entry = request->logEntry(status, outcome, rateLimits.limit(resource),
                                                  failure ? Error::kindName(*failure) : "");
        entry.resource = resource;
        if (api.contains(url)) {
            entry.endpoint = endpointTemplateOf(api.apiPath(url));
        }
        const bool refused = failure && (*failure == Error::Kind::RateLimited ||
                                         *failure == Error::Kind::SecondaryRateLimited ||
                                         *failure == Error::Kind::Unauthorized);
        const bool authorized = api.mayCarryToken(url) && !request->m_authorization.isEmpty();
        // A read of the cache alone (a search in what is saved) would never have asked GitHub.
        const bool counted =
            api.contains(url) && !api.isRateLimitEndpoint(url) && !request->m_options.offline;
        entry.charge = pointChargeOf(counted, status, outcome, authorized, refused);
        qCInfo(lcGitHub).noquote() << entry.line();
        Q_EMIT q->requestLogged(entry);
    }

    void succeed(Request *request, const Response &response, int status)
    {
        log(request, status, response.cacheOutcome);
        request->finishWith(response);
    }

    void failWith(Request *request, const ReplyVerdict &verdict, int status)
    {
        Error error = Error::of(verdict.kind, request->m_currentUrl, status);
        error.detail = verdict.detail;
        fail(request, error, status);
    }

    void fail(Request *request, const Error &error, int status)
    {
        log(request, status, CacheOutcome::Uncached, error.kind);
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
        request->cancelWith(Error::of(Error::Kind::Cancelled, request->m_currentUrl), this);
    }
}

QUrl Client::apiBase() const
{
    return d->api.base();
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

QByteArray Client::identity() const
{
    return d->responses.identityFor(d->token);
}

QUrl Client::endpoint(const QString &encodedPath, const QUrlQuery &query) const
{
    return d->api.endpoint(encodedPath, query);
}

Request *Client::get(const QUrl &url, const RequestOptions &options)
{
    RequestOptions effective = options;
    effective.offline = effective.offline || d->offline;
    auto *request = new Request(url, d->moved.value(cacheKey(url), url), effective, this);
    d->starter.add(request);
    return request;
}

Request *Client::write(const QByteArray &method, const QUrl &url, const QStringList &staleLists,
                       const RequestOptions &options)
{
    Q_ASSERT(method == "PUT" || method == "DELETE");
    RequestOptions effective = options;
    effective.useCache = false;
    effective.acceptStale = false;
    effective.freshOnly = false;
    effective.expectList = false;
    Request *request = get(url, effective);
    request->m_method = method;
    if (Cache::EtagCache *etagCache = cache(); etagCache && !staleLists.isEmpty()) {
        // Connected before the caller can connect: whoever reacts to the write reads the lists anew.
        connect(request, &Request::succeeded, this, [this, etagCache, staleLists] {
            for (const QString &path : staleLists) {
                etagCache->removeList(CachePolicy::cacheKey(endpoint(path)));
            }
        });
    }
    return request;
}

void Client::setOffline(bool offline)
{
    d->offline = offline;
}

bool Client::isOffline() const
{
    return d->offline;
}

QNetworkAccessManager *Client::network() const
{
    return d->network;
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

int Client::backgroundJobs() const
{
    return d->backgroundJobs;
}

Cache::EtagCache *Client::cache() const
{
    return d->responses.etagCache();
}

} // namespace Hubshelf::GitHub
