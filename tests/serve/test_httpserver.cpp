// HttpServer over real loopback sockets: keep-alive and pipelining in order, late and lost
// answers, HEAD, and every bound a client could otherwise stretch (connections, slow requests,
// idle connections, refusals), and a stop that finishes what is in flight.

#include "serve/httpserver.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using Hubshelf::Serve::HttpRequest;
using Hubshelf::Serve::HttpResponse;
using Hubshelf::Serve::HttpServer;

namespace {

// What a client received, split into answers by Content-Length.
struct Answer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
};

class TestClient final
{
public:
    explicit TestClient(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, [this] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }

    std::vector<Answer> answers(bool headRequests = false) const
    {
        std::vector<Answer> out;
        qsizetype at = 0;
        while (true) {
            const qsizetype end = received.indexOf("\r\n\r\n", at);
            if (end < 0) {
                break;
            }
            Answer answer;
            answer.head = received.mid(at, end - at);
            answer.status = answer.head.mid(9, 3).toInt();
            qsizetype length = 0;
            const QList<QByteArray> lines = answer.head.split('\n');
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("content-length:")) {
                    length = line.mid(15).trimmed().toLongLong();
                }
            }
            if (headRequests) {
                length = 0;
            }
            if (received.size() < end + 4 + length) {
                break;
            }
            answer.body = received.mid(end + 4, length);
            out.push_back(answer);
            at = end + 4 + length;
        }
        return out;
    }

    bool isClosed() const { return socket.state() == QAbstractSocket::UnconnectedState; }

    QTcpSocket socket;
    QByteArray received;
};

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extra + "\r\n";
}

} // namespace

class TestHttpServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wire_isTheServersOwnFraming();
    void keepAlive_pipelinedRequestsAreAnsweredInOrder();
    void lateAnswer_isSentWhenItComes();
    void answerAfterTheClientLeft_isDropped();
    void head_hasTheLengthButNoBody();
    void connectionClose_isHonoured();
    void refusal_isAJsonMessageAndTheConnectionCloses();
    void tooManyConnections_theLongestIdleGivesWay();
    void tooManyConnections_allBusy_theRestAreTold();
    void slowRequest_getsA408WhateverItsPace();
    void idleConnection_isClosed();
    void stop_finishesWhatIsInFlightThenIsIdle();

private:
    void start(HttpServer::Handler handler, HttpServer::Options options = {});

    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
};

void TestHttpServer::start(HttpServer::Handler handler, HttpServer::Options options)
{
    auto *listener = new QTcpServer;
    QVERIFY(listener->listen(QHostAddress::LocalHost, 0));
    m_port = listener->serverPort();
    m_server = std::make_unique<HttpServer>(listener, std::move(handler), options);
}

namespace {

void echoPath(const HttpRequest &request, const HttpServer::Respond &respond)
{
    HttpResponse response;
    response.setHeader("Content-Type", "text/plain");
    response.body = request.method + ' ' + request.target;
    respond(response);
}

} // namespace

void TestHttpServer::wire_isTheServersOwnFraming()
{
    HttpResponse response;
    response.setHeader("ETag", "\"abc\"");
    response.setHeader("etag", "\"def\""); // replaces, whatever the case
    response.setHeader("Content-Length", "999");
    response.setHeader("X-Split", "a\r\nX-Injected: yes");
    response.body = "body";
    QCOMPARE(response.wire(false, true), "HTTP/1.1 200 OK\r\netag: \"def\"\r\nContent-Length: 4\r\n"
                                         "Connection: keep-alive\r\n\r\nbody");
    QCOMPARE(response.wire(true, false), "HTTP/1.1 200 OK\r\netag: \"def\"\r\nContent-Length: 4\r\n"
                                         "Connection: close\r\n\r\n");
    response.status = 304;
    QCOMPARE(response.wire(false, true),
             "HTTP/1.1 304 Not Modified\r\netag: \"def\"\r\nConnection: keep-alive\r\n\r\n");
    const HttpResponse error = HttpResponse::error(404, u"no \"such\" user"_s);
    QCOMPARE(error.body, R"({"message":"no \"such\" user"})");
    QCOMPARE(error.header("content-type"), "application/json; charset=utf-8");
}

