// What the rate-limit dialog shows of the past: the ledger's samples and spend of every process,
// or, without a cache database, the session's samples from the client's tracker.

#include "cache/etagcache.h"
#include "github/client.h"
#include "github/ratelimittracker.h"
#include "github/request.h"
#include "models/lowlimitwatch.h"
#include "models/ratelimithistory.h"
#include "models/roles.h"
#include "models/spendmodel.h"
#include "ratelimits/ledger.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Hubshelf;
using GitHub::RateLimitTracker;
using Models::RateLimitHistory;

namespace {

const QDateTime Start = QDateTime(QDate(2026, 12, 4), QTime(12, 0), Qt::UTC);

RateLimitTracker::Headers headers(const QByteArray &resource, int remaining, int limit = 5000,
                                  const QDateTime &reset = Start.addSecs(3600))
{
    return {{"x-ratelimit-limit", QByteArray::number(limit)},
            {"x-ratelimit-remaining", QByteArray::number(remaining)},
            {"x-ratelimit-used", QByteArray::number(limit - remaining)},
            {"x-ratelimit-reset", QByteArray::number(reset.toSecsSinceEpoch())},
            {"x-ratelimit-resource", resource}};
}

GitHub::RequestLogEntry spent(const QByteArray &identity, const QString &endpoint)
{
    GitHub::RequestLogEntry entry;
    entry.status = 200;
    entry.resource = u"core"_s;
    entry.endpoint = endpoint;
    entry.identity = identity;
    entry.charge = GitHub::PointCharge::Spent;
    return entry;
}

} // namespace

class TestRateLimitHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutALedger_theSessionsSamplesOfEveryResource();
    void withALedger_everyProcesssSamplesOfTheLastDayAndTheWindowsSpend();
    void ledgerWrites_reloadOnlyWhileWatched();
    void lowLimit_saidOncePerWindow();
};

void TestRateLimitHistory::withoutALedger_theSessionsSamplesOfEveryResource()
{
    QNetworkAccessManager network;
    GitHub::Client client(&network, nullptr, QUrl(u"http://127.0.0.1:9"_s));
    QDateTime now = Start;
    client.setClock([&now] { return now; });
    client.rateLimits()->updateFromHeaders(headers("core", 4321)); // known beforehand: the first sample
    RateLimitHistory history(nullptr, &client);
    history.setClock([&now] { return now; });
    QVERIFY(!history.isPersistent());
    QCOMPARE(history.samples(u"core"_s).size(), 1);
    now = now.addSecs(7);
    client.rateLimits()->updateFromHeaders(headers("search", 29, 30));
    client.rateLimits()->updateFromHeaders(headers("core", 4320));
    QCOMPARE(history.resources(), (QStringList{u"core"_s, u"search"_s}));
    const QList<RateLimits::Sample> core = history.samples(u"core"_s);
    QCOMPARE(core.size(), 2);
    QCOMPARE(core.at(1).remaining, 4320);
    QCOMPARE(core.at(1).at, Start.addSecs(7));
    QCOMPARE(core.at(1).session, history.session());
    QCOMPARE(history.samples(u"search"_s).constFirst().limit, 30);
    QVERIFY(!history.window(u"core"_s).isKnown());
}

