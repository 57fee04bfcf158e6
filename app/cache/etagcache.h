#pragma once

#include "core/clock.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QSqlError>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>

class QSqlDatabase;

namespace Hubshelf::Cache {

// One cached GET response: the body exactly as received (decoded), and what is needed to serve or
// revalidate it. `identity` is a keyed hash of the token (or "anon"), never the token itself.
struct CachedResponse
{
    QByteArray url;      // normalized request URL: the key, with variant and identity
    QByteArray variant;  // the Accept value the response was fetched with
    QByteArray identity; // EtagCache::identityFor(token)
    QByteArray etag;     // exactly as received, weak prefix included
    QByteArray lastModified;
    QByteArray link;
    QByteArray contentType;
    QDateTime fetchedAt; // UTC
    int maxAgeSeconds = 0;
    QDateTime lastUsed; // UTC, for LRU eviction
    QByteArray body;

    bool isFresh(const QDateTime &now) const { return fetchedAt.secsTo(now) < maxAgeSeconds; }
};

// What the cache did for the requests of this process. hits() counts as github-mirror does.
struct CacheStatistics
{
    qint64 freshHits = 0;      // served without a request
    qint64 revalidated = 0;    // 304: served from cache, free with a token
    qint64 misses = 0;         // 200 fetched and stored
    qint64 uncached = 0;       // not cacheable (errors, /rate_limit, --no-cache)
    qint64 bytesSaved = 0;     // body bytes not transferred thanks to the cache
    qint64 corruptDropped = 0; // entries whose body failed its checksum: deleted, never served

    qint64 hits() const { return freshHits + revalidated; }
    qint64 callsSaved() const { return freshHits + revalidated; }
};

// The checksum stored next to every body: CRC-32 (zlib) of its stored bytes.
qint64 bodyChecksum(const QByteArray &body);

// How a body is stored (body_encoding): as sent, or compressed by qCompress (zlib).
enum class BodyEncoding : qint64 { Identity = 0, Zlib = 1 };
struct StoredBody
{
    QByteArray bytes;
    BodyEncoding encoding = BodyEncoding::Identity;
};
// A body as it is stored: compressed when that makes it smaller (JSON shrinks ~10x).
StoredBody compressBody(const QByteArray &body);
// The body back from its stored bytes; nothing when they do not expand (damage, an unknown
// encoding, a size beyond any body's).
std::optional<QByteArray> expandBody(const QByteArray &stored, qint64 encoding);

// The list a URL's page belongs to: the URL without its `page` parameter. Eviction keeps or drops
// a list whole.
QByteArray listKeyOf(const QByteArray &url);

// One stored entry from its columns as the database returns them, in this order: etag, last_modified,
// link, content_type, fetched_at, max_age, last_used, body, body_crc32, body_encoding (a damaged or
// foreign file may hold any type in any of them; without the last, the body is as sent). Nothing
// when the stored bytes do not match their checksum, the row has none, or they do not expand.
// Without a database, so that the fuzzer reaches it; EtagCache reads through it.
std::optional<CachedResponse> decodeStoredEntry(const QVariantList &columns, const QByteArray &url,
                                                const QByteArray &variant, const QByteArray &identity);

// An entry as read, its body still as stored and unchecked: unsealBody() checks and expands it, and
// touches nothing else, so that the CPU of a large body may be spent on another thread than the
// database's. decodeStoredEntry() is readStoredEntry() and unsealBody().
struct SealedEntry
{
    CachedResponse response; // without its body
    QByteArray stored;
    qint64 checksum = 0;
    qint64 encoding = qint64(BodyEncoding::Identity);

    // The size the body says it expands to (not checked yet).
    qsizetype bodySize() const;
};
std::optional<SealedEntry> readStoredEntry(const QVariantList &columns, const QByteArray &url,
                                           const QByteArray &variant, const QByteArray &identity);
// The body, when its stored bytes match their checksum and expand.
std::optional<QByteArray> unsealBody(const SealedEntry &entry);

// The persistent ETag cache on Qt Sql: an SQLite file (WAL; the embedded default), or a PostgreSQL
// database that several processes share (entries, statistics and the identity key alike). Every
// write is one transaction. An SQLite file that fails `PRAGMA quick_check` at open is moved aside
// and rebuilt (it is only a cache); a PostgreSQL server that goes away is reconnected to, and
// until then every lookup is a miss and every write is skipped. What differs between the two is
// SqlDialect's.
class EtagCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EtagCache)

