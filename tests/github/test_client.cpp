// The GitHub client against the fake GitHub over real loopback, with a real SQLite cache file.

#include "cache/etagcache.h"
#include "fakegithub.h"
#include "github/apiorigin.h"
#include "github/client.h"
#include "github/pagestream.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Hubshelf;
using namespace Hubshelf::GitHub;
using FakeGitHub::Fault;
using FakeGitHub::LoggedRequest;

namespace {

QStringList capturedMessages;
QtMessageHandler previousHandler = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    capturedMessages.append(QString::fromLatin1(context.category ? context.category : "") + u' ' + message);
    if (type != QtDebugMsg && type != QtInfoMsg) {
        previousHandler(type, context, message);
    }
}

// Counts the replies the client asks for, whether or not a byte reaches the server.
class CountingNetwork final : public QNetworkAccessManager
{
public:
    int created = 0;

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *data) override
    {
        ++created;
        return QNetworkAccessManager::createRequest(operation, request, data);
    }
};

struct StreamOutcome
{
    bool finished = false;
    bool failed = false;
    Error error;
    int items = 0;
};

StreamOutcome runStream(PageStream &stream)
{
    auto outcome = std::make_shared<StreamOutcome>();
    QObject::connect(&stream, &PageStream::pageArrived, &stream,
                     [outcome](int, const QJsonArray &items) { outcome->items += int(items.size()); });
    QObject::connect(&stream, &PageStream::finished, &stream, [outcome] { outcome->finished = true; });
    QObject::connect(&stream, &PageStream::failed, &stream, [outcome](const Error &error) {
        outcome->failed = true;
        outcome->error = error;
    });
    stream.start();
    if (!QTest::qWaitFor([&] { return outcome->finished || outcome->failed; }, 30000)) {
        qWarning("the page stream did not end");
    }
    return *outcome;
}

struct Outcome
{
    bool done = false;
    bool ok = false;
    Response response;
    Error error;
    QStringList signalOrder;
};

} // namespace

class TestClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void requests_carryGitHubsHeadersAndTheToken();
    void write_isNeverCachedAndDropsTheListsItChanges();
    void write_failureKeepsTheListsAndSaysWhy();
    void request_emitsFinishedThenExactlyOneOutcome();
    void withinMaxAge_noRequestAtAll();
    void withinMaxAge_aLargeDamagedBodyIsFetchedAgain();
    void afterMaxAge_revalidatesWith304AndSpendsNothing();
    void maxAge_endsByTheClientsClock();
    void tokenRotation_revalidatesWithoutSpending();
    void anotherUsersToken_neverSeesAPrivateCachedBody();
    void emptyList_firstVisitWithTokenCostsNothing();
    void badResponses_neverReplaceAGoodEntry_data();
    void badResponses_neverReplaceAGoodEntry();
    void corruptCacheFile_isRebuiltAndTheClientKeepsWorking();
    void pages_arriveCompleteAndInOrderWithinTheCap_data();
    void pages_arriveCompleteAndInOrderWithinTheCap();
    void pageStream_cancelStopsEverything();
    void pageStream_cancelInsideASlotEmitsNothingMore();
    void pageStream_restartsAfterFinishing();
    void pageStream_itemLimitRequestsOnlyThePagesNeeded();
    void pageStream_aFailingPageStopsTheStreamAtOnce();
    void pageStream_linkAbuseEndsInOneErrorWithoutFollowing_data();
    void pageStream_linkAbuseEndsInOneErrorWithoutFollowing();
    void redirect_toAnotherSchemeIsNeverFollowed_data();
    void redirect_toAnotherSchemeIsNeverFollowed();
    void abandon_silencesQueuedAndInFlightRequests();
    void tokenChangeMidFlight_neverStoresUnderTheNewIdentity();
    void signingIn_afterTheAnonymousLimitIsSpent_goesAheadAtOnce();
    void secondaryLimit_aBurstOf403sPausesOnceNotOncePerReply();
    void primaryWait_letsRateLimitAndOtherOriginsThrough();
    void authorization_neverReachesTheAvatarOrigin();
    void authorization_isDroppedOnACrossOriginRedirect();
    void apiBaseChange_dropsTheOldHostsToken();
    void token_travelsOverHttpsOrToThisMachineOnly_data();
    void token_travelsOverHttpsOrToThisMachineOnly();
    void sameOriginRedirect_isFollowedWithTheTokenAndRemembered();
    void primaryLimit_knownSpent_waitsForTheResetWithoutSending();
    void primaryLimit_403WaitsForTheResetThenSucceeds();
    void primaryLimit_failsWithTheResetTimeWhenNotWaiting();
    void secondaryLimit_pausesForRetryAfterThenRetries();
    void rateLimitWaits_areBoundedAndNeverOverflow_data();
    void rateLimitWaits_areBoundedAndNeverOverflow();
    void retries_twoBadGatewaysThenSuccess();
    void retries_giveUpAfterThreeAttempts();
    void retries_notFoundIsNotRetried();
    void transferTimeout_endsAStalledRequest();
    void transferDeadline_endsATricklingBody();
    void oversizedHeaders_failAtOnceWithoutRetrying_data();
    void oversizedHeaders_failAtOnceWithoutRetrying();
    void hugeEtag_isNeverStored();
    void offline_servesTheCacheAndNeverTheNetwork();
    void rateLimitEndpoint_fillsEveryResourceAndIsNeverCached();
    void rateLimitEndpoint_withoutUsed_countsLimitMinusRemaining();
    void logLines_nameMethodUrlStatusOutcomeAndLimit();
    void token_neverInTheCacheFileOrTheLogs();
    void mirrorAuthorization_isTheRequestersOwnAndItsTokensIdentity();
    void mirrorRequest_isNotHeldByALimitSeenForAnotherIdentity();

private:
    Outcome fetch(const QString &path, RequestOptions options = {});
    Outcome fetchUrl(const QUrl &url, RequestOptions options = {});
    Outcome outcomeOf(Request *request);
    Outcome write(const QByteArray &method, const QString &path, const QStringList &staleLists);
    QList<LoggedRequest> logFor(const QString &path) const;
    void useToken(const QByteArray &token);
    void useTestClock();
    void skipWaits();

    QTemporaryDir m_dir;
    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Cache::EtagCache> m_cache;
    std::unique_ptr<Client> m_client;
    int m_cacheNumber = 0;
    QDateTime m_now; // the test's clock, after useTestClock()
};

void TestClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    previousHandler = qInstallMessageHandler(capture);
    QLoggingCategory::setFilterRules(u"hubshelf.*=true"_s);
}

void TestClient::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

void TestClient::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY2(m_fake->listen(), qPrintable(m_fake->errorString()));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_cache = std::make_unique<Cache::EtagCache>(m_dir.filePath(u"cache-%1.sqlite"_s.arg(++m_cacheNumber)));
    QVERIFY(m_cache->open());
    m_client = std::make_unique<Client>(m_network.get(), m_cache.get(), m_fake->apiUrl());
    m_client->setRetryBaseDelay(20);
    useToken(FakeGitHub::Tokens::Octocat);
}

void TestClient::cleanup()
{
    m_client.reset();
    m_cache.reset();
    m_network.reset();
    m_fake.reset();
}

void TestClient::useToken(const QByteArray &token)
{
    m_client->setToken(token);
}

// One clock for the client, its cache and the fake, which only the test moves: rate-limit
// windows end when the test says so, not seconds later.
void TestClient::useTestClock()
{
    m_now = QDateTime::currentDateTimeUtc();
    const Core::Clock clock = [this] { return m_now; };
    m_fake->setClock(clock);
    m_cache->setClock(clock);
    m_client->setClock(clock);
}

// Every wait the client announces is over at once: the clock jumps to its end.
void TestClient::skipWaits()
{
    useTestClock();
    connect(
        m_client.get(), &Client::waitingForRateLimit, this,
        [this](const QString &, const QDateTime &until) {
            m_now = std::max(m_now, until);
            m_client->wake();
        },
        Qt::QueuedConnection);
    connect(
        m_client.get(), &Client::pausedForSecondaryLimit, this,
        [this](int seconds) {
            m_now = m_now.addSecs(seconds);
            m_client->wake();
        },
        Qt::QueuedConnection);
}

Outcome TestClient::fetchUrl(const QUrl &url, RequestOptions options)
{
    return outcomeOf(m_client->get(url, options));
}

