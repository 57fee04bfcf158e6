// The fake GitHub's own tests: every behaviour the client tests rely on, proven over real loopback
// sockets. QNetworkAccessManager is the ordinary client; a raw QTcpSocket is used wherever the test
// must see the bytes on the wire.

#include "fakegithub.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHashSeed>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using FakeGitHub::Fault;
using FakeGitHub::LoggedRequest;
using FakeGitHub::Origin;
using FakeGitHub::Server;
namespace Names = FakeGitHub::Names;
namespace Tokens = FakeGitHub::Tokens;

Q_DECLARE_METATYPE(FakeGitHub::Fault::Kind)

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const QByteArray Accept = "application/vnd.github+json";
const QByteArray UserAgent = "Hubshelf-test/1";
const QByteArray ProlificToken = "ghp_fakeProlific000000000000000000000000000";
constexpr int TimeoutMs = 10000;
const QList<QByteArray> RateLimitHeaders = {"x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-used",
                                            "x-ratelimit-reset", "x-ratelimit-resource"};

QByteArray bearer(const QByteArray &token)
{
    return QByteArray("Bearer " + token);
}

QByteArray headerIn(const Headers &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

bool hasHeaderIn(const Headers &headers, const QByteArray &name)
{
    return std::any_of(headers.cbegin(), headers.cend(), [&name](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

// Headers for a request: `authorization` empty means none.
Headers withAuthorization(const QByteArray &authorization, Headers headers = {})
{
    if (!authorization.isEmpty()) {
        headers.append({"Authorization", authorization});
    }
    return headers;
}

// A response as QNetworkAccessManager delivers it (decoded body, names in lower case).
struct Response
{
    bool finished = false;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    Headers headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headerIn(headers, name); }
    bool hasHeader(const QByteArray &name) const { return hasHeaderIn(headers, name); }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    int intHeader(const QByteArray &name) const { return header(name).toInt(); }
};

QNetworkReply *send(QNetworkAccessManager &nam, const QUrl &url, const Headers &headers = {},
                    const QByteArray &method = "GET")
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("User-Agent", UserAgent);
    request.setRawHeader("Accept", Accept);
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    // An empty body rather than none: GitHub wants Content-Length: 0 on a PUT without one.
    return method == "GET" ? nam.get(request) : nam.sendCustomRequest(request, method, QByteArray());
}

Response collect(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(TimeoutMs);
    }
    Response response;
    response.finished = reply->isFinished();
    if (!response.finished) {
        qWarning() << "no answer within" << TimeoutMs << "ms for" << reply->url();
        reply->abort();
    }
    response.error = reply->error();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        response.headers.append({name.toLower(), value});
    }
    response.body = reply->readAll();
    reply->deleteLater();
    return response;
}

// One response read off the wire. `body` holds what arrived of it, at most Content-Length bytes.
struct RawResponse
{
    int status = 0;
    QByteArray head; // status line and headers, with the empty line
    Headers headers;
    qint64 contentLength = -1;
    QByteArray body;
    bool complete = false;

    QByteArray header(const QByteArray &name) const { return headerIn(headers, name); }
    bool hasHeader(const QByteArray &name) const { return hasHeaderIn(headers, name); }
};

QList<RawResponse> parseResponses(QByteArray bytes)
{
    QList<RawResponse> responses;
    for (;;) {
        const qsizetype end = bytes.indexOf("\r\n\r\n");
        if (end < 0) {
            break;
        }
        RawResponse response;
        response.head = bytes.left(end + 4);
        const QList<QByteArray> lines = bytes.left(end).split('\n');
        response.status = lines.constFirst().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            response.headers.append(
                {lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed()});
        }
        bool ok = false;
        const qint64 length = response.header("content-length").toLongLong(&ok);
        response.contentLength = ok ? length : -1;
        bytes.remove(0, end + 4);
        // A 204 or 304 has no body whatever its headers say (RFC 9112, 6.3).
        const bool bodiless = response.status == 204 || response.status == 304;
        const qint64 bodyLength = bodiless ? 0 : ok ? length : bytes.size();
        response.body = bytes.left(bodyLength);
        response.complete = response.body.size() == bodyLength;
        bytes.remove(0, response.body.size());
        responses.append(response);
        if (!response.complete) {
            break;
        }
    }
    return responses;
}

struct RawExchange
{
    bool connected = false;
    bool closedByServer = false; // a clean close, a reset or any other socket error
    bool timedOut = false;
    QByteArray bytes; // everything read
    QList<RawResponse> responses;

    RawResponse first() const { return responses.value(0); }
};

// Writes `request` and reads until `wanted` responses are complete (0: until the server closes the
// connection) or `timeoutMs` passes; then the test side aborts the connection.
RawExchange rawExchange(quint16 port, const QByteArray &request, int wanted = 1, int timeoutMs = TimeoutMs)
{
    RawExchange exchange;
    QTcpSocket socket;
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { exchange.bytes += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, [&] { exchange.closedByServer = true; });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, [&] { exchange.closedByServer = true; });
    socket.connectToHost(QHostAddress::LocalHost, port);
    exchange.connected =
        QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, TimeoutMs);
    if (exchange.connected) {
        socket.write(request);
        exchange.timedOut = !QTest::qWaitFor(
            [&] {
                if (exchange.closedByServer) {
                    return true;
                }
                const QList<RawResponse> responses = parseResponses(exchange.bytes);
                return wanted > 0 && responses.size() >= wanted && responses.at(wanted - 1).complete;
            },
            timeoutMs);
        exchange.bytes += socket.readAll();
    }
    socket.disconnect();
    socket.abort();
    exchange.responses = parseResponses(exchange.bytes);
    return exchange;
}

// A GET as bytes: Host, User-Agent and Accept by default; a header in `headers` replaces the default
// of the same name, and a null value removes it.
QByteArray rawRequest(const QByteArray &target, quint16 port, const Headers &headers = {},
                      const QByteArray &version = "HTTP/1.1")
{
    Headers all = {{"Host", QByteArray("127.0.0.1:" + QByteArray::number(port))},
                   {"User-Agent", UserAgent},
                   {"Accept", Accept}};
    for (const auto &[name, value] : headers) {
        all.removeIf([&name = name](const auto &header) { return header.first == name; });
        if (!value.isNull()) {
            all.append({name, value});
        }
    }
    QByteArray request = "GET " + target + ' ' + version + "\r\n";
    for (const auto &[name, value] : std::as_const(all)) {
        request += name + ": " + value + "\r\n";
    }
    request += "\r\n";
    return request;
}

QByteArray sha256Etag(const QByteArray &hashed)
{
    return QByteArray('"' + QCryptographicHash::hash(hashed, QCryptographicHash::Sha256).toHex() + '"');
}

QJsonValue valueAt(QJsonValue value, const QString &dottedPath)
{
    for (const QString &key : dottedPath.split(u'.')) {
        value = value.toObject().value(key);
    }
    return value;
}

// `url` must be on the API origin, `html_url` and `avatar_url` on the content origin, and no other
// string may send a client to GitHub's own API, web or avatar hosts.
void collectForeignUrls(const QJsonValue &value, const QString &key, const QUrl &api, const QUrl &content,
                        QStringList &problems)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            collectForeignUrls(it.value(), it.key(), api, content, problems);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            collectForeignUrls(item, key, api, content, problems);
        }
    } else if (value.isString()) {
        const QUrl url(value.toString());
        const auto on = [&url](const QUrl &origin) {
            return url.scheme() == origin.scheme() && url.host() == origin.host() &&
                   url.port() == origin.port();
        };
        static const QStringList gitHubHosts = {u"api.github.com"_s, u"github.com"_s, u"gist.github.com"_s,
                                                u"avatars.githubusercontent.com"_s,
                                                u"gist.githubusercontent.com"_s};
        const bool wrong = (key == u"url"_s && !on(api)) ||
                           ((key == u"html_url"_s || key == u"avatar_url"_s) && !on(content)) ||
                           (url.scheme().startsWith(u"http"_s) && gitHubHosts.contains(url.host()));
        if (wrong) {
            problems.append(QString(key + u": "_s + value.toString()));
        }
    }
}

QHash<QString, QUrl> parseLinks(const QByteArray &header)
{
    static const QRegularExpression pattern(u"<([^>]*)>\\s*;\\s*rel=\"([^\"]+)\""_s);
    QHash<QString, QUrl> links;
    for (auto it = pattern.globalMatch(QString::fromLatin1(header)); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        links.insert(match.captured(2), QUrl(match.captured(1)));
    }
    return links;
}

int pageOf(const QUrl &url)
{
    return QUrlQuery(url).queryItemValue(u"page"_s).toInt();
}

// The keys of a JSON object in the order they were sent, which QJsonObject does not keep.
QStringList keysInOrder(const QByteArray &objectJson)
{
    static const QRegularExpression key(u"\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:"_s);
    QStringList keys;
    for (auto it = key.globalMatch(QString::fromUtf8(objectJson)); it.hasNext();) {
        keys.append(it.next().captured(1));
    }
    return keys;
}

QStringList sortedKeys(const QHash<QString, QUrl> &links)
{
    QStringList keys = links.keys();
    keys.sort();
    return keys;
}

} // namespace

class TestFakeGitHub : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void endpoints_answer200WithGitHubShapedBodyOnOwnOrigins_data();
    void endpoints_answer200WithGitHubShapedBodyOnOwnOrigins();
    void avatars_arePngFromContentOriginAndLoggedThere();
    void cacheHeaders_privateForTokensPublicOtherwiseWithVary_data();
    void cacheHeaders_privateForTokensPublicOtherwiseWithVary();

    void computeEtag_matchesGitHubKnownAnswers_data();
    void computeEtag_matchesGitHubKnownAnswers();
    void etag_onTheWire_isSha256OfRequestHeadersAndBody_data();
    void etag_onTheWire_isSha256OfRequestHeadersAndBody();
    void etag_differsBetweenTwoTokensOfTheSameUser();

    void conditional_matchingTag_is304WithoutBodyButWithHeaders_data();
    void conditional_matchingTag_is304WithoutBodyButWithHeaders();
    void conditional_304RepeatsTheEtagOfThe200_data();
    void conditional_304RepeatsTheEtagOfThe200();
    void conditional_wrongTag_is200WithBody();
    void conditional_304SpendsAPointOnlyWhenAnonymous_data();
    void conditional_304SpendsAPointOnlyWhenAnonymous();
    void conditional_etagOfEmptyListProbesEmptiness_data();
    void conditional_etagOfEmptyListProbesEmptiness();

    void gzip_whenAccepted_compressesAndWeakensTheEtag();
    void gzip_whenNotAccepted_plainBodyAndStrongEtag();

    void rateLimitHeaders_onEveryResponse_data();
    void rateLimitHeaders_onEveryResponse();
    void primaryLimit_countedPerUserAndPerAddress();
    void primaryLimit_whenSpent_is403WithRemainingZero_data();
    void primaryLimit_whenSpent_is403WithRemainingZero();
    void primaryLimit_afterTheReset_requestsSucceedAgain();
    void rateLimitEndpoint_isFreeAndReportsUsage_data();
    void rateLimitEndpoint_isFreeAndReportsUsage();
    void secondaryLimit_tooManyConcurrentRequests_get403WithRetryAfter();

    void pagination_followingNextVisitsAllRepositoriesOnceInOrder();
    void pagination_linkRelationsDependOnThePage_data();
    void pagination_linkRelationsDependOnThePage();
    void pagination_linksKeepOtherQueryParameters();
    void pagination_perPageDefaultsTo30AndIsCappedAt100_data();
    void pagination_perPageDefaultsTo30AndIsCappedAt100();
    void prolificGists_300OverThreePagesWithCsvTraps();

    void gists_withToken_listViewersOwnSecretOnesToo();
    void gists_anonymous_listEverybodysPublicOnesLastUpdatedFirst();
    void starredGists_atStart_prolificHasStarredThreeOfOthers();
    void gistStar_lifecycle_checkPutDeleteEachWriteSpendingAPoint();
    void gistStar_anonymousOrUnknownGist_is401Or404_data();
    void gistStar_anonymousOrUnknownGist_is401Or404();
    void gistCommits_newestFirstAndAgreeWithTheGistsHistory_data();
    void gistCommits_newestFirstAndAgreeWithTheGistsHistory();
    void gistRevision_olderHasOtherContentNewestIsCurrent();
    void gistForks_openByIdButStayOutOfTheForkersLists_data();
    void gistForks_openByIdButStayOutOfTheForkersLists();

    void errors_haveGitHubStatusAndBody_data();
    void errors_haveGitHubStatusAndBody();
    void renamedRepository_is301ToItsIdOnTheApiOrigin_data();
    void renamedRepository_is301ToItsIdOnTheApiOrigin();
    void privateRepository_visibleOnlyWithOwnersTokens_data();
    void privateRepository_visibleOnlyWithOwnersTokens();

    void statistics_firstRequestIs202ThenTheBodyWithAnEtag();
    void statistics_everyAuthorHasTheSameWeeksFromFirstToLastCommit_data();
    void statistics_everyAuthorHasTheSameWeeksFromFirstToLastCommit();
    void statistics_insightsHistoryStartsAndEndsWithoutAuthor_data();
    void statistics_insightsHistoryStartsAndEndsWithoutAuthor();
    void statistics_stillComputingRepository_isAlways202();
    void statistics_emptyRepository_is204WithoutBody();
    void statistics_authorsAreUsersOfTheFake();
    void languages_areBytesPerLanguageLargestFirst_data();
    void languages_areBytesPerLanguageLargestFirst();
    void insights_privateRepository_isNotFoundForOthers_data();
    void insights_privateRepository_isNotFoundForOthers();
    void insightsOrganization_listsItsRepositoriesWithForksMarked();

    void fault_status_affectsOnlyItsPathAndOnlyTimes();
    void fault_pathWithStar_matchesEveryPathBelowUntilCleared();
    void fault_pathWithQuery_matchesOnlyRequestsWithThoseItems();
    void fault_raw_writesExactlyItsBytesThenCloses_data();
    void fault_raw_writesExactlyItsBytesThenCloses();
    void fault_forNext_affectsExactlyTheNextRequestsOfAnyPath();
    void fault_statusWithMessageAndRetryAfter_sendsBoth();
    void fault_resetBeforeHeaders_closesWithoutAByte();
    void fault_brokenBody_deliversLessThanContentLength_data();
    void fault_brokenBody_deliversLessThanContentLength();
    void fault_invalidJson_isComplete200ThatDoesNotParse();
    void fault_stall_sendsNothingAndIsLoggedWithStatus0();

    void requestLog_recordsWhatEachRequestWasAndGot();
    void requestLog_clearEmptiesIt();

    void determinism_anotherServerServesTheSameBytes_data();
    void determinism_anotherServerServesTheSameBytes();
    void prettyPrinting_browserOrCurlUserAgent_indentsButKeepsEtag_data();
    void prettyPrinting_browserOrCurlUserAgent_indentsButKeepsEtag();
    void keepAlive_pipelinedRequestsAnsweredInOrderOnOneConnection();
    void connectionClose_closesAfterTheResponse_data();
    void connectionClose_closesAfterTheResponse();

