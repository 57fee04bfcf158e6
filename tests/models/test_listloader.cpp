#include "cache/etagcache.h"
#include "fakegithub.h"
#include "github/cachepolicy.h"
#include "github/client.h"
#include "models/background.h"
#include "models/columns.h"
#include "models/githublistmodel.h"
#include "models/listloader.h"
#include "models/roles.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using Hubshelf::GitHub::Error;
using Hubshelf::Models::FreedMemoryReturn;
using Hubshelf::Models::GitHubListModel;
using Hubshelf::Models::ListKind;
using Hubshelf::Models::ListLoader;

Q_DECLARE_METATYPE(Hubshelf::GitHub::Error)

namespace {

constexpr int LoadTimeoutMs = 60000;

} // namespace

class TestListLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void load_fillsANewModelPageByPageAndFinishesOnce();
    void stop_keepsTheRowsAndIsNoFailure();
    void finish_returnsFreedMemoryOnlyOnceListsAreQuiet();
    void freeInTurns_freesOnThisThreadInLaterTurns();
    void reload_isTheSameListInANewModelWithoutRevalidating();
    void loadPages_givesEveryItemWithoutAModel();
    void itemLimitAndFilter_shapeWhatArrives();
    void serverFault_failsOnceAndKeepsTheRows();
    void noClient_failsAtOnce();
    void clear_leavesNoListAndNothingToReload();
    void askBeforeSpending_holdsAfterTheFirstPageUntilTold();
    void askBeforeSpending_freshPagesComeWithoutAsking();
    void askBeforeSpending_enoughLeftLoadsEverything();
    void continueLoading_afterStopOrFailureFetchesOnlyTheMissingPages();
    void revalidateBehind_showsSavedPagesAtOnceThenUpdatesChangedOnesInPlace();
    void workerPath_stopAndAccountChangeKeepRowsOwnAndTheCacheWhole();
    void workerPath_aModelsPagesHoldWhatItsRowsReadAndTheCacheEverything();

private:
    QUrl url(const QString &path, const QString &query = {}) const
    {
        return m_client->endpoint(path, QUrlQuery(query));
    }
    int requestsFor(const QString &path) const;
    // The page numbers asked for of `path` since the log's entry `from`.
    QList<int> pagesAskedFor(const QString &path, int from = 0) const;
    static QString bigOrganizationRepos()
    {
        return u"/orgs/"_s + FakeGitHub::Names::BigOrganization + u"/repos"_s;
    }
    // A client with an ETag cache of its own, in a folder that goes with it (m_client has none).
    struct CachedClient
    {
        QTemporaryDir directory;
        Hubshelf::Cache::EtagCache cache{directory.filePath(u"cache.sqlite"_s)};
        bool opened = directory.isValid() && cache.open();
        Hubshelf::GitHub::Client client;

        CachedClient(QNetworkAccessManager *network, const QUrl &api)
            : client(network, &cache, api)
        {}
    };
    // Nothing when the folder or the cache could not be made.
    std::unique_ptr<CachedClient> cachedClient() const
    {
        auto made = std::make_unique<CachedClient>(m_network.get(), m_fake->apiUrl());
        return made->opened ? std::move(made) : nullptr;
    }

    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Hubshelf::GitHub::Client> m_client;
};

void TestListLoader::initTestCase()
{
    qRegisterMetaType<Hubshelf::GitHub::Error>();
}

void TestListLoader::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<Hubshelf::GitHub::Client>(m_network.get(), nullptr, m_fake->apiUrl());
    m_client->setToken(FakeGitHub::Tokens::Octocat);
    m_client->setRetryBaseDelay(5);
}

void TestListLoader::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_fake.reset();
}

int TestListLoader::requestsFor(const QString &path) const
{
    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    return int(std::count_if(log.cbegin(), log.cend(), [&path](const FakeGitHub::LoggedRequest &request) {
        return request.path == path;
    }));
}

QList<int> TestListLoader::pagesAskedFor(const QString &path, int from) const
{
    QList<int> pages;
    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    for (int i = from; i < log.size(); ++i) {
        if (log.at(i).path == path) {
            const QUrlQuery query(QUrl::fromEncoded(log.at(i).target).query());
            pages.append(query.hasQueryItem(u"page"_s) ? query.queryItemValue(u"page"_s).toInt() : 1);
        }
    }
    std::sort(pages.begin(), pages.end());
    return pages;
}

