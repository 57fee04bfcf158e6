#include "serve/httpresponse.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Hubshelf::Serve {

namespace {

bool isServerHeader(const QByteArray &name)
{
    return name.compare("content-length", Qt::CaseInsensitive) == 0 ||
           name.compare("connection", Qt::CaseInsensitive) == 0 ||
           name.compare("transfer-encoding", Qt::CaseInsensitive) == 0 ||
           name.compare("keep-alive", Qt::CaseInsensitive) == 0;
}

} // namespace

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf([&](const auto &pair) { return pair.first.compare(name, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QByteArray HttpResponse::wire(bool headRequest, bool keepAlive) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers) {
        // A CR or LF would end the header early and start one of the sender's choosing.
        const bool splits =
            name.contains('\r') || name.contains('\n') || value.contains('\r') || value.contains('\n');
        if (!isServerHeader(name) && !splits) {
            out += name + ": " + value + "\r\n";
        }
    }
    // 1xx, 204 and 304 answers carry no body, and no length (RFC 9110 8.6 allows a 304 only the
    // length a 200 would have had, which the mirror does not keep at hand).
    const bool bodiless = status < 200 || status == 204 || status == 304;
    if (!bodiless) {
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    if (!headRequest && !bodiless) {
        out += body;
    }
    return out;
}

HttpResponse HttpResponse::error(int status, const QString &message)
{
    HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    response.body = QJsonDocument(QJsonObject{{u"message"_s, message}}).toJson(QJsonDocument::Compact);
    return response;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

} // namespace Hubshelf::Serve