private:
    quint16 apiPort() const { return quint16(m_server->apiUrl().port()); }
    quint16 contentPort() const { return quint16(m_server->contentUrl().port()); }
    QString apiOrigin() const { return m_server->apiUrl().toString() + u'/'; }
    QUrl api(const QString &pathAndQuery) const { return m_server->apiUrl().resolved(QUrl(pathAndQuery)); }
    Response get(const QString &pathAndQuery, const Headers &headers = {})
    {
        return collect(send(*m_nam, api(pathAndQuery), headers));
    }
    Response getUrl(const QUrl &url, const Headers &headers = {})
    {
        return collect(send(*m_nam, url, headers));
    }
    Response request(const QByteArray &method, const QString &pathAndQuery, const Headers &headers = {})
    {
        return collect(send(*m_nam, api(pathAndQuery), headers, method));
    }
    // Every item of a list, following its `next` links.
    QJsonArray all(const QString &pathAndQuery, const Headers &headers = {})
    {
        QJsonArray items;
        QUrl url = api(pathAndQuery);
        for (int pages = 0; url.isValid() && pages < 20; ++pages) {
            const Response response = getUrl(url, headers);
            if (response.status != 200) {
                qWarning() << url << "answered" << response.status;
                return {};
            }
            for (const QJsonValue &item : response.array()) {
                items.append(item);
            }
            url = parseLinks(response.header("link")).value(u"next"_s);
        }
        return items;
    }
    QString firstProlificGist()
    {
        return get(u"/users/prolific/gists?per_page=1"_s).array().at(0).toObject().value(u"id"_s).toString();
    }
    // Repository statistics as GitHub serves them once computed: the first request is a 202.
    Response statistics(const QString &repository, const Headers &headers = {})
    {
        const QString path = u"/repos/"_s + repository + u"/stats/contributors"_s;
        const Response first = get(path, headers);
        return first.status == 202 ? get(path, headers) : first;
    }
    RawExchange raw(const QByteArray &target, const Headers &headers = {}, int wanted = 1,
                    int timeoutMs = TimeoutMs)
    {
        return rawExchange(apiPort(), rawRequest(target, apiPort(), headers), wanted, timeoutMs);
    }

    std::unique_ptr<Server> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestFakeGitHub::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFakeGitHub::init()
{
    m_server = std::make_unique<Server>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestFakeGitHub::cleanup()
{
    m_nam.reset();
    m_server.reset();
}

// ---- endpoints ---------------------------------------------------------------------------------

void TestFakeGitHub::endpoints_answer200WithGitHubShapedBodyOnOwnOrigins_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<bool>("isList");
    // "a.b" must be present and not null; "a.b=v" must equal v (in the first element of a list).
    QTest::addColumn<QStringList>("checks");

    const QByteArray octocat = bearer(Tokens::Octocat);
    QTest::newRow("user") << u"/users/octocat"_s << QByteArray() << false
                          << QStringList{u"login=octocat"_s, u"id=1"_s, u"type=User"_s, u"followers_url"_s};
    QTest::newRow("authenticated user")
        << u"/user"_s << octocat << false << QStringList{u"login=octocat"_s, u"id=1"_s, u"type=User"_s};
    QTest::newRow("user's gists") << u"/users/octocat/gists"_s << QByteArray() << true
                                  << QStringList{u"id"_s, u"files"_s, u"owner.login=octocat"_s, u"public"_s};
    QTest::newRow("gist") << u"/gists/%1"_s.arg(Names::MarkdownGist) << QByteArray() << false
                          << QStringList{u"id=%1"_s.arg(Names::MarkdownGist), u"files"_s,
                                         u"owner.login=octocat"_s};
    QTest::newRow("user's repositories")
        << u"/users/octocat/repos"_s << QByteArray() << true
        << QStringList{u"full_name=octocat/Hello-World"_s, u"owner.login=octocat"_s, u"private=false"_s};
    QTest::newRow("organization") << u"/orgs/github"_s << QByteArray() << false
                                  << QStringList{u"login=github"_s, u"id=9919"_s, u"repos_url"_s};
    QTest::newRow("organization's repositories")
        << u"/orgs/megacorp/repos"_s << QByteArray() << true
        << QStringList{u"full_name=megacorp/monorepo"_s, u"owner.login=megacorp"_s,
                       u"owner.type=Organization"_s};
    QTest::newRow("user's organizations")
        << u"/users/octocat/orgs"_s << QByteArray() << true << QStringList{u"login=github"_s, u"id=9919"_s};
    QTest::newRow("followers") << u"/users/octocat/followers"_s << QByteArray() << true
                               << QStringList{u"login=user-0001"_s, u"type=User"_s, u"id"_s};
    QTest::newRow("following") << u"/users/monalisa/following"_s << QByteArray() << true
                               << QStringList{u"login=octocat"_s, u"id=1"_s, u"type=User"_s};
    QTest::newRow("members") << u"/orgs/megacorp/members"_s << QByteArray() << true
                             << QStringList{u"login=user-0001"_s, u"type=User"_s};
    QTest::newRow("repository") << u"/repos/octocat/Hello-World"_s << QByteArray() << false
                                << QStringList{u"full_name=octocat/Hello-World"_s, u"id=1296269"_s,
                                               u"owner.login=octocat"_s, u"default_branch=master"_s};
    QTest::newRow("pull requests") << u"/repos/octocat/Hello-World/pulls?state=all"_s << QByteArray() << true
                                   << QStringList{u"number"_s, u"state"_s, u"head.ref"_s,
                                                  u"base.ref=master"_s, u"user.login"_s};
    QTest::newRow("open pull requests by default")
        << u"/repos/megacorp/monorepo/pulls"_s << QByteArray() << true
        << QStringList{u"number"_s, u"state=open"_s, u"head.ref"_s};
    QTest::newRow("one pull request")
        << u"/repos/megacorp/monorepo/pulls/20000"_s << QByteArray() << false
        << QStringList{u"number=20000"_s, u"head.ref"_s, u"base.ref"_s, u"user.login"_s};
    QTest::newRow("rate limit") << u"/rate_limit"_s << QByteArray() << false
                                << QStringList{u"resources.core.limit=60"_s, u"resources.core.remaining"_s,
                                               u"resources.search.limit"_s, u"rate.limit=60"_s};
    QTest::newRow("enterprise prefix, user")
        << u"/api/v3/users/octocat"_s << QByteArray() << false << QStringList{u"login=octocat"_s, u"id=1"_s};
    QTest::newRow("enterprise prefix, pull requests")
        << u"/api/v3/repos/octocat/Hello-World/pulls?state=all"_s << octocat << true
        << QStringList{u"number"_s, u"head.ref"_s};
    QTest::newRow("languages") << u"/repos/octocat/Hello-World/languages"_s << QByteArray() << false
                               << QStringList{u"C"_s};
    QTest::newRow("all public gists") << u"/gists"_s << QByteArray() << true
                                      << QStringList{u"id"_s, u"files"_s, u"owner.login"_s, u"public=true"_s};
    QTest::newRow("viewer's gists") << u"/gists"_s << octocat << true
                                    << QStringList{u"id"_s, u"files"_s, u"owner.login=octocat"_s};
    QTest::newRow("starred gists") << u"/gists/starred"_s << bearer(Tokens::Prolific) << true
                                   << QStringList{u"id=%1"_s.arg(Names::MarkdownGist),
                                                  u"owner.login=octocat"_s};
    QTest::newRow("gist's commits") << u"/gists/%1/commits"_s.arg(Names::MarkdownGist) << QByteArray() << true
                                    << QStringList{u"url"_s, u"version"_s, u"user.login=octocat"_s,
                                                   u"change_status.total"_s, u"committed_at"_s};
    QTest::newRow("gist's forks") << u"/gists/%1/forks"_s.arg(Names::HelloGist) << QByteArray() << true
                                  << QStringList{u"id"_s, u"files"_s, u"owner.login=monalisa"_s};
    QTest::newRow("insights organization")
        << u"/orgs/constellation"_s << QByteArray() << false
        << QStringList{u"login=constellation"_s,
                       u"public_repos=%1"_s.arg(FakeGitHub::InsightsRepositoryCount)};
}

void TestFakeGitHub::endpoints_answer200WithGitHubShapedBodyOnOwnOrigins()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(bool, isList);
    QFETCH(QStringList, checks);

    const Response response = get(path, withAuthorization(authorization));

    QCOMPARE(response.status, 200);
    QVERIFY(response.header("content-type").startsWith("application/json"));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(document.isArray(), isList);
    const QJsonValue subject = document.isArray() ? document.array().first() : QJsonValue(document.object());
    if (isList) {
        QVERIFY(!document.array().isEmpty());
    }
    for (const QString &check : std::as_const(checks)) {
        const qsizetype equals = check.indexOf(u'=');
        const QJsonValue value = valueAt(subject, check.left(equals));
        QVERIFY2(!value.isUndefined() && !value.isNull(), qPrintable(check));
        if (equals >= 0) {
            QCOMPARE(value.toVariant().toString(), check.mid(equals + 1));
        }
    }
    QStringList problems;
    collectForeignUrls(isList ? QJsonValue(document.array()) : QJsonValue(document.object()), {},
                       m_server->apiUrl(), m_server->contentUrl(), problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 5).join(u"\n"_s)));
    QVERIFY(!response.body.contains("api.github.com"));
    QVERIFY(!response.body.contains("githubusercontent.com"));
}

void TestFakeGitHub::avatars_arePngFromContentOriginAndLoggedThere()
{
    const QUrl avatar(get(u"/users/octocat"_s).object().value(u"avatar_url"_s).toString());
    QCOMPARE(avatar.port(), int(contentPort()));

    m_server->clearRequestLog();
    const Response response = getUrl(avatar);

    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("content-type"), QByteArray("image/png"));
    QVERIFY(response.body.startsWith("\x89PNG\r\n\x1a\n"));
    const QList<LoggedRequest> log = m_server->requestLog();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.at(0).origin, Origin::Content);
    QCOMPARE(log.at(0).path, u"/u/1"_s);
    QCOMPARE(log.at(0).host, QByteArray("127.0.0.1:" + QByteArray::number(contentPort())));
    QCOMPARE(log.at(0).status, 200);
    QVERIFY(!log.at(0).spentPoint);
}

void TestFakeGitHub::cacheHeaders_privateForTokensPublicOtherwiseWithVary_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("maxAge");
    QTest::addColumn<QByteArray>("cacheControl");

    QTest::newRow("token") << bearer(Tokens::Octocat) << -1 << QByteArray("private, max-age=60, s-maxage=60");
    QTest::newRow("anonymous") << QByteArray() << -1 << QByteArray("public, max-age=60, s-maxage=60");
    QTest::newRow("max-age knob") << bearer(Tokens::Octocat) << 200
                                  << QByteArray("private, max-age=200, s-maxage=200");
}

void TestFakeGitHub::cacheHeaders_privateForTokensPublicOtherwiseWithVary()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, maxAge);
    QFETCH(QByteArray, cacheControl);
    if (maxAge >= 0) {
        m_server->setMaxAge(maxAge);
    }

    const RawResponse response = raw("/users/octocat", withAuthorization(authorization)).first();

    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("cache-control"), cacheControl);
    QCOMPARE(response.header("vary"),
             QByteArray("Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding"));
}

// ---- ETags ---------------------------------------------------------------------------------------

void TestFakeGitHub::computeEtag_matchesGitHubKnownAnswers_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("etag");

    // The public test vectors of bored-engineer/github-conditional-http-transport: GET /users/bored-engineer.
    const QByteArray body =
        R"({"login":"bored-engineer","id":541842,"node_id":"MDQ6VXNlcjU0MTg0Mg==","avatar_url":"https://avatars.githubusercontent.com/u/541842?v=4","gravatar_id":"","url":"https://api.github.com/users/bored-engineer","html_url":"https://github.com/bored-engineer","followers_url":"https://api.github.com/users/bored-engineer/followers","following_url":"https://api.github.com/users/bored-engineer/following{/other_user}","gists_url":"https://api.github.com/users/bored-engineer/gists{/gist_id}","starred_url":"https://api.github.com/users/bored-engineer/starred{/owner}{/repo}","subscriptions_url":"https://api.github.com/users/bored-engineer/subscriptions","organizations_url":"https://api.github.com/users/bored-engineer/orgs","repos_url":"https://api.github.com/users/bored-engineer/repos","events_url":"https://api.github.com/users/bored-engineer/events{/privacy}","received_events_url":"https://api.github.com/users/bored-engineer/received_events","type":"User","user_view_type":"public","site_admin":false,"name":"Luke Young","company":null,"blog":"https://bored.engineer/","location":"San Francisco, CA","email":null,"hireable":true,"bio":"I find bugs and exploit them. Sometimes for money, mainly for free T-Shirts...","twitter_username":null,"public_repos":136,"public_gists":51,"followers":212,"following":13,"created_at":"2010-12-30T17:15:38Z","updated_at":"2025-05-06T02:44:16Z"})";
    QTest::newRow("body only")
        << QByteArray() << QByteArray() << body
        << QByteArray(R"("c5542e3ee32c0adf1128a79d80a296d03412415c924e522d9d1c75b17d7c3ef0")");
    QTest::newRow("v3 accept")
        << QByteArray("application/vnd.github.v3+json") << QByteArray() << body
        << QByteArray(R"("125f46f7d22cd8f41ea1534256ba85a45f4a0e3dcf995da9fecfe3361b93407d")");
    QTest::newRow("empty everything")
        << QByteArray() << QByteArray() << QByteArray()
        << QByteArray(R"("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")");
}

