#include "cache/etagcache.h"

#include "cache/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
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

// A writer of another process (the CLI next to the window) holds the lock for milliseconds; waiting
// longer than this means something is wrong, and a GET is better served uncached than stalled.
constexpr int BusyTimeoutMs = 2000;
constexpr int HmacKeyBytes = 32;
// After a checkpoint SQLite keeps the WAL file at its largest size unless told otherwise.
constexpr qint64 WalSizeLimitBytes = 16LL * 1024 * 1024;

constexpr auto KeyHmac = "hmac_key"_L1;
constexpr auto KeyTotalBodySize = "total_body_size"_L1;
constexpr auto KeyFreshHits = "fresh_hits"_L1;
constexpr auto KeyRevalidated = "revalidated"_L1;
constexpr auto KeyMisses = "misses"_L1;
constexpr auto KeyUncached = "uncached"_L1;
constexpr auto KeyBytesSaved = "bytes_saved"_L1;
constexpr auto KeyCorruptDropped = "corrupt_dropped"_L1;

// Migration N creates schema version N from N-1; each runs in one transaction together with the bump
// of PRAGMA user_version, so a crash leaves the database at N-1 or at N, never in between.
std::vector<const char *> migration(int targetVersion)
{
    switch (targetVersion) {
    case 1:
        return {
            // body last: a large body spills to overflow pages, and columns after it would drag them in.
            "CREATE TABLE responses (url BLOB NOT NULL, variant BLOB NOT NULL, identity BLOB NOT NULL,"
            " etag BLOB, last_modified BLOB, link BLOB, content_type BLOB,"
            " fetched_at INTEGER NOT NULL, max_age INTEGER NOT NULL, last_used INTEGER NOT NULL,"
            " body_size INTEGER NOT NULL, body BLOB NOT NULL,"
            " PRIMARY KEY (url, variant, identity))",
            // Covers the eviction scan (oldest first, with sizes) without touching the table.
            "CREATE INDEX responses_last_used ON responses (last_used, body_size)",
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB)",
            "INSERT INTO meta (key, value) VALUES ('total_body_size', 0), ('fresh_hits', 0),"
            " ('revalidated', 0), ('misses', 0), ('uncached', 0), ('bytes_saved', 0)",
            // The running total keeps store() O(evicted rows) instead of a SUM over the table, and
            // stays right when several processes share the file: it moves inside their transactions.
            "CREATE TRIGGER responses_size_insert AFTER INSERT ON responses BEGIN"
            " UPDATE meta SET value = value + new.body_size WHERE key = 'total_body_size'; END",
            "CREATE TRIGGER responses_size_delete AFTER DELETE ON responses BEGIN"
            " UPDATE meta SET value = value - old.body_size WHERE key = 'total_body_size'; END",
            "CREATE TRIGGER responses_size_update AFTER UPDATE OF body_size ON responses BEGIN"
            " UPDATE meta SET value = value - old.body_size + new.body_size"
            " WHERE key = 'total_body_size'; END",
        };
    case 2:
        return {
            // Appended after body (ALTER TABLE cannot insert): read only where body is read anyway.
            // The bodies already stored get theirs in migrate(), in the same transaction.
            "ALTER TABLE responses ADD COLUMN body_crc32 INTEGER",
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('corrupt_dropped', 0)",
        };
    default:
        return {};
    }
}

constexpr auto SqlFind =
    "SELECT etag, last_modified, link, content_type, fetched_at, max_age, last_used, body, body_crc32"
    " FROM responses WHERE url = ? AND variant = ? AND identity = ?"_L1;
constexpr auto SqlFindOther =
    "SELECT etag, last_modified, link, content_type, fetched_at, max_age, last_used, body, body_crc32,"
    " identity FROM responses WHERE url = ? AND variant = ? AND identity <> ?"
    " ORDER BY fetched_at DESC LIMIT 1"_L1;
constexpr auto SqlTouch =
    "UPDATE responses SET last_used = ? WHERE url = ? AND variant = ? AND identity = ?"_L1;
