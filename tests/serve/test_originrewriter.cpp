// OriginRewriter: the upstream API's URLs become the mirror's in bodies, Link and Location, and
// nothing else changes.

#include "serve/originrewriter.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Hubshelf::Serve::OriginRewriter;

class TestOriginRewriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void body_rewritesStringsThatStartWithTheApi_data();
    void body_rewritesStringsThatStartWithTheApi();
    void body_ofARealRepositoryListStaysValidJson();
    void link_andLocation();
    void enterpriseBase_keepsItsPathOut();
    void mirrorBase_onlyFromAPlainHost_data();
    void mirrorBase_onlyFromAPlainHost();
};

void TestOriginRewriter::body_rewritesStringsThatStartWithTheApi_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("rewritten");
    QTest::newRow("url") << QByteArray(R"({"url":"https://api.github.com/repos/o/r"})")
                         << QByteArray(R"({"url":"http://127.0.0.1:8080/repos/o/r"})");
    QTest::newRow("root") << QByteArray(R"(["https://api.github.com"])")
                          << QByteArray(R"(["http://127.0.0.1:8080"])");
    QTest::newRow("template") << QByteArray(R"({"u":"https://api.github.com/users/o{/other_user}"})")
                              << QByteArray(R"({"u":"http://127.0.0.1:8080/users/o{/other_user}"})");
    QTest::newRow("html_url untouched") << QByteArray(R"({"html_url":"https://github.com/o/r"})")
                                        << QByteArray(R"({"html_url":"https://github.com/o/r"})");
    QTest::newRow("inside text untouched") << QByteArray(R"({"body":"see https://api.github.com/x"})")
                                           << QByteArray(R"({"body":"see https://api.github.com/x"})");
    QTest::newRow("after an escaped quote untouched")
        << QByteArray(R"({"body":"a \"https://api.github.com/x\""})")
        << QByteArray(R"({"body":"a \"https://api.github.com/x\""})");
    QTest::newRow("after an escaped backslash") << QByteArray(R"(["\\","https://api.github.com/x"])")
                                                << QByteArray(R"(["\\","http://127.0.0.1:8080/x"])");
    QTest::newRow("another host that starts alike")
        << QByteArray(R"({"u":"https://api.github.com.evil.example/x"})")
        << QByteArray(R"({"u":"https://api.github.com.evil.example/x"})");
}

void TestOriginRewriter::body_rewritesStringsThatStartWithTheApi()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, rewritten);
    const OriginRewriter rewriter(QUrl(u"https://api.github.com"_s), QUrl(u"http://127.0.0.1:8080"_s));
    QCOMPARE(rewriter.body(json), rewritten);
}

void TestOriginRewriter::body_ofARealRepositoryListStaysValidJson()
{
    // A list as GitHub sends it: every API URL rewritten, the rest byte for byte.
    QByteArray page =
        R"([{"id":1,"name":"Hello-World","url":"https://api.github.com/repos/octocat/Hello-World",)"
        R"("html_url":"https://github.com/octocat/Hello-World","description":"This your first repo!",)"
        R"("owner":{"login":"octocat","url":"https://api.github.com/users/octocat"}}])";
    const OriginRewriter rewriter(QUrl(u"https://api.github.com/"_s), QUrl(u"https://mirror.lan"_s));
    const QByteArray out = rewriter.body(page);
    QVERIFY(!out.contains("https://api.github.com"));
    QCOMPARE(out.count("https://mirror.lan/"), 2);
    QJsonParseError error;
    QJsonDocument::fromJson(out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(QByteArray(out).replace("https://mirror.lan", "https://api.github.com"), page);
}

void TestOriginRewriter::link_andLocation()
{
    const OriginRewriter rewriter(QUrl(u"https://api.github.com"_s), QUrl(u"http://localhost:8080"_s));
    const QByteArray link = "<https://api.github.com/orgs/o/repos?page=2>; rel=\"next\", "
                            "<https://api.github.com/orgs/o/repos?page=50>; rel=\"last\"";
    const QByteArray mirrored = "<http://localhost:8080/orgs/o/repos?page=2>; rel=\"next\", "
                                "<http://localhost:8080/orgs/o/repos?page=50>; rel=\"last\"";
    QCOMPARE(rewriter.link(link), mirrored);
    const QByteArray elsewhere = "<https://elsewhere.example/x>; rel=\"next\"";
    QCOMPARE(rewriter.link(elsewhere), elsewhere);
    QCOMPARE(rewriter.location("https://api.github.com/repositories/42"),
             "http://localhost:8080/repositories/42");
    QCOMPARE(rewriter.location("https://codeload.github.com/o/r"), "https://codeload.github.com/o/r");
}

void TestOriginRewriter::enterpriseBase_keepsItsPathOut()
{
    const OriginRewriter rewriter(QUrl(u"https://ghe.example.com/api/v3"_s),
                                  QUrl(u"http://127.0.0.1:8080"_s));
    const QByteArray body = "{\"url\":\"https://ghe.example.com/api/v3/repos/o/r\","
                            "\"html_url\":\"https://ghe.example.com/o/r\"}";
    const QByteArray mirrored = "{\"url\":\"http://127.0.0.1:8080/repos/o/r\","
                                "\"html_url\":\"https://ghe.example.com/o/r\"}";
    QCOMPARE(rewriter.body(body), mirrored);
    const QByteArray lookalike = "[\"https://ghe.example.com/api/v3x/y\"]";
    QCOMPARE(rewriter.body(lookalike), lookalike);
}

void TestOriginRewriter::mirrorBase_onlyFromAPlainHost_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("base");
    QTest::newRow("host:port") << QByteArray("127.0.0.1:8080") << false << u"http://127.0.0.1:8080"_s;
    QTest::newRow("name, tls") << QByteArray("mirror.lan") << true << u"https://mirror.lan"_s;
    QTest::newRow("v6") << QByteArray("[::1]:8080") << false << u"http://[::1]:8080"_s;
    QTest::newRow("empty") << QByteArray() << false << QString();
    QTest::newRow("a path") << QByteArray("h/x") << false << QString();
    QTest::newRow("a quote") << QByteArray("h\"x") << false << QString();
    QTest::newRow("user info") << QByteArray("u@h") << false << QString();
    QTest::newRow("bad port") << QByteArray("h:99999") << false << QString();
}

void TestOriginRewriter::mirrorBase_onlyFromAPlainHost()
{
    QFETCH(QByteArray, host);
    QFETCH(bool, tls);
    QFETCH(QString, base);
    const QUrl url = OriginRewriter::mirrorBaseFor(host, tls);
    QCOMPARE(url.isValid() ? url.toString() : QString(), base);
}

QTEST_GUILESS_MAIN(TestOriginRewriter)
#include "test_originrewriter.moc"
