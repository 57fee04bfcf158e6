#include "cli/commandline.h"

#include "auth/tokenstore.h"
#include "cache/databaselocation.h"
#include "cli/clicontext.h"
#include "cli/commands.h"
#include "cli/exportcommand.h"
#include "cli/insightscommand.h"
#include "cli/servecommand.h"
#include "core/printable.h"
#include "settings/preferences.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QLoggingCategory>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <memory>

#include <hubshelf/version.h>

using namespace Qt::StringLiterals;

namespace Hubshelf::Cli {

namespace {

// Qt's own GUI options that take a value, so that `hubshelf -platform offscreen` still means the window.
const QStringList qtOptionsWithValue = {u"-platform"_s,        u"-platformpluginpath"_s,
                                        u"-platformtheme"_s,   u"-plugin"_s,
                                        u"-qwindowgeometry"_s, u"-qwindowtitle"_s,
                                        u"-qwindowicon"_s,     u"-style"_s,
                                        u"-stylesheet"_s,      u"-display"_s,
                                        u"-geometry"_s};

const QStringList qtFlags = {u"-reverse"_s, u"-nograb"_s, u"-dograb"_s, u"-sync"_s, u"-widgetcount"_s};

QtMessageHandler qtHandler = nullptr;

// The libraries' own warnings (e.g. QNetworkReply's) are not the CLI's one line per failure.
void withoutLibraryWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const bool ours = context.category && qstrncmp(context.category, "hubshelf.", 9) == 0;
    if (ours || type == QtCriticalMsg || type == QtFatalMsg) {
        qtHandler(type, context, message);
    }
}

} // namespace

CommandLine::CommandLine(QTextStream &out, QTextStream &err, Settings::AppSettings *settings)
    : m_out(out)
    , m_err(err)
    , m_settings(settings)
{}

bool CommandLine::wantsWindow(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (qtOptionsWithValue.contains(argument)) {
            ++i;
        } else if (!qtFlags.contains(argument)) {
            return false;
        }
    }
    return true;
}