void TestFakeGitHub::computeEtag_matchesGitHubKnownAnswers()
{
    QFETCH(QByteArray, accept);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, etag);

    QCOMPARE(Server::computeEtag(accept, authorization, QByteArray(), body), etag);
}

void TestFakeGitHub::etag_onTheWire_isSha256OfRequestHeadersAndBody_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("cookie");

    QTest::newRow("anonymous") << QByteArray() << QByteArray();
    QTest::newRow("bearer token") << bearer(Tokens::Octocat) << QByteArray();
    QTest::newRow("token scheme") << QByteArray("token " + Tokens::Monalisa) << QByteArray();
    QTest::newRow("token and cookie") << bearer(Tokens::Octocat) << QByteArray("logged_in=no");
}

void TestFakeGitHub::etag_onTheWire_isSha256OfRequestHeadersAndBody()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, cookie);
    Headers headers = withAuthorization(authorization);
    if (!cookie.isEmpty()) {
        headers.append({"Cookie", cookie});
    }

    const RawExchange exchange = raw("/users/octocat", headers);

    const RawResponse response = exchange.first();
    QCOMPARE(response.status, 200);
    QVERIFY(response.complete);
    QVERIFY(!response.hasHeader("content-encoding"));
    QByteArray hashed = Accept + ':';
    if (!authorization.isEmpty()) {
        hashed += authorization + ':';
    }
    if (!cookie.isEmpty()) {
        hashed += cookie + ':';
    }
    hashed += response.body;
    QCOMPARE(response.header("etag"), sha256Etag(hashed));
}

void TestFakeGitHub::etag_differsBetweenTwoTokensOfTheSameUser()
{
    const RawResponse primary = raw("/users/octocat", withAuthorization(bearer(Tokens::Octocat))).first();
    const RawResponse again = raw("/users/octocat", withAuthorization(bearer(Tokens::Octocat))).first();
    const RawResponse rotated =
        raw("/users/octocat", withAuthorization(bearer(Tokens::OctocatRotated))).first();

    QCOMPARE(primary.status, 200);
    QCOMPARE(rotated.status, 200);
    QCOMPARE(rotated.body, primary.body);
    QCOMPARE(again.header("etag"), primary.header("etag"));
    QVERIFY(!primary.header("etag").isEmpty());
    QVERIFY(rotated.header("etag") != primary.header("etag"));
}

// ---- conditional requests ------------------------------------------------------------------------

void TestFakeGitHub::conditional_matchingTag_is304WithoutBodyButWithHeaders_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("form");

    QTest::newRow("strong, token") << bearer(Tokens::Octocat) << u"strong"_s;
    QTest::newRow("strong, anonymous") << QByteArray() << u"strong"_s;
    QTest::newRow("weak, token") << bearer(Tokens::Octocat) << u"weak"_s;
    QTest::newRow("one of a list, token") << bearer(Tokens::Octocat) << u"list"_s;
    QTest::newRow("weak in a list, anonymous") << QByteArray() << u"weak list"_s;
}

void TestFakeGitHub::conditional_matchingTag_is304WithoutBodyButWithHeaders()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, form);
    const QByteArray etag = raw("/users/octocat", withAuthorization(authorization)).first().header("etag");
    QVERIFY(etag.startsWith('"'));
    QByteArray ifNoneMatch = etag;
    if (form == u"weak"_s) {
        ifNoneMatch = QByteArray("W/" + etag);
    } else if (form == u"list"_s) {
        ifNoneMatch = QByteArray(R"("0123abcd", )" + etag + R"(, W/"ffff")");
    } else if (form == u"weak list"_s) {
        ifNoneMatch = QByteArray(R"("0123abcd",W/)" + etag);
    }

    // Connection: close, so that every byte the server sends is read before the comparison.
    const RawExchange exchange =
        raw("/users/octocat",
            withAuthorization(authorization, {{"If-None-Match", ifNoneMatch}, {"Connection", "close"}}), 0);

    QVERIFY(exchange.closedByServer);
    QCOMPARE(exchange.responses.size(), 1);
    const RawResponse response = exchange.first();
    QCOMPARE(response.status, 304);
    QCOMPARE(exchange.bytes.size(), response.head.size()); // not a byte of body
    QVERIFY(response.contentLength <= 0);
    QCOMPARE(response.header("etag"), etag);
    for (const QByteArray &name : RateLimitHeaders) {
        QVERIFY2(response.hasHeader(name), name.constData());
    }
    QCOMPARE(response.header("x-ratelimit-resource"), QByteArray("core"));
    QCOMPARE(m_server->requestLog().constLast().status, 304);
    QVERIFY(m_server->requestLog().constLast().notModified());
}

void TestFakeGitHub::conditional_304RepeatsTheEtagOfThe200_data()
{
    QTest::addColumn<QByteArray>("acceptEncoding");

    QTest::newRow("identity") << QByteArray();
    QTest::newRow("gzip") << QByteArray("gzip");
}

void TestFakeGitHub::conditional_304RepeatsTheEtagOfThe200()
{
    QFETCH(QByteArray, acceptEncoding);
    Headers headers = withAuthorization(bearer(Tokens::Octocat));
    if (!acceptEncoding.isEmpty()) {
        headers.append({"Accept-Encoding", acceptEncoding});
    }
    const RawResponse ok = raw("/users/octocat", headers).first();
    QCOMPARE(ok.status, 200);

    headers.append({"If-None-Match", ok.header("etag")});
    const RawResponse notModified = raw("/users/octocat", headers).first();

    QCOMPARE(notModified.status, 304);
    QCOMPARE(notModified.header("etag"), ok.header("etag")); // RFC 9110, 15.4.5
}

void TestFakeGitHub::conditional_wrongTag_is200WithBody()
{
    const QByteArray etag = raw("/users/octocat").first().header("etag");
    QByteArray wrong = etag; // the same tag with its last hex digit changed
    wrong[wrong.size() - 2] = wrong.at(wrong.size() - 2) == '0' ? '1' : '0';
    QVERIFY(wrong != etag);

    const RawResponse response = raw("/users/octocat", {{"If-None-Match", wrong}}).first();

    QCOMPARE(response.status, 200);
    QVERIFY(response.complete);
    QCOMPARE(QJsonDocument::fromJson(response.body).object().value(u"login"_s).toString(), u"octocat"_s);
    QCOMPARE(response.header("etag"), etag);
}

void TestFakeGitHub::conditional_304SpendsAPointOnlyWhenAnonymous_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("pointsSpent");

    QTest::newRow("token: free") << bearer(Tokens::Octocat) << 0;
    QTest::newRow("anonymous: one point") << QByteArray() << 1;
}

void TestFakeGitHub::conditional_304SpendsAPointOnlyWhenAnonymous()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, pointsSpent);
    const auto points = [&] {
        return authorization.isEmpty() ? m_server->anonymousPointsUsed()
                                       : m_server->pointsUsed(Names::Octocat);
    };
    // Through QNAM, which asks for gzip: the ETag is weak and is sent back as received.
    const Response ok = get(u"/users/octocat"_s, withAuthorization(authorization));
    QCOMPARE(ok.status, 200);
    QCOMPARE(points(), 1);

    const Response notModified =
        get(u"/users/octocat"_s, withAuthorization(authorization, {{"If-None-Match", ok.header("etag")}}));

    QCOMPARE(notModified.status, 304);
    QVERIFY(notModified.body.isEmpty());
    QCOMPARE(points(), 1 + pointsSpent);
    QCOMPARE(notModified.intHeader("x-ratelimit-used"), 1 + pointsSpent);
    QCOMPARE(m_server->requestLog().constLast().spentPoint, pointsSpent == 1);
}

void TestFakeGitHub::conditional_etagOfEmptyListProbesEmptiness_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");

    QTest::newRow("empty list, anonymous") << u"/users/nobody/gists"_s << QByteArray() << 304;
    QTest::newRow("empty list, token") << u"/users/nobody/gists"_s << bearer(Tokens::Monalisa) << 304;
    QTest::newRow("empty list, enterprise prefix") << u"/api/v3/users/nobody/repos"_s << QByteArray() << 304;
    QTest::newRow("non-empty list") << u"/users/octocat/gists"_s << bearer(Tokens::Monalisa) << 200;
}

void TestFakeGitHub::conditional_etagOfEmptyListProbesEmptiness()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QByteArray hashed = Accept + ':';
    if (!authorization.isEmpty()) {
        hashed += authorization + ':';
    }
    hashed += "[]";

    const RawResponse response =
        raw(path.toUtf8(), withAuthorization(authorization, {{"If-None-Match", sha256Etag(hashed)}})).first();

    QCOMPARE(response.status, status);
}

// ---- gzip ----------------------------------------------------------------------------------------

void TestFakeGitHub::gzip_whenAccepted_compressesAndWeakensTheEtag()
{
    const Headers authorization = withAuthorization(bearer(Tokens::Octocat));
    const RawResponse plain = raw("/repos/octocat/Hello-World", authorization).first();
    const RawResponse compressed =
        raw("/repos/octocat/Hello-World",
            withAuthorization(bearer(Tokens::Octocat), {{"Accept-Encoding", "gzip"}}))
            .first();

    QCOMPARE(compressed.status, 200);
    QVERIFY(compressed.complete);
    QCOMPARE(compressed.header("content-encoding"), QByteArray("gzip"));
    QVERIFY(compressed.body.startsWith("\x1f\x8b"));
    QCOMPARE(compressed.contentLength, compressed.body.size());
    QVERIFY(compressed.body != plain.body);
    QCOMPARE(compressed.header("etag"), QByteArray("W/" + plain.header("etag")));
    // QNAM asks for gzip too and decodes it: what it hands over is the plain body.
    const Response decoded = get(u"/repos/octocat/Hello-World"_s, authorization);
    QCOMPARE(decoded.status, 200);
    QCOMPARE(decoded.body, plain.body);
    QCOMPARE(decoded.header("etag"), QByteArray("W/" + plain.header("etag")));
}

void TestFakeGitHub::gzip_whenNotAccepted_plainBodyAndStrongEtag()
{
    const RawResponse response = raw("/repos/octocat/Hello-World").first();

    QCOMPARE(response.status, 200);
    QVERIFY(!response.hasHeader("content-encoding"));
    QVERIFY(response.header("etag").startsWith('"'));
    QCOMPARE(QJsonDocument::fromJson(response.body).object().value(u"full_name"_s).toString(),
             Names::HelloWorld);
}

// ---- primary and secondary rate limits ----------------------------------------------------------

void TestFakeGitHub::rateLimitHeaders_onEveryResponse_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("conditional");
    QTest::addColumn<int>("status");

    QTest::newRow("200") << u"/users/octocat"_s << false << 200;
    QTest::newRow("304") << u"/users/octocat"_s << true << 304;
    QTest::newRow("404") << u"/users/no-such-user"_s << false << 404;
    QTest::newRow("301") << u"/repos/octocat/Hello-Old-World"_s << false << 301;
    QTest::newRow("rate_limit") << u"/rate_limit"_s << false << 200;
}

void TestFakeGitHub::rateLimitHeaders_onEveryResponse()
{
    QFETCH(QString, path);
    QFETCH(bool, conditional);
    QFETCH(int, status);
    Headers headers = withAuthorization(bearer(Tokens::Octocat));
    if (conditional) {
        headers.append({"If-None-Match", get(path, headers).header("etag")});
    }

    const Response response = get(path, headers);

    QCOMPARE(response.status, status);
    for (const QByteArray &name : RateLimitHeaders) {
        QVERIFY2(response.hasHeader(name), name.constData());
    }
    QCOMPARE(response.intHeader("x-ratelimit-limit"), 5000);
    QCOMPARE(response.intHeader("x-ratelimit-used") + response.intHeader("x-ratelimit-remaining"), 5000);
    QCOMPARE(response.header("x-ratelimit-resource"), QByteArray("core"));
    QVERIFY(response.header("x-ratelimit-reset").toLongLong() > 1'600'000'000);
}

void TestFakeGitHub::primaryLimit_countedPerUserAndPerAddress()
{
    const auto usedBy = [this](const QByteArray &authorization) {
        const Response response = get(u"/users/octocat"_s, withAuthorization(authorization));
        return qMakePair(response.intHeader("x-ratelimit-used"), response.intHeader("x-ratelimit-limit"));
    };

    QCOMPARE(usedBy(bearer(Tokens::Octocat)), qMakePair(1, 5000));
    QCOMPARE(usedBy(bearer(Tokens::Octocat)), qMakePair(2, 5000));
    QCOMPARE(usedBy(bearer(Tokens::OctocatRotated)), qMakePair(3, 5000)); // same user, same counter
    QCOMPARE(usedBy(bearer(Tokens::Monalisa)), qMakePair(1, 5000));
    QCOMPARE(usedBy(QByteArray()), qMakePair(1, 60));
    QCOMPARE(usedBy(QByteArray()), qMakePair(2, 60));

    QCOMPARE(m_server->pointsUsed(Names::Octocat), 3);
    QCOMPARE(m_server->pointsUsed(Names::Monalisa), 1);
    QCOMPARE(m_server->anonymousPointsUsed(), 2);
}

void TestFakeGitHub::primaryLimit_whenSpent_is403WithRemainingZero_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("otherAuthorization");
    QTest::addColumn<int>("limit");

    QTest::newRow("per user") << bearer(Tokens::Octocat) << bearer(Tokens::Monalisa) << 3;
    QTest::newRow("per address") << QByteArray() << bearer(Tokens::Octocat) << 2;
}

