// GitHub::ResponseCache: what the client asks of the ETag cache before a request goes out and after
// a 200 or a 304 comes back, on a real EtagCache (an SQLite file in a temporary folder), no socket.

#include "cache/etagcache.h"
#include "github/cachepolicy.h"
#include "github/responsecache.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Hubshelf;
using namespace Hubshelf::GitHub;

namespace {

const QDateTime Then(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
const QByteArray ReposBody = "[{\"id\":1,\"name\":\"Hello-World\"}]";
const QByteArray AuthorizationA = "Bearer token-a";
const QByteArray AuthorizationB = "Bearer token-b";

RawHeaders githubHeaders(const QByteArray &etag)
{
    RawHeaders headers{{"Content-Type", "application/json; charset=utf-8"},
                       {"Cache-Control", "private, max-age=60, s-maxage=60"},
                       {"Link", "<https://api.github.com/users/octocat/repos?page=2>; rel=\"next\""}};
    if (!etag.isEmpty()) {
        headers.append({"ETag", etag});
    }
    return headers;
}

} // namespace

class TestResponseCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void identity_isTheCachesKeyedHashOrAnonWithoutACache();
    void store_a200IsAMissAndTheNextLookupWithinMaxAgeIsFresh();
    void lookup_aLargeFreshBodyComesSealedAndUnsealsToTheSameAnswer();
    void unsealed_aDamagedBodyIsDroppedAndTheNextLookupAsksTheNetwork();
    void lookup_staleEntryGoesOutWithItsOwnEtag();
    void lookup_revalidateSkipsAFreshEntry();
    void lookup_otherIdentitysEntryGoesOutWithTheComputedEtag();
    void lookup_uncachedListProbesWithTheEmptyListEtag();
    void lookup_offlineServesAnyEntryAndMissesWithoutOne();
    void lookup_neverTouchesTheCacheForAnUncacheableRequest_data();
    void lookup_neverTouchesTheCacheForAnUncacheableRequest();
    void store_keepsNothingThatIsNotStorable_data();
    void store_keepsNothingThatIsNotStorable();
    void accept_aBodyCutShortIsRefusedAndNeverStored_data();
    void accept_aBodyCutShortIsRefusedAndNeverStored();
    void accept_anotherOriginsBodyIsNotJson();
    void revalidate_refusesA304ToAnUnconditionalRequest();
    void revalidate_ownEntryIsFreshAgainWithThe304sEtag();
    void revalidate_copiesAnotherIdentitysEntryToTheAskingOne();
    void revalidate_emptyListProbeKeepsTheEmptyList();
    void withoutACache_everythingGoesOutUncached();

private:
    ResponseCache::Query query(const QByteArray &authorization, RequestOptions options = {}) const;
    void storeRepos(const QByteArray &authorization, const QByteArray &etag, const QDateTime &at);

    QTemporaryDir m_dir;
    std::unique_ptr<Cache::EtagCache> m_etagCache;
    std::unique_ptr<ResponseCache> m_cache;
    int m_number = 0;
};

void TestResponseCache::init()
{
    QVERIFY(m_dir.isValid());
    m_etagCache = std::make_unique<Cache::EtagCache>(m_dir.filePath(u"cache-%1.sqlite"_s.arg(++m_number)));
    QVERIFY(m_etagCache->open());
    m_etagCache->setClock([] { return Then; });
    m_cache = std::make_unique<ResponseCache>(m_etagCache.get());
}

void TestResponseCache::cleanup()
{
    m_cache.reset();
    m_etagCache.reset();
}

ResponseCache::Query TestResponseCache::query(const QByteArray &authorization, RequestOptions options) const
{
    const QByteArray token = authorization.mid(int(qstrlen("Bearer ")));
    return {QUrl(u"https://api.github.com/users/octocat/repos"_s),
            m_cache->identityFor(token),
            authorization,
            options,
            true,
            true};
}

