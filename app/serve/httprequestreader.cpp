#include "serve/httprequestreader.h"

#include <algorithm>
#include <string_view>

using namespace Qt::StringLiterals;

namespace Hubshelf::Serve {

namespace {

// RFC 9110 5.6.2: the characters of a token (methods, header names).
bool isTokenChar(char c)
{
    static constexpr char Extra[] = "!#$%&'*+-.^_`|~";
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           std::string_view(Extra).find(c) != std::string_view::npos;
}

bool isToken(const QByteArray &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), isTokenChar);
}

// A target is printable ASCII without spaces: anything else would be split or rewritten by
// whoever reads it next.
bool isTargetText(const QByteArray &target)
{
    return std::all_of(target.cbegin(), target.cend(), [](char c) { return c > ' ' && c < '\x7f'; });
}

bool hasListToken(const QByteArray &value, const QByteArray &token)
{
    const QList<QByteArray> items = value.split(',');
    return std::any_of(items.cbegin(), items.cend(), [&](const QByteArray &item) {
        return item.trimmed().compare(token, Qt::CaseInsensitive) == 0;
    });
}

} // namespace

bool HttpRequest::hasHeader(const QByteArray &lowerName) const
{
    return std::any_of(headers.cbegin(), headers.cend(),
                       [&](const auto &pair) { return pair.first == lowerName; });
}

QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    QByteArray joined;
    for (const auto &[name, value] : headers) {
        if (name == lowerName) {
            joined += (joined.isEmpty() ? QByteArray() : QByteArrayLiteral(", ")) + value;
        }
    }
    return joined;
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("connection");
    if (version == "HTTP/1.0") {
        return hasListToken(connection, "keep-alive");
    }
    return !hasListToken(connection, "close");
}

HttpRequestReader::HttpRequestReader(HttpLimits limits)
    : m_limits(limits)
{}

HttpRequestReader::Result HttpRequestReader::refuse(int status, const QString &reason)
{
    m_refusalStatus = status;
    m_refusalReason = reason;
    return Result::Refused;
}

HttpRequestReader::Result HttpRequestReader::read(QByteArray &buffer, HttpRequest &request)
{
    if (m_refusalStatus != 0) {
        return Result::Refused; // a connection that sent garbage has no next request
    }
    if (!m_inBody) {
        const Result head = readHead(buffer, request);
        if (head != Result::Complete || !m_inBody) {
            return head;
        }
    }
    if (buffer.size() < m_bodyLength) {
        return Result::NeedMore;
    }
    request.body = buffer.left(m_bodyLength);
    buffer.remove(0, m_bodyLength);
    m_inBody = false;
    m_bodyLength = 0;
    return Result::Complete;
}

HttpRequestReader::Result HttpRequestReader::readHead(QByteArray &buffer, HttpRequest &request)
{
    // RFC 9112 2.2: empty lines before a request line are ignored (a client's stray CRLF).
    while (buffer.startsWith("\r\n")) {
        buffer.remove(0, 2);
    }
    const qsizetype lineEnd = buffer.indexOf("\r\n");
    if ((lineEnd < 0 && buffer.size() > m_limits.maxRequestLineBytes) ||
        lineEnd > m_limits.maxRequestLineBytes) {
        return refuse(414, u"the request line is longer than %1 bytes"_s.arg(m_limits.maxRequestLineBytes));
    }
    if (lineEnd < 0) {
        return Result::NeedMore;
    }
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n", lineEnd);
    if ((headEnd < 0 && buffer.size() - lineEnd > m_limits.maxHeaderBytes) ||
        headEnd - lineEnd > m_limits.maxHeaderBytes) {
        return refuse(431, u"the request's headers are larger than %1 bytes"_s.arg(m_limits.maxHeaderBytes));
    }
    if (headEnd < 0) {
        return Result::NeedMore;
    }

    const QList<QByteArray> parts = buffer.left(lineEnd).split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty() || !isTargetText(parts[1])) {
        return refuse(400, u"the request line is not METHOD /path HTTP/1.1"_s);
    }
    request = HttpRequest{parts[0], parts[1], parts[2], {}, {}};
    if (request.version != "HTTP/1.1" && request.version != "HTTP/1.0") {
        return refuse(request.version.startsWith("HTTP/") ? 505 : 400,
                      u"only HTTP/1.1 and HTTP/1.0 are served"_s);
    }
    if (request.method == "CONNECT") {
        return refuse(405, u"CONNECT is refused: this is an API mirror, not a proxy"_s);
    }
    if (!request.target.startsWith('/')) {
        return refuse(400, u"only paths on this server are served (an absolute address or * is refused)"_s);
    }

    const QList<QByteArray> lines = buffer.mid(lineEnd + 2, headEnd - lineEnd).split('\n');
    for (const QByteArray &rawLine : lines) {
        if (rawLine.isEmpty()) {
            continue; // after the last CRLF, or no headers at all
        }
        if (!rawLine.endsWith('\r')) {
            return refuse(400, u"a header line does not end with CRLF"_s);
        }
        const QByteArray line = rawLine.chopped(1);
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (colon <= 0 || !isToken(name) || value.contains('\r') || value.contains('\0')) {
            return refuse(400,
                          u"a header is not NAME: value (folded lines and control characters are refused)"_s);
        }
        if (request.headers.size() >= m_limits.maxHeaderCount) {
            return refuse(431, u"the request has more than %1 headers"_s.arg(m_limits.maxHeaderCount));
        }
        request.headers.append({name, value});
    }
    buffer.remove(0, headEnd + 4);

    const auto hosts = std::count_if(request.headers.cbegin(), request.headers.cend(),
                                     [](const auto &pair) { return pair.first == "host"; });
    if (request.version == "HTTP/1.1" && hosts != 1) {
        return refuse(400, u"an HTTP/1.1 request needs exactly one Host header"_s);
    }
    if (request.hasHeader("transfer-encoding")) {
        return refuse(501, u"request bodies with Transfer-Encoding are not accepted; send Content-Length"_s);
    }
    if (request.hasHeader("content-length")) {
        QByteArray length;
        const QList<QByteArray> values = request.header("content-length").split(',');
        for (const QByteArray &value : values) {
            const QByteArray digits = value.trimmed();
            const bool isNumber =
                !digits.isEmpty() && digits.size() <= 18 &&
                std::all_of(digits.cbegin(), digits.cend(), [](char c) { return c >= '0' && c <= '9'; });
            if (!isNumber || (!length.isEmpty() && digits != length)) {
                return refuse(400, u"the Content-Length is not one number"_s);
            }
            length = digits;
        }
        m_bodyLength = length.toLongLong();
        if (m_bodyLength > m_limits.maxBodyBytes) {
            return refuse(413, u"the request body is larger than %1 bytes"_s.arg(m_limits.maxBodyBytes));
        }
        m_inBody = m_bodyLength > 0;
    }
    return Result::Complete;
}

} // namespace Hubshelf::Serve
