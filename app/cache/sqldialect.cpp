#include "cache/sqldialect.h"

#include "cache/databaselocation.h"
#include "cache/postgresqldialect.h"
#include "cache/sqlitedialect.h"

using namespace Qt::StringLiterals;

namespace Hubshelf::Cache {

std::unique_ptr<SqlDialect> SqlDialect::create(const DatabaseLocation &location)
{
    switch (location.kind()) {
    case DatabaseLocation::Kind::SqliteFile:
        return std::make_unique<SqliteDialect>(location.filePath());
    case DatabaseLocation::Kind::PostgreSql:
        return std::make_unique<PostgreSqlDialect>(location);
    }
    return nullptr;
}

QString oneLine(const QString &text)
{
    return text.simplified();
}

} // namespace Hubshelf::Cache
