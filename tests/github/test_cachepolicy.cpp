// GitHub::CachePolicy: cache keys, GitHub's computed ETags, max-age, and the entries 200 and 304
// answers make. Pure functions: no socket, no database.

#include "github/cachepolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Hubshelf;
using namespace Hubshelf::GitHub;

namespace {

const QDateTime Now(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);

Cache::CachedResponse cachedRepos()
{
    Cache::CachedResponse entry;
    entry.url = "https://api.github.com/users/octocat/repos";
    entry.variant = CachePolicy::AcceptValue;
    entry.identity = "identity-a";
    entry.etag = "W/\"old\"";
    entry.lastModified = "Tue, 01 Jan 2030 00:00:00 GMT";
    entry.link = "<https://api.github.com/users/octocat/repos?page=2>; rel=\"next\"";
    entry.contentType = "application/json; charset=utf-8";
    entry.fetchedAt = Now.addDays(-1);
    entry.lastUsed = Now.addDays(-1);
    entry.maxAgeSeconds = 60;
    entry.body = "[{\"id\":1}]";
    return entry;
}

} // namespace

class TestCachePolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cacheKey_ignoresQueryOrderAndHostCase_data();
    void cacheKey_ignoresQueryOrderAndHostCase();
    void cacheKey_keepsWhatChangesTheAnswer();
    void githubEtag_hashesThePresentHeaderValuesThenTheBody_data();
    void githubEtag_hashesThePresentHeaderValuesThenTheBody();
    void emptyListEtag_dependsOnTheToken();
    void maxAge_readsTheDirective_data();
    void maxAge_readsTheDirective();
    void isStorable_onlyA200WithAnEtagAndWithoutNoStore_data();
    void isStorable_onlyA200WithAnEtagAndWithoutNoStore();
    void entryFrom200_keepsTheBodyAndTheHeadersToServeIt();
    void entryFrom304_freshFromNowAndTakesWhatThe304Says();
    void entryFrom304_keepsEtagAndLinkThe304LeftOut();
    void entryFrom304_movesAnotherIdentitysEntryToTheAskingOne();
    void emptyListEntry_isTheEmptyArrayWithItsEtag();
    void mergedHeaders_addOnlyWhatTheAnswerLeftOut();
};

void TestCachePolicy::cacheKey_ignoresQueryOrderAndHostCase_data()
{
    QTest::addColumn<QUrl>("a");
    QTest::addColumn<QUrl>("b");
    QTest::newRow("query order") << QUrl(u"https://api.github.com/orgs/x/repos?per_page=100&page=2"_s)
                                 << QUrl(u"https://api.github.com/orgs/x/repos?page=2&per_page=100"_s);
    QTest::newRow("host and scheme case")
        << QUrl(u"HTTPS://API.GitHub.com/users/octocat"_s) << QUrl(u"https://api.github.com/users/octocat"_s);
    QTest::newRow("fragment") << QUrl(u"https://api.github.com/users/octocat#top"_s)
                              << QUrl(u"https://api.github.com/users/octocat"_s);
    QTest::newRow("dot segments") << QUrl(u"https://api.github.com/users/./octocat"_s)
                                  << QUrl(u"https://api.github.com/users/octocat"_s);
}

void TestCachePolicy::cacheKey_ignoresQueryOrderAndHostCase()
{
    QFETCH(QUrl, a);
    QFETCH(QUrl, b);
    QCOMPARE(CachePolicy::cacheKey(a), CachePolicy::cacheKey(b));
}

void TestCachePolicy::cacheKey_keepsWhatChangesTheAnswer()
{
    const QByteArray page2 = CachePolicy::cacheKey(QUrl(u"https://api.github.com/orgs/x/repos?page=2"_s));
    QCOMPARE(page2, QByteArray("https://api.github.com/orgs/x/repos?page=2"));
    QVERIFY(page2 != CachePolicy::cacheKey(QUrl(u"https://api.github.com/orgs/x/repos?page=3"_s)));
    QVERIFY(page2 != CachePolicy::cacheKey(QUrl(u"https://api.github.com/orgs/X/repos?page=2"_s)));
    // An encoded slash is part of a name, not a path separator.
    QVERIFY(CachePolicy::cacheKey(QUrl::fromEncoded("https://api.github.com/repos/o/a%2Fb")) !=
            CachePolicy::cacheKey(QUrl::fromEncoded("https://api.github.com/repos/o/a/b")));
}

