#include "cache/postgresqldialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Hubshelf::Cache {

namespace {

// Every session of the cache runs these once connected:
// - a writer waits for another's lock (a store, an eviction) this long at most, then that write is
//   skipped: a GET is better served uncached than stalled behind an instance that hangs;
// - a session that stops in the middle of a transaction (a stopped process) releases the write
//   lock after this long, instead of holding every other instance's writes for ever;
// - the server's notices (NOTICE, INFO) would reach stderr through libpq.
constexpr QLatin1StringView SessionSettings[] = {
    "SET lock_timeout = '5s'"_L1,
    "SET idle_in_transaction_session_timeout = '10s'"_L1,
    "SET client_min_messages = warning"_L1,
};
// Seconds a connection attempt may take: the cache is opened, and reopened after an outage, on the
// thread that serves requests.
constexpr int DefaultConnectTimeoutSeconds = 5;

} // namespace

PostgreSqlDialect::PostgreSqlDialect(const DatabaseLocation &location)
    : m_location(location)
{}

QString PostgreSqlDialect::driverName() const
{
    return u"QPSQL"_s;
}

QString PostgreSqlDialect::driverPackage() const
{
    return u"libqt6sql6-psql"_s;
}

SqlDialect::Opened PostgreSqlDialect::open(QSqlDatabase &db)
{
    Opened opened;
    db.setHostName(m_location.host());
    db.setPort(m_location.port());
    db.setUserName(m_location.userName());
    db.setPassword(m_location.password());
    db.setDatabaseName(m_location.databaseName());
    QString options = m_location.connectOptions();
    if (!options.contains("connect_timeout="_L1)) {
        options = u"connect_timeout=%1"_s.arg(DefaultConnectTimeoutSeconds) +
                  (options.isEmpty() ? QString() : u";"_s + options);
    }
    db.setConnectOptions(options);
    // libpq's messages name the host, the port and the user, never the password.
    if (!db.open()) {
        opened.error = u"connect: %1"_s.arg(oneLine(db.lastError().text()));
        return opened;
    }
    QSqlQuery session(db);
    for (const QLatin1StringView sql : SessionSettings) {
        if (!session.exec(QString(sql))) {
            opened.error = u"configure: %1"_s.arg(oneLine(session.lastError().text()));
            db.close();
            return opened;
        }
    }
    opened.ok = true;
    return opened;
}

std::vector<QLatin1StringView> PostgreSqlDialect::beginWrite() const
{
    // The key is arbitrary but fixed ("Hubshe"): every Hubshelf on the database takes the same lock.
    return {"BEGIN"_L1, "SELECT pg_advisory_xact_lock(79669000104037)"_L1};
}

std::optional<int> PostgreSqlDialect::schemaVersion(QSqlDatabase &db, QSqlError *error) const
{
    QSqlQuery query(db);
    // The catalog, not to_regclass(): a name lookup may answer from this session's cache, which
    // does not yet know the tables another instance created while this one waited for its lock.
    if (!query.exec(u"SELECT EXISTS (SELECT FROM pg_catalog.pg_tables"
                    u" WHERE schemaname = current_schema() AND tablename = 'meta')"_s) ||
        !query.next()) {
        *error = query.lastError();
        return std::nullopt;
    }
    if (!query.value(0).toBool()) {
        return 0; // a new database: not even the table that would hold the version
    }
    if (!query.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s)) {
        *error = query.lastError();
        return std::nullopt;
    }
    // A meta table without the row is someone else's: migration 1 then fails to create it, and the
    // cache does not open, rather than writing into another program's tables.
    return query.next() ? query.value(0).toInt() : 0;
}

QString PostgreSqlDialect::setSchemaVersion(int version) const
{
    return u"INSERT INTO meta (key, value) VALUES ('schema_version', %1)"
           u" ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s.arg(version);
}