void TestResponseCache::storeRepos(const QByteArray &authorization, const QByteArray &etag,
                                   const QDateTime &at)
{
    QCOMPARE(m_cache->store(query(authorization), 200, githubHeaders(etag), ReposBody, at),
             CacheOutcome::Miss);
}

void TestResponseCache::identity_isTheCachesKeyedHashOrAnonWithoutACache()
{
    QCOMPARE(m_cache->identityFor("token-a"), m_etagCache->identityFor("token-a"));
    QVERIFY(m_cache->identityFor("token-a") != m_cache->identityFor("token-b"));
    QVERIFY(!m_cache->identityFor("token-a").contains("token-a"));
    QCOMPARE(ResponseCache(nullptr).identityFor("token-a"), QByteArray("anon"));
}

void TestResponseCache::store_a200IsAMissAndTheNextLookupWithinMaxAgeIsFresh()
{
    storeRepos(AuthorizationA, "W/\"v1\"", Then);
    QCOMPARE(m_etagCache->statistics().misses, 1);

    const ResponseCache::Lookup lookup = m_cache->lookup(query(AuthorizationA), Then.addSecs(59));
    QCOMPARE(lookup.answer, ResponseCache::Lookup::Answer::Fresh);
    QCOMPARE(lookup.fresh.body, ReposBody);
    QCOMPARE(lookup.fresh.cacheOutcome, CacheOutcome::Fresh);
    QCOMPARE(lookup.fresh.url, query(AuthorizationA).url);
    QCOMPARE(lookup.fresh.header("etag"), QByteArray("W/\"v1\""));
    QVERIFY(lookup.fresh.header("link").contains("rel=\"next\""));
    QCOMPARE(lookup.validator.kind, CacheValidator::Kind::None);
    QCOMPARE(m_etagCache->statistics().freshHits, 1);
    QCOMPARE(m_etagCache->statistics().bytesSaved, qint64(ReposBody.size()));
}

void TestResponseCache::lookup_aLargeFreshBodyComesSealedAndUnsealsToTheSameAnswer()
{
    storeRepos(AuthorizationA, "W/\"v1\"", Then);
    const qsizetype sealFrom = ReposBody.size(); // this body and larger ones come sealed
    ResponseCache::Lookup sealed = m_cache->lookup(query(AuthorizationA), Then.addSecs(59), sealFrom);
    QCOMPARE(sealed.answer, ResponseCache::Lookup::Answer::Fresh);
    QVERIFY(sealed.sealed.has_value());
    QCOMPARE(sealed.sealed->bodySize(), ReposBody.size());
    QVERIFY(sealed.fresh.body.isEmpty());
    QCOMPARE(m_etagCache->statistics().freshHits, 0); // not served yet

    std::optional<QByteArray> body = Cache::unsealBody(*sealed.sealed); // on any thread
    QCOMPARE(body.value_or(QByteArray()), ReposBody);
    const std::optional<Response> served = m_cache->unsealed(query(AuthorizationA), sealed, body);
    QVERIFY(served.has_value());
    QCOMPARE(served->body, ReposBody);
    QCOMPARE(served->cacheOutcome, CacheOutcome::Fresh);
    QCOMPARE(served->header("etag"), QByteArray("W/\"v1\""));
    QCOMPARE(m_etagCache->statistics().freshHits, 1);
    QCOMPARE(m_etagCache->statistics().bytesSaved, qint64(ReposBody.size()));

    // A smaller body than sealFrom, or a stale one that goes out, is unsealed at once.
    const ResponseCache::Lookup open = m_cache->lookup(query(AuthorizationA), Then.addSecs(59), sealFrom + 1);
    QVERIFY(!open.sealed);
    QCOMPARE(open.fresh.body, ReposBody);
    const ResponseCache::Lookup stale = m_cache->lookup(query(AuthorizationA), Then.addSecs(61), sealFrom);
    QCOMPARE(stale.answer, ResponseCache::Lookup::Answer::Fetch);
    QVERIFY(!stale.sealed);
    QCOMPARE(stale.validator.cached.value_or(Cache::CachedResponse{}).body, ReposBody);
}