void TestCachePolicy::githubEtag_hashesThePresentHeaderValuesThenTheBody_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("cookie");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("etag");
    // sha256("application/vnd.github+json:Bearer abc:[]") and so on, computed independently.
    QTest::newRow("with a token")
        << QByteArray("Bearer abc") << QByteArray() << QByteArray("[]")
        << QByteArray("\"a7549b232019462b0a510edac7f6536d51b27f312bd9a98fc4d5e621cfac1f1b\"");
    QTest::newRow("anonymous") << QByteArray() << QByteArray() << QByteArray("[]")
                               << QByteArray(
                                      "\"74d1db57f0fec3481bb6b4d9bcdc020d656635ec6c53ee589d27a8831cbbe280\"");
    QTest::newRow("with a cookie")
        << QByteArray("Bearer abc") << QByteArray("session=1") << QByteArray("{\"a\":1}")
        << QByteArray("\"a447ef201aff220465160d945a0c115e042179e164f03736d97c6801427649b6\"");
}

void TestCachePolicy::githubEtag_hashesThePresentHeaderValuesThenTheBody()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, cookie);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, etag);
    QCOMPARE(CachePolicy::githubEtag(CachePolicy::AcceptValue, authorization, cookie, body), etag);
    if (cookie.isEmpty()) {
        QCOMPARE(CachePolicy::githubEtag(authorization, body), etag);
    }
}

void TestCachePolicy::emptyListEtag_dependsOnTheToken()
{
    QCOMPARE(CachePolicy::emptyListEtag("Bearer abc"), CachePolicy::githubEtag("Bearer abc", "[]"));
    QVERIFY(CachePolicy::emptyListEtag("Bearer abc") != CachePolicy::emptyListEtag("Bearer xyz"));
    QVERIFY(CachePolicy::emptyListEtag("Bearer abc") != CachePolicy::emptyListEtag({}));
}

void TestCachePolicy::maxAge_readsTheDirective_data()
{
    QTest::addColumn<QByteArray>("cacheControl");
    QTest::addColumn<int>("seconds");
    QTest::newRow("GitHub's") << QByteArray("private, max-age=60, s-maxage=60") << 60;
    QTest::newRow("upper case, spaces") << QByteArray("PRIVATE,  Max-Age=120 ") << 120;
    QTest::newRow("s-maxage only") << QByteArray("s-maxage=60") << 0;
    QTest::newRow("absent") << QByteArray() << 0;
    QTest::newRow("negative") << QByteArray("max-age=-5") << 0;
    QTest::newRow("no-cache") << QByteArray("no-cache") << 0;
}

void TestCachePolicy::maxAge_readsTheDirective()
{
    QFETCH(QByteArray, cacheControl);
    QFETCH(int, seconds);
    QCOMPARE(CachePolicy::maxAgeSeconds(cacheControl), seconds);
}

void TestCachePolicy::isStorable_onlyA200WithAnEtagAndWithoutNoStore_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<RawHeaders>("headers");
    QTest::addColumn<bool>("storable");
    const RawHeaders github{{"Cache-Control", "private, max-age=60"}, {"ETag", "\"abc\""}};
    QTest::newRow("GitHub's 200") << 200 << github << true;
    QTest::newRow("weak ETag") << 200 << RawHeaders{{"etag", "W/\"abc\""}} << true;
    QTest::newRow("no ETag") << 200 << RawHeaders{{"Cache-Control", "private, max-age=60"}} << false;
    QTest::newRow("no-store") << 200 << RawHeaders{{"Cache-Control", "No-Store"}, {"ETag", "\"abc\""}}
                              << false;
    QTest::newRow("201") << 201 << github << false;
    QTest::newRow("203") << 203 << github << false;
}

void TestCachePolicy::isStorable_onlyA200WithAnEtagAndWithoutNoStore()
{
    QFETCH(int, status);
    QFETCH(RawHeaders, headers);
    QFETCH(bool, storable);
    QCOMPARE(CachePolicy::isStorable(status, headers), storable);
}