Outcome TestClient::write(const QByteArray &method, const QString &path, const QStringList &staleLists)
{
    return outcomeOf(m_client->write(method, m_client->endpoint(path), staleLists));
}

Outcome TestClient::outcomeOf(Request *request)
{
    const QUrl url = request->url();
    auto outcome = std::make_shared<Outcome>();
    const QPointer<Request> guarded(request);
    connect(request, &Request::finished, this, [outcome] { outcome->signalOrder.append(u"finished"_s); });
    connect(request, &Request::succeeded, this, [outcome](const Response &response) {
        outcome->signalOrder.append(u"succeeded"_s);
        outcome->ok = true;
        outcome->done = true;
        outcome->response = response;
    });
    connect(request, &Request::failed, this, [outcome](const Error &error) {
        outcome->signalOrder.append(u"failed"_s);
        outcome->done = true;
        outcome->error = error;
    });
    if (!QTest::qWaitFor([&] { return outcome->done; }, 20000)) {
        qWarning("request for %s did not finish", qPrintable(url.toString()));
    }
    if (!QTest::qWaitFor([&guarded] { return guarded.isNull(); })) { // deleteLater() done
        qWarning("request for %s was not deleted", qPrintable(url.toString()));
    }
    return *outcome;
}

Outcome TestClient::fetch(const QString &path, RequestOptions options)
{
    const qsizetype question = path.indexOf(u'?');
    const QUrl url = m_client->endpoint(question < 0 ? path : path.left(question),
                                        QUrlQuery(question < 0 ? QString() : path.mid(question + 1)));
    return fetchUrl(url, options);
}

QList<LoggedRequest> TestClient::logFor(const QString &path) const
{
    QList<LoggedRequest> entries;
    for (const LoggedRequest &entry : m_fake->requestLog()) {
        if (entry.path == path) {
            entries.append(entry);
        }
    }
    return entries;
}

void TestClient::write_isNeverCachedAndDropsTheListsItChanges()
{
    const QString starred = u"/gists/starred"_s;
    const QString star = u"/gists/"_s + FakeGitHub::Names::HelloGist + u"/star"_s;
    QVERIFY(fetch(starred).ok);
    QCOMPARE(fetch(starred).response.cacheOutcome, CacheOutcome::Fresh); // saved, fresh
    QVERIFY(fetch(starred + u"?per_page=5"_s).ok);                       // the same list, another query

    QSignalSpy logged(m_client.get(), &Client::requestLogged);
    const Outcome starring = write("PUT", star, {starred});
    QVERIFY2(starring.ok, qPrintable(starring.error.message()));
    QCOMPARE(starring.response.status, 204);
    QVERIFY(starring.response.body.isEmpty());
    QCOMPARE(logFor(star).size(), 1);
    QCOMPARE(logFor(star).first().method, QByteArray("PUT"));
    QVERIFY(logFor(star).first().authorized);
    QVERIFY(logFor(star).first().spentPoint);
    QCOMPARE(logged.size(), 1);
    const auto entry = logged.first().first().value<RequestLogEntry>();
    QCOMPARE(entry.method, QByteArray("PUT"));
    QCOMPARE(entry.charge, PointCharge::Spent);
    QCOMPARE(entry.endpoint, u"/gists/{gist_id}/star"_s);
    QVERIFY(entry.line().startsWith(u"PUT "_s));

    // Nothing of a write is kept, and every saved page of the list it changed is gone: the cache
    // alone has no answer for any of them.
    RequestOptions cacheOnly;
    cacheOnly.offline = true;
    for (const QString &path : QStringList{star, starred, starred + u"?per_page=5"_s}) {
        QCOMPARE(fetch(path, cacheOnly).error.kind, Error::Kind::Offline);
    }
    QVERIFY(fetch(u"/users/octocat"_s).ok);
    const Outcome after = fetch(starred);
    QCOMPARE(after.response.cacheOutcome, CacheOutcome::Miss);
    const QJsonArray items = QJsonDocument::fromJson(after.response.body).array();
    QVERIFY(!items.isEmpty());
    QCOMPARE(items.first().toObject().value(u"id"_s).toString(), FakeGitHub::Names::HelloGist);

    // DELETE unstars, as idempotent as PUT.
    const Outcome unstarring = write("DELETE", star, {starred});
    QVERIFY2(unstarring.ok, qPrintable(unstarring.error.message()));
    QCOMPARE(logFor(star).last().method, QByteArray("DELETE"));
    QVERIFY(QJsonDocument::fromJson(fetch(starred).response.body).array().isEmpty());
}

void TestClient::write_failureKeepsTheListsAndSaysWhy()
{
    const QString starred = u"/gists/starred"_s;
    QVERIFY(fetch(starred).ok);
    const Outcome unknown = write("PUT", u"/gists/0123456789abcdef0123/star"_s, {starred});
    QVERIFY(!unknown.ok);
    QCOMPARE(unknown.error.kind, Error::Kind::NotFound);
    QVERIFY(!unknown.error.message().isEmpty());
    QCOMPARE(fetch(starred).response.cacheOutcome, CacheOutcome::Fresh); // a failed write changed nothing

    useToken({});
    const Outcome anonymous =
        write("PUT", u"/gists/"_s + FakeGitHub::Names::HelloGist + u"/star"_s, {starred});
    QVERIFY(!anonymous.ok);
    QCOMPARE(anonymous.error.kind, Error::Kind::Unauthorized);
    QVERIFY2(!anonymous.error.message().contains(QString::fromLatin1(FakeGitHub::Tokens::Octocat)),
             qPrintable(anonymous.error.message()));

    // Offline, a write fails at once without a request.
    useToken(FakeGitHub::Tokens::Octocat);
    m_client->setOffline(true);
    const qsizetype before = m_fake->requestLog().size();
    const Outcome offline = write("PUT", u"/gists/"_s + FakeGitHub::Names::HelloGist + u"/star"_s, {starred});
    QCOMPARE(offline.error.kind, Error::Kind::Offline);
    QCOMPARE(m_fake->requestLog().size(), before);
}

void TestClient::requests_carryGitHubsHeadersAndTheToken()
{
    const Outcome outcome = fetch(u"/users/octocat"_s);
    QVERIFY(outcome.ok);
    const QList<LoggedRequest> log = logFor(u"/users/octocat"_s);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().accept, QByteArray("application/vnd.github+json"));
    QVERIFY(log.first().userAgent.startsWith("Hubshelf/"));
    QVERIFY(log.first().authorized);
    QCOMPARE(log.first().login, u"octocat"_s);
    QCOMPARE(QJsonDocument::fromJson(outcome.response.body).object().value(u"login"_s).toString(),
             u"octocat"_s);
}

void TestClient::request_emitsFinishedThenExactlyOneOutcome()
{
    QCOMPARE(fetch(u"/users/octocat"_s).signalOrder, (QStringList{u"finished"_s, u"succeeded"_s}));
    QCOMPARE(fetch(u"/users/no-such-user"_s).signalOrder, (QStringList{u"finished"_s, u"failed"_s}));
    QCOMPARE(fetch(u"/users/octocat"_s).signalOrder,
             (QStringList{u"finished"_s, u"succeeded"_s})); // fresh hit
}

void TestClient::withinMaxAge_noRequestAtAll()
{
    QCOMPARE(fetch(u"/users/octocat"_s).response.cacheOutcome, CacheOutcome::Miss);
    const Outcome second = fetch(u"/users/octocat"_s);
    QCOMPARE(second.response.cacheOutcome, CacheOutcome::Fresh);
    QCOMPARE(logFor(u"/users/octocat"_s).size(), 1);
    QCOMPARE(m_cache->statistics().freshHits, 1);
    QCOMPARE(m_cache->statistics().bytesSaved, second.response.body.size());
}

