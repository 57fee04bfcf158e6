#include "cli/commands.h"

#include "auth/tokenstore.h"
#include "auth/viewerlookup.h"
#include "cache/etagcache.h"
#include "cli/clicontext.h"
#include "cli/commandline.h"
#include "core/printable.h"
#include "export/indentedjsonarray.h"
#include "export/stagedfile.h"
#include "github/client.h"
#include "github/names.h"
#include "models/listloader.h"
#include "ratelimits/ledger.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QUrlQuery>

#include <cstdio>
#include <memory>

#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Hubshelf::Cli {

namespace {

// lupdate files an unqualified tr() here under the enclosing namespace, so that is the context.
QString tr(const char *text)
{
    return QCoreApplication::translate("Hubshelf::Cli", text);
}

QByteArray statusAndHeaders(const GitHub::Response &response)
{
    QByteArray text = "HTTP/1.1 200 OK\r\n";
    for (const auto &[name, value] : response.headers) {
        if (name.compare("authorization", Qt::CaseInsensitive) != 0) {
            // A header is the server's word too: escaped like every other string it sends.
            text += Core::printable(QString::fromLatin1(name + ": " + value), -1).toUtf8() + "\r\n";
        }
    }
    return text + "\r\n";
}

// A token typed at the terminal is not echoed.
QString readToken(bool fromStdinOnly)
{
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal && !fromStdinOnly) {
        fprintf(stderr, "Paste a GitHub token (it is not shown): ");
        fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QFile input;
    input.open(stdin, QIODevice::ReadOnly);
    QString token = QString::fromUtf8(terminal ? input.readLine() : input.readAll());
    // Exactly one line end, as `echo "$TOKEN" |` adds: anything else is checked, not cleaned away.
    if (token.endsWith(u"\r\n"_s)) {
        token.chop(2);
    } else if (token.endsWith(u'\n')) {
        token.chop(1);
    }
    if (terminal && !fromStdinOnly) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        fprintf(stderr, "\n");
    }
    return token;
}

// GET /user with whatever token the client has: who it belongs to.
void whoAmI(CliContext &context, const std::function<void(const QString &login)> &found, const Done &done)
{
    GitHub::RequestOptions options = context.requestOptions();
    options.useCache = false;
    Auth::lookUpViewer(context.client(), options, &context, found,
                       [&context, done](const GitHub::Error &error) { done(context.report(error)); });
}

} // namespace

void runApi(CliContext &context, const QString &path, bool paginate, bool include, const Done &done)
{
    if (path.contains(u"://"_s) || path.isEmpty()) {
        done(context.fail(ExitUsage, tr("api takes a path such as /users/octocat, not a URL.")));
        return;
    }
    const qsizetype question = path.indexOf(u'?');
    QString encodedPath = question < 0 ? path : path.left(question);
    if (!encodedPath.startsWith(u'/')) {
        encodedPath.prepend(u'/');
    }
    GitHub::Client &client = context.client();
    const QUrl url =
        client.endpoint(encodedPath, QUrlQuery(question < 0 ? QString() : path.mid(question + 1)));
    if (!paginate) {
        GitHub::Request *request = client.get(url, context.requestOptions());
        QObject::connect(request, &GitHub::Request::failed, &context,
                         [&context, done](const GitHub::Error &error) { done(context.report(error)); });
        QObject::connect(request, &GitHub::Request::succeeded, &context,
                         [&context, include, done](const GitHub::Response &response) {
                             QByteArray bytes = include ? statusAndHeaders(response) : QByteArray();
                             bytes += Core::printableJson(response.body);
                             if (!bytes.endsWith('\n')) {
                                 bytes += '\n';
                             }
                             done(context.writeData(bytes));
                         });
        return;
    }
    // The pages joined into one array, as gh api --paginate does, spooled as they arrive and written
    // once the last one is in (a failure writes nothing); the headers are the first page's.
    auto spool = std::make_shared<Export::SpooledOutput>();
    if (!spool->open()) {
        done(context.fail(ExitFailure, spool->errorString()));
        return;
    }
    auto *loader = new Models::ListLoader(&context);
    auto array = std::make_shared<Export::IndentedJsonArray>();
    const auto end = [&context, done, loader](int exitCode) {
        loader->disconnect(&context);
        loader->stop();
        loader->deleteLater();
        done(exitCode);
    };
    QObject::connect(loader, &Models::ListLoader::pageArrived, &context,
                     [&context, array, spool, include, end](int page, const QJsonArray &items,
                                                            const GitHub::Response &response) {
                         QByteArray bytes = page == 1 && include ? statusAndHeaders(response) : QByteArray();
                         bytes += Core::printableJson(array->append(items));
                         if (!spool->write(bytes)) {
                             end(context.fail(ExitFailure, spool->errorString()));
                         }
                     });
    QObject::connect(
        loader, &Models::ListLoader::failed, &context, [&context, end](const GitHub::Error &error) {
            // --paginate on an object (a search, a single item) is the caller's mistake.
            end(error.notAList ? context.fail(ExitUsage, error.message()) : context.report(error));
        });
    QObject::connect(loader, &Models::ListLoader::finished, &context, [&context, array, spool, end] {
        end(spool->write(array->end()) ? context.writeSpooled(*spool)
                                       : context.fail(ExitFailure, spool->errorString()));
    });
    loader->loadPages(&client, url, context.requestOptions(true));
}

