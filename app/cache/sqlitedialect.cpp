#include "cache/sqlitedialect.h"

#include "cache/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Hubshelf::Cache {

namespace {

// A writer of another process (the CLI next to the window) holds the lock for milliseconds; waiting
// longer than this means something is wrong, and a GET is better served uncached than stalled.
constexpr int BusyTimeoutMs = 2000;
// After a checkpoint SQLite keeps the WAL file at its largest size unless told otherwise.
constexpr qint64 WalSizeLimitBytes = 16LL * 1024 * 1024;

// SQLite's primary result codes (Qt reports extended ones, whose low byte is the primary code).
constexpr int SqliteCorrupt = 11;
constexpr int SqliteNotADatabase = 26;

bool isCorruption(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == SqliteCorrupt || code == SqliteNotADatabase);
}

} // namespace

SqliteDialect::SqliteDialect(const QString &path)
    : m_path(path)
    , m_checkpointer(path)
{}

QString SqliteDialect::driverName() const
{
    return u"QSQLITE"_s;
}

QString SqliteDialect::driverPackage() const
{
    return u"libqt6sql6-sqlite"_s;
}

SqlDialect::Opened SqliteDialect::open(QSqlDatabase &db)
{
    Opened opened;
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder)) {
        opened.error = u"Cannot create the cache folder %1"_s.arg(QDir::toNativeSeparators(folder));
        return opened;
    }
    Check check = openAndCheck(db, opened.error);
    if (check == Check::Corrupt) {
        db.close();
        const QString why = opened.error;
        if (!moveAside(why, opened.error)) {
            return opened;
        }
        opened.rebuilt = true;
        opened.error.clear();
        check = openAndCheck(db, opened.error);
    }
    opened.ok = check == Check::Ok && configure(db, opened.error);
    return opened;
}

SqliteDialect::Check SqliteDialect::openAndCheck(QSqlDatabase &db, QString &error) const
{
    db.setDatabaseName(m_path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs));
    if (!db.open()) {
        error = u"open: %1"_s.arg(db.lastError().text());
        return isCorruption(db.lastError()) ? Check::Corrupt : Check::Failed;
    }
    QSqlQuery check(db);
    check.setForwardOnly(true);
    if (!check.exec(u"PRAGMA quick_check"_s)) {
        // Only corruption justifies moving the file: a locked or unreadable one is someone else's.
        error = u"quick_check: %1"_s.arg(check.lastError().text());
        return isCorruption(check.lastError()) ? Check::Corrupt : Check::Failed;
    }
    if (!check.next() || check.value(0).toString() != "ok"_L1) {
        error = u"quick_check: %1"_s.arg(check.value(0).toString());
        return Check::Corrupt;
    }
    return Check::Ok;
}

bool SqliteDialect::moveAside(const QString &why, QString &error) const
{
    const QString corruptPath = m_path + u".corrupt"_s;
    for (const QLatin1StringView suffix : {""_L1, "-wal"_L1, "-shm"_L1, "-journal"_L1}) {
        const QString from = m_path + suffix;
        const QString to = corruptPath + suffix;
        QFile::remove(to); // an older .corrupt, or a stale -wal that would pair with the new one
        if (QFile::exists(from) && !QFile::rename(from, to) && !QFile::remove(from)) {
            error = u"Cannot move the damaged cache database %1 aside"_s.arg(QDir::toNativeSeparators(from));
            qCWarning(lcCache).noquote() << error;
            return false;
        }
    }
    qCWarning(lcCache).noquote() << u"The cache database %1 is damaged (%2); it was moved to %3 and an "
                                    u"empty cache was created"_s.arg(QDir::toNativeSeparators(m_path), why,
                                                                     QDir::toNativeSeparators(corruptPath));
    return true;
}

