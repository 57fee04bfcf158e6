// The mirror over real loopback: a downstream QNetworkAccessManager -> HttpServer -> Mirror ->
// Client -> the fake GitHub, with a real SQLite cache.

#include "serve/mirror.h"
#include "servefixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Hubshelf;
using FakeGitHub::LoggedRequest;

using ServeTest::Answer;

class TestMirror final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void documentedSession_twoGetsAreOneHitAndOneMiss();
    void urls_pointAtTheMirror();
    void ifNoneMatch_ofTheMirrorsEtagIsA304();
    void head_hasHeadersAndNoBody();
    void identity_aPrivateBodyIsNeverServedToAnotherUser();
    void collapsing_twentyIdenticalGetsAreOneUpstreamRequest();
    void otherMethods_passThroughUncached();
    void otherMethods_anUpstreamErrorPassesUnchanged();
    void metrics_arePrometheusText();

private:
    Answer request(const QByteArray &method, const QString &path,
                   const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {})
    {
        return m_stack.request(method, path, headers, body);
    }
    QList<LoggedRequest> upstreamLogFor(const QString &path) const { return m_stack.upstreamLogFor(path); }

    QTemporaryDir m_dir;
    ServeTest::Fixture m_stack;
    std::unique_ptr<Serve::Mirror> m_mirror;
    int m_cacheNumber = 0;
};

void TestMirror::init()
{
    QVERIFY(m_stack.start(m_dir.filePath(u"mirror-%1.sqlite"_s.arg(++m_cacheNumber))));
    m_mirror = std::make_unique<Serve::Mirror>(m_stack.client.get(), m_stack.upstreamNetwork.get(), false);
    QVERIFY(
        m_stack.serve([this](const Serve::HttpRequest &request, const Serve::HttpServer::Respond &respond) {
            m_mirror->handle(request, respond);
        }));
}

void TestMirror::cleanup()
{
    m_stack.server.reset(); // before the mirror it calls
    m_mirror.reset();
    m_stack.stop();
}

void TestMirror::documentedSession_twoGetsAreOneHitAndOneMiss()
{
    const Answer first = request("GET", u"/repos/octocat/Hello-World"_s);
    QCOMPARE(first.status, 200);
    QCOMPARE(QJsonDocument::fromJson(first.body).object().value(u"name"_s).toString(), u"Hello-World"_s);
    QCOMPARE(first.header("Cache-Status"), "hubshelf; fwd=uri-miss; stored");
    const Answer second = request("GET", u"/repos/octocat/Hello-World"_s);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.body, first.body);
    QCOMPARE(second.header("Cache-Status"), "hubshelf; hit");
    QCOMPARE(second.header("ETag"), first.header("ETag")); // the mirror's, the same for the same bytes
    QCOMPARE(upstreamLogFor(u"/repos/octocat/Hello-World"_s).size(), 1);
    const Answer stats = request("GET", u"/stats"_s);
    const QJsonObject counts = QJsonDocument::fromJson(stats.body).object();
    QCOMPARE(counts.value(u"cache_hit"_s).toInt(), 1);
    QCOMPARE(counts.value(u"cache_miss"_s).toInt(), 1);
    QCOMPARE(counts.value(u"upstream_requests"_s).toInt(), 1);
    QCOMPARE(counts.value(u"points_saved"_s).toInt(), 1);
    QVERIFY(counts.value(u"entries"_s).toInt() >= 1);
    // What the cache holds, as stored: the body compressed, so more than nothing and less than it.
    QVERIFY(counts.value(u"bytes"_s).toInt() > 0);
    QVERIFY(counts.value(u"bytes"_s).toInt() < first.body.size());
    QCOMPARE(request("GET", u"/healthz"_s).status, 200);
    // Neither /stats nor /healthz is counted.
    QCOMPARE(QJsonDocument::fromJson(request("GET", u"/stats"_s).body).object().value(u"cache_hit"_s).toInt(),
             1);
}

void TestMirror::urls_pointAtTheMirror()
{
    const Answer page = request("GET", u"/orgs/megacorp/repos?per_page=100"_s);
    QCOMPARE(page.status, 200);
    const QString base = u"http://127.0.0.1:%1/"_s.arg(m_stack.port);
    const QByteArray link = page.header("Link");
    QVERIFY2(link.startsWith(QByteArray("<" + base.toUtf8())), link.constData());
    QVERIFY(!link.contains(m_stack.fake->apiUrl().toEncoded()));
    const QJsonArray repositories = QJsonDocument::fromJson(page.body).array();
    QCOMPARE(repositories.size(), 100);
    QVERIFY(repositories.first().toObject().value(u"url"_s).toString().startsWith(base));
    QVERIFY(!page.body.contains(m_stack.fake->apiUrl().toEncoded()));
    // Following the body's own URL stays on the mirror.
    const QUrl url(repositories.first().toObject().value(u"url"_s).toString());
    QCOMPARE(request("GET", url.path()).status, 200);
}

void TestMirror::ifNoneMatch_ofTheMirrorsEtagIsA304()
{
    const Answer first = request("GET", u"/users/octocat"_s);
    const Answer again = request("GET", u"/users/octocat"_s, {{"If-None-Match", first.header("ETag")}});
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());
    const Answer other = request("GET", u"/users/octocat"_s, {{"If-None-Match", "\"something-else\""}});
    QCOMPARE(other.status, 200);
}

void TestMirror::head_hasHeadersAndNoBody()
{
    const Answer get = request("GET", u"/users/octocat"_s);
    const Answer head = request("HEAD", u"/users/octocat"_s);
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QCOMPARE(head.header("Content-Length").toInt(), get.body.size());
    QCOMPARE(head.header("ETag"), get.header("ETag"));
}

