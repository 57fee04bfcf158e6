// The pure parts of app/github: names, Link headers, rate-limit bookkeeping, error sentences, JSON
// bodies, the pacing of request starts.

#include "github/client.h"
#include "github/error.h"
#include "github/linkheader.h"
#include "github/names.h"
#include "github/ratelimittracker.h"
#include "github/requeststarter.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Hubshelf::GitHub;

class TestGitHubUnits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loginValidation_data();
    void loginValidation();
    void repositoryNameValidation_data();
    void repositoryNameValidation();
    void gistIdValidation_data();
    void gistIdValidation();
    void pathSegments_cannotChangeThePathsShape();
    void linkHeader_parsesGitHubsPagination();
    void linkHeader_toleratesCommasInsideUrlsAndMissingRels();
    void linkHeader_keepsALinkWhoseAddressDoesNotParse();
    void rateLimitTracker_readsEveryHeaderAndSignals();
    void rateLimitTracker_ignoresResponsesWithoutHeaders();
    void rateLimitTracker_emptyResourceNameIsCore();
    void rateLimitTracker_readsEveryResourceOfRateLimitBody();
    void errorMessages_areSentencesWithTheirFacts();
    void logLine_keepsPercentSignsOfTheUrl();
    void logLine_verboseIsTheClisFormat_data();
    void logLine_verboseIsTheClisFormat();
    void errorFromHttpStatus_data();
    void errorFromHttpStatus();
    void rateLimitTracker_readsTheTimeFromItsClock();
    void parseJsonBody_acceptsOnlyWholeValidJson_data();
    void parseJsonBody_acceptsOnlyWholeValidJson();
    void requestStarter_beginsFromTheEventLoopInOrderSkippingDeleted();
};

void TestGitHubUnits::loginValidation_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << u"octocat"_s << true;
    QTest::newRow("digits and hyphen") << u"user-0001"_s << true;
    QTest::newRow("one character") << u"a"_s << true;
    QTest::newRow("39 characters") << QString(39, u'a') << true;
    QTest::newRow("40 characters") << QString(40, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading hyphen") << u"-octocat"_s << false;
    QTest::newRow("path traversal") << u"../orgs/x"_s << false;
    QTest::newRow("slash") << u"octo/cat"_s << false;
    QTest::newRow("space") << u"octo cat"_s << false;
    QTest::newRow("underscore") << u"octo_cat"_s << false;
    QTest::newRow("non-ASCII letter") << u"öctocat"_s << false;
    QTest::newRow("query") << u"octocat?x=1"_s << false;
}

void TestGitHubUnits::loginValidation()
{
    QFETCH(QString, login);
    QFETCH(bool, valid);
    QCOMPARE(isValidLogin(login), valid);
}

void TestGitHubUnits::repositoryNameValidation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << u"Hello-World"_s << true;
    QTest::newRow("dots and underscores") << u"my_repo.js"_s << true;
    QTest::newRow(".github") << u".github"_s << true;
    QTest::newRow("dot") << u"."_s << false;
    QTest::newRow("dot dot") << u".."_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("percent") << u"a%2Fb"_s << false;
    QTest::newRow("101 characters") << QString(101, u'r') << false;
}

void TestGitHubUnits::repositoryNameValidation()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidRepositoryName(name), valid);
}

void TestGitHubUnits::gistIdValidation_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("20 hex") << u"aa5a315d61ae9438b18d"_s << true;
    QTest::newRow("32 hex") << u"0123456789abcdef0123456789abcdef"_s << true;
    QTest::newRow("old decimal id") << u"1234"_s << true;
    QTest::newRow("not hex") << u"xyz"_s << false;
    QTest::newRow("traversal") << u"../user"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestGitHubUnits::gistIdValidation()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(isValidGistId(id), valid);
}

