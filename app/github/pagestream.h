#pragma once

#include "github/error.h"
#include "github/ratelimittracker.h"
#include "github/request.h"

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <map>

namespace Hubshelf::GitHub {

class Client;

// Every page of a GitHub list, delivered in order as they arrive. The first page (per_page=100,
// unless the URL asks for another) tells the last page number through `Link: rel="last"`; the rest
// are then requested in parallel, never more than the client's cap ahead of delivery.
// Without a page number (cursor links) the pages follow `rel="next"` one by one. Links are the
// server's word: only http(s) on the API's own origin is followed, no page twice, at most MaxPages.
//
// A stream that asks before spending (the window's) holds when the pages after the first would cost
// more than half of the rate limit left: pages the cache holds fresh are still delivered, and it
// holds (held()) before the first that GitHub would be asked for. resume() goes on from the first
// page not delivered, after a hold, a cancel() or a failure alike.
class PageStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageStream)

public:
    static constexpr int PerPage = 100;
    // A million items: beyond it a list fails, unless an item limit asks for more.
    static constexpr int MaxPages = 10000;

    PageStream(Client *client, const QUrl &listUrl, QObject *parent = nullptr);
    ~PageStream() override;

    void setRequestOptions(const RequestOptions &options);
    // Stop after this many items (0: all); pages beyond are not requested.
    void setItemLimit(int limit);
    void setAskBeforeSpending(bool ask) { m_askBeforeSpending = ask; }
    void start();
    // Abandons the requests under way; emits failed() with Error::Kind::Cancelled.
    void cancel();
    // Goes on after a hold, a cancel() or a failure, requesting only the pages not delivered: at
    // most `pages` more (0: all of them), then holds again. Never asks before spending again.
    void resume(int pages = 0);
    // Pages are missing, and their addresses are known.
    bool canResume() const;
    // The primary limit the pages are spent from, as last seen: what held() weighed.
    RateLimit spendingLimit() const;

    int pagesDone() const { return m_delivered; }
    int pageCount() const { return m_pageCount; } // 0 while unknown
    // Items handed out by pageArrived(), at most the item limit.
    int itemsDelivered() const { return m_itemsDelivered; }
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void pageArrived(int page, const QJsonArray &items, const Hubshelf::GitHub::Response &response);
    // `total` is 0 while the number of pages is unknown (cursor pagination).
    void progress(int done, int total);
    void finished();
    void failed(const Hubshelf::GitHub::Error &error);
    // Waits for resume(): the next page would spend more than the person agreed to.
    void held();

private:
    void request(int page, const QUrl &url);
    void requestAhead();
    void onPage(int page, const Response &response);
    void deliverReady();
    void stop();
    void hold();
    void holdBefore(int page);
    // Whether the pages after the first would spend more than half of the rate limit left.
    bool wouldOverspend(int pages) const;
    void fail(const QUrl &url, const QString &why);
    // Why the stream does not follow `link` (found in the answer for `from`); empty if it may.
    QString refusal(const QUrl &link) const;
    int maxPages() const;
    QString tooManyPages(int pageCount) const; // 0: not known

    QPointer<Client> m_client;
    QUrl m_firstUrl;
    RequestOptions m_options;
    std::map<int, QPointer<Request>> m_requests;
    std::map<int, Response> m_arrived; // pages not delivered yet, parsed only at their turn
    int m_perPage = PerPage;           // GitHub's cap is 100; a larger per_page is served as 100
    int m_itemLimit = 0;
    int m_itemsDelivered = 0;
    int m_delivered = 0;
    int m_pageCount = 0;
    int m_nextToRequest = 0; // parallel: the next page number to request, up to m_lastAllowed
    int m_lastAllowed = 0;   // parallel: the last page delivered before the stream holds
    QUrl m_lastLink;         // parallel: later pages are this URL with their page number
    int m_generation = 0;    // one per start(), so that a restart from a slot is noticed
    bool m_running = false;
    bool m_sequential = false;
    bool m_deliveryScheduled = false;
    bool m_askBeforeSpending = false;
    bool m_freshOnly = false; // until resume(): only pages the cache holds fresh are requested
    bool m_finished = false;
    QUrl m_nextUrl;
    QSet<QString> m_seen; // sequential: the pages requested, so a cycle of links ends
};

} // namespace Hubshelf::GitHub