void TestFakeGitHub::primaryLimit_whenSpent_is403WithRemainingZero()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, otherAuthorization);
    QFETCH(int, limit);
    m_server->setRateLimit(3, 2);
    const Headers headers = withAuthorization(authorization);
    for (int i = 1; i <= limit; ++i) {
        const Response response = get(u"/users/octocat"_s, headers);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.intHeader("x-ratelimit-remaining"), limit - i);
    }

    const Response spent = get(u"/users/octocat"_s, headers);

    QCOMPARE(spent.status, 403);
    QVERIFY2(spent.object().value(u"message"_s).toString().startsWith(u"API rate limit exceeded"_s),
             spent.body.constData());
    QVERIFY(
        spent.object().value(u"documentation_url"_s).toString().startsWith(u"https://docs.github.com/"_s));
    QCOMPARE(spent.header("x-ratelimit-remaining"), QByteArray("0"));
    QCOMPARE(spent.intHeader("x-ratelimit-used"), limit);
    QCOMPARE(spent.intHeader("x-ratelimit-limit"), limit);
    QVERIFY(!m_server->requestLog().constLast().spentPoint);
    // Someone else's counter is untouched.
    QCOMPARE(get(u"/users/octocat"_s, withAuthorization(otherAuthorization)).status, 200);
}

void TestFakeGitHub::primaryLimit_afterTheReset_requestsSucceedAgain()
{
    // The window ends when the test moves the server's clock, not when a second has passed.
    QDateTime now = QDateTime::currentDateTimeUtc();
    m_server->setClock([&now] { return now; });
    m_server->setRateLimit(1, 1);
    m_server->setRateLimitWindow(1);
    const Headers headers = withAuthorization(bearer(Tokens::Octocat));
    QCOMPARE(get(u"/users/octocat"_s, headers).status, 200);
    const Response spent = get(u"/users/octocat"_s, headers);
    QCOMPARE(spent.status, 403);
    const qint64 reset = spent.header("x-ratelimit-reset").toLongLong();
    QCOMPARE(reset, now.toSecsSinceEpoch() + 1);

    now = now.addSecs(1);
    const Response again = get(u"/users/octocat"_s, headers);

    QCOMPARE(again.status, 200);
    QCOMPARE(again.intHeader("x-ratelimit-used"), 1);
    QVERIFY(again.header("x-ratelimit-reset").toLongLong() > reset);
    m_server->setClock({}); // `now` ends with this function
}

void TestFakeGitHub::rateLimitEndpoint_isFreeAndReportsUsage_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("limit");

    QTest::newRow("token") << bearer(Tokens::Octocat) << 5000;
    QTest::newRow("anonymous") << QByteArray() << 60;
}

void TestFakeGitHub::rateLimitEndpoint_isFreeAndReportsUsage()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, limit);
    const Headers headers = withAuthorization(authorization);
    QCOMPARE(get(u"/users/octocat"_s, headers).status, 200);
    QCOMPARE(get(u"/orgs/github"_s, headers).status, 200);

    for (int i = 0; i < 3; ++i) {
        const Response response = get(u"/rate_limit"_s, headers);
        QCOMPARE(response.status, 200);
        const QJsonObject core = valueAt(response.object(), u"resources.core"_s).toObject();
        QCOMPARE(core.value(u"used"_s).toInt(), 2);
        QCOMPARE(core.value(u"limit"_s).toInt(), limit);
        QCOMPARE(core.value(u"remaining"_s).toInt(), limit - 2);
        QCOMPARE(response.intHeader("x-ratelimit-used"), 2);
        QVERIFY(!m_server->requestLog().constLast().spentPoint);
    }
    QCOMPARE(authorization.isEmpty() ? m_server->anonymousPointsUsed() : m_server->pointsUsed(Names::Octocat),
             2);

    // Still answered when the limit is spent.
    m_server->setRateLimit(2, 2);
    QCOMPARE(get(u"/users/octocat"_s, headers).status, 403);
    const Response spent = get(u"/rate_limit"_s, headers);
    QCOMPARE(spent.status, 200);
    QCOMPARE(valueAt(spent.object(), u"resources.core.remaining"_s).toInt(-1), 0);
}

void TestFakeGitHub::secondaryLimit_tooManyConcurrentRequests_get403WithRetryAfter()
{
    m_server->setSecondaryLimit(2, 7);
    m_server->setLatency(200);
    const QStringList paths = {u"/users/octocat"_s, u"/users/monalisa"_s, u"/orgs/github"_s,
                               u"/repos/octocat/Hello-World"_s, u"/users/octocat/orgs"_s};
    QList<QNetworkReply *> replies;
    for (const QString &path : paths) {
        replies.append(send(*m_nam, api(path), withAuthorization(bearer(Tokens::Octocat))));
    }

    int ok = 0;
    int limited = 0;
    for (QNetworkReply *reply : std::as_const(replies)) {
        const Response response = collect(reply);
        QVERIFY(response.finished);
        if (response.status == 200) {
            ++ok;
        } else {
            QCOMPARE(response.status, 403);
            QCOMPARE(response.header("retry-after"), QByteArray("7"));
            QVERIFY2(response.object().value(u"message"_s).toString().contains(u"secondary rate limit"_s),
                     response.body.constData());
            ++limited;
        }
    }
    QCOMPARE(ok + limited, 5);
    QVERIFY(ok >= 1);
    QVERIFY(limited >= 1);
    QVERIFY2(m_server->maxInFlight() >= 3, QByteArray::number(m_server->maxInFlight()).constData());
    QCOMPARE(m_server->pointsUsed(Names::Octocat), ok); // a secondary-limit 403 costs nothing
}

// ---- pagination ----------------------------------------------------------------------------------

void TestFakeGitHub::pagination_followingNextVisitsAllRepositoriesOnceInOrder()
{
    const Headers headers = withAuthorization(bearer(Tokens::Octocat));
    QUrl url = api(u"/orgs/megacorp/repos?per_page=100"_s);
    QList<qint64> ids;
    int pages = 0;
    int lastPage = 0;
    while (url.isValid() && pages < 60) {
        const Response response = getUrl(url, headers);
        QCOMPARE(response.status, 200);
        ++pages;
        const QJsonArray repositories = response.array();
        QCOMPARE(repositories.size(), 100);
        for (const QJsonValue &repository : repositories) {
            ids.append(repository.toObject().value(u"id"_s).toInteger());
        }
        const QHash<QString, QUrl> links = parseLinks(response.header("link"));
        if (pages == 1) {
            lastPage = pageOf(links.value(u"last"_s));
        }
        url = links.value(u"next"_s);
        if (url.isValid()) {
            QCOMPARE(pageOf(url), pages + 1);
        }
    }

    QCOMPARE(lastPage, 50);
    QCOMPARE(pages, 50);
    QCOMPARE(ids.size(), FakeGitHub::BigOrganizationRepoCount);
    QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), FakeGitHub::BigOrganizationRepoCount);
    QVERIFY(std::is_sorted(ids.cbegin(), ids.cend())); // pages continue one another
}

void TestFakeGitHub::pagination_linkRelationsDependOnThePage_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<int>("page");
    QTest::addColumn<QStringList>("relations");
    QTest::addColumn<QList<int>>("pages"); // of `relations`, in order

    QTest::newRow("first page") << QString() << 1 << QStringList{u"last"_s, u"next"_s} << QList<int>{50, 2};
    QTest::newRow("middle page") << QString() << 25
                                 << QStringList{u"first"_s, u"last"_s, u"next"_s, u"prev"_s}
                                 << QList<int>{1, 50, 26, 24};
    QTest::newRow("last page") << QString() << 50 << QStringList{u"first"_s, u"prev"_s} << QList<int>{1, 49};
    QTest::newRow("enterprise prefix")
        << u"/api/v3"_s << 2 << QStringList{u"first"_s, u"last"_s, u"next"_s, u"prev"_s}
        << QList<int>{1, 50, 3, 1};
}

void TestFakeGitHub::pagination_linkRelationsDependOnThePage()
{
    QFETCH(QString, prefix);
    QFETCH(int, page);
    QFETCH(QStringList, relations);
    QFETCH(QList<int>, pages);

    const Response response =
        get(prefix + u"/orgs/megacorp/repos?per_page=100&page="_s + QString::number(page),
            withAuthorization(bearer(Tokens::Octocat)));

    QCOMPARE(response.status, 200);
    const QHash<QString, QUrl> links = parseLinks(response.header("link"));
    QCOMPARE(sortedKeys(links), relations);
    for (qsizetype i = 0; i < relations.size(); ++i) {
        const QUrl link = links.value(relations.at(i));
        QCOMPARE(link.adjusted(QUrl::RemoveQuery), api(prefix + u"/orgs/megacorp/repos"_s));
        QCOMPARE(QUrlQuery(link).queryItemValue(u"per_page"_s), u"100"_s);
        QCOMPARE(pageOf(link), pages.at(i));
    }
}

void TestFakeGitHub::pagination_linksKeepOtherQueryParameters()
{
    const Headers headers = withAuthorization(bearer(Tokens::Octocat));
    const Response first = get(u"/repos/megacorp/monorepo/pulls?state=all&per_page=100"_s, headers);
    QCOMPARE(first.status, 200);
    const QHash<QString, QUrl> links = parseLinks(first.header("link"));
    QCOMPARE(sortedKeys(links), (QStringList{u"last"_s, u"next"_s}));
    for (const QUrl &link : links) {
        QVERIFY2(link.toString().startsWith(apiOrigin() + u"repos/megacorp/monorepo/pulls?"_s),
                 qPrintable(link.toString()));
        QCOMPARE(QUrlQuery(link).queryItemValue(u"state"_s), u"all"_s);
        QCOMPARE(QUrlQuery(link).queryItemValue(u"per_page"_s), u"100"_s);
    }
    QCOMPARE(pageOf(links.value(u"last"_s)), FakeGitHub::BigRepositoryPullCount / 100);
    QCOMPARE(first.array().size(), 100);
    QCOMPARE(first.array().first().toObject().value(u"number"_s).toInt(), FakeGitHub::BigRepositoryPullCount);

    const Response last = getUrl(links.value(u"last"_s), headers);

    QCOMPARE(last.status, 200);
    QCOMPARE(last.array().size(), 100);
    QCOMPARE(last.array().last().toObject().value(u"number"_s).toInt(), 1);
    const QHash<QString, QUrl> lastLinks = parseLinks(last.header("link"));
    QCOMPARE(sortedKeys(lastLinks), (QStringList{u"first"_s, u"prev"_s}));
    QCOMPARE(pageOf(lastLinks.value(u"prev"_s)), 199);
    QCOMPARE(QUrlQuery(lastLinks.value(u"first"_s)).queryItemValue(u"state"_s), u"all"_s);
}

void TestFakeGitHub::pagination_perPageDefaultsTo30AndIsCappedAt100_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("lastPage");

    QTest::newRow("default") << QString() << 30 << 167;
    QTest::newRow("100") << u"per_page=100"_s << 100 << 50;
    QTest::newRow("500 is capped") << u"per_page=500"_s << 100 << 50;
    QTest::newRow("7") << u"per_page=7"_s << 7 << 715;
    QTest::newRow("0 falls back") << u"per_page=0"_s << 30 << 167;
}

void TestFakeGitHub::pagination_perPageDefaultsTo30AndIsCappedAt100()
{
    QFETCH(QString, query);
    QFETCH(int, items);
    QFETCH(int, lastPage);

    const Response response = get(u"/orgs/megacorp/repos?"_s + query);

    QCOMPARE(response.status, 200);
    QCOMPARE(response.array().size(), items);
    QCOMPARE(pageOf(parseLinks(response.header("link")).value(u"last"_s)), lastPage);
}

void TestFakeGitHub::prolificGists_300OverThreePagesWithCsvTraps()
{
    // Secret gists are listed to their owner only, as on GitHub: all 300 need the owner's token.
    m_server->addToken(ProlificToken, Names::ProlificUser);
    QList<QJsonValue> descriptions;
    QSet<QString> ids;
    QUrl url = api(u"/users/prolific/gists?per_page=100"_s);
    int pages = 0;
    while (url.isValid() && pages < 5) {
        const Response response = getUrl(url, withAuthorization(bearer(ProlificToken)));
        QCOMPARE(response.status, 200);
        ++pages;
        QCOMPARE(response.array().size(), 100);
        for (const QJsonValue &gist : response.array()) {
            descriptions.append(gist.toObject().value(u"description"_s));
            ids.insert(gist.toObject().value(u"id"_s).toString());
        }
        url = parseLinks(response.header("link")).value(u"next"_s);
    }
    QCOMPARE(pages, 3);
    QCOMPARE(ids.size(), FakeGitHub::ProlificGistCount);

    const auto any = [&descriptions](auto predicate) {
        return std::any_of(descriptions.cbegin(), descriptions.cend(), [&](const QJsonValue &value) {
            return value.isString() && predicate(value.toString());
        });
    };
    QVERIFY(std::any_of(descriptions.cbegin(), descriptions.cend(),
                        [](const QJsonValue &v) { return v.isNull(); }));
    QVERIFY(any([](const QString &text) { return text.contains(u','); }));
    QVERIFY(any([](const QString &text) { return text.contains(u'"'); }));
    QVERIFY(any([](const QString &text) { return text.contains(u'\n'); }));
    QVERIFY(any([](const QString &text) {
        return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() > 127; });
    }));
    for (const QChar lead : {u'=', u'+', u'-', u'@'}) {
        QVERIFY2(any([lead](const QString &text) { return text.startsWith(lead); }),
                 qPrintable(QString(lead)));
    }

    // Anyone else sees the public ones only.
    const Response anonymous = get(u"/users/prolific/gists?per_page=100&page=1"_s);
    QCOMPARE(anonymous.status, 200);
    for (const QJsonValue &gist : anonymous.array()) {
        QVERIFY(gist.toObject().value(u"public"_s).toBool());
    }
}

