#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Hubshelf::Cache {

// Where the ETag cache lives, as `--cache-db` names it: an SQLite file (the embedded default), or
// `postgresql://USER:PASSWORD@HOST:PORT/DB` for one cache shared by several processes. The URL's
// password is a secret: displayName() is the only form of a location meant for people and logs.
class DatabaseLocation final
{
    Q_DECLARE_TR_FUNCTIONS(Hubshelf::Cache::DatabaseLocation)

public:
    enum class Kind { SqliteFile, PostgreSql };

    // Nothing, with a sentence in `problem` that never repeats the password, for text that starts
    // like a PostgreSQL URL but is not a usable one, or for empty text.
    static std::optional<DatabaseLocation> parse(const QString &text, QString *problem = nullptr);
    // Whether `text` asks for PostgreSQL (postgresql: or postgres:, as libpq accepts both).
    static bool isPostgreSqlUrl(const QString &text);

    Kind kind() const { return m_kind; }
    // The file, or the URL without its password ("postgresql://hub@db.example:5432/cache").
    QString displayName() const { return m_displayName; }

    // SqliteFile: the file.
    QString filePath() const { return m_filePath; }
    // PostgreSql: what QPSQL's QSqlDatabase takes. An empty host is libpq's default (its Unix
    // socket), port -1 its default (5432), an empty password lets libpq read PGPASSWORD or
    // ~/.pgpass. connectOptions() are libpq's "key=value;key=value" from the URL's query.
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString userName() const { return m_userName; }
    QString password() const { return m_password; }
    QString databaseName() const { return m_databaseName; }
    QString connectOptions() const { return m_connectOptions; }

private:
    DatabaseLocation() = default;
    static std::optional<DatabaseLocation> parsePostgreSql(const QString &text, QString *problem);

    Kind m_kind = Kind::SqliteFile;
    QString m_displayName;
    QString m_filePath;
    QString m_host;
    int m_port = -1;
    QString m_userName;
    QString m_password;
    QString m_databaseName;
    QString m_connectOptions;
};

} // namespace Hubshelf::Cache
