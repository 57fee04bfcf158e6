#include "cli/clicontext.h"

#include "auth/tokenstore.h"
#include "cache/databaselocation.h"
#include "cache/etagcache.h"
#include "cli/commandline.h"
#include "core/printable.h"
#include "export/stagedfile.h"
#include "github/error.h"
#include "github/ratelimittracker.h"
#include "ratelimits/ledger.h"
#include "settings/appsettings.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Hubshelf::Cli {

int exitCodeFor(const GitHub::Error &error)
{
    using Kind = GitHub::Error::Kind;
    switch (error.kind) {
    case Kind::NotFound:
        return ExitNotFound;
    case Kind::Unauthorized:
    case Kind::Forbidden:
        return ExitAuthentication;
    case Kind::RateLimited:
    case Kind::SecondaryRateLimited:
        return ExitRateLimited;
    case Kind::Network:
    case Kind::Server:
    case Kind::BadResponse:
    case Kind::ClientError:
    case Kind::Offline:
    case Kind::Cancelled:
        return ExitNetwork;
    }
    return ExitNetwork;
}

CliContext::CliContext(const GlobalOptions &options, QTextStream &out, QTextStream &err,
                       Settings::AppSettings *settings)
    : m_options(options)
    , m_out(out)
    , m_err(err)
    , m_settings(settings)
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_tokenStore(std::make_unique<Auth::TokenStore>())
    , m_stderrIsTerminal(::isatty(STDERR_FILENO) == 1)
{
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &CliContext::updateWaitLine);
}

CliContext::~CliContext()
{
    m_client.reset(); // before the cache and the network manager it uses
    m_ledger.reset(); // flushes into the cache
}

QString CliContext::cachePath()
{
    return Cache::EtagCache::defaultPath();
}

QString CliContext::cacheDisplayName() const
{
    const auto location = Cache::DatabaseLocation::parse(cacheLocation());
    return location ? location->displayName() : QString();
}

void CliContext::prepare(const QString &processName, bool optionsFollowNoCache)
{
    m_cache = std::make_unique<Cache::EtagCache>(cacheLocation());
    if (!m_cache->open()) {
        if (!m_options.noCache) {
            m_err << "hubshelf: warning: the cache " << cacheDisplayName() << " cannot be used ("
                  << m_cache->errorString() << "); going on without it.\n";
        }
        m_cache.reset();
    }
    m_client = std::make_unique<GitHub::Client>(
        m_network.get(), optionsFollowNoCache || !m_options.noCache ? m_cache.get() : nullptr,
        m_options.apiUrl);
    if (m_cache) {
        m_ledger = std::make_unique<RateLimits::Ledger>(m_cache.get(), processName);
        m_ledger->track(m_client.get());
    }
    if (m_settings) {
        // The same size cap as the window's: without it the CLI evicted at the default.
        Settings::applyToServices(*m_settings, m_client.get(), cache());
    }
    // A script (or a test) that cannot wait two minutes for a trickling body shortens the deadline.
    if (qEnvironmentVariableIsSet("HUBSHELF_TRANSFER_DEADLINE")) {
        bool ok = false;
        const int seconds = qEnvironmentVariableIntValue("HUBSHELF_TRANSFER_DEADLINE", &ok);
        if (ok && seconds >= 1 && seconds <= 3600) {
            m_client->setTransferDeadline(seconds * 1000);
        } else {
            m_err << "hubshelf: warning: HUBSHELF_TRANSFER_DEADLINE takes seconds from 1 to 3600; using "
                  << GitHub::Client::DefaultTransferDeadline / 1000 << ".\n";
        }
    }
    if (m_options.wait) {
        connect(m_client.get(), &GitHub::Client::waitingForRateLimit, this,
                [this](const QString &resource, const QDateTime &until) {
                    showWait(tr("the %1 rate limit is used up").arg(resource), until);
                });
        connect(m_client.get(), &GitHub::Client::pausedForSecondaryLimit, this, [this](int seconds) {
            showWait(tr("GitHub asked to slow down (secondary rate limit)"),
                     m_client->rateLimits()->now().addSecs(seconds));
        });
    }
    if (m_options.verbose) {
        connect(m_client.get(), &GitHub::Client::requestLogged, this,
                [this](const GitHub::RequestLogEntry &entry) {
                    m_err << Core::printable(verboseLine(entry), -1) << '\n'; // URLs from Link headers
                    m_err.flush();
                });
    }
}

void CliContext::showWait(const QString &what, const QDateTime &until)
{
    if (m_countdown.isActive()) {
        m_err << '\n';
    }
    m_waitWhat = what;
    m_waitUntil = until;
    updateWaitLine();
    if (m_stderrIsTerminal) {
        m_countdown.start();
    } else {
        m_err << '\n'; // a log or a pipe gets the line once, not a line per second
        m_err.flush();
    }
}

