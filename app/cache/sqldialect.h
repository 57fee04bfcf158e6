#pragma once

#include <QLatin1StringView>
#include <QSqlError>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QSqlDatabase;

namespace Hubshelf::Cache {

class DatabaseLocation;

// What differs between the databases the ETag cache runs on: how a connection is opened and
// checked, how the schema version is kept, the migrations' DDL, how a writer excludes the others,
// and the few statements whose SQL cannot be shared. Everything else (the entries, checksums,
// eviction, statistics, the identity key) is EtagCache's, in one SQL both understand.
class SqlDialect
{
public:
    struct Opened
    {
        bool ok = false;
        bool rebuilt = false; // a damaged database was moved aside and an empty one created
        QString error;        // when not ok: what failed, for errorString()
    };

    virtual ~SqlDialect() = default;
    static std::unique_ptr<SqlDialect> create(const DatabaseLocation &location);

    // The Qt Sql driver and the Debian package that brings it (the message when it is missing).
    virtual QString driverName() const = 0;
    virtual QString driverPackage() const = 0;

    // Opens `db`, a connection of driverName(), and readies it for the cache's statements.
    virtual Opened open(QSqlDatabase &db) = 0;
    // The statements that start a write transaction no other writer interleaves with: a write that
    // reads first (eviction, migrations) must not find the total changed under it.
    virtual std::vector<QLatin1StringView> beginWrite() const = 0;
    // The version a database was migrated to, 0 for a new one; nothing, with `error`, on failure.
    virtual std::optional<int> schemaVersion(QSqlDatabase &db, QSqlError *error) const = 0;
    virtual QString setSchemaVersion(int version) const = 0;
    // The DDL that makes schema `targetVersion` from the one before it.
    virtual std::vector<const char *> migration(int targetVersion) const = 0;
    // The HMAC key's row in meta: the select returns it as its only column; the upsert binds it.
    virtual QLatin1StringView selectIdentityKey() const = 0;
    virtual QLatin1StringView storeIdentityKey() const = 0;
    // What gives the space of a cleared cache back (nothing where that would lock others out).
    virtual std::vector<QLatin1StringView> compactAfterClear() const = 0;
    // Whether `error` means the connection is gone, so that the cache reconnects later.
    virtual bool lostConnection(const QSqlDatabase &db, const QSqlError &error) const = 0;
};

// The message of a Qt Sql error on one line: libpq's span several ("...\n\tIs the server running").
QString oneLine(const QString &text);

} // namespace Hubshelf::Cache
