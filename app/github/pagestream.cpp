#include "github/pagestream.h"

#include "github/apiorigin.h"
#include "github/client.h"
#include "github/endpoints.h"
#include "github/linkheader.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <limits>

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

// One string per page, whatever the order of the query or whether page 1 says `page=1`.
QString pageKey(const QUrl &url)
{
    QUrlQuery query(url);
    if (query.queryItemValue(u"page"_s) == u"1"_s) {
        query.removeAllQueryItems(u"page"_s);
    }
    QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyEncoded);
    std::sort(items.begin(), items.end());
    query.setQueryItems(items);
    QUrl key = url.adjusted(QUrl::RemoveFragment);
    key.setQuery(query);
    return key.toString(QUrl::FullyEncoded);
}

} // namespace

QString PageStream::tooManyPages(int pageCount) const
{
    return pageCount > 0
               ? tr("the list has %L1 pages, more than the %L2 that are read of one list; ask for fewer "
                    "items")
                     .arg(pageCount)
                     .arg(maxPages())
               : tr("the list has more than the %L1 pages that are read of one list; ask for fewer items")
                     .arg(maxPages());
}

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
    stop();
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

int PageStream::maxPages() const
{
    const qint64 wanted = (qint64(m_itemLimit) + m_perPage - 1) / m_perPage;
    return int(std::clamp<qint64>(wanted, MaxPages, std::numeric_limits<int>::max()));
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
    m_nextToRequest = 0;
    m_lastAllowed = 0;
    m_sequential = false;
    m_freshOnly = false;
    m_finished = false;
    m_nextUrl.clear();
    m_lastLink.clear();
    m_seen.clear();
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
    QList<QPointer<Request>> requests;
    for (const auto &[page, request] : m_requests) {
        requests.append(request);
    }
    m_requests.clear();
    m_arrived.clear();
    Request::abandon(requests);
}

void PageStream::hold()
{
    stop();
    Q_EMIT held();
}

// Nothing from `page` on is requested or delivered until resume(); the pages before it still come.
void PageStream::holdBefore(int page)
{
    m_lastAllowed = std::min(m_lastAllowed, page - 1);
    QList<QPointer<Request>> beyond;
    for (auto node = m_requests.upper_bound(m_lastAllowed); node != m_requests.end();) {
        beyond.append(node->second);
        node = m_requests.erase(node);
    }
    m_arrived.erase(m_arrived.upper_bound(m_lastAllowed), m_arrived.end());
    Request::abandon(beyond);
    if (m_delivered >= m_lastAllowed) {
        hold();
    }
}

bool PageStream::canResume() const
{
    return !m_running && !m_finished && m_delivered > 0 &&
           (m_sequential ? m_nextUrl.isValid() : m_delivered < m_pageCount);
}

void PageStream::resume(int pages)
{
    if (!canResume() || !m_client) {
        return;
    }
    m_running = true;
    ++m_generation;
    m_freshOnly = false;
    if (m_sequential) {
        request(m_delivered + 1, m_nextUrl);
        return;
    }
    m_lastAllowed = pages > 0 ? int(std::min<qint64>(m_pageCount, qint64(m_delivered) + pages)) : m_pageCount;
    m_nextToRequest = m_delivered + 1;
    requestAhead();
}

RateLimit PageStream::spendingLimit() const
{
    return m_client ? m_client->rateLimits()->limit(u"core"_s) : RateLimit{};
}

bool PageStream::wouldOverspend(int pages) const
{
    if (!m_client) {
        return false;
    }
    // Before GitHub has told (a list answered by the cache), the hour's whole allowance.
    return qint64(pages) * 2 > spendingLimit().leftAt(m_client->rateLimits()->now(), m_client->hasToken());
}

void PageStream::fail(const QUrl &url, const QString &why)
{
    stop();
    Error error = Error::of(Error::Kind::BadResponse, url);
    error.detail = why;
    Q_EMIT failed(error);
}