void TestGitHubUnits::pathSegments_cannotChangeThePathsShape()
{
    QCOMPARE(pathSegment(u"../orgs/x"), u"..%2Forgs%2Fx"_s);
    QCOMPARE(pathSegment(u"a?b#c d"), u"a%3Fb%23c%20d"_s);
    QCOMPARE(encodedPath({u"repos"_s, u"octocat"_s, u"Hello-World"_s}), u"/repos/octocat/Hello-World"_s);
    QCOMPARE(encodedPath({u"users"_s, u"a/b"_s}), u"/users/a%2Fb"_s);
    QCOMPARE(encodedPath({u"users"_s, u".."_s, u"x"_s}), u"/users/%2E%2E/x"_s);
    QCOMPARE(pathSegment(u"."), u"%2E"_s);
}

void TestGitHubUnits::linkHeader_parsesGitHubsPagination()
{
    const LinkHeader links(
        "<https://api.github.com/organizations/9919/repos?per_page=100&page=2>; rel=\"next\", "
        "<https://api.github.com/organizations/9919/repos?per_page=100&page=50>; rel=\"last\"");
    QCOMPARE(links.next(), QUrl(u"https://api.github.com/organizations/9919/repos?per_page=100&page=2"_s));
    QCOMPARE(LinkHeader::pageNumber(links.last()), 50);
    QVERIFY(!links.url(u"prev"_s).isValid());
    QVERIFY(LinkHeader().isEmpty());
    QCOMPARE(LinkHeader::pageNumber(QUrl(u"https://api.github.com/x?after=Y3Vyc29y"_s)), 0);
}

void TestGitHubUnits::linkHeader_toleratesCommasInsideUrlsAndMissingRels()
{
    const LinkHeader links(
        "<https://h/x?q=a,b&page=3>; rel=\"prev\",<https://h/x?page=1>;rel=first, <https://h/y>");
    QCOMPARE(links.url(u"prev"_s), QUrl(u"https://h/x?q=a,b&page=3"_s));
    QCOMPARE(links.url(u"first"_s), QUrl(u"https://h/x?page=1"_s));
    QVERIFY(!links.next().isValid());
    QVERIFY(!links.has(u"next"_s));
}

void TestGitHubUnits::linkHeader_keepsALinkWhoseAddressDoesNotParse()
{
    // Invalid, yet there: a stream that took it for no link would end a list early as if whole.
    const LinkHeader links("<data:application/json,[{}]>; rel=\"next\", <http://h/x?page=9>; rel=\"last\"");
    QVERIFY(links.has(u"next"_s));
    QVERIFY(!links.next().isValid());
    QCOMPARE(LinkHeader::pageNumber(links.last()), 9);
}

void TestGitHubUnits::rateLimitTracker_readsEveryHeaderAndSignals()
{
    RateLimitTracker tracker;
    QSignalSpy changed(&tracker, &RateLimitTracker::changed);
    tracker.updateFromHeaders({{"X-RateLimit-Limit", "5000"},
                               {"x-ratelimit-remaining", "4990"},
                               {"x-ratelimit-used", "10"},
                               {"x-ratelimit-reset", "1800000000"},
                               {"x-ratelimit-resource", "core"}});
    QCOMPARE(changed.count(), 1);
    const RateLimit core = tracker.limit(u"core"_s);
    QCOMPARE(core.limit, 5000);
    QCOMPARE(core.remaining, 4990);
    QCOMPARE(core.used, 10);
    QCOMPARE(core.reset, QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC));
    QVERIFY(!core.isSpent(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC)));

    tracker.updateFromHeaders(
        {{"x-ratelimit-limit", "5000"}, {"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", "1800000000"}});
    QVERIFY(tracker.limit(u"core"_s).isSpent(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC)));
    QVERIFY(!tracker.limit(u"core"_s).isSpent(QDateTime::fromSecsSinceEpoch(1800000001, Qt::UTC)));
    QCOMPARE(tracker.limit(u"core"_s).used, 5000); // derived when GitHub leaves x-ratelimit-used out
}