// A body this large is checked and expanded off the GUI thread; damage found there is dropped and the
// request asks GitHub instead, as it does for a small body.
void TestClient::withinMaxAge_aLargeDamagedBodyIsFetchedAgain()
{
    const QUrl page = m_client->endpoint(u"/orgs/"_s + FakeGitHub::Names::BigOrganization + u"/repos"_s,
                                         QUrlQuery(u"per_page=100"_s));
    const Outcome first = fetchUrl(page);
    QVERIFY(first.ok);
    QVERIFY2(first.response.body.size() > 256 * 1024,
             qPrintable(QString::number(first.response.body.size())));
    const Outcome fresh = fetchUrl(page);
    QCOMPARE(fresh.response.cacheOutcome, CacheOutcome::Fresh);
    QCOMPARE(fresh.response.body, first.response.body);
    QCOMPARE(fresh.response.json.array().size(), 100);
    QCOMPARE(m_fake->requestLog().size(), 1);

    // The stored bytes rot (one flipped bit in the middle), as in a damaged file.
    m_client.reset();
    m_cache.reset();
    const QString path = m_dir.filePath(u"cache-%1.sqlite"_s.arg(m_cacheNumber));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"rot"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery rot(db);
        QVERIFY(rot.exec(u"SELECT rowid, body FROM responses"_s));
        QVERIFY(rot.next());
        const qint64 rowid = rot.value(0).toLongLong();
        QByteArray body = rot.value(1).toByteArray();
        body[body.size() / 2] = char(body.at(body.size() / 2) ^ 0x04);
        rot.finish();
        QVERIFY(rot.prepare(u"UPDATE responses SET body = ? WHERE rowid = ?"_s));
        rot.addBindValue(body);
        rot.addBindValue(rowid);
        QVERIFY(rot.exec());
    }
    QSqlDatabase::removeDatabase(u"rot"_s);
    m_cache = std::make_unique<Cache::EtagCache>(path);
    QVERIFY(m_cache->open());
    m_client = std::make_unique<Client>(m_network.get(), m_cache.get(), m_fake->apiUrl());
    useToken(FakeGitHub::Tokens::Octocat);
    m_client->setRetryBaseDelay(20);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"damaged .*checksum"_s));
    const Outcome again = fetchUrl(page);
    QVERIFY(again.ok);
    QCOMPARE(again.response.cacheOutcome, CacheOutcome::Miss);
    QCOMPARE(again.response.body, first.response.body);
    QCOMPARE(m_fake->requestLog().size(), 2);
    QCOMPARE(m_cache->statistics().corruptDropped, 1);
    QCOMPARE(fetchUrl(page).response.cacheOutcome, CacheOutcome::Fresh); // stored whole again
}

void TestClient::afterMaxAge_revalidatesWith304AndSpendsNothing()
{
    m_fake->setMaxAge(0);
    const Outcome first = fetch(u"/users/octocat"_s);
    QVERIFY(first.ok);
    const int pointsAfterFirst = m_fake->pointsUsed(u"octocat"_s);
    QCOMPARE(pointsAfterFirst, 1);
    const Outcome second = fetch(u"/users/octocat"_s);
    QCOMPARE(second.response.cacheOutcome, CacheOutcome::Revalidated);
    QCOMPARE(second.response.body, first.response.body);
    QCOMPARE(logFor(u"/users/octocat"_s).last().status, 304);
    QCOMPARE(m_fake->pointsUsed(u"octocat"_s), pointsAfterFirst);
    QCOMPARE(m_cache->statistics().revalidated, 1);
}

void TestClient::maxAge_endsByTheClientsClock()
{
    useTestClock();
    QCOMPARE(fetch(u"/users/octocat"_s).response.cacheOutcome, CacheOutcome::Miss);
    m_now = m_now.addSecs(59);
    QCOMPARE(fetch(u"/users/octocat"_s).response.cacheOutcome, CacheOutcome::Fresh);
    m_now = m_now.addSecs(1); // GitHub's max-age=60 is over
    QCOMPARE(fetch(u"/users/octocat"_s).response.cacheOutcome, CacheOutcome::Revalidated);
    QCOMPARE(logFor(u"/users/octocat"_s).size(), 2);
}

void TestClient::tokenRotation_revalidatesWithoutSpending()
{
    const Outcome withA = fetch(u"/users/octocat/repos"_s);
    QVERIFY(withA.ok);
    const int points = m_fake->pointsUsed(u"octocat"_s);
    useToken(FakeGitHub::Tokens::OctocatRotated);
    const Outcome withB = fetch(u"/users/octocat/repos"_s);
    QVERIFY(withB.ok);
    QCOMPARE(withB.response.cacheOutcome, CacheOutcome::Revalidated);
    QCOMPARE(withB.response.body, withA.response.body);
    QCOMPARE(logFor(u"/users/octocat/repos"_s).last().status, 304);
    QCOMPARE(m_fake->pointsUsed(u"octocat"_s), points);
    // Now cached under B too: a third visit makes no request.
    QCOMPARE(fetch(u"/users/octocat/repos"_s).response.cacheOutcome, CacheOutcome::Fresh);
    QCOMPARE(logFor(u"/users/octocat/repos"_s).size(), 2);
}

void TestClient::anotherUsersToken_neverSeesAPrivateCachedBody()
{
    const Outcome octocat = fetch(u"/repos/octocat/secret-plans"_s);
    QVERIFY(octocat.ok);
    useToken(FakeGitHub::Tokens::Monalisa);
    const Outcome monalisa = fetch(u"/repos/octocat/secret-plans"_s);
    QVERIFY(!monalisa.ok);
    QCOMPARE(monalisa.error.kind, Error::Kind::NotFound);
    QCOMPARE(logFor(u"/repos/octocat/secret-plans"_s).last().status, 404);
    QVERIFY(
        !logFor(u"/repos/octocat/secret-plans"_s).last().ifNoneMatch.isEmpty()); // it did try to revalidate
    // Still not shown offline either: nothing was stored under monalisa's identity.
    RequestOptions offline;
    offline.offline = true;
    QCOMPARE(fetch(u"/repos/octocat/secret-plans"_s, offline).error.kind, Error::Kind::Offline);
}

void TestClient::emptyList_firstVisitWithTokenCostsNothing()
{
    RequestOptions list;
    list.expectList = true;
    const Outcome outcome = fetch(u"/users/nobody/gists"_s, list);
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.response.body, QByteArray("[]"));
    QCOMPARE(outcome.response.cacheOutcome, CacheOutcome::Revalidated);
    QCOMPARE(logFor(u"/users/nobody/gists"_s).size(), 1);
    QCOMPARE(logFor(u"/users/nobody/gists"_s).first().status, 304);
    QCOMPARE(m_fake->pointsUsed(u"octocat"_s), 0);
    // A list that is not empty answers the probe with its body, as any first visit.
    const Outcome full = fetch(u"/users/octocat/gists"_s, list);
    QCOMPARE(full.response.cacheOutcome, CacheOutcome::Miss);
    QVERIFY(QJsonDocument::fromJson(full.response.body).array().size() > 0);
}

void TestClient::badResponses_neverReplaceAGoodEntry_data()
{
    QTest::addColumn<int>("fault");
    QTest::newRow("truncated body") << int(Fault::Kind::TruncatedBody);
    QTest::newRow("reset mid-body") << int(Fault::Kind::ResetMidBody);
    QTest::newRow("invalid JSON") << int(Fault::Kind::InvalidJson);
}

void TestClient::badResponses_neverReplaceAGoodEntry()
{
    QFETCH(int, fault);
    m_fake->setMaxAge(0);
    const Outcome good = fetch(u"/users/octocat/repos"_s);
    QVERIFY(good.ok);
    const QByteArray key = good.response.url.toEncoded();
    const QByteArray identity = m_cache->identityFor(FakeGitHub::Tokens::Octocat);
    const auto before = m_cache->find(key, "application/vnd.github+json", identity);
    QVERIFY(before);

    m_fake->armFault(u"/users/octocat/repos"_s, Fault::of(Fault::Kind(fault)), -1);
    const Outcome bad = fetch(u"/users/octocat/repos"_s);
    QVERIFY(!bad.ok);
    QVERIFY2(bad.error.kind == Error::Kind::Network || bad.error.kind == Error::Kind::BadResponse,
             Error::kindName(bad.error.kind));

    const auto after = m_cache->find(key, "application/vnd.github+json", identity);
    QVERIFY(after);
    QCOMPARE(after->body, before->body);
    QCOMPARE(after->etag, before->etag);
    QCOMPARE(after->fetchedAt, before->fetchedAt);
}

void TestClient::corruptCacheFile_isRebuiltAndTheClientKeepsWorking()
{
    const QString path = m_dir.filePath(u"corrupt.sqlite"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u".*corrupt.*"_s, QRegularExpression::CaseInsensitiveOption));
    Cache::EtagCache cache(path);
    QVERIFY(cache.open());
    QVERIFY(cache.wasRebuilt());
    m_client = std::make_unique<Client>(m_network.get(), &cache, m_fake->apiUrl());
    QCOMPARE(fetch(u"/users/octocat"_s).response.cacheOutcome, CacheOutcome::Miss);
    QCOMPARE(fetch(u"/users/octocat"_s).response.cacheOutcome, CacheOutcome::Fresh);
    m_client.reset();
}