void TestListLoader::finish_returnsFreedMemoryOnlyOnceListsAreQuiet()
{
    QTRY_VERIFY_WITH_TIMEOUT(!FreedMemoryReturn::isArmed(), 2 * FreedMemoryReturn::QuietMs);
    FreedMemoryReturn::postpone(); // nothing armed: nothing to push back
    QVERIFY(!FreedMemoryReturn::isArmed());

    ListLoader loader;
    QSignalSpy finished(&loader, &ListLoader::finished);
    loader.load(m_client.get(), ListKind::Repositories, url(u"/users/octocat/repos"_s));
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(FreedMemoryReturn::isArmed()); // by the last page

    // Most of the wait later, another list starts and its first page comes (then it is stopped, so
    // no last page arms it again): the wait starts over from that list, not from the first arming.
    QTest::qWait(FreedMemoryReturn::QuietMs * 3 / 4);
    QVERIFY(FreedMemoryReturn::isArmed());
    QElapsedTimer quiet;
    quiet.start();
    QSignalSpy stopped(&loader, &ListLoader::stopped);
    connect(&loader, &ListLoader::pageArrived, &loader, &ListLoader::stop);
    loader.load(m_client.get(), ListKind::Repositories,
                url(u"/orgs/"_s + FakeGitHub::Names::BigOrganization + u"/repos"_s));
    QTRY_COMPARE(stopped.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!FreedMemoryReturn::isArmed(), 2 * FreedMemoryReturn::QuietMs);
    QVERIFY2(quiet.elapsed() > FreedMemoryReturn::QuietMs * 3 / 4,
             qPrintable(QString::number(quiet.elapsed())));
}

// A list's rows go on the thread that made them (no other thread takes its malloc arena's lock
// while it paints), later and a slice at a time, the order of calls kept.
void TestListLoader::freeInTurns_freesOnThisThreadInLaterTurns()
{
    using Freed = QList<std::pair<Qt::HANDLE, int>>; // the thread, and which vector
    struct Counted
    {
        std::shared_ptr<Freed> freed;
        int vector = 0;
        ~Counted()
        {
            if (freed) {
                freed->append({QThread::currentThreadId(), vector});
            }
        }
    };
    const auto freed = std::make_shared<Freed>();
    const auto many = [&freed](int count, int vector) {
        std::vector<Counted> values(static_cast<std::size_t>(count));
        for (Counted &value : values) {
            value.freed = freed;
            value.vector = vector;
        }
        return values;
    };
    std::vector<Counted> first = many(20000, 1);
    std::vector<Counted> second = many(3, 2);
    Hubshelf::Models::freeInTurns(std::move(first));
    Hubshelf::Models::freeInTurns(std::move(second));
    Hubshelf::Models::freeInTurns(std::vector<Counted>());
    QVERIFY(freed->isEmpty()); // not within the call
    // In later turns: one processEvents() alone missed the zero timer once on a loaded machine.
    QTRY_COMPARE(freed->size(), 20003);
    for (qsizetype i = 0; i < freed->size(); ++i) {
        QCOMPARE(freed->at(i).first, QThread::currentThreadId());
        QCOMPARE(freed->at(i).second, i < 20000 ? 1 : 2);
    }
}

void TestListLoader::load_fillsANewModelPageByPageAndFinishesOnce()
{
    ListLoader loader;
    QSignalSpy models(&loader, &ListLoader::modelChanged);
    QSignalSpy started(&loader, &ListLoader::started);
    QSignalSpy progress(&loader, &ListLoader::progress);
    QSignalSpy finished(&loader, &ListLoader::finished);
    QSignalSpy failed(&loader, &ListLoader::failed);
    QList<int> rowsAtPage;
    std::unique_ptr<QAbstractItemModelTester> tester;
    connect(&loader, &ListLoader::modelChanged, this, [&tester](GitHubListModel *model) {
        tester = std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    });
    connect(&loader, &ListLoader::pageArrived, this, [&](int page, const QJsonArray &items) {
        QCOMPARE(items.size(), 100);
        rowsAtPage.append(loader.model()->rowCount()); // the page is in the model already
        QCOMPARE(page, rowsAtPage.size());
    });

    const QString path = u"/orgs/"_s + FakeGitHub::Names::BigOrganization + u"/repos"_s;
    loader.load(m_client.get(), ListKind::Repositories, url(path));
    QCOMPARE(models.count(), 1);
    QVERIFY(loader.model());
    QCOMPARE(loader.model()->kind(), ListKind::Repositories);
    QCOMPARE(loader.model()->rowCount(), 0);
    QCOMPARE(started.count(), 1);
    QVERIFY(loader.isLoading());
    QVERIFY(!loader.isComplete());

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, LoadTimeoutMs);
    QVERIFY(!loader.isLoading());
    QVERIFY(loader.isComplete());
    QCOMPARE(loader.model()->rowCount(), FakeGitHub::BigOrganizationRepoCount);
    QCOMPARE(rowsAtPage.size(), 50);
    QCOMPARE(rowsAtPage.first(), 100);
    QCOMPARE(rowsAtPage.last(), FakeGitHub::BigOrganizationRepoCount);
    QCOMPARE(progress.count(), 50);
    QCOMPARE(progress.last(), (QList<QVariant>{50, 50}));
    QCOMPARE(loader.pagesDone(), 50);
    QCOMPARE(loader.pageCount(), 50);
    QTRY_COMPARE(m_fake->inFlight(), 0);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(requestsFor(path), 50);
}

