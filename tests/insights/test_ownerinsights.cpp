// A pass over an owner's repositories through the real Client, cache and loopback, against the
// fake GitHub's generated organization (constellation: 200 repositories, 20 forks, one that is
// always computing, one empty).

#include "cache/etagcache.h"
#include "fakegithub.h"
#include "github/client.h"
#include "insights/ownerinsights.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Hubshelf;
using FakeGitHub::Fault;
using Insights::OwnerInsights;

class TestOwnerInsights final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void constellation_contributorsLanguagesAndTotals();
    void forks_countOnlyWhenAsked();
    void a202_isAskedAgainAndNeverCached();
    void notStatistics_leavesThatRepositoryOut();
    void aVanishedRepository_isLeftOutTheRestCounted();
    void aRefusedToken_failsThePassAndStopsAsking();
    void cancel_stopsAsking();
    void anUnknownOwner_failsNotFound();

private:
    struct Pass
    {
        bool finished = false;
        std::optional<GitHub::Error> error;
        QStringList warnings;
    };
    // Runs a pass to its end (60 s at most).
    Pass run(OwnerInsights &insights);
    std::unique_ptr<OwnerInsights> insightsOf(const QString &owner, bool includeForks = false);
    qsizetype requestsFor(const QString &path) const;
    void expectNoMoreRequests(qsizetype atTheEnd) const;

    QTemporaryDir m_dir;
    int m_cacheNumber = 0;
    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Cache::EtagCache> m_cache;
    std::unique_ptr<GitHub::Client> m_client;
};

void TestOwnerInsights::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY2(m_fake->listen(), qPrintable(m_fake->errorString()));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_cache = std::make_unique<Cache::EtagCache>(m_dir.filePath(u"cache-%1.sqlite"_s.arg(++m_cacheNumber)));
    QVERIFY(m_cache->open());
    m_client = std::make_unique<GitHub::Client>(m_network.get(), m_cache.get(), m_fake->apiUrl());
    m_client->setRetryBaseDelay(20);
    m_client->setToken(FakeGitHub::Tokens::Octocat);
}

void TestOwnerInsights::cleanup()
{
    m_client.reset();
    m_cache.reset();
    m_network.reset();
    m_fake.reset();
}

std::unique_ptr<OwnerInsights> TestOwnerInsights::insightsOf(const QString &owner, bool includeForks)
{
    OwnerInsights::Options options;
    options.includeForks = includeForks;
    options.firstRetryMs = 10; // 10, 20, 40, 80, 160 ms
    return std::make_unique<OwnerInsights>(m_client.get(), owner, options);
}

TestOwnerInsights::Pass TestOwnerInsights::run(OwnerInsights &insights)
{
    Pass pass;
    connect(&insights, &OwnerInsights::finished, this, [&pass] { pass.finished = true; });
    connect(&insights, &OwnerInsights::failed, this,
            [&pass](const GitHub::Error &error) { pass.error = error; });
    connect(&insights, &OwnerInsights::warning, this,
            [&pass](const QString &warning) { pass.warnings.append(warning); });
    insights.start();
    if (!QTest::qWaitFor([&pass] { return pass.finished || pass.error; }, 60000)) {
        qWarning("the pass did not end");
    }
    return pass;
}

void TestOwnerInsights::expectNoMoreRequests(qsizetype atTheEnd) const
{
    // Those already on the wire may still arrive (the client's cap of them); then nothing, past
    // the retry of any 202.
    QTest::qWait(300);
    const qsizetype arrived = m_fake->requestLog().size();
    QVERIFY2(arrived - atTheEnd <= m_client->maxConcurrent(),
             qPrintable(u"%1 more"_s.arg(arrived - atTheEnd)));
    QTest::qWait(500);
    QCOMPARE(m_fake->requestLog().size(), arrived);
}

qsizetype TestOwnerInsights::requestsFor(const QString &path) const
{
    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    return std::count_if(log.cbegin(), log.cend(), [&path](const auto &entry) { return entry.path == path; });
}

void TestOwnerInsights::constellation_contributorsLanguagesAndTotals()
{
    auto insights = insightsOf(FakeGitHub::Names::InsightsOrganization);
    QSignalSpy computing(insights.get(), &OwnerInsights::computing);
    const Pass pass = run(*insights);
    QVERIFY(pass.finished);
    const Insights::OwnerInsightsResult &result = insights->result();
    const int sources = FakeGitHub::InsightsRepositoryCount - FakeGitHub::InsightsForkCount;
    QCOMPARE(result.repositories, sources);
    // The oracle's figures (tests/fakegithub/insights_oracle.py): 144 contributors, 2016-01 … 2025-03.
    QCOMPARE(result.contributors.contributorCount(), 144);
    const auto months = result.contributors.months();
    QCOMPARE(months.constFirst().month, u"2016-01"_s);
    QCOMPARE(months.constLast().month, u"2025-03"_s);
    QCOMPARE(months.constLast().totalContributors, 144);
    QVERIFY(result.contributors.unattributedCommits() > 0);
    QCOMPARE(result.languages.shares().size(), 17);
    QVERIFY(result.stars > 0);
    QCOMPARE(result.stillComputing, QStringList{FakeGitHub::Names::StillComputingRepository});
    QVERIFY(result.unreadable.isEmpty());
    QVERIFY(!result.isComplete());
    QCOMPARE(pass.warnings.size(), 1);
    // Progress ends at n of n.
    QCOMPARE(computing.constLast().at(0).toInt(), sources);
    QCOMPARE(computing.constLast().at(1).toInt(), sources);
}