void TestClient::pages_arriveCompleteAndInOrderWithinTheCap_data()
{
    QTest::addColumn<int>("cap");
    QTest::newRow("default cap of 4") << 4;
    QTest::newRow("one at a time") << 1;
    QTest::newRow("two") << 2;
}

void TestClient::pages_arriveCompleteAndInOrderWithinTheCap()
{
    QFETCH(int, cap);
    m_fake->setLatency(cap == 1 ? 5 : 40);
    m_client->setMaxConcurrent(cap);
    PageStream stream(m_client.get(), m_client->endpoint(u"/orgs/megacorp/repos"_s));
    QList<int> pages;
    QList<qint64> ids;
    QList<QPair<int, int>> progress;
    connect(&stream, &PageStream::pageArrived, this, [&](int page, const QJsonArray &items) {
        pages.append(page);
        for (const QJsonValue &item : items) {
            ids.append(item.toObject().value(u"id"_s).toInteger());
        }
    });
    connect(&stream, &PageStream::progress, this, [&](int done, int total) {
        progress.append({done, total});
    });
    QSignalSpy finished(&stream, &PageStream::finished);
    stream.start();
    QVERIFY(finished.wait(60000));

    QCOMPARE(pages.size(), 50);
    QCOMPARE(logFor(u"/orgs/megacorp/repos"_s).size(), 50); // each page once
    for (int i = 0; i < pages.size(); ++i) {
        QCOMPARE(pages.at(i), i + 1);
    }
    QCOMPARE(ids.size(), FakeGitHub::BigOrganizationRepoCount);
    QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), FakeGitHub::BigOrganizationRepoCount);
    QVERIFY(std::is_sorted(ids.cbegin(), ids.cend())); // the fake lists them by id: order kept
    QCOMPARE(progress.last(), (QPair<int, int>(50, 50)));
    QVERIFY2(m_fake->maxInFlight() <= cap, qPrintable(QString::number(m_fake->maxInFlight())));
    if (cap > 1) {
        QVERIFY2(m_fake->maxInFlight() > 1, "the pages after the first were not fetched in parallel");
    }
}

void TestClient::pageStream_cancelStopsEverything()
{
    m_fake->setLatency(50);
    PageStream stream(m_client.get(), m_client->endpoint(u"/orgs/megacorp/repos"_s));
    QSignalSpy failed(&stream, &PageStream::failed);
    QSignalSpy arrived(&stream, &PageStream::pageArrived);
    stream.start();
    QVERIFY(arrived.wait(10000));
    stream.cancel();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().value<Error>().kind, Error::Kind::Cancelled);
    const int seen = int(logFor(u"/orgs/megacorp/repos"_s).size());
    // The client sends in order: once a later request is answered, nothing of the stream waits.
    QVERIFY(fetch(u"/orgs/github"_s).ok);
    QVERIFY(logFor(u"/orgs/megacorp/repos"_s).size() <= seen + m_client->maxConcurrent());
    QCOMPARE(arrived.count(), 1);
    QVERIFY(!stream.isRunning());
}

void TestClient::pageStream_cancelInsideASlotEmitsNothingMore()
{
    PageStream stream(m_client.get(), m_client->endpoint(u"/users/octocat/gists"_s));
    QSignalSpy finished(&stream, &PageStream::finished);
    QSignalSpy failed(&stream, &PageStream::failed);
    QSignalSpy progress(&stream, &PageStream::progress);
    connect(&stream, &PageStream::pageArrived, &stream, &PageStream::cancel);
    stream.start();
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(fetch(u"/orgs/github"_s).ok); // whatever was still to come has come by now
    QCOMPARE(finished.count(), 0);
    QCOMPARE(progress.count(), 0);
}

void TestClient::pageStream_restartsAfterFinishing()
{
    PageStream stream(m_client.get(), m_client->endpoint(u"/orgs/megacorp/members"_s));
    int items = 0;
    connect(&stream, &PageStream::pageArrived, this,
            [&items](int, const QJsonArray &page) { items += int(page.size()); });
    QSignalSpy finished(&stream, &PageStream::finished);
    stream.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(items, FakeGitHub::BigOrganizationMemberCount);
    stream.start(); // the second time from the fresh cache
    QVERIFY(finished.wait(10000));
    QCOMPARE(items, 2 * FakeGitHub::BigOrganizationMemberCount);
    QCOMPARE(stream.pagesDone(), 3);
}

void TestClient::pageStream_itemLimitRequestsOnlyThePagesNeeded()
{
    PageStream stream(m_client.get(), m_client->endpoint(u"/orgs/megacorp/repos"_s));
    stream.setItemLimit(250);
    int items = 0;
    connect(&stream, &PageStream::pageArrived, this,
            [&items](int, const QJsonArray &page) { items += int(page.size()); });
    QSignalSpy finished(&stream, &PageStream::finished);
    stream.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(items, 250);
    QCOMPARE(logFor(u"/orgs/megacorp/repos"_s).size(), 3);
}

void TestClient::pageStream_aFailingPageStopsTheStreamAtOnce()
{
    constexpr int Cap = 4;
    CountingNetwork network;
    Client client(&network, m_cache.get(), m_fake->apiUrl());
    client.setToken(FakeGitHub::Tokens::Octocat);
    client.setMaxConcurrent(Cap);
    m_fake->setLatency(30);
    const QString path = u"/orgs/megacorp/repos"_s; // 50 pages
    PageStream stream(&client, client.endpoint(path));
    connect(&stream, &PageStream::pageArrived, this, [&](int page) {
        if (page == 1) {
            m_fake->armFault(path, Fault::withStatus(404));
        }
    });
    capturedMessages.clear();
    const StreamOutcome outcome = runStream(stream);
    QVERIFY(outcome.failed);
    QCOMPARE(outcome.error.kind, Error::Kind::NotFound);
    QVERIFY(fetch(u"/orgs/github"_s).ok); // whatever was still to come has come by now
    // Page 1, then at most the cap in flight and the cap sent while the failure was on its way.
    QVERIFY2(network.created <= 1 + 2 * Cap, qPrintable(QString::number(network.created)));
    QVERIFY(logFor(path).size() <= 1 + 2 * Cap);
    for (const QString &message : std::as_const(capturedMessages)) {
        QVERIFY2(!message.contains(u"must only be called once"_s), qPrintable(message));
    }
}

void TestClient::pageStream_linkAbuseEndsInOneErrorWithoutFollowing_data()
{
    QTest::addColumn<QByteArrayList>("links");       // the Link of page 1, page 2, ...
    QTest::addColumn<int>("maxRequests");            // to the API's list
    const QByteArray api = "API?per_page=100&page="; // the fake's list, known once it listens
    QTest::newRow("next of page 2 is page 1")
        << QByteArrayList{'<' + api + "2>; rel=\"next\"", '<' + api + "1>; rel=\"next\""} << 2;
    QTest::newRow("next of page 2 is page 2")
        << QByteArrayList{'<' + api + "2>; rel=\"next\"", '<' + api + "2>; rel=\"next\""} << 2;
    QTest::newRow("last of a million")
        << QByteArrayList{'<' + api + "2>; rel=\"next\", <" + api + "1000000>; rel=\"last\""} << 1;
    QTest::newRow("last of 2147483647")
        << QByteArrayList{'<' + api + "2>; rel=\"next\", <" + api + "2147483647>; rel=\"last\""} << 1;
    QTest::newRow("next to a file")
        << QByteArrayList{"<" + QUrl::fromLocalFile(m_dir.filePath(u"rows.json"_s)).toEncoded() +
                          ">; rel=\"next\""}
        << 1;
    QTest::newRow("next to data:")
        << QByteArrayList{"<data:application/json,%5B%7B%22id%22:1%7D%5D>; rel=\"next\""} << 1;
    QTest::newRow("next to qrc:") << QByteArrayList{"<qrc:/rows.json>; rel=\"next\""} << 1;
    QTest::newRow("next to another origin") << QByteArrayList{"<OTHER?page=2>; rel=\"next\""} << 1;
    QTest::newRow("last on another origin")
        << QByteArrayList{"<OTHER?page=2>; rel=\"next\", <OTHER?page=3>; rel=\"last\""} << 1;
}