void TestListLoader::stop_keepsTheRowsAndIsNoFailure()
{
    ListLoader loader;
    QSignalSpy stopped(&loader, &ListLoader::stopped);
    QSignalSpy failed(&loader, &ListLoader::failed);
    QSignalSpy finished(&loader, &ListLoader::finished);
    connect(&loader, &ListLoader::progress, &loader, [&loader](int done) {
        if (done == 1) {
            loader.stop();
        }
    });
    loader.load(m_client.get(), ListKind::Repositories,
                url(u"/orgs/"_s + FakeGitHub::Names::BigOrganization + u"/repos"_s));
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, LoadTimeoutMs);
    QVERIFY(!loader.isLoading());
    QVERIFY(!loader.isComplete());
    QTRY_COMPARE(m_fake->inFlight(), 0);
    QCoreApplication::processEvents();
    QCOMPARE(loader.model()->rowCount(), 100);
    QCOMPARE(failed.count() + finished.count(), 0);
    loader.stop(); // nothing to stop
    QCOMPARE(stopped.count(), 1);
}

void TestListLoader::reload_isTheSameListInANewModelWithoutRevalidating()
{
    ListLoader loader;
    Hubshelf::GitHub::RequestOptions options;
    options.revalidate = true;
    const QUrl followers = url(u"/users/octocat/followers"_s);
    loader.load(m_client.get(), ListKind::Users, followers, options);
    QTRY_VERIFY(loader.isComplete());
    QPointer<GitHubListModel> first = loader.model();
    const int rows = first->rowCount();
    QVERIFY(rows >= FakeGitHub::OctocatFollowerCount);

    QSignalSpy models(&loader, &ListLoader::modelChanged);
    loader.reload();
    QCOMPARE(models.count(), 1);
    QVERIFY(loader.model() != first);
    QCOMPARE(loader.listUrl(), followers);
    QCOMPARE(loader.kind(), ListKind::Users);
    QVERIFY(!loader.requestOptions().revalidate);
    QTRY_VERIFY(loader.isComplete());
    QCOMPARE(loader.model()->rowCount(), rows);
    QTRY_VERIFY(!first); // the old model is deleted later

    loader.reload(options);
    QVERIFY(loader.requestOptions().revalidate);
}

void TestListLoader::loadPages_givesEveryItemWithoutAModel()
{
    ListLoader loader;
    QSignalSpy models(&loader, &ListLoader::modelChanged);
    QJsonArray all;
    Hubshelf::GitHub::Response firstResponse;
    connect(&loader, &ListLoader::pageArrived, this,
            [&](int page, const QJsonArray &items, const Hubshelf::GitHub::Response &response) {
                if (page == 1) {
                    firstResponse = response;
                }
                for (const QJsonValue &item : items) {
                    all.append(item);
                }
            });
    loader.loadPages(m_client.get(), url(u"/users/octocat/followers"_s, u"per_page=7"_s));
    QTRY_VERIFY(loader.isComplete());
    QCOMPARE(models.count(), 0);
    QVERIFY(!loader.model());
    QVERIFY(all.size() >= FakeGitHub::OctocatFollowerCount);
    QVERIFY(!firstResponse.header("link").isEmpty());
    QCOMPARE(loader.pageCount(), int(all.size() + 6) / 7); // seven to a page, as asked
    QSet<QString> logins;
    for (const QJsonValue &user : std::as_const(all)) {
        logins.insert(user.toObject().value(u"login"_s).toString());
    }
    QCOMPARE(logins.size(), all.size());
}

