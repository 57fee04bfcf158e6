// GitHub::RequestQueue: the in-flight cap, per-resource holds until a primary limit resets and the
// secondary-limit pause, on a clock the test moves. No sockets: the items are plain QObjects.

#include "github/ratelimittracker.h"
#include "github/requestqueue.h"

#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Hubshelf::GitHub;
using Scope = RequestQueue::Scope;

namespace {

bool live(const QObject *)
{
    return true;
}

QList<QObject *> sent(const RequestQueue::Turn &turn)
{
    QList<QObject *> items;
    for (const QPointer<QObject> &item : turn.send) {
        items.append(item.data());
    }
    return items;
}

} // namespace

class TestRequestQueue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void cap_keepsAtMostMaxConcurrentInFlight_data();
    void cap_keepsAtMostMaxConcurrentInFlight();
    void cap_isClampedToOneToEight_data();
    void cap_isClampedToOneToEight();
    void front_goesBeforeTheOthers();
    void goneOrAbandonedItems_areDroppedUnsent();
    void spentResource_isHeldUntilASecondAfterItsReset();
    void spentResource_letsRateLimitOtherOriginsAndOtherResourcesPass();
    void spentResource_refusesWhatMustNotWait();
    void hold_isAnnouncedOncePerWait();
    void hold_errorCarriesWhatTheRequesterIsTold();
    void wakeInterval_isAtLeastAMillisecondAndAtMostADay_data();
    void wakeInterval_isAtLeastAMillisecondAndAtMostADay();
    void holdFrom403_withoutReset_waitsAMinute();
    void holdFrom403_neverLessThanASecond();
    void clearHolds_letsANewAccountGoAtOnce();
    void secondaryPause_retryAfterThenSixtyThenDoubling();
    void secondaryPause_aBurstPausesOnce();
    void secondaryPause_holdsTheApiButNotOtherOrigins();
    void calm_startsThePausesAfresh();
    void meet_primaryHoldsTheNamedResourceAndBoundsTheWaits();
    void meet_secondaryPausesTheApiAndBoundsThePauses();
    void meet_refusesAWaitBeyondTheLongest();
    void limitHit_readsWhatA403Says_data();
    void limitHit_readsWhatA403Says();

private:
    void spend(const QString &resource, const QDateTime &reset);
    QObject *item();

    QDateTime m_now;
    std::unique_ptr<RateLimitTracker> m_limits;
    std::unique_ptr<RequestQueue> m_queue;
    std::vector<std::unique_ptr<QObject>> m_items;
};

void TestRequestQueue::init()
{
    m_now = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
    m_limits = std::make_unique<RateLimitTracker>();
    m_limits->setClock([this] { return m_now; });
    m_queue = std::make_unique<RequestQueue>(*m_limits);
    m_items.clear();
}

QObject *TestRequestQueue::item()
{
    m_items.push_back(std::make_unique<QObject>());
    return m_items.back().get();
}

void TestRequestQueue::spend(const QString &resource, const QDateTime &reset)
{
    m_limits->updateFromHeaders({{"x-ratelimit-limit", "60"},
                                 {"x-ratelimit-remaining", "0"},
                                 {"x-ratelimit-reset", QByteArray::number(reset.toSecsSinceEpoch())},
                                 {"x-ratelimit-resource", resource.toLatin1()}});
}

void TestRequestQueue::cap_keepsAtMostMaxConcurrentInFlight_data()
{
    QTest::addColumn<int>("cap");
    QTest::newRow("default") << RequestQueue::DefaultMaxConcurrent;
    QTest::newRow("one") << 1;
    QTest::newRow("eight") << 8;
}

void TestRequestQueue::cap_keepsAtMostMaxConcurrentInFlight()
{
    QFETCH(int, cap);
    m_queue->setMaxConcurrent(cap);
    QList<QObject *> items;
    for (int i = 0; i < 10; ++i) {
        items.append(item());
        m_queue->enqueue(items.last(), Scope::Api, u"core"_s, true);
    }
    QCOMPARE(sent(m_queue->take(live)), items.mid(0, cap));
    QCOMPARE(m_queue->inFlight(), cap);
    QVERIFY(m_queue->take(live).send.empty()); // full
    m_queue->release();
    QCOMPARE(sent(m_queue->take(live)), items.mid(cap, 1)); // one answer, one more goes, in order
    QCOMPARE(m_queue->size(), 10 - cap - 1);
}

