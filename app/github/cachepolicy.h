#pragma once

#include "cache/etagcache.h"
#include "github/request.h"

#include <QByteArray>
#include <QDateTime>
#include <QUrl>

// What the client asks of the ETag cache and how GitHub's answers become entries, as pure
// functions: no socket, no QObject, no clock of their own (the caller says what time it is).
namespace Hubshelf::GitHub::CachePolicy {

// The Accept value of every API request, and so the variant of every entry.
inline const QByteArray AcceptValue = QByteArrayLiteral("application/vnd.github+json");

// The cache key of a URL: the same for any order of query items and any case of scheme and host.
QByteArray cacheKey(const QUrl &url);

// The Authorization value for a token ("Bearer TOKEN"), empty for none.
QByteArray authorizationFor(const QByteArray &token);
// The token inside an Authorization value ("token X", "Bearer X"); other schemes (Basic) are
// their whole value: whoever sends the same value is the same identity.
QByteArray tokenIn(const QByteArray &authorization);

// GitHub's ETag for `body` as this request would get it: SHA-256, hex, over the values of the
// request headers Accept, Authorization and Cookie that are present, each followed by ':', then
// the body; quoted. Undocumented (reverse-engineered): a mismatch only costs a normal request.
QByteArray githubEtag(const QByteArray &accept, const QByteArray &authorization, const QByteArray &cookie,
                      const QByteArray &body);
// The ETag an API request with this Authorization (no cookie) would get for `body`.
QByteArray githubEtag(const QByteArray &authorization, const QByteArray &body);
// The ETag of an empty list, `[]`: with nothing cached, a 304 to it means the list is empty.
QByteArray emptyListEtag(const QByteArray &authorization);

// The max-age directive of a Cache-Control value, in seconds; 0 when absent.
int maxAgeSeconds(const QByteArray &cacheControl);

// Whether a 2xx answer may be stored: a 200 with an ETag and without `no-store`.
// GitHub's ETags are 40-odd bytes; a bigger one is never stored (nor sent back in If-None-Match).
constexpr qsizetype MaxEtagBytes = 1024;
bool isStorable(int status, const RawHeaders &headers);

// The entry a 200 answer makes, fetched at `now` by `identity`.
Cache::CachedResponse entryFrom200(const QByteArray &key, const QByteArray &identity,
                                   const RawHeaders &headers, const QByteArray &body, const QDateTime &now);

// The entry behind an empty-list probe's 304: `[]` with the ETag of `authorization`.
Cache::CachedResponse emptyListEntry(const QByteArray &authorization);

// What a 304 makes of the entry it proved (the request's own, another identity's or the empty
// list): kept under `key` and `identity`, fresh from `now` for the 304's max-age, and taking the
// 304's ETag and Link when it sent them (GitHub may change Link without changing the ETag).
Cache::CachedResponse entryFrom304(Cache::CachedResponse proven, const QByteArray &key,
                                   const QByteArray &identity, const RawHeaders &headers,
                                   const QDateTime &now);

// The headers a cached body is served with: those stored, or after a 304 its own headers plus
// the stored ones it left out.
RawHeaders storedHeaders(const Cache::CachedResponse &entry);
RawHeaders mergedHeaders(const RawHeaders &answered, const Cache::CachedResponse &entry);

} // namespace Hubshelf::GitHub::CachePolicy