void TestListLoader::itemLimitAndFilter_shapeWhatArrives()
{
    ListLoader loader;
    loader.setItemLimit(150);
    loader.setItemFilter([](const QJsonObject &repository) { return repository.value(u"fork"_s).toBool(); });
    int itemsSeen = 0;
    connect(&loader, &ListLoader::pageArrived, this, [&itemsSeen](int, const QJsonArray &items) {
        for (const QJsonValue &item : items) {
            QVERIFY(item.toObject().value(u"fork"_s).toBool());
        }
        itemsSeen += int(items.size());
    });
    const QString path = u"/orgs/"_s + FakeGitHub::Names::BigOrganization + u"/repos"_s;
    loader.load(m_client.get(), ListKind::Repositories, url(path));
    QTRY_VERIFY_WITH_TIMEOUT(loader.isComplete(), LoadTimeoutMs);
    QCOMPARE(requestsFor(path), 2); // 150 items are two pages of 100, the rest is never asked
    QVERIFY(itemsSeen > 0 && itemsSeen < 150);
    QCOMPARE(loader.model()->rowCount(), itemsSeen);
}

void TestListLoader::serverFault_failsOnceAndKeepsTheRows()
{
    ListLoader loader;
    QSignalSpy failed(&loader, &ListLoader::failed);
    QSignalSpy stopped(&loader, &ListLoader::stopped);
    const QString path = u"/orgs/"_s + FakeGitHub::Names::BigOrganization + u"/repos"_s;
    connect(&loader, &ListLoader::progress, this, [&](int done) {
        if (done == 1) {
            m_fake->armFault(path, FakeGitHub::Fault::withStatus(500), -1);
        }
    });
    loader.load(m_client.get(), ListKind::Repositories, url(path));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, LoadTimeoutMs);
    QCOMPARE(failed.first().first().value<Error>().kind, Error::Kind::Server);
    QVERIFY(!loader.isLoading());
    QVERIFY(!loader.isComplete());
    QVERIFY(loader.model()->rowCount() >= 100);
    QCOMPARE(stopped.count(), 0);
    loader.stop(); // a failed load is over: nothing to stop
    QCOMPARE(stopped.count(), 0);
}

void TestListLoader::noClient_failsAtOnce()
{
    ListLoader loader;
    QSignalSpy started(&loader, &ListLoader::started);
    QSignalSpy failed(&loader, &ListLoader::failed);
    const QUrl gists = url(u"/users/octocat/gists"_s);
    loader.load(nullptr, ListKind::Gists, gists);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().value<Error>().kind, Error::Kind::Network);
    QCOMPARE(started.count(), 0);
    QVERIFY(!loader.isLoading());
    QVERIFY(loader.model()); // an empty list of the kind asked
    QCOMPARE(loader.listUrl(), gists);
}

void TestListLoader::clear_leavesNoListAndNothingToReload()
{
    ListLoader loader;
    QSignalSpy models(&loader, &ListLoader::modelChanged);
    QSignalSpy started(&loader, &ListLoader::started);
    QSignalSpy stopped(&loader, &ListLoader::stopped);
    loader.load(m_client.get(), ListKind::Users, url(u"/users/octocat/followers"_s));
    loader.clear();
    QCOMPARE(models.count(), 2);
    QCOMPARE(models.last().first().value<GitHubListModel *>(), nullptr);
    QVERIFY(!loader.model());
    QVERIFY(!loader.isLoading());
    QCOMPARE(stopped.count(), 0);
    loader.reload();
    QCOMPARE(started.count(), 1);
    QTRY_COMPARE(m_fake->inFlight(), 0);
    QCoreApplication::processEvents();
    QVERIFY(!loader.model());
}

