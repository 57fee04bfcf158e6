#include "models/listloader.h"

#include "github/client.h"
#include "github/pagestream.h"
#include "models/background.h"
#include "models/githublistmodel.h"

#include <algorithm>
#include <any>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <utility>

using namespace Qt::StringLiterals;

namespace Hubshelf::Models {

namespace {

// A page's rows as RequestOptions::prepareJson made them, with the number of items they came from.
struct PreparedRows
{
    qsizetype items = 0;
    std::vector<GitHubListModel::Row> rows;
};

const GitHub::MemberSelection &selectionOf(ListKind kind)
{
    static const std::map<ListKind, GitHub::MemberSelection> selections = [] {
        std::map<ListKind, GitHub::MemberSelection> all;
        for (const ListKind each : {ListKind::Gists, ListKind::Repositories, ListKind::PullRequests,
                                    ListKind::Organizations, ListKind::Users, ListKind::Revisions}) {
            all.emplace(each, GitHub::MemberSelection(memberPaths(each)));
        }
        return all;
    }();
    return selections.at(kind);
}

} // namespace

ListLoader::ListLoader(QObject *parent)
    : QObject(parent)
{}

ListLoader::~ListLoader()
{
    discardStream();
}

void ListLoader::load(GitHub::Client *client, ListKind kind, const QUrl &listUrl,
                      const GitHub::RequestOptions &options)
{
    start(client, true, kind, listUrl, options);
}

void ListLoader::loadPages(GitHub::Client *client, const QUrl &listUrl, const GitHub::RequestOptions &options)
{
    start(client, false, m_kind, listUrl, options);
}

void ListLoader::reload(const GitHub::RequestOptions &options)
{
    if (!m_listUrl.isValid()) {
        return;
    }
    start(m_client, m_withModel, m_kind, m_listUrl, options);
}

void ListLoader::reload()
{
    GitHub::RequestOptions options = m_options;
    options.revalidate = false;
    reload(options);
}

void ListLoader::stop()
{
    if (!m_loading) {
        return;
    }
    m_loading = false;
    // The stream stays, for continueLoading(); the Cancelled failure it reports is not told.
    if (m_stream) {
        m_stream->cancel();
    }
    Q_EMIT stopped();
}

void ListLoader::continueLoading(int pages)
{
    if (!canContinue()) {
        return;
    }
    m_loading = true;
    Q_EMIT started();
    if (m_stream && m_loading) { // a slot of started() may have stopped or replaced it
        m_stream->resume(pages);
    }
}

bool ListLoader::canContinue() const
{
    return m_stream && !m_loading && !m_complete && m_stream->canResume();
}

int ListLoader::estimatedRowCount() const
{
    if (m_pagesDone <= 0 || m_pageCount <= 0) {
        return -1;
    }
    return int(
        std::min<qint64>(qint64(m_itemsKept) * m_pageCount / m_pagesDone, std::numeric_limits<int>::max()));
}

GitHub::Client *ListLoader::client() const
{
    return m_client;
}

GitHub::RateLimit ListLoader::spendingLimit() const
{
    return m_stream ? m_stream->spendingLimit() : GitHub::RateLimit{};
}

void ListLoader::clear()
{
    discardStream();
    m_loading = false;
    m_complete = false;
    m_oldestSavedAt = {};
    m_itemsKept = 0;
    m_listUrl.clear();
    m_pagesDone = 0;
    m_pageCount = 0;
    replaceModel(nullptr);
}

void ListLoader::setItemLimit(int limit)
{
    m_itemLimit = std::max(0, limit);
}

void ListLoader::setItemFilter(ItemFilter filter)
{
    m_itemFilter = std::move(filter);
}

GitHubListModel *ListLoader::model() const
{
    return m_model;
}

void ListLoader::start(GitHub::Client *client, bool withModel, ListKind kind, const QUrl &listUrl,
                       const GitHub::RequestOptions &options)
{
    discardStream();
    FreedMemoryReturn::postpone();
    m_client = client;
    m_withModel = withModel;
    m_kind = kind;
    m_listUrl = listUrl;
    m_options = options;
    // A model keeps a few members of each item: the pages need hold no more (an item filter may
    // read any member).
    // Its rows are made there too, off this thread, from those members.
    m_options.selection = {};
    m_options.prepareJson = {};
    if (withModel && !m_itemFilter) {
        m_options.selection = selectionOf(kind);
        m_options.prepareJson = [kind](const QJsonDocument &json) -> std::any {
            const QJsonArray items = json.array();
            return std::make_shared<PreparedRows>(
                PreparedRows{items.size(), GitHubListModel::rowsOf(kind, items)});
        };
    }
    m_loading = false;
    m_complete = false;
    m_oldestSavedAt = {};
    m_itemsKept = 0;
    m_pagesDone = 0;
    m_pageCount = 0;
    m_pageRows.clear();
    m_anyStale = false;

    // A new model rather than a cleared one: the view drops 20,000 rows at once, not row by row.
    auto *model = withModel ? new GitHubListModel(kind, this) : nullptr;
    if (model) {
        model->setObjectName(u"listModel"_s);
    }
    replaceModel(model);

    if (!client) {
        GitHub::Error error;
        error.kind = GitHub::Error::Kind::Network;
        error.url = listUrl;
        Q_EMIT failed(error);
        return;
    }

    m_stream = new GitHub::PageStream(client, listUrl, this);
    GitHub::RequestOptions firstPass = m_options;
    firstPass.acceptStale = withModel && m_revalidateBehind && !options.revalidate;
    m_stream->setRequestOptions(firstPass);
    m_stream->setItemLimit(m_itemLimit);
    m_stream->setAskBeforeSpending(m_askBeforeSpending);
    connect(m_stream, &GitHub::PageStream::pageArrived, this, &ListLoader::onPage);
    connect(m_stream, &GitHub::PageStream::held, this, [this] {
        m_loading = false;
        Q_EMIT held();
    });
    connect(m_stream, &GitHub::PageStream::progress, this, &ListLoader::onProgress);
    connect(m_stream, &GitHub::PageStream::finished, this, &ListLoader::onFinished);
    connect(m_stream, &GitHub::PageStream::failed, this, &ListLoader::onFailed);
    m_loading = true;
    Q_EMIT started();
    // A slot of started() may already have stopped or replaced this load.
    if (m_stream && m_loading) {
        m_stream->start();
    }
}

void ListLoader::replaceModel(GitHubListModel *model)
{
    GitHubListModel *old = std::exchange(m_model, model);
    if (model || old) {
        Q_EMIT modelChanged(model);
    }
    if (old) {
        old->deleteLater(); // a view may still read it until it has taken the new one
    }
}

void ListLoader::release(GitHub::PageStream *&stream)
{
    if (!stream) {
        return;
    }
    GitHub::PageStream *released = std::exchange(stream, nullptr);
    disconnect(released, nullptr, this, nullptr);
    released->cancel(); // abandons the requests under way now, not when deleteLater comes round
    // Later, not now: this may run inside one of the stream's own signals.
    released->deleteLater();
}

void ListLoader::discardStream()
{
    release(m_revalidation);
    release(m_stream);
}

QJsonArray ListLoader::kept(const QJsonArray &items) const
{
    if (!m_itemFilter) {
        return items;
    }
    QJsonArray kept;
    for (const QJsonValue &item : items) {
        if (m_itemFilter(item.toObject())) {
            kept.append(item);
        }
    }
    return kept;
}

void ListLoader::onPage(int page, const QJsonArray &items, const GitHub::Response &response)
{
    FreedMemoryReturn::postpone();
    const QJsonArray kept = this->kept(items);
    m_itemsKept += int(kept.size());
    m_pageRows.push_back(int(kept.size()));
    m_anyStale = m_anyStale || response.stale;
    if (m_model) {
        m_model->appendRows(rowsOf(kept, response));
    }
    if (response.savedAt.isValid() && (!m_oldestSavedAt.isValid() || response.savedAt < m_oldestSavedAt)) {
        m_oldestSavedAt = response.savedAt;
    }
    Q_EMIT pageArrived(page, kept, response);
}

std::vector<GitHubListModel::Row> ListLoader::rowsOf(const QJsonArray &items,
                                                     const GitHub::Response &response) const
{
    const auto *prepared = std::any_cast<std::shared_ptr<PreparedRows>>(&response.prepared);
    if (prepared && *prepared && (*prepared)->items == items.size()) {
        (*prepared)->items = -1; // taken: a copy of the response delivered again makes its own
        return std::move((*prepared)->rows);
    }
    // A small page, parsed here; or one cut short by the item limit.
    return GitHubListModel::rowsOf(m_kind, items);
}

void ListLoader::onProgress(int done, int total)
{
    m_pagesDone = done;
    m_pageCount = total;
    Q_EMIT progress(done, total);
}

void ListLoader::onFinished()
{
    discardStream();
    m_complete = true;
    m_loading = false;
    if (m_anyStale && m_model) {
        revalidate(); // its requests go out once this turn of the event loop is over
    }
    FreedMemoryReturn::arm();
    Q_EMIT finished();
}

void ListLoader::revalidate()
{
    m_revalidation = new GitHub::PageStream(m_client, m_listUrl, this);
    m_revalidation->setRequestOptions(m_options);
    m_revalidation->setItemLimit(m_itemLimit);
    // Behind a list already shown, never at the cost of a question: a hold just ends it.
    m_revalidation->setAskBeforeSpending(m_askBeforeSpending);
    connect(m_revalidation, &GitHub::PageStream::pageArrived, this, &ListLoader::onRevalidatedPage);
    connect(m_revalidation, &GitHub::PageStream::finished, this, [this] {
        // Pages the list no longer has.
        if (m_revalidation && m_model && int(m_pageRows.size()) > m_revalidation->pagesDone()) {
            m_pageRows.resize(std::size_t(m_revalidation->pagesDone()));
            const int kept = std::accumulate(m_pageRows.cbegin(), m_pageRows.cend(), 0);
            m_model->replaceRows(kept, m_model->rowCount() - kept, std::vector<GitHubListModel::Row>());
        }
        m_oldestSavedAt = {};
        endRevalidation();
    });
    connect(m_revalidation, &GitHub::PageStream::held, this, &ListLoader::endRevalidation);
    connect(m_revalidation, &GitHub::PageStream::failed, this, [this](const GitHub::Error &error) {
        endRevalidation();
        if (error.kind != GitHub::Error::Kind::Cancelled) {
            Q_EMIT failed(error);
        }
    });
    m_revalidation->start();
}

void ListLoader::onRevalidatedPage(int page, const QJsonArray &items, const GitHub::Response &response)
{
    FreedMemoryReturn::postpone();
    const bool unchanged = response.cacheOutcome == GitHub::CacheOutcome::Fresh ||
                           response.cacheOutcome == GitHub::CacheOutcome::Revalidated;
    const std::size_t index = std::size_t(page - 1);
    if (!m_model || (unchanged && index < m_pageRows.size())) {
        return;
    }
    const QJsonArray kept = this->kept(items);
    if (index < m_pageRows.size()) {
        const int first = std::accumulate(m_pageRows.cbegin(), m_pageRows.cbegin() + qsizetype(index), 0);
        m_model->replaceRows(first, m_pageRows[index], rowsOf(kept, response));
        m_itemsKept += int(kept.size()) - m_pageRows[index];
        m_pageRows[index] = int(kept.size());
    } else {
        m_model->appendRows(rowsOf(kept, response));
        m_itemsKept += int(kept.size());
        m_pageRows.push_back(int(kept.size()));
    }
}

void ListLoader::endRevalidation()
{
    if (!m_revalidation) {
        return;
    }
    release(m_revalidation);
    Q_EMIT revalidated();
}

void ListLoader::onFailed(const GitHub::Error &error)
{
    if (error.kind == GitHub::Error::Kind::Cancelled) {
        return; // stop() reports itself
    }
    m_loading = false; // the stream stays, for continueLoading()
    Q_EMIT failed(error);
}

} // namespace Hubshelf::Models
