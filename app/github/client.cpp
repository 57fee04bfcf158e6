#include "github/client.h"

#include "cache/etagcache.h"
#include "github/logging.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <deque>
#include <vector>

#include <hubshelf/version.h>

using namespace Qt::StringLiterals;

namespace Hubshelf::GitHub {

namespace {

const QByteArray AcceptValue = "application/vnd.github+json";
const QByteArray ApiVersion = "2022-11-28";
constexpr int MaxAttempts = 3;
constexpr int MaxRedirects = 5;
constexpr int MaxSecondaryPauses = 5;
constexpr int MaxPrimaryWaits = 3;
constexpr int DefaultSecondaryPauseSeconds = 60;
// A spent limit whose 403 names no reset: wait as long as a secondary pause.
constexpr int UnknownResetWaitSeconds = 60;

QByteArray userAgent()
{
    // Never "curl", "Wget", "Safari" or "Firefox": GitHub would pretty-print, breaking its ETag.
    return QByteArray("Hubshelf/") + Version;
}

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme() == u"https"_s ? 443 : 80);
}

// A key that does not depend on the order of query items or on the case of the host.
QByteArray normalizedKey(const QUrl &url)
{
    QUrl normalized = url.adjusted(QUrl::RemoveFragment | QUrl::NormalizePathSegments);
    normalized.setHost(url.host().toLower());
    normalized.setScheme(url.scheme().toLower());
    QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyEncoded);
    std::sort(items.begin(), items.end());
    QUrlQuery sorted;
    sorted.setQueryItems(items);
    normalized.setQuery(sorted.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return normalized.toEncoded();
}

// GitHub's ETag: SHA-256 over the values of Accept, Authorization (and Cookie, never sent here),
// each followed by ':', then the body. Undocumented: a mismatch only costs a normal request.
QByteArray githubEtag(const QByteArray &authorization, const QByteArray &body)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray(AcceptValue + ':'));
    if (!authorization.isEmpty()) {
        hash.addData(QByteArray(authorization + ':'));
    }
    hash.addData(body);
    return QByteArray('"' + hash.result().toHex() + '"');
}

int maxAgeOf(const QByteArray &cacheControl)
{
    for (const QByteArray &directive : cacheControl.split(',')) {
        const QByteArray trimmed = directive.trimmed().toLower();
        if (trimmed.startsWith("max-age=")) {
            return std::max(0, trimmed.mid(8).toInt());
        }
    }
    return 0;
}

// Errors below ContentAccessDenied are about the connection (and proxies), not an HTTP status.
bool isTransportError(QNetworkReply::NetworkError error)
{
    return (error > QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied) ||
           error == QNetworkReply::ProtocolFailure;
}

bool isRetryableTransportError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // Qt's transfer timeout ends this way
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

// A byte below 0x20 other than tab, LF and CR is invalid anywhere in JSON (RFC 8259: outside
// strings only those three are whitespace, inside strings every control character is escaped).
bool hasRawControlBytes(const QByteArray &body)
{
    return std::any_of(body.cbegin(), body.cend(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
    });
}

QString githubMessageOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(u"message"_s).toString();
}

QByteArray authorizationFor(const QByteArray &token)
{
    return token.isEmpty() ? QByteArray() : QByteArray("Bearer " + token);
}

} // namespace

const QUrl Client::GitHubApi = QUrl(u"https://api.github.com"_s);

QString RequestLogEntry::line() const
{
    // One arg() call: a '%' in the URL must not be read as a placeholder.
    return u"%1 %2 %3 %4 %5ms %6"_s.arg(
        QString::fromLatin1(method), url.toDisplayString(), status > 0 ? QString::number(status) : u"-"_s,
        QString::fromLatin1(error.isEmpty() ? cacheOutcomeName(outcome) : "error"),
        QString::number(milliseconds),
        limit >= 0 ? QString::number(remaining) + u'/' + QString::number(limit) : u"-"_s);
}

