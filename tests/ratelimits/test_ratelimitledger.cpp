// The rate-limit ledger: endpoint templates, what a request costs, and a client's requests against
// the fake GitHub recorded in a real SQLite file, summing to the points the fake counted.

#include "cache/etagcache.h"
#include "fakegithub.h"
#include "github/client.h"
#include "github/endpointtemplate.h"
#include "github/pagestream.h"
#include "github/ratelimittracker.h"
#include "github/request.h"
#include "ratelimits/ledger.h"
#include "ratelimits/projection.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Hubshelf;
using GitHub::CacheOutcome;
using GitHub::PointCharge;

namespace {

// Waits for one GET and says whether it succeeded.
bool get(GitHub::Client &client, const QString &path, const GitHub::RequestOptions &options = {})
{
    GitHub::Request *request = client.get(client.endpoint(path), options);
    QSignalSpy succeeded(request, &GitHub::Request::succeeded);
    QSignalSpy finished(request, &GitHub::Request::finished);
    if (!finished.wait(20000)) {
        qWarning("the request did not finish");
        return false;
    }
    return succeeded.count() == 1;
}

bool readList(GitHub::Client &client, const QString &path)
{
    GitHub::PageStream stream(&client, client.endpoint(path));
    QSignalSpy finished(&stream, &GitHub::PageStream::finished);
    QSignalSpy failed(&stream, &GitHub::PageStream::failed);
    stream.start();
    return QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 30000) &&
           failed.isEmpty();
}

GitHub::RequestLogEntry entryOf(PointCharge charge, int status = 200)
{
    GitHub::RequestLogEntry entry;
    entry.status = status;
    entry.resource = u"core"_s;
    entry.endpoint = u"/users/{username}"_s;
    entry.identity = "someone";
    entry.charge = charge;
    return entry;
}

GitHub::RateLimit limitOf(int used, const QDateTime &reset, int limit = 5000)
{
    return {u"core"_s, limit, limit - used, used, reset};
}

} // namespace

class TestRateLimitLedger final : public QObject
{
    Q_OBJECT

private slots:
    void endpointTemplate_namesTheEndpointNeverTheNames_data();
    void endpointTemplate_namesTheEndpointNeverTheNames();
    void pointCharge_followsWhatGitHubCounts_data();
    void pointCharge_followsWhatGitHubCounts();
    void spend_ofAClientsRequests_sumsToThePointsTheServerCounted();
    void samples_onePerSlotAndTheySurviveARestart();
    void prune_dropsWhatIsOlderThanAWeek();
    void spend_inAWindowOnlyThatWindows();
    void projection_atAFastPaceSaysWhenAndAtASlowOneNothing();
};

void TestRateLimitLedger::endpointTemplate_namesTheEndpointNeverTheNames_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("user") << u"/users/octocat"_s << u"/users/{username}"_s;
    QTest::newRow("user repos") << u"/users/octocat/repos"_s << u"/users/{username}/repos"_s;
    QTest::newRow("org repos") << u"/orgs/megacorp/repos"_s << u"/orgs/{org}/repos"_s;
    QTest::newRow("pulls") << u"/repos/octocat/Hello-World/pulls"_s << u"/repos/{owner}/{repo}/pulls"_s;
    QTest::newRow("a pull") << u"/repos/o/r/pulls/1347"_s << u"/repos/{owner}/{repo}/pulls/{pull_number}"_s;
    QTest::newRow("starred before an id") << u"/gists/starred"_s << u"/gists/starred"_s;
    QTest::newRow("gist") << u"/gists/aa5a315d61ae9438b18d"_s << u"/gists/{gist_id}"_s;
    QTest::newRow("revision") << u"/gists/aa5a315d/57a7f021a713b1c5a6a199b54cc514735d2d462f"_s
                              << u"/gists/{gist_id}/{sha}"_s;
    QTest::newRow("a repository named like a collection")
        << u"/repos/octocat/pulls"_s << u"/repos/{owner}/{repo}"_s;
    QTest::newRow("unknown keeps collections")
        << u"/repos/octocat/secret-plan/issues/7/reactions"_s << u"/repos/{…}/{…}/issues/{…}/{…}"_s;
    QTest::newRow("query dropped") << u"/users/octocat/gists?per_page=100&page=3"_s
                                   << u"/users/{username}/gists"_s;
    QTest::newRow("root") << u"/"_s << u"/"_s;
}

void TestRateLimitLedger::endpointTemplate_namesTheEndpointNeverTheNames()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(GitHub::endpointTemplateOf(path), expected);
}