constexpr auto SqlUpsert =
    "INSERT INTO responses (url, variant, identity, etag, last_modified, link, content_type, fetched_at,"
    " max_age, last_used, body_size, body, body_crc32) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (url, variant, identity) DO UPDATE SET etag = excluded.etag,"
    " last_modified = excluded.last_modified, link = excluded.link, content_type = excluded.content_type,"
    " fetched_at = excluded.fetched_at, max_age = excluded.max_age, last_used = excluded.last_used,"
    " body_size = excluded.body_size, body = excluded.body, body_crc32 = excluded.body_crc32"_L1;
constexpr auto SqlRefresh = "UPDATE responses SET fetched_at = ?, max_age = ?, last_used = ?,"
                            " etag = COALESCE(?, etag), link = COALESCE(?, link)"
                            " WHERE url = ? AND variant = ? AND identity = ?"_L1;
constexpr auto SqlRemove = "DELETE FROM responses WHERE url = ? AND variant = ? AND identity = ?"_L1;
constexpr auto SqlLeastRecentlyUsed =
    "SELECT rowid, body_size, url, variant, identity FROM responses ORDER BY last_used"_L1;
constexpr auto SqlRemoveRow = "DELETE FROM responses WHERE rowid = ?"_L1;
constexpr auto SqlMetaGet = "SELECT value FROM meta WHERE key = ?"_L1;
constexpr auto SqlMetaAdd = "INSERT INTO meta (key, value) VALUES (?, ?)"
                            " ON CONFLICT (key) DO UPDATE SET value = value + excluded.value"_L1;

// SQLite's primary result codes (Qt reports extended ones, whose low byte is the primary code).
constexpr int SqliteCorrupt = 11;
constexpr int SqliteNotADatabase = 26;

bool isCorruption(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == SqliteCorrupt || code == SqliteNotADatabase);
}

