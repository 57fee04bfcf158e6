// The team cache: `hubshelf serve` instances and the command line on one PostgreSQL database (a
// throw-away cluster, see tests/cache/pgcluster.h), in front of the fake GitHub, as a load balancer
// would spread requests over them.

#include "clirun.h"
#include "fakegithub.h"
#include "pgcluster.h"
#include "serveprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

using namespace Qt::StringLiterals;
using CliTest::Answer;

class TestCliServePostgreSql final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void serve_twoInstancesShareOneCacheAndItsStatistics();
    void serve_anInstanceKilledMidWriteLeavesTheOtherServing();
    void serve_aDatabaseOutageGoesUpstreamThenReconnects();
    void cache_commandsWorkOnPostgreSql_andNeverPrintThePassword();
    void cacheDb_badUrlsAreUsageErrors_data();
    void cacheDb_badUrlsAreUsageErrors();

private:
    QUrl startServe(CliTest::ServeProcess &serve, const QTemporaryDir &home)
    {
        return serve.start(m_fake->apiUrl(), home, {u"--cache-db"_s, m_cluster.url(m_database)});
    }
    Answer get(const QUrl &url, const QByteArray &token = FakeGitHub::Tokens::Octocat)
    {
        return CliTest::get(m_network, url, token);
    }
    CliTest::Run runCli(const QStringList &arguments)
    {
        return CliTest::runHubshelf(m_fake->apiUrl(), *m_homeA, arguments, FakeGitHub::Tokens::Octocat);
    }
    // Nothing the program printed may hold the database password.
    void verifyNoPassword(const QByteArray &output)
    {
        QVERIFY2(!output.contains(m_cluster.password().toUtf8()), output.constData());
    }

    PgTest::Cluster m_cluster;
    QString m_database;
    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QTemporaryDir> m_homeA;
    std::unique_ptr<QTemporaryDir> m_homeB;
    std::unique_ptr<CliTest::ServeProcess> m_serveA;
    std::unique_ptr<CliTest::ServeProcess> m_serveB;
    QNetworkAccessManager m_network;
};

void TestCliServePostgreSql::initTestCase()
{
    PGTEST_START_OR_SKIP(m_cluster);
}

void TestCliServePostgreSql::init()
{
    m_database = m_cluster.createDatabase();
    QVERIFY(!m_database.isEmpty());
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    // Each instance its own home: what they share can only come through the database.
    m_homeA = std::make_unique<QTemporaryDir>();
    m_homeB = std::make_unique<QTemporaryDir>();
    m_serveA = std::make_unique<CliTest::ServeProcess>();
    m_serveB = std::make_unique<CliTest::ServeProcess>();
}

void TestCliServePostgreSql::cleanup()
{
    m_serveA.reset();
    m_serveB.reset();
    m_fake.reset();
    QVERIFY(m_cluster.isRunning() || m_cluster.startServer()); // after a test that stopped it
}

void TestCliServePostgreSql::serve_twoInstancesShareOneCacheAndItsStatistics()
{
    const QUrl a = startServe(*m_serveA, *m_homeA);
    const QUrl b = startServe(*m_serveB, *m_homeB);
    QVERIFY(a.isValid());
    QVERIFY(b.isValid());
    const QString path = u"/repos/octocat/Hello-World"_s;

    const Answer first = get(m_serveA->url(path));
    QCOMPARE(first.status, 200);
    const qsizetype upstream = m_fake->requestLog().size();

    // The other instance answers from the entry the first stored: fresh, so GitHub sees nothing.
    const Answer second = get(m_serveB->url(path));
    QCOMPARE(second.status, 200);
    QCOMPARE(second.cacheStatus, "hubshelf; hit");
    QCOMPARE(m_fake->requestLog().size(), upstream);
    const QJsonObject repository = QJsonDocument::fromJson(second.body).object();
    QCOMPARE(repository.value(u"full_name"_s).toString(), u"octocat/Hello-World"_s);
    QCOMPARE(repository.value(u"url"_s).toString(), m_serveB->url(path).toString()); // B's own URLs

    // A new token of the same account: the entry is proven by a free 304 and copied to it.
    const Answer rotated = get(m_serveB->url(path), FakeGitHub::Tokens::OctocatRotated);
    QCOMPARE(rotated.status, 200);
    QCOMPARE(rotated.cacheStatus, "hubshelf; fwd=stale; fwd-status=304");
    QCOMPARE(m_fake->requestLog().size(), upstream + 1);
    QVERIFY(m_fake->requestLog().constLast().notModified());
    QVERIFY(!m_fake->requestLog().constLast().spentPoint);

    // B's own counters say it fetched nothing; the shared ones count A's miss too.
    const QJsonObject statsB = QJsonDocument::fromJson(get(m_serveB->url(u"/stats"_s)).body).object();
    QCOMPARE(statsB.value(u"cache_miss"_s).toInt(), 0);
    QCOMPARE(statsB.value(u"cache_hit"_s).toInt(), 2);
    const QJsonObject shared = statsB.value(u"shared"_s).toObject();
    QCOMPARE(shared.value(u"cache_miss"_s).toInt(), 1);
    QCOMPARE(shared.value(u"cache_hit"_s).toInt(), 2);
    QCOMPARE(shared.value(u"revalidated"_s).toInt(), 1);
    QCOMPARE(shared.value(u"points_saved"_s).toInt(), 2);
    const QJsonObject statsA = QJsonDocument::fromJson(get(m_serveA->url(u"/stats"_s)).body).object();
    QCOMPARE(statsA.value(u"cache_hit"_s).toInt(), 0);
    QCOMPARE(statsA.value(u"shared"_s).toObject(), shared);
    QCOMPARE(statsA.value(u"entries"_s).toInt(), 2); // one entry per identity, in the one database

    // The database holds keyed hashes of the tokens, never their bytes, in any encoding.
    const QByteArray dump = m_cluster.dump(m_database);
    QVERIFY(dump.contains("COPY public.responses"));
    QVERIFY(!PgTest::holdsAnyFormOf(dump, FakeGitHub::Tokens::Octocat));
    QVERIFY(!PgTest::holdsAnyFormOf(dump, FakeGitHub::Tokens::OctocatRotated));
    QCOMPARE(m_serveA->stop(), 0);
    QCOMPARE(m_serveB->stop(), 0);
    for (CliTest::ServeProcess *serve : {m_serveA.get(), m_serveB.get()}) {
        verifyNoPassword(serve->process().readAllStandardOutput() + serve->process().readAllStandardError());
    }
}

