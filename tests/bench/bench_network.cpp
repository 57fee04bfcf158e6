// bench_network: the network core against the standalone fake GitHub with 100 ms of latency.
// Prints a table; asserts nothing (speed is measured here, never in the tests).
//
//   bench_network [--fakegithub PATH] [--latency-ms 100]

#include "cache/etagcache.h"
#include "fakegithub.h"
#include "fakegithubprocess.h"
#include "github/client.h"
#include "github/pagestream.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Hubshelf;

namespace {

struct Run
{
    qint64 milliseconds = 0;
    int requests = 0;
    int items = 0;
    bool ok = false;
};

// Core points used so far, from GET /rate_limit (which is free).
int pointsUsed(GitHub::Client &client)
{
    QEventLoop loop;
    int used = -1;
    GitHub::Request *request = client.fetchRateLimits();
    QObject::connect(request, &GitHub::Request::succeeded, &loop, [&](const GitHub::Response &response) {
        used = QJsonDocument::fromJson(response.body)
                   .object()
                   .value(u"rate"_s)
                   .toObject()
                   .value(u"used"_s)
                   .toInt();
    });
    QObject::connect(request, &GitHub::Request::finished, &loop, &QEventLoop::quit);
    loop.exec();
    return used;
}

Run streamAllPages(GitHub::Client &client, const QUrl &url)
{
    Run run;
    QEventLoop loop;
    GitHub::PageStream stream(&client, url);
    const auto logged =
        QObject::connect(&client, &GitHub::Client::requestLogged, &loop,
                         [&](const GitHub::RequestLogEntry &entry) { run.requests += entry.status > 0; });
    QObject::connect(&stream, &GitHub::PageStream::pageArrived, &loop,
                     [&](int, const QJsonArray &items) { run.items += int(items.size()); });
    QObject::connect(&stream, &GitHub::PageStream::finished, &loop, [&] {
        run.ok = true;
        loop.quit();
    });
    QObject::connect(&stream, &GitHub::PageStream::failed, &loop, [&](const GitHub::Error &error) {
        QTextStream(stderr) << "bench_network: " << error.message() << '\n';
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    stream.start();
    loop.exec();
    run.milliseconds = timer.elapsed();
    QObject::disconnect(logged);
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    FakeGitHubProcess::addOptions(parser);
    parser.addHelpOption();
    parser.process(app);

    // max-age 5 s: long enough for the fresh run, short enough for the revisit "after max-age".
    FakeGitHubProcess fake;
    if (!fake.start(parser, 5)) {
        QTextStream(stderr) << "bench_network: fakegithub did not start\n";
        return 1;
    }
    const QUrl api = fake.apiUrl();

    QTemporaryDir dir;
    QNetworkAccessManager network;
    QTextStream out(stdout);
    out << "bench_network: fakegithub --latency-ms " << FakeGitHubProcess::latency(parser)
        << ", GET /orgs/megacorp/repos: 5,000 repositories in 50 pages of 100\n\n";
    out << QString(u"%1 %2 %3 %4 %5\n"_s)
               .arg(u"scenario"_s, -40)
               .arg(u"wall ms"_s, 9)
               .arg(u"requests"_s, 9)
               .arg(u"items"_s, 7)
               .arg(u"points"_s, 7);
    const auto row = [&](const QString &name, const Run &run, int points) {
        out << QString(u"%1 %2 %3 %4 %5\n"_s)
                   .arg(name, -40)
                   .arg(run.milliseconds, 9)
                   .arg(run.requests, 9)
                   .arg(run.items, 7)
                   .arg(points, 7);
        out.flush();
    };

    for (const int concurrency : {1, 4}) {
        Cache::EtagCache cache(dir.filePath(u"cold-%1.sqlite"_s.arg(concurrency)));
        cache.open();
        GitHub::Client client(&network, &cache, api);
        client.setToken(FakeGitHub::Tokens::Octocat);
        client.setMaxConcurrent(concurrency);
        const int before = pointsUsed(client);
        const Run run = streamAllPages(client, client.endpoint(u"/orgs/megacorp/repos"_s));
        row(u"cold cache, concurrency %1"_s.arg(concurrency), run, pointsUsed(client) - before);
    }

    Cache::EtagCache cache(dir.filePath(u"cold-4.sqlite"_s));
    cache.open();
    GitHub::Client client(&network, &cache, api);
    client.setToken(FakeGitHub::Tokens::Octocat);
    int before = pointsUsed(client);
    row(u"fresh cache (within max-age)"_s, streamAllPages(client, client.endpoint(u"/orgs/megacorp/repos"_s)),
        pointsUsed(client) - before);

    QThread::sleep(6); // past the fake's max-age of 5 s
    before = pointsUsed(client);
    row(u"revisit after max-age (304s)"_s, streamAllPages(client, client.endpoint(u"/orgs/megacorp/repos"_s)),
        pointsUsed(client) - before);

    client.setToken(FakeGitHub::Tokens::OctocatRotated);
    before = pointsUsed(client);
    row(u"token rotation, same user (304s)"_s,
        streamAllPages(client, client.endpoint(u"/orgs/megacorp/repos"_s)), pointsUsed(client) - before);

    return 0;
}