QDateTime fromMSecs(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

std::atomic<quint64> connectionCounter{0};

// The columns both finds select, in this order: etag, last_modified, link, content_type,
// fetched_at, max_age, last_used, body, body_crc32 (decodeStoredEntry's order); SqlFindOther adds
// the identity after them.
constexpr int StoredColumnCount = 9;

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

std::optional<CachedResponse> decodeStoredEntry(const QVariantList &columns, const QByteArray &url,
                                                const QByteArray &variant, const QByteArray &identity)
{
    if (columns.size() < StoredColumnCount) {
        return std::nullopt;
    }
    CachedResponse response;
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
    response.body = columns.at(7).toByteArray();
    // A row without a checksum can only come from a program that bypassed store().
    const QVariant &stored = columns.at(8);
    bool ok = false;
    const qint64 checksum = stored.toLongLong(&ok);
    if (stored.isNull() || !ok || checksum != bodyChecksum(response.body)) {
        return std::nullopt;
    }
    return response;
}

struct EtagCache::Private
{
    enum class Check { Ok, Corrupt, Failed };

    // Finishes a cached query when the scope ends: an unfinished SELECT would keep a read
    // transaction open and hold back WAL checkpoints (and other writers' view of the file).
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
            if (!m_query) {
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

    // BEGIN IMMEDIATE takes the write lock up front: a deferred transaction that reads first and
    // writes later can fail with SQLITE_BUSY without the busy timeout ever being consulted.
    class Transaction final
    {
    public:
        explicit Transaction(Private &d)
            : m_d(d)
        {
            Statement begin(d, "BEGIN IMMEDIATE"_L1);
            m_active = begin.exec({}, "begin transaction");
        }
        ~Transaction()
        {
            if (m_active) {
                Statement rollback(m_d, "ROLLBACK"_L1);
                rollback.exec({}, "roll back");
            }
        }
        Q_DISABLE_COPY_MOVE(Transaction)

        bool isActive() const { return m_active; }
        bool commit()
        {
            if (!m_active) {
                return false;
            }
            Statement commit(m_d, "COMMIT"_L1);
            if (!commit.exec({}, "commit")) {
                return false; // the destructor rolls back
            }
            m_active = false;
            return true;
        }

    private:
        Private &m_d;
        bool m_active = false;
    };

    explicit Private(const QString &databasePath);

    QSqlQuery *prepared(QLatin1StringView sql);
    void fail(const char *what, const QSqlError &error);
    void fail(const QString &message);
    void warnOnce(const QString &problem, const QString &message);
    void closeDatabase();

    Check openAndCheck();
    bool moveAside();
    bool configure();
    int userVersion();
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
};

EtagCache::Private::Private(const QString &databasePath)
    : path(databasePath)
    , connectionName(u"hubshelf-cache-%1"_s.arg(++connectionCounter))
{
    // Until open() loads the stored key, identities are still keyed hashes, valid for this process.
    std::array<quint32, HmacKeyBytes / sizeof(quint32)> words{};
    QRandomGenerator::system()->generate(words.begin(), words.end());
    key = QByteArray(reinterpret_cast<const char *>(words.data()), HmacKeyBytes);
}

QSqlQuery *EtagCache::Private::prepared(QLatin1StringView sql)
{
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

void EtagCache::Private::fail(const char *what, const QSqlError &error)
{
    const QString message = u"%1: %2"_s.arg(QLatin1StringView(what), error.text());
    // SQLite's own text names the problem ("database or disk is full"); the operation that met it
    // and Qt's wording around it vary from statement to statement.
    const QString problem = error.databaseText().isEmpty() ? message : error.databaseText();
    errorString = message;
    warnOnce(problem, message);
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

void EtagCache::Private::closeDatabase()
{
    // Every query must go before the connection closes, or Qt keeps the statements alive.
    queries.clear();
    db.close();
    isOpen = false;
}

EtagCache::Private::Check EtagCache::Private::openAndCheck()
{
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs));
    if (!db.open()) {
        errorString = u"open: %1"_s.arg(db.lastError().text());
        return isCorruption(db.lastError()) ? Check::Corrupt : Check::Failed;
    }
    QSqlQuery check(db);
    check.setForwardOnly(true);
    if (!check.exec(u"PRAGMA quick_check"_s)) {
        // Only corruption justifies moving the file: a locked or unreadable one is someone else's.
        errorString = u"quick_check: %1"_s.arg(check.lastError().text());
        return isCorruption(check.lastError()) ? Check::Corrupt : Check::Failed;
    }
    if (!check.next() || check.value(0).toString() != "ok"_L1) {
        errorString = u"quick_check: %1"_s.arg(check.value(0).toString());
        return Check::Corrupt;
    }
    return Check::Ok;
}

bool EtagCache::Private::moveAside()
{
    const QString corruptPath = path + u".corrupt"_s;
    for (const QLatin1StringView suffix : {""_L1, "-wal"_L1, "-shm"_L1, "-journal"_L1}) {
        const QString from = path + suffix;
        const QString to = corruptPath + suffix;
        QFile::remove(to); // an older .corrupt, or a stale -wal that would pair with the new one
        if (QFile::exists(from) && !QFile::rename(from, to) && !QFile::remove(from)) {
            fail(u"Cannot move the damaged cache database %1 aside"_s.arg(QDir::toNativeSeparators(from)));
            return false;
        }
    }
    qCWarning(lcCache).noquote() << u"The cache database %1 is damaged (%2); it was moved to %3 and an "
                                    u"empty cache was created"_s.arg(QDir::toNativeSeparators(path),
                                                                     errorString,
                                                                     QDir::toNativeSeparators(corruptPath));
    errorString.clear();
    return true;
}

bool EtagCache::Private::configure()
{
    QSqlQuery pragma(db);
    if (!pragma.exec(u"PRAGMA journal_mode = WAL"_s)) {
        fail("journal_mode", pragma.lastError());
        return false;
    }
    if (pragma.next() && pragma.value(0).toString() != "wal"_L1) {
        // Some file systems (network shares) have no shared memory for WAL; still usable.
        qCWarning(lcCache) << "The cache database cannot use WAL; it uses" << pragma.value(0).toString();
    }
    pragma.finish();
    // With WAL, NORMAL loses at most the last transactions on power loss, never consistency.
    if (!pragma.exec(u"PRAGMA synchronous = NORMAL"_s) ||
        !pragma.exec(u"PRAGMA journal_size_limit = %1"_s.arg(WalSizeLimitBytes))) {
        fail("configure", pragma.lastError());
        return false;
    }
    return true;
}

int EtagCache::Private::userVersion()
{
    Statement version(*this, "PRAGMA user_version"_L1);
    if (!version.exec({}, "user_version") || !version->next()) {
        return -1;
    }
    return version->value(0).toInt();
}

bool EtagCache::Private::migrate()
{
    if (userVersion() == SchemaVersion) {
        return true;
    }
    for (;;) {
        Transaction transaction(*this);
        if (!transaction.isActive()) {
            return false;
        }
        // Read again under the write lock: another process may have migrated in the meantime.
        const int version = userVersion();
        if (version < 0) {
            return false;
        }
        if (version > SchemaVersion) {
            fail(
                u"The cache database %1 was written by a newer Hubshelf (schema %2, this one knows %3)"_s.arg(
                    QDir::toNativeSeparators(path), QString::number(version),
                    QString::number(SchemaVersion)));
            return false;
        }
        if (version == SchemaVersion) {
            return true;
        }
        QSqlQuery step(db);
        for (const char *sql : migration(version + 1)) {
            if (!step.exec(QString::fromLatin1(sql))) {
                fail("migration", step.lastError());
                return false;
            }
        }
        if (version == 1 && !checksumStoredBodies()) {
            return false;
        }
        if (version == 0) {
            step.prepare(u"INSERT INTO meta (key, value) VALUES (?, ?)"_s);
            step.bindValue(0, QString(KeyHmac));
            step.bindValue(1, key);
            if (!step.exec()) {
                fail("migration", step.lastError());
                return false;
            }
        }
        // A pragma takes no bound values; the number is ours, not data.
        if (!step.exec(u"PRAGMA user_version = %1"_s.arg(version + 1))) {
            fail("migration", step.lastError());
            return false;
        }
        step.finish();
        if (!transaction.commit()) {
            return false;
        }
        qCDebug(lcCache) << "Cache schema migrated to version" << version + 1;
    }
}

// Migration 2: the entries of schema 1 are trusted once, as they were served until now; from here on
// a change to their bytes is caught. Row by row, so that the bodies are never all in memory at once.
bool EtagCache::Private::checksumStoredBodies()
{
    std::vector<qint64> rowids;
    {
        QSqlQuery rows(db);
        rows.setForwardOnly(true);
        if (!rows.exec(u"SELECT rowid FROM responses"_s)) {
            fail("migration", rows.lastError());
            return false;
        }
        while (rows.next()) {
            rowids.push_back(rows.value(0).toLongLong());
        }
    }
    QSqlQuery select(db);
    select.setForwardOnly(true);
    QSqlQuery update(db);
    if (!select.prepare(u"SELECT body FROM responses WHERE rowid = ?"_s) ||
        !update.prepare(u"UPDATE responses SET body_crc32 = ? WHERE rowid = ?"_s)) {
        fail("migration", select.lastError().isValid() ? select.lastError() : update.lastError());
        return false;
    }
    for (const qint64 rowid : rowids) {
        select.bindValue(0, rowid);
        if (!select.exec() || !select.next()) {
            fail("migration", select.lastError());
            return false;
        }
        const qint64 checksum = bodyChecksum(select.value(0).toByteArray());
        select.finish();
        update.bindValue(0, checksum);
        update.bindValue(1, rowid);
        if (!update.exec()) {
            fail("migration", update.lastError());
            return false;
        }
    }
    qCDebug(lcCache) << "Checksummed" << rowids.size() << "cached bodies";
    return true;
}

// A body that failed its checksum is deleted, so that the next request fetches it instead of
// meeting the damage again, and counted; the warning says once that the file is damaged.
void EtagCache::Private::dropCorrupt(const QByteArray &url, const QByteArray &variant,
                                     const QByteArray &identity)
{
    statistics.corruptDropped += 1;
    qCDebug(lcCache) << "Checksum mismatch for" << url << identity;
    warnOnce(u"corrupt body"_s, u"A cached response in %1 was damaged (its checksum does not match); it "
                                u"was dropped and is fetched again"_s.arg(QDir::toNativeSeparators(path)));
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

bool EtagCache::Private::loadKey()
{
    Statement select(*this, SqlMetaGet);
    if (!select.exec({QString(KeyHmac)}, "load key")) {
        return false;
    }
    const QByteArray stored = select->next() ? select->value(0).toByteArray() : QByteArray();
    if (!stored.isEmpty()) {
        key = stored;
        return true;
    }
    // Migration 1 writes the key; should the row be lost, the entries stored under the old
    // identities are merely unreachable, so a new key is better than a cache that never opens.
    qCWarning(lcCache) << "The cache database has no identity key; a new one is created";
    Statement insert(*this, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"_L1);
    return insert.exec({QString(KeyHmac), key}, "store key");
}

bool EtagCache::Private::loadClock()
{
    Statement select(*this, "SELECT max(last_used) FROM responses"_L1);
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
    const qint64 total = metaInt(KeyTotalBodySize);
    if (total <= limit) {
        return true;
    }
    std::vector<qint64> victims;
    {
        Statement oldest(*this, SqlLeastRecentlyUsed);
        if (!oldest.exec({}, "evict")) {
            return false;
        }
        qint64 freed = 0;
        while (total - freed > limit && oldest->next()) {
            if (keep && oldest->value(2).toByteArray() == keep->url &&
                oldest->value(3).toByteArray() == keep->variant &&
                oldest->value(4).toByteArray() == keep->identity) {
                continue;
            }
            victims.push_back(oldest->value(0).toLongLong());
            freed += oldest->value(1).toLongLong();
        }
    }
    for (const qint64 rowid : victims) {
        Statement remove(*this, SqlRemoveRow);
        if (!remove.exec({rowid}, "evict")) {
            return false;
        }
    }
    qCDebug(lcCache) << "Evicted" << victims.size() << "entries to stay within" << limit << "bytes";
    return true;
}

void EtagCache::Private::record(qint64 CacheStatistics::*counter, QLatin1StringView metaKey, qint64 bodyBytes)
{
    statistics.*counter += 1;
    statistics.bytesSaved += bodyBytes;
    if (!isOpen) {
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

EtagCache::EtagCache(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(databasePath))
{
    d->db = QSqlDatabase::addDatabase(u"QSQLITE"_s, d->connectionName);
}

EtagCache::~EtagCache()
{
    d->closeDatabase();
    d->db = QSqlDatabase(); // the last handle must be gone before the connection is removed
    QSqlDatabase::removeDatabase(d->connectionName);
}

bool EtagCache::open()
{
    if (d->isOpen) {
        return true;
    }
    d->errorString.clear();
    d->rebuilt = false;
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
        d->fail(u"The Qt SQLite driver (QSQLITE) is not available"_s);
        return false;
    }
    const QString folder = QFileInfo(d->path).absolutePath();
    if (!QDir().mkpath(folder)) {
        d->fail(u"Cannot create the cache folder %1"_s.arg(QDir::toNativeSeparators(folder)));
        return false;
    }

    Private::Check check = d->openAndCheck();
    if (check == Private::Check::Corrupt) {
        d->closeDatabase();
        if (!d->moveAside()) {
            return false;
        }
        d->rebuilt = true;
        check = d->openAndCheck();
    }
    if (check != Private::Check::Ok) {
        qCWarning(lcCache).noquote() << u"Cannot open the cache database %1: %2"_s.arg(
            QDir::toNativeSeparators(d->path), d->errorString);
        d->closeDatabase();
        return false;
    }
    if (!d->configure() || !d->migrate() || !d->loadKey() || !d->loadClock()) {
        d->closeDatabase();
        return false;
    }
    d->isOpen = true;
    return true;
}

bool EtagCache::isOpen() const
{
    return d->isOpen;
}

QString EtagCache::databasePath() const
{
    return d->path;
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
    if (!d->isOpen) {
        return std::nullopt;
    }
    std::optional<CachedResponse> found;
    {
        Private::Statement select(*d, SqlFind);
        if (!select.exec({url, variant, identity}, "find") || !select->next()) {
            return std::nullopt;
        }
        found = decodeStoredEntry(storedColumnsOf(*select), url, variant, identity);
    }
    if (!found) {
        d->dropCorrupt(url, variant, identity);
        Q_EMIT statisticsChanged(d->statistics);
        return std::nullopt;
    }
    const qint64 now = d->nextLastUsed();
    Private::Statement touch(*d, SqlTouch);
    // A failed touch only blurs the LRU order; the entry is still good to serve.
    if (touch.exec({now, url, variant, identity}, "touch")) {
        found->lastUsed = fromMSecs(now);
    }
    return found;
}

std::optional<CachedResponse> EtagCache::findOtherIdentity(const QByteArray &url, const QByteArray &variant,
                                                           const QByteArray &identity)
{
    if (!d->isOpen) {
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
    if (!d->isOpen) {
        return false;
    }
    if (!response.fetchedAt.isValid()) {
        qCWarning(lcCache) << "Not caching a response without a fetch time";
        return false;
    }
    const qint64 bodySize = response.body.size();
    if (bodySize > d->sizeLimit) {
        // The cache cannot hold the current body, and the entry it would replace is outdated now.
        qCDebug(lcCache) << "Not caching a body of" << bodySize << "bytes, over the limit of" << d->sizeLimit;
        remove(response.url, response.variant, response.identity);
        return false;
    }
    const qint64 now = d->nextLastUsed();
    Private::Transaction transaction(*d);
    if (!transaction.isActive()) {
        return false;
    }
    {
        Private::Statement upsert(*d, SqlUpsert);
        if (!upsert.exec({response.url, response.variant, response.identity, response.etag,
                          response.lastModified, response.link, response.contentType,
                          response.fetchedAt.toMSecsSinceEpoch(), response.maxAgeSeconds, now, bodySize,
                          response.body, bodyChecksum(response.body)},
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
    if (!d->isOpen || !fetchedAt.isValid()) {
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
    if (!d->isOpen) {
        return false;
    }
    Private::Statement remove(*d, SqlRemove);
    return remove.exec({url, variant, identity}, "remove");
}

bool EtagCache::clear()
{
    if (!d->isOpen) {
        return false;
    }
    {
        Private::Transaction transaction(*d);
        Private::Statement remove(*d, "DELETE FROM responses"_L1);
        if (!transaction.isActive() || !remove.exec({}, "clear") || !transaction.commit()) {
            return false;
        }
    }
    // Gives the space back to the file system (`cache clear` is how a user reclaims it). With the
    // tables empty both are quick; a failure only leaves the file larger.
    QSqlQuery compact(d->db);
    if (!compact.exec(u"VACUUM"_s) || !compact.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s)) {
        qCWarning(lcCache) << "Cannot compact the cleared cache:" << compact.lastError().text();
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
    if (!d->isOpen) {
        return;
    }
    // A lowered limit frees the disk now, not at the next miss.
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
    return d->isOpen ? d->metaInt(KeyTotalBodySize) : 0;
}

qint64 EtagCache::entryCount() const
{
    if (!d->isOpen) {
        return 0;
    }
    Private::Statement count(*d, "SELECT count(*) FROM responses"_L1);
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
    if (!d->isOpen) {
        return lifetime;
    }
    Private::Statement select(*d, "SELECT key, value FROM meta"_L1);
    if (!select.exec({}, "lifetime statistics")) {
        return lifetime;
    }
    while (select->next()) {
        const QString metaKey = select->value(0).toString();
        const qint64 value = select->value(1).toLongLong();
        if (metaKey == KeyFreshHits) {
            lifetime.freshHits = value;
        } else if (metaKey == KeyRevalidated) {
            lifetime.revalidated = value;
        } else if (metaKey == KeyMisses) {
            lifetime.misses = value;
        } else if (metaKey == KeyUncached) {
            lifetime.uncached = value;
        } else if (metaKey == KeyBytesSaved) {
            lifetime.bytesSaved = value;
        } else if (metaKey == KeyCorruptDropped) {
            lifetime.corruptDropped = value;
        }
    }
    return lifetime;
}

} // namespace Hubshelf::Cache
