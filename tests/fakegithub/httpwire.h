#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace FakeGitHub {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One HTTP/1.1 request as read off the wire. Header names are kept in lower case.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // "/path?query", exactly as sent
    QByteArray version;
    HeaderList headers;
    QByteArray body; // Content-Length bytes, at most HttpRequestParser::MaxBodySize

    bool hasHeader(const QByteArray &lowerName) const;
    // Every value of the header, joined with ", " as RFC 9110 allows.
    QByteArray header(const QByteArray &lowerName) const;
    QString path() const; // percent-decoded
    QUrlQuery query() const;
    bool keepAlive() const;
};

// Reads requests from a connection's buffer as bytes arrive; a request is complete with its body.
class HttpRequestParser final
{
public:
    static constexpr qint64 MaxBodySize = 1024 * 1024;
    enum class Result { NeedMore, Complete, Malformed };
    Result parse(QByteArray &buffer, HttpRequest &request);

private:
    HttpRequest m_head; // read, waiting for its body
    qint64 m_bodyLength = -1;
};

struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
    // Status line and headers, ending with the empty line.
    QByteArray head() const;
};

QByteArray reasonPhrase(int status);
// RFC 1123 date, as GitHub sends in Date and Last-Modified.
QByteArray httpDate(qint64 secondsSinceEpoch);
// gzip framing (RFC 1952) at the fastest level, as Content-Encoding: gzip needs.
QByteArray gzip(const QByteArray &data);

} // namespace FakeGitHub
