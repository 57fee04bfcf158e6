#include "serve/httpserver.h"

#include "serve/httpconnection.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Hubshelf::Serve {

QString AccessEntry::line() const
{
    const QString request =
        method.isEmpty() ? u"-"_s : QString::fromLatin1(method) + u' ' + QString::fromLatin1(target);
    return u"%1 \"%2\" %3 %4 %5 ms"_s.arg(peer, request).arg(status).arg(bodyBytes).arg(elapsedMs);
}

HttpServer::HttpServer(QTcpServer *listener, Handler handler, Options options, QObject *parent)
    : QObject(parent)
    , m_listener(listener)
    , m_handler(std::move(handler))
    , m_options(options)
{
    listener->setParent(this);
    // pendingConnectionAvailable, not newConnection: a QSslServer announces a socket once its
    // handshake is done.
    connect(listener, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::accept);
    // Out of file descriptors (or another resource), QTcpServer pauses accepting for good; a flood
    // must not stop the server once it has passed.
    connect(listener, &QTcpServer::acceptError, this, [this] {
        QTimer::singleShot(ResumeAcceptingAfterMs, m_listener, [this] {
            if (!m_stopping) {
                m_listener->resumeAccepting();
            }
        });
    });
    accept();
}

HttpServer::~HttpServer() = default;

void HttpServer::stop()
{
    m_stopping = true;
    m_listener->close();
    const QList<HttpConnection *> connections = m_connections;
    for (HttpConnection *connection : connections) {
        connection->closeWhenIdle();
    }
    if (m_connections.isEmpty()) {
        QTimer::singleShot(0, this, &HttpServer::idle);
    }
}

int HttpServer::connectionCount() const
{
    return int(m_connections.size());
}

int HttpServer::idleConnectionCount() const
{
    return int(std::count_if(m_connections.cbegin(), m_connections.cend(),
                             [](const HttpConnection *connection) { return connection->idleMs() >= 0; }));
}

void HttpServer::accept()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
        if (!m_stopping && m_connections.size() >= m_options.maxConnections) {
            dropLongestIdle();
        }
        if (m_stopping || m_connections.size() >= m_options.maxConnections) {
            // Told in one line and let go: a flood of connections costs a bounded amount.
            socket->write(
                HttpResponse::error(503, u"too many connections; try again shortly"_s).wire(false, false));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(RefusedSocketLingerMs, socket, [socket] {
                socket->abort();
                socket->deleteLater();
            });
            continue;
        }
        auto *connection = new HttpConnection(socket, m_handler, m_options, this);
        m_connections.append(connection);
        connect(connection, &HttpConnection::closed, this, &HttpServer::connectionClosed);
        connect(connection, &HttpConnection::served, this, &HttpServer::served);
    }
}

void HttpServer::dropLongestIdle()
{
    HttpConnection *longest = nullptr;
    qint64 longestMs = -1;
    for (HttpConnection *connection : std::as_const(m_connections)) {
        const qint64 idleMs = connection->idleMs();
        if (idleMs > longestMs) {
            longest = connection;
            longestMs = idleMs;
        }
    }
    if (longest) {
        longest->closeWhenIdle(); // idle: closes now, and connectionClosed() takes it off the list
    }
}

void HttpServer::connectionClosed(HttpConnection *connection)
{
    m_connections.removeOne(connection);
    if (m_stopping && m_connections.isEmpty()) {
        Q_EMIT idle();
    }
}

} // namespace Hubshelf::Serve
