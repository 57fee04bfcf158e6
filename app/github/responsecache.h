#pragma once

#include "cache/etagcache.h"
#include "github/request.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QUrl>

#include <limits>
#include <optional>

namespace Hubshelf::GitHub {

// What a request that goes to the network offers GitHub for a 304 (If-None-Match), and the body
// such a 304 proves.
struct CacheValidator
{
    enum class Kind {
        None,           // an unconditional GET: a 304 to it is a bad answer
        Own,            // this identity's stale entry, its ETag sent back exactly as received
        OtherIdentity,  // another identity's entry, with the ETag GitHub would give this request
        EmptyListProbe, // nothing cached for a list: the ETag of `[]`
    };
    Kind kind = Kind::None;
    std::optional<Cache::CachedResponse> cached; // Own and OtherIdentity

    // The If-None-Match value for a request sending `authorization` (empty: none); empty for None.
    QByteArray ifNoneMatch(const QByteArray &authorization) const;
};

// The client's side of the ETag cache: whether a request is answered from it, which conditional
// it goes out with, and what a 200 or a 304 makes of the cache (statistics included). No socket,
// no QObject: the client says what time it is and which URLs the cache may take part in.
class ResponseCache final
{
public:
    // A request as the cache sees it.
    struct Query
    {
        QUrl url;                 // where it goes now, after redirects
        QByteArray identity;      // who asks (identityFor()), fixed when the request began
        QByteArray authorization; // that identity's Authorization value, empty for none
        RequestOptions options;
        bool cacheableUrl = false; // an API URL, and not /rate_limit (which is never cached)
        bool jsonUrl = false;      // an API URL: every answer is JSON
    };

    struct Lookup
    {
        enum class Answer {
            Fresh,       // `fresh` is the answer: no request
            OfflineMiss, // offline (or fresh only), and nothing usable cached
            Fetch,       // ask the network, with `validator`
        };
        Answer answer = Answer::Fetch;
        Response fresh; // its body empty while `sealed`
        CacheValidator validator;
        std::optional<Cache::SealedEntry> sealed; // Fresh, its body for unsealed() to finish
    };

    // `cache` may be null (no caching); it is not owned.
    explicit ResponseCache(Cache::EtagCache *cache);

    Cache::EtagCache *etagCache() const { return m_cache; }
    // The identity a token's requests are cached under; "anon" without a token or a cache.
    QByteArray identityFor(const QByteArray &token) const;

    // Before a request goes out: a fresh entry (or, offline, any entry) answers it unless it asks
    // to revalidate; otherwise it goes out, conditional on whatever may earn a 304. A Fresh answer's
    // body of `sealFrom` bytes or more comes sealed: unsealBody() (on any thread), then unsealed().
    Lookup lookup(const Query &query, const QDateTime &now,
                  qsizetype sealFrom = std::numeric_limits<qsizetype>::max());
    // A sealed Fresh answer with its unsealed body; nothing when there was none (damage): then the
    // entry is dropped, and a lookup again asks the network.
    std::optional<Response> unsealed(const Query &query, Lookup lookup, std::optional<QByteArray> body);
    // A 2xx answer whose body is whole: stored when it may be (Miss), else Uncached.
    CacheOutcome store(const Query &query, int status, const RawHeaders &headers, const QByteArray &body,
                       const QDateTime &now);
    // A 2xx answer: the Response, its body stored when it may be; nothing when a JSON URL's body is
    // not whole JSON (Qt 6.4 reports a gzip body cut short as success with part of the body).
    // prepare() and accept(…, prepared, …) are the same in two steps, the first of which touches
    // nothing but its arguments and so may run on another thread.
    std::optional<Response> accept(const Query &query, int status, const RawHeaders &headers,
                                   const QByteArray &body, const QDateTime &now);

    // The CPU-heavy part of accepting a 2xx: the body parsed, and compressed for the cache.
    struct Prepared
    {
        bool wholeJson = true; // false: a JSON URL's body that is not whole JSON
        QJsonDocument json;
        std::any prepared;                       // RequestOptions::prepareJson's of `json`
        std::optional<Cache::StoredBody> stored; // when it is to be stored
    };
    // Whether a 2xx with these headers goes into the cache (answered on the cache's thread).
    bool mayStore(const Query &query, int status, const RawHeaders &headers) const;
    static Prepared prepare(bool jsonUrl, int status, const QByteArray &body, bool store,
                            const MemberSelection &selection = {}, const JsonPreparation &prepareJson = {});
    std::optional<Response> accept(const Query &query, int status, const RawHeaders &headers,
                                   const QByteArray &body, Prepared prepared, const QDateTime &now);
    // A 304 to `validator`: the proven body, now kept under the query's identity, with the 304's
    // headers. Nothing when the request was not conditional: then the 304 is a bad answer.
    std::optional<Response> revalidate(const Query &query, const CacheValidator &validator,
                                       const RawHeaders &headers, const QDateTime &now);

private:
    bool uses(const Query &query) const;
    // store() with the body compressed already (none: not to be stored).
    CacheOutcome storeCompressed(const Query &query, int status, const RawHeaders &headers,
                                 const QByteArray &body, const std::optional<Cache::StoredBody> &stored,
                                 const QDateTime &now);

    Cache::EtagCache *m_cache = nullptr;
};

} // namespace Hubshelf::GitHub
