#include "cache/etagcache.h"

#include "cache/databaselocation.h"
#include "cache/logging.h"
#include "cache/sqldialect.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

#include <algorithm>
#include <array>
#include <atomic>
#include <initializer_list>
#include <memory>
#include <unordered_map>
#include <vector>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace Hubshelf::Cache {

namespace {

constexpr int HmacKeyBytes = 32;
// After an outage the connection is tried again after 1 s, then 2, 4, 8 and every 15 s: each
// attempt may wait for the connect timeout on the thread that serves requests.
constexpr int FirstRetryMs = 1000;
constexpr int MaxRetryMs = 15 * 1000;

constexpr auto KeyTotalBodySize = "total_body_size"_L1;
constexpr auto KeyFreshHits = "fresh_hits"_L1;
constexpr auto KeyRevalidated = "revalidated"_L1;
constexpr auto KeyMisses = "misses"_L1;
constexpr auto KeyUncached = "uncached"_L1;
constexpr auto KeyBytesSaved = "bytes_saved"_L1;
constexpr auto KeyCorruptDropped = "corrupt_dropped"_L1;

// The statements both databases understand alike; SqlDialect holds the others.
constexpr auto SqlFind =
    "SELECT etag, last_modified, link, content_type, fetched_at, max_age, last_used, body, body_crc32,"
    " body_encoding FROM responses WHERE url = ? AND variant = ? AND identity = ?"_L1;
constexpr auto SqlFindOther =
    "SELECT etag, last_modified, link, content_type, fetched_at, max_age, last_used, body, body_crc32,"
    " body_encoding, identity FROM responses WHERE url = ? AND variant = ? AND identity <> ?"
    " ORDER BY fetched_at DESC LIMIT 1"_L1;
constexpr auto SqlTouch =
    "UPDATE responses SET last_used = ? WHERE url = ? AND variant = ? AND identity = ?"_L1;
constexpr auto SqlUpsert =
    "INSERT INTO responses (url, variant, identity, etag, last_modified, link, content_type, fetched_at,"
    " max_age, last_used, body_size, body, body_crc32, body_encoding, list_key)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (url, variant, identity) DO UPDATE SET etag = excluded.etag,"
    " last_modified = excluded.last_modified, link = excluded.link, content_type = excluded.content_type,"
    " fetched_at = excluded.fetched_at, max_age = excluded.max_age, last_used = excluded.last_used,"
    " body_size = excluded.body_size, body = excluded.body, body_crc32 = excluded.body_crc32,"
    " body_encoding = excluded.body_encoding, list_key = excluded.list_key"_L1;
constexpr auto SqlRefresh = "UPDATE responses SET fetched_at = ?, max_age = ?, last_used = ?,"
                            " etag = COALESCE(?, etag), link = COALESCE(?, link)"
                            " WHERE url = ? AND variant = ? AND identity = ?"_L1;
constexpr auto SqlRemove = "DELETE FROM responses WHERE url = ? AND variant = ? AND identity = ?"_L1;
// In batches: PostgreSQL sends a query's rows until the end, even when the reader stops early.
// Whole lists go first, the least recently used list first (its most recent page decides): a list
// half evicted would cost every page again on the next visit, since pages are asked in order.
constexpr auto SqlLeastRecentLists = "SELECT list_key, sum(body_size) FROM responses GROUP BY list_key"
                                     " ORDER BY max(last_used) LIMIT 16"_L1;
constexpr auto SqlRemoveList = "DELETE FROM responses WHERE list_key = ?"_L1;
// A list whatever its query: its key is the address, or starts with the address and '?' ('@' is the
// byte after '?', so the range is every key that starts so, and the list_key index serves it).
constexpr auto SqlRemoveListAnyQuery =
    "DELETE FROM responses WHERE list_key = ? OR (list_key >= ? AND list_key < ?)"_L1;
constexpr auto SqlMostRecentList = "SELECT list_key FROM responses ORDER BY last_used DESC LIMIT 1"_L1;
// Pages one by one: only when the list being stored is all that is left.
constexpr auto SqlLeastRecentlyUsed =
    "SELECT body_size, url, variant, identity FROM responses ORDER BY last_used LIMIT 64"_L1;
constexpr auto SqlKeys = "SELECT url, variant, identity FROM responses"_L1;
constexpr auto SqlBody = "SELECT body FROM responses WHERE url = ? AND variant = ? AND identity = ?"_L1;
constexpr auto SqlSetChecksum =
    "UPDATE responses SET body_crc32 = ? WHERE url = ? AND variant = ? AND identity = ?"_L1;
constexpr auto SqlMetaGet = "SELECT value FROM meta WHERE key = ?"_L1;
// meta.value, not value: PostgreSQL finds a bare name ambiguous between the row and `excluded`.
constexpr auto SqlMetaAdd = "INSERT INTO meta (key, value) VALUES (?, ?)"
                            " ON CONFLICT (key) DO UPDATE SET value = meta.value + excluded.value"_L1;
constexpr auto SqlMaxLastUsed = "SELECT max(last_used) FROM responses"_L1;
constexpr auto SqlCount = "SELECT count(*) FROM responses"_L1;
constexpr auto SqlClear = "DELETE FROM responses"_L1;
constexpr auto SqlMetaAll = "SELECT key, value FROM meta"_L1;

QDateTime fromMSecs(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

std::atomic<quint64> connectionCounter{0};

// The columns both finds select, in this order: etag, last_modified, link, content_type,
// fetched_at, max_age, last_used, body, body_crc32, body_encoding (decodeStoredEntry's order);
// SqlFindOther adds the identity after them.
constexpr int StoredColumnCount = 10;

// Bodies from this size on are stored compressed, when that makes them smaller: below it the
// saving is a few hundred bytes and not worth a zlib call per read. Level 6 (zlib's default), by
// bench_compression on the fake's largest pages: see compressBody().
constexpr qsizetype CompressFromBytes = 1024;
constexpr int CompressionLevel = 6;
// No GitHub answer the client accepts is larger (Client's transfer bound is lower still): a stored
// header claiming more is damage, not a body to allocate for.
constexpr quint32 MaxBodyBytes = 512u * 1024u * 1024u;

QVariantList storedColumnsOf(const QSqlQuery &row)
{
    QVariantList columns;
    columns.reserve(StoredColumnCount);
    for (int column = 0; column < StoredColumnCount; ++column) {
        columns.append(row.value(column));
    }
    return columns;
}

} // namespace

// CRC-32 (zlib) of a stored body, checked on every read: it finds bit rot and stray writes, which
// `PRAGMA quick_check` does not look for. Measured on a 2 MB body: 0.45 ms of CPU against 11.4 ms for
// QCryptographicHash's SHA-256 (and 1.4 ms for OpenSSL's, a dependency the cache does not have). It
// detects every error of one or two bits and every burst up to 32 bits; a cryptographic hash would
// add nothing against someone who can write the file, as they can rewrite any unkeyed checksum too.
qint64 bodyChecksum(const QByteArray &body)
{
    return qint64(crc32_z(crc32_z(0, nullptr, 0), reinterpret_cast<const Bytef *>(body.constData()),
                          z_size_t(body.size())));
}

QByteArray listKeyOf(const QByteArray &url)
{
    // Page 1 comes without `page`, the others with it: every key is re-encoded the same way.
    QUrl parsed = QUrl::fromEncoded(url);
    QUrlQuery query(parsed);
    query.removeAllQueryItems(u"page"_s);
    parsed.setQuery(query);
    return parsed.toEncoded();
}

StoredBody compressBody(const QByteArray &body)
{
    if (body.size() >= CompressFromBytes) {
        QByteArray compressed = qCompress(body, CompressionLevel);
        if (compressed.size() < body.size()) {
            return {std::move(compressed), BodyEncoding::Zlib};
        }
    }
    return {body, BodyEncoding::Identity};
}

namespace {

// qCompress's header: the size the bytes say they expand to, 4 bytes big-endian; none without it.
std::optional<quint32> zlibExpandedSize(const QByteArray &stored)
{
    if (stored.size() < 4) {
        return std::nullopt;
    }
    return quint32(quint8(stored.at(0))) << 24 | quint32(quint8(stored.at(1))) << 16 |
           quint32(quint8(stored.at(2))) << 8 | quint32(quint8(stored.at(3)));
}

} // namespace

std::optional<QByteArray> expandBody(const QByteArray &stored, qint64 encoding)
{
    switch (encoding) {
    case qint64(BodyEncoding::Identity):
        return stored;
    case qint64(BodyEncoding::Zlib): {
        // Checked before qUncompress allocates it.
        const std::optional<quint32> expected = zlibExpandedSize(stored);
        if (!expected || *expected > MaxBodyBytes) {
            return std::nullopt;
        }
        QByteArray body = qUncompress(stored);
        if (body.size() != qsizetype(*expected)) {
            return std::nullopt; // an empty body is stored as it is, so empty here is a failure
        }
        return body;
    }
    default:
        return std::nullopt; // written by a later version: not readable here
    }
}

std::optional<SealedEntry> readStoredEntry(const QVariantList &columns, const QByteArray &url,
                                           const QByteArray &variant, const QByteArray &identity)
{
    if (columns.size() < StoredColumnCount - 1) {
        return std::nullopt;
    }
    SealedEntry entry;
    CachedResponse &response = entry.response;
    response.url = url;
    response.variant = variant;
    response.identity = identity;
    response.etag = columns.at(0).toByteArray();
    response.lastModified = columns.at(1).toByteArray();
    response.link = columns.at(2).toByteArray();
    response.contentType = columns.at(3).toByteArray();
    response.fetchedAt = fromMSecs(columns.at(4).toLongLong());
    response.maxAgeSeconds = columns.at(5).toInt();
    response.lastUsed = fromMSecs(columns.at(6).toLongLong());
    entry.stored = columns.at(7).toByteArray();
    // A row without a checksum can only come from a program that bypassed store().
    const QVariant &checksum = columns.at(8);
    bool ok = false;
    entry.checksum = checksum.toLongLong(&ok);
    if (checksum.isNull() || !ok) {
        return std::nullopt;
    }
    // Entries from before compression (schema 2) have no encoding column: their bodies are as sent.
    if (columns.size() >= StoredColumnCount) {
        entry.encoding = columns.at(9).toLongLong(&ok);
        if (!ok) {
            return std::nullopt;
        }
    }
    return entry;
}

qsizetype SealedEntry::bodySize() const
{
    if (encoding == qint64(BodyEncoding::Zlib)) {
        if (const std::optional<quint32> size = zlibExpandedSize(stored)) {
            return qsizetype(*size);
        }
    }
    return stored.size();
}

std::optional<QByteArray> unsealBody(const SealedEntry &entry)
{
    // The checksum is of the stored bytes: damage is found before anything is decompressed.
    if (entry.checksum != bodyChecksum(entry.stored)) {
        return std::nullopt;
    }
    return expandBody(entry.stored, entry.encoding);
}

namespace {

// The entry with its body, when the body unseals.
std::optional<CachedResponse> unsealed(SealedEntry entry)
{
    std::optional<QByteArray> body = unsealBody(entry);
    if (!body) {
        return std::nullopt;
    }
    entry.response.body = std::move(*body);
    return std::move(entry.response);
}

} // namespace

std::optional<CachedResponse> decodeStoredEntry(const QVariantList &columns, const QByteArray &url,
                                                const QByteArray &variant, const QByteArray &identity)
{
    std::optional<SealedEntry> entry = readStoredEntry(columns, url, variant, identity);
    return entry ? unsealed(std::move(*entry)) : std::nullopt;
}

struct EtagCache::Private
{
    // Finishes a cached query when the scope ends: an unfinished SELECT would keep a read
    // transaction open (holding back SQLite's WAL checkpoints), or leave PostgreSQL's rows unread.
    class Statement final
    {
    public:
        Statement(Private &d, QLatin1StringView sql)
            : m_d(d)
            , m_query(d.prepared(sql))
        {}
        ~Statement()
        {
            if (m_query) {
                m_query->finish();
            }
        }
        Q_DISABLE_COPY_MOVE(Statement)