void CliContext::updateWaitLine()
{
    const qint64 left = std::max<qint64>(0, m_client->rateLimits()->now().secsTo(m_waitUntil));
    const QString line =
        u"hubshelf: "_s + tr("%1; waiting until %2 (%3 s left)…")
                              .arg(m_waitWhat,
                                   GitHub::Error::timeOfDay(m_waitUntil, m_client->rateLimits()->now()),
                                   QString::number(left));
    // \r and the erase-line sequence rewrite the line in place on a terminal.
    m_err << (m_stderrIsTerminal ? u"\r\x1b[K"_s : QString()) << line;
    if (m_stderrIsTerminal && left == 0) {
        m_countdown.stop();
        m_err << '\n';
    }
    m_err.flush();
}

QString CliContext::verboseLine(const GitHub::RequestLogEntry &entry)
{
    return entry.line(GitHub::RequestLogEntry::Style::Verbose);
}

void CliContext::loadToken(std::function<void(Auth::TokenSource)> ready,
                           std::function<void(const QString &message)> failed)
{
    auto connections = std::make_shared<std::pair<QMetaObject::Connection, QMetaObject::Connection>>();
    const auto disconnectBoth = [connections] {
        disconnect(connections->first);
        disconnect(connections->second);
    };
    connections->first = connect(
        m_tokenStore.get(), &Auth::TokenStore::loaded, this,
        [this, ready, disconnectBoth](const QString &host, const QString &token, Auth::TokenSource source) {
            if (host != apiHost()) {
                return;
            }
            disconnectBoth();
            m_client->setToken(token.toUtf8());
            ready(source);
        });
    // A locked keychain, or a person who refused access: say so rather than wait for ever.
    connections->second =
        connect(m_tokenStore.get(), &Auth::TokenStore::failed, this,
                [this, failed, disconnectBoth](const QString &host, const QString &message) {
                    if (host != apiHost()) {
                        return;
                    }
                    disconnectBoth();
                    failed(message);
                });
    m_tokenStore->load(apiHost());
}

GitHub::RequestOptions CliContext::requestOptions(bool list) const
{
    GitHub::RequestOptions options;
    options.useCache = !m_options.noCache;
    options.offline = m_options.offline;
    options.expectList = list;
    options.waitForRateLimit = m_options.wait;
    return options;
}

int CliContext::report(const GitHub::Error &error)
{
    using Kind = GitHub::Error::Kind;
    const bool limit = error.kind == Kind::RateLimited || error.kind == Kind::SecondaryRateLimited;
    if (limit && m_options.wait) { // refused although --wait: say why it did not wait
        return fail(exitCodeFor(error),
                    tr("%1 --wait waits at most until the primary reset (an hour) or 15 minutes.")
                        .arg(error.message()));
    }
    return fail(exitCodeFor(error), error.message());
}

void CliContext::showProgress(const QString &line)
{
    if (!m_stderrIsTerminal || m_options.verbose || (line.isEmpty() && !m_progressShown)) {
        return;
    }
    m_progressShown = !line.isEmpty();
    m_err << "\r\x1b[K" << line;
    m_err.flush();
}

void CliContext::warn(const QString &sentence)
{
    showProgress({});
    QString line = sentence;
    line.replace(u'\n', u' ').replace(u'\r', u' ');
    m_err << "hubshelf: " << tr("warning: %1").arg(Core::printable(line, -1)) << '\n';
    m_err.flush();
}

int CliContext::fail(int exitCode, const QString &message)
{
    showProgress({});
    if (m_countdown.isActive()) { // the countdown's line ends before the failure's
        m_countdown.stop();
        m_err << '\n';
    }
    m_out.flush();
    // One line, whatever GitHub's message holds.
    QString line = message;
    line.replace(u"\r\n"_s, u" "_s).replace(u'\n', u' ').replace(u'\r', u' ');
    // A fence for whatever a caller did not escape: nothing in it steers the terminal.
    m_err << "hubshelf: " << Core::printable(line, -1) << '\n';
    m_err.flush();
    return exitCode;
}

int CliContext::writeData(const QByteArray &bytes)
{
    m_out.flush();
    QFile stdoutFile;
    const bool written = stdoutFile.open(stdout, QIODevice::WriteOnly) &&
                         stdoutFile.write(bytes) == bytes.size() && stdoutFile.flush();
    return written ? ExitOk : fail(ExitFailure, tr("cannot write to standard output."));
}

int CliContext::writeSpooled(Export::SpooledOutput &spool)
{
    int exitCode = ExitOk;
    const bool delivered = spool.deliver([this, &exitCode](const QByteArray &piece) {
        exitCode = writeData(piece);
        return exitCode == ExitOk;
    });
    if (!delivered && exitCode == ExitOk) {
        return fail(ExitFailure, tr("the output could not be read back from its temporary file."));
    }
    return exitCode;
}

} // namespace Hubshelf::Cli