struct Client::Private
{
    Client *q;
    QNetworkAccessManager *network;
    Cache::EtagCache *cache;
    QUrl apiBase;
    QByteArray token;
    RateLimitTracker rateLimits;
    std::deque<QPointer<Request>> queue;
    QHash<QByteArray, QUrl> moved;           // 301s seen: normalized old URL -> new URL
    QHash<QString, QDateTime> heldUntil;     // per resource, from 403s with nothing remaining
    QHash<QString, QDateTime> announcedWait; // the waits already signalled
    int inFlight = 0;
    int maxConcurrent = DefaultMaxConcurrent;
    int transferTimeout = 30 * 1000;
    int retryBaseDelay = 1000;
    QDateTime pauseStartedAt;
    QDateTime pausedUntil;
    int lastSecondaryPause = 0;
    QTimer wakeTimer;
    // Requests begin one per turn of the event loop: fifty pages answered from the cache at once
    // would otherwise read and hand over all fifty before the window can paint.
    std::deque<QPointer<Request>> starting;
    QTimer startTimer;

    Private(Client *client, QNetworkAccessManager *nam, Cache::EtagCache *etagCache, const QUrl &base)
        : q(client)
        , network(nam)
        , cache(etagCache)
        , apiBase(base.adjusted(QUrl::StripTrailingSlash))
    {
        wakeTimer.setSingleShot(true);
        QObject::connect(&wakeTimer, &QTimer::timeout, q, [this] { pump(); });
        startTimer.setSingleShot(true);
        startTimer.setInterval(0);
        QObject::connect(&startTimer, &QTimer::timeout, q, [this] { beginNext(); });
    }

    void beginNext()
    {
        // As many as fit in a few milliseconds, then the event loop's turn again.
        constexpr qint64 TurnBudgetMs = 4;
        QElapsedTimer turn;
        turn.start();
        while (!starting.empty() && turn.elapsed() < TurnBudgetMs) {
            const QPointer<Request> next = starting.front();
            starting.pop_front();
            if (next && !next->m_abandoned) {
                begin(next.data());
            }
        }
        if (!starting.empty()) {
            startTimer.start();
        }
    }

    bool sameOrigin(const QUrl &url) const
    {
        return url.scheme().compare(apiBase.scheme(), Qt::CaseInsensitive) == 0 &&
               url.host().compare(apiBase.host(), Qt::CaseInsensitive) == 0 &&
               effectivePort(url) == effectivePort(apiBase);
    }

    QString apiPath(const QUrl &url) const { return url.path().mid(apiBase.path().size()); }

    bool isRateLimitEndpoint(const QUrl &url) const
    {
        return sameOrigin(url) && apiPath(url) == u"/rate_limit"_s;
    }

    QString resourceOf(const QUrl &url) const
    {
        return apiPath(url).startsWith(u"/search/"_s) ? u"search"_s : u"core"_s;
    }

    bool usesCache(const Request *request) const
    {
        return request->m_options.useCache && cache && cache->isOpen() && sameOrigin(request->m_currentUrl) &&
               !isRateLimitEndpoint(request->m_currentUrl);
    }