// Anonymous, 60 an hour: the 49 pages after megacorp's first would spend nearly all of them.
void TestListLoader::askBeforeSpending_holdsAfterTheFirstPageUntilTold()
{
    m_client->setToken({});
    ListLoader loader;
    loader.setAskBeforeSpending(true);
    QSignalSpy held(&loader, &ListLoader::held);
    QSignalSpy finished(&loader, &ListLoader::finished);
    QSignalSpy started(&loader, &ListLoader::started);
    const QString path = bigOrganizationRepos();
    loader.load(m_client.get(), ListKind::Repositories, url(path));
    QTRY_COMPARE_WITH_TIMEOUT(held.count(), 1, LoadTimeoutMs);
    QVERIFY(!loader.isLoading());
    QVERIFY(!loader.isComplete());
    QVERIFY(loader.canContinue());
    QCOMPARE(loader.pagesDone(), 1);
    QCOMPARE(loader.pageCount(), 50);
    QCOMPARE(loader.model()->rowCount(), 100);
    QCOMPARE(loader.estimatedRowCount(), FakeGitHub::BigOrganizationRepoCount);
    QCOMPARE(loader.spendingLimit().limit, 60);
    QCOMPARE(loader.spendingLimit().remaining, 59);
    QTRY_COMPARE(m_fake->inFlight(), 0);
    QCOMPARE(pagesAskedFor(path), QList<int>{1}); // nothing spent before the person says so

    loader.continueLoading(10);
    QCOMPARE(started.count(), 2);
    QVERIFY(loader.isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(held.count(), 2, LoadTimeoutMs);
    QCOMPARE(loader.pagesDone(), 11);
    QCOMPARE(loader.model()->rowCount(), 1100);
    QTRY_COMPARE(m_fake->inFlight(), 0);
    QList<int> firstEleven;
    for (int page = 1; page <= 11; ++page) {
        firstEleven.append(page);
    }
    QCOMPARE(pagesAskedFor(path), firstEleven);

    loader.continueLoading();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, LoadTimeoutMs);
    QCOMPARE(held.count(), 2); // "load all" is not asked again
    QCOMPARE(loader.model()->rowCount(), FakeGitHub::BigOrganizationRepoCount);
    QList<int> every;
    for (int page = 1; page <= 50; ++page) {
        every.append(page);
    }
    QCOMPARE(pagesAskedFor(path), every); // no page twice
    QVERIFY(!loader.canContinue());
}

// A list read before is in the cache: its fresh pages cost nothing and come; the hold is at the
// first page GitHub would be asked for.
void TestListLoader::askBeforeSpending_freshPagesComeWithoutAsking()
{
    const std::unique_ptr<CachedClient> own = cachedClient();
    QVERIFY(own);
    Hubshelf::GitHub::Client &client = own->client;
    const QString path = bigOrganizationRepos();
    {
        ListLoader first;
        first.setItemLimit(20 * 100);
        first.load(&client, ListKind::Repositories, client.endpoint(path));
        QTRY_VERIFY_WITH_TIMEOUT(first.isComplete(), LoadTimeoutMs);
    }
    QTRY_COMPARE(m_fake->inFlight(), 0);
    const int logged = int(m_fake->requestLog().size());

    ListLoader loader;
    loader.setAskBeforeSpending(true);
    QSignalSpy held(&loader, &ListLoader::held);
    loader.load(&client, ListKind::Repositories, client.endpoint(path));
    QTRY_COMPARE_WITH_TIMEOUT(held.count(), 1, LoadTimeoutMs);
    QCOMPARE(loader.pagesDone(), 20);
    QCOMPARE(loader.model()->rowCount(), 2000);
    QTRY_COMPARE(m_fake->inFlight(), 0);
    QCOMPARE(pagesAskedFor(path, logged), QList<int>{}); // all twenty from the cache

    loader.continueLoading(1);
    QTRY_COMPARE_WITH_TIMEOUT(held.count(), 2, LoadTimeoutMs);
    QCOMPARE(loader.pagesDone(), 21);
    QCOMPARE(pagesAskedFor(path, logged), QList<int>{21});
}

void TestListLoader::askBeforeSpending_enoughLeftLoadsEverything()
{
    ListLoader loader; // signed in: 50 pages are 1% of 5,000
    loader.setAskBeforeSpending(true);
    QSignalSpy held(&loader, &ListLoader::held);
    loader.load(m_client.get(), ListKind::Repositories, url(bigOrganizationRepos()));
    QTRY_VERIFY_WITH_TIMEOUT(loader.isComplete(), LoadTimeoutMs);
    QCOMPARE(held.count(), 0);
    QCOMPARE(loader.model()->rowCount(), FakeGitHub::BigOrganizationRepoCount);
}