void TestHttpServer::keepAlive_pipelinedRequestsAreAnsweredInOrder()
{
    start(echoPath);
    TestClient client(m_port);
    QVERIFY(client.socket.waitForConnected(5000));
    client.socket.write(get("/a") + get("/b") + get("/c"));
    QTRY_COMPARE(client.answers().size(), size_t(3));
    const std::vector<Answer> answers = client.answers();
    QCOMPARE(answers[0].body, "GET /a");
    QCOMPARE(answers[1].body, "GET /b");
    QCOMPARE(answers[2].body, "GET /c");
    QVERIFY(answers[2].head.contains("Connection: keep-alive"));
    client.socket.write(get("/d"));
    QTRY_COMPARE(client.answers().size(), size_t(4));
    QCOMPARE(client.answers()[3].body, "GET /d");
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestHttpServer::lateAnswer_isSentWhenItComes()
{
    // The second request's answer is ready first: answers still go out in the requests' order.
    start([](const HttpRequest &request, const HttpServer::Respond &respond) {
        QTimer::singleShot(request.target == "/slow" ? 200 : 0,
                           [request, respond] { echoPath(request, respond); });
    });
    TestClient client(m_port);
    client.socket.write(get("/slow") + get("/fast"));
    QTRY_COMPARE(client.answers().size(), size_t(2));
    QCOMPARE(client.answers()[0].body, "GET /slow");
    QCOMPARE(client.answers()[1].body, "GET /fast");
}

void TestHttpServer::answerAfterTheClientLeft_isDropped()
{
    HttpServer::Respond kept;
    start([&kept](const HttpRequest &, const HttpServer::Respond &respond) { kept = respond; });
    {
        TestClient client(m_port);
        client.socket.write(get("/a"));
        QTRY_VERIFY(kept);
        client.socket.abort();
    }
    QTRY_COMPARE(m_server->connectionCount(), 0);
    kept(HttpResponse{}); // the connection is gone: nothing happens, nothing crashes
    kept = nullptr;
    TestClient next(m_port);
    next.socket.write(get("/b"));
    QTRY_VERIFY(kept);
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestHttpServer::head_hasTheLengthButNoBody()
{
    start(echoPath);
    TestClient client(m_port);
    client.socket.write("HEAD /x HTTP/1.1\r\nHost: h\r\n\r\n" + get("/after"));
    QTRY_COMPARE(client.answers(true).size(), size_t(2));
    const Answer head = client.answers(true)[0];
    QVERIFY(head.head.contains("Content-Length: 7")); // "HEAD /x"
    // The next answer starts right after the HEAD answer's empty line: no body bytes between.
    QVERIFY(client.answers(true)[1].head.startsWith("HTTP/1.1 200 OK\r\n"));
}

void TestHttpServer::connectionClose_isHonoured()
{
    start(echoPath);
    TestClient client(m_port);
    client.socket.write(get("/a", "Connection: close\r\n") + get("/never"));
    QTRY_VERIFY(client.isClosed());
    QCOMPARE(client.answers().size(), size_t(1));
    QVERIFY(client.answers()[0].head.contains("Connection: close"));
}

void TestHttpServer::refusal_isAJsonMessageAndTheConnectionCloses()
{
    int handled = 0;
    start([&handled](const HttpRequest &request, const HttpServer::Respond &respond) {
        ++handled;
        echoPath(request, respond);
    });
    TestClient client(m_port);
    client.socket.write("CONNECT api.github.com:443 HTTP/1.1\r\nHost: api.github.com\r\n\r\n" + get("/a"));
    QTRY_VERIFY(client.isClosed());
    QCOMPARE(client.answers().size(), size_t(1));
    QCOMPARE(client.answers()[0].status, 405);
    QVERIFY(client.answers()[0].body.startsWith("{\"message\":\"CONNECT is refused"));
    QCOMPARE(handled, 0);
}

void TestHttpServer::tooManyConnections_theLongestIdleGivesWay()
{
    HttpServer::Options options;
    options.maxConnections = 3;
    start(echoPath, options);
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<TestClient>(m_port));
        QTRY_COMPARE(m_server->connectionCount(), i + 1); // so that the first has waited longest
    }
    // A newcomer at the cap takes the place of the one that has waited longest for a request.
    TestClient newcomer(m_port);
    QTRY_VERIFY(clients[0]->isClosed());
    QVERIFY(clients[0]->answers().empty());
    QCOMPARE(m_server->connectionCount(), 3);
    newcomer.socket.write(get("/newcomer"));
    QTRY_COMPARE(newcomer.answers().size(), size_t(1));
    QCOMPARE(newcomer.answers()[0].body, "GET /newcomer");
    clients[2]->socket.write(get("/still"));
    QTRY_COMPARE(clients[2]->answers().size(), size_t(1));
    QCOMPARE(clients[2]->answers()[0].body, "GET /still");
}