void TestGitHubUnits::rateLimitTracker_ignoresResponsesWithoutHeaders()
{
    RateLimitTracker tracker;
    QSignalSpy changed(&tracker, &RateLimitTracker::changed);
    tracker.updateFromHeaders({{"content-type", "image/png"}});
    QCOMPARE(changed.count(), 0);
    QVERIFY(!tracker.limit(u"core"_s).isKnown());
}

// Found by tests/fuzz/fuzz_headers: the limit was filed under "", where no request looks for it.
void TestGitHubUnits::rateLimitTracker_emptyResourceNameIsCore()
{
    RateLimitTracker tracker;
    tracker.updateFromHeaders(
        {{"x-ratelimit-limit", "60"}, {"x-ratelimit-remaining", "0"}, {"x-ratelimit-resource", ""}});
    QCOMPARE(tracker.limit(u"core"_s).limit, 60);
    tracker.updateFromHeaders(
        {{"x-ratelimit-limit", "30"}, {"x-ratelimit-remaining", "0"}, {"x-ratelimit-resource", "  "}});
    QCOMPARE(tracker.limit(u"core"_s).limit, 30);
    tracker.updateFromRateLimitBody(QJsonObject{
        {u"resources"_s, QJsonObject{{u""_s, QJsonObject{{u"limit"_s, 10}, {u"remaining"_s, 0}}}}}});
    QCOMPARE(tracker.all().size(), 1);
    QCOMPARE(tracker.all().first().resource, u"core"_s);
}

void TestGitHubUnits::rateLimitTracker_readsEveryResourceOfRateLimitBody()
{
    RateLimitTracker tracker;
    const QJsonObject body{
        {u"resources"_s,
         QJsonObject{
             {u"core"_s,
              QJsonObject{
                  {u"limit"_s, 5000}, {u"used"_s, 1}, {u"remaining"_s, 4999}, {u"reset"_s, 1691591363}}},
             {u"search"_s,
              QJsonObject{
                  {u"limit"_s, 30}, {u"used"_s, 12}, {u"remaining"_s, 18}, {u"reset"_s, 1691591091}}}}}};
    tracker.updateFromRateLimitBody(body);
    QCOMPARE(tracker.all().size(), 2);
    QCOMPARE(tracker.limit(u"search"_s).remaining, 18);
    QCOMPARE(tracker.all().constFirst().resource, u"core"_s);
}

void TestGitHubUnits::errorMessages_areSentencesWithTheirFacts()
{
    Error error;
    error.url = QUrl(u"https://api.github.com/users/nosuchuser"_s);
    error.kind = Error::Kind::NotFound;
    QVERIFY(error.message().contains(u"/users/nosuchuser"_s));
    error.kind = Error::Kind::RateLimited;
    error.resource = u"core"_s;
    error.resetAt = QDateTime(QDate(2030, 1, 1), QTime(12, 34), Qt::LocalTime).toUTC();
    QVERIFY2(error.message().contains(u"12:34"_s), qPrintable(error.message()));
    // "Today" is the client's clock's today, not the system's: a test clock in 2030 sees a reset
    // two hours ahead as a time of day, where the system clock would add the date.
    error.observedAt = error.resetAt.addSecs(-2 * 3600);
    QVERIFY2(!error.message().contains(u"2030"_s), qPrintable(error.message()));
    error.observedAt = error.resetAt.addDays(-30);
    QVERIFY2(error.message().contains(u"2030-01-01 12:34"_s), qPrintable(error.message()));
    error.kind = Error::Kind::Unauthorized;
    error.githubMessage = u"Bad credentials"_s;
    QVERIFY(error.message().contains(u"Bad credentials"_s));
    for (int kind = int(Error::Kind::NotFound); kind <= int(Error::Kind::Cancelled); ++kind) {
        error.kind = Error::Kind(kind);
        QVERIFY(!error.message().isEmpty());
        QVERIFY(error.message().endsWith(u'.') || error.message().contains(u": "_s));
    }
}