void TestResponseCache::unsealed_aDamagedBodyIsDroppedAndTheNextLookupAsksTheNetwork()
{
    storeRepos(AuthorizationA, "W/\"v1\"", Then);
    ResponseCache::Lookup sealed = m_cache->lookup(query(AuthorizationA), Then.addSecs(59), 1);
    QVERIFY(sealed.sealed.has_value());
    Cache::SealedEntry damaged = *sealed.sealed;
    damaged.stored[damaged.stored.size() / 2] = char(damaged.stored.at(damaged.stored.size() / 2) ^ 0x10);
    const std::optional<QByteArray> body = Cache::unsealBody(damaged);
    QVERIFY(!body);

    QVERIFY(!m_cache->unsealed(query(AuthorizationA), sealed, body));
    QCOMPARE(m_etagCache->statistics().corruptDropped, 1);
    QCOMPARE(m_etagCache->statistics().freshHits, 0);
    const ResponseCache::Lookup again = m_cache->lookup(query(AuthorizationA), Then.addSecs(59), 1);
    QCOMPARE(again.answer, ResponseCache::Lookup::Answer::Fetch);
    QCOMPARE(again.validator.kind, CacheValidator::Kind::None); // nothing of it is left
}

void TestResponseCache::lookup_staleEntryGoesOutWithItsOwnEtag()
{
    storeRepos(AuthorizationA, "W/\"v1\"", Then);

    const ResponseCache::Lookup lookup = m_cache->lookup(query(AuthorizationA), Then.addSecs(60));
    QCOMPARE(lookup.answer, ResponseCache::Lookup::Answer::Fetch);
    QCOMPARE(lookup.validator.kind, CacheValidator::Kind::Own);
    // Sent back exactly as received, weak prefix included, whatever the request's Authorization.
    QCOMPARE(lookup.validator.ifNoneMatch(AuthorizationA), QByteArray("W/\"v1\""));
    QCOMPARE(lookup.validator.ifNoneMatch({}), QByteArray("W/\"v1\""));
    QCOMPARE(m_etagCache->statistics().freshHits, 0);
}

void TestResponseCache::lookup_revalidateSkipsAFreshEntry()
{
    storeRepos(AuthorizationA, "\"v1\"", Then);
    RequestOptions options;
    options.revalidate = true;

    const ResponseCache::Lookup lookup = m_cache->lookup(query(AuthorizationA, options), Then);
    QCOMPARE(lookup.answer, ResponseCache::Lookup::Answer::Fetch);
    QCOMPARE(lookup.validator.kind, CacheValidator::Kind::Own);
    QCOMPARE(lookup.validator.ifNoneMatch(AuthorizationA), QByteArray("\"v1\""));
}

void TestResponseCache::lookup_otherIdentitysEntryGoesOutWithTheComputedEtag()
{
    storeRepos(AuthorizationA, "\"as-github-sent-it-to-a\"", Then);

    const ResponseCache::Lookup lookup = m_cache->lookup(query(AuthorizationB), Then);
    // Never shown to B without a 304: B's request goes out, offering A's body by B's ETag.
    QCOMPARE(lookup.answer, ResponseCache::Lookup::Answer::Fetch);
    QCOMPARE(lookup.validator.kind, CacheValidator::Kind::OtherIdentity);
    QCOMPARE(lookup.validator.ifNoneMatch(AuthorizationB),
             CachePolicy::githubEtag(AuthorizationB, ReposBody));
    QVERIFY(lookup.validator.ifNoneMatch(AuthorizationB) !=
            CachePolicy::githubEtag(AuthorizationA, ReposBody));
    QCOMPARE(m_etagCache->statistics().freshHits, 0);
}