namespace {

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QString localTime(const QDateTime &time)
{
    return time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

// The process a session names ("hubshelf export repos:4242:1733…"): its name.
QString processOf(const QString &session)
{
    return session.section(u':', 0, 0);
}

QJsonObject spendJson(const RateLimits::Spend &spend)
{
    return {{u"endpoint"_s, spend.endpoint},
            {u"origin"_s, spend.origin},
            {u"points"_s, spend.points},
            {u"requests"_s, spend.requests},
            {u"saved"_s, spend.saved}};
}

int printSpend(CliContext &context, RateLimits::Ledger &ledger, const QByteArray &identity, bool json)
{
    QList<RateLimits::Window> windows;
    for (const QString &resource : ledger.resourcesUnderWay(identity)) {
        windows.append(ledger.currentWindow(identity, resource));
    }
    if (json) {
        QJsonArray array;
        for (const RateLimits::Window &window : std::as_const(windows)) {
            QJsonArray endpoints;
            for (const RateLimits::Spend &spend : window.spend) {
                endpoints.append(spendJson(spend));
            }
            array.append(QJsonObject{{u"resource"_s, window.resource},
                                     {u"reset"_s, isoTime(window.reset)},
                                     {u"limit"_s, window.limit},
                                     {u"used"_s, window.used},
                                     {u"remaining"_s, window.remaining},
                                     {u"points"_s, window.points()},
                                     {u"requests"_s, window.requests()},
                                     {u"saved"_s, window.saved()},
                                     {u"endpoints"_s, endpoints}});
        }
        return context.writeData(
            QJsonDocument(QJsonObject{{u"windows"_s, array}}).toJson(QJsonDocument::Indented));
    }
    QTextStream &out = context.out();
    if (windows.isEmpty()) {
        out << tr("No rate-limit window is under way: Hubshelf has spent nothing in the last hour.") << '\n';
        out.flush();
        return ExitOk;
    }
    for (const RateLimits::Window &window : std::as_const(windows)) {
        const qint64 others = window.spentElsewhere();
        out << tr("%1: %2 of %3 used in the window that resets at %4; Hubshelf spent %5 and the cache saved "
                  "%6.")
                   .arg(Core::printable(window.resource), QString::number(window.used),
                        QString::number(window.limit), localTime(window.reset),
                        QString::number(window.points()), QString::number(window.saved()));
        if (others > 0) {
            out << ' ' << tr("Other tools with this token spent %1.").arg(others);
        }
        out << '\n';
        out << QString(u"  %1 %2 %3 %4 %5\n"_s)
                   .arg(tr("endpoint"), -42)
                   .arg(tr("asked by"), -30)
                   .arg(tr("points"), 7)
                   .arg(tr("requests"), 9)
                   .arg(tr("saved"), 7);
        for (const RateLimits::Spend &spend : window.spend) {
            out << QString(u"  %1 %2 %3 %4 %5\n"_s)
                       .arg(Core::printable(spend.endpoint), -42)
                       .arg(Core::printable(spend.origin), -30)
                       .arg(spend.points, 7)
                       .arg(spend.requests, 9)
                       .arg(spend.saved, 7);
        }
    }
    out.flush();
    return ExitOk;
}

int printHistory(CliContext &context, RateLimits::Ledger &ledger, const QByteArray &identity, bool json)
{
    const QDateTime since = context.client().rateLimits()->now().addDays(-RateLimits::Ledger::KeepDays);
    const QList<RateLimits::Sample> samples = ledger.samples(identity, since);
    if (json) {
        QJsonArray array;
        for (const RateLimits::Sample &sample : samples) {
            array.append(QJsonObject{{u"at"_s, isoTime(sample.at)},
                                     {u"resource"_s, sample.resource},
                                     {u"limit"_s, sample.limit},
                                     {u"remaining"_s, sample.remaining},
                                     {u"used"_s, sample.used},
                                     {u"reset"_s, isoTime(sample.reset)},
                                     {u"process"_s, processOf(sample.session)},
                                     {u"session"_s, sample.session}});
        }
        return context.writeData(QJsonDocument(array).toJson(QJsonDocument::Indented));
    }
    QTextStream &out = context.out();
    out << QString(u"%1 %2 %3 %4 %5 %6\n"_s)
               .arg(tr("time"), -19)
               .arg(tr("resource"), -20)
               .arg(tr("remaining"), 15)
               .arg(tr("used"), 6)
               .arg(tr("resets at"), -19)
               .arg(tr("seen by"));
    for (const RateLimits::Sample &sample : samples) {
        out << QString(u"%1 %2 %3 %4 %5 %6\n"_s)
                   .arg(localTime(sample.at), -19)
                   .arg(Core::printable(sample.resource), -20)
                   .arg(QString::number(sample.remaining) + u'/' + QString::number(sample.limit), 15)
                   .arg(sample.used, 6)
                   .arg(localTime(sample.reset), -19)
                   .arg(Core::printable(processOf(sample.session)));
    }
    out.flush();
    return ExitOk;
}

} // namespace

void runRateLimit(CliContext &context, RateLimitReport report, bool json, const Done &done)
{
    if (report != RateLimitReport::Limits) {
        RateLimits::Ledger *ledger = context.ledger();
        if (!ledger) {
            done(context.fail(ExitFailure, tr("the rate-limit ledger lives in the cache database, which "
                                              "cannot be opened.")));
            return;
        }
        const QByteArray identity = context.client().identity();
        done(report == RateLimitReport::Spend ? printSpend(context, *ledger, identity, json)
                                              : printHistory(context, *ledger, identity, json));
        return;
    }
    if (context.options().offline) {
        done(context.fail(ExitNetwork, tr("rate-limit asks GitHub now: it has no offline answer.")));
        return;
    }
    GitHub::Request *request = context.client().fetchRateLimits();
    QObject::connect(request, &GitHub::Request::failed, &context,
                     [&context, done](const GitHub::Error &error) { done(context.report(error)); });
    QObject::connect(
        request, &GitHub::Request::succeeded, &context,
        [&context, json, done](const GitHub::Response &response) {
            if (json) {
                done(context.writeData(Core::printableJson(response.body) + '\n'));
                return;
            }
            QTextStream &out = context.out();
            out << QString(u"%1 %2 %3 %4\n"_s)
                       .arg(tr("resource"), -30)
                       .arg(tr("used"), 12)
                       .arg(tr("remaining"), 10)
                       .arg(tr("resets at"));
            for (const GitHub::RateLimit &limit : context.client().rateLimits()->all()) {
                out << QString(u"%1 %2 %3 %4\n"_s)
                           .arg(Core::printable(limit.resource), -30) // /rate_limit's keys are GitHub's
                           .arg(QString::number(limit.used) + u'/' + QString::number(limit.limit), 12)
                           .arg(limit.remaining, 10)
                           .arg(limit.reset.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s));
            }
            out.flush();
            done(ExitOk);
        });
}