        bool exec(std::initializer_list<QVariant> values, const char *what)
        {
            if (!m_query || m_d.lost) {
                return false;
            }
            int position = 0;
            for (const QVariant &value : values) {
                m_query->bindValue(position++, value);
            }
            if (!m_query->exec()) {
                m_d.fail(what, m_query->lastError());
                return false;
            }
            return true;
        }
        QSqlQuery *operator->() const { return m_query; }
        const QSqlQuery &operator*() const { return *m_query; }

    private:
        Private &m_d;
        QSqlQuery *m_query = nullptr;
    };

    // A write transaction as the dialect begins it, so that no other writer interleaves; rolled
    // back unless committed. Not after a lost connection: the server has rolled it back already.
    class Transaction final
    {
    public:
        explicit Transaction(Private &d)
            : m_d(d)
        {
            const std::vector<QLatin1StringView> begin = d.dialect->beginWrite();
            for (const QLatin1StringView sql : begin) {
                if (!d.execDirect(sql, "begin transaction")) {
                    return;
                }
                m_begun = true;
            }
            m_active = m_begun;
        }
        ~Transaction()
        {
            if (m_begun) {
                m_d.execDirect("ROLLBACK"_L1, "roll back");
            }
        }
        Q_DISABLE_COPY_MOVE(Transaction)

