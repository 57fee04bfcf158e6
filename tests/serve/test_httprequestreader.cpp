// HttpRequestReader: what `hubshelf serve` accepts from a client, and the status it refuses the
// rest with, every buffer bounded.

#include "serve/httprequestreader.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Hubshelf::Serve::HttpLimits;
using Hubshelf::Serve::HttpRequest;
using Hubshelf::Serve::HttpRequestReader;
using Result = HttpRequestReader::Result;

class TestHttpRequestReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void get_isReadWithLowerCaseHeaderNames();
    void byteByByte_needsMoreUntilTheEmptyLine();
    void pipelined_requestsAreReadOneAfterTheOther();
    void body_isReadToItsContentLengthAcrossReads();
    void keepAlive_followsTheVersionAndConnection_data();
    void keepAlive_followsTheVersionAndConnection();
    void refused_withTheStatusAClientShouldSee_data();
    void refused_withTheStatusAClientShouldSee();
    void refused_staysRefused();
    void unfinishedHead_isRefusedOnceItPassesTheBound_data();
    void unfinishedHead_isRefusedOnceItPassesTheBound();
};

void TestHttpRequestReader::get_isReadWithLowerCaseHeaderNames()
{
    QByteArray buffer = "\r\nGET /repos/octocat/Hello-World?per_page=100 HTTP/1.1\r\nHost: localhost:8080\r\n"
                        "Authorization: token abc\r\nAccept: application/json\r\nAccept: text/plain\r\n\r\n";
    HttpRequestReader reader;
    HttpRequest request;
    QCOMPARE(reader.read(buffer, request), Result::Complete);
    QCOMPARE(request.method, "GET");
    QCOMPARE(request.target, "/repos/octocat/Hello-World?per_page=100");
    QCOMPARE(request.version, "HTTP/1.1");
    QCOMPARE(request.header("host"), "localhost:8080");
    QCOMPARE(request.header("authorization"), "token abc");
    QCOMPARE(request.header("accept"), "application/json, text/plain");
    QVERIFY(!request.hasHeader("Host")); // names are lower case
    QVERIFY(request.body.isEmpty());
    QVERIFY(buffer.isEmpty());
}

void TestHttpRequestReader::byteByByte_needsMoreUntilTheEmptyLine()
{
    const QByteArray wire = "GET /users/octocat HTTP/1.1\r\nHost: h\r\n\r\n";
    HttpRequestReader reader;
    HttpRequest request;
    QByteArray buffer;
    for (qsizetype i = 0; i < wire.size() - 1; ++i) {
        buffer += wire.at(i);
        QCOMPARE(reader.read(buffer, request), Result::NeedMore);
    }
    buffer += wire.back();
    QCOMPARE(reader.read(buffer, request), Result::Complete);
    QCOMPARE(request.target, "/users/octocat");
}

void TestHttpRequestReader::pipelined_requestsAreReadOneAfterTheOther()
{
    QByteArray buffer = "GET /a HTTP/1.1\r\nHost: h\r\n\r\nHEAD /b HTTP/1.1\r\nHost: h\r\n\r\nGET /c";
    HttpRequestReader reader;
    HttpRequest request;
    QCOMPARE(reader.read(buffer, request), Result::Complete);
    QCOMPARE(request.target, "/a");
    QCOMPARE(reader.read(buffer, request), Result::Complete);
    QCOMPARE(request.method, "HEAD");
    QCOMPARE(request.target, "/b");
    QCOMPARE(reader.read(buffer, request), Result::NeedMore);
    QCOMPARE(buffer, "GET /c");
}

void TestHttpRequestReader::body_isReadToItsContentLengthAcrossReads()
{
    QByteArray buffer = "POST /gists HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n{\"a\":";
    HttpRequestReader reader;
    HttpRequest request;
    QCOMPARE(reader.read(buffer, request), Result::NeedMore);
    buffer += "true}GET /next HTTP/1.1\r\nHost: h\r\n\r\n";
    QCOMPARE(reader.read(buffer, request), Result::Complete);
    QCOMPARE(request.method, "POST");
    QCOMPARE(request.body, "{\"a\":true}");
    QCOMPARE(reader.read(buffer, request), Result::Complete);
    QCOMPARE(request.target, "/next");
    QVERIFY(request.body.isEmpty());
}

void TestHttpRequestReader::keepAlive_followsTheVersionAndConnection_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.1") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n") << true;
    QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: Close\r\n") << false;
    QTest::newRow("1.1 upgrade, close")
        << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: upgrade, close\r\n") << false;
    QTest::newRow("1.0") << QByteArray("GET / HTTP/1.0\r\n") << false;
    QTest::newRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n") << true;
}

void TestHttpRequestReader::keepAlive_followsTheVersionAndConnection()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, keepAlive);
    QByteArray buffer = head + "\r\n";
    HttpRequestReader reader;
    HttpRequest request;
    QCOMPARE(reader.read(buffer, request), Result::Complete);
    QCOMPARE(request.keepAlive(), keepAlive);
}

