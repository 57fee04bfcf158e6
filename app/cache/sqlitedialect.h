#pragma once

#include "cache/sqldialect.h"
#include "cache/walcheckpointer.h"

namespace Hubshelf::Cache {

// The embedded default: one SQLite file in WAL mode, shared by the processes of one machine.
// PRAGMA user_version keeps the schema version, triggers the running total of body sizes, and a
// file that fails `PRAGMA quick_check` at open is moved aside (to FILE.corrupt) and rebuilt. Its
// WAL is checkpointed on a thread of the dialect's own (WalCheckpointer), never in a commit.
class SqliteDialect final : public SqlDialect
{
public:
    explicit SqliteDialect(const QString &path);

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

    const WalCheckpointer &checkpointer() const { return m_checkpointer; }

private:
    enum class Check { Ok, Corrupt, Failed };

    Check openAndCheck(QSqlDatabase &db, QString &error) const;
    bool moveAside(const QString &why, QString &error) const;
    bool configure(QSqlDatabase &db, QString &error);

    QString m_path;
    WalCheckpointer m_checkpointer;
};

} // namespace Hubshelf::Cache