void TestRequestQueue::cap_isClampedToOneToEight_data()
{
    QTest::addColumn<int>("asked");
    QTest::addColumn<int>("cap");
    QTest::newRow("0") << 0 << 1;
    QTest::newRow("-3") << -3 << 1;
    QTest::newRow("5") << 5 << 5;
    QTest::newRow("100") << 100 << 8;
}

void TestRequestQueue::cap_isClampedToOneToEight()
{
    QFETCH(int, asked);
    QFETCH(int, cap);
    m_queue->setMaxConcurrent(asked);
    QCOMPARE(m_queue->maxConcurrent(), cap);
}

void TestRequestQueue::front_goesBeforeTheOthers()
{
    m_queue->setMaxConcurrent(1);
    QObject *first = item();
    QObject *retried = item();
    m_queue->enqueue(first, Scope::Api, u"core"_s, true);
    m_queue->enqueue(retried, Scope::Api, u"core"_s, true, true);
    QCOMPARE(sent(m_queue->take(live)), QList<QObject *>{retried});
}

void TestRequestQueue::goneOrAbandonedItems_areDroppedUnsent()
{
    QObject *abandoned = item();
    auto gone = std::make_unique<QObject>();
    QObject *kept = item();
    m_queue->enqueue(gone.get(), Scope::Api, u"core"_s, true);
    m_queue->enqueue(abandoned, Scope::Api, u"core"_s, true);
    m_queue->enqueue(kept, Scope::Api, u"core"_s, true);
    gone.reset();
    const RequestQueue::Turn turn = m_queue->take([abandoned](const QObject *o) { return o != abandoned; });
    QCOMPARE(sent(turn), QList<QObject *>{kept});
    QCOMPARE(m_queue->inFlight(), 1); // the dropped ones took no slot
    QCOMPARE(m_queue->size(), 0);
}

void TestRequestQueue::spentResource_isHeldUntilASecondAfterItsReset()
{
    const QDateTime reset = m_now.addSecs(3600);
    spend(u"core"_s, reset);
    QObject *held = item();
    m_queue->enqueue(held, Scope::Api, u"core"_s, true);
    RequestQueue::Turn turn = m_queue->take(live);
    QVERIFY(turn.send.empty());
    QCOMPARE(turn.wakeAt, reset.addSecs(1));
    QCOMPARE(m_queue->holdOf(u"core"_s), reset.addSecs(1));

    m_now = reset.addSecs(-1);
    QVERIFY(m_queue->take(live).send.empty());
    m_now = reset.addSecs(1);
    QCOMPARE(sent(m_queue->take(live)), QList<QObject *>{held});
    QVERIFY(!m_queue->holdOf(u"core"_s).isValid());
}

void TestRequestQueue::spentResource_letsRateLimitOtherOriginsAndOtherResourcesPass()
{
    spend(u"core"_s, m_now.addSecs(600));
    QObject *core = item();
    QObject *rateLimit = item();
    QObject *avatar = item();
    QObject *search = item();
    m_queue->enqueue(core, Scope::Api, u"core"_s, true);
    m_queue->enqueue(rateLimit, Scope::RateLimit, u"core"_s, true);
    m_queue->enqueue(avatar, Scope::OtherOrigin, u"core"_s, true);
    m_queue->enqueue(search, Scope::Api, u"search"_s, true);
    QCOMPARE(sent(m_queue->take(live)), (QList<QObject *>{rateLimit, avatar, search}));
    QCOMPARE(m_queue->size(), 1);
}

void TestRequestQueue::spentResource_refusesWhatMustNotWait()
{
    const QDateTime reset = m_now.addSecs(600);
    spend(u"core"_s, reset);
    QObject *noWait = item();
    m_queue->enqueue(noWait, Scope::Api, u"core"_s, false);
    const RequestQueue::Turn turn = m_queue->take(live);
    QVERIFY(turn.send.empty());
    QCOMPARE(turn.refused.size(), size_t(1));
    QCOMPARE(turn.refused.front().first.data(), noWait);
    QCOMPARE(turn.refused.front().second.resource, u"core"_s);
    QCOMPARE(turn.refused.front().second.until, reset.addSecs(1));
    QVERIFY(turn.announced.empty());
    QCOMPARE(m_queue->size(), 0);
}