void TestHttpServer::tooManyConnections_allBusy_theRestAreTold()
{
    HttpServer::Options options;
    options.maxConnections = 3;
    start(echoPath, options);
    // Three clients in the middle of sending a request: none is idle, none gives way.
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<TestClient>(m_port));
        clients.back()->socket.write("GET /busy HTTP/1.1\r\n");
    }
    QTRY_COMPARE(m_server->connectionCount(), 3);
    // The server has read each one's first line: a socket whose bytes are still unread looks idle.
    QTRY_COMPARE(m_server->idleConnectionCount(), 0);
    TestClient extra(m_port);
    QTRY_VERIFY(extra.isClosed());
    QCOMPARE(extra.answers().size(), size_t(1));
    QCOMPARE(extra.answers()[0].status, 503);
    clients[2]->socket.write("Host: x\r\n\r\n");
    QTRY_COMPARE(clients[2]->answers().size(), size_t(1));
    QCOMPARE(clients[2]->answers()[0].body, "GET /busy");
}

void TestHttpServer::slowRequest_getsA408WhateverItsPace()
{
    HttpServer::Options options;
    options.requestTimeoutMs = 300;
    start(echoPath, options);
    TestClient client(m_port);
    QVERIFY(client.socket.waitForConnected(5000));
    // A byte every 50 ms never completes the head: the clock runs from the first byte.
    const QByteArray drip = get("/drip", "X-Long: " + QByteArray(100, 'a') + "\r\n");
    QTimer dripper;
    qsizetype sent = 0;
    connect(&dripper, &QTimer::timeout, [&] { client.socket.write(drip.mid(sent++, 1)); });
    dripper.start(50);
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    dripper.stop();
    QVERIFY(sent < drip.size());
    QCOMPARE(client.answers().size(), size_t(1));
    QCOMPARE(client.answers()[0].status, 408);
}

void TestHttpServer::idleConnection_isClosed()
{
    HttpServer::Options options;
    options.idleTimeoutMs = 200;
    start(echoPath, options);
    TestClient client(m_port);
    client.socket.write(get("/a"));
    QTRY_COMPARE(client.answers().size(), size_t(1));
    QTRY_VERIFY(client.isClosed());
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::stop_finishesWhatIsInFlightThenIsIdle()
{
    HttpServer::Respond kept;
    start([&kept](const HttpRequest &, const HttpServer::Respond &respond) { kept = respond; });
    TestClient busy(m_port);
    TestClient quiet(m_port);
    QTRY_COMPARE(m_server->connectionCount(), 2);
    busy.socket.write(get("/a"));
    QTRY_VERIFY(kept);
    bool idle = false;
    connect(m_server.get(), &HttpServer::idle, this, [&idle] { idle = true; });
    m_server->stop();
    QTRY_VERIFY(quiet.isClosed());
    QVERIFY(!idle);
    HttpResponse response;
    response.body = "done";
    kept(response);
    QTRY_VERIFY(idle);
    QCOMPARE(busy.answers().size(), size_t(1));
    QCOMPARE(busy.answers()[0].body, "done");
    QVERIFY(busy.answers()[0].head.contains("Connection: close"));
    QTcpSocket late;
    late.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(!late.waitForConnected(1000) || late.waitForDisconnected(1000));
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "test_httpserver.moc"