void TestHttpRequestReader::refused_withTheStatusAClientShouldSee_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("status");
    const QByteArray host = "Host: h\r\n";
    QTest::newRow("absolute form") << "GET http://api.github.com/ HTTP/1.1\r\n" + host + "\r\n" << 400;
    QTest::newRow("asterisk form") << "OPTIONS * HTTP/1.1\r\n" + host + "\r\n" << 400;
    QTest::newRow("CONNECT") << "CONNECT api.github.com:443 HTTP/1.1\r\n" + host + "\r\n" << 405;
    QTest::newRow("HTTP/2.0") << "GET / HTTP/2.0\r\n" + host + "\r\n" << 505;
    QTest::newRow("not HTTP") << "GET / SPDY/3\r\n" + host + "\r\n" << 400;
    QTest::newRow("two spaces") << "GET  / HTTP/1.1\r\n" + host + "\r\n" << 400;
    QTest::newRow("control in target") << "GET /a\x01 HTTP/1.1\r\n" + host + "\r\n" << 400;
    QTest::newRow("8-bit in target") << "GET /\xc3\xa9 HTTP/1.1\r\n" + host + "\r\n" << 400;
    QTest::newRow("method not a token") << "GE(T / HTTP/1.1\r\n" + host + "\r\n" << 400;
    QTest::newRow("no Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("two Hosts") << "GET / HTTP/1.1\r\n" + host + host + "\r\n" << 400;
    QTest::newRow("folded header") << "GET / HTTP/1.1\r\n" + host + "X-A: 1\r\n  2\r\n\r\n" << 400;
    QTest::newRow("space before colon") << "GET / HTTP/1.1\r\n" + host + "X-A : 1\r\n\r\n" << 400;
    QTest::newRow("no colon") << "GET / HTTP/1.1\r\n" + host + "X-A\r\n\r\n" << 400;
    QTest::newRow("NUL in value") << "GET / HTTP/1.1\r\n" + host + QByteArrayLiteral("X-A: a\0b\r\n\r\n")
                                  << 400;
    QTest::newRow("bare LF") << "GET / HTTP/1.1\r\n" + host + "X-A: 1\nX-B: 2\r\n\r\n" << 400;
    QTest::newRow("chunked body") << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n"
                                  << 501;
    QTest::newRow("two lengths") << "POST / HTTP/1.1\r\n" + host +
                                        "Content-Length: 1\r\nContent-Length: 2\r\n\r\n"
                                 << 400;
    QTest::newRow("negative length") << "POST / HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n" << 400;
    QTest::newRow("huge length") << "POST / HTTP/1.1\r\n" + host +
                                        "Content-Length: 99999999999999999999\r\n\r\n"
                                 << 400;
    QTest::newRow("body over the bound") << "POST / HTTP/1.1\r\n" + host + "Content-Length: 1048577\r\n\r\n"
                                         << 413;
    QByteArray manyHeaders = "GET / HTTP/1.1\r\n" + host;
    for (int i = 0; i < 100; ++i) {
        manyHeaders += "X-" + QByteArray::number(i) + ": v\r\n";
    }
    QTest::newRow("101 headers") << manyHeaders + "\r\n" << 431;
}

void TestHttpRequestReader::refused_withTheStatusAClientShouldSee()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, status);
    HttpRequestReader reader;
    HttpRequest request;
    QCOMPARE(reader.read(wire, request), Result::Refused);
    QCOMPARE(reader.refusalStatus(), status);
    QVERIFY(!reader.refusalReason().isEmpty());
}

void TestHttpRequestReader::refused_staysRefused()
{
    QByteArray buffer = "GET http://elsewhere/ HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n";
    HttpRequestReader reader;
    HttpRequest request;
    QCOMPARE(reader.read(buffer, request), Result::Refused);
    QCOMPARE(reader.read(buffer, request), Result::Refused);
}

void TestHttpRequestReader::unfinishedHead_isRefusedOnceItPassesTheBound_data()
{
    QTest::addColumn<QByteArray>("start");
    QTest::addColumn<QByteArray>("filler");
    QTest::addColumn<int>("status");
    QTest::newRow("endless request line") << QByteArray("GET /") << QByteArray("a") << 414;
    QTest::newRow("endless header") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX-A: ") << QByteArray("b")
                                    << 431;
}

void TestHttpRequestReader::unfinishedHead_isRefusedOnceItPassesTheBound()
{
    QFETCH(QByteArray, start);
    QFETCH(QByteArray, filler);
    QFETCH(int, status);
    const HttpLimits limits;
    HttpRequestReader reader(limits);
    HttpRequest request;
    QByteArray buffer = start;
    Result result = Result::NeedMore;
    // 1 kB at a time, as a slow client sends: refused once past the bound, never buffered beyond it.
    while (result == Result::NeedMore && buffer.size() < 4 * limits.maxHeaderBytes) {
        buffer += filler.repeated(1024);
        result = reader.read(buffer, request);
    }
    QCOMPARE(result, Result::Refused);
    QCOMPARE(reader.refusalStatus(), status);
    QVERIFY(buffer.size() <= limits.maxRequestLineBytes + limits.maxHeaderBytes + 1024);
}

QTEST_GUILESS_MAIN(TestHttpRequestReader)
#include "test_httprequestreader.moc"