void TestRequestQueue::hold_isAnnouncedOncePerWait()
{
    const QDateTime reset = m_now.addSecs(600);
    spend(u"core"_s, reset);
    m_queue->enqueue(item(), Scope::Api, u"core"_s, true);
    m_queue->enqueue(item(), Scope::Api, u"core"_s, true);
    RequestQueue::Turn turn = m_queue->take(live);
    QCOMPARE(turn.announced.size(), size_t(1));
    QCOMPARE(turn.announced.front().resource, u"core"_s);
    QCOMPARE(turn.announced.front().until, reset.addSecs(1));
    QVERIFY(m_queue->take(live).announced.empty());
    // A later reset is a new wait.
    spend(u"core"_s, reset.addSecs(60));
    QCOMPARE(m_queue->take(live).announced.size(), size_t(1));
}

void TestRequestQueue::holdFrom403_withoutReset_waitsAMinute()
{
    const QDateTime until = m_queue->holdUntilReset(u"core"_s, {});
    QCOMPARE(until, m_now.addSecs(RequestQueue::UnknownResetWaitSeconds));
    QCOMPARE(m_queue->holdOf(u"core"_s), until);
    QVERIFY(!m_queue->holdOf(u"search"_s).isValid());
}

void TestRequestQueue::holdFrom403_neverLessThanASecond()
{
    // The server's clock may be behind ours: its reset can already be past here.
    QCOMPARE(m_queue->holdUntilReset(u"core"_s, m_now.addSecs(-30)), m_now.addSecs(1));
    QCOMPARE(m_queue->holdUntilReset(u"core"_s, m_now.addSecs(30)), m_now.addSecs(31));
    // An earlier reset never shortens a hold.
    m_queue->holdUntilReset(u"core"_s, m_now.addSecs(5));
    QCOMPARE(m_queue->holdOf(u"core"_s), m_now.addSecs(31));
}

void TestRequestQueue::clearHolds_letsANewAccountGoAtOnce()
{
    m_queue->holdUntilReset(u"core"_s, m_now.addSecs(600));
    QObject *held = item();
    m_queue->enqueue(held, Scope::Api, u"core"_s, true);
    QVERIFY(m_queue->take(live).send.empty());
    m_queue->clearHolds();
    QCOMPARE(sent(m_queue->take(live)), QList<QObject *>{held});
}

void TestRequestQueue::secondaryPause_retryAfterThenSixtyThenDoubling()
{
    QCOMPARE(m_queue->pause(m_now, 7), std::optional<int>(7));
    QVERIFY(m_queue->isPaused());
    QCOMPARE(m_queue->lastPauseSeconds(), 7);
    m_now = m_now.addSecs(8);
    QVERIFY(!m_queue->isPaused());
    QCOMPARE(m_queue->pause(m_now, std::nullopt), std::optional<int>(14)); // it repeats: twice the last
    m_now = m_now.addSecs(15);
    QCOMPARE(m_queue->pause(m_now, std::nullopt), std::optional<int>(28));

    RateLimitTracker limits;
    RequestQueue fresh(limits);
    QCOMPARE(fresh.pause(limits.now(), std::nullopt),
             std::optional<int>(RequestQueue::DefaultSecondaryPauseSeconds));
}

void TestRequestQueue::secondaryPause_aBurstPausesOnce()
{
    const QDateTime sent = m_now;
    m_now = m_now.addMSecs(200);
    QCOMPARE(m_queue->pause(sent, std::nullopt), std::optional<int>(60));
    m_now = m_now.addMSecs(10);
    // Sent before the pause began: the same burst, which waits with it.
    QCOMPARE(m_queue->pause(sent, std::nullopt), std::nullopt);
    QCOMPARE(m_queue->pause(sent.addMSecs(100), std::nullopt), std::nullopt);
    QCOMPARE(m_queue->lastPauseSeconds(), 60);
}

void TestRequestQueue::secondaryPause_holdsTheApiButNotOtherOrigins()
{
    m_queue->pause(m_now, 30);
    QObject *api = item();
    QObject *rateLimit = item();
    QObject *avatar = item();
    m_queue->enqueue(api, Scope::Api, u"core"_s, true);
    m_queue->enqueue(rateLimit, Scope::RateLimit, u"core"_s, true);
    m_queue->enqueue(avatar, Scope::OtherOrigin, u"core"_s, true);
    RequestQueue::Turn turn = m_queue->take(live);
    QCOMPARE(sent(turn), QList<QObject *>{avatar});
    QCOMPARE(turn.wakeAt, m_now.addSecs(30));
    m_now = m_now.addSecs(30);
    QCOMPARE(sent(m_queue->take(live)), (QList<QObject *>{api, rateLimit}));
}

