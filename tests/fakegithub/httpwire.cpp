#include "httpwire.h"

#include <QDateTime>
#include <QLocale>
#include <QUrl>

#include <zlib.h>

namespace FakeGitHub {

namespace {
constexpr qsizetype MaxHeadSize = 64 * 1024;
}

bool HttpRequest::hasHeader(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName) {
            return true;
        }
    }
    return false;
}

QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    QByteArray joined;
    for (const auto &[name, value] : headers) {
        if (name == lowerName) {
            if (!joined.isEmpty()) {
                joined += ", ";
            }
            joined += value;
        }
    }
    return joined;
}

QString HttpRequest::path() const
{
    const qsizetype question = target.indexOf('?');
    return QUrl::fromPercentEncoding(question < 0 ? target : target.left(question));
}

QUrlQuery HttpRequest::query() const
{
    const qsizetype question = target.indexOf('?');
    return question < 0 ? QUrlQuery() : QUrlQuery(QString::fromLatin1(target.mid(question + 1)));
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    if (version == "HTTP/1.0") {
        return connection.contains("keep-alive");
    }
    return !connection.contains("close");
}

HttpRequestParser::Result HttpRequestParser::parse(QByteArray &buffer, HttpRequest &request)
{
    if (m_bodyLength < 0) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return buffer.size() > MaxHeadSize ? Result::Malformed : Result::NeedMore;
        }
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        buffer.remove(0, end + 4);

        const QList<QByteArray> requestLine = lines.constFirst().trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            return Result::Malformed;
        }
        m_head = HttpRequest{requestLine.at(0), requestLine.at(1), requestLine.at(2), {}, {}};
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                return Result::Malformed;
            }
            m_head.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
        }
        bool ok = true;
        const QByteArray contentLength = m_head.header("content-length");
        m_bodyLength = contentLength.isEmpty() ? 0 : contentLength.toLongLong(&ok);
        if (!ok || m_bodyLength < 0 || m_bodyLength > MaxBodySize) {
            m_bodyLength = -1;
            return Result::Malformed;
        }
    }
    if (buffer.size() < m_bodyLength) {
        return Result::NeedMore;
    }
    request = m_head;
    request.body = buffer.left(m_bodyLength);
    buffer.remove(0, m_bodyLength);
    m_bodyLength = -1;
    return Result::Complete;
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
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

QByteArray HttpResponse::head() const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers) {
        out += name + ": " + value + "\r\n";
    }
    return out + "\r\n";
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
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
    case 409:
        return "Conflict";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray httpDate(qint64 secondsSinceEpoch)
{
    const QDateTime time = QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC);
    return QLocale::c().toString(time, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    // 15 window bits + 16 asks zlib for the gzip wrapper rather than the zlib one.
    if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        return {};
    }
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))) + 32, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const auto written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END) {
        return {};
    }
    out.truncate(written);
    return out;
}

} // namespace FakeGitHub