        bool isActive() const { return m_active; }
        bool commit()
        {
            if (!m_active || !m_d.execDirect("COMMIT"_L1, "commit")) {
                return false; // the destructor rolls back
            }
            m_active = false;
            m_begun = false;
            return true;
        }

    private:
        Private &m_d;
        bool m_begun = false;  // BEGIN ran: ROLLBACK is owed
        bool m_active = false; // and so did the lock that goes with it
    };

    explicit Private(const QString &location);

    QSqlQuery *prepared(QLatin1StringView sql);
    bool execDirect(QLatin1StringView sql, const char *what);
    void fail(const char *what, const QSqlError &error);
    void fail(const QString &message);
    void warnOnce(const QString &problem, const QString &message);
    void closeConnection();
    void discardConnection();

    bool connect(bool firstTime);
    bool usable();
    bool migrate();
    bool checksumStoredBodies();
    void dropCorrupt(const QByteArray &url, const QByteArray &variant, const QByteArray &identity);
    bool loadKey();
    bool loadClock();

    qint64 nextLastUsed();
    qint64 metaInt(QLatin1StringView key);
    bool evictBeyond(qint64 limit, const CachedResponse *keep);
    void record(qint64 CacheStatistics::*counter, QLatin1StringView key, qint64 bodyBytes);