void TestCliServePostgreSql::serve_anInstanceKilledMidWriteLeavesTheOtherServing()
{
    QVERIFY(startServe(*m_serveA, *m_homeA).isValid());
    QVERIFY(startServe(*m_serveB, *m_homeB).isValid());
    constexpr int Pages = 50; // megacorp's 5,000 repositories, 100 a page: about 25 MB of bodies
    const auto page = [](int n) { return u"/orgs/megacorp/repos?per_page=100&page=%1"_s.arg(n); };

    // A fetches and stores every page at once; it dies while most are still being written.
    std::vector<QNetworkReply *> replies;
    for (int n = 1; n <= Pages; ++n) {
        QNetworkRequest request(m_serveA->url(page(n)));
        request.setRawHeader("Authorization", "token " + FakeGitHub::Tokens::Octocat);
        replies.push_back(m_network.get(request));
    }
    QVERIFY(QTest::qWaitFor(
        [&replies] {
            return std::count_if(replies.cbegin(), replies.cend(),
                                 [](QNetworkReply *r) { return r->isFinished(); }) >= 3;
        },
        30000));
    m_serveA->kill();
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); }),
        20000);
    qDeleteAll(replies);
    const int storedByA = m_cluster.value(m_database, u"SELECT count(*) FROM responses"_s).toInt();
    QVERIFY2(storedByA > 0 && storedByA < Pages, qPrintable(QString::number(storedByA))); // it died midway

    // B serves every page, whole, whatever A left behind.
    for (int n = 1; n <= Pages; ++n) {
        const Answer answer = get(m_serveB->url(page(n)));
        QCOMPARE(answer.status, 200);
        QCOMPARE(QJsonDocument::fromJson(answer.body).array().size(), 100);
    }
    QCOMPARE(get(m_serveB->url(page(1))).cacheStatus, "hubshelf; hit");
    QVERIFY(m_serveB->isRunning());
    // No half-written entry: the running total is the rows' and no body failed its checksum.
    QCOMPARE(
        m_cluster.value(m_database, u"SELECT sum(body_size)::bigint FROM responses"_s).toLongLong(),
        m_cluster.value(m_database, u"SELECT value FROM meta WHERE key = 'total_body_size'"_s).toLongLong());
    QCOMPARE(m_cluster.value(m_database, u"SELECT count(*) FROM responses"_s).toInt(), Pages);
    QCOMPARE(m_serveB->stop(), 0);
    QVERIFY(!m_serveB->process().readAllStandardError().contains("damaged"));
}

void TestCliServePostgreSql::serve_aDatabaseOutageGoesUpstreamThenReconnects()
{
    QVERIFY(startServe(*m_serveA, *m_homeA).isValid());
    QByteArray log;
    const auto stderrOfA = [&] {
        log += m_serveA->process().readAllStandardError();
        return log;
    };
    QCOMPARE(get(m_serveA->url(u"/users/octocat"_s)).status, 200);
    QCOMPARE(get(m_serveA->url(u"/users/octocat"_s)).cacheStatus, "hubshelf; hit");

    QVERIFY(m_cluster.stop());
    // Answered all the same, from GitHub, without storing anything.
    const qsizetype upstream = m_fake->requestLog().size();
    for (int i = 0; i < 3; ++i) {
        const Answer answer = get(m_serveA->url(u"/users/octocat"_s));
        QCOMPARE(answer.status, 200);
        QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(u"login"_s).toString(), u"octocat"_s);
    }
    QCOMPARE(m_fake->requestLog().size(), upstream + 3);
    QTRY_VERIFY(stderrOfA().contains("is unreachable"));
    QVERIFY(m_serveA->isRunning());

    QVERIFY(m_cluster.startServer());
    // Requests keep coming; one of them finds the database back.
    QTRY_VERIFY_WITH_TIMEOUT(get(m_serveA->url(u"/orgs/github"_s)).status == 200 &&
                                 stderrOfA().contains("is reachable again"),
                             30000);
    QCOMPARE(get(m_serveA->url(u"/repos/octocat/Hello-World"_s)).status, 200);
    QCOMPARE(get(m_serveA->url(u"/repos/octocat/Hello-World"_s)).cacheStatus, "hubshelf; hit");
    QCOMPARE(m_serveA->stop(), 0);
    stderrOfA();
    QCOMPARE(log.count("is unreachable"), 1); // one line per outage, not one per request
    QCOMPARE(log.count("is reachable again"), 1);
    QVERIFY2(log.contains(m_cluster.displayUrl(m_database).toUtf8()), log.constData());
    verifyNoPassword(log + m_serveA->process().readAllStandardOutput());
}