void TestClient::pageStream_linkAbuseEndsInOneErrorWithoutFollowing()
{
    QFETCH(QByteArrayList, links);
    QFETCH(int, maxRequests);
    QFile rows(m_dir.filePath(u"rows.json"_s)); // what a followed file: link would merge into the list
    QVERIFY(rows.open(QIODevice::WriteOnly));
    rows.write(R"([{"id": 1, "secret": "from a local file"}])");
    rows.close();
    FakeGitHub::Server other;
    QVERIFY(other.listen());
    const QString path = u"/orgs/megacorp/repos"_s;
    for (QByteArray link : std::as_const(links)) {
        link.replace("OTHER", QByteArray(other.apiUrl().toEncoded() + path.toUtf8()));
        link.replace("API", QByteArray(m_fake->apiUrl().toEncoded() + path.toUtf8()));
        m_fake->armFault(path, Fault::withLink(link));
    }
    PageStream stream(m_client.get(), m_client->endpoint(path));
    const StreamOutcome outcome = runStream(stream);
    QVERIFY(outcome.failed);
    QVERIFY(!outcome.finished);
    QCOMPARE(outcome.error.kind, Error::Kind::BadResponse);
    QVERIFY2(!outcome.error.message().contains(u"not valid JSON"_s), qPrintable(outcome.error.message()));
    QVERIFY(logFor(path).size() <= maxRequests);
    QVERIFY(other.requestLog().isEmpty());
    QVERIFY(outcome.items <= 100 * maxRequests); // nothing from elsewhere was merged
}

void TestClient::redirect_toAnotherSchemeIsNeverFollowed_data()
{
    QTest::addColumn<QUrl>("target");
    QTest::newRow("file") << QUrl::fromLocalFile(m_dir.filePath(u"user.json"_s));
    QTest::newRow("data") << QUrl(u"data:application/json,%7B%22login%22:%22x%22%7D"_s);
    QTest::newRow("qrc") << QUrl(u"qrc:/user.json"_s);
    QTest::newRow("ftp") << QUrl(u"ftp://127.0.0.1/user.json"_s);
}

void TestClient::redirect_toAnotherSchemeIsNeverFollowed()
{
    QFETCH(QUrl, target);
    QFile user(m_dir.filePath(u"user.json"_s));
    QVERIFY(user.open(QIODevice::WriteOnly));
    user.write(R"({"login": "from a local file"})");
    user.close();
    m_fake->armFault(u"/users/octocat"_s, Fault::redirect(302, target));
    const Outcome outcome = fetch(u"/users/octocat"_s);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.kind, Error::Kind::BadResponse);
    QVERIFY2(outcome.error.message().contains(target.scheme()), qPrintable(outcome.error.message()));
}

void TestClient::abandon_silencesQueuedAndInFlightRequests()
{
    // Long enough that the first request is surely still in flight when the test looks, even on
    // a busy machine; with 200 ms the second could already be under way.
    m_fake->setLatency(1000);
    CountingNetwork network;
    Client client(&network, m_cache.get(), m_fake->apiUrl());
    client.setMaxConcurrent(1);
    Request *inFlight = client.get(client.endpoint(u"/users/octocat"_s));
    Request *queued = client.get(client.endpoint(u"/users/monalisa"_s));
    int emitted = 0;
    for (Request *request : {inFlight, queued}) {
        connect(request, &Request::finished, this, [&emitted] { ++emitted; });
        connect(request, &Request::succeeded, this, [&emitted] { ++emitted; });
        connect(request, &Request::failed, this, [&emitted] { ++emitted; });
    }
    QTRY_COMPARE(m_fake->inFlight(), 1);
    inFlight->abandon();
    // Aborting the first reply finishes it at once; the queued request must not be sent in that
    // moment, or its own abort would race its bytes to the server.
    queued->abandon();
    QCOMPARE(network.created, 1);
    Request *after = client.get(client.endpoint(u"/orgs/github"_s));
    QSignalSpy succeeded(after, &Request::succeeded);
    QVERIFY(succeeded.wait(5000)); // the slot of the abandoned request was given back
    QCOMPARE(emitted, 0);
    QCOMPARE(network.created, 2);
    QVERIFY(logFor(u"/users/monalisa"_s).isEmpty());
}

void TestClient::tokenChangeMidFlight_neverStoresUnderTheNewIdentity()
{
    m_fake->setLatency(300);
    Request *request = m_client->get(m_client->endpoint(u"/repos/octocat/secret-plans"_s));
    QSignalSpy succeeded(request, &Request::succeeded);
    QTRY_COMPARE(m_fake->inFlight(), 1);
    useToken(FakeGitHub::Tokens::Monalisa);
    QVERIFY(succeeded.wait(5000)); // octocat's request, answered for octocat
    m_fake->setLatency(0);
    const Outcome monalisa = fetch(u"/repos/octocat/secret-plans"_s);
    QCOMPARE(monalisa.error.kind, Error::Kind::NotFound);
}

void TestClient::signingIn_afterTheAnonymousLimitIsSpent_goesAheadAtOnce()
{
    useToken({});
    m_fake->setRateLimit(5000, 1);
    QVERIFY(fetch(u"/users/octocat"_s).ok);
    RequestOptions noWait;
    noWait.waitForRateLimit = false;
    QCOMPARE(fetch(u"/users/monalisa"_s, noWait).error.kind, Error::Kind::RateLimited);
    useToken(FakeGitHub::Tokens::Octocat);
    const Outcome signedIn = fetch(u"/users/monalisa"_s, noWait);
    QVERIFY2(signedIn.ok, qPrintable(signedIn.error.message()));
    QVERIFY(logFor(u"/users/monalisa"_s).last().authorized);
}

void TestClient::secondaryLimit_aBurstOf403sPausesOnceNotOncePerReply()
{
    m_fake->setLatency(50);
    m_client->setMaxConcurrent(3);
    m_fake->armFaultForNext(3, Fault::withStatus(403, "You have exceeded a secondary rate limit."));
    QSignalSpy paused(m_client.get(), &Client::pausedForSecondaryLimit);
    QSignalSpy logged(m_client.get(), &Client::requestLogged);
    QList<Request *> requests;
    for (const QString &path : {u"/users/octocat"_s, u"/users/monalisa"_s, u"/orgs/github"_s}) {
        requests.append(m_client->get(m_client->endpoint(path)));
    }
    QTRY_COMPARE(m_fake->requestLog().size(), 3);
    QTRY_COMPARE(logged.count(), 3); // each 403 handled
    QCOMPARE(paused.count(), 1);
    QCOMPARE(paused.first().first().toInt(), 60); // no retry-after: GitHub asks for a minute
    QCOMPARE(m_fake->requestLog().size(), 3);     // and nothing more is sent meanwhile
    for (Request *request : std::as_const(requests)) {
        request->abandon();
    }
}

void TestClient::primaryWait_letsRateLimitAndOtherOriginsThrough()
{
    useTestClock();
    m_fake->setRateLimit(1, 60);
    m_fake->setRateLimitWindow(3);
    const Outcome user = fetch(u"/users/octocat"_s);
    QVERIFY(user.ok);
    Request *held = m_client->get(m_client->endpoint(u"/orgs/github"_s));
    QSignalSpy heldDone(held, &Request::finished);
    QSignalSpy waiting(m_client.get(), &Client::waitingForRateLimit);
    QTRY_COMPARE(waiting.count(), 1);

    Request *rateLimit = m_client->fetchRateLimits();
    QSignalSpy rateLimitDone(rateLimit, &Request::succeeded);
    QVERIFY(rateLimitDone.wait(2000));
    const Outcome avatar = fetchUrl(
        QUrl(QJsonDocument::fromJson(user.response.body).object().value(u"avatar_url"_s).toString()));
    QVERIFY(avatar.ok);
    QCOMPARE(heldDone.count(), 0); // still waiting for the reset
    m_now = waiting.first().at(1).toDateTime();
    m_client->wake();
    QVERIFY(heldDone.wait(5000));
    QCOMPARE(waiting.count(), 1); // said once per wait
}

void TestClient::authorization_neverReachesTheAvatarOrigin()
{
    const Outcome user = fetch(u"/users/octocat"_s);
    const QUrl avatar(QJsonDocument::fromJson(user.response.body).object().value(u"avatar_url"_s).toString());
    QCOMPARE(avatar.port(), m_fake->contentUrl().port());
    const Outcome image = fetchUrl(avatar);
    QVERIFY(image.ok);
    QVERIFY(image.response.body.startsWith("\x89PNG"));
    const LoggedRequest last = m_fake->requestLog().last();
    QCOMPARE(last.origin, FakeGitHub::Origin::Content);
    QVERIFY(!last.authorized);
}