void TestListLoader::continueLoading_afterStopOrFailureFetchesOnlyTheMissingPages()
{
    ListLoader loader;
    QSignalSpy stopped(&loader, &ListLoader::stopped);
    QSignalSpy failed(&loader, &ListLoader::failed);
    QSignalSpy finished(&loader, &ListLoader::finished);
    const QString path = bigOrganizationRepos();
    connect(&loader, &ListLoader::progress, &loader, [&loader](int done) {
        if (done == 3) {
            loader.stop();
        }
    });
    loader.load(m_client.get(), ListKind::Repositories, url(path));
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, LoadTimeoutMs);
    QVERIFY(loader.canContinue());
    QCOMPARE(loader.model()->rowCount(), 300);
    QCOMPARE(loader.estimatedRowCount(), FakeGitHub::BigOrganizationRepoCount);
    QTRY_COMPARE(m_fake->inFlight(), 0);
    disconnect(&loader, &ListLoader::progress, &loader, nullptr);

    // Continue, then a page fails: the rows stay and Continue is offered again.
    int logged = int(m_fake->requestLog().size());
    connect(&loader, &ListLoader::progress, this, [&](int done) {
        if (done == 5) {
            m_fake->armFault(path, FakeGitHub::Fault::withStatus(404), -1);
        }
    });
    loader.continueLoading();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, LoadTimeoutMs);
    disconnect(&loader, &ListLoader::progress, this, nullptr);
    QVERIFY(loader.canContinue());
    const int rowsBefore = loader.model()->rowCount();
    const int pagesBefore = loader.pagesDone();
    QCOMPARE(rowsBefore, pagesBefore * 100);
    QVERIFY(pagesAskedFor(path, logged).first() == 4); // page 1 to 3 were not asked again
    QTRY_COMPARE(m_fake->inFlight(), 0);

    m_fake->clearFaults();
    logged = int(m_fake->requestLog().size());
    loader.continueLoading();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, LoadTimeoutMs);
    QList<int> missing;
    for (int page = pagesBefore + 1; page <= 50; ++page) {
        missing.append(page);
    }
    QCOMPARE(pagesAskedFor(path, logged), missing);
    QCOMPARE(loader.model()->rowCount(), FakeGitHub::BigOrganizationRepoCount);
    QSet<qint64> ids;
    for (int row = 0; row < loader.model()->rowCount(); ++row) {
        ids.insert(loader.model()->index(row, 0).data(Hubshelf::Models::IdRole).toLongLong());
    }
    QCOMPARE(ids.size(), FakeGitHub::BigOrganizationRepoCount);
    QCOMPARE(stopped.count(), 1);
}

// Issue 14, item 15: past max-age, a list comes from the cache at once and is revalidated behind.
void TestListLoader::revalidateBehind_showsSavedPagesAtOnceThenUpdatesChangedOnesInPlace()
{
    const std::unique_ptr<CachedClient> own = cachedClient();
    QVERIFY(own);
    Hubshelf::GitHub::Client &client = own->client;
    client.setToken(FakeGitHub::Tokens::Octocat);
    const QString path = bigOrganizationRepos();
    {
        ListLoader first;
        first.load(&client, ListKind::Repositories, client.endpoint(path));
        QTRY_VERIFY_WITH_TIMEOUT(first.isComplete(), LoadTimeoutMs);
    }
    QTRY_COMPARE(m_fake->inFlight(), 0);
    const int logged = int(m_fake->requestLog().size());
    client.setClock([] { return QDateTime::currentDateTimeUtc().addSecs(3600); }); // all past max-age

    // Page 3 changed meanwhile: two repositories where a hundred were.
    const QByteArray changed = R"([{"id": 990001, "name": "renamed-a", "full_name": "megacorp/renamed-a",
        "html_url": "https://github.com/megacorp/renamed-a", "description": "new"},
        {"id": 990002, "name": "renamed-b", "full_name": "megacorp/renamed-b",
        "html_url": "https://github.com/megacorp/renamed-b", "description": "new"}])";
    m_fake->armFault(path + u"?page=3"_s, FakeGitHub::Fault::withBody(changed));

    ListLoader loader;
    loader.setRevalidateBehind(true);
    QSignalSpy finished(&loader, &ListLoader::finished);
    QSignalSpy revalidated(&loader, &ListLoader::revalidated);
    QSignalSpy failed(&loader, &ListLoader::failed);
    int askedWhenShown = -1;
    connect(&loader, &ListLoader::finished, this,
            [&] { askedWhenShown = int(pagesAskedFor(path, logged).size()); });
    loader.load(&client, ListKind::Repositories, client.endpoint(path));
    // Every insert, change and removal of the revalidation announced as the model contract says.
    QAbstractItemModelTester tester(loader.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, LoadTimeoutMs);
    QCOMPARE(askedWhenShown, 0); // every row on screen before GitHub was asked anything
    QCOMPARE(loader.model()->rowCount(), FakeGitHub::BigOrganizationRepoCount);
    QVERIFY(loader.oldestSavedAt().isValid());
    QVERIFY(loader.isRevalidating());
    const QModelIndex row200 = loader.model()->index(200, 0);
    const QModelIndex row300 = loader.model()->index(300, 0);
    const QVariant formerRow300 = row300.data(Hubshelf::Models::IdRole);

    QTRY_COMPARE_WITH_TIMEOUT(revalidated.count(), 1, LoadTimeoutMs);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!loader.isRevalidating());
    QVERIFY(!loader.oldestSavedAt().isValid()); // what shows is GitHub's of now
    QCOMPARE(finished.count(), 1);
    QList<int> every;
    for (int page = 1; page <= 50; ++page) {
        every.append(page);
    }
    QCOMPARE(pagesAskedFor(path, logged), every);
    // Page 3's rows replaced in place; the pages after it moved up, none lost.
    QCOMPARE(loader.model()->rowCount(), FakeGitHub::BigOrganizationRepoCount - 98);
    QCOMPARE(row200.data(Hubshelf::Models::IdRole).toLongLong(), 990001);
    QCOMPARE(loader.model()->index(201, 0).data(Hubshelf::Models::IdRole).toLongLong(), 990002);
    QCOMPARE(loader.model()->index(202, 0).data(Hubshelf::Models::IdRole), formerRow300);
}

