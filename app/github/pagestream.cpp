#include "github/pagestream.h"

#include "github/client.h"
#include "github/linkheader.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Hubshelf::GitHub {

namespace {

QUrl withPage(QUrl url, int page)
{
    QUrlQuery query(url);
    query.removeAllQueryItems(u"page"_s);
    query.addQueryItem(u"page"_s, QString::number(page));
    url.setQuery(query);
    return url;
}

} // namespace

PageStream::PageStream(Client *client, const QUrl &listUrl, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    QUrlQuery query(listUrl);
    query.removeAllQueryItems(u"page"_s);
    // A per_page the caller wrote is the caller's (`api --paginate '...?per_page=3'`).
    bool given = false;
    const int perPage = query.queryItemValue(u"per_page"_s).toInt(&given);
    if (given && perPage > 0) {
        m_perPage = std::min(perPage, PerPage);
    } else {
        query.removeAllQueryItems(u"per_page"_s);
        query.addQueryItem(u"per_page"_s, QString::number(PerPage));
    }
    m_firstUrl = listUrl;
    m_firstUrl.setQuery(query);
    m_options.expectList = true;
}

PageStream::~PageStream()
{
    for (const auto &[page, request] : m_requests) {
        if (request) {
            request->abandon();
        }
    }
}

void PageStream::setRequestOptions(const RequestOptions &options)
{
    m_options = options;
    m_options.expectList = true;
}

void PageStream::setItemLimit(int limit)
{
    m_itemLimit = std::max(0, limit);
}

void PageStream::start()
{
    if (m_running || !m_client) {
        return;
    }
    m_running = true;
    ++m_generation;
    m_itemsDelivered = 0;
    m_delivered = 0;
    m_pageCount = 0;
    m_sequential = false;
    m_nextUrl.clear();
    request(1, m_firstUrl);
}

void PageStream::cancel()
{
    if (!m_running) {
        return;
    }
    stop();
    Error error;
    error.kind = Error::Kind::Cancelled;
    error.url = m_firstUrl;
    Q_EMIT failed(error);
}

void PageStream::stop()
{
    m_running = false;
    for (const auto &[page, request] : m_requests) {
        if (request) {
            request->abandon();
        }
    }
    m_requests.clear();
    m_arrived.clear();
}

void PageStream::request(int page, const QUrl &url)
{
    Request *request = m_client->get(url, m_options);
    m_requests.emplace(page, request);
    connect(request, &Request::succeeded, this,
            [this, page](const Response &response) { onPage(page, response); });
    connect(request, &Request::failed, this, [this](const Error &error) {
        if (m_running) {
            stop();
            Q_EMIT failed(error);
        }
    });
}

void PageStream::onPage(int page, const Response &response)
{
    if (!m_running) {
        return;
    }
    m_requests.erase(page);
    if (page == 1) {
        const LinkHeader links = response.links();
        m_pageCount =
            links.last().isValid() ? LinkHeader::pageNumber(links.last()) : (links.next().isValid() ? 0 : 1);
        m_sequential = m_pageCount == 0;
        if (!m_sequential) {
            int lastWanted = m_pageCount;
            if (m_itemLimit > 0) {
                lastWanted = std::min(lastWanted, (m_itemLimit + m_perPage - 1) / m_perPage);
            }
            // Later pages come from GitHub's own `last` link, so any URL form it uses is kept.
            for (int next = 2; next <= lastWanted; ++next) {
                request(next, withPage(links.last(), next));
            }
            if (lastWanted < m_pageCount) {
                m_pageCount = lastWanted;
            }
        }
    }
    if (m_sequential) {
        m_nextUrl = response.links().next();
    }
    m_arrived.emplace(page, response);
    deliverReady();
}

void PageStream::deliverReady()
{
    // Pages that arrive together (from the cache, or after a slow one) are handed over for a few
    // milliseconds per turn of the event loop, so that a window goes on painting meanwhile.
    if (m_deliveryScheduled) {
        return;
    }
    constexpr qint64 TurnBudgetMs = 4;
    QElapsedTimer turn;
    turn.start();
    for (auto node = m_arrived.find(m_delivered + 1); m_running && node != m_arrived.end();
         node = m_arrived.find(m_delivered + 1)) {
        const Response response = std::move(node->second);
        m_arrived.erase(node);
        const QJsonDocument document =
            response.json.isNull() ? QJsonDocument::fromJson(response.body) : response.json;
        if (!document.isArray()) {
            stop();
            Error error;
            error.kind = Error::Kind::BadResponse;
            error.url = response.url;
            Q_EMIT failed(error);
            return;
        }
        QJsonArray items = document.array();
        ++m_delivered;
        bool limitReached = false;
        if (m_itemLimit > 0 && m_itemsDelivered + items.size() >= m_itemLimit) {
            while (m_itemsDelivered + items.size() > m_itemLimit) {
                items.removeLast();
            }
            limitReached = true;
        }
        m_itemsDelivered += int(items.size());
        // A slot may cancel, restart or delete the stream: look again after every signal.
        const QPointer<PageStream> guard(this);
        const int generation = m_generation;
        const auto stillHere = [&] { return guard && m_running && m_generation == generation; };
        Q_EMIT pageArrived(m_delivered, items, response);
        if (!stillHere()) {
            return;
        }
        Q_EMIT progress(m_delivered, m_pageCount);
        if (!stillHere()) {
            return;
        }
        const bool lastPage = m_sequential ? !m_nextUrl.isValid() : m_delivered >= m_pageCount;
        if (limitReached || lastPage) {
            stop();
            Q_EMIT finished();
            return;
        }
        if (m_sequential) {
            request(m_delivered + 1, m_nextUrl);
        }
        if (m_arrived.count(m_delivered + 1) > 0 && turn.elapsed() >= TurnBudgetMs) {
            m_deliveryScheduled = true;
            QTimer::singleShot(0, this, [this] {
                m_deliveryScheduled = false;
                if (m_running) {
                    deliverReady(); // in order and idempotent, whatever happened meanwhile
                }
            });
            return;
        }
    }
}

} // namespace Hubshelf::GitHub
