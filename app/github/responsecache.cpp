#include "github/responsecache.h"

#include "github/cachepolicy.h"

namespace Hubshelf::GitHub {

QByteArray CacheValidator::ifNoneMatch(const QByteArray &authorization) const
{
    switch (kind) {
    case Kind::Own:
        return cached->etag;
    case Kind::OtherIdentity:
        return CachePolicy::githubEtag(authorization, cached->body);
    case Kind::EmptyListProbe:
        return CachePolicy::emptyListEtag(authorization);
    case Kind::None:
        break;
    }
    return {};
}

ResponseCache::ResponseCache(Cache::EtagCache *cache)
    : m_cache(cache)
{}

QByteArray ResponseCache::identityFor(const QByteArray &token) const
{
    return m_cache ? m_cache->identityFor(token) : QByteArray("anon");
}

bool ResponseCache::uses(const Query &query) const
{
    return query.options.useCache && m_cache && m_cache->isOpen() && query.cacheableUrl;
}

ResponseCache::Lookup ResponseCache::lookup(const Query &query, const QDateTime &now, qsizetype sealFrom)
{
    Lookup result;
    const QByteArray key = CachePolicy::cacheKey(query.url);
    std::optional<Cache::SealedEntry> own;
    if (uses(query)) {
        own = m_cache->findSealed(key, CachePolicy::AcceptValue, query.identity);
    }
    // Offline, whatever is saved answers, F5 (revalidate) too: there is nobody to ask.
    const bool fresh = own && own->response.isFresh(now);
    const bool answers =
        own && (query.options.offline || query.options.acceptStale || (!query.options.revalidate && fresh));
    const bool keepSealed = answers && own->bodySize() >= sealFrom;
    if (own && !keepSealed) {
        if (std::optional<QByteArray> body = Cache::unsealBody(*own)) {
            own->response.body = std::move(*body);
        } else {
            m_cache->dropCorrupt(key, CachePolicy::AcceptValue, query.identity);
            own.reset(); // as if there were none
        }
    }
    if (own && answers) {
        result.answer = Lookup::Answer::Fresh;
        result.fresh = Response{query.url,
                                CachePolicy::storedHeaders(own->response),
                                own->response.body,
                                CacheOutcome::Fresh,
                                {},
                                200,
                                own->response.fetchedAt,
                                !fresh};
        if (keepSealed) {
            result.sealed = std::move(own);
        } else {
            m_cache->recordFreshHit(result.fresh.body.size());
        }
        return result;
    }
    if (query.options.offline || query.options.freshOnly) {
        result.answer = Lookup::Answer::OfflineMiss;
        return result;
    }
    if (own) {
        result.validator = {CacheValidator::Kind::Own, std::move(own->response)};
    } else if (uses(query)) {
        if (auto other = m_cache->findOtherIdentity(key, CachePolicy::AcceptValue, query.identity)) {
            result.validator = {CacheValidator::Kind::OtherIdentity, std::move(other)};
        } else if (query.options.expectList) {
            result.validator.kind = CacheValidator::Kind::EmptyListProbe;
        }
    }
    return result;
}

std::optional<Response> ResponseCache::unsealed(const Query &query, Lookup lookup,
                                                std::optional<QByteArray> body)
{
    if (!body) {
        m_cache->dropCorrupt(CachePolicy::cacheKey(query.url), CachePolicy::AcceptValue, query.identity);
        return std::nullopt;
    }
    m_cache->recordFreshHit(body->size());
    lookup.fresh.body = std::move(*body);
    return std::move(lookup.fresh);
}

CacheOutcome ResponseCache::store(const Query &query, int status, const RawHeaders &headers,
                                  const QByteArray &body, const QDateTime &now)
{
    return storeCompressed(
        query, status, headers, body,
        mayStore(query, status, headers) ? std::optional(Cache::compressBody(body)) : std::nullopt, now);
}

CacheOutcome ResponseCache::storeCompressed(const Query &query, int status, const RawHeaders &headers,
                                            const QByteArray &body,
                                            const std::optional<Cache::StoredBody> &stored,
                                            const QDateTime &now)
{
    CacheOutcome outcome = CacheOutcome::Uncached;
    // Asked again: the cache may have closed while the body was being compressed on another thread.
    if (stored && mayStore(query, status, headers) &&
        m_cache->store(
            CachePolicy::entryFrom200(CachePolicy::cacheKey(query.url), query.identity, headers, body, now),
            *stored)) {
        outcome = CacheOutcome::Miss;
        m_cache->recordMiss();
    }
    if (outcome == CacheOutcome::Uncached && m_cache) {
        m_cache->recordUncached();
    }
    return outcome;
}

bool ResponseCache::mayStore(const Query &query, int status, const RawHeaders &headers) const
{
    return uses(query) && CachePolicy::isStorable(status, headers);
}

ResponseCache::Prepared ResponseCache::prepare(bool jsonUrl, int status, const QByteArray &body, bool store,
                                               const MemberSelection &selection,
                                               const JsonPreparation &prepareJson)
{
    Prepared prepared;
    const bool mayBeEmpty = status == 202 || status == 204;
    if (jsonUrl && !(mayBeEmpty && body.trimmed().isEmpty())) {
        ParsedBody parsed = parseBody(body, selection, prepareJson);
        if (!parsed.json) {
            prepared.wholeJson = false;
            return prepared;
        }
        prepared.json = std::move(*parsed.json);
        prepared.prepared = std::move(parsed.prepared);
    }
    if (store) {
        prepared.stored = Cache::compressBody(body);
    }
    return prepared;
}

std::optional<Response> ResponseCache::accept(const Query &query, int status, const RawHeaders &headers,
                                              const QByteArray &body, const QDateTime &now)
{
    return accept(query, status, headers, body,
                  prepare(query.jsonUrl, status, body, mayStore(query, status, headers)), now);
}

std::optional<Response> ResponseCache::accept(const Query &query, int status, const RawHeaders &headers,
                                              const QByteArray &body, Prepared prepared, const QDateTime &now)
{
    if (!prepared.wholeJson) {
        return std::nullopt;
    }
    const CacheOutcome outcome = storeCompressed(query, status, headers, body, prepared.stored, now);
    Response response{query.url, headers, body, outcome, std::move(prepared.json), status, {}};
    response.prepared = std::move(prepared.prepared);
    return response;
}

std::optional<Response> ResponseCache::revalidate(const Query &query, const CacheValidator &validator,
                                                  const RawHeaders &headers, const QDateTime &now)
{
    if (validator.kind == CacheValidator::Kind::None) {
        return std::nullopt;
    }
    // The 304 proves the body for this identity too: another identity's entry, or the empty
    // list, is kept under this one.
    const Cache::CachedResponse proven =
        validator.cached ? *validator.cached : CachePolicy::emptyListEntry(query.authorization);
    const Cache::CachedResponse entry =
        CachePolicy::entryFrom304(proven, CachePolicy::cacheKey(query.url), query.identity, headers, now);
    if (validator.kind == CacheValidator::Kind::Own) {
        m_cache->refresh(entry.url, entry.variant, entry.identity, entry.fetchedAt, entry.maxAgeSeconds,
                         findHeader(headers, "etag"), findHeader(headers, "link"));
    } else {
        m_cache->store(entry);
    }
    m_cache->recordRevalidated(entry.body.size());
    return Response{
        query.url, CachePolicy::mergedHeaders(headers, entry), entry.body, CacheOutcome::Revalidated, {}, 200,
        {}};
}

} // namespace Hubshelf::GitHub