void TestGitHubUnits::logLine_keepsPercentSignsOfTheUrl()
{
    RequestLogEntry entry;
    entry.url = QUrl::fromEncoded("https://api.github.com/repos/o/a%2Fb?q=x%25y");
    entry.status = 200;
    entry.outcome = CacheOutcome::Miss;
    entry.milliseconds = 12;
    entry.remaining = 4999;
    entry.limit = 5000;
    QCOMPARE(entry.line(), u"GET https://api.github.com/repos/o/a%2Fb?q=x%25y 200 miss 12ms 4999/5000"_s);
}

void TestGitHubUnits::logLine_verboseIsTheClisFormat_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("logLine");
    QTest::addColumn<QString>("verboseLine");
    const QString url = u"https://api.github.com/users/o%25"_s;
    QTest::newRow("miss") << 200 << int(CacheOutcome::Miss) << QString() << 5000
                          << u"GET %1 200 miss 7ms 4999/5000"_s.arg(url)
                          << u"[GET] CACHE_MISS %1 200 7ms 4999/5000"_s.arg(url);
    // A fresh hit made no request: the CLI shows the stored answer's status.
    QTest::newRow("fresh") << 0 << int(CacheOutcome::Fresh) << QString() << 5000
                           << u"GET %1 - fresh 7ms 4999/5000"_s.arg(url)
                           << u"[GET] CACHE_HIT %1 200 7ms 4999/5000"_s.arg(url);
    QTest::newRow("revalidated") << 304 << int(CacheOutcome::Revalidated) << QString() << 5000
                                 << u"GET %1 304 revalidated 7ms 4999/5000"_s.arg(url)
                                 << u"[GET] CACHE_REVALIDATED %1 304 7ms 4999/5000"_s.arg(url);
    QTest::newRow("uncached, no limit")
        << 200 << int(CacheOutcome::Uncached) << QString() << -1 << u"GET %1 200 uncached 7ms -"_s.arg(url)
        << u"[GET] UNCACHED %1 200 7ms -"_s.arg(url);
    QTest::newRow("error") << 404 << int(CacheOutcome::Uncached) << u"not-found"_s << 5000
                           << u"GET %1 404 error 7ms 4999/5000"_s.arg(url)
                           << u"[GET] ERROR %1 404 7ms 4999/5000"_s.arg(url);
    QTest::newRow("no answer") << 0 << int(CacheOutcome::Uncached) << u"network"_s << 5000
                               << u"GET %1 - error 7ms 4999/5000"_s.arg(url)
                               << u"[GET] ERROR %1 - 7ms 4999/5000"_s.arg(url);
}

void TestGitHubUnits::logLine_verboseIsTheClisFormat()
{
    QFETCH(int, status);
    QFETCH(int, outcome);
    QFETCH(QString, error);
    QFETCH(int, limit);
    RequestLogEntry entry;
    entry.url = QUrl::fromEncoded("https://api.github.com/users/o%25");
    entry.status = status;
    entry.outcome = CacheOutcome(outcome);
    entry.error = error;
    entry.milliseconds = 7;
    entry.remaining = 4999;
    entry.limit = limit;
    QTEST(entry.line(), "logLine");
    QTEST(entry.line(RequestLogEntry::Style::Verbose), "verboseLine");
}

