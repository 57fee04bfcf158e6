#include "serve/httpconnection.h"

#include <QPointer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Hubshelf::Serve {

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpServer::Handler &handler,
                               const HttpServer::Options &options, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_options(options)
    , m_reader(options.limits)
{
    socket->setParent(this);
    // While a request is answered, what the client sends next waits in Qt's buffer: bounded, after
    // which it waits in the kernel's.
    socket->setReadBufferSize(64 * 1024);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Request) {
            m_keepAlive = false;
            send(HttpResponse::error(408, u"the request did not arrive within %1 s"_s.arg(
                                              m_options.requestTimeoutMs / 1000.0)),
                 false);
        } else {
            close(); // idle too long, or the client does not take its answer
        }
    });
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequests);
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpConnection::written);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    readRequests();
}

void HttpConnection::closeWhenIdle()
{
    m_closing = true;
    if (m_waiting == Waiting::ForRequest) {
        close();
    }
}

qint64 HttpConnection::idleMs() const
{
    return m_phase == Phase::Idle && !m_closed ? m_idle.elapsed() : -1;
}

void HttpConnection::readRequests()
{
    if (m_closed || m_waiting != Waiting::ForRequest) {
        return; // the next request waits in the socket until this one is answered
    }
    m_buffer += m_socket->readAll();
    switch (m_reader.read(m_buffer, m_request)) {
    case HttpRequestReader::Result::NeedMore:
        setPhase(m_buffer.isEmpty() ? Phase::Idle : Phase::Request);
        return;
    case HttpRequestReader::Result::Refused:
        m_keepAlive = false;
        send(HttpResponse::error(m_reader.refusalStatus(), m_reader.refusalReason()), false);
        return;
    case HttpRequestReader::Result::Complete:
        break;
    }
    m_waiting = Waiting::ForHandler;
    m_answering.start();
    setPhase(Phase::None); // the handler's upstream request has deadlines of its own
    m_keepAlive = m_request.keepAlive() && !m_closing;
    const quint64 serial = ++m_serial;
    m_handler(m_request, [self = QPointer<HttpConnection>(this), serial](const HttpResponse &response) {
        if (self) {
            self->answer(serial, response);
        }
    });
}

void HttpConnection::answer(quint64 serial, const HttpResponse &response)
{
    if (m_closed || serial != m_serial || m_waiting != Waiting::ForHandler) {
        return;
    }
    send(response, m_request.method == "HEAD");
}

void HttpConnection::send(const HttpResponse &response, bool headRequest)
{
    const bool answered = m_waiting == Waiting::ForHandler; // else refused before it was read whole
    Q_EMIT served(AccessEntry{m_socket->peerAddress().toString(), answered ? m_request.method : QByteArray(),
                              answered ? m_request.target : QByteArray(), response.status,
                              headRequest ? 0 : response.body.size(), answered ? m_answering.elapsed() : 0});
    m_waiting = Waiting::ForClientToRead;
    setPhase(Phase::Write);
    m_socket->write(response.wire(headRequest, m_keepAlive && !m_closing));
}

void HttpConnection::written()
{
    if (m_closed || m_waiting != Waiting::ForClientToRead || m_socket->bytesToWrite() > 0) {
        return;
    }
    if (!m_keepAlive || m_closing) {
        m_socket->disconnectFromHost();
        close();
        return;
    }
    m_waiting = Waiting::ForRequest;
    readRequests(); // a pipelined request may be here already
}

void HttpConnection::setPhase(Phase phase)
{
    if (phase == m_phase) {
        return; // a request's clock is not reset by each byte a slow client sends
    }
    m_phase = phase;
    switch (phase) {
    case Phase::None:
        m_timer.stop();
        return;
    case Phase::Idle:
        m_idle.start();
        m_timer.start(m_options.idleTimeoutMs);
        return;
    case Phase::Request:
        m_timer.start(m_options.requestTimeoutMs);
        return;
    case Phase::Write:
        m_timer.start(m_options.writeTimeoutMs);
        return;
    }
}

void HttpConnection::close()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    m_timer.stop();
    m_socket->disconnect(this);
    if (m_socket->state() != QAbstractSocket::UnconnectedState && m_socket->bytesToWrite() > 0) {
        m_socket->abort(); // a timeout: what the client did not take is dropped
    }
    m_socket->close();
    Q_EMIT closed(this);
    deleteLater();
}

} // namespace Hubshelf::Serve