void TestResponseCache::lookup_uncachedListProbesWithTheEmptyListEtag()
{
    RequestOptions list;
    list.expectList = true;
    const ResponseCache::Lookup probe = m_cache->lookup(query(AuthorizationA, list), Then);
    QCOMPARE(probe.answer, ResponseCache::Lookup::Answer::Fetch);
    QCOMPARE(probe.validator.kind, CacheValidator::Kind::EmptyListProbe);
    QCOMPARE(probe.validator.ifNoneMatch(AuthorizationA), CachePolicy::emptyListEtag(AuthorizationA));

    // Not a list: nothing to offer, so the request is unconditional.
    const ResponseCache::Lookup plain = m_cache->lookup(query(AuthorizationA), Then);
    QCOMPARE(plain.answer, ResponseCache::Lookup::Answer::Fetch);
    QCOMPARE(plain.validator.kind, CacheValidator::Kind::None);
    QVERIFY(plain.validator.ifNoneMatch(AuthorizationA).isEmpty());
}

void TestResponseCache::lookup_offlineServesAnyEntryAndMissesWithoutOne()
{
    storeRepos(AuthorizationA, "\"v1\"", Then);
    RequestOptions offline;
    offline.offline = true;

    const ResponseCache::Lookup stale = m_cache->lookup(query(AuthorizationA, offline), Then.addDays(30));
    QCOMPARE(stale.answer, ResponseCache::Lookup::Answer::Fresh);
    QCOMPARE(stale.fresh.body, ReposBody);

    // Another identity's body is never shown without a 304, and offline there is none.
    const ResponseCache::Lookup other = m_cache->lookup(query(AuthorizationB, offline), Then);
    QCOMPARE(other.answer, ResponseCache::Lookup::Answer::OfflineMiss);

    // F5 while offline: there is nobody to revalidate with, so what was saved answers, with its time.
    offline.revalidate = true;
    const ResponseCache::Lookup refresh = m_cache->lookup(query(AuthorizationA, offline), Then.addDays(30));
    QCOMPARE(refresh.answer, ResponseCache::Lookup::Answer::Fresh);
    QCOMPARE(refresh.fresh.body, ReposBody);
    QCOMPARE(refresh.fresh.savedAt, Then);
}

void TestResponseCache::lookup_neverTouchesTheCacheForAnUncacheableRequest_data()
{
    QTest::addColumn<bool>("useCache");
    QTest::addColumn<bool>("cacheableUrl");
    QTest::newRow("--no-cache") << false << true;
    QTest::newRow("/rate_limit or another origin") << true << false;
}

void TestResponseCache::lookup_neverTouchesTheCacheForAnUncacheableRequest()
{
    QFETCH(bool, useCache);
    QFETCH(bool, cacheableUrl);
    storeRepos(AuthorizationA, "\"v1\"", Then);
    RequestOptions options;
    options.useCache = useCache;
    options.expectList = true;
    ResponseCache::Query asked = query(AuthorizationA, options);
    asked.cacheableUrl = cacheableUrl;

    const ResponseCache::Lookup lookup = m_cache->lookup(asked, Then);
    QCOMPARE(lookup.answer, ResponseCache::Lookup::Answer::Fetch);
    QCOMPARE(lookup.validator.kind, CacheValidator::Kind::None);

    QCOMPARE(m_cache->store(asked, 200, githubHeaders("\"v2\""), "[]", Then), CacheOutcome::Uncached);
    QCOMPARE(
        m_etagCache->find(CachePolicy::cacheKey(asked.url), CachePolicy::AcceptValue, asked.identity)->etag,
        QByteArray("\"v1\""));
    QCOMPARE(m_etagCache->statistics().uncached, 1);
}

void TestResponseCache::store_keepsNothingThatIsNotStorable_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<RawHeaders>("headers");
    QTest::newRow("no ETag") << 200 << githubHeaders({});
    QTest::newRow("no-store") << 200
                              << RawHeaders{{"Cache-Control", "private, no-store"}, {"ETag", "\"v1\""}};
    QTest::newRow("201") << 201 << githubHeaders("\"v1\"");
}