    QString path;
    QString locationProblem; // before location, which the constructor parses into it
    std::optional<DatabaseLocation> location;
    std::unique_ptr<SqlDialect> dialect;
    QString connectionName;
    QSqlDatabase db;
    // Prepared once per connection: compiling the statement is a good part of its cost on the
    // paths every GET takes. Keyed by the address of the SQL, which is always a string literal.
    std::unordered_map<const char *, std::unique_ptr<QSqlQuery>> queries;
    QString errorString;
    QByteArray key;
    qint64 sizeLimit = DefaultSizeLimit;
    qint64 lastUsedClock = 0;
    Core::Clock clock = Core::systemClock();
    CacheStatistics statistics;
    // Problems already logged: a full disk fails every write of a run alike, and says so once.
    QSet<QString> reported;
    bool isOpen = false;
    bool rebuilt = false;
    // A server's connection can go away (PostgreSQL): a statement that meets that sets `lost`, the
    // next operation closes the connection, and later ones try again on a growing interval. Until
    // then every lookup is a miss and every write is skipped.
    bool lost = false;
    bool connected = false;
    QDeadlineTimer nextAttempt;
    int retryMs = FirstRetryMs;
};

EtagCache::Private::Private(const QString &databaseLocation)
    : path(databaseLocation)
    , locationProblem()
    , location(DatabaseLocation::parse(databaseLocation, &locationProblem))
    , connectionName(u"hubshelf-cache-%1"_s.arg(++connectionCounter))
{
    if (location) {
        dialect = SqlDialect::create(*location);
    }
    // Until open() loads the stored key, identities are still keyed hashes, valid for this process.
    std::array<quint32, HmacKeyBytes / sizeof(quint32)> words{};
    QRandomGenerator::system()->generate(words.begin(), words.end());
    key = QByteArray(reinterpret_cast<const char *>(words.data()), HmacKeyBytes);
}

QSqlQuery *EtagCache::Private::prepared(QLatin1StringView sql)
{
    if (lost) {
        return nullptr;
    }
    auto it = queries.find(sql.data());
    if (it == queries.end()) {
        auto query = std::make_unique<QSqlQuery>(db);
        query->setForwardOnly(true);
        if (!query->prepare(QString(sql))) {
            fail("prepare", query->lastError());
            return nullptr;
        }
        it = queries.emplace(sql.data(), std::move(query)).first;
    }
    return it->second.get();
}

// Transaction control and the dialect's own statements: PostgreSQL cannot prepare BEGIN.
bool EtagCache::Private::execDirect(QLatin1StringView sql, const char *what)
{
    if (lost) {
        return false;
    }
    QSqlQuery query(db);
    if (!query.exec(QString(sql))) {
        fail(what, query.lastError());
        return false;
    }
    return true;
}

void EtagCache::Private::fail(const char *what, const QSqlError &error)
{
    const QString message = u"%1: %2"_s.arg(QLatin1StringView(what), oneLine(error.text()));
    errorString = message;
    if (dialect->lostConnection(db, error)) {
        if (!lost && connected) {
            // Once per outage, however many requests meet it.
            qCWarning(lcCache).noquote()
                << u"The cache database %1 is unreachable (%2); requests go upstream uncached until it "
                   u"is back"_s.arg(location->displayName(), oneLine(error.databaseText()));
        }
        lost = true;
        return;
    }
    // The database's own text names the problem ("database or disk is full"); the operation that
    // met it and Qt's wording around it vary from statement to statement.
    warnOnce(error.databaseText().isEmpty() ? message : error.databaseText(), message);
}

void EtagCache::Private::fail(const QString &message)
{
    errorString = message;
    warnOnce(message, message);
}

void EtagCache::Private::warnOnce(const QString &problem, const QString &message)
{
    if (reported.contains(problem)) {
        qCDebug(lcCache).noquote() << message;
        return;
    }
    reported.insert(problem);
    qCWarning(lcCache).noquote() << message;
}

void EtagCache::Private::closeConnection()
{
    // Every query must go before the connection closes, or Qt keeps the statements alive.
    queries.clear();
    db.close();
    connected = false;
    lost = false;
}

// After a lost connection: the server freed the prepared statements with the session, so the
// driver goes first and the queries then send nothing (QPSQL would try, and warn, for each).
void EtagCache::Private::discardConnection()
{
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
    queries.clear();
    db = QSqlDatabase::addDatabase(dialect->driverName(), connectionName);
    connected = false;
    lost = false;
}

// Opens the connection and readies the database: checked, migrated, its key and clock loaded.
// After an outage the database may have been rebuilt by another instance, so all of it runs again.
bool EtagCache::Private::connect(bool firstTime)
{
    const SqlDialect::Opened opened = dialect->open(db);
    rebuilt = rebuilt || opened.rebuilt;
    if (!opened.ok) {
        errorString = opened.error;
        if (firstTime) {
            qCWarning(lcCache).noquote()
                << u"Cannot open the cache database %1: %2"_s.arg(location->displayName(), errorString);
        }
        closeConnection();
        return false;
    }
    connected = true;
    if (!migrate() || !loadKey() || !loadClock()) {
        closeConnection();
        return false;
    }
    return true;
}

// Whether the operation about to run can use the database; reconnects when it is time to try.
bool EtagCache::Private::usable()
{
    if (!isOpen) {
        return false;
    }
    if (lost) {
        discardConnection();
        retryMs = FirstRetryMs;
        nextAttempt.setRemainingTime(retryMs);
        return false;
    }
    if (connected) {
        return true;
    }
    if (!nextAttempt.hasExpired()) {
        return false;
    }
    if (!connect(false)) {
        qCDebug(lcCache).noquote() << "The cache database is still unreachable:" << errorString;
        retryMs = std::min(retryMs * 2, MaxRetryMs);
        nextAttempt.setRemainingTime(retryMs);
        return false;
    }
    qCWarning(lcCache).noquote() << u"The cache database %1 is reachable again"_s.arg(
        location->displayName());
    errorString.clear();
    return true;
}

// Every pending migration in one write transaction: a crash leaves the database at the version
// before or after, and a second instance starting at the same moment waits, then finds it done.
bool EtagCache::Private::migrate()
{
    QSqlError error;
    std::optional<int> version = dialect->schemaVersion(db, &error);
    if (version == SchemaVersion) {
        return true;
    }
    Transaction transaction(*this);
    if (!transaction.isActive()) {
        return false;
    }
    // Read again under the write lock: another process may have migrated in the meantime.
    version = dialect->schemaVersion(db, &error);
    if (!version) {
        fail("schema version", error);
        return false;
    }
    if (*version > SchemaVersion) {
        fail(u"The cache database %1 was written by a newer Hubshelf (schema %2, this one knows %3)"_s.arg(
            location->displayName(), QString::number(*version), QString::number(SchemaVersion)));
        return false;
    }
    if (*version == SchemaVersion) {
        return true;
    }
    QSqlQuery step(db);
    for (int target = *version + 1; target <= SchemaVersion; ++target) {
        for (const char *sql : dialect->migration(target)) {
            if (!step.exec(QString::fromLatin1(sql))) {
                fail("migration", step.lastError());
                return false;
            }
        }
        if (target == 1) {
            step.prepare(QString(dialect->storeIdentityKey()));
            step.bindValue(0, key);
            if (!step.exec()) {
                fail("migration", step.lastError());
                return false;
            }
        }
        if (target == 2 && !checksumStoredBodies()) {
            return false;
        }
    }
    if (!step.exec(dialect->setSchemaVersion(SchemaVersion))) {
        fail("migration", step.lastError());
        return false;
    }
    step.finish();
    if (!transaction.commit()) {
        return false;
    }
    qCDebug(lcCache) << "Cache schema migrated from version" << *version << "to" << SchemaVersion;
    return true;
}

// Migration 2: the entries of schema 1 are trusted once, as they were served until now; from here on
// a change to their bytes is caught. Row by row, so that the bodies are never all in memory at once.
bool EtagCache::Private::checksumStoredBodies()
{
    struct Key
    {
        QByteArray url, variant, identity;
    };
    std::vector<Key> rows;
    {
        Statement keys(*this, SqlKeys);
        if (!keys.exec({}, "migration")) {
            return false;
        }
        while (keys->next()) {
            rows.push_back(
                {keys->value(0).toByteArray(), keys->value(1).toByteArray(), keys->value(2).toByteArray()});
        }
    }
    for (const Key &row : rows) {
        qint64 checksum = 0;
        {
            Statement select(*this, SqlBody);
            if (!select.exec({row.url, row.variant, row.identity}, "migration") || !select->next()) {
                return false;
            }
            checksum = bodyChecksum(select->value(0).toByteArray());
        }
        Statement update(*this, SqlSetChecksum);
        if (!update.exec({checksum, row.url, row.variant, row.identity}, "migration")) {
            return false;
        }
    }
    qCDebug(lcCache) << "Checksummed" << rows.size() << "cached bodies";
    return true;
}

// A body that failed its checksum is deleted, so that the next request fetches it instead of
// meeting the damage again, and counted; the warning says once that the database is damaged.
void EtagCache::Private::dropCorrupt(const QByteArray &url, const QByteArray &variant,
                                     const QByteArray &identity)
{
    statistics.corruptDropped += 1;
    qCDebug(lcCache) << "Checksum mismatch for" << url << identity;
    warnOnce(u"corrupt body"_s, u"A cached response in %1 was damaged (its checksum does not match); it "
                                u"was dropped and is fetched again"_s.arg(location->displayName()));
    Transaction transaction(*this);
    if (!transaction.isActive()) {
        return;
    }
    Statement remove(*this, SqlRemove);
    Statement add(*this, SqlMetaAdd);
    if (remove.exec({url, variant, identity}, "drop corrupt entry") &&
        add.exec({QString(KeyCorruptDropped), qint64(1)}, "drop corrupt entry")) {
        transaction.commit();
    }
}

// The key lives in the database, so that every process sharing it computes the same identity for
// the same token: the identities are what entries are stored under.
bool EtagCache::Private::loadKey()
{
    const auto stored = [this]() -> std::optional<QByteArray> {
        Statement select(*this, dialect->selectIdentityKey());
        if (!select.exec({}, "load key")) {
            return std::nullopt;
        }
        return select->next() ? select->value(0).toByteArray() : QByteArray();
    };
    std::optional<QByteArray> found = stored();
    if (found && !found->isEmpty()) {
        key = *found;
        return true;
    }
    if (!found) {
        return false;
    }
    // Migration 1 writes the key; should the row be lost, the entries stored under the old
    // identities are merely unreachable, so a new key is better than a cache that never opens.
    // Under the write lock, so that two processes finding it missing agree on one.
    Transaction transaction(*this);
    if (!transaction.isActive() || !(found = stored())) {
        return false;
    }
    if (!found->isEmpty()) {
        key = *found;
        return true;
    }
    qCWarning(lcCache) << "The cache database has no identity key; a new one is created";
    Statement insert(*this, dialect->storeIdentityKey());
    return insert.exec({key}, "store key") && transaction.commit();
}

bool EtagCache::Private::loadClock()
{
    Statement select(*this, SqlMaxLastUsed);
    if (!select.exec({}, "load clock")) {
        return false;
    }
    lastUsedClock = select->next() ? select->value(0).toLongLong() : 0;
    return true;
}

qint64 EtagCache::Private::nextLastUsed()
{
    // Strictly increasing, so that two uses within one millisecond still order for LRU.
    lastUsedClock = std::max(clock().toMSecsSinceEpoch(), lastUsedClock + 1);
    return lastUsedClock;
}

qint64 EtagCache::Private::metaInt(QLatin1StringView metaKey)
{
    Statement select(*this, SqlMetaGet);
    if (!select.exec({QString(metaKey)}, "read meta") || !select->next()) {
        return 0;
    }
    return select->value(0).toLongLong();
}

bool EtagCache::Private::evictBeyond(qint64 limit, const CachedResponse *keep)
{
    qint64 total = metaInt(KeyTotalBodySize);
    std::size_t evicted = 0;
    // Whole lists, least recently used first; never the list being stored, or (when the limit
    // is lowered) the one used last: that one loses its oldest pages below if it must.
    QByteArray keptList;
    if (keep) {
        keptList = listKeyOf(keep->url);
    } else if (total > limit) {
        Statement latest(*this, SqlMostRecentList);
        if (!latest.exec({}, "evict")) {
            return false;
        }
        if (latest->next()) {
            keptList = latest->value(0).toByteArray();
        }
    }
    while (total > limit) {
        std::vector<QByteArray> lists;
        {
            Statement oldest(*this, SqlLeastRecentLists);
            if (!oldest.exec({}, "evict")) {
                return false;
            }
            qint64 freed = 0;
            while (total - freed > limit && oldest->next()) {
                QByteArray list = oldest->value(0).toByteArray();
                if (list == keptList) {
                    continue;
                }
                freed += oldest->value(1).toLongLong();
                lists.push_back(std::move(list));
            }
        }
        if (lists.empty()) {
            break; // the list being stored is all that is left: its older pages go below
        }
        for (const QByteArray &list : lists) {
            Statement remove(*this, SqlRemoveList);
            if (!remove.exec({list}, "evict")) {
                return false;
            }
        }
        evicted += lists.size();
        total = metaInt(KeyTotalBodySize);
    }
    while (total > limit) {
        std::vector<CachedResponse> victims;
        {
            Statement oldest(*this, SqlLeastRecentlyUsed);
            if (!oldest.exec({}, "evict")) {
                return false;
            }
            qint64 freed = 0;
            while (total - freed > limit && oldest->next()) {
                CachedResponse victim;
                victim.url = oldest->value(1).toByteArray();
                victim.variant = oldest->value(2).toByteArray();
                victim.identity = oldest->value(3).toByteArray();
                if (keep && victim.url == keep->url && victim.variant == keep->variant &&
                    victim.identity == keep->identity) {
                    continue;
                }
                freed += oldest->value(0).toLongLong();
                victims.push_back(std::move(victim));
            }
        }
        if (victims.empty()) {
            break; // only the entry to keep is left
        }
        for (const CachedResponse &victim : victims) {
            Statement remove(*this, SqlRemove);
            if (!remove.exec({victim.url, victim.variant, victim.identity}, "evict")) {
                return false;
            }
        }
        evicted += victims.size();
        total = metaInt(KeyTotalBodySize);
    }
    if (evicted > 0) {
        qCDebug(lcCache) << "Evicted" << evicted << "lists or entries to stay within" << limit << "bytes";
    }
    return true;
}

void EtagCache::Private::record(qint64 CacheStatistics::*counter, QLatin1StringView metaKey, qint64 bodyBytes)
{
    statistics.*counter += 1;
    statistics.bytesSaved += bodyBytes;
    if (!usable()) {
        return;
    }
    Transaction transaction(*this);
    if (!transaction.isActive()) {
        return;
    }
    Statement add(*this, SqlMetaAdd);
    if (!add.exec({QString(metaKey), qint64(1)}, "record statistics")) {
        return;
    }
    if (bodyBytes > 0 && !add.exec({QString(KeyBytesSaved), bodyBytes}, "record statistics")) {
        return;
    }
    transaction.commit();
}

QString EtagCache::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/http-cache.sqlite"_s;
}

