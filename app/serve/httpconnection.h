#pragma once

#include "serve/httpserver.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace Hubshelf::Serve {

// One client's connection: reads requests, hands them to the handler one at a time, writes the
// answers in order, and closes on a refusal, a timeout or "Connection: close".
class HttpConnection final : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, const HttpServer::Handler &handler, const HttpServer::Options &options,
                   QObject *parent);

    // Closes once the request being answered (if any) is answered.
    void closeWhenIdle();
    // How long the connection has waited for a request's first byte; -1 while a request is being
    // read or answered.
    qint64 idleMs() const;

Q_SIGNALS:
    void closed(Hubshelf::Serve::HttpConnection *connection);
    void served(const Hubshelf::Serve::AccessEntry &entry);

private:
    enum class Waiting { ForRequest, ForHandler, ForClientToRead };
    // Which clock runs: between requests, while one arrives, while the client takes an answer.
    enum class Phase { None, Idle, Request, Write };

    void readRequests();
    void answer(quint64 serial, const HttpResponse &response);
    void send(const HttpResponse &response, bool headRequest);
    void written();
    void setPhase(Phase phase);
    void close();

    QTcpSocket *m_socket;
    HttpServer::Handler m_handler;
    HttpServer::Options m_options;
    HttpRequestReader m_reader;
    QByteArray m_buffer;
    HttpRequest m_request;
    QElapsedTimer m_answering; // since m_request was read
    QElapsedTimer m_idle;      // since Phase::Idle began
    Waiting m_waiting = Waiting::ForRequest;
    quint64 m_serial = 0; // of the request being answered: a late respond of an old one is ignored
    bool m_keepAlive = true;
    bool m_closing = false;
    bool m_closed = false;
    Phase m_phase = Phase::None;
    QTimer m_timer;
};

} // namespace Hubshelf::Serve