void TestGitHubUnits::errorFromHttpStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("kind");
    QTest::newRow("400") << 400 << int(Error::Kind::ClientError);
    QTest::newRow("401") << 401 << int(Error::Kind::Unauthorized);
    QTest::newRow("403") << 403 << int(Error::Kind::Forbidden);
    QTest::newRow("404") << 404 << int(Error::Kind::NotFound);
    QTest::newRow("410 gone") << 410 << int(Error::Kind::NotFound);
    QTest::newRow("422") << 422 << int(Error::Kind::ClientError);
    QTest::newRow("429 without a limit") << 429 << int(Error::Kind::ClientError);
    QTest::newRow("500") << 500 << int(Error::Kind::Server);
    QTest::newRow("503") << 503 << int(Error::Kind::Server);
    QTest::newRow("599") << 599 << int(Error::Kind::Server);
}

void TestGitHubUnits::errorFromHttpStatus()
{
    QFETCH(int, status);
    QFETCH(int, kind);
    const QUrl url(u"https://api.github.com/users/x"_s);
    const Error error =
        Error::fromHttpStatus(status, url, R"({"message":"Validation Failed","documentation_url":"x"})");
    QCOMPARE(int(error.kind), kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.url, url);
    QCOMPARE(error.githubMessage, u"Validation Failed"_s);
    QCOMPARE(Error::fromHttpStatus(status, url, "<html>not json</html>").githubMessage, QString());
    QCOMPARE(Error::fromHttpStatus(status, url).githubMessage, QString());
}

void TestGitHubUnits::rateLimitTracker_readsTheTimeFromItsClock()
{
    RateLimitTracker tracker;
    QDateTime now(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
    tracker.setClock([&now] { return now; });
    QCOMPARE(tracker.now(), now);
    tracker.updateFromHeaders(
        {{"x-ratelimit-limit", "60"},
         {"x-ratelimit-remaining", "0"},
         {"x-ratelimit-reset", QByteArray::number(now.addSecs(60).toSecsSinceEpoch())}});
    QVERIFY(tracker.limit(u"core"_s).isSpent(tracker.now()));
    now = now.addSecs(60);
    QVERIFY(!tracker.limit(u"core"_s).isSpent(tracker.now()));
    tracker.setClock({}); // back to the system clock, in UTC
    QVERIFY(tracker.now().isValid());
    QCOMPARE(tracker.now().timeSpec(), Qt::UTC);
}

void TestGitHubUnits::parseJsonBody_acceptsOnlyWholeValidJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    QTest::newRow("object") << QByteArray("{\"login\":\"octocat\"}") << true;
    QTest::newRow("array, whitespace") << QByteArray("[\n\t{\"id\": 1}\r\n]") << true;
    QTest::newRow("empty list") << QByteArray("[]") << true;
    QTest::newRow("escaped control character") << QByteArray("[\"a\\u0000b\"]") << true;
    QTest::newRow("cut short") << QByteArray("[{\"id\":1},{\"id\"") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("NUL inside a string") << QByteArray("[\"a\0b\"]", 7) << false;
    QTest::newRow("raw escape byte inside a string") << QByteArray("[\"a\x1b b\"]") << false;
}

void TestGitHubUnits::parseJsonBody_acceptsOnlyWholeValidJson()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    const std::optional<QJsonDocument> json = parseJsonBody(body);
    QCOMPARE(json.has_value(), valid);
    if (valid) {
        QVERIFY(!json->isNull());
    }
}

void TestGitHubUnits::requestStarter_beginsFromTheEventLoopInOrderSkippingDeleted()
{
    QObject context;
    QList<QString> begun;
    RequestStarter starter(&context, [&begun](QObject *request) { begun.append(request->objectName()); });
    QObject first;
    first.setObjectName(u"first"_s);
    auto *gone = new QObject;
    gone->setObjectName(u"gone"_s);
    QObject last;
    last.setObjectName(u"last"_s);
    starter.add(&first);
    starter.add(gone);
    starter.add(&last);
    QVERIFY(begun.isEmpty()); // the caller connects to a request before it begins
    delete gone;
    QTRY_COMPARE(begun, (QList<QString>{u"first"_s, u"last"_s}));
}

QTEST_GUILESS_MAIN(TestGitHubUnits)
#include "test_github_units.moc"