QString PageStream::refusal(const QUrl &link) const
{
    if (!link.isValid()) { // taken for no link, it would end the list here as if it were whole
        return tr("its Link header holds an address that is not a valid URL");
    }
    if (!Endpoints::isWebUrl(link)) {
        return tr("its Link header points to a %1: address, and only http and https are followed")
            .arg(link.scheme());
    }
    const ApiOrigin api(m_client ? m_client->apiBase() : QUrl());
    if (!api.contains(link)) {
        const auto origin = [](const QUrl &url) {
            return url
                .adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
                .toDisplayString();
        };
        return tr("its Link header points to %1, outside the API at %2")
            .arg(origin(link), origin(api.base()));
    }
    return {};
}

void PageStream::request(int page, const QUrl &url)
{
    m_seen.insert(pageKey(url));
    RequestOptions options = m_options;
    options.freshOnly = m_freshOnly;
    Request *request = m_client->get(url, options);
    m_requests.emplace(page, request);
    connect(request, &Request::succeeded, this,
            [this, page](const Response &response) { onPage(page, response); });
    connect(request, &Request::failed, this, [this, page](const Error &error) {
        if (!m_running) {
            return;
        }
        m_requests.erase(page); // its reply has ended: it is not aborted again
        if (m_freshOnly && error.kind == Error::Kind::Offline && m_client && !m_client->isOffline()) {
            holdBefore(page); // GitHub would be asked: not without the person's word
            return;
        }
        stop();
        Q_EMIT failed(error);
    });
}

void PageStream::requestAhead()
{
    // Never more than the client's cap of pages ahead of delivery: memory stays proportional to
    // what was delivered, and a failure leaves little to call back.
    const int ahead = std::max(1, m_client ? m_client->maxConcurrent() : 1);
    while (m_running && !m_sequential && m_nextToRequest > 1 && m_nextToRequest <= m_lastAllowed &&
           m_nextToRequest - m_delivered <= ahead) {
        // Later pages come from GitHub's own `last` link, so any URL form it uses is kept.
        request(m_nextToRequest, withPage(m_lastLink, m_nextToRequest));
        ++m_nextToRequest;
    }
}

void PageStream::onPage(int page, const Response &response)
{
    if (!m_running) {
        return;
    }
    m_requests.erase(page);
    const LinkHeader links = response.links();
    for (const QString &rel : {u"next"_s, u"last"_s}) {
        if (links.has(rel) && (page == 1 || m_sequential)) {
            if (const QString why = refusal(links.url(rel)); !why.isEmpty()) {
                fail(response.url, why);
                return;
            }
        }
    }
    if (page == 1) {
        m_pageCount =
            links.last().isValid() ? LinkHeader::pageNumber(links.last()) : (links.next().isValid() ? 0 : 1);
        m_sequential = m_pageCount == 0;
        if (!m_sequential) {
            qint64 lastWanted = m_pageCount;
            if (m_itemLimit > 0) {
                lastWanted = std::min(lastWanted, (qint64(m_itemLimit) + m_perPage - 1) / m_perPage);
            }
            if (lastWanted > maxPages()) {
                fail(response.url, tooManyPages(m_pageCount));
                return;
            }
            m_pageCount = int(lastWanted);
            m_lastAllowed = m_pageCount;
            m_lastLink = links.last();
            m_nextToRequest = 2;
            m_freshOnly = m_askBeforeSpending && wouldOverspend(m_pageCount - 1);
        }
    }
    if (m_sequential) {
        m_nextUrl = links.next();
        if (m_nextUrl.isValid() && m_seen.contains(pageKey(m_nextUrl))) {
            fail(response.url, tr("its Link header leads back to a page already read"));
            return;
        }
        if (m_nextUrl.isValid() && page >= maxPages()) {
            fail(response.url, tooManyPages(0));
            return;
        }
    }
    m_arrived.emplace(page, response);
    requestAhead();
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
            if (!document.isNull()) { // e.g. /search/issues: {total_count, items}
                error.notAList = true;
                error.detail = tr("it is not a list");
            }
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
            m_finished = true;
            Q_EMIT finished();
            return;
        }
        if (!m_sequential && m_delivered >= m_lastAllowed) {
            hold();
            return;
        }
        if (m_sequential) {
            request(m_delivered + 1, m_nextUrl);
        } else {
            requestAhead();
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
