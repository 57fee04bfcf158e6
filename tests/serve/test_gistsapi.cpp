// The gists API of `hubshelf serve --gists-api`, over real loopback to the fake GitHub: its
// contract kept literally, through the cache.

#include "serve/gistsapi.h"
#include "servefixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace Hubshelf;
using ServeTest::Answer;

class TestGistsApi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void user_allPublicGistsJoinedInGitHubsOrder();
    void secondRequest_costsNoUpstreamRequest();
    void pageAndPerPage_answerThatPageOnly();
    void badPageNumbers_are400();
    void unknownUser_is404WithAJsonMessage();
    void invalidName_is400WithoutAnUpstreamRequest_data();
    void invalidName_is400WithoutAnUpstreamRequest();
    void healthz_is200();

private:
    QTemporaryDir m_dir;
    ServeTest::Fixture m_stack;
    std::unique_ptr<Serve::GistsApi> m_api;
    int m_cacheNumber = 0;
};

void TestGistsApi::init()
{
    QVERIFY(m_stack.start(m_dir.filePath(u"gists-%1.sqlite"_s.arg(++m_cacheNumber))));
    m_api = std::make_unique<Serve::GistsApi>(m_stack.client.get());
    QVERIFY(
        m_stack.serve([this](const Serve::HttpRequest &request, const Serve::HttpServer::Respond &respond) {
            m_api->handle(request, respond);
        }));
}

void TestGistsApi::cleanup()
{
    m_stack.server.reset();
    m_api.reset();
    m_stack.stop();
}

void TestGistsApi::user_allPublicGistsJoinedInGitHubsOrder()
{
    const Answer all = m_stack.request("GET", u"/prolific"_s);
    QCOMPARE(all.status, 200);
    QVERIFY(all.header("Content-Type").startsWith("application/json"));
    const QJsonArray gists = QJsonDocument::fromJson(all.body).array();
    // The same objects, in the same order, as GitHub's pages one by one.
    QJsonArray pages;
    for (int page = 1; page <= 3; ++page) {
        const QJsonArray items =
            QJsonDocument::fromJson(
                m_stack.request("GET", u"/prolific?per_page=100&page=%1"_s.arg(page)).body)
                .array();
        for (const QJsonValue &item : items) {
            pages.append(item);
        }
    }
    QVERIFY(gists.size() > 100); // more than one page
    QCOMPARE(gists, pages);
    QSet<QString> ids;
    for (const QJsonValue &gist : gists) {
        QVERIFY(gist.toObject().value(u"public"_s).toBool());
        ids.insert(gist.toObject().value(u"id"_s).toString());
    }
    QCOMPARE(ids.size(), gists.size());
}

void TestGistsApi::secondRequest_costsNoUpstreamRequest()
{
    const Answer first = m_stack.request("GET", u"/octocat"_s);
    QCOMPARE(first.status, 200);
    const qsizetype upstream = m_stack.fake->requestLog().size();
    const Answer second = m_stack.request("GET", u"/octocat"_s);
    QCOMPARE(second.body, first.body);
    QCOMPARE(m_stack.fake->requestLog().size(), upstream);
}

void TestGistsApi::pageAndPerPage_answerThatPageOnly()
{
    const QJsonArray all = QJsonDocument::fromJson(m_stack.request("GET", u"/prolific"_s).body).array();
    const QJsonArray page2 =
        QJsonDocument::fromJson(m_stack.request("GET", u"/prolific?page=2&per_page=5"_s).body).array();
    QCOMPARE(page2.size(), 5);
    QCOMPARE(page2.first(), all.at(5));
    QCOMPARE(m_stack.upstreamLogFor(u"/users/prolific/gists"_s).last().target,
             "/users/prolific/gists?per_page=5&page=2");
}

void TestGistsApi::badPageNumbers_are400()
{
    for (const QString &query : {u"?page=0"_s, u"?page=x"_s, u"?per_page=101"_s, u"?per_page=-1"_s}) {
        const Answer answer = m_stack.request("GET", u"/octocat"_s + query);
        QCOMPARE(answer.status, 400);
    }
    QVERIFY(m_stack.fake->requestLog().isEmpty());
}

void TestGistsApi::unknownUser_is404WithAJsonMessage()
{
    const Answer answer = m_stack.request("GET", u"/no-such-user-here"_s);
    QCOMPARE(answer.status, 404);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(u"message"_s).toString(),
             u"no GitHub user 'no-such-user-here'"_s);
}

void TestGistsApi::invalidName_is400WithoutAnUpstreamRequest_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("leading dash") << u"/-octocat"_s;
    QTest::newRow("a slash more") << u"/octocat/gists"_s;
    QTest::newRow("dot dot") << u"/.."_s;
    QTest::newRow("40 characters") << u"/"_s + QString(40, u'a');
    QTest::newRow("encoded newline") << u"/octo%0Acat"_s;
    QTest::newRow("root") << u"/"_s;
}

void TestGistsApi::invalidName_is400WithoutAnUpstreamRequest()
{
    QFETCH(QString, path);
    const Answer answer = m_stack.request("GET", path);
    QCOMPARE(answer.status, 400);
    QVERIFY(
        QJsonDocument::fromJson(answer.body).object().value(u"message"_s).toString().contains(u"valid"_s));
    QVERIFY(m_stack.fake->requestLog().isEmpty());
}

void TestGistsApi::healthz_is200()
{
    const Answer answer = m_stack.request("GET", u"/healthz"_s);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, R"({"status":"ok"})");
    QVERIFY(m_stack.fake->requestLog().isEmpty());
}

QTEST_GUILESS_MAIN(TestGistsApi)
#include "test_gistsapi.moc"