// A model's pages are parsed with only memberPaths() of each item (GitHub::MemberSelection), cold
// from the network and warm from the cache alike; the cache keeps GitHub's whole answer, and a
// loader without a model (export, the command line) gets every member.
void TestListLoader::workerPath_aModelsPagesHoldWhatItsRowsReadAndTheCacheEverything()
{
    const std::unique_ptr<CachedClient> own = cachedClient();
    QVERIFY(own);
    Hubshelf::Cache::EtagCache &cache = own->cache;
    Hubshelf::GitHub::Client &client = own->client;
    client.setToken(FakeGitHub::Tokens::Octocat);
    const QUrl url = client.endpoint(bigOrganizationRepos());
    const auto membersOfFirstItems = [&](bool withModel) {
        ListLoader loader;
        QSet<QString> members;
        int pages = 0;
        int prepared = 0;
        GitHubListModel madeHere(ListKind::Repositories);
        connect(&loader, &ListLoader::pageArrived, &loader,
                [&](int, const QJsonArray &items, const Hubshelf::GitHub::Response &response) {
                    ++pages;
                    prepared += response.prepared.has_value() ? 1 : 0;
                    madeHere.appendItems(items);
                    const QStringList keys = items.first().toObject().keys();
                    members.unite(QSet<QString>(keys.cbegin(), keys.cend()));
                });
        QSignalSpy finished(&loader, &ListLoader::finished);
        if (withModel) {
            loader.load(&client, ListKind::Repositories, url);
        } else {
            loader.loadPages(&client, url);
        }
        [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, LoadTimeoutMs); }();
        // The rows made in the pool are those the page's items make here, cell for cell.
        [&] {
            QCOMPARE(prepared, withModel ? pages : 0);
            if (!withModel) {
                return;
            }
            const GitHubListModel *model = loader.model();
            QCOMPARE(model->rowCount(), madeHere.rowCount());
            for (int row = 0; row < model->rowCount(); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    for (const int role :
                         {int(Hubshelf::Models::SortRole), int(Hubshelf::Models::ExportRole),
                          int(Hubshelf::Models::HtmlUrlRole), int(Hubshelf::Models::IdRole)}) {
                        QCOMPARE(model->index(row, column).data(role),
                                 madeHere.index(row, column).data(role));
                    }
                }
            }
        }();
        return std::pair{members, pages};
    };
    const QStringList read = memberPaths(ListKind::Repositories);
    const QSet<QString> selected(read.cbegin(), read.cend());
    for (const char *visit : {"cold", "warm"}) {
        const auto [members, pages] = membersOfFirstItems(true);
        QVERIFY2(pages > 1, visit);
        QVERIFY2(members.contains(u"full_name"_s) && members.contains(u"html_url"_s), visit);
        QVERIFY2(!members.contains(u"owner"_s) && !members.contains(u"permissions"_s), visit);
        QVERIFY2(selected.contains(members), visit);
    }
    const auto [everything, pages] = membersOfFirstItems(false);
    QVERIFY(pages > 1);
    QVERIFY(everything.contains(u"owner"_s) && everything.contains(u"full_name"_s));

    QUrl firstPage = url;
    firstPage.setQuery(u"per_page=100"_s);
    const auto entry = cache.find(Hubshelf::GitHub::CachePolicy::cacheKey(firstPage),
                                  Hubshelf::GitHub::CachePolicy::AcceptValue,
                                  cache.identityFor(FakeGitHub::Tokens::Octocat));
    QVERIFY(entry);
    QVERIFY(QJsonDocument::fromJson(entry->body).array().first().toObject().contains(u"owner"_s));
}