void TestClient::token_travelsOverHttpsOrToThisMachineOnly_data()
{
    QTest::addColumn<QUrl>("api");
    QTest::addColumn<bool>("safe");
    QTest::newRow("github.com") << GitHub::Client::GitHubApi << true;
    QTest::newRow("enterprise over https") << QUrl(u"https://ghe.example.com/api/v3"_s) << true;
    QTest::newRow("enterprise over http") << QUrl(u"http://ghe.example.com/api/v3"_s) << false;
    QTest::newRow("a LAN address over http") << QUrl(u"http://10.0.0.7/api/v3"_s) << false;
    QTest::newRow("loopback v4") << QUrl(u"http://127.0.0.1:8080"_s) << true;
    QTest::newRow("loopback v6") << QUrl(u"http://[::1]:8080"_s) << true;
    QTest::newRow("localhost") << QUrl(u"http://localhost:8080"_s) << true;
    QTest::newRow("ftp") << QUrl(u"ftp://127.0.0.1"_s) << false;
}

void TestClient::token_travelsOverHttpsOrToThisMachineOnly()
{
    QFETCH(QUrl, api);
    QFETCH(bool, safe);
    QCOMPARE(ApiOrigin::carriesTokenSafely(api), safe);
}

void TestClient::apiBaseChange_dropsTheOldHostsToken()
{
    FakeGitHub::Server other;
    QVERIFY(other.listen());
    other.addToken(FakeGitHub::Tokens::Octocat, u"octocat"_s);
    const QUrl oldUser = m_client->endpoint(u"/users/octocat"_s);
    QVERIFY(m_client->hasToken());

    m_client->setApiBase(other.apiUrl());
    QVERIFY(!m_client->hasToken());
    QCOMPARE(m_client->endpoint(u"/users/octocat"_s).port(), other.apiUrl().port());
    QVERIFY(fetch(u"/users/octocat"_s).ok);
    QCOMPARE(other.requestLog().size(), 1);
    QVERIFY(!other.requestLog().first().authorized);
    // The old API is now just another origin: no token goes there either.
    QVERIFY(fetchUrl(oldUser).ok);
    QVERIFY(!m_fake->requestLog().last().authorized);
}

void TestClient::authorization_isDroppedOnACrossOriginRedirect()
{
    QUrl target = m_fake->contentUrl();
    target.setPath(u"/octocat"_s);
    m_fake->armFault(u"/users/octocat"_s, Fault::redirect(302, target));
    const Outcome outcome = fetch(u"/users/octocat"_s);
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.response.url, target);
    const QList<LoggedRequest> log = m_fake->requestLog();
    QCOMPARE(log.size(), 2);
    QVERIFY(log.at(0).authorized);
    QCOMPARE(log.at(0).status, 302);
    QCOMPARE(log.at(1).origin, FakeGitHub::Origin::Content);
    QVERIFY(!log.at(1).authorized);
}

void TestClient::sameOriginRedirect_isFollowedWithTheTokenAndRemembered()
{
    const Outcome outcome = fetch(u"/repos/octocat/Hello-Old-World"_s);
    QVERIFY(outcome.ok);
    QCOMPARE(QJsonDocument::fromJson(outcome.response.body).object().value(u"full_name"_s).toString(),
             u"octocat/Hello-World"_s);
    QCOMPARE(logFor(u"/repos/octocat/Hello-Old-World"_s).size(), 1);
    QCOMPARE(logFor(u"/repos/octocat/Hello-Old-World"_s).first().status, 301);
    QVERIFY(logFor(u"/repositories/1296269"_s).first().authorized);
    RequestOptions refresh;
    refresh.revalidate = true;
    QVERIFY(fetch(u"/repos/octocat/Hello-Old-World"_s, refresh).ok);
    QCOMPARE(logFor(u"/repos/octocat/Hello-Old-World"_s).size(), 1); // went straight to the new URL
    QCOMPARE(logFor(u"/repositories/1296269"_s).size(), 2);
}

void TestClient::primaryLimit_knownSpent_waitsForTheResetWithoutSending()
{
    skipWaits();
    m_fake->setRateLimit(2, 60);
    m_fake->setRateLimitWindow(2);
    QVERIFY(fetch(u"/users/octocat"_s).ok);
    QVERIFY(fetch(u"/users/monalisa"_s).ok); // the headers now say: 0 remaining
    QSignalSpy waiting(m_client.get(), &Client::waitingForRateLimit);
    const Outcome third = fetch(u"/orgs/github"_s);
    QVERIFY2(third.ok, qPrintable(third.error.message()));
    QVERIFY(waiting.count() >= 1);
    QCOMPARE(waiting.first().at(0).toString(), u"core"_s);
    QVERIFY(waiting.first().at(1).toDateTime().isValid());
    const QList<LoggedRequest> log = logFor(u"/orgs/github"_s);
    QCOMPARE(log.size(), 1); // held back until the reset: no request wasted on a 403
    QCOMPARE(log.first().status, 200);
}

void TestClient::primaryLimit_403WaitsForTheResetThenSucceeds()
{
    skipWaits();
    m_fake->setRateLimit(2, 60);
    m_fake->setRateLimitWindow(2);
    // Another program with the same account spends the limit; this client learns it from a 403.
    Client other(m_network.get(), nullptr, m_fake->apiUrl());
    other.setToken(FakeGitHub::Tokens::OctocatRotated);
    for (const QString &path : {u"/users/octocat"_s, u"/users/monalisa"_s}) {
        Request *request = other.get(other.endpoint(path));
        QSignalSpy done(request, &Request::finished);
        QVERIFY(done.wait(5000));
    }
    QSignalSpy waiting(m_client.get(), &Client::waitingForRateLimit);
    const Outcome outcome = fetch(u"/orgs/github"_s);
    QVERIFY2(outcome.ok, qPrintable(outcome.error.message()));
    QVERIFY(waiting.count() >= 1);
    const QList<LoggedRequest> log = logFor(u"/orgs/github"_s);
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.first().status, 403);
    QCOMPARE(log.last().status, 200);
}

void TestClient::primaryLimit_failsWithTheResetTimeWhenNotWaiting()
{
    m_fake->setRateLimit(1, 60);
    QVERIFY(fetch(u"/users/octocat"_s).ok);
    RequestOptions noWait;
    noWait.waitForRateLimit = false;
    const Outcome outcome = fetch(u"/users/monalisa"_s, noWait);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.kind, Error::Kind::RateLimited);
    QVERIFY(logFor(u"/users/monalisa"_s).isEmpty()); // known spent: not even asked
    QVERIFY(outcome.error.resetAt > QDateTime::currentDateTimeUtc());
    QVERIFY(outcome.error.message().contains(outcome.error.resetAt.toLocalTime().toString(u"HH:mm"_s)));
}

void TestClient::secondaryLimit_pausesForRetryAfterThenRetries()
{
    skipWaits();
    m_fake->armFault(u"/users/octocat"_s,
                     Fault::withStatus(403, "You have exceeded a secondary rate limit. Please wait.", 1));
    QSignalSpy paused(m_client.get(), &Client::pausedForSecondaryLimit);
    const Outcome outcome = fetch(u"/users/octocat"_s);
    QVERIFY(outcome.ok);
    QCOMPARE(paused.count(), 1);
    QCOMPARE(paused.first().first().toInt(), 1);
    const QList<LoggedRequest> log = logFor(u"/users/octocat"_s);
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.first().status, 403);
    QCOMPARE(log.last().status, 200);
}

namespace {

// The reset is written in seconds from now: the test makes it a time on its own clock when the
// row runs (the rows before it may take seconds, more under a sanitizer).
Fault primaryLimitResettingIn(qint64 seconds)
{
    Fault fault = Fault::withStatus(403, "API rate limit exceeded for user ID 1.");
    fault.headers = {{"x-ratelimit-limit", "5000"},
                     {"x-ratelimit-remaining", "0"},
                     {"x-ratelimit-used", "5000"},
                     {"x-ratelimit-resource", "core"},
                     {"x-ratelimit-reset", QByteArray::number(seconds)}};
    return fault;
}

} // namespace