EtagCache::EtagCache(const QString &location, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(location))
{
    // Asked first: addDatabase() with a missing driver logs Qt's own warnings; open() says it better.
    if (d->dialect && QSqlDatabase::isDriverAvailable(d->dialect->driverName())) {
        d->db = QSqlDatabase::addDatabase(d->dialect->driverName(), d->connectionName);
    }
}

EtagCache::~EtagCache()
{
    d->closeConnection();
    if (d->db.isValid()) {
        d->db = QSqlDatabase(); // the last handle must be gone before the connection is removed
        QSqlDatabase::removeDatabase(d->connectionName);
    }
}

bool EtagCache::open()
{
    if (d->isOpen) {
        return true;
    }
    d->errorString.clear();
    d->rebuilt = false;
    if (!d->location) {
        d->fail(d->locationProblem);
        return false;
    }
    if (!d->db.isValid()) {
        d->fail(u"The Qt database driver %1 is not installed (Debian: apt-get install %2)"_s.arg(
            d->dialect->driverName(), d->dialect->driverPackage()));
        return false;
    }
    if (!d->connect(true)) {
        return false;
    }
    d->isOpen = true;
    return true;
}

bool EtagCache::isOpen() const
{
    return d->isOpen;
}

bool EtagCache::isConnected() const
{
    return d->isOpen && d->connected && !d->lost;
}