public:
    static constexpr qint64 DefaultSizeLimit = 256LL * 1024 * 1024;
    // The schema version of a database once open() has migrated it (SQLite: PRAGMA user_version;
    // PostgreSQL: meta's schema_version).
    // 2: a CRC-32 per body (body_crc32), checked on every read; a mismatch is a miss, dropped.
    // 3: bodies compressed (body_encoding, body_size the stored size, the checksum of the stored
    //    bytes; older entries stay readable as they are) and each entry's list (list_key), evicted
    //    whole.
    // 4: the rate-limit ledger's tables (rate_limit_samples, rate_limit_spend).
    static constexpr int SchemaVersion = 4;

    // `location`: an SQLite file, or postgresql://USER:PASSWORD@HOST:PORT/DB (DatabaseLocation).
    explicit EtagCache(const QString &location, QObject *parent = nullptr);

    // Where the program keeps its cache: QStandardPaths::CacheLocation/http-cache.sqlite.
    static QString defaultPath();
    ~EtagCache() override;

    // Opens or creates the database, checks it, migrates it. False with errorString() when even a
    // rebuilt database cannot be opened, or the server cannot be reached.
    bool open();
    // open() succeeded. A PostgreSQL cache stays open while its server is away (isConnected()).
    bool isOpen() const;
    bool isConnected() const;
    // The location as given: a PostgreSQL URL may hold a password, so never print it.
    QString databasePath() const;
    // The location for people and logs: the file, or the URL without its password.
    QString displayName() const;
    // Never holds the password either.
    QString errorString() const;
    // True when open() found the file corrupt, moved it aside (to PATH.corrupt) and started afresh.
    bool wasRebuilt() const;

    // HMAC-SHA-256 of the token with a random key kept in the database, hex; "anon" for no token.
    QByteArray identityFor(const QByteArray &token) const;

    // A body whose checksum does not match is never returned: the entry is deleted and counted in
    // CacheStatistics::corruptDropped, and the caller sees a miss.
    std::optional<CachedResponse> find(const QByteArray &url, const QByteArray &variant,
                                       const QByteArray &identity);
    // find() in two steps: the entry with its body sealed (unsealBody(), on any thread), and, when
    // that fails, dropCorrupt().
    std::optional<SealedEntry> findSealed(const QByteArray &url, const QByteArray &variant,
                                          const QByteArray &identity);
    void dropCorrupt(const QByteArray &url, const QByteArray &variant, const QByteArray &identity);
    // The most recently fetched entry for this URL and variant under any other identity: the
    // candidate for cross-identity revalidation. Never to be shown without a 304 proving it.
    std::optional<CachedResponse> findOtherIdentity(const QByteArray &url, const QByteArray &variant,
                                                    const QByteArray &identity);
    // Inserts or replaces (url, variant, identity); evicts least-recently-used entries beyond the
    // size limit. One transaction.
    bool store(const CachedResponse &response);
    // The same with the body already compressed by compressBody(response.body), which may run on
    // another thread; the body of `response` itself is not read.
    bool store(const CachedResponse &response, const StoredBody &stored);
    // After a 304: the entry is fresh again from `fetchedAt`, with the new max-age, and takes the
    // 304's ETag and Link when it sent them (GitHub may change Link without changing the ETag).
    bool refresh(const QByteArray &url, const QByteArray &variant, const QByteArray &identity,
                 const QDateTime &fetchedAt, int maxAgeSeconds, const QByteArray &etag = {},
                 const QByteArray &link = {});
    bool remove(const QByteArray &url, const QByteArray &variant, const QByteArray &identity);
    // Every page of the list at `url` (its query ignored: any page, any per_page), for every
    // variant and identity.
    bool removeList(const QByteArray &url);
    bool clear();

    // The database for the tables that live beside the entries (the rate-limit ledger's): `work`
    // runs in one write transaction, committed when it returns no error, or reads with the
    // connection. False, with errorString(), when the database cannot be used now or `work` failed;
    // a lost server is reconnected to as for the entries. Only on the cache's thread.
    using DatabaseWork = std::function<QSqlError(QSqlDatabase &db)>;
    bool writeTransaction(const DatabaseWork &work);
    bool read(const DatabaseWork &work);

    // When an entry was last used (for LRU eviction); the system clock unless a test sets one.
    void setClock(Core::Clock clock);

    void setSizeLimit(qint64 bytes);
    qint64 sizeLimit() const;
    qint64 totalBodyBytes() const;
    qint64 entryCount() const;

    void recordFreshHit(qint64 bodyBytes);
    void recordRevalidated(qint64 bodyBytes);
    void recordMiss();
    void recordUncached();
    CacheStatistics statistics() const;         // this process
    CacheStatistics lifetimeStatistics() const; // kept in the database across runs

Q_SIGNALS:
    void statisticsChanged(const Hubshelf::Cache::CacheStatistics &statistics);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Hubshelf::Cache