void TestResponseCache::store_keepsNothingThatIsNotStorable()
{
    QFETCH(int, status);
    QFETCH(RawHeaders, headers);

    QCOMPARE(m_cache->store(query(AuthorizationA), status, headers, ReposBody, Then), CacheOutcome::Uncached);
    QCOMPARE(m_etagCache->entryCount(), 0);
    QCOMPARE(m_etagCache->statistics().uncached, 1);
    QCOMPARE(m_etagCache->statistics().misses, 0);
}

void TestResponseCache::accept_aBodyCutShortIsRefusedAndNeverStored_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("cut short") << ReposBody.left(ReposBody.size() / 2);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("a raw NUL in a string") << QByteArray("[{\"name\":\"a\0b\"}]", 16);
}

void TestResponseCache::accept_aBodyCutShortIsRefusedAndNeverStored()
{
    QFETCH(QByteArray, body);
    storeRepos(AuthorizationA, "\"v1\"", Then);

    QVERIFY(!m_cache->accept(query(AuthorizationA), 200, githubHeaders("\"v2\""), body, Then.addSecs(600)));
    const std::optional<Cache::CachedResponse> kept =
        m_etagCache->find(CachePolicy::cacheKey(query(AuthorizationA).url), CachePolicy::AcceptValue,
                          query(AuthorizationA).identity);
    QVERIFY(kept);
    QCOMPARE(kept->etag, QByteArray("\"v1\""));
    QCOMPARE(kept->body, ReposBody);

    const std::optional<Response> whole =
        m_cache->accept(query(AuthorizationA), 200, githubHeaders("\"v2\""), ReposBody, Then.addSecs(600));
    QVERIFY(whole);
    QCOMPARE(whole->cacheOutcome, CacheOutcome::Miss);
    QVERIFY(whole->json.isArray()); // parsed once, here
    QCOMPARE(whole->body, ReposBody);
}

void TestResponseCache::accept_anotherOriginsBodyIsNotJson()
{
    ResponseCache::Query avatar = query(AuthorizationA);
    avatar.url = QUrl(u"https://avatars.githubusercontent.com/u/583231"_s);
    avatar.cacheableUrl = false;
    avatar.jsonUrl = false;
    const QByteArray png("\x89PNG\r\n\x1a\n", 8);
    const std::optional<Response> response = m_cache->accept(avatar, 200, {}, png, Then);
    QVERIFY(response);
    QCOMPARE(response->body, png);
    QCOMPARE(response->cacheOutcome, CacheOutcome::Uncached);
    QVERIFY(response->json.isNull());
    QCOMPARE(m_etagCache->entryCount(), 0);
}

void TestResponseCache::revalidate_refusesA304ToAnUnconditionalRequest()
{
    storeRepos(AuthorizationA, "\"v1\"", Then);

    const std::optional<Response> response = m_cache->revalidate(query(AuthorizationA), CacheValidator{},
                                                                 githubHeaders("\"v1\""), Then.addSecs(600));
    QVERIFY(!response);
    QCOMPARE(m_etagCache->statistics().revalidated, 0);
    // The entry stays as it was: stale.
    QVERIFY(!m_etagCache
                 ->find(CachePolicy::cacheKey(query(AuthorizationA).url), CachePolicy::AcceptValue,
                        query(AuthorizationA).identity)
                 ->isFresh(Then.addSecs(600)));
}

void TestResponseCache::revalidate_ownEntryIsFreshAgainWithThe304sEtag()
{
    storeRepos(AuthorizationA, "\"v1\"", Then);
    const QDateTime later = Then.addSecs(600);
    const ResponseCache::Lookup lookup = m_cache->lookup(query(AuthorizationA), later);
    QCOMPARE(lookup.validator.kind, CacheValidator::Kind::Own);

    const RawHeaders answer{
        {"ETag", "\"v2\""}, {"Cache-Control", "private, max-age=60"}, {"X-RateLimit-Remaining", "4999"}};
    const std::optional<Response> response =
        m_cache->revalidate(query(AuthorizationA), lookup.validator, answer, later);
    QVERIFY(response);
    QCOMPARE(response->cacheOutcome, CacheOutcome::Revalidated);
    QCOMPARE(response->body, ReposBody);
    QCOMPARE(response->header("x-ratelimit-remaining"), QByteArray("4999")); // the 304's
    QCOMPARE(response->header("etag"), QByteArray("\"v2\""));
    QVERIFY(response->header("link").contains("rel=\"next\"")); // kept from the entry
    QCOMPARE(m_etagCache->statistics().revalidated, 1);

    const ResponseCache::Lookup again = m_cache->lookup(query(AuthorizationA), later.addSecs(30));
    QCOMPARE(again.answer, ResponseCache::Lookup::Answer::Fresh);
    QCOMPARE(again.fresh.header("etag"), QByteArray("\"v2\""));
}