void TestOwnerInsights::forks_countOnlyWhenAsked()
{
    auto insights = insightsOf(FakeGitHub::Names::InsightsOrganization, true);
    QVERIFY(run(*insights).finished);
    QCOMPARE(insights->result().repositories, FakeGitHub::InsightsRepositoryCount);
    QCOMPARE(insights->result().contributors.contributorCount(), 150);
}

void TestOwnerInsights::a202_isAskedAgainAndNeverCached()
{
    const QString statistics = u"/repos/%1/stats/contributors"_s.arg(FakeGitHub::Names::HelloWorld);
    auto first = insightsOf(FakeGitHub::Names::Octocat);
    QVERIFY(run(*first).finished);
    QVERIFY(first->result().isComplete());
    QCOMPARE(requestsFor(statistics), 2); // a 202, then the 200
    QVERIFY(first->result().contributors.contributorCount() > 0);
    // The still-computing repository is asked six times again on a second pass: its 202s were not
    // cached; the others answer from the cache without a request.
    auto stuck = insightsOf(FakeGitHub::Names::InsightsOrganization);
    QVERIFY(run(*stuck).finished);
    const QString stuckPath =
        u"/repos/%1/stats/contributors"_s.arg(FakeGitHub::Names::StillComputingRepository);
    QCOMPARE(requestsFor(stuckPath), 6);
    m_fake->clearRequestLog();
    auto again = insightsOf(FakeGitHub::Names::InsightsOrganization);
    QVERIFY(run(*again).finished);
    QCOMPARE(requestsFor(stuckPath), 6);
    // Nothing else but the empty repository's 204, which no cache keeps either.
    const QString emptyPath = u"/repos/%1/stats/contributors"_s.arg(FakeGitHub::Names::EmptyRepository);
    for (const FakeGitHub::LoggedRequest &entry : m_fake->requestLog()) {
        QVERIFY2(entry.path == stuckPath || entry.path == emptyPath || entry.status == 304,
                 qPrintable(entry.path));
    }
    QCOMPARE(again->result().contributors.months().constLast().totalContributors, 144);
}

void TestOwnerInsights::notStatistics_leavesThatRepositoryOut()
{
    const QString repository = FakeGitHub::Names::HelloWorld;
    m_fake->armFault(u"/repos/%1/stats/contributors"_s.arg(repository), Fault::withBody(R"({"weeks": []})"),
                     -1);
    auto insights = insightsOf(FakeGitHub::Names::Octocat);
    const Pass pass = run(*insights);
    QVERIFY(pass.finished);
    QCOMPARE(insights->result().unreadable, QStringList{repository});
    QCOMPARE(pass.warnings.size(), 1);
    QVERIFY2(pass.warnings.constFirst().contains(repository), qPrintable(pass.warnings.constFirst()));
}

void TestOwnerInsights::aVanishedRepository_isLeftOutTheRestCounted()
{
    const QString repository = FakeGitHub::Names::HelloWorld;
    m_fake->armFault(u"/repos/%1/languages"_s.arg(repository), Fault::withStatus(404), -1);
    auto insights = insightsOf(FakeGitHub::Names::Octocat);
    const Pass pass = run(*insights);
    QVERIFY(pass.finished);
    QCOMPARE(insights->result().unreadable, QStringList{repository});
    QVERIFY(insights->result().contributors.contributorCount() > 0);
}

void TestOwnerInsights::aRefusedToken_failsThePassAndStopsAsking()
{
    m_fake->armFault(u"/repos/constellation/*"_s, Fault::withStatus(401), -1);
    auto insights = insightsOf(FakeGitHub::Names::InsightsOrganization);
    const Pass pass = run(*insights);
    QVERIFY(pass.error);
    QCOMPARE(pass.error->kind, GitHub::Error::Kind::Unauthorized);
    expectNoMoreRequests(m_fake->requestLog().size());
}

void TestOwnerInsights::cancel_stopsAsking()
{
    auto insights = insightsOf(FakeGitHub::Names::InsightsOrganization);
    QSignalSpy failed(insights.get(), &OwnerInsights::failed);
    connect(insights.get(), &OwnerInsights::computing, insights.get(), [&insights](int done) {
        if (done >= 10) {
            insights->cancel();
        }
    });
    insights->start();
    QVERIFY(failed.wait(60000));
    QCOMPARE(failed.constFirst().at(0).value<GitHub::Error>().kind, GitHub::Error::Kind::Cancelled);
    expectNoMoreRequests(m_fake->requestLog().size());
    QCOMPARE(failed.size(), 1);
}

void TestOwnerInsights::anUnknownOwner_failsNotFound()
{
    auto insights = insightsOf(u"no-such-owner"_s);
    const Pass pass = run(*insights);
    QVERIFY(pass.error);
    QCOMPARE(pass.error->kind, GitHub::Error::Kind::NotFound);
}

QTEST_GUILESS_MAIN(TestOwnerInsights)
#include "test_ownerinsights.moc"