void TestRateLimitLedger::pointCharge_followsWhatGitHubCounts_data()
{
    QTest::addColumn<bool>("counted");
    QTest::addColumn<int>("status");
    QTest::addColumn<CacheOutcome>("outcome");
    QTest::addColumn<bool>("authorized");
    QTest::addColumn<bool>("refused");
    QTest::addColumn<PointCharge>("expected");
    QTest::newRow("200") << true << 200 << CacheOutcome::Miss << true << false << PointCharge::Spent;
    QTest::newRow("404") << true << 404 << CacheOutcome::Uncached << true << false << PointCharge::Spent;
    QTest::newRow("304 with a token")
        << true << 304 << CacheOutcome::Revalidated << true << false << PointCharge::Saved;
    QTest::newRow("304 anonymous") << true << 304 << CacheOutcome::Revalidated << false << false
                                   << PointCharge::Spent;
    QTest::newRow("fresh") << true << 0 << CacheOutcome::Fresh << true << false << PointCharge::Saved;
    QTest::newRow("no answer") << true << 0 << CacheOutcome::Uncached << true << false << PointCharge::None;
    QTest::newRow("spent limit") << true << 403 << CacheOutcome::Uncached << true << true
                                 << PointCharge::None;
    QTest::newRow("rate_limit or avatars")
        << false << 200 << CacheOutcome::Uncached << true << false << PointCharge::None;
}

void TestRateLimitLedger::pointCharge_followsWhatGitHubCounts()
{
    QFETCH(bool, counted);
    QFETCH(int, status);
    QFETCH(CacheOutcome, outcome);
    QFETCH(bool, authorized);
    QFETCH(bool, refused);
    QFETCH(PointCharge, expected);
    QCOMPARE(GitHub::pointChargeOf(counted, status, outcome, authorized, refused), expected);
}

