#include "github/cachepolicy.h"

#include <QCryptographicHash>
#include <QUrlQuery>

#include <algorithm>

namespace Hubshelf::GitHub::CachePolicy {

QByteArray cacheKey(const QUrl &url)
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

QByteArray authorizationFor(const QByteArray &token)
{
    return token.isEmpty() ? QByteArray() : QByteArray("Bearer " + token);
}

QByteArray tokenIn(const QByteArray &authorization)
{
    const qsizetype space = authorization.indexOf(' ');
    const QByteArray scheme = authorization.left(space).toLower();
    return space > 0 && (scheme == "token" || scheme == "bearer") ? authorization.mid(space + 1).trimmed()
                                                                  : authorization;
}

QByteArray githubEtag(const QByteArray &accept, const QByteArray &authorization, const QByteArray &cookie,
                      const QByteArray &body)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray *value : {&accept, &authorization, &cookie}) {
        if (!value->isEmpty()) {
            hash.addData(*value);
            hash.addData(QByteArrayView(":"));
        }
    }
    hash.addData(body);
    return QByteArray('"' + hash.result().toHex() + '"');
}

QByteArray githubEtag(const QByteArray &authorization, const QByteArray &body)
{
    return githubEtag(AcceptValue, authorization, {}, body);
}

QByteArray emptyListEtag(const QByteArray &authorization)
{
    return githubEtag(authorization, QByteArrayLiteral("[]"));
}

int maxAgeSeconds(const QByteArray &cacheControl)
{
    for (const QByteArray &directive : cacheControl.split(',')) {
        const QByteArray trimmed = directive.trimmed().toLower();
        if (trimmed.startsWith("max-age=")) {
            return std::max(0, trimmed.mid(8).toInt());
        }
    }
    return 0;
}

bool isStorable(int status, const RawHeaders &headers)
{
    const QByteArray etag = findHeader(headers, "etag");
    return status == 200 && !findHeader(headers, "cache-control").toLower().contains("no-store") &&
           !etag.isEmpty() && etag.size() <= MaxEtagBytes;
}

Cache::CachedResponse entryFrom200(const QByteArray &key, const QByteArray &identity,
                                   const RawHeaders &headers, const QByteArray &body, const QDateTime &now)
{
    Cache::CachedResponse entry;
    entry.url = key;
    entry.variant = AcceptValue;
    entry.identity = identity;
    entry.etag = findHeader(headers, "etag");
    entry.lastModified = findHeader(headers, "last-modified");
    entry.link = findHeader(headers, "link");
    entry.contentType = findHeader(headers, "content-type");
    entry.fetchedAt = now;
    entry.maxAgeSeconds = maxAgeSeconds(findHeader(headers, "cache-control"));
    entry.lastUsed = now;
    entry.body = body;
    return entry;
}

Cache::CachedResponse emptyListEntry(const QByteArray &authorization)
{
    Cache::CachedResponse entry;
    entry.contentType = "application/json; charset=utf-8";
    entry.body = "[]";
    entry.etag = emptyListEtag(authorization);
    return entry;
}

Cache::CachedResponse entryFrom304(Cache::CachedResponse proven, const QByteArray &key,
                                   const QByteArray &identity, const RawHeaders &headers,
                                   const QDateTime &now)
{
    proven.url = key;
    proven.variant = AcceptValue;
    proven.identity = identity;
    proven.fetchedAt = proven.lastUsed = now;
    proven.maxAgeSeconds = maxAgeSeconds(findHeader(headers, "cache-control"));
    // A 304 may leave out ETag or Link: what it does not say, the entry keeps.
    if (const QByteArray etag = findHeader(headers, "etag"); !etag.isEmpty() && etag.size() <= MaxEtagBytes) {
        proven.etag = etag;
    }
    if (const QByteArray link = findHeader(headers, "link"); !link.isEmpty()) {
        proven.link = link;
    }
    return proven;
}

RawHeaders storedHeaders(const Cache::CachedResponse &entry)
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

RawHeaders mergedHeaders(const RawHeaders &answered, const Cache::CachedResponse &entry)
{
    RawHeaders merged = answered;
    for (const auto &[name, value] : storedHeaders(entry)) {
        if (findHeader(merged, name).isEmpty()) {
            merged.append({name, value});
        }
    }
    return merged;
}

} // namespace Hubshelf::GitHub::CachePolicy
