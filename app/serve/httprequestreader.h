#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Hubshelf::Serve {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One request as a downstream client sent it. Header names are lower case, values as sent.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // origin-form: "/path?query", exactly as sent
    QByteArray version;
    HeaderList headers;
    QByteArray body;

    bool hasHeader(const QByteArray &lowerName) const;
    // Every value of the header, joined with ", " as RFC 9110 allows for list headers.
    QByteArray header(const QByteArray &lowerName) const;
    bool keepAlive() const;
};

// What a server accepts from one client before it refuses: every buffer a client controls has a
// bound, so a slow or hostile client costs a bounded amount of memory.
struct HttpLimits
{
    int maxRequestLineBytes = 8 * 1024;
    int maxHeaderBytes = 64 * 1024;
    int maxHeaderCount = 100;
    qint64 maxBodyBytes = 1024 * 1024;
};

// Reads HTTP/1.1 requests (RFC 9112) off a connection's buffer as bytes arrive. Only what a
// caching API mirror needs is accepted: origin-form targets, Content-Length bodies. Anything else
// is refused with the status a client should see and one sentence saying why.
class HttpRequestReader final
{
public:
    enum class Result { NeedMore, Complete, Refused };

    explicit HttpRequestReader(HttpLimits limits = {});

    // Takes one request's bytes from the front of buffer into request when they are all there.
    Result read(QByteArray &buffer, HttpRequest &request);

    // After Refused: the status to answer (400, 405, 413, 414, 431, 501, 505) and why.
    int refusalStatus() const { return m_refusalStatus; }
    QString refusalReason() const { return m_refusalReason; }

private:
    Result refuse(int status, const QString &reason);
    Result readHead(QByteArray &buffer, HttpRequest &request);

    HttpLimits m_limits;
    bool m_inBody = false;
    qint64 m_bodyLength = 0;
    int m_refusalStatus = 0;
    QString m_refusalReason;
};

} // namespace Hubshelf::Serve
