#include "serve/mirror.h"

#include "cache/etagcache.h"
#include "github/client.h"
#include "github/request.h"
#include "serve/originrewriter.h"
#include "serve/passthrough.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Hubshelf::Serve {

namespace {

// What of GitHub's answer a client sees: the API's own headers; the length, the framing and the
// ETag are the mirror's.
bool isForwardedHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    return lower.startsWith("x-ratelimit-") || lower == "cache-control" || lower == "content-type" ||
           lower == "retry-after" || lower == "last-modified" || lower == "x-github-media-type" ||
           lower == "x-oauth-scopes" || lower == "x-accepted-oauth-scopes" || lower == "x-github-request-id";
}

const char *cacheStatusOf(GitHub::CacheOutcome outcome)
{
    switch (outcome) {
    case GitHub::CacheOutcome::Fresh:
        return "hubshelf; hit";
    case GitHub::CacheOutcome::Revalidated:
        return "hubshelf; fwd=stale; fwd-status=304";
    case GitHub::CacheOutcome::Miss:
        return "hubshelf; fwd=uri-miss; stored";
    case GitHub::CacheOutcome::Uncached:
        break;
    }
    return "hubshelf; fwd=uri-miss";
}

const char *logWordOf(GitHub::CacheOutcome outcome)
{
    switch (outcome) {
    case GitHub::CacheOutcome::Fresh:
        return "CACHE_HIT";
    case GitHub::CacheOutcome::Revalidated:
        return "CACHE_REVALIDATED";
    case GitHub::CacheOutcome::Miss:
    case GitHub::CacheOutcome::Uncached:
        break;
    }
    return "CACHE_MISS";
}

// RFC 9110 13.1.2: If-None-Match is "*" or a list of entity tags, compared weakly.
bool matches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    if (ifNoneMatch.trimmed() == "*") {
        return true;
    }
    const QList<QByteArray> tags = ifNoneMatch.split(',');
    for (QByteArray tag : tags) {
        tag = tag.trimmed();
        if (tag.startsWith("W/")) {
            tag = tag.mid(2);
        }
        if (tag == etag) {
            return true;
        }
    }
    return false;
}

} // namespace

