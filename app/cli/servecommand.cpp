#include "cli/servecommand.h"

#include "cli/clicontext.h"
#include "cli/commandline.h"
#include "core/printable.h"
#include "serve/gistsapi.h"
#include "serve/httpserver.h"
#include "serve/insightsroute.h"
#include "serve/mirror.h"

#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTextStream>
#include <QTimer>

#include <csignal>

#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Hubshelf::Cli {

namespace {

struct ServeCommand
{
    Q_DECLARE_TR_FUNCTIONS(Hubshelf::Cli::ServeCommand)
};

// SIGINT and SIGTERM reach the event loop through a socket pair: a signal handler may only write.
int signalPipe[2] = {-1, -1};

void onStopSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[0], &byte, 1);
}

// How long a stop waits for the requests in flight before it exits anyway.
constexpr int StopGraceMs = 10 * 1000;

QString readPem(const QString &path, QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return ServeCommand::tr("cannot read %1: %2").arg(path, file.errorString());
    }
    bytes = file.read(1024 * 1024); // a certificate chain is a few kB
    return {};
}

// Each connection is a descriptor, and so is each upstream one: the default soft limit of 1,024
// would stop accepting long before --max-connections. Raised to the hard limit, as Go's runtime
// and most servers do (Qt's event loop polls, so descriptors above FD_SETSIZE are fine).
void raiseOpenFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return;
    }
    const rlim_t wanted = limit.rlim_max == RLIM_INFINITY ? rlim_t(1) << 16 : limit.rlim_max;
    if (limit.rlim_cur < wanted) {
        limit.rlim_cur = wanted;
        setrlimit(RLIMIT_NOFILE, &limit); // a refusal leaves the limit as it was: served, less wide
    }
}

} // namespace

void runServe(CliContext &context, const ServeOptions &options, const Done &done)
{
    const bool tls = !options.tlsCertificate.isEmpty();
    QTcpServer *listener = nullptr;
    if (tls) {
        QByteArray certificateBytes;
        QByteArray keyBytes;
        QString problem = readPem(options.tlsCertificate, certificateBytes);
        if (problem.isEmpty()) {
            problem = readPem(options.tlsKey, keyBytes);
        }
        if (!problem.isEmpty()) {
            done(context.fail(ExitFailure, problem));
            return;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateBytes, QSsl::Pem);
        QSslKey key(keyBytes, QSsl::Rsa, QSsl::Pem);
        if (key.isNull()) {
            key = QSslKey(keyBytes, QSsl::Ec, QSsl::Pem);
        }
        if (chain.isEmpty() || key.isNull()) {
            done(context.fail(ExitFailure,
                              ServeCommand::tr("--tls-cert and --tls-key take a PEM certificate and its "
                                               "unencrypted RSA or EC key.")));
            return;
        }
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificateChain(chain);
        configuration.setPrivateKey(key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
        auto *sslServer = new QSslServer;
        sslServer->setSslConfiguration(configuration);
        sslServer->setHandshakeTimeout(10 * 1000);
        listener = sslServer;
    } else {
        listener = new QTcpServer;
    }
    // A burst of connections waits in the kernel's queue rather than being dropped (clients would
    // retry their SYN only after 1, 3, 7 … s); Linux caps it at net.core.somaxconn.
    listener->setListenBacklogSize(1024);
    raiseOpenFileLimit();
    if (!listener->listen(options.listen, options.port)) {
        const QString problem = ServeCommand::tr("cannot listen on %1:%2: %3")
                                    .arg(options.listen.toString())
                                    .arg(options.port)
                                    .arg(listener->errorString());
        delete listener;
        done(context.fail(ExitFailure, problem));
        return;
    }

    // One line per request on stdout, escaped: the cache's line, then the access line.
    const auto printLine = [&context](const QString &line) {
        context.out() << Core::printable(line, -1) << '\n';
        context.out().flush();
    };
    Serve::HttpServer::Handler mode;
    if (options.gistsApi) {
        auto *gists = new Serve::GistsApi(&context.client(), &context);
        mode = [gists](const Serve::HttpRequest &request, const Serve::HttpServer::Respond &respond) {
            gists->handle(request, respond);
        };
    } else {
        auto *mirror = new Serve::Mirror(&context.client(), &context.network(), tls, &context);
        QObject::connect(mirror, &Serve::Mirror::logged, &context, printLine);
        mode = [mirror](const Serve::HttpRequest &request, const Serve::HttpServer::Respond &respond) {
            mirror->handle(request, respond);
        };
    }
    // GitHub's API has no /monthly_new_contributors: the route sits beside either mode.
    auto *insights = new Serve::InsightsRoute(&context.client(), &context);
    const Serve::HttpServer::Handler handler = [insights, mode](const Serve::HttpRequest &request,
                                                                const Serve::HttpServer::Respond &respond) {
        if (Serve::InsightsRoute::matches(request)) {
            insights->handle(request, respond);
        } else {
            mode(request, respond);
        }
    };
    Serve::HttpServer::Options serverOptions;
    serverOptions.maxConnections = options.maxConnections;
    auto *server = new Serve::HttpServer(listener, handler, serverOptions, &context);
    QObject::connect(server, &Serve::HttpServer::served, &context,
                     [printLine](const Serve::AccessEntry &entry) { printLine(entry.line()); });

    const QString host = options.listen.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"[%1]"_s.arg(options.listen.toString())
                             : options.listen.toString();
    context.out() << "listening on " << (tls ? "https" : "http") << "://" << host << ':'
                  << listener->serverPort() << '\n';
    context.out().flush();

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        done(context.fail(ExitFailure, ServeCommand::tr("cannot watch for SIGINT and SIGTERM.")));
        return;
    }
    auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &context);
    QObject::connect(notifier, &QSocketNotifier::activated, &context, [server, notifier, done] {
        notifier->setEnabled(false);
        QObject::connect(server, &Serve::HttpServer::idle, server, [done] { done(ExitOk); });
        QTimer::singleShot(StopGraceMs, server, [done] { done(ExitOk); }); // bounded, whatever is left
        server->stop();
    });
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

} // namespace Hubshelf::Cli
