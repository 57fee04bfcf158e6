// The rate-limit samples without a window or a network: a tracker fed with GitHub's headers.

#include "github/ratelimittracker.h"
#include "models/ratelimithistory.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Hubshelf::GitHub::RateLimitTracker;
using Hubshelf::Models::RateLimitHistory;
using Hubshelf::Models::RateLimitSample;

namespace {

RateLimitTracker::Headers headers(const QByteArray &resource, int remaining, int limit = 5000)
{
    return {{"x-ratelimit-limit", QByteArray::number(limit)},
            {"x-ratelimit-remaining", QByteArray::number(remaining)},
            {"x-ratelimit-used", QByteArray::number(limit - remaining)},
            {"x-ratelimit-reset", "1893456000"},
            {"x-ratelimit-resource", resource}};
}

const QDateTime Start = QDateTime(QDate(2026, 12, 4), QTime(12, 0), Qt::UTC);

} // namespace

class TestRateLimitHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyChangeOfItsResource_isASample();
    void aLimitKnownBeforehand_isTheFirstSample();
    void oldestSamples_goFirstBeyondTheMaximum();
};

void TestRateLimitHistory::everyChangeOfItsResource_isASample()
{
    RateLimitTracker tracker;
    RateLimitHistory history(&tracker);
    QDateTime now = Start;
    history.setClock([&now] { return now; });
    QVERIFY(history.samples().isEmpty());
    QCOMPARE(history.limit(), -1);

    QList<int> droppedSeen;
    connect(&history, &RateLimitHistory::sampleAdded, this,
            [&droppedSeen](const RateLimitSample &, int dropped) { droppedSeen.append(dropped); });
    tracker.updateFromHeaders(headers("core", 4999));
    now = now.addSecs(7);
    tracker.updateFromHeaders(headers("search", 29, 30)); // another resource: not this chart's
    tracker.updateFromHeaders(headers("core", 4998));

    QCOMPARE(history.samples().size(), 2);
    QCOMPARE(history.samples().at(0).remaining, 4999);
    QCOMPARE(history.samples().at(0).at, Start);
    QCOMPARE(history.samples().at(1).remaining, 4998);
    QCOMPARE(history.samples().at(1).at, Start.addSecs(7));
    QCOMPARE(history.limit(), 5000);
    QCOMPARE(droppedSeen, (QList<int>{0, 0}));
}

void TestRateLimitHistory::aLimitKnownBeforehand_isTheFirstSample()
{
    RateLimitTracker tracker;
    tracker.updateFromHeaders(headers("core", 4321));
    RateLimitHistory history(&tracker);
    QCOMPARE(history.samples().size(), 1);
    QCOMPARE(history.samples().first().remaining, 4321);

    RateLimitHistory search(&tracker, u"search"_s);
    QVERIFY(search.samples().isEmpty());
    tracker.updateFromHeaders(headers("search", 9, 10));
    QCOMPARE(search.samples().size(), 1);
    QCOMPARE(search.limit(), 10);
}

void TestRateLimitHistory::oldestSamples_goFirstBeyondTheMaximum()
{
    RateLimitTracker tracker;
    RateLimitHistory history(&tracker);
    int dropped = 0;
    connect(&history, &RateLimitHistory::sampleAdded, this,
            [&dropped](const RateLimitSample &, int count) { dropped += count; });
    for (int i = 0; i < RateLimitHistory::MaxSamples + 5; ++i) {
        tracker.updateFromHeaders(headers("core", 5000 - i % 5000));
    }
    QCOMPARE(history.samples().size(), RateLimitHistory::MaxSamples);
    QCOMPARE(dropped, 5);
    QCOMPARE(history.samples().first().remaining, 5000 - 5);
}

QTEST_GUILESS_MAIN(TestRateLimitHistory)
#include "test_ratelimithistory.moc"