    void begin(Request *request)
    {
        if (!request->m_identityFixed) {
            request->m_identityFixed = true;
            request->m_authorization = authorizationFor(token);
            request->m_identity = cache ? cache->identityFor(token) : QByteArray("anon");
        }
        request->m_timer.start();
        request->m_conditional = Request::Conditional::None;
        request->m_cached.reset();
        std::optional<Cache::CachedResponse> own;
        const QByteArray key = normalizedKey(request->m_currentUrl);
        if (usesCache(request)) {
            own = cache->find(key, AcceptValue, request->m_identity);
        }
        if (own && !request->m_options.revalidate &&
            (request->m_options.offline || own->isFresh(QDateTime::currentDateTimeUtc()))) {
            cache->recordFreshHit(own->body.size());
            succeed(request,
                    Response{request->m_currentUrl, storedHeaders(*own), own->body, CacheOutcome::Fresh, {}},
                    0);
            return;
        }
        if (request->m_options.offline) {
            fail(request, makeError(request, Error::Kind::Offline), 0);
            return;
        }
        if (own) {
            request->m_conditional = Request::Conditional::Own;
            request->m_cached = std::make_unique<Cache::CachedResponse>(std::move(*own));
        } else if (usesCache(request)) {
            if (auto other = cache->findOtherIdentity(key, AcceptValue, request->m_identity)) {
                request->m_conditional = Request::Conditional::OtherIdentity;
                request->m_cached = std::make_unique<Cache::CachedResponse>(std::move(*other));
            } else if (request->m_options.expectList) {
                request->m_conditional = Request::Conditional::EmptyListProbe;
            }
        }
        enqueue(request);
    }

    static RawHeaders storedHeaders(const Cache::CachedResponse &entry)
    {
        RawHeaders headers;
        for (const auto &[name, value] :
             {std::pair{"content-type", entry.contentType}, std::pair{"etag", entry.etag},
              std::pair{"link", entry.link}, std::pair{"last-modified", entry.lastModified}}) {
            if (!value.isEmpty()) {
                headers.append({QByteArray(name), value});
            }
        }
        return headers;
    }

    void enqueue(Request *request, bool front = false)
    {
        if (front) {
            queue.emplace_front(request);
        } else {
            queue.emplace_back(request);
        }
        pump();
    }

    // When requests for `resource` may go again; invalid when they may go now.
    QDateTime holdOf(const QString &resource, const QDateTime &now) const
    {
        QDateTime until = heldUntil.value(resource);
        const RateLimit limit = rateLimits.limit(resource);
        if (limit.isSpent(now)) {
            // GitHub's reset is in whole seconds; a moment after it the window is new.
            until = std::max(until, limit.reset.addSecs(1));
        }
        return until.isValid() && until > now ? until : QDateTime();
    }