void TestCliServePostgreSql::cache_commandsWorkOnPostgreSql_andNeverPrintThePassword()
{
    const QString url = m_cluster.url(m_database);
    QCOMPARE(runCli({u"--cache-db"_s, url, u"api"_s, u"/users/octocat"_s}).exitCode, 0);

    const CliTest::Run path = runCli({u"--cache-db"_s, url, u"cache"_s, u"path"_s});
    QCOMPARE(path.exitCode, 0);
    QCOMPARE(QString::fromUtf8(path.out.trimmed()), m_cluster.displayUrl(m_database));

    const CliTest::Run stats = runCli({u"--cache-db"_s, url, u"cache"_s, u"stats"_s, u"--json"_s});
    QCOMPARE(stats.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(stats.out).object();
    QCOMPARE(object.value(u"path"_s).toString(), m_cluster.displayUrl(m_database));
    QCOMPARE(object.value(u"entries"_s).toInt(), 1);
    QCOMPARE(object.value(u"misses"_s).toInt(), 1);

    const CliTest::Run clear = runCli({u"--cache-db"_s, url, u"cache"_s, u"clear"_s});
    QCOMPARE(clear.exitCode, 0);
    QVERIFY2(clear.err.contains(u"Cleared 1 cached response"_s), qPrintable(clear.err));
    QCOMPARE(QJsonDocument::fromJson(runCli({u"--cache-db"_s, url, u"cache"_s, u"stats"_s, u"--json"_s}).out)
                 .object()
                 .value(u"entries"_s)
                 .toInt(),
             0);
    for (const CliTest::Run &run : {path, stats, clear}) {
        verifyNoPassword(run.out + run.err.toUtf8());
    }

    // The URL without its password: libpq takes it from PGPASSWORD (or ~/.pgpass).
    qputenv("PGPASSWORD", m_cluster.password().toUtf8());
    const CliTest::Run fromEnvironment =
        runCli({u"--cache-db"_s, m_cluster.displayUrl(m_database), u"cache"_s, u"stats"_s});
    qunsetenv("PGPASSWORD");
    QCOMPARE(fromEnvironment.exitCode, 0);

    // A wrong password: one warning naming the database, never the password tried.
    const QString wrong = u"Wr0ng-pa55word"_s;
    QString wrongUrl = url;
    wrongUrl.replace(m_cluster.password(), wrong);
    const CliTest::Run refused = runCli({u"--cache-db"_s, wrongUrl, u"cache"_s, u"stats"_s});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(
        refused.err.contains(u"warning: the cache %1 cannot be used"_s.arg(m_cluster.displayUrl(m_database))),
        qPrintable(refused.err));
    QVERIFY2(refused.err.contains(u"password authentication failed"_s), qPrintable(refused.err));
    QVERIFY(!refused.err.contains(wrong));
    QVERIFY(!refused.out.contains(wrong.toUtf8()));

    const CliTest::Run help = runCli({u"--help"_s});
    QVERIFY(help.out.contains("postgresql://USER@HOST:PORT/DB"));
}

void TestCliServePostgreSql::cacheDb_badUrlsAreUsageErrors_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("no database") << u"postgresql://hub:S3cretPw@127.0.0.1:5432"_s << u"names no database"_s;
    QTest::newRow("password in the query")
        << u"postgresql://hub@127.0.0.1/db?password=S3cretPw"_s << u"is not supported"_s;
    QTest::newRow("not a URL") << u"postgres:hub:S3cretPw@db"_s << u"not a PostgreSQL URL"_s;
}

void TestCliServePostgreSql::cacheDb_badUrlsAreUsageErrors()
{
    QFETCH(QString, url);
    QFETCH(QString, sentence);
    const CliTest::Run run = runCli({u"--cache-db"_s, url, u"serve"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(sentence), qPrintable(run.err));
    QCOMPARE(run.err.count(u'\n'), 1);
    QVERIFY(!run.err.contains(u"S3cretPw"_s));
    QVERIFY(m_fake->requestLog().isEmpty());
}

QTEST_GUILESS_MAIN(TestCliServePostgreSql)
#include "test_cli_serve_postgresql.moc"
