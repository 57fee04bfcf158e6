#pragma once

#include "cache/databaselocation.h"
#include "cache/sqldialect.h"

namespace Hubshelf::Cache {

// One cache in a PostgreSQL database for every `hubshelf serve` behind a load balancer (through
// Qt's QPSQL driver). The schema version is a row of meta, blobs are BYTEA, a trigger function
// keeps the running total, and writers, migrations included, take one transaction-scoped advisory
// lock: the serialisation SQLite's BEGIN IMMEDIATE gives, without deadlocks between row locks.
class PostgreSqlDialect final : public SqlDialect
{
public:
    explicit PostgreSqlDialect(const DatabaseLocation &location);

    QString driverName() const override;
    QString driverPackage() const override;
    Opened open(QSqlDatabase &db) override;
    std::vector<QLatin1StringView> beginWrite() const override;
    std::optional<int> schemaVersion(QSqlDatabase &db, QSqlError *error) const override;
    QString setSchemaVersion(int version) const override;
    std::vector<const char *> migration(int targetVersion) const override;
    QLatin1StringView selectIdentityKey() const override;
    QLatin1StringView storeIdentityKey() const override;
    std::vector<QLatin1StringView> compactAfterClear() const override;
    bool lostConnection(const QSqlDatabase &db, const QSqlError &error) const override;

private:
    DatabaseLocation m_location;
};

} // namespace Hubshelf::Cache