void TestCachePolicy::entryFrom200_keepsTheBodyAndTheHeadersToServeIt()
{
    const RawHeaders headers{{"Content-Type", "application/json; charset=utf-8"},
                             {"Cache-Control", "private, max-age=60, s-maxage=60"},
                             {"ETag", "W/\"abc\""},
                             {"Last-Modified", "Tue, 01 Jan 2030 00:00:00 GMT"},
                             {"Link", "<https://api.github.com/x?page=2>; rel=\"next\""},
                             {"x-ratelimit-remaining", "4999"}};
    const auto entry = CachePolicy::entryFrom200("key", "identity-a", headers, "[1,2]", Now);
    QCOMPARE(entry.url, QByteArray("key"));
    QCOMPARE(entry.variant, CachePolicy::AcceptValue);
    QCOMPARE(entry.identity, QByteArray("identity-a"));
    QCOMPARE(entry.etag, QByteArray("W/\"abc\"")); // exactly as received
    QCOMPARE(entry.lastModified, QByteArray("Tue, 01 Jan 2030 00:00:00 GMT"));
    QCOMPARE(entry.link, QByteArray("<https://api.github.com/x?page=2>; rel=\"next\""));
    QCOMPARE(entry.contentType, QByteArray("application/json; charset=utf-8"));
    QCOMPARE(entry.fetchedAt, Now);
    QCOMPARE(entry.lastUsed, Now);
    QCOMPARE(entry.maxAgeSeconds, 60);
    QCOMPARE(entry.body, QByteArray("[1,2]"));
    QVERIFY(entry.isFresh(Now.addSecs(59)));
    QVERIFY(!entry.isFresh(Now.addSecs(60)));
}

void TestCachePolicy::entryFrom304_freshFromNowAndTakesWhatThe304Says()
{
    const Cache::CachedResponse before = cachedRepos();
    const RawHeaders notModified{
        {"Cache-Control", "private, max-age=30"},
        {"ETag", "W/\"new\""},
        {"Link", "<https://api.github.com/users/octocat/repos?page=3>; rel=\"next\""}};
    const auto entry = CachePolicy::entryFrom304(before, before.url, before.identity, notModified, Now);
    QCOMPARE(entry.fetchedAt, Now);
    QCOMPARE(entry.lastUsed, Now);
    QCOMPARE(entry.maxAgeSeconds, 30);
    QCOMPARE(entry.etag, QByteArray("W/\"new\""));
    QCOMPARE(entry.link, QByteArray("<https://api.github.com/users/octocat/repos?page=3>; rel=\"next\""));
    QCOMPARE(entry.body, before.body);
    QCOMPARE(entry.lastModified, before.lastModified);
    QCOMPARE(entry.contentType, before.contentType);
}

void TestCachePolicy::entryFrom304_keepsEtagAndLinkThe304LeftOut()
{
    const Cache::CachedResponse before = cachedRepos();
    const auto entry = CachePolicy::entryFrom304(before, before.url, before.identity, {}, Now);
    QCOMPARE(entry.etag, before.etag);
    QCOMPARE(entry.link, before.link);
    QCOMPARE(entry.maxAgeSeconds, 0); // no Cache-Control: revalidated every time
    QVERIFY(!entry.isFresh(Now));
}

void TestCachePolicy::entryFrom304_movesAnotherIdentitysEntryToTheAskingOne()
{
    const Cache::CachedResponse other = cachedRepos();
    const auto entry = CachePolicy::entryFrom304(other, "normalized-key", "identity-b",
                                                 {{"cache-control", "max-age=60"}}, Now);
    QCOMPARE(entry.identity, QByteArray("identity-b"));
    QCOMPARE(entry.url, QByteArray("normalized-key"));
    QCOMPARE(entry.variant, CachePolicy::AcceptValue);
    QCOMPARE(entry.body, other.body);
    QVERIFY(entry.isFresh(Now));
}

void TestCachePolicy::emptyListEntry_isTheEmptyArrayWithItsEtag()
{
    const auto entry = CachePolicy::emptyListEntry("Bearer abc");
    QCOMPARE(entry.body, QByteArray("[]"));
    QCOMPARE(entry.etag, CachePolicy::emptyListEtag("Bearer abc"));
    QVERIFY(entry.contentType.startsWith("application/json"));
}

void TestCachePolicy::mergedHeaders_addOnlyWhatTheAnswerLeftOut()
{
    const Cache::CachedResponse entry = cachedRepos();
    QCOMPARE(CachePolicy::storedHeaders(entry).size(), 4);
    const RawHeaders notModified{{"ETag", "W/\"new\""}, {"x-ratelimit-remaining", "4998"}};
    const RawHeaders merged = CachePolicy::mergedHeaders(notModified, entry);
    QCOMPARE(findHeader(merged, "etag"), QByteArray("W/\"new\"")); // the 304's, not the stored one
    QCOMPARE(findHeader(merged, "x-ratelimit-remaining"), QByteArray("4998"));
    QCOMPARE(findHeader(merged, "link"), entry.link);
    QCOMPARE(findHeader(merged, "content-type"), entry.contentType);
    QCOMPARE(findHeader(merged, "last-modified"), entry.lastModified);
    QCOMPARE(merged.size(), 5);
}

QTEST_GUILESS_MAIN(TestCachePolicy)
#include "test_cachepolicy.moc"