void TestResponseCache::revalidate_copiesAnotherIdentitysEntryToTheAskingOne()
{
    storeRepos(AuthorizationA, "\"a\"", Then);
    const ResponseCache::Query asB = query(AuthorizationB);
    const ResponseCache::Lookup lookup = m_cache->lookup(asB, Then);
    QCOMPARE(lookup.validator.kind, CacheValidator::Kind::OtherIdentity);
    QVERIFY(!m_etagCache->find(CachePolicy::cacheKey(asB.url), CachePolicy::AcceptValue, asB.identity));

    const QByteArray etagForB = CachePolicy::githubEtag(AuthorizationB, ReposBody);
    const std::optional<Response> response = m_cache->revalidate(
        asB, lookup.validator, {{"ETag", etagForB}, {"Cache-Control", "max-age=60"}}, Then);
    QVERIFY(response);
    QCOMPARE(response->body, ReposBody);
    QCOMPARE(response->cacheOutcome, CacheOutcome::Revalidated);

    const std::optional<Cache::CachedResponse> copied =
        m_etagCache->find(CachePolicy::cacheKey(asB.url), CachePolicy::AcceptValue, asB.identity);
    QVERIFY(copied);
    QCOMPARE(copied->body, ReposBody);
    QCOMPARE(copied->etag, etagForB);
    QCOMPARE(m_etagCache->entryCount(), 2); // A keeps its own
    QCOMPARE(m_cache->lookup(asB, Then.addSecs(10)).answer, ResponseCache::Lookup::Answer::Fresh);
}

void TestResponseCache::revalidate_emptyListProbeKeepsTheEmptyList()
{
    RequestOptions list;
    list.expectList = true;
    const ResponseCache::Query asked = query(AuthorizationA, list);
    const ResponseCache::Lookup probe = m_cache->lookup(asked, Then);
    QCOMPARE(probe.validator.kind, CacheValidator::Kind::EmptyListProbe);

    const std::optional<Response> response =
        m_cache->revalidate(asked, probe.validator, {{"Cache-Control", "private, max-age=60"}}, Then);
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("[]"));
    QCOMPARE(response->header("etag"), CachePolicy::emptyListEtag(AuthorizationA));

    const ResponseCache::Lookup again = m_cache->lookup(asked, Then.addSecs(1));
    QCOMPARE(again.answer, ResponseCache::Lookup::Answer::Fresh);
    QCOMPARE(again.fresh.body, QByteArray("[]"));
}

void TestResponseCache::withoutACache_everythingGoesOutUncached()
{
    ResponseCache none(nullptr);
    RequestOptions list;
    list.expectList = true;
    const ResponseCache::Query asked = query(AuthorizationA, list);

    const ResponseCache::Lookup lookup = none.lookup(asked, Then);
    QCOMPARE(lookup.answer, ResponseCache::Lookup::Answer::Fetch);
    QCOMPARE(lookup.validator.kind, CacheValidator::Kind::None);
    QCOMPARE(none.store(asked, 200, githubHeaders("\"v1\""), ReposBody, Then), CacheOutcome::Uncached);
    QVERIFY(!none.revalidate(asked, lookup.validator, {}, Then));
    QCOMPARE(m_etagCache->entryCount(), 0);
}

QTEST_GUILESS_MAIN(TestResponseCache)
#include "test_responsecache.moc"