void TestRequestQueue::calm_startsThePausesAfresh()
{
    m_queue->pause(m_now, 10);
    m_now = m_now.addSecs(11);
    m_queue->calm();
    QCOMPARE(m_queue->lastPauseSeconds(), 0);
    QCOMPARE(m_queue->pause(m_now, std::nullopt), std::optional<int>(60));
}

void TestRequestQueue::meet_primaryHoldsTheNamedResourceAndBoundsTheWaits()
{
    RequestQueue::LimitHit hit;
    hit.kind = RequestQueue::LimitHit::Kind::Primary;
    hit.resource = u"search"_s;
    hit.reset = m_now.addSecs(30);
    LimitWaits waits;
    for (int i = 1; i <= RequestQueue::MaxPrimaryWaits; ++i) {
        const RequestQueue::LimitWait wait = m_queue->meet(hit, u"core"_s, m_now, true, waits);
        QVERIFY(wait.waits);
        QCOMPARE(wait.hold.resource, u"search"_s); // the 403's own word over the URL's guess
        QCOMPARE(wait.hold.until, m_now.addSecs(31));
        QVERIFY(!wait.hold.secondary);
        QCOMPARE(waits.primary, i);
    }
    QCOMPARE(m_queue->holdOf(u"search"_s), m_now.addSecs(31));
    QVERIFY(!m_queue->holdOf(u"core"_s).isValid());
    // A limit that keeps coming back is not waited out again.
    QVERIFY(!m_queue->meet(hit, u"core"_s, m_now, true, waits).waits);

    hit.resource.clear();
    LimitWaits unwilling;
    const RequestQueue::LimitWait refused = m_queue->meet(hit, u"core"_s, m_now, false, unwilling);
    QVERIFY(!refused.waits);
    QCOMPARE(refused.hold.resource, u"core"_s);
    QCOMPARE(unwilling.primary, 0);
}

void TestRequestQueue::meet_secondaryPausesTheApiAndBoundsThePauses()
{
    RequestQueue::LimitHit hit;
    hit.kind = RequestQueue::LimitHit::Kind::Secondary;
    hit.retryAfter = 20;
    LimitWaits waits;
    const RequestQueue::LimitWait first = m_queue->meet(hit, u"core"_s, m_now, true, waits);
    QVERIFY(first.waits);
    QVERIFY(first.hold.secondary);
    QCOMPARE(first.newPauseSeconds, std::optional<int>(20));
    QCOMPARE(first.hold.until, m_now.addSecs(20));
    QCOMPARE(first.hold.retryAfterSeconds, 20);
    QVERIFY(m_queue->isPaused());
    for (int i = 2; i <= RequestQueue::MaxSecondaryPauses; ++i) {
        m_now = m_now.addSecs(21);
        QVERIFY(m_queue->meet(hit, u"core"_s, m_now, true, waits).waits);
    }
    m_now = m_now.addSecs(21);
    const RequestQueue::LimitWait last = m_queue->meet(hit, u"core"_s, m_now, true, waits);
    QVERIFY(!last.waits);
    QVERIFY(m_queue->isPaused()); // the pause is GitHub's word for the API, waited out or not
}

void TestRequestQueue::meet_refusesAWaitBeyondTheLongest()
{
    RequestQueue::LimitHit primary;
    primary.kind = RequestQueue::LimitHit::Kind::Primary;
    primary.reset = m_now.addSecs(RequestQueue::MaxPrimaryWaitSeconds + 60);
    LimitWaits waits;
    const RequestQueue::LimitWait far = m_queue->meet(primary, u"core"_s, m_now, true, waits);
    QVERIFY(!far.waits);
    QCOMPARE(far.hold.until, primary.reset.addSecs(1)); // told when, so the caller can say it

    RequestQueue::LimitHit secondary;
    secondary.kind = RequestQueue::LimitHit::Kind::Secondary;
    secondary.retryAfter = RequestQueue::MaxSecondaryWaitSeconds + 1;
    const RequestQueue::LimitWait longPause = m_queue->meet(secondary, u"core"_s, m_now, true, waits);
    QVERIFY(!longPause.waits);
    QCOMPARE(longPause.hold.retryAfterSeconds, RequestQueue::MaxSecondaryWaitSeconds + 1);
}