QString EtagCache::databasePath() const
{
    return d->path;
}

QString EtagCache::displayName() const
{
    return d->location ? d->location->displayName() : QString();
}

QString EtagCache::errorString() const
{
    return d->errorString;
}

bool EtagCache::wasRebuilt() const
{
    return d->rebuilt;
}

QByteArray EtagCache::identityFor(const QByteArray &token) const
{
    if (token.isEmpty()) {
        return QByteArrayLiteral("anon");
    }
    return QMessageAuthenticationCode::hash(token, d->key, QCryptographicHash::Sha256).toHex();
}

std::optional<CachedResponse> EtagCache::find(const QByteArray &url, const QByteArray &variant,
                                              const QByteArray &identity)
{
    std::optional<SealedEntry> sealed = findSealed(url, variant, identity);
    if (!sealed) {
        return std::nullopt;
    }
    std::optional<CachedResponse> found = unsealed(std::move(*sealed));
    if (!found) {
        dropCorrupt(url, variant, identity);
    }
    return found;
}

std::optional<SealedEntry> EtagCache::findSealed(const QByteArray &url, const QByteArray &variant,
                                                 const QByteArray &identity)
{
    if (!d->usable()) {
        return std::nullopt;
    }
    std::optional<SealedEntry> found;
    {
        Private::Statement select(*d, SqlFind);
        if (!select.exec({url, variant, identity}, "find") || !select->next()) {
            return std::nullopt;
        }
        found = readStoredEntry(storedColumnsOf(*select), url, variant, identity);
    }
    if (!found) {
        dropCorrupt(url, variant, identity);
        return std::nullopt;
    }
    const qint64 now = d->nextLastUsed();
    Private::Statement touch(*d, SqlTouch);
    // A failed touch only blurs the LRU order; the entry is still good to serve.
    if (touch.exec({now, url, variant, identity}, "touch")) {
        found->response.lastUsed = fromMSecs(now);
    }
    return found;
}