// Issue 15: pages of 64 KiB and more are parsed and compressed in the thread pool. A Stop or an
// account change while some are being prepared: no row arrives after it (nor in the next list), and
// whatever was stored meanwhile reads back whole.
void TestListLoader::workerPath_stopAndAccountChangeKeepRowsOwnAndTheCacheWhole()
{
    const std::unique_ptr<CachedClient> own = cachedClient();
    QVERIFY(own);
    Hubshelf::Cache::EtagCache &cache = own->cache;
    Hubshelf::GitHub::Client &client = own->client;
    client.setToken(FakeGitHub::Tokens::Octocat);
    const QString path = bigOrganizationRepos();

    ListLoader loader;
    const QMetaObject::Connection stopAtTwo =
        connect(&loader, &ListLoader::progress, &loader, [&loader](int done) {
            if (done == 2) {
                loader.stop(); // pages 3 to 6 are on the wire or being prepared
            }
        });
    QSignalSpy stopped(&loader, &ListLoader::stopped);
    loader.load(&client, ListKind::Repositories, client.endpoint(path));
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, LoadTimeoutMs);
    QTRY_COMPARE(m_fake->inFlight(), 0);
    QTRY_COMPARE(client.backgroundJobs(), 0); // what the pool prepared comes back here, and is stored
    QCOMPARE(loader.model()->rowCount(), 200);

    // Every page GitHub answered that is in the cache reads back as its 100 repositories.
    const QByteArray identity = cache.identityFor(FakeGitHub::Tokens::Octocat);
    int stored = 0;
    for (const FakeGitHub::LoggedRequest &request : m_fake->requestLog()) {
        const QUrl pageUrl(m_fake->apiUrl().toString() + QString::fromUtf8(request.target));
        const auto entry = cache.find(Hubshelf::GitHub::CachePolicy::cacheKey(pageUrl),
                                      Hubshelf::GitHub::CachePolicy::AcceptValue, identity);
        if (entry) {
            ++stored;
            QCOMPARE(QJsonDocument::fromJson(entry->body).array().size(), 100);
        }
    }
    QVERIFY2(stored >= 2, qPrintable(QString::number(stored)));
    QCOMPARE(cache.statistics().corruptDropped, 0);

    // Another account mid-load, as the window does it (on its own turn of the event loop): the next
    // list gets only its own pages.
    disconnect(stopAtTwo);
    int rowsOfTheOldList = 0;
    connect(&loader, &ListLoader::progress, &loader, [&](int done) {
        if (done == 3 && rowsOfTheOldList == 0) {
            rowsOfTheOldList = loader.model()->rowCount();
            QTimer::singleShot(0, &loader, [&] {
                client.setToken(FakeGitHub::Tokens::Monalisa);
                loader.load(&client, ListKind::Repositories, client.endpoint(path));
            });
        }
    });
    QSignalSpy finished(&loader, &ListLoader::finished);
    client.setToken(FakeGitHub::Tokens::Octocat);
    loader.load(&client, ListKind::Repositories, client.endpoint(path, QUrlQuery(u"type=all"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, LoadTimeoutMs);
    QCOMPARE(rowsOfTheOldList, 300);
    QTRY_COMPARE(client.backgroundJobs(), 0);
    QCOMPARE(loader.model()->rowCount(), FakeGitHub::BigOrganizationRepoCount);
    QSet<qint64> ids;
    for (int row = 0; row < loader.model()->rowCount(); ++row) {
        ids.insert(loader.model()->index(row, 0).data(Hubshelf::Models::IdRole).toLongLong());
    }
    QCOMPARE(ids.size(), FakeGitHub::BigOrganizationRepoCount);
}

QTEST_GUILESS_MAIN(TestListLoader)
#include "test_listloader.moc"