int CommandLine::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Hubshelf explores the GitHub REST API. Without a command it opens the window.\n\n"
           "Commands:\n"
           "  export gists|repos|pulls|orgs|followers|following|members TARGET\n"
           "                                 a list as CSV (or JSON) on stdout or in -o FILE\n"
           "  insights contributors|languages OWNER\n"
           "                                 monthly new contributors, or languages by bytes, over\n"
           "                                 a user's or an organization's repositories\n"
           "  api PATH                       a raw GET, the JSON on stdout\n"
           "  rate-limit                     every resource of the rate limit\n"
           "  cache stats|clear|path         the ETag cache\n"
           "  auth login|logout|status       the token in the keychain\n"
           "  serve                          a caching mirror of the API for other programs, on\n"
           "                                 --listen ADDR (127.0.0.1) --port N (8080) until SIGTERM\n\n"
           "The process cannot be core-dumped or traced while it holds a token; set\n"
           "HUBSHELF_ALLOW_CORE_DUMPS=1 to allow core dumps for debugging (they may contain the token)."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption(u"version"_s, tr("Show the version and exit."));
    const QCommandLineOption apiUrlOption(
        u"api-url"_s, tr("The API: https://api.github.com (default) or https://HOST/api/v3."), u"url"_s,
        u"https://api.github.com"_s);
    const QCommandLineOption noCacheOption(u"no-cache"_s, tr("Neither read nor write the cache."));
    const QCommandLineOption offlineOption(u"offline"_s, tr("Answer from the cache only; fail on a miss."));
    const QCommandLineOption verboseOption({u"v"_s, u"verbose"_s}, tr("Log every request on stderr."));
    const QCommandLineOption waitOption(u"wait"_s,
                                        tr("Wait for a spent rate limit to reset instead of failing."));
    const QCommandLineOption formatOption(u"format"_s, tr("export, insights: csv (default) or json."),
                                          u"format"_s, u"csv"_s);
    const QCommandLineOption columnsOption(u"columns"_s, tr("export: the columns, comma-separated."),
                                           u"a,b,c"_s);
    const QCommandLineOption outputOption({u"o"_s, u"output"_s},
                                          tr("export: write to FILE instead of stdout."), u"file"_s);
    const QCommandLineOption limitOption(u"limit"_s, tr("export: at most N rows."), u"n"_s);
    const QCommandLineOption typeOption(
        u"type"_s, tr("export repos: all|public|private|forks|sources|member."), u"type"_s);
    const QCommandLineOption stateOption(u"state"_s, tr("export pulls: open|closed|all."), u"state"_s);
    const QCommandLineOption bomOption(u"bom"_s, tr("export: start the CSV with a UTF-8 byte order mark."));
    const QCommandLineOption noGuardOption(u"no-formula-guard"_s,
                                           tr("export: do not prefix cells starting with = + - @ with '."));
    const QCommandLineOption paginateOption(u"paginate"_s, tr("api: every page, the arrays joined."));
    const QCommandLineOption includeOption({u"i"_s, u"include"_s},
                                           tr("api: print the status and headers first."));
    const QCommandLineOption jsonOption(u"json"_s, tr("rate-limit, cache stats: JSON output."));
    const QCommandLineOption spendOption(
        u"spend"_s, tr("rate-limit: what each endpoint spent in the window under way, by every Hubshelf."));
    const QCommandLineOption historyOption(u"history"_s,
                                           tr("rate-limit: every sample of the limits kept (7 days)."));
    const QCommandLineOption withTokenOption(u"with-token"_s, tr("auth login: read the token from stdin."));
    const QCommandLineOption cacheDbOption(
        u"cache-db"_s,
        tr("The cache: an SQLite file instead of the default, or postgresql://USER@HOST:PORT/DB for one "
           "cache shared by several instances (the password from PGPASSWORD or ~/.pgpass)."),
        u"path|url"_s);
    const QCommandLineOption sinceOption(u"since"_s, tr("insights contributors: from this month (YYYY-MM)."),
                                         u"month"_s);
    const QCommandLineOption untilOption(u"until"_s, tr("insights contributors: up to this month (YYYY-MM)."),
                                         u"month"_s);
    const QCommandLineOption includeForksOption(u"include-forks"_s,
                                                tr("insights: count the owner's forks too."));
    const QCommandLineOption listenOption(u"listen"_s, tr("serve: the address to listen on (127.0.0.1)."),
                                          u"addr"_s, u"127.0.0.1"_s);
    const QCommandLineOption portOption(u"port"_s, tr("serve: the port (8080; 0 picks a free one)."), u"n"_s,
                                        u"8080"_s);
    const QCommandLineOption tlsCertOption(u"tls-cert"_s, tr("serve: https with this PEM certificate chain."),
                                           u"file"_s);
    const QCommandLineOption tlsKeyOption(u"tls-key"_s, tr("serve: the certificate's PEM private key."),
                                          u"file"_s);
    const QCommandLineOption gistsApiOption(
        u"gists-api"_s, tr("serve: GET /USER answers the user's public gists, not the mirror."));
    const QCommandLineOption maxConnectionsOption(
        u"max-connections"_s, tr("serve: at most N clients at once (256)."), u"n"_s, u"256"_s);
    parser.addOptions(
        {versionOption, apiUrlOption,  noCacheOption,      offlineOption,        verboseOption,
         waitOption,    formatOption,  columnsOption,      outputOption,         limitOption,
         typeOption,    stateOption,   bomOption,          noGuardOption,        paginateOption,
         includeOption, jsonOption,    withTokenOption,    cacheDbOption,        listenOption,
         portOption,    tlsCertOption, tlsKeyOption,       maxConnectionsOption, gistsApiOption,
         sinceOption,   untilOption,   includeForksOption, spendOption,          historyOption});
    parser.addPositionalArgument(u"command"_s, tr("export, insights, api, rate-limit, cache, auth or serve."),
                                 u"[command]"_s);

    // parse(), not process(): process() exits with 1 on a bad option, the contract is 2.
    if (!parser.parse(arguments)) {
        m_err << "hubshelf: " << Core::printable(parser.errorText()) << ' '
              << tr("Run 'hubshelf --help' for usage.") << '\n';
        return ExitUsage;
    }
    if (parser.isSet(helpOption)) {
        m_out << parser.helpText();
        return ExitOk;
    }
    if (parser.isSet(versionOption)) {
        m_out << QCoreApplication::applicationName() << ' ' << Version << '\n';
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    const auto usage = [this](const QString &message) {
        m_err << "hubshelf: " << message << ' ' << tr("Run 'hubshelf --help' for usage.") << '\n';
        return int(ExitUsage);
    };
    if (positional.isEmpty()) {
        return usage(tr("no command given."));
    }
    const QString command = positional.constFirst();
    const QStringList rest = positional.mid(1);

    GlobalOptions global;
    global.apiUrl = Settings::Preferences::apiUrlFromText(parser.value(apiUrlOption));
    if (!global.apiUrl.isValid()) {
        return usage(tr("--api-url takes an https URL such as https://github.example.com/api/v3 "
                        "(http only for this machine)."));
    }
    global.noCache = parser.isSet(noCacheOption);
    global.offline = parser.isSet(offlineOption);
    global.verbose = parser.isSet(verboseOption);
    global.wait = parser.isSet(waitOption);
    global.cacheDb = parser.value(cacheDbOption);
    if (parser.isSet(cacheDbOption)) {
        // The sentence never repeats the text: a PostgreSQL URL may hold a password.
        QString problem;
        if (!Cache::DatabaseLocation::parse(global.cacheDb, &problem)) {
            return usage(problem);
        }
    }

    // stderr carries one line per failure (and -v's request log): the libraries' own informative
    // logging stays quiet unless asked for with QT_LOGGING_RULES.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(u"hubshelf.*.info=false\nhubshelf.auth.warning=false"_s);
        if (!global.verbose) {
            qtHandler = qInstallMessageHandler(withoutLibraryWarnings);
        }
    }

    // Declared before the context: whatever the context's teardown still emits finds them alive.
    QEventLoop loop;
    int exitCode = ExitOk;
    bool finished = false;
    const Done done = [&](int code) {
        if (finished) {
            return; // the first outcome counts
        }
        exitCode = code;
        finished = true;
        loop.quit();
    };

    // Each command takes its own options; another's is a mistake, not something to ignore.
    const QList<QCommandLineOption> commandOptions = {
        formatOption, columnsOption, outputOption,      limitOption,   typeOption,           stateOption,
        bomOption,    noGuardOption, paginateOption,    includeOption, jsonOption,           withTokenOption,
        listenOption, portOption,    tlsCertOption,     tlsKeyOption,  maxConnectionsOption, gistsApiOption,
        sinceOption,  untilOption,   includeForksOption};
    const QHash<QString, QList<QCommandLineOption>> allowed = {
        {u"export"_s,
         {formatOption, columnsOption, outputOption, limitOption, typeOption, stateOption, bomOption,
          noGuardOption}},
        {u"insights"_s, {formatOption, sinceOption, untilOption, includeForksOption}},
        {u"api"_s, {paginateOption, includeOption}},
        {u"rate-limit"_s, {jsonOption, spendOption, historyOption}},
        {u"cache"_s, {jsonOption}},
        {u"auth"_s, {withTokenOption}},
        {u"serve"_s,
         {listenOption, portOption, tlsCertOption, tlsKeyOption, maxConnectionsOption, gistsApiOption}}};
    for (const QCommandLineOption &option : commandOptions) {
        const QList<QCommandLineOption> mine = allowed.value(command);
        const bool accepted =
            std::any_of(mine.cbegin(), mine.cend(), [&option](const QCommandLineOption &other) {
                return other.names() == option.names();
            });
        if (parser.isSet(option) && !accepted && allowed.contains(command)) {
            return usage(tr("--%1 does not apply to %2.").arg(option.names().constLast(), command));
        }
    }

    CliContext context(global, m_out, m_err, m_settings);
    std::unique_ptr<ExportCommand> exporter;
    std::function<void()> start;
    bool needsToken = true;

    if (command == u"export"_s) {
        if (rest.size() != 2) {
            return usage(tr("export takes a kind and a target, e.g. 'export repos octocat'."));
        }
        ExportRequest request;
        request.kind = rest.at(0);
        request.target = rest.at(1);
        request.format = parser.value(formatOption);
        if (parser.isSet(columnsOption)) {
            request.columns = parser.value(columnsOption).split(u',', Qt::SkipEmptyParts);
        }
        request.outputPath = parser.value(outputOption);
        if (parser.isSet(outputOption) && request.outputPath.isEmpty()) {
            return usage(tr("-o takes a file name; leave it out to write to standard output."));
        }
        if (parser.isSet(limitOption)) {
            // 64 bits, then bounded: toInt() refused 2^31 and up, and a limit near INT_MAX overflowed
            // the page arithmetic. Beyond the bound no list is that long, so it means "all".
            bool ok = false;
            const qint64 limit = parser.value(limitOption).toLongLong(&ok);
            if (!ok || limit <= 0) {
                return usage(tr("--limit takes a positive number."));
            }
            request.limit = int(std::min<qint64>(limit, ExportRequest::MaxLimit));
        }
        request.type = parser.value(typeOption);
        request.state = parser.value(stateOption);
        request.byteOrderMark = parser.isSet(bomOption);
        request.formulaGuard = !parser.isSet(noGuardOption);
        exporter = std::make_unique<ExportCommand>(context, request);
        const QString problem = exporter->validate(); // nothing reaches the network before this
        if (!problem.isEmpty()) {
            return usage(problem);
        }
        start = [&exporter, &done] {
            QObject::connect(exporter.get(), &ExportCommand::finished, exporter.get(), done);
            exporter->start();
        };
    } else if (command == u"insights"_s) {
        if (rest.size() != 2) {
            return usage(tr("insights takes what and whose, e.g. 'insights contributors octocat'."));
        }
        InsightsRequest request;
        request.what = rest.at(0);
        request.owner = rest.at(1);
        request.format = parser.value(formatOption);
        request.since = parser.value(sinceOption);
        request.until = parser.value(untilOption);
        request.includeForks = parser.isSet(includeForksOption);
        if (const QString problem = request.problem(); !problem.isEmpty()) {
            return usage(problem); // nothing reaches the network before this
        }
        start = [&context, request, &done] { runInsights(context, request, done); };
    } else if (command == u"api"_s) {
        if (rest.size() != 1) {
            return usage(tr("api takes one path, e.g. 'api /users/octocat'."));
        }
        start = [&, path = rest.at(0)] {
            runApi(context, path, parser.isSet(paginateOption), parser.isSet(includeOption), done);
        };
    } else if (command == u"rate-limit"_s) {
        if (!rest.isEmpty()) {
            return usage(tr("rate-limit takes no argument."));
        }
        if (parser.isSet(spendOption) && parser.isSet(historyOption)) {
            return usage(tr("rate-limit takes --spend or --history, not both."));
        }
        RateLimitReport report = RateLimitReport::Limits;
        if (parser.isSet(spendOption)) {
            report = RateLimitReport::Spend;
        } else if (parser.isSet(historyOption)) {
            report = RateLimitReport::History;
        }
        start = [&, report] { runRateLimit(context, report, parser.isSet(jsonOption), done); };
    } else if (command == u"cache"_s) {
        if (rest.size() != 1 || !QStringList{u"stats"_s, u"clear"_s, u"path"_s}.contains(rest.at(0))) {
            return usage(tr("cache takes stats, clear or path."));
        }
        needsToken = false;
        start = [&, action = rest.at(0)] { runCache(context, action, parser.isSet(jsonOption), done); };
    } else if (command == u"auth"_s) {
        if (rest.size() != 1 || !QStringList{u"login"_s, u"logout"_s, u"status"_s}.contains(rest.at(0))) {
            return usage(tr("auth takes login, logout or status."));
        }
        needsToken = false; // login brings its own, status loads it to say where it came from
        start = [&, action = rest.at(0)] { runAuth(context, action, parser.isSet(withTokenOption), done); };
    } else if (command == u"serve"_s) {
        if (!rest.isEmpty()) {
            return usage(tr("serve takes no argument."));
        }
        ServeOptions serve;
        if (!serve.listen.setAddress(parser.value(listenOption))) {
            return usage(tr("--listen takes an IP address, such as 127.0.0.1 or 0.0.0.0."));
        }
        bool portOk = false;
        const uint port = parser.value(portOption).toUInt(&portOk);
        if (!portOk || port > 65535) {
            return usage(tr("--port takes a number from 0 to 65535."));
        }
        serve.port = quint16(port);
        serve.tlsCertificate = parser.value(tlsCertOption);
        serve.tlsKey = parser.value(tlsKeyOption);
        if (serve.tlsCertificate.isEmpty() != serve.tlsKey.isEmpty()) {
            return usage(tr("--tls-cert and --tls-key go together."));
        }
        bool connectionsOk = false;
        serve.maxConnections = parser.value(maxConnectionsOption).toInt(&connectionsOk);
        if (!connectionsOk || serve.maxConnections < 1 || serve.maxConnections > 100000) {
            return usage(tr("--max-connections takes a number from 1 to 100000."));
        }
        serve.gistsApi = parser.isSet(gistsApiOption);
        needsToken = false; // the mirror adds no token: each client brings its own
        start = [&context, serve, &done] { runServe(context, serve, done); };
    } else {
        return usage(tr("unknown command '%1'.").arg(Core::printable(command)));
    }

    // How this run shows in the rate-limit ledger: the command, and what it exports or counts.
    QString processName = u"hubshelf "_s + command;
    if ((command == u"export"_s || command == u"insights"_s) && !rest.isEmpty()) {
        processName += u' ' + Core::printable(rest.first(), 20);
    }
    context.prepare(processName, command != u"serve"_s);
    if (needsToken) {
        context.loadToken([&](Auth::TokenSource) { start(); },
                          [&](const QString &message) { done(context.fail(ExitAuthentication, message)); });
    } else {
        start();
    }
    if (!finished) {
        loop.exec();
    }
    m_out.flush();
    // Data that never reached stdout (a full disk, a closed pipe) is a failure, not a success.
    if (exitCode == ExitOk && (m_out.status() != QTextStream::Ok || fflush(stdout) != 0 || ferror(stdout))) {
        m_err << "hubshelf: cannot write to standard output.\n";
        exitCode = ExitFailure;
    }
    m_err.flush();
    return exitCode;
}

} // namespace Hubshelf::Cli