void TestClient::rateLimitWaits_areBoundedAndNeverOverflow_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("waits");
    QTest::addColumn<bool>("waitedAndSucceeded"); // false: failed at once
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("retryInSeconds"); // about when the failure says to try again

    const QByteArray secondary = "You have exceeded a secondary rate limit.";
    const Fault absent = Fault::withStatus(429, "Too many requests.");
    const Fault noRetryAfter = Fault::withStatus(403, secondary);
    const Fault farReset = primaryLimitResettingIn(30 * 24 * 3600);
    using K = Error::Kind;
    for (const bool waits : {false, true}) {
        const char *mode = waits ? "--wait" : "no wait";
        const auto row = [&](const char *name, const Fault &fault, bool succeeds, K kind, qint64 seconds) {
            QTest::addRow("%s, %s", name, mode)
                << fault << waits << (waits && succeeds) << int(kind) << seconds;
        };
        row("429 retry-after 5", Fault::withStatus(429, {}, 5), true, K::SecondaryRateLimited, 5);
        row("429 retry-after 60", Fault::withStatus(429, {}, 60), true, K::SecondaryRateLimited, 60);
        row("429 retry-after 3600", Fault::withStatus(429, {}, 3600), false, K::SecondaryRateLimited, 3600);
        row("429 retry-after absent", absent, true, K::SecondaryRateLimited, 60);
        row("429 retry-after 2147483647", Fault::withStatus(429, {}, 2147483647), false,
            K::SecondaryRateLimited, 2147483647);
        row("secondary 403 without retry-after", noRetryAfter, true, K::SecondaryRateLimited, 60);
        row("primary reset 30 days ahead", farReset, false, K::RateLimited, 30 * 24 * 3600);
    }
}

// A wait the client accepts ends when the test's clock says so; one it refuses fails before
// any clock moves, with the time it may retry. No timer is ever started with a broken interval.
void TestClient::rateLimitWaits_areBoundedAndNeverOverflow()
{
    QFETCH(Fault, fault);
    QFETCH(bool, waits);
    QFETCH(bool, waitedAndSucceeded);
    QFETCH(int, kind);
    QFETCH(qint64, retryInSeconds);
    skipWaits(); // a wait the client takes is over at once: only refusals stay unfinished
    capturedMessages.clear();
    for (auto &[name, value] : fault.headers) {
        if (name == "x-ratelimit-reset") {
            value = QByteArray::number(m_now.toSecsSinceEpoch() + value.toLongLong());
        }
    }
    m_fake->armFault(u"/users/octocat"_s, fault);
    RequestOptions options;
    options.waitForRateLimit = waits;
    Request *request = m_client->get(m_client->endpoint(u"/users/octocat"_s), options);
    auto outcome = std::make_shared<Outcome>();
    connect(request, &Request::succeeded, this, [outcome] { outcome->done = outcome->ok = true; });
    connect(request, &Request::failed, this, [outcome](const Error &error) {
        outcome->done = true;
        outcome->error = error;
    });
    QTRY_VERIFY_WITH_TIMEOUT(outcome->done, 5000);
    QCOMPARE(outcome->ok, waitedAndSucceeded);
    QCOMPARE(logFor(u"/users/octocat"_s).size(), waitedAndSucceeded ? 2 : 1);
    if (!waitedAndSucceeded) {
        const Error &error = outcome->error;
        QCOMPARE(int(error.kind), int(kind));
        const qint64 retryIn = error.kind == Error::Kind::RateLimited ? m_now.secsTo(error.resetAt)
                                                                      : qint64(error.retryAfterSeconds);
        QVERIFY2(retryIn >= retryInSeconds - 5 && retryIn <= retryInSeconds + 5,
                 qPrintable(QString::number(retryIn)));
        QVERIFY(!error.message().isEmpty());
    }
    for (const QString &message : std::as_const(capturedMessages)) {
        QVERIFY2(!message.contains(u"Timers cannot"_s), qPrintable(message));
    }
}

void TestClient::retries_twoBadGatewaysThenSuccess()
{
    m_fake->armFault(u"/users/octocat"_s, Fault::withStatus(502), 2);
    const Outcome outcome = fetch(u"/users/octocat"_s);
    QVERIFY(outcome.ok);
    const QList<LoggedRequest> log = logFor(u"/users/octocat"_s);
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.at(0).status, 502);
    QCOMPARE(log.at(1).status, 502);
    QCOMPARE(log.at(2).status, 200);
}

void TestClient::retries_giveUpAfterThreeAttempts()
{
    m_fake->armFault(u"/users/octocat"_s, Fault::withStatus(503), -1);
    const Outcome outcome = fetch(u"/users/octocat"_s);
    QCOMPARE(outcome.error.kind, Error::Kind::Server);
    QCOMPARE(outcome.error.httpStatus, 503);
    QCOMPARE(logFor(u"/users/octocat"_s).size(), 3);
}

void TestClient::retries_notFoundIsNotRetried()
{
    const Outcome outcome = fetch(u"/users/no-such-user"_s);
    QCOMPARE(outcome.error.kind, Error::Kind::NotFound);
    QCOMPARE(outcome.error.githubMessage, u"Not Found"_s);
    QCOMPARE(logFor(u"/users/no-such-user"_s).size(), 1);
}

void TestClient::transferTimeout_endsAStalledRequest()
{
    m_client->setTransferTimeout(300);
    m_fake->armFault(u"/users/octocat"_s, Fault::of(Fault::Kind::Stall), -1);
    const Outcome outcome = fetch(u"/users/octocat"_s);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.kind, Error::Kind::Network);
    QTRY_COMPARE(logFor(u"/users/octocat"_s).size(), 3);
}

// Each byte comes well within the inactivity timeout, so only a whole-transfer deadline ends it.
void TestClient::transferDeadline_endsATricklingBody()
{
    m_client->setTransferTimeout(5000);
    m_client->setTransferDeadline(800);
    Fault fault = Fault::of(Fault::Kind::Trickle);
    fault.trickleMilliseconds = 100;
    m_fake->armFault(u"/users/octocat"_s, fault, -1);
    const Outcome outcome = fetch(u"/users/octocat"_s);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.kind, Error::Kind::Network);
    QVERIFY2(outcome.error.message().contains(u"took longer than"_s), qPrintable(outcome.error.message()));
    QCOMPARE(logFor(u"/users/octocat"_s).size(), 3); // retried with backoff, as a stall is
}

void TestClient::oversizedHeaders_failAtOnceWithoutRetrying_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<int>("transferTimeout"); // a hang shows as a timeout, not as a wait of minutes
    const auto headers = [](int count) {
        Fault fault = Fault::withBody(R"({"login":"octocat"})");
        for (int i = 0; i < count; ++i) {
            fault.headers.append({"X-Filler-" + QByteArray::number(i), "x"});
        }
        return fault;
    };
    QTest::newRow("120 headers") << headers(120) << 4000;
    QTest::newRow("10,000 headers") << headers(10000) << 4000;
    // Qt 6.4 parses a head one byte at a time: a megabyte takes seconds (14 on a loaded machine), and
    // a shorter timeout ends the reply before its status is known. Still below fetch()'s 20 s wait.
    Fault etag = Fault::withBody(R"({"login":"octocat"})");
    etag.headers.append({"ETag", '"' + QByteArray(1024 * 1024, 'e') + '"'});
    QTest::newRow("1 MB ETag") << etag << 18000;
}

// Qt's parser refuses such an answer; it used to hang until the transfer timeout, three times, and
// then until the timeout once: abortOnRefusedHeaders() ends it as the status line arrives.
void TestClient::oversizedHeaders_failAtOnceWithoutRetrying()
{
    QFETCH(Fault, fault);
    QFETCH(int, transferTimeout);
    m_client->setTransferTimeout(transferTimeout);
    m_fake->armFault(u"/users/octocat"_s, fault, -1);
    const Outcome outcome = fetch(u"/users/octocat"_s);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.kind, Error::Kind::Network);
    QVERIFY2(outcome.error.message().contains(u"malformed or oversized headers"_s),
             qPrintable(outcome.error.message()));
    QCOMPARE(logFor(u"/users/octocat"_s).size(), 1);
}

// An ETag Qt accepts but no GitHub sends is never stored, so never sent back either.
void TestClient::hugeEtag_isNeverStored()
{
    Fault fault = Fault::withBody(R"({"login":"octocat"})");
    fault.headers.append({"ETag", '"' + QByteArray(4096, 'e') + '"'});
    m_fake->armFault(u"/users/octocat"_s, fault);
    const Outcome first = fetch(u"/users/octocat"_s);
    QVERIFY2(first.ok, qPrintable(first.error.message()));
    QCOMPARE(first.response.cacheOutcome, CacheOutcome::Uncached);
    QVERIFY(fetch(u"/users/octocat"_s).ok);
    const QList<LoggedRequest> log = logFor(u"/users/octocat"_s);
    QCOMPARE(log.size(), 2);
    QVERIFY(log.last().ifNoneMatch.isEmpty());
}

