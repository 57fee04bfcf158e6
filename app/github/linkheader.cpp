#include "github/linkheader.h"

#include <QUrlQuery>

namespace Hubshelf::GitHub {

LinkHeader::LinkHeader(const QByteArray &value)
{
    // Commas may appear inside the <url>, so split on the '<' that starts each link instead.
    qsizetype start = value.indexOf('<');
    while (start >= 0) {
        const qsizetype end = value.indexOf('>', start);
        if (end < 0) {
            return;
        }
        const QUrl url = QUrl::fromEncoded(value.mid(start + 1, end - start - 1), QUrl::StrictMode);
        const qsizetype nextStart = value.indexOf('<', end);
        const QByteArray params = value.mid(end + 1, nextStart < 0 ? -1 : nextStart - end - 1);
        for (const QByteArray &param : params.split(';')) {
            QByteArray trimmed = param.trimmed();
            if (trimmed.endsWith(',')) {
                trimmed.chop(1);
            }
            if (!trimmed.startsWith("rel=")) {
                continue;
            }
            QByteArray rels = trimmed.mid(4).trimmed();
            if (rels.size() >= 2 && rels.startsWith('"') && rels.endsWith('"')) {
                rels = rels.mid(1, rels.size() - 2);
            }
            for (const QByteArray &rel : rels.split(' ')) { // rel may name several relations
                if (!rel.isEmpty()) {
                    m_links.insert(QString::fromLatin1(rel.toLower()), url);
                }
            }
        }
        start = nextStart;
    }
}

int LinkHeader::pageNumber(const QUrl &url)
{
    bool ok = false;
    const int page = QUrlQuery(url).queryItemValue(QStringLiteral("page")).toInt(&ok);
    return ok && page > 0 ? page : 0;
}

} // namespace Hubshelf::GitHub