// A list, a detail twice (the second fresh), a revalidation, a miss, /rate_limit and a 404: what
// the ledger says each endpoint spent is what the fake counted for its paths, and GitHub's `used`.
void TestRateLimitLedger::spend_ofAClientsRequests_sumsToThePointsTheServerCounted()
{
    FakeGitHub::Server fake;
    QVERIFY(fake.listen());
    QTemporaryDir home;
    Cache::EtagCache cache(home.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    QNetworkAccessManager network;
    GitHub::Client client(&network, &cache, fake.apiUrl());
    client.setToken(FakeGitHub::Tokens::Octocat);
    RateLimits::Ledger ledger(&cache, u"test"_s);
    ledger.track(&client);

    QVERIFY(readList(client, u"/orgs/megacorp/repos"_s));
    QVERIFY(get(client, u"/users/octocat"_s));
    QVERIFY(get(client, u"/users/octocat"_s)); // fresh: saved
    GitHub::RequestOptions revalidate;
    revalidate.revalidate = true;
    QVERIFY(get(client, u"/users/octocat"_s, revalidate));  // 304 with a token: saved
    QVERIFY(!get(client, u"/users/nobody-of-that-name"_s)); // 404: spent
    QVERIFY(get(client, u"/rate_limit"_s));                 // free

    QHash<QString, qint64> counted;
    const QHash<QString, QString> templateOf = {{u"/orgs/megacorp/repos"_s, u"/orgs/{org}/repos"_s},
                                                {u"/users/octocat"_s, u"/users/{username}"_s},
                                                {u"/users/nobody-of-that-name"_s, u"/users/{username}"_s}};
    for (const FakeGitHub::LoggedRequest &request : fake.requestLog()) {
        if (request.spentPoint) {
            QVERIFY2(templateOf.contains(request.path), qPrintable(request.path));
            counted[templateOf.value(request.path)] += 1;
        }
    }
    const RateLimits::Window window = ledger.currentWindow(client.identity(), u"core"_s);
    QVERIFY(window.isKnown());
    QHash<QString, qint64> recorded;
    QHash<QString, qint64> saved;
    for (const RateLimits::Spend &spend : window.spend) {
        recorded[spend.endpoint] += spend.points;
        saved[spend.endpoint] += spend.saved;
        QCOMPARE(spend.origin, u"test"_s);
    }
    QCOMPARE(recorded, counted);
    QCOMPARE(saved.value(u"/users/{username}"_s), 2);
    QCOMPARE(window.points(), qint64(fake.pointsUsed(u"octocat"_s)));
    QCOMPARE(window.used, fake.pointsUsed(u"octocat"_s));
    QCOMPARE(window.remaining, window.limit - window.used);
}

void TestRateLimitLedger::samples_onePerSlotAndTheySurviveARestart()
{
    QTemporaryDir home;
    QDateTime now = QDateTime(QDate(2026, 12, 7), QTime(14, 0, 0), Qt::UTC);
    const QDateTime reset = now.addSecs(3600);
    QString firstSession;
    {
        Cache::EtagCache cache(home.filePath(u"cache.sqlite"_s));
        QVERIFY(cache.open());
        RateLimits::Ledger ledger(&cache, u"window"_s);
        ledger.setClock([&now] { return now; });
        firstSession = ledger.session();
        // Five answers within one slot of ten seconds: one sample, the last.
        for (int used = 1; used <= 5; ++used) {
            ledger.record(entryOf(PointCharge::Spent), limitOf(used, reset));
            now = now.addSecs(1);
        }
        now = now.addSecs(RateLimits::Ledger::SampleSpacingSeconds);
        ledger.record(entryOf(PointCharge::Spent), limitOf(6, reset));
        ledger.record(entryOf(PointCharge::Saved, 0), limitOf(6, reset)); // no answer: no sample
    }                                                                     // flushed as it goes
    Cache::EtagCache cache(home.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    RateLimits::Ledger later(&cache, u"hubshelf export"_s);
    later.setClock([&now] { return now; });
    QVERIFY(later.session() != firstSession);
    const QList<RateLimits::Sample> samples = later.samples("someone", now.addDays(-1));
    QCOMPARE(samples.size(), 2);
    QCOMPARE(samples.at(0).used, 5);
    QCOMPARE(samples.at(0).remaining, 4995);
    QCOMPARE(samples.at(0).reset, reset);
    QCOMPARE(samples.at(0).session, firstSession);
    QCOMPARE(samples.at(1).used, 6);
    QVERIFY(later.samples("someone else", now.addDays(-1)).isEmpty());
    const RateLimits::Window window = later.currentWindow("someone", u"core"_s);
    QCOMPARE(window.points(), 6);
    QCOMPARE(window.saved(), 1);
    QCOMPARE(window.requests(), 7);
    QCOMPARE(window.used, 6);
}

void TestRateLimitLedger::prune_dropsWhatIsOlderThanAWeek()
{
    QTemporaryDir home;
    Cache::EtagCache cache(home.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    QDateTime now = QDateTime(QDate(2026, 11, 1), QTime(9, 0, 0), Qt::UTC);
    RateLimits::Ledger ledger(&cache, u"window"_s);
    ledger.setClock([&now] { return now; });
    ledger.record(entryOf(PointCharge::Spent), limitOf(1, now.addSecs(3600)));
    QVERIFY(ledger.flush());
    const QDateTime old = now;
    now = now.addDays(RateLimits::Ledger::KeepDays).addSecs(2 * 3600);
    ledger.record(entryOf(PointCharge::Spent), limitOf(1, now.addSecs(3600)));
    QVERIFY(ledger.flush());
    const QList<RateLimits::Sample> samples = ledger.samples("someone", old.addDays(-1));
    QCOMPARE(samples.size(), 1);
    QCOMPARE(samples.constFirst().at, now);
}

// The spend of a window that has reset is not the spend of the next.
void TestRateLimitLedger::spend_inAWindowOnlyThatWindows()
{
    QTemporaryDir home;
    Cache::EtagCache cache(home.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    QDateTime now = QDateTime(QDate(2026, 12, 7), QTime(9, 0, 0), Qt::UTC);
    RateLimits::Ledger ledger(&cache, u"window"_s);
    ledger.setClock([&now] { return now; });
    for (int used = 1; used <= 3; ++used) {
        ledger.record(entryOf(PointCharge::Spent), limitOf(used, now.addSecs(600)));
    }
    now = now.addSecs(700);
    QVERIFY(!ledger.currentWindow("someone", u"core"_s).isKnown());
    ledger.record(entryOf(PointCharge::Spent), limitOf(1, now.addSecs(3600)));
    const RateLimits::Window window = ledger.currentWindow("someone", u"core"_s);
    QCOMPARE(window.reset, now.addSecs(3600));
    QCOMPARE(window.points(), 1);
}

void TestRateLimitLedger::projection_atAFastPaceSaysWhenAndAtASlowOneNothing()
{
    const QDateTime start = QDateTime(QDate(2026, 12, 7), QTime(14, 0, 0), Qt::UTC);
    const QDateTime reset = start.addSecs(31 * 60);
    const auto samplesAt = [&](int usedPerMinute) {
        QList<RateLimits::Sample> samples;
        for (int minute = 0; minute <= 5; ++minute) {
            const int used = 4000 + minute * usedPerMinute;
            samples.append({u"core"_s, start.addSecs(minute * 60), 5000, 5000 - used, used, reset, {}});
        }
        return samples;
    };
    const QDateTime now = start.addSecs(5 * 60);
    // 100 a minute, 500 left after minute 5: out at minute 10, before the reset at 31.
    const std::optional<RateLimits::Projection> fast =
        RateLimits::projectExhaustion(samplesAt(100), u"core"_s, now);
    QVERIFY(fast);
    QCOMPARE(fast->runsOutAt, start.addSecs(10 * 60));
    QCOMPARE(fast->reset, reset);
    const QString sentence = RateLimits::projectionSentence(*fast);
    QVERIFY2(sentence.contains(start.addSecs(600).toLocalTime().toString(u"HH:mm"_s)), qPrintable(sentence));
    QVERIFY2(sentence.contains(reset.toLocalTime().toString(u"HH:mm"_s)), qPrintable(sentence));
    QVERIFY(sentence.contains(u"core"_s));
    // 10 a minute: 950 left last 95 minutes, past the reset.
    QVERIFY(!RateLimits::projectExhaustion(samplesAt(10), u"core"_s, now));
    // No pace at all, another resource, a window already past.
    QVERIFY(!RateLimits::projectExhaustion(samplesAt(0), u"core"_s, now));
    QVERIFY(!RateLimits::projectExhaustion(samplesAt(100), u"search"_s, now));
    QVERIFY(!RateLimits::projectExhaustion(samplesAt(100), u"core"_s, reset.addSecs(1)));
}

QTEST_GUILESS_MAIN(TestRateLimitLedger)
#include "test_ratelimitledger.moc"