// ---- gists: lists, stars, revisions, forks ---------------------------------------------------------

void TestFakeGitHub::gists_withToken_listViewersOwnSecretOnesToo()
{
    const QJsonArray mine = all(u"/gists?per_page=100"_s, withAuthorization(bearer(Tokens::Prolific)));
    const QJsonArray listed = all(u"/users/prolific/gists?per_page=100"_s);

    QCOMPARE(mine.size(), FakeGitHub::ProlificGistCount);
    const auto secret = [](const QJsonArray &gists) {
        return std::count_if(gists.begin(), gists.end(), [](const QJsonValue &gist) {
            return !gist.toObject().value(u"public"_s).toBool();
        });
    };
    QVERIFY(secret(mine) > 0);
    QCOMPARE(secret(listed), 0);
    QCOMPARE(listed.size() + secret(mine), mine.size());
    for (const QJsonValue &gist : mine) {
        QCOMPARE(valueAt(gist, u"owner.login"_s).toString(), Names::ProlificUser);
    }
    // The same items as the user's own list, in the same order.
    QCOMPARE(mine.first().toObject(),
             all(u"/users/prolific/gists?per_page=1"_s, withAuthorization(bearer(Tokens::Prolific)))
                 .first()
                 .toObject());
}

void TestFakeGitHub::gists_anonymous_listEverybodysPublicOnesLastUpdatedFirst()
{
    const QJsonArray gists = all(u"/gists?per_page=100"_s);

    const int prolificPublic = int(all(u"/users/prolific/gists?per_page=100"_s).size());
    QCOMPARE(gists.size(), prolificPublic + 4); // octocat's three, monalisa's one
    QSet<QString> owners;
    QSet<QString> ids;
    for (qsizetype i = 0; i < gists.size(); ++i) {
        const QJsonObject gist = gists.at(i).toObject();
        QVERIFY(gist.value(u"public"_s).toBool());
        owners.insert(valueAt(gist, u"owner.login"_s).toString());
        ids.insert(gist.value(u"id"_s).toString());
        if (i > 0) {
            const QJsonObject before = gists.at(i - 1).toObject();
            QVERIFY(before.value(u"updated_at"_s).toString() >= gist.value(u"updated_at"_s).toString());
        }
    }
    QCOMPARE(ids.size(), gists.size());
    QCOMPARE(owners, (QSet<QString>{Names::Octocat, Names::Monalisa, Names::ProlificUser}));
}

void TestFakeGitHub::starredGists_atStart_prolificHasStarredThreeOfOthers()
{
    const Response starred = get(u"/gists/starred"_s, withAuthorization(bearer(Tokens::Prolific)));

    QCOMPARE(starred.status, 200);
    QStringList ids;
    for (const QJsonValue &gist : starred.array()) {
        ids.append(gist.toObject().value(u"id"_s).toString());
        QVERIFY(valueAt(gist, u"owner.login"_s).toString() != Names::ProlificUser);
    }
    QCOMPARE(ids, Names::ProlificStarredGists);
    const Response monalisas = get(u"/gists/starred"_s, withAuthorization(bearer(Tokens::Monalisa)));
    QCOMPARE(monalisas.status, 200);
    QCOMPARE(monalisas.array().size(), 0);
}

void TestFakeGitHub::gistStar_lifecycle_checkPutDeleteEachWriteSpendingAPoint()
{
    const Headers monalisa = withAuthorization(bearer(Tokens::Monalisa));
    const QString star = u"/gists/%1/star"_s.arg(Names::MarkdownGist);
    const auto starredIds = [&] {
        QStringList ids;
        for (const QJsonValue &gist : get(u"/gists/starred"_s, monalisa).array()) {
            ids.append(gist.toObject().value(u"id"_s).toString());
        }
        return ids;
    };
    // A bodiless 204, as GitHub answers a write.
    const auto verifyNoContent = [](const Response &response) {
        QCOMPARE(response.status, 204);
        QVERIFY(response.body.isEmpty());
        QVERIFY(!response.hasHeader("content-type"));
    };
    QCOMPARE(request("PUT", u"/gists/%1/star"_s.arg(Names::HelloGist), monalisa).status, 204);

    const Response before = get(star, monalisa);
    QCOMPARE(before.status, 404);
    const Response put = request("PUT", star, monalisa);
    verifyNoContent(put);
    QCOMPARE(put.intHeader("x-ratelimit-used"), before.intHeader("x-ratelimit-used") + 1);
    verifyNoContent(request("PUT", star, monalisa)); // starring twice is starring
    const Response check = get(star, monalisa);
    verifyNoContent(check);
    QVERIFY(!check.hasHeader("etag"));
    QCOMPARE(starredIds(), (QStringList{Names::MarkdownGist, Names::HelloGist}));
    // Nobody else's stars change.
    QCOMPARE(get(star, withAuthorization(bearer(Tokens::Octocat))).status, 404);

    const Response beforeDelete = get(star, monalisa);
    const Response deleted = request("DELETE", star, monalisa);
    verifyNoContent(deleted);
    QCOMPARE(deleted.intHeader("x-ratelimit-used"), beforeDelete.intHeader("x-ratelimit-used") + 1);
    QCOMPARE(get(star, monalisa).status, 404);
    QCOMPARE(starredIds(), QStringList{Names::HelloGist});
    verifyNoContent(request("DELETE", star, monalisa)); // and unstarring twice is unstarring

    const QList<LoggedRequest> log = m_server->requestLog();
    const auto writes = std::count_if(log.cbegin(), log.cend(), [](const LoggedRequest &entry) {
        return entry.method != "GET" && entry.spentPoint && entry.status == 204;
    });
    QCOMPARE(writes, 5);
}

void TestFakeGitHub::gistStar_anonymousOrUnknownGist_is401Or404_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    const QString known = u"/gists/%1/star"_s.arg(Names::MarkdownGist);
    const QString unknown = u"/gists/00000000000000000000/star"_s;
    const QByteArray token = bearer(Tokens::Monalisa);
    for (const QByteArray method : {"GET", "PUT", "DELETE"}) {
        QTest::addRow("%s, anonymous", method.constData())
            << method << known << QByteArray() << 401 << u"Requires authentication"_s;
        QTest::addRow("%s, unknown gist", method.constData())
            << method << unknown << token << 404 << u"Not Found"_s;
    }
    QTest::newRow("POST") << QByteArray("POST") << known << token << 404 << u"Not Found"_s;
    QTest::newRow("PUT on the gist") << QByteArray("PUT") << u"/gists/%1"_s.arg(Names::MarkdownGist) << token
                                     << 404 << u"Not Found"_s;
}

void TestFakeGitHub::gistStar_anonymousOrUnknownGist_is401Or404()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(QString, message);

    const Response response = request(method, path, withAuthorization(authorization));

    QCOMPARE(response.status, status);
    QCOMPARE(response.object().value(u"message"_s).toString(), message);
    QCOMPARE(m_server->requestLog().constLast().spentPoint, true);
}

void TestFakeGitHub::gistCommits_newestFirstAndAgreeWithTheGistsHistory_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<bool>("several"); // a gist of more than one line has had more than one revision

    QTest::newRow("octocat's") << Names::HelloGist << Names::Octocat << true;
    QTest::newRow("Markdown") << Names::MarkdownGist << Names::Octocat << true;
    QTest::newRow("truncated") << Names::TruncatedGist << Names::Octocat << true;
    QTest::newRow("one line, monalisa's") << Names::MonalisaGist << Names::Monalisa << false;
    QTest::newRow("prolific's first") << QString() << Names::ProlificUser << true;
}

void TestFakeGitHub::gistCommits_newestFirstAndAgreeWithTheGistsHistory()
{
    QFETCH(QString, id);
    QFETCH(QString, owner);
    QFETCH(bool, several);
    if (id.isEmpty()) {
        id = firstProlificGist();
    }

    const QJsonObject gist = get(u"/gists/"_s + id).object();
    const Response commits = get(u"/gists/%1/commits"_s.arg(id));

    QCOMPARE(commits.status, 200);
    const QJsonArray history = gist.value(u"history"_s).toArray();
    const QJsonArray revisions = commits.array();
    QVERIFY(several ? revisions.size() >= 2 : revisions.size() == 1);
    QVERIFY(revisions.size() <= 5);
    QCOMPARE(revisions.size(), history.size());
    QCOMPARE(revisions, history);
    static const QRegularExpression sha(u"^[0-9a-f]{40}$"_s);
    for (qsizetype i = 0; i < revisions.size(); ++i) {
        const QJsonObject revision = revisions.at(i).toObject();
        const QString version = revision.value(u"version"_s).toString();
        QVERIFY2(sha.match(version).hasMatch(), qPrintable(version));
        QCOMPARE(revision.value(u"url"_s).toString(), apiOrigin() + u"gists/%1/%2"_s.arg(id, version));
        QCOMPARE(valueAt(revision, u"user.login"_s).toString(), owner);
        const QJsonObject change = revision.value(u"change_status"_s).toObject();
        QVERIFY(change.value(u"additions"_s).toInt() > 0);
        QCOMPARE(change.value(u"deletions"_s).toInt(), 0);
        QCOMPARE(change.value(u"total"_s).toInt(), change.value(u"additions"_s).toInt());
        if (i > 0) {
            QVERIFY(revisions.at(i - 1).toObject().value(u"committed_at"_s).toString() >=
                    revision.value(u"committed_at"_s).toString());
        }
    }
    QCOMPARE(revisions.first().toObject().value(u"committed_at"_s), gist.value(u"updated_at"_s));
    if (revisions.size() > 1) {
        QCOMPARE(revisions.last().toObject().value(u"committed_at"_s), gist.value(u"created_at"_s));
    }

    // Paged like every list.
    const Response first = get(u"/gists/%1/commits?per_page=1"_s.arg(id));
    QCOMPARE(first.array().size(), 1);
    QCOMPARE(first.array().first(), revisions.first());
    QCOMPARE(qsizetype(std::max(1, pageOf(parseLinks(first.header("link")).value(u"last"_s)))),
             revisions.size());
}

void TestFakeGitHub::gistRevision_olderHasOtherContentNewestIsCurrent()
{
    const QString id = Names::MarkdownGist;
    const QJsonObject current = get(u"/gists/"_s + id).object();
    const QJsonArray history = current.value(u"history"_s).toArray();
    QVERIFY(history.size() >= 2);
    const auto contents = [](const QJsonObject &gist) {
        QStringList texts;
        const QJsonObject files = gist.value(u"files"_s).toObject();
        for (auto it = files.begin(); it != files.end(); ++it) {
            texts.append(it.value().toObject().value(u"content"_s).toString());
        }
        return texts;
    };
    const auto version = [&history](qsizetype i) {
        return history.at(i).toObject().value(u"version"_s).toString();
    };

    const Response newest = get(u"/gists/%1/%2"_s.arg(id, version(0)));
    QCOMPARE(newest.status, 200);
    QCOMPARE(newest.object(), current);

    const QJsonObject oldest = get(u"/gists/%1/%2"_s.arg(id, version(history.size() - 1))).object();
    QCOMPARE(oldest.value(u"id"_s).toString(), id);
    QCOMPARE(oldest.value(u"updated_at"_s), history.last().toObject().value(u"committed_at"_s));
    QCOMPARE(oldest.value(u"history"_s).toArray(), QJsonArray{history.last()});
    const QStringList now = contents(current);
    const QStringList then = contents(oldest);
    QCOMPARE(then.size(), now.size());
    QVERIFY(then != now);
    int lines = 0;
    for (qsizetype f = 0; f < then.size(); ++f) {
        QVERIFY(now.at(f).startsWith(then.at(f)));
        lines += int(then.at(f).count(u'\n'));
    }
    QCOMPARE(valueAt(history.last(), u"change_status.additions"_s).toInt(), lines);

    // Each revision in between differs from the next, and its files' raw_url serve its content.
    for (qsizetype i = 1; i < history.size(); ++i) {
        const QJsonObject older = get(u"/gists/%1/%2"_s.arg(id, version(i))).object();
        const QJsonObject newer = get(u"/gists/%1/%2"_s.arg(id, version(i - 1))).object();
        QVERIFY(contents(older) != contents(newer));
        const QJsonObject readme = older.value(u"files"_s).toObject().value(u"README.md"_s).toObject();
        const Response raw = getUrl(QUrl(readme.value(u"raw_url"_s).toString()));
        QCOMPARE(raw.status, 200);
        QCOMPARE(QString::fromUtf8(raw.body), readme.value(u"content"_s).toString());
    }
}

void TestFakeGitHub::gistForks_openByIdButStayOutOfTheForkersLists_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("firstForker"); // empty: anyone but the owner

    QTest::newRow("octocat's") << Names::HelloGist << Names::Monalisa;
    QTest::newRow("Markdown") << Names::MarkdownGist << QString();
    QTest::newRow("prolific's first") << QString() << QString();
}