    // Sends what may go: requests of a held resource wait (or fail when told not to wait), the
    // rest — /rate_limit, other origins, other resources — pass them.
    void pump()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const bool paused = pausedUntil.isValid() && pausedUntil > now;
        QDateTime wakeAt;
        const auto wakeNoLaterThan = [&wakeAt](const QDateTime &time) {
            if (!wakeAt.isValid() || time < wakeAt) {
                wakeAt = time;
            }
        };
        std::vector<std::pair<QPointer<Request>, Error>> failures;
        for (auto it = queue.begin(); it != queue.end() && inFlight < maxConcurrent;) {
            const QPointer<Request> request = *it;
            if (!request || request->m_abandoned) {
                it = queue.erase(it);
                continue;
            }
            const QUrl &url = request->m_currentUrl;
            if (sameOrigin(url) && paused) {
                wakeNoLaterThan(pausedUntil);
                ++it;
                continue;
            }
            if (sameOrigin(url) && !isRateLimitEndpoint(url)) {
                const QString resource = resourceOf(url);
                const QDateTime until = holdOf(resource, now);
                if (until.isValid()) {
                    if (!request->m_options.waitForRateLimit) {
                        Error error = makeError(request, Error::Kind::RateLimited);
                        error.resource = resource;
                        error.resetAt = until;
                        failures.emplace_back(request, error);
                        it = queue.erase(it);
                        continue;
                    }
                    if (announcedWait.value(resource) != until) {
                        announcedWait.insert(resource, until);
                        Q_EMIT q->waitingForRateLimit(resource, until);
                    }
                    wakeNoLaterThan(until);
                    ++it;
                    continue;
                }
            }
            it = queue.erase(it);
            send(request);
        }
        if (wakeAt.isValid()) {
            wakeTimer.start(int(std::max<qint64>(1, now.msecsTo(wakeAt))));
        }
        // After the loop: a slot reacting to failed() may start requests of its own.
        for (const auto &[request, error] : failures) {
            if (request) {
                fail(request, error, 0);
            }
        }
    }

    void send(Request *request)
    {
        const QUrl url = request->m_currentUrl;
        QNetworkRequest networkRequest(url);
        networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                    QNetworkRequest::ManualRedirectPolicy);
        networkRequest.setTransferTimeout(transferTimeout);
        networkRequest.setRawHeader("Accept", AcceptValue);
        networkRequest.setRawHeader("X-GitHub-Api-Version", ApiVersion);
        networkRequest.setRawHeader("User-Agent", userAgent());
        // The token goes to the API's own origin only: never to avatars or a redirect elsewhere,
        // and never in clear text over the network.
        const QByteArray authorization =
            sameOrigin(url) && Client::carriesTokenSafely(url) ? request->m_authorization : QByteArray();
        if (!authorization.isEmpty()) {
            networkRequest.setRawHeader("Authorization", authorization);
        }
        switch (request->m_conditional) {
        case Request::Conditional::Own:
            networkRequest.setRawHeader("If-None-Match", request->m_cached->etag);
            break;
        case Request::Conditional::OtherIdentity:
            networkRequest.setRawHeader("If-None-Match", githubEtag(authorization, request->m_cached->body));
            break;
        case Request::Conditional::EmptyListProbe:
            networkRequest.setRawHeader("If-None-Match", githubEtag(authorization, "[]"));
            break;
        case Request::Conditional::None:
            break;
        }
        ++request->m_attempts;
        ++inFlight;
        request->m_timer.start();
        request->m_sentAt = QDateTime::currentDateTimeUtc();
        QNetworkReply *reply = network->get(networkRequest);
        request->m_reply = reply;
        QObject::connect(reply, &QNetworkReply::finished, q,
                         [this, guarded = QPointer<Request>(request), reply] {
                             --inFlight;
                             reply->deleteLater();
                             if (guarded && !guarded->m_abandoned) {
                                 handleReply(guarded.data(), reply);
                             }
                             pump();
                         });
    }

    Error makeError(const Request *request, Error::Kind kind, int status = 0,
                    const QByteArray &body = {}) const
    {
        Error error;
        error.kind = kind;
        error.url = request->m_currentUrl;
        error.httpStatus = status;
        error.githubMessage = githubMessageOf(body);
        return error;
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
        if (status > 0 && sameOrigin(request->m_currentUrl)) {
            rateLimits.updateFromHeaders(headers);
        }
        const QNetworkReply::NetworkError networkError = reply->error();
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
        if (status >= 200 && status < 300) {
            lastSecondaryPause = 0;
            handleSuccess(request, status, headers, body);
            return;
        }
        if (status == 304) {
            lastSecondaryPause = 0;
            handleNotModified(request, headers);
            return;
        }
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            handleRedirect(request, status, headers);
            return;
        }
        if (status == 403 || status == 429) {
            handleForbidden(request, status, headers, body);
            return;
        }
        if (status == 500 || status == 502 || status == 503 || status == 504) {
            if (request->m_attempts < MaxAttempts) {
                log(request, status, CacheOutcome::Uncached, Error::kindName(Error::Kind::Server));
                retryLater(request);
                return;
            }
            fail(request, makeError(request, Error::Kind::Server, status, body), status);
            return;
        }
        const Error::Kind kind = status == 401                    ? Error::Kind::Unauthorized
                                 : status == 404 || status == 410 ? Error::Kind::NotFound
                                 : status >= 500                  ? Error::Kind::Server
                                                                  : Error::Kind::ClientError;
        fail(request, makeError(request, kind, status, body), status);
    }

    void handleSuccess(Request *request, int status, const RawHeaders &headers, const QByteArray &body)
    {
        // Every API answer is JSON. Qt 6.4 reports a gzip body cut short as success with part of
        // the body, so parsing is what tells a whole answer from a broken one.
        QJsonDocument json;
        if (sameOrigin(request->m_currentUrl)) {
            QJsonParseError parseError{};
            json = QJsonDocument::fromJson(body, &parseError);
            // Qt 6.4 accepts raw control bytes (NUL too) inside strings; JSON never has them.
            if (parseError.error != QJsonParseError::NoError || hasRawControlBytes(body)) {
                fail(request, makeError(request, Error::Kind::BadResponse, status), status);
                return;
            }
        }
        CacheOutcome outcome = CacheOutcome::Uncached;
        const QByteArray cacheControl = findHeader(headers, "cache-control").toLower();
        const QByteArray etag = findHeader(headers, "etag");
        if (status == 200 && usesCache(request) && !cacheControl.contains("no-store") && !etag.isEmpty()) {
            Cache::CachedResponse entry;
            entry.url = normalizedKey(request->m_currentUrl);
            entry.variant = AcceptValue;
            entry.identity = request->m_identity;
            entry.etag = etag;
            entry.lastModified = findHeader(headers, "last-modified");
            entry.link = findHeader(headers, "link");
            entry.contentType = findHeader(headers, "content-type");
            entry.fetchedAt = QDateTime::currentDateTimeUtc();
            entry.maxAgeSeconds = maxAgeOf(cacheControl);
            entry.lastUsed = entry.fetchedAt;
            entry.body = body;
            if (cache->store(entry)) {
                outcome = CacheOutcome::Miss;
                cache->recordMiss();
            }
        }
        if (outcome == CacheOutcome::Uncached && cache) {
            cache->recordUncached();
        }
        succeed(request, Response{request->m_currentUrl, headers, body, outcome, json}, status);
    }

    void handleNotModified(Request *request, const RawHeaders &headers)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const int maxAge = maxAgeOf(findHeader(headers, "cache-control"));
        const QByteArray key = normalizedKey(request->m_currentUrl);
        // A 304 may leave out ETag or Link: what it does not say, the cached entry keeps.
        const QByteArray etag = findHeader(headers, "etag");
        const QByteArray link = findHeader(headers, "link");
        Cache::CachedResponse entry;
        switch (request->m_conditional) {
        case Request::Conditional::Own:
            entry = *request->m_cached;
            cache->refresh(key, AcceptValue, request->m_identity, now, maxAge, etag, link);
            break;
        case Request::Conditional::OtherIdentity:
        case Request::Conditional::EmptyListProbe:
            // The 304 proves the body for this identity too: keep it under this identity.
            if (request->m_cached) {
                entry = *request->m_cached;
            } else {
                entry.contentType = "application/json; charset=utf-8";
                entry.body = "[]";
                entry.etag = githubEtag(request->m_authorization, entry.body);
            }
            entry.url = key;
            entry.variant = AcceptValue;
            entry.identity = request->m_identity;
            entry.fetchedAt = entry.lastUsed = now;
            entry.maxAgeSeconds = maxAge;
            break;
        case Request::Conditional::None:
            fail(request, makeError(request, Error::Kind::BadResponse, 304), 304);
            return;
        }
        if (!etag.isEmpty()) {
            entry.etag = etag;
        }
        if (!link.isEmpty()) {
            entry.link = link;
        }
        if (request->m_conditional != Request::Conditional::Own) {
            cache->store(entry);
        }
        cache->recordRevalidated(entry.body.size());
        RawHeaders merged = headers;
        for (const auto &[name, value] : storedHeaders(entry)) {
            if (findHeader(merged, name).isEmpty()) {
                merged.append({name, value});
            }
        }
        succeed(request, Response{request->m_currentUrl, merged, entry.body, CacheOutcome::Revalidated, {}},
                304);
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
        log(request, status, CacheOutcome::Uncached, "");
        if (status == 301 && sameOrigin(request->m_currentUrl) && sameOrigin(target)) {
            moved.insert(normalizedKey(request->m_currentUrl), target);
        }
        request->m_currentUrl = target; // a cross-origin target is fetched without the token
        request->m_attempts = 0;
        begin(request);
    }

    void handleForbidden(Request *request, int status, const RawHeaders &headers, const QByteArray &body)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString message = githubMessageOf(body);
        const QByteArray retryAfter = findHeader(headers, "retry-after");
        const bool secondary =
            !retryAfter.isEmpty() || message.contains(u"secondary rate limit"_s, Qt::CaseInsensitive);
        if (!secondary && findHeader(headers, "x-ratelimit-remaining") == "0") {
            // Held until the reset this 403 names, never less than a second (clocks differ).
            const QByteArray resetHeader = findHeader(headers, "x-ratelimit-reset");
            const QByteArray resourceHeader = findHeader(headers, "x-ratelimit-resource");
            const QString resource = resourceHeader.isEmpty() ? resourceOf(request->m_currentUrl)
                                                              : QString::fromLatin1(resourceHeader);
            const QDateTime until =
                resetHeader.isEmpty()
                    ? now.addSecs(UnknownResetWaitSeconds)
                    : std::max(QDateTime::fromSecsSinceEpoch(resetHeader.toLongLong(), Qt::UTC).addSecs(1),
                               now.addSecs(1));
            heldUntil.insert(resource, std::max(heldUntil.value(resource), until));
            if (!request->m_options.waitForRateLimit || ++request->m_primaryWaits > MaxPrimaryWaits) {
                Error error = makeError(request, Error::Kind::RateLimited, status, body);
                error.resource = resource;
                error.resetAt = until;
                fail(request, error, status);
                return;
            }
            log(request, status, CacheOutcome::Uncached, Error::kindName(Error::Kind::RateLimited));
            request->m_attempts = 0;
            enqueue(request, true); // pump() holds it until the reset
            return;
        }
        if (secondary) {
            if (++request->m_secondaryPauses > MaxSecondaryPauses) {
                Error error = makeError(request, Error::Kind::SecondaryRateLimited, status, body);
                error.retryAfterSeconds = lastSecondaryPause;
                fail(request, error, status);
                return;
            }
            log(request, status, CacheOutcome::Uncached, Error::kindName(Error::Kind::SecondaryRateLimited));
            // Requests sent before the current pause began are part of the same burst: they wait
            // with it rather than doubling it once each.
            const bool sameBurst = pauseStartedAt.isValid() && request->m_sentAt < pauseStartedAt;
            if (!sameBurst) {
                const int seconds = !retryAfter.isEmpty()    ? std::max(0, retryAfter.toInt())
                                    : lastSecondaryPause > 0 ? lastSecondaryPause * 2
                                                             : DefaultSecondaryPauseSeconds;
                lastSecondaryPause = std::max(seconds, 1);
                pauseStartedAt = now;
                pausedUntil = std::max(pausedUntil.isValid() ? pausedUntil : now, now.addSecs(seconds));
                Q_EMIT q->pausedForSecondaryLimit(seconds);
            }
            request->m_attempts = 0;
            enqueue(request, true);
            return;
        }
        const Error::Kind kind = status == 429 ? Error::Kind::ClientError : Error::Kind::Forbidden;
        fail(request, makeError(request, kind, status, body), status);
    }

    void log(const Request *request, int status, CacheOutcome outcome, const char *error)
    {
        RequestLogEntry entry;
        entry.url = request->m_currentUrl;
        entry.status = status;
        entry.outcome = outcome;
        entry.milliseconds = request->m_timer.isValid() ? request->m_timer.elapsed() : 0;
        const RateLimit limit = rateLimits.limit(resourceOf(request->m_currentUrl));
        entry.remaining = limit.remaining;
        entry.limit = limit.limit;
        entry.error = QString::fromLatin1(error);
        qCInfo(lcGitHub).noquote() << entry.line();
        Q_EMIT q->requestLogged(entry);
    }

    // finished() always, then exactly one of succeeded() and failed(), then the request goes.
    template <typename Emit>
    void finish(Request *request, Emit emitOutcome)
    {
        request->m_finished = true;
        const QPointer<Request> guarded(request);
        Q_EMIT request->finished();
        if (guarded && !guarded->m_abandoned) {
            emitOutcome(guarded.data());
        }
        if (guarded) {
            guarded->deleteLater();
        }
    }

    void succeed(Request *request, const Response &response, int status)
    {
        log(request, status, response.cacheOutcome, "");
        finish(request, [&response](Request *r) { Q_EMIT r->succeeded(response); });
    }

    void fail(Request *request, const Error &error, int status)
    {
        log(request, status, CacheOutcome::Uncached, Error::kindName(error.kind));
        finish(request, [&error](Request *r) { Q_EMIT r->failed(error); });
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
        if (request->m_finished || request->m_abandoned) {
            continue;
        }
        if (request->m_reply) {
            request->m_reply->disconnect(this);
            request->m_reply->abort();
            request->m_reply->deleteLater();
        }
        Error error = d->makeError(request, Error::Kind::Cancelled);
        request->m_finished = true;
        Q_EMIT request->finished();
        Q_EMIT request->failed(error);
    }
}