void EtagCache::dropCorrupt(const QByteArray &url, const QByteArray &variant, const QByteArray &identity)
{
    if (!d->usable()) {
        return;
    }
    d->dropCorrupt(url, variant, identity);
    Q_EMIT statisticsChanged(d->statistics);
}

std::optional<CachedResponse> EtagCache::findOtherIdentity(const QByteArray &url, const QByteArray &variant,
                                                           const QByteArray &identity)
{
    if (!d->usable()) {
        return std::nullopt;
    }
    // Not touched: it is only a candidate until a 304 proves it, and then it is stored under the
    // requesting identity, which touches the copy.
    std::optional<CachedResponse> found;
    QByteArray otherIdentity;
    {
        Private::Statement select(*d, SqlFindOther);
        if (!select.exec({url, variant, identity}, "find other identity") || !select->next()) {
            return std::nullopt;
        }
        otherIdentity = select->value(StoredColumnCount).toByteArray();
        found = decodeStoredEntry(storedColumnsOf(*select), url, variant, otherIdentity);
    }
    if (!found) {
        d->dropCorrupt(url, variant, otherIdentity);
        Q_EMIT statisticsChanged(d->statistics);
        return std::nullopt;
    }
    return found;
}

bool EtagCache::store(const CachedResponse &response)
{
    return d->usable() && store(response, compressBody(response.body));
}

bool EtagCache::store(const CachedResponse &response, const StoredBody &stored)
{
    if (!d->usable()) {
        return false;
    }
    if (!response.fetchedAt.isValid()) {
        qCWarning(lcCache) << "Not caching a response without a fetch time";
        return false;
    }
    const qint64 bodySize = stored.bytes.size();
    if (bodySize > d->sizeLimit) {
        // The cache cannot hold the current body, and the entry it would replace is outdated now.
        qCDebug(lcCache) << "Not caching a body of" << bodySize << "bytes, over the limit of" << d->sizeLimit;
        remove(response.url, response.variant, response.identity);
        return false;
    }
    const qint64 now = d->nextLastUsed();
    // One transaction with an upsert: a writer of the same key in another process either comes
    // before or after this one, never in between, so no reader meets half of each.
    Private::Transaction transaction(*d);
    if (!transaction.isActive()) {
        return false;
    }
    {
        Private::Statement upsert(*d, SqlUpsert);
        if (!upsert.exec({response.url, response.variant, response.identity, response.etag,
                          response.lastModified, response.link, response.contentType,
                          response.fetchedAt.toMSecsSinceEpoch(), response.maxAgeSeconds, now, bodySize,
                          stored.bytes, bodyChecksum(stored.bytes), qint64(stored.encoding),
                          listKeyOf(response.url)},
                         "store")) {
            return false;
        }
    }
    return d->evictBeyond(d->sizeLimit, &response) && transaction.commit();
}

bool EtagCache::refresh(const QByteArray &url, const QByteArray &variant, const QByteArray &identity,
                        const QDateTime &fetchedAt, int maxAgeSeconds, const QByteArray &etag,
                        const QByteArray &link)
{
    if (!fetchedAt.isValid() || !d->usable()) {
        return false;
    }
    // A NULL binding keeps the stored value (COALESCE): a 304 without the header changes nothing.
    const auto keptIfEmpty = [](const QByteArray &value) {
        return value.isEmpty() ? QVariant() : QVariant(value);
    };
    Private::Statement update(*d, SqlRefresh);
    if (!update.exec({fetchedAt.toMSecsSinceEpoch(), maxAgeSeconds, d->nextLastUsed(), keptIfEmpty(etag),
                      keptIfEmpty(link), url, variant, identity},
                     "refresh")) {
        return false;
    }
    return update->numRowsAffected() > 0;
}

