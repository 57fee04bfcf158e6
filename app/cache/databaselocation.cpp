#include "cache/databaselocation.h"

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Hubshelf::Cache {

namespace {

// The libpq parameters a URL's query may set. Not `password` (it belongs in the user part, where
// displayName() drops it) and not `host` or `dbname` (the URL says them already).
const QStringList allowedOptions = {
    u"sslmode"_s, u"sslrootcert"_s,     u"sslcert"_s,          u"sslkey"_s,
    u"sslcrl"_s,  u"connect_timeout"_s, u"application_name"_s, u"target_session_attrs"_s};

void setProblem(QString *problem, const QString &sentence)
{
    if (problem) {
        *problem = sentence;
    }
}

} // namespace

bool DatabaseLocation::isPostgreSqlUrl(const QString &text)
{
    return text.startsWith("postgresql:"_L1, Qt::CaseInsensitive) ||
           text.startsWith("postgres:"_L1, Qt::CaseInsensitive);
}

std::optional<DatabaseLocation> DatabaseLocation::parse(const QString &text, QString *problem)
{
    if (text.isEmpty()) {
        setProblem(problem, tr("--cache-db takes the path of a cache file or a postgresql:// URL."));
        return std::nullopt;
    }
    if (isPostgreSqlUrl(text)) {
        return parsePostgreSql(text, problem);
    }
    DatabaseLocation location;
    location.m_kind = Kind::SqliteFile;
    location.m_filePath = text;
    location.m_displayName = text;
    return location;
}

std::optional<DatabaseLocation> DatabaseLocation::parsePostgreSql(const QString &text, QString *problem)
{
    const QString shape = u"postgresql://USER:PASSWORD@HOST:PORT/DB"_s;
    const QUrl url(text, QUrl::StrictMode);
    // The sentences name the shape, never the text: it may hold the password.
    if (!url.isValid() || text.indexOf("://"_L1) < 0) {
        setProblem(problem, tr("--cache-db: not a PostgreSQL URL; write it as %1.").arg(shape));
        return std::nullopt;
    }
    const QString database = url.path(QUrl::FullyDecoded).mid(1);
    if (database.isEmpty() || database.contains(u'/')) {
        setProblem(problem, tr("--cache-db: the URL names no database; write it as %1.").arg(shape));
        return std::nullopt;
    }
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        // QPSQL joins the options with ';' and libpq splits them at spaces: neither may be in a value.
        if (!allowedOptions.contains(key) || value.contains(u';') || value.contains(u' ') ||
            value.contains(u'\'') || value.contains(u'\\')) {
            setProblem(problem, tr("--cache-db: the URL option '%1' is not supported (supported: %2).")
                                    .arg(allowedOptions.contains(key) ? key : tr("(unknown)"),
                                         allowedOptions.join(u", "_s)));
            return std::nullopt;
        }
        options.append(key + u'=' + value);
    }

    DatabaseLocation location;
    location.m_kind = Kind::PostgreSql;
    location.m_host = url.host(QUrl::FullyDecoded);
    location.m_port = url.port(-1);
    location.m_userName = url.userName(QUrl::FullyDecoded);
    location.m_password = url.password(QUrl::FullyDecoded);
    location.m_databaseName = database;
    location.m_connectOptions = options.join(u';');
    QUrl shown = url;
    shown.setPassword(QString());
    location.m_displayName = shown.toString();
    return location;
}

} // namespace Hubshelf::Cache
