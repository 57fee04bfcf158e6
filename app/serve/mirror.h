#pragma once

#include "serve/httpserver.h"

#include <QHash>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace Hubshelf::GitHub {
class Client;
struct Error;
struct Response;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Serve {

class Passthrough;

// The caching API mirror: GET and HEAD of any API path answered through the Client and its ETag
// cache, as the requester's own identity (its Authorization header; none is anonymous; the mirror
// adds no token of its own), with the API's URLs made the mirror's. Identical GETs of one identity
// in flight share one upstream request. Other methods pass through (Passthrough), uncached.
// /stats and /metrics tell what the cache saved.
class Mirror final : public QObject
{
    Q_OBJECT

public:
    struct Statistics
    {
        qint64 cacheHit = 0;         // fresh, revalidated by a 304, or shared with one in flight
        qint64 cacheMiss = 0;        // fetched from upstream
        qint64 revalidated = 0;      // of the hits: a 304 from upstream
        qint64 collapsed = 0;        // of the hits: answered by another request's upstream answer
        qint64 upstreamRequests = 0; // GETs that went upstream
        qint64 failed = 0;           // answered with an error
        qint64 passedThrough = 0;    // other methods, sent upstream as they came (not in the above)
    };

    // tls: whether clients reach the mirror over https (the scheme of the URLs it writes).
    // `network` sends what passes through; the client's own, so that both share connections.
    Mirror(GitHub::Client *client, QNetworkAccessManager *network, bool tls, QObject *parent = nullptr);

    void handle(const HttpRequest &request, const HttpServer::Respond &respond);
    Statistics statistics() const { return m_statistics; }

    // The mirror's ETag of the bytes it sends: a client's If-None-Match is answered with a 304
    // when it names them.
    static QByteArray etagOf(const QByteArray &body);

Q_SIGNALS:
    // One line per request, as the mirrors before it logged: "[GET] CACHE_HIT URL STATUS";
    // "[POST] PASS URL STATUS" for what passed through.
    void logged(const QString &line);

private:
    struct Waiter
    {
        HttpServer::Respond respond;
        bool head = false;
        QByteArray ifNoneMatch;
        QUrl mirrorBase;
    };

    // `upstream`: the request's target on the API.
    void get(const HttpRequest &request, const QUrl &upstream, const QUrl &mirrorBase,
             const HttpServer::Respond &respond);
    void answer(const QByteArray &key, const GitHub::Response &response);
    void answer(const QByteArray &key, const GitHub::Error &error);
    HttpResponse statsResponse() const;
    HttpResponse metricsResponse() const;

    GitHub::Client *m_client;
    Passthrough *m_passthrough;
    bool m_tls;
    QHash<QByteArray, QList<Waiter>> m_inFlight; // identity + target -> who waits for it
    Statistics m_statistics;
};

} // namespace Hubshelf::Serve
