#pragma once

#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace Hubshelf::GitHub {

// An API's base URL and what follows from it: which URLs are the API's own (same scheme, host
// and port: only those carry the token), which rate-limit resource a path counts against, and the
// URL of an endpoint.
class ApiOrigin final
{
public:
    ApiOrigin() = default;
    explicit ApiOrigin(const QUrl &base); // without a trailing slash

    QUrl base() const { return m_base; }
    bool contains(const QUrl &url) const;
    bool isRateLimitEndpoint(const QUrl &url) const; // GET /rate_limit: free, never cached
    QString resourceOf(const QUrl &url) const;       // "search" or "core"
    // The URL of an already percent-encoded path (see names.h), e.g. "/users/octocat".
    QUrl endpoint(const QString &encodedPath, const QUrlQuery &query = {}) const;

    // Whether a token may travel to this URL: over https, or plain http to this machine only (a
    // local test server). Anything else would show the token to the network.
    static bool carriesTokenSafely(const QUrl &url);
    // The token goes to the API's own origin only (never to avatars or a redirect elsewhere), and
    // never in clear text over the network.
    bool mayCarryToken(const QUrl &url) const { return contains(url) && carriesTokenSafely(url); }

    // The path of an API URL below the base ("/users/octocat" of https://HOST/api/v3/users/octocat).
    QString apiPath(const QUrl &url) const;

private:
    QUrl m_base;
};

} // namespace Hubshelf::GitHub