QUrl Client::apiBase() const
{
    return d->apiBase;
}

bool Client::carriesTokenSafely(const QUrl &apiBase)
{
    if (apiBase.scheme() == u"https"_s) {
        return true;
    }
    const QString host = apiBase.host();
    return apiBase.scheme() == u"http"_s &&
           (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0 || QHostAddress(host).isLoopback());
}

void Client::setApiBase(const QUrl &apiBase)
{
    const QUrl base = apiBase.adjusted(QUrl::StripTrailingSlash);
    if (base == d->apiBase) {
        return;
    }
    d->apiBase = base;
    d->token.clear();
    d->rateLimits.clear();
    d->heldUntil.clear();
    d->announcedWait.clear();
    d->pump();
}

void Client::setToken(const QByteArray &token)
{
    if (token == d->token) {
        return;
    }
    d->token = token;
    // Limits belong to an account: another token starts from what GitHub says next.
    d->rateLimits.clear();
    d->heldUntil.clear();
    d->announcedWait.clear();
    d->pump();
}

bool Client::hasToken() const
{
    return !d->token.isEmpty();
}

QUrl Client::endpoint(const QString &encodedPath, const QUrlQuery &query) const
{
    QUrl url = d->apiBase;
    url.setPath(d->apiBase.path(QUrl::FullyEncoded) + encodedPath, QUrl::TolerantMode);
    if (!query.isEmpty()) {
        url.setQuery(query);
    }
    return url;
}