Mirror::Mirror(GitHub::Client *client, QNetworkAccessManager *network, bool tls, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_passthrough(new Passthrough(network, this))
    , m_tls(tls)
{
    connect(m_passthrough, &Passthrough::logged, this, &Mirror::logged);
    connect(m_passthrough, &Passthrough::answered, this, [this](bool failed) {
        ++m_statistics.passedThrough;
        m_statistics.failed += failed ? 1 : 0;
    });
}

QByteArray Mirror::etagOf(const QByteArray &body)
{
    return '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(40) + '"';
}

void Mirror::handle(const HttpRequest &request, const HttpServer::Respond &respond)
{
    const QUrl mirrorBase = OriginRewriter::mirrorBaseFor(request.header("host"), m_tls);
    if (!mirrorBase.isValid()) {
        respond(HttpResponse::error(400, u"the Host header is not a plain host[:port]"_s));
        return;
    }
    const bool read = request.method == "GET" || request.method == "HEAD";
    if (read && request.target == "/stats") {
        respond(statsResponse());
        return;
    }
    if (read && request.target == "/healthz") { // for a container's or a load balancer's health check
        HttpResponse healthy;
        healthy.setHeader("Content-Type", "application/json; charset=utf-8");
        healthy.body = R"({"status":"ok"})";
        respond(healthy);
        return;
    }
    if (read && request.target == "/metrics") {
        respond(metricsResponse());
        return;
    }
    const QUrl upstream =
        QUrl::fromEncoded(m_client->apiBase().toEncoded() + request.target, QUrl::StrictMode);
    if (!upstream.isValid() || upstream.host() != m_client->apiBase().host()) {
        respond(HttpResponse::error(400, u"the path is not a valid API path"_s));
        return;
    }
    if (read) {
        get(request, upstream, mirrorBase, respond);
    } else {
        m_passthrough->forward(request, m_client->apiBase(), upstream, respond);
    }
}

void Mirror::get(const HttpRequest &request, const QUrl &upstream, const QUrl &mirrorBase,
                 const HttpServer::Respond &respond)
{
    const QByteArray authorization = request.header("authorization");
    // Whoever asks the same thing as the same identity shares the answer; another identity never.
    const QByteArray key =
        QCryptographicHash::hash(authorization, QCryptographicHash::Sha256) + request.target;
    const bool inFlight = m_inFlight.contains(key);
    m_inFlight[key].append(
        Waiter{respond, request.method == "HEAD", request.header("if-none-match"), mirrorBase});
    if (inFlight) {
        ++m_statistics.collapsed;
        return;
    }
    GitHub::RequestOptions options;
    options.authorization = authorization;
    options.keepAnswer = true;
    options.waitForRateLimit = false; // a spent limit is GitHub's 403 or 429, not a held connection
    GitHub::Request *upstreamRequest = m_client->get(upstream, options);
    connect(upstreamRequest, &GitHub::Request::succeeded, this,
            [this, key](const GitHub::Response &response) { answer(key, response); });
    connect(upstreamRequest, &GitHub::Request::failed, this,
            [this, key](const GitHub::Error &error) { answer(key, error); });
}

void Mirror::answer(const QByteArray &key, const GitHub::Response &response)
{
    const QList<Waiter> waiters = m_inFlight.take(key);
    if (response.cacheOutcome == GitHub::CacheOutcome::Fresh) {
        ++m_statistics.cacheHit;
    } else {
        ++m_statistics.upstreamRequests;
        if (response.cacheOutcome == GitHub::CacheOutcome::Revalidated) {
            ++m_statistics.cacheHit;
            ++m_statistics.revalidated;
        } else {
            ++m_statistics.cacheMiss;
        }
    }
    m_statistics.cacheHit += std::max<qsizetype>(0, waiters.size() - 1);
    for (const Waiter &waiter : waiters) {
        const OriginRewriter rewriter(m_client->apiBase(), waiter.mirrorBase);
        HttpResponse out;
        for (const auto &[name, value] : response.headers) {
            if (isForwardedHeader(name)) {
                out.headers.append({name, value});
            }
        }
        if (out.header("content-type").isEmpty()) {
            out.setHeader("Content-Type", "application/json; charset=utf-8");
        }
        if (const QByteArray link = response.header("link"); !link.isEmpty()) {
            out.setHeader("Link", rewriter.link(link));
        }
        out.status = response.status;
        out.body = rewriter.body(response.body);
        out.setHeader("Cache-Status", cacheStatusOf(response.cacheOutcome));
        if (response.status == 200) { // a 202 or 204 says "not yet" or "nothing": no validator
            const QByteArray etag = etagOf(out.body);
            out.setHeader("ETag", etag);
            if (!waiter.ifNoneMatch.isEmpty() && matches(waiter.ifNoneMatch, etag)) {
                out.status = 304;
                out.body.clear();
            }
        }
        Q_EMIT logged(u"[%1] %2 %3 %4"_s.arg(waiter.head ? u"HEAD"_s : u"GET"_s,
                                             QString::fromLatin1(logWordOf(response.cacheOutcome)),
                                             response.url.toString(), QString::number(out.status)));
        waiter.respond(out); // for a HEAD, the connection writes the length and no body
    }
}

void Mirror::answer(const QByteArray &key, const GitHub::Error &error)
{
    const QList<Waiter> waiters = m_inFlight.take(key);
    m_statistics.failed += waiters.size();
    if (error.answer) {
        ++m_statistics.upstreamRequests;
    }
    for (const Waiter &waiter : waiters) {
        if (!error.answer) { // no answer from GitHub: the network, a deadline, a bad body
            waiter.respond(
                HttpResponse::error(502, u"the API could not be reached: %1"_s.arg(error.message())));
            continue;
        }
        const OriginRewriter rewriter(m_client->apiBase(), waiter.mirrorBase);
        HttpResponse out;
        out.status = error.answer->status;
        for (const auto &[name, value] : error.answer->headers) {
            if (isForwardedHeader(name)) {
                out.headers.append({name, value});
            } else if (name.compare("link", Qt::CaseInsensitive) == 0) {
                out.headers.append({name, rewriter.link(value)});
            } else if (name.compare("location", Qt::CaseInsensitive) == 0) {
                out.headers.append({name, rewriter.location(value)});
            }
        }
        out.body = rewriter.body(error.answer->body);
        out.setHeader("Cache-Status", "hubshelf; fwd=uri-miss");
        Q_EMIT logged(u"[%1] %2 %3 %4"_s.arg(waiter.head ? u"HEAD"_s : u"GET"_s, u"CACHE_MISS"_s,
                                             error.url.toString(), QString::number(out.status)));
        waiter.respond(out);
    }
}

HttpResponse Mirror::statsResponse() const
{
    const Cache::EtagCache *cache = m_client->cache();
    // This instance's counters; "shared" below holds the database's.
    QJsonObject stats{
        {u"cache_hit"_s, m_statistics.cacheHit},
        {u"cache_miss"_s, m_statistics.cacheMiss},
        {u"revalidated"_s, m_statistics.revalidated},
        {u"collapsed"_s, m_statistics.collapsed},
        {u"upstream_requests"_s, m_statistics.upstreamRequests},
        {u"failed"_s, m_statistics.failed},
        {u"passed_through"_s, m_statistics.passedThrough},
        // A fresh hit and a 304 cost no point of the requester's limit: every hit saved one.
        {u"points_saved"_s, m_statistics.cacheHit},
        {u"entries"_s, cache ? cache->entryCount() : 0},
        {u"bytes"_s, cache ? cache->totalBodyBytes() : 0},
    };
    if (cache) {
        // The cache database's own counters: every process that uses it (all the instances behind a
        // load balancer on one PostgreSQL database), over its lifetime. Entries and bytes are its too.
        const Cache::CacheStatistics shared = cache->lifetimeStatistics();
        stats.insert(u"shared"_s,
                     QJsonObject{
                         {u"cache_hit"_s, shared.hits()},
                         {u"cache_miss"_s, shared.misses + shared.uncached},
                         {u"revalidated"_s, shared.revalidated},
                         {u"upstream_requests"_s, shared.revalidated + shared.misses + shared.uncached},
                         {u"points_saved"_s, shared.callsSaved()},
                         {u"bytes_saved"_s, shared.bytesSaved},
                     });
    }
    HttpResponse out;
    out.setHeader("Content-Type", "application/json; charset=utf-8");
    out.setHeader("Cache-Control", "no-store");
    out.body = QJsonDocument(stats).toJson(QJsonDocument::Compact);
    return out;
}

HttpResponse Mirror::metricsResponse() const
{
    const Cache::EtagCache *cache = m_client->cache();
    const auto line = [](const char *name, const char *help, const char *type, qint64 value) -> QByteArray {
        return QByteArray("# HELP hubshelf_") + name + ' ' + help + "\n# TYPE hubshelf_" + name + ' ' + type +
               "\nhubshelf_" + name + ' ' + QByteArray::number(value) + '\n';
    };
    HttpResponse out;
    out.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    out.setHeader("Cache-Control", "no-store");
    out.body =
        line("cache_hits_total", "Requests answered without spending a rate-limit point.", "counter",
             m_statistics.cacheHit) +
        line("cache_misses_total", "Requests fetched from the API.", "counter", m_statistics.cacheMiss) +
        line("cache_revalidated_total", "Hits that a 304 from the API confirmed.", "counter",
             m_statistics.revalidated) +
        line("collapsed_total", "Requests that shared another's upstream request.", "counter",
             m_statistics.collapsed) +
        line("upstream_requests_total", "GET requests sent to the API.", "counter",
             m_statistics.upstreamRequests) +
        line("failed_total", "Requests answered with an error.", "counter", m_statistics.failed) +
        line("passed_through_total", "Requests of other methods than GET and HEAD, sent upstream uncached.",
             "counter", m_statistics.passedThrough) +
        line("cache_entries", "Entries in the cache.", "gauge", cache ? cache->entryCount() : 0) +
        line("cache_bytes", "Body bytes in the cache.", "gauge", cache ? cache->totalBodyBytes() : 0);
    return out;
}

} // namespace Hubshelf::Serve