void TestRequestQueue::limitHit_readsWhatA403Says_data()
{
    using Kind = RequestQueue::LimitHit::Kind;
    QTest::addColumn<RawHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<qint64>("reset");
    QTest::addColumn<int>("retryAfter"); // -1: none
    const QByteArray forbidden = R"({"message":"Resource not accessible by integration"})";
    QTest::newRow("primary") << RawHeaders{{"x-ratelimit-remaining", "0"},
                                           {"x-ratelimit-reset", "1893456000"},
                                           {"x-ratelimit-resource", "search"}}
                             << forbidden << int(Kind::Primary) << u"search"_s << qint64(1893456000) << -1;
    QTest::newRow("primary, nothing named") << RawHeaders{{"X-RateLimit-Remaining", "0"}} << QByteArray()
                                            << int(Kind::Primary) << QString() << qint64(-1) << -1;
    QTest::newRow("retry-after") << RawHeaders{{"Retry-After", "30"}, {"x-ratelimit-remaining", "0"}}
                                 << QByteArray() << int(Kind::Secondary) << QString() << qint64(-1) << 30;
    QTest::newRow("GitHub's message")
        << RawHeaders{{"x-ratelimit-remaining", "4000"}}
        << QByteArray(R"({"message":"You have exceeded a Secondary Rate Limit. Please wait."})")
        << int(Kind::Secondary) << QString() << qint64(-1) << -1;
    QTest::newRow("plain refusal") << RawHeaders{{"x-ratelimit-remaining", "4000"}} << forbidden
                                   << int(Kind::None) << QString() << qint64(-1) << -1;
}

void TestRequestQueue::limitHit_readsWhatA403Says()
{
    QFETCH(RawHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, resource);
    QFETCH(qint64, reset);
    QFETCH(int, retryAfter);
    const RequestQueue::LimitHit hit = RequestQueue::limitHitOf(headers, body);
    QCOMPARE(int(hit.kind), kind);
    QCOMPARE(hit.resource, resource);
    QCOMPARE(hit.reset.isValid() ? hit.reset.toSecsSinceEpoch() : -1, reset);
    QCOMPARE(hit.retryAfter.value_or(-1), retryAfter);
}

void TestRequestQueue::hold_errorCarriesWhatTheRequesterIsTold()
{
    const QUrl url(u"https://api.github.com/users/octocat"_s);
    const RequestQueue::Hold primary{u"search"_s, m_now.addSecs(600), false, 0};
    const Error spent = primary.errorFor(url, m_now, 403, R"({"message":"API rate limit exceeded"})");
    QCOMPARE(spent.kind, Error::Kind::RateLimited);
    QCOMPARE(spent.resource, u"search"_s);
    QCOMPARE(spent.resetAt, m_now.addSecs(600));
    QCOMPARE(spent.observedAt, m_now);
    QCOMPARE(spent.httpStatus, 403);

    const RequestQueue::Hold secondary{{}, m_now.addSecs(60), true, 60};
    const Error paused = secondary.errorFor(url, m_now);
    QCOMPARE(paused.kind, Error::Kind::SecondaryRateLimited);
    QCOMPARE(paused.retryAfterSeconds, 60);
}

void TestRequestQueue::wakeInterval_isAtLeastAMillisecondAndAtMostADay_data()
{
    QTest::addColumn<qint64>("aheadMs");
    QTest::addColumn<int>("interval");
    QTest::newRow("in 2.5 s") << qint64(2500) << 2500;
    QTest::newRow("already past") << qint64(-5000) << 1;
    QTest::newRow("now") << qint64(0) << 1;
    QTest::newRow("30 days ahead") << qint64(30) * 24 * 3600 * 1000 << 24 * 3600 * 1000;
}

void TestRequestQueue::wakeInterval_isAtLeastAMillisecondAndAtMostADay()
{
    QFETCH(qint64, aheadMs);
    QFETCH(int, interval);
    RequestQueue::Turn turn;
    turn.wakeAt = m_now.addMSecs(aheadMs);
    QCOMPARE(turn.wakeInterval(m_now), interval);
}

QTEST_GUILESS_MAIN(TestRequestQueue)
#include "test_requestqueue.moc"