void runCache(CliContext &context, const QString &action, bool json, const Done &done)
{
    if (action == u"path"_s) {
        context.out() << context.cacheDisplayName() << '\n';
        done(ExitOk);
        return;
    }
    Cache::EtagCache *cache = context.cache();
    if (!cache) {
        done(context.fail(ExitFailure, tr("the cache is off or cannot be opened.")));
        return;
    }
    if (action == u"clear"_s) {
        const qint64 entries = cache->entryCount();
        if (!cache->clear()) {
            done(context.fail(ExitFailure, cache->errorString()));
            return;
        }
        context.err() << QCoreApplication::translate("Hubshelf::Cli::Commands",
                                                     "Cleared %n cached response(s).", nullptr, int(entries))
                      << '\n';
        done(ExitOk);
        return;
    }
    const Cache::CacheStatistics stats = cache->lifetimeStatistics();
    if (json) {
        const QJsonObject object{{u"path"_s, context.cacheDisplayName()},
                                 {u"entries"_s, cache->entryCount()},
                                 {u"body_bytes"_s, cache->totalBodyBytes()},
                                 {u"size_limit_bytes"_s, cache->sizeLimit()},
                                 {u"fresh_hits"_s, stats.freshHits},
                                 {u"revalidated"_s, stats.revalidated},
                                 {u"misses"_s, stats.misses},
                                 {u"uncached"_s, stats.uncached},
                                 {u"hits"_s, stats.hits()},
                                 {u"calls_saved"_s, stats.callsSaved()},
                                 {u"bytes_saved"_s, stats.bytesSaved},
                                 {u"corrupt_entries_dropped"_s, stats.corruptDropped}};
        done(context.writeData(QJsonDocument(object).toJson(QJsonDocument::Indented)));
        return;
    }
    QTextStream &out = context.out();
    out << tr("path") << ":          " << context.cacheDisplayName() << '\n'
        << tr("entries") << ":       " << cache->entryCount() << '\n'
        << tr("size") << ":          " << cache->totalBodyBytes() << " / " << cache->sizeLimit() << " bytes\n"
        << tr("fresh hits") << ":    " << stats.freshHits << '\n'
        << tr("revalidated") << ":   " << stats.revalidated << '\n'
        << tr("misses") << ":        " << stats.misses << '\n'
        << tr("uncached") << ":      " << stats.uncached << '\n'
        << tr("calls saved") << ":   " << stats.callsSaved() << '\n'
        << tr("bytes saved") << ":   " << stats.bytesSaved << '\n'
        << tr("corrupt entries dropped") << ": " << stats.corruptDropped << '\n';
    out.flush();
    done(ExitOk);
}