std::vector<const char *> PostgreSqlDialect::migration(int targetVersion) const
{
    // SQLite's schema, column for column, in PostgreSQL's types.
    switch (targetVersion) {
    case 1:
        return {
            "CREATE TABLE responses (url BYTEA NOT NULL, variant BYTEA NOT NULL, identity BYTEA NOT NULL,"
            " etag BYTEA, last_modified BYTEA, link BYTEA, content_type BYTEA,"
            " fetched_at BIGINT NOT NULL, max_age INTEGER NOT NULL, last_used BIGINT NOT NULL,"
            " body_size BIGINT NOT NULL, body BYTEA NOT NULL,"
            " PRIMARY KEY (url, variant, identity))",
            "CREATE INDEX responses_last_used ON responses (last_used, body_size)",
            // Counters in value; the identity key, the one blob, in data (a column has one type here).
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL DEFAULT 0, data BYTEA)",
            "INSERT INTO meta (key, value) VALUES ('total_body_size', 0), ('fresh_hits', 0),"
            " ('revalidated', 0), ('misses', 0), ('uncached', 0), ('bytes_saved', 0)",
            // SQLite's three triggers in one function: the running total moves inside each writer's
            // transaction, whichever instance writes.
            "CREATE FUNCTION responses_track_size() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            " IF TG_OP <> 'INSERT' THEN"
            "  UPDATE meta SET value = value - OLD.body_size WHERE key = 'total_body_size'; END IF;"
            " IF TG_OP <> 'DELETE' THEN"
            "  UPDATE meta SET value = value + NEW.body_size WHERE key = 'total_body_size'; END IF;"
            " RETURN NULL; END $$",
            "CREATE TRIGGER responses_size AFTER INSERT OR DELETE OR UPDATE OF body_size ON responses"
            " FOR EACH ROW EXECUTE FUNCTION responses_track_size()",
        };
    case 2:
        return {
            "ALTER TABLE responses ADD COLUMN body_crc32 BIGINT",
            "INSERT INTO meta (key, value) VALUES ('corrupt_dropped', 0) ON CONFLICT (key) DO NOTHING",
        };
    case 3:
        return {
            "ALTER TABLE responses ADD COLUMN body_encoding SMALLINT NOT NULL DEFAULT 0",
            "ALTER TABLE responses ADD COLUMN list_key BYTEA",
            "UPDATE responses SET list_key = url",
            "CREATE INDEX responses_list ON responses (list_key, last_used, body_size)",
        };
    case 4:
        return {
            "CREATE TABLE rate_limit_samples (identity BYTEA NOT NULL, resource TEXT NOT NULL,"
            " at BIGINT NOT NULL, lim INTEGER NOT NULL, remaining INTEGER NOT NULL, used INTEGER NOT NULL,"
            " reset BIGINT NOT NULL, session TEXT NOT NULL)",
            "CREATE INDEX rate_limit_samples_at ON rate_limit_samples (identity, at)",
            "CREATE TABLE rate_limit_spend (identity BYTEA NOT NULL, resource TEXT NOT NULL,"
            " window_reset BIGINT NOT NULL, endpoint TEXT NOT NULL, origin TEXT NOT NULL,"
            " requests BIGINT NOT NULL, points BIGINT NOT NULL, saved BIGINT NOT NULL,"
            " first_at BIGINT NOT NULL, last_at BIGINT NOT NULL,"
            " PRIMARY KEY (identity, resource, window_reset, endpoint, origin))",
            "CREATE INDEX rate_limit_spend_last_at ON rate_limit_spend (last_at)",
        };
    default:
        return {};
    }
}

QLatin1StringView PostgreSqlDialect::selectIdentityKey() const
{
    return "SELECT data FROM meta WHERE key = 'hmac_key'"_L1;
}

QLatin1StringView PostgreSqlDialect::storeIdentityKey() const
{
    return "INSERT INTO meta (key, data) VALUES ('hmac_key', ?)"
           " ON CONFLICT (key) DO UPDATE SET data = excluded.data"_L1;
}

std::vector<QLatin1StringView> PostgreSqlDialect::compactAfterClear() const
{
    // Autovacuum reuses the space; VACUUM FULL would lock every other instance out of the table.
    return {};
}

bool PostgreSqlDialect::lostConnection(const QSqlDatabase &db, const QSqlError &error) const
{
    // QPSQL's isOpen() asks libpq whether the connection is still good. SQLSTATE class 08 is a
    // connection exception; 57P01-57P03 a server shutting down or not yet accepting connections.
    const QString state = error.nativeErrorCode();
    return !db.isOpen() || error.type() == QSqlError::ConnectionError || state.startsWith("08"_L1) ||
           state.startsWith("57P0"_L1);
}

} // namespace Hubshelf::Cache