void TestRateLimitHistory::withALedger_everyProcesssSamplesOfTheLastDayAndTheWindowsSpend()
{
    QTemporaryDir home;
    Cache::EtagCache cache(home.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    QNetworkAccessManager network;
    GitHub::Client client(&network, &cache, QUrl(u"http://127.0.0.1:9"_s));
    client.setToken("ghp_fakeOctocatPrimary00000000000000000000");
    QDateTime now = Start.addDays(-2);
    const QByteArray me = client.identity();
    {
        RateLimits::Ledger yesterday(&cache, u"hubshelf export repos"_s);
        yesterday.setClock([&now] { return now; });
        yesterday.record(spent(me, u"/users/{username}/repos"_s),
                         {u"core"_s, 5000, 4999, 1, now.addSecs(3600)}); // two days ago: not shown
        now = Start.addSecs(-600);
        yesterday.record(spent(me, u"/orgs/{org}/repos"_s), {u"core"_s, 5000, 4990, 10, Start.addSecs(3000)});
        yesterday.record(spent("someone else", u"/orgs/{org}/repos"_s),
                         {u"core"_s, 5000, 10, 4990, Start.addSecs(3000)});
    }
    now = Start;
    RateLimits::Ledger ledger(&cache, u"window"_s);
    ledger.setClock([&now] { return now; });
    ledger.record(spent(me, u"/users/{username}"_s), {u"core"_s, 5000, 4989, 11, Start.addSecs(3000)});
    QVERIFY(ledger.flush());
    RateLimitHistory history(&ledger, &client);
    history.setClock([&now] { return now; });
    history.reload();
    QVERIFY(history.isPersistent());
    QCOMPARE(history.session(), ledger.session());
    const QList<RateLimits::Sample> samples = history.samples(u"core"_s);
    QCOMPARE(samples.size(), 2);
    QVERIFY(samples.at(0).session.startsWith(u"hubshelf export repos:"_s));
    QCOMPARE(samples.at(1).session, ledger.session());
    const RateLimits::Window window = history.window(u"core"_s);
    QCOMPARE(window.used, 11);
    QCOMPARE(window.points(), 2);

    Models::SpendModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWindow(window);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, Models::SpendModel::PointsColumn).data(Models::SortRole).toLongLong(), 1);
    const QSet<QString> endpoints = {model.index(0, 0).data().toString(),
                                     model.index(1, 0).data().toString()};
    QCOMPARE(endpoints, (QSet<QString>{u"/orgs/{org}/repos"_s, u"/users/{username}"_s}));
}

void TestRateLimitHistory::ledgerWrites_reloadOnlyWhileWatched()
{
    QTemporaryDir home;
    Cache::EtagCache cache(home.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    QNetworkAccessManager network;
    GitHub::Client client(&network, &cache, QUrl(u"http://127.0.0.1:9"_s));
    QDateTime now = Start;
    RateLimits::Ledger ledger(&cache, u"window"_s);
    ledger.setClock([&now] { return now; });
    RateLimitHistory history(&ledger, &client);
    history.setClock([&now] { return now; });
    QSignalSpy changed(&history, &RateLimitHistory::changed);
    ledger.record(spent(client.identity(), u"/user"_s), {u"core"_s, 5000, 4999, 1, Start.addSecs(3600)});
    QVERIFY(ledger.flush());
    QTest::qWait(400);
    QCOMPARE(changed.count(), 0); // nobody looks
    history.setWatched(true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(history.samples(u"core"_s).size(), 1);
    now = now.addSecs(60);
    ledger.record(spent(client.identity(), u"/user"_s), {u"core"_s, 5000, 4998, 2, Start.addSecs(3600)});
    QVERIFY(ledger.flush());
    QTRY_COMPARE(changed.count(), 2);
    QCOMPARE(history.samples(u"core"_s).size(), 2);
}

void TestRateLimitHistory::lowLimit_saidOncePerWindow()
{
    RateLimitTracker tracker;
    QDateTime now = Start;
    tracker.setClock([&now] { return now; });
    Models::LowLimitWatch watch(&tracker);
    QSignalSpy fell(&watch, &Models::LowLimitWatch::fellLow);
    tracker.updateFromHeaders(headers("core", 500)); // exactly a tenth: not yet
    QCOMPARE(fell.count(), 0);
    tracker.updateFromHeaders(headers("core", 499));
    tracker.updateFromHeaders(headers("core", 498));
    tracker.updateFromHeaders(headers("search", 2, 30));
    QCOMPARE(fell.count(), 2); // core once, search once
    const auto core = fell.at(0).at(0).value<GitHub::RateLimit>();
    QCOMPARE(core.remaining, 499);
    QVERIFY2(Models::LowLimitWatch::sentence(core).startsWith(u"core: 499 of 5,000 requests left"_s) ||
                 Models::LowLimitWatch::sentence(core).startsWith(u"core: 499 of 5000 requests left"_s),
             qPrintable(Models::LowLimitWatch::sentence(core)));
    now = Start.addSecs(3601); // the next window
    tracker.updateFromHeaders(headers("core", 400, 5000, Start.addSecs(7200)));
    QCOMPARE(fell.count(), 3);
    tracker.updateFromHeaders(headers("core", 4000, 5000, Start.addSecs(10800)));
    QCOMPARE(fell.count(), 3);
}

QTEST_GUILESS_MAIN(TestRateLimitHistory)
#include "test_ratelimithistory.moc"
