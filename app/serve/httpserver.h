#pragma once

#include "serve/httprequestreader.h"
#include "serve/httpresponse.h"

#include <QObject>

#include <functional>

class QTcpServer;

namespace Hubshelf::Serve {

class HttpConnection;

// One answered request, for the access log.
struct AccessEntry
{
    QString peer;      // the client's address
    QByteArray method; // empty when the request was refused before its request line was read
    QByteArray target;
    int status = 0;
    qint64 bodyBytes = 0;
    qint64 elapsedMs = 0; // from the request's last byte to its answer handed to the socket

    // 127.0.0.1 "GET /repos/o/r" 200 1234 5 ms (a refused request's method and target are "-").
    QString line() const;
};

// Serves HTTP/1.1 on a listening QTcpServer (or a QSslServer, whose sockets arrive encrypted):
// keep-alive and pipelining, one request at a time per connection, answers in order. Every
// resource a client holds is bounded: the request (HttpLimits), the number of connections, the
// time to send a request and the time a connection may stay idle. At the connection cap, a new
// client takes the place of the connection that has waited longest for a request (as nginx reuses
// its keep-alive connections), so idle connections cannot lock others out; only when every
// connection is busy is a newcomer answered 503.
class HttpServer final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        HttpLimits limits;
        int maxConnections = 256;
        int idleTimeoutMs = 15 * 1000;    // between requests on a kept-alive connection
        int requestTimeoutMs = 10 * 1000; // from a request's first byte to its last
        int writeTimeoutMs = 60 * 1000;   // for a client to take an answer
    };

    // Called once per request; the answer may come later (the handler keeps respond). Calling
    // respond after the connection is gone does nothing.
    using Respond = std::function<void(const HttpResponse &)>;
    using Handler = std::function<void(const HttpRequest &, const Respond &)>;

    // Takes the listener as a child; it should be listening already.
    HttpServer(QTcpServer *listener, Handler handler, Options options, QObject *parent = nullptr);
    ~HttpServer() override;

    // Stops accepting; connections finish the request they are answering, then close. idle() once
    // none is left.
    void stop();
    int connectionCount() const;
    // Those waiting for a request: the ones a newcomer at the cap may take the place of.
    int idleConnectionCount() const;

Q_SIGNALS:
    void idle();
    void served(const Hubshelf::Serve::AccessEntry &entry);

private:
    static constexpr int ResumeAcceptingAfterMs = 200;
    static constexpr int RefusedSocketLingerMs = 2000; // for a refused client to take its 503

    void accept();
    void dropLongestIdle();
    void connectionClosed(HttpConnection *connection);

    QTcpServer *m_listener;
    Handler m_handler;
    Options m_options;
    QList<HttpConnection *> m_connections;
    bool m_stopping = false;
};

} // namespace Hubshelf::Serve