void TestFakeGitHub::gistForks_openByIdButStayOutOfTheForkersLists()
{
    QFETCH(QString, id);
    QFETCH(QString, firstForker);
    if (id.isEmpty()) {
        id = firstProlificGist();
    }
    const QJsonObject source = get(u"/gists/"_s + id).object();
    const QString owner = valueAt(source, u"owner.login"_s).toString();

    const Response forks = get(u"/gists/%1/forks"_s.arg(id));

    QCOMPARE(forks.status, 200);
    QVERIFY(!forks.array().isEmpty());
    QVERIFY(forks.array().size() <= 3);
    QCOMPARE(source.value(u"forks"_s).toArray().size(), forks.array().size());
    if (!firstForker.isEmpty()) {
        QCOMPARE(valueAt(forks.array().first(), u"owner.login"_s).toString(), firstForker);
    }
    QSet<QString> forkers;
    for (const QJsonValue &item : forks.array()) {
        const QString forkId = item.toObject().value(u"id"_s).toString();
        const QString forker = valueAt(item, u"owner.login"_s).toString();
        QVERIFY(forkId != id);
        QVERIFY(forker != owner);
        forkers.insert(forker);

        const Response fork = get(u"/gists/"_s + forkId);
        QCOMPARE(fork.status, 200);
        QCOMPARE(fork.object().value(u"id"_s).toString(), forkId);
        QCOMPARE(valueAt(fork.object(), u"owner.login"_s).toString(), forker);
        QCOMPARE(valueAt(fork.object(), u"fork_of.id"_s).toString(), id);
        QCOMPARE(fork.object().value(u"files"_s).toObject().keys(),
                 source.value(u"files"_s).toObject().keys());
        QStringList problems;
        collectForeignUrls(fork.object(), {}, m_server->apiUrl(), m_server->contentUrl(), problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

        // Not the forker's own gist as far as lists and counts go, even to the forker.
        const Headers token =
            forker == Names::Monalisa ? withAuthorization(bearer(Tokens::Monalisa)) : Headers();
        const QJsonArray listed = all(u"/users/%1/gists?per_page=100"_s.arg(forker), token);
        QVERIFY(std::none_of(listed.begin(), listed.end(), [&forkId](const QJsonValue &gist) {
            return gist.toObject().value(u"id"_s).toString() == forkId;
        }));
        QCOMPARE(get(u"/users/"_s + forker).object().value(u"public_gists"_s).toInt(), int(listed.size()));
        if (!token.isEmpty()) {
            const QJsonArray own = all(u"/gists?per_page=100"_s, token);
            QVERIFY(std::none_of(own.begin(), own.end(), [&forkId](const QJsonValue &gist) {
                return gist.toObject().value(u"id"_s).toString() == forkId;
            }));
        }
    }
    QCOMPARE(forkers.size(), forks.array().size());
}

// ---- errors, redirects, visibility --------------------------------------------------------------

void TestFakeGitHub::errors_haveGitHubStatusAndBody_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown token") << u"/users/octocat"_s
                                   << bearer("ghp_unknown000000000000000000000000000000") << 401
                                   << u"Bad credentials"_s;
    QTest::newRow("unknown token on /rate_limit")
        << u"/rate_limit"_s << QByteArray("token ghp_nope") << 401 << u"Bad credentials"_s;
    QTest::newRow("unsupported scheme")
        << u"/users/octocat"_s << QByteArray("Basic b2N0b2NhdDp4") << 401 << u"Bad credentials"_s;
    QTest::newRow("/user without token") << u"/user"_s << QByteArray() << 401 << u"Requires authentication"_s;
    QTest::newRow("unknown user") << u"/users/no-such-user"_s << QByteArray() << 404 << u"Not Found"_s;
    QTest::newRow("unknown user's list")
        << u"/users/no-such-user/repos"_s << QByteArray() << 404 << u"Not Found"_s;
    QTest::newRow("user is not an organization")
        << u"/orgs/octocat"_s << QByteArray() << 404 << u"Not Found"_s;
    QTest::newRow("unknown repository")
        << u"/repos/octocat/no-such-repo"_s << QByteArray() << 404 << u"Not Found"_s;
    QTest::newRow("pull request beyond the last")
        << u"/repos/megacorp/monorepo/pulls/20001"_s << QByteArray() << 404 << u"Not Found"_s;
    QTest::newRow("unknown gist") << u"/gists/00000000000000000000"_s << QByteArray() << 404
                                  << u"Not Found"_s;
    QTest::newRow("unknown path") << u"/no/such/endpoint"_s << QByteArray() << 404 << u"Not Found"_s;
    QTest::newRow("starred gists without token")
        << u"/gists/starred"_s << QByteArray() << 401 << u"Requires authentication"_s;
    QTest::newRow("unknown gist's commits")
        << u"/gists/00000000000000000000/commits"_s << QByteArray() << 404 << u"Not Found"_s;
    QTest::newRow("unknown revision of a gist")
        << u"/gists/%1/0000000000000000000000000000000000000000"_s.arg(Names::MarkdownGist) << QByteArray()
        << 404 << u"Not Found"_s;
    QTest::newRow("unknown path below a gist")
        << u"/gists/%1/commits/x"_s.arg(Names::MarkdownGist) << QByteArray() << 404 << u"Not Found"_s;
    QTest::newRow("unknown path, token")
        << u"/users/octocat/starred/x/y"_s << bearer(Tokens::Octocat) << 404 << u"Not Found"_s;
    QTest::newRow("invalid pull state") << u"/repos/octocat/Hello-World/pulls?state=merged"_s << QByteArray()
                                        << 422 << u"Validation Failed"_s;
}

void TestFakeGitHub::errors_haveGitHubStatusAndBody()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(QString, message);

    const Response response = get(path, withAuthorization(authorization));

    QCOMPARE(response.status, status);
    QVERIFY(response.header("content-type").startsWith("application/json"));
    const QJsonObject body = response.object();
    QCOMPARE(body.value(u"message"_s).toString(), message);
    QVERIFY(body.value(u"documentation_url"_s).toString().startsWith(u"https://docs.github.com/"_s));
    QVERIFY(!response.hasHeader("etag"));
}

void TestFakeGitHub::renamedRepository_is301ToItsIdOnTheApiOrigin_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("fullNameKey"); // where the target's full name is in the final body

    QTest::newRow("repository") << QString() << u"full_name"_s;
    QTest::newRow("its pull requests") << u"/pulls?state=all"_s << u"base.repo.full_name"_s;
}

void TestFakeGitHub::renamedRepository_is301ToItsIdOnTheApiOrigin()
{
    QFETCH(QString, suffix);
    QFETCH(QString, fullNameKey);

    const Response moved = get(u"/repos/octocat/Hello-Old-World"_s + suffix);

    QCOMPARE(moved.status, 301);
    const QUrl location(QString::fromUtf8(moved.header("location")));
    QCOMPARE(location, api(u"/repositories/1296269"_s + suffix));
    const Response target = getUrl(location);
    QCOMPARE(target.status, 200);
    const QJsonDocument document = QJsonDocument::fromJson(target.body);
    const QJsonValue subject = document.isArray() ? document.array().first() : QJsonValue(document.object());
    QCOMPARE(valueAt(subject, fullNameKey).toString(), Names::HelloWorld);
}

void TestFakeGitHub::privateRepository_visibleOnlyWithOwnersTokens_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");

    QTest::newRow("octocat") << bearer(Tokens::Octocat) << 200;
    QTest::newRow("octocat, rotated token") << bearer(Tokens::OctocatRotated) << 200;
    QTest::newRow("monalisa") << bearer(Tokens::Monalisa) << 404;
    QTest::newRow("anonymous") << QByteArray() << 404;
}

void TestFakeGitHub::privateRepository_visibleOnlyWithOwnersTokens()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);

    const Response response = get(u"/repos/octocat/secret-plans"_s, withAuthorization(authorization));

    QCOMPARE(response.status, status);
    if (status == 200) {
        QCOMPARE(response.object().value(u"full_name"_s).toString(), Names::PrivateRepository);
        QCOMPARE(response.object().value(u"private"_s).toBool(), true);
    } else {
        QCOMPARE(response.object().value(u"message"_s).toString(), u"Not Found"_s);
    }
}

// ---- repository statistics and languages ---------------------------------------------------------

void TestFakeGitHub::statistics_firstRequestIs202ThenTheBodyWithAnEtag()
{
    const QString path = u"/repos/constellation/andromeda/stats/contributors"_s;
    const Headers headers = withAuthorization(bearer(Tokens::Octocat));

    const Response computing = get(path, headers);
    const Response ready = get(path, headers);
    const Response notModified =
        get(path, withAuthorization(bearer(Tokens::Octocat), {{"If-None-Match", ready.header("etag")}}));

    QCOMPARE(computing.status, 202);
    QVERIFY(computing.body.isEmpty());
    QVERIFY(!computing.hasHeader("etag"));
    QVERIFY(computing.hasHeader("x-ratelimit-remaining"));
    QCOMPARE(ready.status, 200);
    QVERIFY(!ready.array().isEmpty());
    QVERIFY(!ready.header("etag").isEmpty());
    QCOMPARE(notModified.status, 304);
    QVERIFY(notModified.body.isEmpty());
    // The same repository by its id is already computed; another one is not.
    QCOMPARE(get(u"/repositories/60000001/stats/contributors"_s, headers).status, 200);
    QCOMPARE(get(u"/repos/constellation/aquila/stats/contributors"_s, headers).status, 202);

    m_server->resetStatistics();

    QCOMPARE(get(path, headers).status, 202);
    QCOMPARE(get(path, headers).status, 200);
}

void TestFakeGitHub::statistics_everyAuthorHasTheSameWeeksFromFirstToLastCommit_data()
{
    QTest::addColumn<QString>("repository");

    QTest::newRow("insights organization") << u"constellation/andromeda"_s;
    QTest::newRow("insights organization, a fork") << u"constellation/columba"_s;
    QTest::newRow("a user's") << u"octocat/Hello-World"_s;
    QTest::newRow("the big organization's monorepo") << u"megacorp/monorepo"_s;
    QTest::newRow("the big organization's last") << u"megacorp/project-5000"_s;
}

void TestFakeGitHub::statistics_everyAuthorHasTheSameWeeksFromFirstToLastCommit()
{
    QFETCH(QString, repository);

    const Response response = statistics(repository);

    QCOMPARE(response.status, 200);
    const QJsonArray authors = response.array();
    QVERIFY(!authors.isEmpty());
    QList<qint64> weekStarts;
    QList<int> commitsPerWeek;
    int previousTotal = 0;
    for (const QJsonValue &value : authors) {
        const QJsonObject entry = value.toObject();
        const QJsonValue author = entry.value(u"author"_s);
        QVERIFY(author.isNull() || !author.toObject().value(u"login"_s).toString().isEmpty());
        QList<qint64> starts;
        int total = 0;
        const QJsonArray weeks = entry.value(u"weeks"_s).toArray();
        for (qsizetype i = 0; i < weeks.size(); ++i) {
            const QJsonObject week = weeks.at(i).toObject();
            const int commits = week.value(u"c"_s).toInt();
            total += commits;
            starts.append(week.value(u"w"_s).toInteger());
            QCOMPARE(commits == 0, week.value(u"a"_s).toInt() == 0 && week.value(u"d"_s).toInt() == 0);
            if (commitsPerWeek.size() <= i) {
                commitsPerWeek.append(0);
            }
            commitsPerWeek[i] += commits;
        }
        QCOMPARE(entry.value(u"total"_s).toInt(), total);
        QVERIFY2(total >= previousTotal, "the most active come last");
        previousTotal = total;
        if (weekStarts.isEmpty()) {
            weekStarts = starts;
        }
        QCOMPARE(starts, weekStarts);
    }
    QVERIFY(!weekStarts.isEmpty());
    for (qsizetype i = 0; i < weekStarts.size(); ++i) {
        const QDateTime start = QDateTime::fromSecsSinceEpoch(weekStarts.at(i), Qt::UTC);
        QCOMPARE(start.date().dayOfWeek(), int(Qt::Sunday));
        QCOMPARE(start.time(), QTime(0, 0));
        if (i > 0) {
            QCOMPARE(weekStarts.at(i) - weekStarts.at(i - 1), 7 * 86400);
        }
    }
    QVERIFY(commitsPerWeek.constFirst() > 0);
    QVERIFY(commitsPerWeek.constLast() > 0);
}

void TestFakeGitHub::statistics_insightsHistoryStartsAndEndsWithoutAuthor_data()
{
    QTest::addColumn<QString>("repository");
    QTest::addColumn<bool>("first"); // the week asked for is the first one, else the last one
    QTest::addColumn<QDate>("week");

    QTest::newRow("before anyone joined") << u"constellation/andromeda"_s << true << QDate(2015, 11, 1);
    QTest::newRow("a week that ends in April") << u"constellation/aquila"_s << false << QDate(2025, 3, 30);
}

void TestFakeGitHub::statistics_insightsHistoryStartsAndEndsWithoutAuthor()
{
    QFETCH(QString, repository);
    QFETCH(bool, first);
    QFETCH(QDate, week);

    const QJsonArray authors = statistics(repository).array();

    QVERIFY(!authors.isEmpty());
    for (const QJsonValue &value : authors) {
        const QJsonArray weeks = value.toObject().value(u"weeks"_s).toArray();
        const QJsonObject weekOfAuthor = weeks.at(first ? 0 : weeks.size() - 1).toObject();
        QCOMPARE(QDateTime::fromSecsSinceEpoch(weekOfAuthor.value(u"w"_s).toInteger(), Qt::UTC),
                 QDateTime(week, QTime(0, 0), Qt::UTC));
        const bool committed = weekOfAuthor.value(u"c"_s).toInt() > 0;
        QCOMPARE(committed, value.toObject().value(u"author"_s).isNull());
    }
}

void TestFakeGitHub::statistics_stillComputingRepository_isAlways202()
{
    const QString path = u"/repos/"_s + Names::StillComputingRepository + u"/stats/contributors"_s;

    for (int attempt = 0; attempt < 3; ++attempt) {
        const Response response = get(path);
        QCOMPARE(response.status, 202);
        QVERIFY(response.body.isEmpty());
    }
    QCOMPARE(get(u"/repos/"_s + Names::StillComputingRepository).status, 200);
}