Request *Client::get(const QUrl &url, const RequestOptions &options)
{
    auto *request = new Request(url, d->moved.value(normalizedKey(url), url), options, this);
    // Started from the event loop, so that the caller can connect to the request first.
    d->starting.emplace_back(request);
    if (!d->startTimer.isActive()) {
        d->startTimer.start();
    }
    return request;
}

Request *Client::fetchRateLimits()
{
    Request *request = get(endpoint(u"/rate_limit"_s));
    connect(request, &Request::succeeded, this, [this](const Response &response) {
        d->rateLimits.updateFromRateLimitBody(QJsonDocument::fromJson(response.body).object());
    });
    return request;
}

void Client::setMaxConcurrent(int count)
{
    d->maxConcurrent = std::clamp(count, 1, 8);
    d->pump();
}

int Client::maxConcurrent() const
{
    return d->maxConcurrent;
}

void Client::setTransferTimeout(int milliseconds)
{
    d->transferTimeout = milliseconds;
}

void Client::setRetryBaseDelay(int milliseconds)
{
    d->retryBaseDelay = std::max(1, milliseconds);
}

RateLimitTracker *Client::rateLimits() const
{
    return &d->rateLimits;
}

Cache::EtagCache *Client::cache() const
{
    return d->cache;
}

} // namespace Hubshelf::GitHub
