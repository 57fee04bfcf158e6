#pragma once

// One `hubshelf serve` stack in the test's process, over real loopback: a downstream
// QNetworkAccessManager -> HttpServer -> a handler (the mirror, the gists API) -> Client -> the
// fake GitHub, with a real SQLite cache.

#include "cache/etagcache.h"
#include "fakegithub.h"
#include "github/client.h"
#include "serve/httpserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ServeTest {

struct Answer
{
    int status = 0;
    QByteArray body;
    QNetworkReply *reply = nullptr; // for its headers; deleted with the fixture's network
    QByteArray header(const char *name) const { return reply->rawHeader(name); }
};

class Fixture final
{
public:
    // Call from the test's init(); QVERIFY-style failures come back as false.
    bool start(const QString &cacheFile)
    {
        fake = std::make_unique<FakeGitHub::Server>();
        if (!fake->listen()) {
            return false;
        }
        upstreamNetwork = std::make_unique<QNetworkAccessManager>();
        cache = std::make_unique<Hubshelf::Cache::EtagCache>(cacheFile);
        if (!cache->open()) {
            return false;
        }
        client =
            std::make_unique<Hubshelf::GitHub::Client>(upstreamNetwork.get(), cache.get(), fake->apiUrl());
        downstream = std::make_unique<QNetworkAccessManager>();
        return true;
    }

    bool serve(Hubshelf::Serve::HttpServer::Handler handler)
    {
        auto *listener = new QTcpServer;
        if (!listener->listen(QHostAddress::LocalHost, 0)) {
            delete listener;
            return false;
        }
        port = listener->serverPort();
        server = std::make_unique<Hubshelf::Serve::HttpServer>(listener, std::move(handler),
                                                               Hubshelf::Serve::HttpServer::Options{});
        return true;
    }

    void stop()
    {
        downstream.reset();
        server.reset();
        client.reset();
        cache.reset();
        upstreamNetwork.reset();
        fake.reset();
    }

    QUrl url(const QString &path) const
    {
        using namespace Qt::StringLiterals;
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(port).arg(path));
    }

    Answer request(const QByteArray &method, const QString &path,
                   const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {})
    {
        QNetworkRequest networkRequest(url(path));
        for (const auto &[name, value] : headers) {
            networkRequest.setRawHeader(name, value);
        }
        // Qt reads a body after a custom "HEAD" verb: only head() knows there is none.
        QNetworkReply *reply = method == "HEAD" ? downstream->head(networkRequest)
                                                : downstream->sendCustomRequest(networkRequest, method, body);
        reply->setParent(downstream.get());
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000)) {
            qWarning("no answer for %s", qPrintable(path));
        }
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), reply};
    }

    // What the fake GitHub saw for a path (decoded, without the query).
    QList<FakeGitHub::LoggedRequest> upstreamLogFor(const QString &path) const
    {
        QList<FakeGitHub::LoggedRequest> matching;
        const QList<FakeGitHub::LoggedRequest> log = fake->requestLog();
        for (const FakeGitHub::LoggedRequest &entry : log) {
            if (entry.path == path) {
                matching.append(entry);
            }
        }
        return matching;
    }

    std::unique_ptr<FakeGitHub::Server> fake;
    std::unique_ptr<QNetworkAccessManager> upstreamNetwork;
    std::unique_ptr<Hubshelf::Cache::EtagCache> cache;
    std::unique_ptr<Hubshelf::GitHub::Client> client;
    std::unique_ptr<Hubshelf::Serve::HttpServer> server;
    std::unique_ptr<QNetworkAccessManager> downstream;
    quint16 port = 0;
};

} // namespace ServeTest