void TestFakeGitHub::statistics_emptyRepository_is204WithoutBody()
{
    const QByteArray path = "/repos/" + Names::EmptyRepository.toUtf8();

    const RawExchange first = raw(path + "/stats/contributors", {}, 1);
    const RawExchange second = raw(path + "/stats/contributors", {}, 1);
    const Response languages = get(QString::fromUtf8(path + "/languages"));

    for (const RawExchange &exchange : {first, second}) {
        QCOMPARE(exchange.first().status, 204);
        QVERIFY(exchange.first().complete);
        QVERIFY(!exchange.first().hasHeader("content-length")); // RFC 9110, 8.6
        QVERIFY(exchange.bytes.endsWith("\r\n\r\n"));
    }
    QCOMPARE(languages.status, 200);
    QCOMPARE(languages.body, QByteArray("{}"));
    QVERIFY(get(QString::fromUtf8(path)).object().value(u"language"_s).isNull());
}

void TestFakeGitHub::statistics_authorsAreUsersOfTheFake()
{
    const QJsonArray authors = statistics(u"constellation/andromeda"_s).array();

    int users = 0;
    for (const QJsonValue &value : authors) {
        const QJsonObject author = value.toObject().value(u"author"_s).toObject();
        if (author.isEmpty()) {
            continue;
        }
        const Response user = getUrl(QUrl(author.value(u"url"_s).toString()));
        QCOMPARE(user.status, 200);
        QCOMPARE(user.object().value(u"login"_s), author.value(u"login"_s));
        QCOMPARE(user.object().value(u"id"_s), author.value(u"id"_s));
        ++users;
    }
    QVERIFY(users > 0);
}

void TestFakeGitHub::languages_areBytesPerLanguageLargestFirst_data()
{
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QByteArray>("userAgent");

    QTest::newRow("a user's") << u"octocat/Hello-World"_s << UserAgent;
    QTest::newRow("insights organization") << u"constellation/andromeda"_s << UserAgent;
    QTest::newRow("the big organization's") << u"megacorp/project-0003"_s << UserAgent;
    QTest::newRow("pretty-printed for curl") << u"constellation/andromeda"_s << QByteArray("curl/7.88.1");
}

void TestFakeGitHub::languages_areBytesPerLanguageLargestFirst()
{
    QFETCH(QString, repository);
    QFETCH(QByteArray, userAgent);
    static const QStringList linguistNames = {
        u"C"_s,          u"C++"_s,  u"Python"_s, u"Go"_s,         u"Rust"_s,    u"TypeScript"_s,
        u"JavaScript"_s, u"Java"_s, u"Kotlin"_s, u"Swift"_s,      u"Ruby"_s,    u"Shell"_s,
        u"CMake"_s,      u"HTML"_s, u"CSS"_s,    u"Dockerfile"_s, u"Makefile"_s};

    const Response response = get(u"/repos/"_s + repository + u"/languages"_s, {{"User-Agent", userAgent}});

    QCOMPARE(response.status, 200);
    QVERIFY(response.hasHeader("etag"));
    const QJsonObject languages = response.object();
    const QStringList order = keysInOrder(response.body);
    QVERIFY(!order.isEmpty());
    QCOMPARE(order.size(), languages.size());
    for (qsizetype i = 0; i < order.size(); ++i) {
        QVERIFY2(linguistNames.contains(order.at(i)), qPrintable(order.at(i)));
        QVERIFY(languages.value(order.at(i)).toInteger() > 0);
        if (i > 0) {
            QVERIFY(languages.value(order.at(i)).toInteger() <= languages.value(order.at(i - 1)).toInteger());
        }
    }
    const QString mainLanguage = get(u"/repos/"_s + repository).object().value(u"language"_s).toString();
    QCOMPARE(order.constFirst(), mainLanguage);
}

void TestFakeGitHub::insights_privateRepository_isNotFoundForOthers_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");

    for (const QString &endpoint : {u"stats/contributors"_s, u"languages"_s}) {
        const int ownerStatus = endpoint == u"languages"_s ? 200 : 202;
        QTest::addRow("%s, octocat", qPrintable(endpoint))
            << endpoint << bearer(Tokens::Octocat) << ownerStatus;
        QTest::addRow("%s, monalisa", qPrintable(endpoint)) << endpoint << bearer(Tokens::Monalisa) << 404;
        QTest::addRow("%s, anonymous", qPrintable(endpoint)) << endpoint << QByteArray() << 404;
    }
}

void TestFakeGitHub::insights_privateRepository_isNotFoundForOthers()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);

    const Response response =
        get(u"/repos/"_s + Names::PrivateRepository + u'/' + endpoint, withAuthorization(authorization));

    QCOMPARE(response.status, status);
    if (status == 404) {
        QCOMPARE(response.object().value(u"message"_s).toString(), u"Not Found"_s);
    }
}

void TestFakeGitHub::insightsOrganization_listsItsRepositoriesWithForksMarked()
{
    const auto listAll = [this](const QString &path) {
        QList<QJsonObject> repositories;
        QUrl url = api(path);
        for (int pages = 0; url.isValid() && pages < 10; ++pages) {
            const Response response = getUrl(url);
            if (response.status != 200) {
                qWarning() << url << response.status;
                return QList<QJsonObject>();
            }
            for (const QJsonValue &repository : response.array()) {
                repositories.append(repository.toObject());
            }
            url = parseLinks(response.header("link")).value(u"next"_s);
        }
        return repositories;
    };

    const QList<QJsonObject> repositories = listAll(u"/orgs/constellation/repos?per_page=100"_s);
    const QList<QJsonObject> asUser = listAll(u"/users/constellation/repos?per_page=100"_s);
    const QList<QJsonObject> forksOnly = listAll(u"/orgs/constellation/repos?type=forks&per_page=100"_s);

    QCOMPARE(repositories.size(), FakeGitHub::InsightsRepositoryCount);
    QCOMPARE(asUser, repositories);
    QCOMPARE(forksOnly.size(), FakeGitHub::InsightsForkCount);
    QSet<QString> names;
    int forks = 0;
    int mostStars = 0;
    for (const QJsonObject &repository : repositories) {
        names.insert(repository.value(u"full_name"_s).toString());
        forks += repository.value(u"fork"_s).toBool() ? 1 : 0;
        mostStars = std::max(mostStars, repository.value(u"stargazers_count"_s).toInt());
        QVERIFY(repository.value(u"forks_count"_s).toInt() >= 0);
    }
    QCOMPARE(names.size(), FakeGitHub::InsightsRepositoryCount);
    QCOMPARE(forks, FakeGitHub::InsightsForkCount);
    QVERIFY(std::all_of(forksOnly.cbegin(), forksOnly.cend(),
                        [](const QJsonObject &repository) { return repository.value(u"fork"_s).toBool(); }));
    QVERIFY(names.contains(Names::StillComputingRepository));
    QVERIFY(names.contains(Names::EmptyRepository));
    QVERIFY(mostStars > 1000);
}

// ---- faults --------------------------------------------------------------------------------------

void TestFakeGitHub::fault_status_affectsOnlyItsPathAndOnlyTimes()
{
    m_server->armFault(u"/users/octocat"_s, Fault::withStatus(502), 2);

    QCOMPARE(get(u"/users/monalisa"_s).status, 200);
    const Response faulted = get(u"/users/octocat"_s);
    QCOMPARE(faulted.status, 502);
    QCOMPARE(faulted.object().value(u"message"_s).toString(), u"Server Error"_s);
    QVERIFY(!faulted.hasHeader("retry-after"));
    QCOMPARE(get(u"/users/octocat?again=1"_s).status, 502); // the path is matched without the query
    QCOMPARE(get(u"/users/octocat"_s).status, 200);

    QStringList faults;
    for (const LoggedRequest &request : m_server->requestLog()) {
        faults.append(request.fault);
    }
    QCOMPARE(faults, (QStringList{QString(), u"status 502"_s, u"status 502"_s, QString()}));
}

void TestFakeGitHub::fault_pathWithStar_matchesEveryPathBelowUntilCleared()
{
    m_server->armFault(u"/repos/octocat/*"_s, Fault::withStatus(503), -1);

    QCOMPARE(get(u"/repos/octocat/Hello-World"_s).status, 503);
    QCOMPARE(get(u"/repos/octocat/Hello-World/pulls"_s).status, 503);
    QCOMPARE(get(u"/repos/octocat/Spoon-Knife"_s).status, 503);
    QCOMPARE(get(u"/repos/megacorp/monorepo"_s).status, 200);
    QCOMPARE(get(u"/users/octocat"_s).status, 200);
    QCOMPARE(m_server->requestLog().at(2).fault, u"status 503"_s);
    QCOMPARE(m_server->requestLog().at(3).fault, QString());

    m_server->clearFaults();
    QCOMPARE(get(u"/repos/octocat/Hello-World"_s).status, 200);
}

void TestFakeGitHub::fault_pathWithQuery_matchesOnlyRequestsWithThoseItems()
{
    // Armed before the fault of the bare path, so that page 3 meets its own.
    m_server->armFault(u"/orgs/megacorp/repos?page=3"_s, Fault::withStatus(404), -1);
    m_server->armFault(u"/orgs/megacorp/repos?per_page=100&page=2"_s, Fault::withStatus(502), -1);
    m_server->armFault(u"/orgs/megacorp/*"_s, Fault::withStatus(503));

    QCOMPARE(get(u"/orgs/megacorp/repos?page=3"_s).status, 404);
    QCOMPARE(get(u"/orgs/megacorp/repos?per_page=100&page=3"_s).status, 404); // other items may be there
    QCOMPARE(get(u"/orgs/megacorp/repos?page=2"_s).status, 503);              // not per_page=100
    QCOMPARE(get(u"/orgs/megacorp/repos?page=2&per_page=100"_s).status, 502); // in any order
    QCOMPARE(get(u"/orgs/megacorp/repos?page=4"_s).status, 200);
    QCOMPARE(get(u"/orgs/megacorp/repos"_s).status, 200);
    QCOMPARE(get(u"/orgs/megacorp?page=3"_s).status, 200); // the path still has to match

    m_server->clearFaults();
    QCOMPARE(get(u"/orgs/megacorp/repos?page=3"_s).status, 200);
}

void TestFakeGitHub::fault_raw_writesExactlyItsBytesThenCloses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("loggedStatus");

    QTest::newRow("garbage status line") << QByteArray("HTTP/1.1 abc\x01\r\n\r\n{}") << 0;
    QTest::newRow("not HTTP at all") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << 0;
    QByteArray flood = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i < 10000; ++i) {
        flood += "X-Filler-" + QByteArray::number(i) + ": x\r\n";
    }
    QTest::newRow("10,000 headers") << QByteArray(flood + "Content-Length: 2\r\n\r\n{}") << 200;
    QTest::newRow("head without an end") << QByteArray("HTTP/1.1 200 OK\r\nX-Half: ") << 200;
}

void TestFakeGitHub::fault_raw_writesExactlyItsBytesThenCloses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, loggedStatus);
    m_server->armFault(u"/users/octocat"_s, Fault::raw(bytes));

    const RawExchange exchange = raw("/users/octocat", {}, 0);

    QVERIFY(exchange.closedByServer);
    QVERIFY(!exchange.timedOut);
    QCOMPARE(exchange.bytes, bytes);
    QCOMPARE(m_server->requestLog().size(), 1);
    QCOMPARE(m_server->requestLog().constLast().fault, u"raw"_s);
    QCOMPARE(m_server->requestLog().constLast().status, loggedStatus);
    QCOMPARE(get(u"/users/octocat"_s).status, 200); // armed once
}

void TestFakeGitHub::fault_forNext_affectsExactlyTheNextRequestsOfAnyPath()
{
    m_server->armFaultForNext(2, Fault::withStatus(500));

    QCOMPARE(get(u"/users/octocat"_s).status, 500);
    QCOMPARE(get(u"/orgs/github"_s).status, 500);
    QCOMPARE(get(u"/users/octocat"_s).status, 200);
    QCOMPARE(get(u"/orgs/github"_s).status, 200);

    const QList<LoggedRequest> log = m_server->requestLog();
    QCOMPARE(log.size(), 4);
    QCOMPARE(log.at(0).fault, u"status 500"_s);
    QCOMPARE(log.at(1).fault, u"status 500"_s);
    QCOMPARE(log.at(2).fault, QString());
}

void TestFakeGitHub::fault_statusWithMessageAndRetryAfter_sendsBoth()
{
    m_server->armFault(u"/users/octocat"_s,
                       Fault::withStatus(403, "You have exceeded a secondary rate limit. Slow down.", 30));

    const RawResponse response = raw("/users/octocat").first();

    QCOMPARE(response.status, 403);
    QCOMPARE(response.header("retry-after"), QByteArray("30"));
    QCOMPARE(QJsonDocument::fromJson(response.body).object().value(u"message"_s).toString(),
             u"You have exceeded a secondary rate limit. Slow down."_s);
    QCOMPARE(m_server->requestLog().constLast().fault, u"status 403"_s);
}

void TestFakeGitHub::fault_resetBeforeHeaders_closesWithoutAByte()
{
    const Fault fault = Fault::of(Fault::Kind::ResetBeforeHeaders);
    m_server->armFault(u"/users/octocat"_s, fault);

    const RawExchange exchange = raw("/users/octocat", {}, 1);

    QVERIFY(exchange.closedByServer);
    QVERIFY(!exchange.timedOut);
    QCOMPARE(exchange.bytes, QByteArray());
    QCOMPARE(m_server->requestLog().size(), 1);
    QCOMPARE(m_server->requestLog().constLast().status, 0);
    QCOMPARE(m_server->requestLog().constLast().fault, fault.name());

    // QNAM resends an idempotent request once a connection drops, so the fault stays armed for it.
    m_server->clearRequestLog();
    m_server->armFault(u"/users/octocat"_s, fault, -1);
    const Response response = get(u"/users/octocat"_s);
    QVERIFY(response.finished);
    QVERIFY(response.error != QNetworkReply::NoError);
    QCOMPARE(response.status, 0);
    QVERIFY(!m_server->requestLog().isEmpty());
    for (const LoggedRequest &request : m_server->requestLog()) {
        QCOMPARE(request.fault, fault.name());
    }
}

