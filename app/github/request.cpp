#include "github/request.h"

#include "cache/etagcache.h"

#include <QNetworkReply>

namespace Hubshelf::GitHub {

const char *cacheOutcomeName(CacheOutcome outcome)
{
    switch (outcome) {
    case CacheOutcome::Fresh:
        return "fresh";
    case CacheOutcome::Revalidated:
        return "revalidated";
    case CacheOutcome::Miss:
        return "miss";
    case CacheOutcome::Uncached:
        return "uncached";
    }
    return "uncached";
}

QByteArray findHeader(const RawHeaders &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QByteArray Response::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

Request::Request(const QUrl &url, const QUrl &target, const RequestOptions &options, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_currentUrl(target)
    , m_options(options)
{}

Request::~Request() = default;

void Request::abandon()
{
    if (m_abandoned) {
        return;
    }
    m_abandoned = true;
    if (m_reply) {
        m_reply->abort();
    }
    deleteLater();
}

} // namespace Hubshelf::GitHub