bool SqliteDialect::configure(QSqlDatabase &db, QString &error)
{
    QSqlQuery pragma(db);
    if (!pragma.exec(u"PRAGMA journal_mode = WAL"_s)) {
        error = u"journal_mode: %1"_s.arg(pragma.lastError().text());
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
        error = u"configure: %1"_s.arg(pragma.lastError().text());
        return false;
    }
    if (!m_checkpointer.attach(db)) {
        qCDebug(lcCache) << "The SQLite driver gives no handle; WAL checkpoints stay in the commits";
    }
    return true;
}

std::vector<QLatin1StringView> SqliteDialect::beginWrite() const
{
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads first and writes
    // later can fail with SQLITE_BUSY without the busy timeout ever being consulted.
    return {"BEGIN IMMEDIATE"_L1};
}

std::optional<int> SqliteDialect::schemaVersion(QSqlDatabase &db, QSqlError *error) const
{
    QSqlQuery version(db);
    if (!version.exec(u"PRAGMA user_version"_s) || !version.next()) {
        *error = version.lastError();
        return std::nullopt;
    }
    return version.value(0).toInt();
}

QString SqliteDialect::setSchemaVersion(int version) const
{
    // A pragma takes no bound values; the number is ours, not data.
    return u"PRAGMA user_version = %1"_s.arg(version);
}

std::vector<const char *> SqliteDialect::migration(int targetVersion) const
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
            // Orders the eviction scan (oldest first, with sizes).
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
            // The bodies already stored get theirs from EtagCache's migration, in the same transaction.
            "ALTER TABLE responses ADD COLUMN body_crc32 INTEGER",
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('corrupt_dropped', 0)",
        };
    case 3:
        return {
            // Existing bodies stay as they are (encoding 0), each its own list until stored again.
            "ALTER TABLE responses ADD COLUMN body_encoding INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE responses ADD COLUMN list_key BLOB",
            "UPDATE responses SET list_key = url",
            // Covers the eviction's GROUP BY: the scan reads the index, never a row's body.
            "CREATE INDEX responses_list ON responses (list_key, last_used, body_size)",
        };
    case 4:
        return {
            // The rate-limit ledger (RateLimits::Ledger): what GitHub said of each limit over time, and
            // what each endpoint spent in each window, for every Hubshelf process of the machine.
            "CREATE TABLE rate_limit_samples (identity BLOB NOT NULL, resource TEXT NOT NULL,"
            " at INTEGER NOT NULL, lim INTEGER NOT NULL, remaining INTEGER NOT NULL, used INTEGER NOT NULL,"
            " reset INTEGER NOT NULL, session TEXT NOT NULL)",
            "CREATE INDEX rate_limit_samples_at ON rate_limit_samples (identity, at)",
            "CREATE TABLE rate_limit_spend (identity BLOB NOT NULL, resource TEXT NOT NULL,"
            " window_reset INTEGER NOT NULL, endpoint TEXT NOT NULL, origin TEXT NOT NULL,"
            " requests INTEGER NOT NULL, points INTEGER NOT NULL, saved INTEGER NOT NULL,"
            " first_at INTEGER NOT NULL, last_at INTEGER NOT NULL,"
            " PRIMARY KEY (identity, resource, window_reset, endpoint, origin))",
            "CREATE INDEX rate_limit_spend_last_at ON rate_limit_spend (last_at)",
        };
    default:
        return {};
    }
}

QLatin1StringView SqliteDialect::selectIdentityKey() const
{
    return "SELECT value FROM meta WHERE key = 'hmac_key'"_L1;
}

QLatin1StringView SqliteDialect::storeIdentityKey() const
{
    return "INSERT INTO meta (key, value) VALUES ('hmac_key', ?)"
           " ON CONFLICT (key) DO UPDATE SET value = excluded.value"_L1;
}

std::vector<QLatin1StringView> SqliteDialect::compactAfterClear() const
{
    // Gives the space back to the file system (`cache clear` is how a user reclaims it). With the
    // tables empty both are quick.
    return {"VACUUM"_L1, "PRAGMA wal_checkpoint(TRUNCATE)"_L1};
}

bool SqliteDialect::lostConnection(const QSqlDatabase &, const QSqlError &) const
{
    return false; // a file has no connection to lose
}

} // namespace Hubshelf::Cache