void TestClient::offline_servesTheCacheAndNeverTheNetwork()
{
    m_fake->setMaxAge(0);
    QVERIFY(fetch(u"/users/octocat"_s).ok);
    m_fake->clearRequestLog();
    RequestOptions offline;
    offline.offline = true;
    const Outcome cached = fetch(u"/users/octocat"_s, offline);
    QVERIFY(cached.ok);
    QCOMPARE(cached.response.cacheOutcome, CacheOutcome::Fresh);
    const Outcome missing = fetch(u"/users/monalisa"_s, offline);
    QCOMPARE(missing.error.kind, Error::Kind::Offline);
    QVERIFY(m_fake->requestLog().isEmpty());
}

void TestClient::rateLimitEndpoint_fillsEveryResourceAndIsNeverCached()
{
    for (int i = 0; i < 2; ++i) {
        Request *request = m_client->fetchRateLimits();
        QSignalSpy succeeded(request, &Request::succeeded);
        QVERIFY(succeeded.wait(5000));
        QCOMPARE(succeeded.first().first().value<Response>().cacheOutcome, CacheOutcome::Uncached);
    }
    QCOMPARE(logFor(u"/rate_limit"_s).size(), 2);
    QVERIFY(m_client->rateLimits()->all().size() >= 3);
    QCOMPARE(m_client->rateLimits()->limit(u"core"_s).limit, 5000);
    QCOMPARE(m_fake->pointsUsed(u"octocat"_s), 0);
}

// GitHub's /rate_limit bodies before 2020 had no `used`: the header path's fallback, not -1.
void TestClient::rateLimitEndpoint_withoutUsed_countsLimitMinusRemaining()
{
    m_fake->armFault(
        u"/rate_limit"_s,
        Fault::withBody(R"({"resources":{"core":{"limit":5000,"remaining":4990,"reset":1700000000},)"
                        R"("search":{"limit":30,"remaining":30,"reset":1700000000}},)"
                        R"("rate":{"limit":5000,"remaining":4990,"reset":1700000000}})"));
    Request *request = m_client->fetchRateLimits();
    QSignalSpy done(request, &Request::succeeded);
    QVERIFY(done.wait(5000));
    QCOMPARE(m_client->rateLimits()->limit(u"core"_s).used, 10);
    QCOMPARE(m_client->rateLimits()->limit(u"search"_s).used, 0);
}

void TestClient::logLines_nameMethodUrlStatusOutcomeAndLimit()
{
    capturedMessages.clear();
    QSignalSpy logged(m_client.get(), &Client::requestLogged);
    QVERIFY(fetch(u"/users/octocat"_s).ok);
    QVERIFY(fetch(u"/users/octocat"_s).ok);
    QCOMPARE(logged.count(), 2);
    const auto miss = logged.at(0).first().value<RequestLogEntry>();
    QCOMPARE(miss.status, 200);
    QCOMPARE(miss.outcome, CacheOutcome::Miss);
    QCOMPARE(miss.remaining, 4999);
    QCOMPARE(miss.limit, 5000);
    const QString url = m_client->endpoint(u"/users/octocat"_s).toDisplayString();
    const QRegularExpression line(u"^hubshelf.github GET "_s + QRegularExpression::escape(url) +
                                  u" 200 miss \\d+ms 4999/5000$"_s);
    QVERIFY2(capturedMessages.indexOf(line) >= 0, qPrintable(capturedMessages.join(u'\n')));
    QCOMPARE(logged.at(1).first().value<RequestLogEntry>().outcome, CacheOutcome::Fresh);
}

void TestClient::token_neverInTheCacheFileOrTheLogs()
{
    capturedMessages.clear();
    m_fake->setMaxAge(0);
    for (const QString &path : {u"/users/octocat"_s, u"/users/octocat/gists"_s, u"/users/octocat"_s}) {
        QVERIFY(fetch(path).ok);
    }
    useToken(FakeGitHub::Tokens::OctocatRotated);
    QVERIFY(fetch(u"/users/octocat"_s).ok);
    QVERIFY(fetch(u"/users/no-such-user"_s).error.kind == Error::Kind::NotFound);
    for (const QString &suffix : {QString(), u"-wal"_s}) {
        QFile file(m_cache->databasePath() + suffix);
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = file.readAll();
            QVERIFY(!bytes.contains(FakeGitHub::Tokens::Octocat));
            QVERIFY(!bytes.contains(FakeGitHub::Tokens::OctocatRotated));
        }
    }
    QVERIFY(!capturedMessages.isEmpty());
    for (const QString &message : std::as_const(capturedMessages)) {
        QVERIFY(!message.contains(QString::fromLatin1(FakeGitHub::Tokens::Octocat)));
        QVERIFY(!message.contains(QString::fromLatin1(FakeGitHub::Tokens::OctocatRotated)));
    }
}

void TestClient::mirrorAuthorization_isTheRequestersOwnAndItsTokensIdentity()
{
    const QString path = u"/repos/octocat/secret-plans"_s;
    QVERIFY(fetch(path).ok); // the client's own token: octocat's
    RequestOptions mirror;
    mirror.keepAnswer = true;
    // The same token in the downstream's own words is the same identity: served fresh.
    mirror.authorization = "token " + FakeGitHub::Tokens::Octocat;
    const Outcome same = fetch(path, mirror);
    QVERIFY(same.ok);
    QCOMPARE(same.response.cacheOutcome, CacheOutcome::Fresh);
    QCOMPARE(logFor(path).size(), 1);
    // Another user's token goes upstream as that user's, and GitHub's whole 404 comes back.
    mirror.authorization = "Bearer " + FakeGitHub::Tokens::Monalisa;
    const Outcome other = fetch(path, mirror);
    QVERIFY(!other.ok);
    QCOMPARE(logFor(path).size(), 2);
    QCOMPARE(logFor(path).last().login, FakeGitHub::Names::Monalisa);
    QVERIFY(other.error.answer);
    QCOMPARE(other.error.answer->status, 404);
    QCOMPARE(QJsonDocument::fromJson(other.error.answer->body).object().value(u"message"_s).toString(),
             u"Not Found"_s);
    QVERIFY(!findHeader(other.error.answer->headers, "x-ratelimit-remaining").isEmpty());
    // Without an Authorization of its own the request is anonymous, never the client's token.
    mirror.authorization = QByteArray();
    const Outcome anonymous = fetch(path, mirror);
    QCOMPARE(anonymous.error.kind, Error::Kind::NotFound);
    QVERIFY(!logFor(path).last().authorized);
    // A request that did not ask keeps no answer.
    useToken(FakeGitHub::Tokens::Monalisa);
    QVERIFY(!fetch(path).error.answer);
}

void TestClient::mirrorRequest_isNotHeldByALimitSeenForAnotherIdentity()
{
    useTestClock();
    m_fake->setRateLimit(2, 60);
    m_fake->setRateLimitWindow(2);
    QVERIFY(fetch(u"/users/octocat"_s).ok);
    QVERIFY(fetch(u"/users/monalisa"_s).ok); // octocat's core limit: 0 remaining
    QSignalSpy waiting(m_client.get(), &Client::waitingForRateLimit);
    RequestOptions mirror;
    mirror.authorization = "token " + FakeGitHub::Tokens::Monalisa;
    mirror.waitForRateLimit = false;
    const Outcome monalisa = fetch(u"/orgs/github"_s, mirror);
    QVERIFY2(monalisa.ok, qPrintable(monalisa.error.message()));
    QCOMPARE(waiting.count(), 0);
    // Octocat's own request through the mirror is GitHub's to refuse, with its 403 passed on.
    mirror.authorization = "token " + FakeGitHub::Tokens::Octocat;
    mirror.keepAnswer = true;
    const Outcome octocat = fetch(u"/orgs/megacorp"_s, mirror);
    QCOMPARE(octocat.error.kind, Error::Kind::RateLimited);
    QCOMPARE(logFor(u"/orgs/megacorp"_s).size(), 1);
    QVERIFY(octocat.error.answer);
    QCOMPARE(findHeader(octocat.error.answer->headers, "x-ratelimit-remaining"), "0");
    QCOMPARE(waiting.count(), 0);
}

QTEST_GUILESS_MAIN(TestClient)
#include "test_client.moc"
