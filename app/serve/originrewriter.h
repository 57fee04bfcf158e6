#pragma once

#include <QByteArray>
#include <QUrl>

namespace Hubshelf::Serve {

// The upstream API's absolute URLs, made the mirror's: clients that follow URLs from bodies and
// Link headers (PyGithub starts from a body's "url" and refuses URLs off its base_url) stay on the
// mirror. Only whole URLs under the API base are touched: a JSON string that starts with it, a
// Link target, a Location; a URL mentioned inside other text is left as GitHub wrote it.
class OriginRewriter final
{
public:
    // upstreamBase: e.g. https://api.github.com or https://ghe.example.com/api/v3; mirrorBase: the
    // origin the client reached the mirror at, e.g. http://127.0.0.1:8080.
    OriginRewriter(const QUrl &upstreamBase, const QUrl &mirrorBase);

    QByteArray body(const QByteArray &json) const;
    QByteArray link(const QByteArray &linkHeader) const;
    QByteArray location(const QByteArray &value) const;

    // The mirror's base for a request's Host header (host, host:port, [v6]:port), or an invalid
    // URL when the header is not a plain host: it is written into bodies, so nothing else goes.
    static QUrl mirrorBaseFor(const QByteArray &hostHeader, bool tls);

private:
    // Whether the upstream base starts at `at` in `text` and ends at a URL boundary there.
    bool startsAt(const QByteArray &text, qsizetype at) const;

    QByteArray m_from;
    QByteArray m_to;
};

} // namespace Hubshelf::Serve