void TestFakeGitHub::fault_brokenBody_deliversLessThanContentLength_data()
{
    QTest::addColumn<Fault::Kind>("kind");
    QTest::addColumn<bool>("gzip");

    QTest::newRow("reset mid-body") << Fault::Kind::ResetMidBody << false;
    QTest::newRow("reset mid-body, gzip") << Fault::Kind::ResetMidBody << true;
    QTest::newRow("truncated body") << Fault::Kind::TruncatedBody << false;
    QTest::newRow("truncated body, gzip") << Fault::Kind::TruncatedBody << true;
}

void TestFakeGitHub::fault_brokenBody_deliversLessThanContentLength()
{
    QFETCH(Fault::Kind, kind);
    QFETCH(bool, gzip);
    const Fault fault = Fault::of(kind);
    m_server->armFault(u"/repos/octocat/Hello-World"_s, fault);

    const RawExchange exchange =
        raw("/repos/octocat/Hello-World", gzip ? Headers{{"Accept-Encoding", "gzip"}} : Headers{}, 1);

    QVERIFY(exchange.closedByServer);
    QCOMPARE(exchange.responses.size(), 1);
    const RawResponse response = exchange.first();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.hasHeader("content-encoding"), gzip);
    QVERIFY(!response.complete);
    QVERIFY(response.contentLength > 0);
    QVERIFY(response.body.size() < response.contentLength);
    QCOMPARE(m_server->requestLog().constLast().fault, fault.name());

    // QNAM resends an idempotent request once a connection drops, so the fault stays armed for it.
    m_server->armFault(u"/repos/octocat/Hello-World"_s, fault, -1);
    const Response viaQnam =
        get(u"/repos/octocat/Hello-World"_s, gzip ? Headers{} : Headers{{"Accept-Encoding", "identity"}});
    QVERIFY(viaQnam.finished);
    QJsonParseError parseError{};
    QJsonDocument::fromJson(viaQnam.body, &parseError);
    if (gzip) {
        // Qt 6.4 drops Content-Length when it decompresses by itself, and then takes the early close
        // for the end of the body: NoError with half a body. Only parsing the JSON tells.
        QVERIFY(viaQnam.error != QNetworkReply::NoError || parseError.error != QJsonParseError::NoError);
    } else {
        QCOMPARE(viaQnam.error, QNetworkReply::RemoteHostClosedError);
    }
}

void TestFakeGitHub::fault_invalidJson_isComplete200ThatDoesNotParse()
{
    m_server->armFault(u"/users/octocat/repos"_s, Fault::of(Fault::Kind::InvalidJson));

    const RawResponse response = raw("/users/octocat/repos").first();

    QCOMPARE(response.status, 200);
    QVERIFY(response.complete);
    QCOMPARE(response.contentLength, response.body.size());
    QVERIFY(!response.body.isEmpty());
    QJsonParseError error{};
    QJsonDocument::fromJson(response.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QCOMPARE(m_server->requestLog().constLast().fault, u"invalid JSON"_s);
    QCOMPARE(m_server->requestLog().constLast().status, 200);
}

void TestFakeGitHub::fault_stall_sendsNothingAndIsLoggedWithStatus0()
{
    m_server->armFault(u"/users/octocat"_s, Fault::of(Fault::Kind::Stall));

    const RawExchange exchange = raw("/users/octocat", {}, 1, 1500); // then the test gives up

    QVERIFY(exchange.timedOut);
    QVERIFY(!exchange.closedByServer);
    QCOMPARE(exchange.bytes, QByteArray());
    QTRY_COMPARE(m_server->requestLog().size(), 1);
    QCOMPARE(m_server->requestLog().constLast().status, 0);
    QCOMPARE(m_server->requestLog().constLast().fault, u"stall"_s);
    QCOMPARE(m_server->inFlight(), 0);
}

// ---- the request log -----------------------------------------------------------------------------

void TestFakeGitHub::requestLog_recordsWhatEachRequestWasAndGot()
{
    const QByteArray apiHost = "127.0.0.1:" + QByteArray::number(apiPort());
    const QByteArray contentHost = "127.0.0.1:" + QByteArray::number(contentPort());
    const Headers octocat = withAuthorization(bearer(Tokens::Octocat));
    QCOMPARE(get(u"/users/octocat"_s).status, 200);
    const QByteArray etag = get(u"/users/octocat"_s, octocat).header("etag");
    QCOMPARE(get(u"/users/octocat"_s, withAuthorization(bearer(Tokens::Octocat), {{"If-None-Match", etag}}))
                 .status,
             304);
    QCOMPARE(get(u"/repos/octocat/secret-plans"_s, withAuthorization(bearer(Tokens::Monalisa))).status, 404);
    QCOMPARE(get(u"/users/octocat"_s, withAuthorization(bearer("ghp_unknown"))).status, 401);
    QCOMPARE(getUrl(m_server->contentUrl().resolved(QUrl(u"/u/1?v=4"_s))).status, 200);
    QCOMPARE(get(u"/orgs/megacorp/repos?per_page=2"_s).status, 200);

    struct Expected
    {
        QString path;
        int status;
        bool authorized;
        QString login;
        bool content;
        bool spentPoint;
    };
    const QList<Expected> expected = {
        {u"/users/octocat"_s, 200, false, QString(), false, true},
        {u"/users/octocat"_s, 200, true, u"octocat"_s, false, true},
        {u"/users/octocat"_s, 304, true, u"octocat"_s, false, false},
        {u"/repos/octocat/secret-plans"_s, 404, true, u"monalisa"_s, false, true},
        {u"/users/octocat"_s, 401, true, QString(), false, false},
        {u"/u/1"_s, 200, false, QString(), true, false},
        {u"/orgs/megacorp/repos"_s, 200, false, QString(), false, true},
    };
    const QList<LoggedRequest> log = m_server->requestLog();
    QCOMPARE(log.size(), expected.size());
    for (qsizetype i = 0; i < log.size(); ++i) {
        const LoggedRequest &entry = log.at(i);
        const Expected &want = expected.at(i);
        const QByteArray where = "entry " + QByteArray::number(i);
        QVERIFY2(entry.path == want.path, where.constData());
        QVERIFY2(entry.status == want.status, where.constData());
        QVERIFY2(entry.notModified() == (want.status == 304), where.constData());
        QVERIFY2(entry.authorized == want.authorized, where.constData());
        QVERIFY2(entry.login == want.login, where.constData());
        QVERIFY2(entry.origin == (want.content ? Origin::Content : Origin::Api), where.constData());
        QVERIFY2(entry.host == (want.content ? contentHost : apiHost), where.constData());
        QVERIFY2(entry.spentPoint == want.spentPoint, where.constData());
        QVERIFY2(entry.method == "GET", where.constData());
        QVERIFY2(entry.userAgent == UserAgent, where.constData());
        QVERIFY2(entry.fault.isEmpty(), where.constData());
        QVERIFY2(i == 0 || entry.sequence > log.at(i - 1).sequence, where.constData());
    }
    QCOMPARE(log.at(2).ifNoneMatch, etag);
    QCOMPARE(log.at(6).target, QByteArray("/orgs/megacorp/repos?per_page=2"));
}

void TestFakeGitHub::requestLog_clearEmptiesIt()
{
    QCOMPARE(get(u"/users/octocat"_s).status, 200);
    QCOMPARE(get(u"/users/monalisa"_s).status, 200);
    QCOMPARE(m_server->requestLog().size(), 2);

    m_server->clearRequestLog();

    QVERIFY(m_server->requestLog().isEmpty());
    QCOMPARE(get(u"/orgs/github"_s).status, 200);
    QCOMPARE(m_server->requestLog().size(), 1);
    QCOMPARE(m_server->requestLog().constFirst().path, u"/orgs/github"_s);
}

// ---- determinism, formatting, connections -------------------------------------------------------

void TestFakeGitHub::determinism_anotherServerServesTheSameBytes_data()
{
    QTest::addColumn<QByteArray>("target");

    QTest::newRow("organization's repositories, page 17")
        << QByteArray("/orgs/megacorp/repos?per_page=100&page=17");
    QTest::newRow("prolific gists, page 2") << QByteArray("/users/prolific/gists?page=2");
    QTest::newRow("pull requests, page 50") << QByteArray("/repos/megacorp/monorepo/pulls?state=all&page=50");
    QTest::newRow("following of a user who follows two") << QByteArray("/users/user-0001/following");
    QTest::newRow("followers") << QByteArray("/users/octocat/followers");
    QTest::newRow("insights organization's repositories, page 2")
        << QByteArray("/orgs/constellation/repos?per_page=100&page=2");
    QTest::newRow("languages") << QByteArray("/repos/constellation/andromeda/languages");
    QTest::newRow("all public gists, page 2") << QByteArray("/gists?page=2");
    QTest::newRow("gist's commits") << QByteArray("/gists/" + Names::MarkdownGist.toLatin1() + "/commits");
    QTest::newRow("gist's forks") << QByteArray("/gists/" + Names::HelloGist.toLatin1() + "/forks");
}

void TestFakeGitHub::determinism_anotherServerServesTheSameBytes()
{
    QFETCH(QByteArray, target);
    const quint16 api = apiPort();
    const quint16 content = contentPort();
    const RawResponse first = raw(target).first();
    QCOMPARE(first.status, 200);
    QVERIFY(first.complete);

    // Same ports (the bodies name them); other hash seeds, so that no QHash order can leak into a body.
    for (int instance = 0; instance < 3; ++instance) {
        m_nam.reset();
        m_server.reset();
        if (instance == 0) {
            QHashSeed::setDeterministicGlobalSeed();
        } else {
            QHashSeed::resetRandomGlobalSeed();
        }
        m_server = std::make_unique<Server>();
        QHashSeed::resetRandomGlobalSeed();
        m_nam = std::make_unique<QNetworkAccessManager>();
        QVERIFY2(m_server->listen(api, content), qPrintable(m_server->errorString()));

        const RawResponse again = raw(target).first();

        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body);
        QCOMPARE(again.header("etag"), first.header("etag"));
        QCOMPARE(again.header("link"), first.header("link"));
    }
}

void TestFakeGitHub::prettyPrinting_browserOrCurlUserAgent_indentsButKeepsEtag_data()
{
    QTest::addColumn<QByteArray>("userAgent");
    QTest::addColumn<bool>("pretty");

    QTest::newRow("curl") << QByteArray("curl/7.88.1") << true;
    QTest::newRow("Wget") << QByteArray("Wget/1.21.3") << true;
    QTest::newRow("Firefox") << QByteArray(
                                    "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0")
                             << true;
    QTest::newRow("Safari") << QByteArray("Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Safari/605.1.15")
                            << true;
    QTest::newRow("another program") << QByteArray("PyGithub/Python") << false;
}

void TestFakeGitHub::prettyPrinting_browserOrCurlUserAgent_indentsButKeepsEtag()
{
    QFETCH(QByteArray, userAgent);
    QFETCH(bool, pretty);
    const RawResponse compact = raw("/repos/octocat/Hello-World").first();
    QVERIFY(!compact.body.contains('\n'));

    const RawResponse response = raw("/repos/octocat/Hello-World", {{"User-Agent", userAgent}}).first();

    QCOMPARE(response.status, 200);
    QCOMPARE(response.body.contains("\n    \""), pretty);
    QCOMPARE(response.body == compact.body, !pretty);
    QCOMPARE(QJsonDocument::fromJson(response.body), QJsonDocument::fromJson(compact.body));
    QCOMPARE(response.header("etag"), compact.header("etag")); // computed over the compact body
}

void TestFakeGitHub::keepAlive_pipelinedRequestsAnsweredInOrderOnOneConnection()
{
    const QByteArray requests = rawRequest("/users/monalisa", apiPort()) +
                                rawRequest("/users/octocat", apiPort()) +
                                rawRequest("/orgs/github", apiPort());

    const RawExchange exchange = rawExchange(apiPort(), requests, 3);

    QVERIFY(!exchange.timedOut);
    QVERIFY(!exchange.closedByServer);
    QCOMPARE(exchange.responses.size(), 3);
    QStringList logins;
    for (const RawResponse &response : exchange.responses) {
        QCOMPARE(response.status, 200);
        QVERIFY(response.complete);
        QVERIFY(!response.hasHeader("connection"));
        logins.append(QJsonDocument::fromJson(response.body).object().value(u"login"_s).toString());
    }
    QCOMPARE(logins, (QStringList{u"monalisa"_s, u"octocat"_s, u"github"_s}));
}

void TestFakeGitHub::connectionClose_closesAfterTheResponse_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QByteArray>("connection");

    QTest::newRow("HTTP/1.1, Connection: close") << QByteArray("HTTP/1.1") << QByteArray("close");
    QTest::newRow("HTTP/1.0") << QByteArray("HTTP/1.0") << QByteArray();
}

void TestFakeGitHub::connectionClose_closesAfterTheResponse()
{
    QFETCH(QByteArray, version);
    QFETCH(QByteArray, connection);
    Headers headers;
    if (!connection.isEmpty()) {
        headers.append({"Connection", connection});
    }
    // Two requests written at once: the second must go unanswered.
    const QByteArray request = rawRequest("/users/octocat", apiPort(), headers, version);

    const RawExchange exchange = rawExchange(apiPort(), request + request, 0);

    QVERIFY(exchange.closedByServer);
    QVERIFY(!exchange.timedOut);
    QCOMPARE(exchange.responses.size(), 1);
    QCOMPARE(exchange.first().status, 200);
    QVERIFY(exchange.first().complete);
    QCOMPARE(exchange.first().header("connection"), QByteArray("close"));
    QCOMPARE(exchange.bytes.size(), exchange.first().head.size() + exchange.first().body.size());
}

QTEST_GUILESS_MAIN(TestFakeGitHub)

#include "test_fakegithub.moc"
