#include "github/apiorigin.h"

#include "github/endpoints.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace Hubshelf::GitHub {

namespace {

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme() == u"https"_s ? 443 : 80);
}

} // namespace

ApiOrigin::ApiOrigin(const QUrl &base)
    : m_base(base.adjusted(QUrl::StripTrailingSlash))
{}

bool ApiOrigin::contains(const QUrl &url) const
{
    return url.scheme().compare(m_base.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(m_base.host(), Qt::CaseInsensitive) == 0 &&
           effectivePort(url) == effectivePort(m_base);
}

QString ApiOrigin::apiPath(const QUrl &url) const
{
    return url.path().mid(m_base.path().size());
}

bool ApiOrigin::isRateLimitEndpoint(const QUrl &url) const
{
    return contains(url) && apiPath(url) == Endpoints::rateLimit();
}

QString ApiOrigin::resourceOf(const QUrl &url) const
{
    return apiPath(url).startsWith(u"/search/"_s) ? u"search"_s : u"core"_s;
}

QUrl ApiOrigin::endpoint(const QString &encodedPath, const QUrlQuery &query) const
{
    QUrl url = m_base;
    url.setPath(m_base.path(QUrl::FullyEncoded) + encodedPath, QUrl::TolerantMode);
    if (!query.isEmpty()) {
        url.setQuery(query);
    }
    return url;
}

bool ApiOrigin::carriesTokenSafely(const QUrl &url)
{
    if (url.scheme() == u"https"_s) {
        return true;
    }
    const QString host = url.host();
    return url.scheme() == u"http"_s &&
           (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0 || QHostAddress(host).isLoopback());
}

} // namespace Hubshelf::GitHub