void runAuth(CliContext &context, const QString &action, bool withToken, const Done &done)
{
    Auth::TokenStore &store = context.tokenStore();
    const QString host = context.apiHost();
    if (action == u"login"_s) {
        const QString token = readToken(withToken);
        if (token.isEmpty()) {
            done(context.fail(ExitUsage, tr("no token was given on standard input.")));
            return;
        }
        if (!GitHub::isWellFormedToken(token)) {
            done(context.fail(ExitUsage,
                              Auth::TokenStore::malformedTokenMessage(tr("The token on standard input"))));
            return;
        }
        context.client().setToken(token.toUtf8());
        whoAmI(
            context,
            [&context, &store, host, token, done](const QString &login) {
                QObject::connect(
                    &store, &Auth::TokenStore::saved, &context,
                    [&context, host, login, done](const QString &, Auth::TokenSource source) {
                        // A token kept for this process only would be gone when it exits.
                        if (source != Auth::TokenSource::Keychain) {
                            done(context.fail(
                                ExitFailure,
                                tr("the token is valid (%1) but there is no keychain to keep it; "
                                   "set GH_TOKEN (github.com) or GH_ENTERPRISE_TOKEN instead.")
                                    .arg(login)));
                            return;
                        }
                        context.err() << tr("Logged in to %1 as %2; the token is kept in the keychain.")
                                             .arg(host, login)
                                      << '\n';
                        done(ExitOk);
                    });
                QObject::connect(&store, &Auth::TokenStore::failed, &context,
                                 [&context, done](const QString &, const QString &message) {
                                     done(context.fail(ExitFailure, message));
                                 });
                store.save(host, token);
            },
            done);
        return;
    }
    if (action == u"logout"_s) {
        QObject::connect(&store, &Auth::TokenStore::removed, &context, [&context, host, done] {
            context.err() << tr("Logged out of %1.").arg(host) << '\n';
            done(ExitOk);
        });
        QObject::connect(&store, &Auth::TokenStore::failed, &context,
                         [&context, done](const QString &, const QString &message) {
                             done(context.fail(ExitAuthentication, message));
                         });
        store.remove(host);
        return;
    }
    // status: where the token comes from and whose it is; never the token.
    const auto refused = [&context, done](const QString &message) {
        done(context.fail(ExitAuthentication, message));
    };
    context.loadToken(
        [&context, host, done](Auth::TokenSource source) {
            if (source == Auth::TokenSource::None) {
                done(
                    context.fail(ExitAuthentication,
                                 host + u": "_s + tr("not logged in (requests are anonymous: 60 an hour).")));
                return;
            }
            whoAmI(
                context,
                [&context, host, source, done](const QString &login) {
                    context.out() << host << ": "
                                  << tr("logged in as %1, token from %2")
                                         .arg(login, QString::fromLatin1(Auth::tokenSourceName(source)))
                                  << '\n';
                    context.out().flush();
                    done(ExitOk);
                },
                done);
        },
        refused);
}

} // namespace Hubshelf::Cli
