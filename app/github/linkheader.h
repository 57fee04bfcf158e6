#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrl>

namespace Hubshelf::GitHub {

// RFC 8288 `Link` as GitHub sends it: <url>; rel="next", <url>; rel="last", ...
class LinkHeader final
{
public:
    LinkHeader() = default;
    explicit LinkHeader(const QByteArray &value);

    // A link whose address does not parse is kept as an invalid QUrl: has() tells it from no link.
    QUrl url(const QString &rel) const { return m_links.value(rel); }
    bool has(const QString &rel) const { return m_links.contains(rel); }
    QUrl next() const { return url(QStringLiteral("next")); }
    QUrl last() const { return url(QStringLiteral("last")); }
    bool isEmpty() const { return m_links.isEmpty(); }

    // The `page` query value of a link, 0 when it has none (cursor pagination).
    static int pageNumber(const QUrl &url);

private:
    QHash<QString, QUrl> m_links;
};

} // namespace Hubshelf::GitHub