void TestMirror::identity_aPrivateBodyIsNeverServedToAnotherUser()
{
    const QString path = u"/repos/octocat/secret-plans"_s;
    const Answer octocat = request("GET", path, {{"Authorization", "token " + FakeGitHub::Tokens::Octocat}});
    QCOMPARE(octocat.status, 200);
    const Answer monalisa =
        request("GET", path, {{"Authorization", "token " + FakeGitHub::Tokens::Monalisa}});
    QCOMPARE(monalisa.status, 404);
    QCOMPARE(QJsonDocument::fromJson(monalisa.body).object().value(u"message"_s).toString(), u"Not Found"_s);
    QCOMPARE(request("GET", path).status, 404); // anonymous: no token of the mirror's own
    QCOMPARE(upstreamLogFor(path).size(), 3);
    QVERIFY(!upstreamLogFor(path).last().authorized);
    // Octocat's second token gets the body after a free 304.
    const Answer rotated =
        request("GET", path, {{"Authorization", "token " + FakeGitHub::Tokens::OctocatRotated}});
    QCOMPARE(rotated.status, 200);
    QCOMPARE(rotated.body, octocat.body);
    QCOMPARE(rotated.header("Cache-Status"), "hubshelf; fwd=stale; fwd-status=304");
    QCOMPARE(upstreamLogFor(path).last().status, 304);
    QCOMPARE(m_stack.fake->pointsUsed(FakeGitHub::Names::Octocat), 1);
    // No token bytes in the cache file.
    m_stack.cache.reset();
    QFile file(m_dir.filePath(u"mirror-%1.sqlite"_s.arg(m_cacheNumber)));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains(FakeGitHub::Tokens::Octocat));
    QVERIFY(!bytes.contains(FakeGitHub::Tokens::Monalisa));
}

void TestMirror::collapsing_twentyIdenticalGetsAreOneUpstreamRequest()
{
    m_stack.fake->setLatency(300);
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 20; ++i) {
        replies.append(m_stack.downstream->get(QNetworkRequest(m_stack.url(u"/users/monalisa"_s))));
    }
    QVERIFY(QTest::qWaitFor(
        [&replies] {
            return std::all_of(replies.cbegin(), replies.cend(), [](auto *r) { return r->isFinished(); });
        },
        20000));
    QByteArray body;
    for (QNetworkReply *reply : replies) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QByteArray bytes = reply->readAll();
        QVERIFY(body.isEmpty() || bytes == body);
        body = bytes;
    }
    QCOMPARE(upstreamLogFor(u"/users/monalisa"_s).size(), 1);
    const QJsonObject counts = QJsonDocument::fromJson(request("GET", u"/stats"_s).body).object();
    QVERIFY(counts.value(u"collapsed"_s).toInt() >= 1);
    QCOMPARE(counts.value(u"upstream_requests"_s).toInt(), 1);
}

void TestMirror::otherMethods_passThroughUncached()
{
    const QByteArray token = "token " + QByteArray(FakeGitHub::Tokens::Octocat);
    const QByteArray markdown = "Hello *world* <b>";
    for (int i = 0; i < 2; ++i) {
        const Answer rendered = request("POST", u"/markdown/raw"_s,
                                        {{"Authorization", token}, {"Content-Type", "text/plain"}}, markdown);
        QCOMPARE(rendered.status, 200);
        QCOMPARE(rendered.body, "<p>Hello *world* &lt;b&gt;</p>\n");
        QVERIFY(rendered.header("Content-Type").startsWith("text/html"));
        QVERIFY(rendered.header("Cache-Status").isEmpty()); // not the cache's business
    }
    const QList<LoggedRequest> upstream = upstreamLogFor(u"/markdown/raw"_s);
    QCOMPARE(upstream.size(), 2); // a write is never answered from the cache
    for (const LoggedRequest &entry : upstream) {
        QCOMPARE(entry.method, "POST");
        QCOMPARE(entry.login, u"octocat"_s); // as the requester, with its own token
    }
    const QJsonObject counts = QJsonDocument::fromJson(request("GET", u"/stats"_s).body).object();
    QCOMPARE(counts.value(u"passed_through"_s).toInt(), 2);
    QCOMPARE(counts.value(u"cache_miss"_s).toInt(), 0);
    QCOMPARE(counts.value(u"upstream_requests"_s).toInt(), 0); // GETs only
    QCOMPARE(counts.value(u"entries"_s).toInt(), 0);
}

void TestMirror::otherMethods_anUpstreamErrorPassesUnchanged()
{
    const Answer removed = request("DELETE", u"/gists/aa5a315d61ae9438b18d"_s,
                                   {{"Authorization", "token " + QByteArray(FakeGitHub::Tokens::Octocat)}});
    QCOMPARE(removed.status, 404);
    QCOMPARE(QJsonDocument::fromJson(removed.body).object().value(u"message"_s).toString(), u"Not Found"_s);
    QVERIFY(!removed.header("x-ratelimit-remaining").isEmpty());
    QCOMPARE(upstreamLogFor(u"/gists/aa5a315d61ae9438b18d"_s).size(), 1);
}

void TestMirror::metrics_arePrometheusText()
{
    request("GET", u"/users/octocat"_s);
    request("GET", u"/users/octocat"_s);
    const Answer metrics = request("GET", u"/metrics"_s);
    QVERIFY(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"));
    QVERIFY(metrics.body.contains("\nhubshelf_cache_hits_total 1\n"));
    QVERIFY(metrics.body.contains("\nhubshelf_cache_misses_total 1\n"));
    QVERIFY(metrics.body.contains("# TYPE hubshelf_cache_entries gauge\n"));
}

QTEST_GUILESS_MAIN(TestMirror)
#include "test_mirror.moc"
