#pragma once

#include "github/error.h"
#include "github/ratelimittracker.h"
#include "github/request.h"
#include "models/columns.h"
#include "models/githublistmodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <vector>

namespace Hubshelf::GitHub {
class Client;
class PageStream;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Models {

// One GitHub list being fetched: the PageStream of its pages and, for a list of a known kind, the
// GitHubListModel its rows go into as the pages arrive. The window's list, its export and the
// command line's `export` and `api --paginate` all load through one of these.
//
// Every page is also told through pageArrived(), so a consumer that wants GitHub's objects as
// they came (a JSON export, `api --paginate`) reads them there; loadPages() fetches without a model.
// A load ends with exactly one of finished(), failed(), stopped() or held(), unless another load()
// or clear() replaces it first. After all but finished(), continueLoading() fetches only the pages
// still missing into the same model.
class ListLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListLoader)

public:
    // Keeps an item (true) or leaves it out of the page and the model.
    using ItemFilter = std::function<bool(const QJsonObject &item)>;

    explicit ListLoader(QObject *parent = nullptr);
    ~ListLoader() override;

    // A new list: drops the old stream and model, makes an empty GitHubListModel of `kind`
    // (modelChanged()), then streams every page of `listUrl` on `client` with `options`.
    // Without a client it fails at once with a network error.
    void load(GitHub::Client *client, ListKind kind, const QUrl &listUrl,
              const GitHub::RequestOptions &options = {});
    // The pages of any list, for pageArrived() only: no model.
    void loadPages(GitHub::Client *client, const QUrl &listUrl, const GitHub::RequestOptions &options = {});
    // The same list again, from the start (Retry, F5 with revalidation). Nothing before the first
    // load or after clear().
    void reload(const GitHub::RequestOptions &options);
    // The same list again with the options of the last load, never revalidating (an export).
    void reload();
    // Cancels the stream; the rows so far stay. Emits stopped() if a load was under way.
    void stop();
    // After a hold, Stop or a failure: the missing pages, at most `pages` more (0: all), into the
    // same model. Emits started().
    void continueLoading(int pages = 0);
    // Pages are missing and continueLoading() can fetch them.
    bool canContinue() const;
    // How many rows the whole list would have, from the pages so far; -1 while unknown.
    int estimatedRowCount() const;
    // The primary limit the pages are spent from, as last seen (what a hold weighed).
    GitHub::RateLimit spendingLimit() const;
    GitHub::Client *client() const;
    // No list at all: no stream, no model (modelChanged(nullptr)); emits nothing else.
    void clear();

    // Applies to the next load: at most this many items (0: all), before the item filter; pages
    // beyond are not requested.
    void setItemLimit(int limit);
    void setItemFilter(ItemFilter filter);
    // Applies to the next load (not a revalidating one): show the saved pages of the list at once,
    // whatever their age, then revalidate them behind (isRevalidating()): a page that changed
    // replaces its rows in place, and revalidated() tells when it is done. The window does this.
    void setRevalidateBehind(bool revalidate) { m_revalidateBehind = revalidate; }
    // Applies to the next load: hold (held()) rather than spend more than half of the rate limit
    // left on the pages after the first. The window asks; an export on the command line does not.
    void setAskBeforeSpending(bool ask) { m_askBeforeSpending = ask; }

    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_complete; } // every page arrived
    bool isRevalidating() const { return m_revalidation != nullptr; }
    ListKind kind() const { return m_kind; }
    QUrl listUrl() const { return m_listUrl; }
    GitHub::RequestOptions requestOptions() const { return m_options; }
    GitHubListModel *model() const; // null for loadPages(), before the first load and after clear()
    int pagesDone() const { return m_pagesDone; }
    int pageCount() const { return m_pageCount; } // 0 while unknown
    // The oldest page that came from the cache without asking GitHub: when GitHub sent it (what an
    // offline window says it shows). Invalid when every page was asked for.
    QDateTime oldestSavedAt() const { return m_oldestSavedAt; }

Q_SIGNALS:
    // A new, empty model (owned by the loader) or none; the old one is deleted later.
    void modelChanged(Hubshelf::Models::GitHubListModel *model);
    void started();
    // A page's items, in order, after the item filter; in the model already when there is one.
    void pageArrived(int page, const QJsonArray &items, const Hubshelf::GitHub::Response &response);
    void progress(int done, int total);                // total 0 while unknown (cursor pagination)
    void finished();                                   // every page arrived
    void failed(const Hubshelf::GitHub::Error &error); // never for stop()
    void stopped();
    // The next page would spend more of the rate limit than half of what is left; nothing more is
    // fetched until continueLoading().
    void held();
    // The revalidation behind a complete list ended: its rows are GitHub's of now, or (failed()
    // came first) what was saved stays.
    void revalidated();

private:
    void start(GitHub::Client *client, bool withModel, ListKind kind, const QUrl &listUrl,
               const GitHub::RequestOptions &options);
    void replaceModel(GitHubListModel *model);
    // Disconnects `stream`, abandons its requests and deletes it later; `stream` becomes null.
    void release(GitHub::PageStream *&stream);
    void discardStream();
    void onPage(int page, const QJsonArray &items, const GitHub::Response &response);
    // A page's rows for the model: those the client made of `items` off this thread, or made here.
    std::vector<GitHubListModel::Row> rowsOf(const QJsonArray &items, const GitHub::Response &response) const;
    void onProgress(int done, int total);
    void onFinished();
    void onFailed(const GitHub::Error &error);
    void revalidate();
    void onRevalidatedPage(int page, const QJsonArray &items, const GitHub::Response &response);
    void endRevalidation();
    QJsonArray kept(const QJsonArray &items) const;

    QPointer<GitHub::Client> m_client;
    QUrl m_listUrl;
    GitHub::RequestOptions m_options;
    ListKind m_kind = ListKind::Repositories;
    bool m_withModel = false;
    GitHubListModel *m_model = nullptr;
    GitHub::PageStream *m_stream = nullptr;
    GitHub::PageStream *m_revalidation = nullptr;
    std::vector<int> m_pageRows; // the model's rows of each page, in order
    bool m_anyStale = false;     // a page came from the cache past its max-age
    bool m_revalidateBehind = false;
    ItemFilter m_itemFilter;
    int m_itemLimit = 0;
    int m_itemsKept = 0;
    int m_pagesDone = 0;
    int m_pageCount = 0;
    bool m_loading = false;
    bool m_complete = false;
    bool m_askBeforeSpending = false;
    QDateTime m_oldestSavedAt;
};

} // namespace Hubshelf::Models