bool EtagCache::remove(const QByteArray &url, const QByteArray &variant, const QByteArray &identity)
{
    if (!d->usable()) {
        return false;
    }
    // In a write transaction although it is one statement: the trigger's update of the total would
    // otherwise lock in the other order than an eviction's, and PostgreSQL would end one of them.
    Private::Transaction transaction(*d);
    Private::Statement remove(*d, SqlRemove);
    return transaction.isActive() && remove.exec({url, variant, identity}, "remove") && transaction.commit();
}

bool EtagCache::removeList(const QByteArray &url)
{
    if (!d->usable()) {
        return false;
    }
    QUrl address = QUrl::fromEncoded(url);
    address.setQuery(QString());
    address.setFragment(QString());
    const QByteArray bare = address.toEncoded();
    Private::Transaction transaction(*d);
    Private::Statement remove(*d, SqlRemoveListAnyQuery);
    return transaction.isActive() &&
           remove.exec({bare, QByteArray(bare + '?'), QByteArray(bare + '@')}, "remove list") &&
           transaction.commit();
}

bool EtagCache::clear()
{
    if (!d->usable()) {
        return false;
    }
    {
        Private::Transaction transaction(*d);
        Private::Statement remove(*d, SqlClear);
        if (!transaction.isActive() || !remove.exec({}, "clear") || !transaction.commit()) {
            return false;
        }
    }
    // With the tables empty compacting is quick; a failure only leaves the space unreturned.
    for (const QLatin1StringView sql : d->dialect->compactAfterClear()) {
        QSqlQuery compact(d->db);
        if (!compact.exec(QString(sql))) {
            qCWarning(lcCache) << "Cannot compact the cleared cache:" << compact.lastError().text();
            break;
        }
    }
    return true;
}

bool EtagCache::writeTransaction(const DatabaseWork &work)
{
    if (!d->usable()) {
        return false;
    }
    Private::Transaction transaction(*d);
    if (!transaction.isActive()) {
        return false;
    }
    if (const QSqlError error = work(d->db); error.isValid()) {
        d->fail("write", error);
        return false;
    }
    return transaction.commit();
}

bool EtagCache::read(const DatabaseWork &work)
{
    if (!d->usable() || d->lost) {
        return false;
    }
    if (const QSqlError error = work(d->db); error.isValid()) {
        d->fail("read", error);
        return false;
    }
    return true;
}

void EtagCache::setClock(Core::Clock clock)
{
    d->clock = Core::orSystem(std::move(clock));
}

void EtagCache::setSizeLimit(qint64 bytes)
{
    d->sizeLimit = std::max<qint64>(bytes, 0);
    if (!d->usable()) {
        return;
    }
    // A lowered limit frees the space now, not at the next miss.
    Private::Transaction transaction(*d);
    if (transaction.isActive() && d->evictBeyond(d->sizeLimit, nullptr)) {
        transaction.commit();
    }
}

qint64 EtagCache::sizeLimit() const
{
    return d->sizeLimit;
}

qint64 EtagCache::totalBodyBytes() const
{
    return d->usable() ? d->metaInt(KeyTotalBodySize) : 0;
}

qint64 EtagCache::entryCount() const
{
    if (!d->usable()) {
        return 0;
    }
    Private::Statement count(*d, SqlCount);
    if (!count.exec({}, "count") || !count->next()) {
        return 0;
    }
    return count->value(0).toLongLong();
}

void EtagCache::recordFreshHit(qint64 bodyBytes)
{
    d->record(&CacheStatistics::freshHits, KeyFreshHits, std::max<qint64>(bodyBytes, 0));
    Q_EMIT statisticsChanged(d->statistics);
}

void EtagCache::recordRevalidated(qint64 bodyBytes)
{
    d->record(&CacheStatistics::revalidated, KeyRevalidated, std::max<qint64>(bodyBytes, 0));
    Q_EMIT statisticsChanged(d->statistics);
}

void EtagCache::recordMiss()
{
    d->record(&CacheStatistics::misses, KeyMisses, 0);
    Q_EMIT statisticsChanged(d->statistics);
}

void EtagCache::recordUncached()
{
    d->record(&CacheStatistics::uncached, KeyUncached, 0);
    Q_EMIT statisticsChanged(d->statistics);
}

CacheStatistics EtagCache::statistics() const
{
    return d->statistics;
}

CacheStatistics EtagCache::lifetimeStatistics() const
{
    CacheStatistics lifetime;
    if (!d->usable()) {
        return lifetime;
    }
    Private::Statement select(*d, SqlMetaAll);
    if (!select.exec({}, "lifetime statistics")) {
        return lifetime;
    }
    const std::pair<QLatin1StringView, qint64 CacheStatistics::*> counters[] = {
        {KeyFreshHits, &CacheStatistics::freshHits},   {KeyRevalidated, &CacheStatistics::revalidated},
        {KeyMisses, &CacheStatistics::misses},         {KeyUncached, &CacheStatistics::uncached},
        {KeyBytesSaved, &CacheStatistics::bytesSaved}, {KeyCorruptDropped, &CacheStatistics::corruptDropped}};
    while (select->next()) {
        const QString metaKey = select->value(0).toString();
        for (const auto &[name, counter] : counters) {
            if (metaKey == name) {
                lifetime.*counter = select->value(1).toLongLong();
            }
        }
    }
    return lifetime;
}

} // namespace Hubshelf::Cache
