#pragma once

#include "github/client.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QTextStream;

namespace Hubshelf::Cache {
class EtagCache;
}
namespace Hubshelf::RateLimits {
class Ledger;
}
namespace Hubshelf::Settings {
class AppSettings;
}
namespace Hubshelf::Auth {
class TokenStore;
enum class TokenSource;
} // namespace Hubshelf::Auth

namespace Hubshelf::Export {
class SpooledOutput;
}

namespace Hubshelf::Cli {

struct GlobalOptions
{
    QUrl apiUrl;
    bool noCache = false;
    bool offline = false;
    bool verbose = false;
    bool wait = false; // wait for a spent rate limit instead of failing with exit code 5
    QString cacheDb;   // --cache-db: an SQLite file or a PostgreSQL URL (may hold a password)
};

// What every sub-command works with: the streams, the network manager, the cache, one client for
// the API and the token store. Built once per run by CommandLine.
class CliContext final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliContext)

public:
    // `settings` may be null (the defaults); when not, it must outlive the context.
    CliContext(const GlobalOptions &options, QTextStream &out, QTextStream &err,
               Settings::AppSettings *settings = nullptr);
    ~CliContext() override;

    static QString cachePath();
    // The cache this run uses: --cache-db, else cachePath(). May hold a password: never print it.
    QString cacheLocation() const { return m_options.cacheDb.isEmpty() ? cachePath() : m_options.cacheDb; }
    // cacheLocation() as people may see it: the file, or the URL without its password.
    QString cacheDisplayName() const;

    const GlobalOptions &options() const { return m_options; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    QString apiHost() const { return m_options.apiUrl.host(); }

    // Opens the cache (one that cannot be opened is reported and skipped) and makes the client, both
    // following the user's settings, and the rate-limit ledger, which records this run as
    // `processName`. Under --no-cache the requests neither read nor write it (requestOptions()), but
    // the client keeps it for whose token is whose, so that the ledger books the run's spending to
    // the right account; `optionsFollowNoCache` false (serve, whose requests are its clients') gives
    // the client no cache at all then. Called once, before any request.
    void prepare(const QString &processName = QStringLiteral("hubshelf"), bool optionsFollowNoCache = true);
    static QString verboseLine(const GitHub::RequestLogEntry &entry);
    // Null under --no-cache.
    Cache::EtagCache *cache() const { return m_options.noCache ? nullptr : m_cache.get(); }
    // Null when the cache database cannot be opened.
    RateLimits::Ledger *ledger() const { return m_ledger.get(); }
    GitHub::Client &client() { return *m_client; }
    QNetworkAccessManager &network() { return *m_network; }
    Auth::TokenStore &tokenStore() { return *m_tokenStore; }

    // Reads the token (environment, then keychain) and gives it to the client, then calls `ready`;
    // `failed` when the keychain is there but refuses (locked, access denied).
    void loadToken(std::function<void(Auth::TokenSource source)> ready,
                   std::function<void(const QString &message)> failed);

    GitHub::RequestOptions requestOptions(bool list = false) const;
    // Prints the error as one line on stderr and returns its exit code.
    int report(const GitHub::Error &error);
    // One clear line on stderr for a failure that is not a request's.
    int fail(int exitCode, const QString &message);

    // A progress line on stderr, rewritten in place; empty clears it. Only for a person watching
    // (scripts read stderr for errors), and never over -v's request lines.
    void showProgress(const QString &line);
    // "hubshelf: warning: …" on stderr, one line, escaped; the run goes on.
    void warn(const QString &sentence);

    // Raw bytes on stdout (CSV must keep its CRLF and BOM exactly): ExitOk, or ExitFailure with
    // one line on stderr when they could not be written.
    int writeData(const QByteArray &bytes);
    // All that `spool` holds on stdout, a piece at a time: the same.
    int writeSpooled(Export::SpooledOutput &spool);

private:
    // --wait: one progress line on stderr for a rate-limit wait; on a terminal it counts down.
    void showWait(const QString &what, const QDateTime &until);
    void updateWaitLine();

    GlobalOptions m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    Settings::AppSettings *m_settings = nullptr;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Cache::EtagCache> m_cache;
    std::unique_ptr<RateLimits::Ledger> m_ledger;
    std::unique_ptr<GitHub::Client> m_client;
    std::unique_ptr<Auth::TokenStore> m_tokenStore;
    QTimer m_countdown;
    QString m_waitWhat;
    QDateTime m_waitUntil;
    bool m_stderrIsTerminal = false;
    bool m_progressShown = false;
};

int exitCodeFor(const GitHub::Error &error);

} // namespace Hubshelf::Cli
