// The `hubshelf` binary's sub-commands against the fake GitHub, as a script would run them: real
// process, real loopback, a cache and settings of its own; stdout compared with golden files.
// HUBSHELF_UPDATE_GOLDEN=1 rewrites the golden files from what the binary prints.

#include "cache/etagcache.h"
#include "clirun.h"
#include "fakegithub.h"
#include "github/client.h"
#include "ratelimits/ledger.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using CliTest::Run;
using FakeGitHub::Fault;

class TestCliCommands final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void export_matchesGoldenFile_data();
    void export_matchesGoldenFile();
    void export_bigOrganization_allRepositoriesInOrder();
    void export_toFile_replacesOnlyOnSuccess();
    void jsonOutput_isWholeOrNothing();
    void export_columnsAndLimit();
    void invalidNames_exit2WithoutARequest_data();
    void invalidNames_exit2WithoutARequest();
    void errors_mapToTheirExitCodes_data();
    void errors_mapToTheirExitCodes();
    void rateLimits_failFastWithTheTimeOrWaitWithinTheCap_data();
    void rateLimits_failFastWithTheTimeOrWaitWithinTheCap();
    void failingPage_oneLineAndNoMoreRequests();
    void linkAbuse_exit6WithOneSentence_data();
    void linkAbuse_exit6WithOneSentence();
    void offline_afterAWarmRun_needsNoNetwork();
    void verbose_showsMissThenRevalidated();
    void api_paginateJoinsEveryPage();
    void api_paginateKeepsTheCallersPerPage();
    void api_paginateOnAnObject_isAUsageError_data();
    void api_paginateOnAnObject_isAUsageError();
    void authStatus_namesTheSourceNeverTheToken();
    void authLogin_storesInTheKeychainAndLogoutRemoves();
    void authStatus_signedOut_isAFailureOnStderr();
    void export_typeFiltersRepositories();
    void stdoutThatCannotBeWritten_isAFailure();
    void rateLimit_listsEveryResource();
    void rateLimitSpend_ofEveryProcess_sumsToTheServersCountPerEndpoint();
    void cacheCommands_reportClearAndLocate();
    void cacheSizeCap_fromTheUsersSettings_isHonoured();

private:
    Run run(const QStringList &arguments, const QByteArray &token = FakeGitHub::Tokens::Octocat);
    QByteArray normalized(QByteArray bytes) const;

    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCliCommands::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void TestCliCommands::cleanup()
{
    m_fake.reset();
    m_home.reset();
}

Run TestCliCommands::run(const QStringList &arguments, const QByteArray &token)
{
    return CliTest::runHubshelf(m_fake->apiUrl(), *m_home, arguments, token);
}

// The fake's ports change from run to run; the golden files name its origins instead.
QByteArray TestCliCommands::normalized(QByteArray bytes) const
{
    bytes.replace(m_fake->apiUrl().toString().toUtf8(), "{api}");
    bytes.replace(m_fake->contentUrl().toString().toUtf8(), "{web}");
    return bytes;
}

void TestCliCommands::export_matchesGoldenFile_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("golden");
    QTest::addColumn<QByteArray>("token");
    const auto row = [](const char *name, const QStringList &arguments,
                        const QByteArray &token = FakeGitHub::Tokens::Octocat) {
        QTest::newRow(name) << arguments << QString::fromLatin1(name) << token;
    };
    row("gists-octocat.csv", {u"export"_s, u"gists"_s, u"octocat"_s});
    // The owner's own token: all 300 gists over 3 pages, secret ones included.
    row("gists-prolific.csv", {u"export"_s, u"gists"_s, u"prolific"_s}, FakeGitHub::Tokens::Prolific);
    row("gists-prolific-noguard-bom.csv",
        {u"export"_s, u"gists"_s, u"prolific"_s, u"--no-formula-guard"_s, u"--bom"_s},
        FakeGitHub::Tokens::Prolific);
    row("repos-octocat.csv", {u"export"_s, u"repos"_s, u"octocat"_s});
    row("repos-github.csv", {u"export"_s, u"repos"_s, u"github"_s});
    row("pulls-hello-world-all.csv",
        {u"export"_s, u"pulls"_s, u"octocat/Hello-World"_s, u"--state"_s, u"all"_s});
    row("orgs-octocat.csv", {u"export"_s, u"orgs"_s, u"octocat"_s});
    row("followers-octocat.csv", {u"export"_s, u"followers"_s, u"octocat"_s});
    row("following-monalisa.csv", {u"export"_s, u"following"_s, u"monalisa"_s});
    row("members-github.csv", {u"export"_s, u"members"_s, u"github"_s});
    row("gists-octocat.json", {u"export"_s, u"gists"_s, u"octocat"_s, u"--format"_s, u"json"_s});
    row("repos-octocat.json", {u"export"_s, u"repos"_s, u"octocat"_s, u"--format"_s, u"json"_s});
    row("pulls-hello-world.json", {u"export"_s, u"pulls"_s, u"octocat/Hello-World"_s, u"--state"_s, u"all"_s,
                                   u"--format"_s, u"json"_s});
    row("orgs-octocat.json", {u"export"_s, u"orgs"_s, u"octocat"_s, u"--format"_s, u"json"_s});
    row("followers-octocat.json", {u"export"_s, u"followers"_s, u"octocat"_s, u"--format"_s, u"json"_s});
    row("following-monalisa.json", {u"export"_s, u"following"_s, u"monalisa"_s, u"--format"_s, u"json"_s});
    row("members-github.json", {u"export"_s, u"members"_s, u"github"_s, u"--format"_s, u"json"_s});
    row("repos-github.json", {u"export"_s, u"repos"_s, u"github"_s, u"--format"_s, u"json"_s});
}

void TestCliCommands::export_matchesGoldenFile()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, golden);
    QFETCH(QByteArray, token);
    const Run result = run(arguments, token);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    const QString path = QStringLiteral(HUBSHELF_GOLDEN_DIR) + u'/' + golden;
    const QByteArray actual = normalized(result.out);
    if (qEnvironmentVariableIsSet("HUBSHELF_UPDATE_GOLDEN")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(actual);
    }
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray expected = file.readAll();
    QCOMPARE(actual, expected);
}

void TestCliCommands::export_bigOrganization_allRepositoriesInOrder()
{
    const Run result =
        run({u"export"_s, u"repos"_s, u"megacorp"_s, u"--columns"_s, u"full_name,stargazers_count"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QList<QByteArray> lines = result.out.split('\n');
    QCOMPARE(lines.size(), FakeGitHub::BigOrganizationRepoCount + 2); // header, rows, and after the last CRLF
    QCOMPARE(lines.first(), QByteArray("full_name,stargazers_count\r"));
    QVERIFY(lines.at(1).startsWith("megacorp/monorepo,"));
    for (int i = 2; i <= FakeGitHub::BigOrganizationRepoCount; ++i) {
        const QByteArray name =
            QByteArray("megacorp/project-") + QByteArray::number(i).rightJustified(4, '0') + ',';
        QVERIFY2(lines.at(i).startsWith(name), lines.at(i).constData());
    }
    int pages = 0;
    for (const FakeGitHub::LoggedRequest &entry : m_fake->requestLog()) {
        pages += entry.path == u"/orgs/megacorp/repos"_s ? 1 : 0;
    }
    QCOMPARE(pages, 50);
}

void TestCliCommands::export_toFile_replacesOnlyOnSuccess()
{
    const QString path = m_home->filePath(u"out.csv"_s);
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("the old export\n");
    old.close();
    QCOMPARE(run({u"export"_s, u"gists"_s, u"nosuchuser"_s, u"-o"_s, path}).exitCode, 3);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("the old export\n"));
    old.close();
    const Run ok = run({u"export"_s, u"orgs"_s, u"octocat"_s, u"-o"_s, path});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(ok.out.isEmpty());
    QVERIFY(old.open(QIODevice::ReadOnly));
    QVERIFY(old.readAll().startsWith("login,id,description,url\r\n"));
}

// Issue 15: the JSON paths write each page as it arrives (to the file, or a spool for stdout), the
// same bytes as the whole array at once, and a page that fails leaves nothing behind.
void TestCliCommands::jsonOutput_isWholeOrNothing()
{
    const QString path = m_home->filePath(u"out.json"_s);
    const QStringList toFile = {u"export"_s, u"repos"_s, u"megacorp"_s, u"--format"_s,
                                u"json"_s,   u"-o"_s,    path};
    const Run saved = run(toFile);
    QCOMPARE(saved.exitCode, 0);
    QVERIFY(saved.out.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    file.close();
    const QJsonArray repositories = QJsonDocument::fromJson(bytes).array();
    QCOMPARE(repositories.size(), FakeGitHub::BigOrganizationRepoCount);
    QCOMPARE(repositories.first().toObject().value(u"name"_s).toString(), u"monorepo"_s);
    QCOMPARE(repositories.last().toObject().value(u"name"_s).toString(), u"project-5000"_s);
    QCOMPARE(bytes, QJsonDocument(repositories).toJson(QJsonDocument::Indented));
    const Run toStdout = run({u"export"_s, u"repos"_s, u"megacorp"_s, u"--format"_s, u"json"_s});
    QCOMPARE(toStdout.exitCode, 0);
    QCOMPARE(toStdout.out, bytes);

    // Page 3 of 50 fails: the file stays as it was, and neither path writes anything on stdout.
    m_fake->armFault(u"/orgs/megacorp/repos?page=3"_s, Fault::withStatus(404), -1);
    const Run failedFile = run(QStringList{u"--no-cache"_s} + toFile);
    QCOMPARE(failedFile.exitCode, 3);
    QVERIFY(failedFile.out.isEmpty());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
    file.close();
    for (const QStringList &arguments :
         {QStringList{u"--no-cache"_s, u"export"_s, u"repos"_s, u"megacorp"_s, u"--format"_s, u"json"_s},
          QStringList{u"--no-cache"_s, u"api"_s, u"/orgs/megacorp/repos"_s, u"--paginate"_s}}) {
        const Run failed = run(arguments);
        QCOMPARE(failed.exitCode, 3);
        QVERIFY2(failed.out.isEmpty(), failed.out.left(200).constData());
        QCOMPARE(failed.err.count(u'\n'), 1);
    }
    QCOMPARE(QDir(m_home->path()).entryList({u"*.json*"_s}, QDir::Files | QDir::Hidden),
             QStringList{u"out.json"_s});
}

void TestCliCommands::export_columnsAndLimit()
{
    const Run result = run(
        {u"export"_s, u"gists"_s, u"prolific"_s, u"--columns"_s, u"file_count,id"_s, u"--limit"_s, u"150"_s});
    QCOMPARE(result.exitCode, 0);
    const QList<QByteArray> lines = result.out.split('\n');
    QCOMPARE(lines.size(), 152);
    QCOMPARE(lines.first(), QByteArray("file_count,id\r"));
    int pages = 0;
    for (const FakeGitHub::LoggedRequest &entry : m_fake->requestLog()) {
        pages += entry.path == u"/users/prolific/gists"_s ? 1 : 0;
    }
    QCOMPARE(pages, 2); // 150 rows: the third page is never asked for
    const Run unknown = run({u"export"_s, u"gists"_s, u"prolific"_s, u"--columns"_s, u"stars"_s});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains(u"stars"_s));
}

void TestCliCommands::invalidNames_exit2WithoutARequest_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("path in a login") << QStringList{u"export"_s, u"gists"_s, u"../orgs/x"_s};
    QTest::newRow("leading hyphen") << QStringList{u"export"_s, u"repos"_s, u"-x"_s, u"--"_s};
    QTest::newRow("repository without owner") << QStringList{u"export"_s, u"pulls"_s, u"Hello-World"_s};
    QTest::newRow("dot dot repository") << QStringList{u"export"_s, u"pulls"_s, u"octocat/.."_s};
    QTest::newRow("unknown kind") << QStringList{u"export"_s, u"stars"_s, u"octocat"_s};
    QTest::newRow("bad state") << QStringList{u"export"_s, u"pulls"_s, u"octocat/Hello-World"_s, u"--state"_s,
                                              u"merged"_s};
    QTest::newRow("bad format") << QStringList{u"export"_s, u"gists"_s, u"octocat"_s, u"--format"_s,
                                               u"xml"_s};
    QTest::newRow("api with a URL") << QStringList{u"api"_s, u"https://evil.example/users/octocat"_s};
    QTest::newRow("an option of another command")
        << QStringList{u"api"_s, u"/users/octocat"_s, u"-o"_s, u"/tmp/hubshelf-never-written.json"_s};
    QTest::newRow("--json on export") << QStringList{u"export"_s, u"orgs"_s, u"octocat"_s, u"--json"_s};
    QTest::newRow("--limit on rate-limit") << QStringList{u"rate-limit"_s, u"--limit"_s, u"1"_s};
    QTest::newRow("a type not in the list")
        << QStringList{u"export"_s, u"repos"_s, u"github"_s, u"--type"_s, u"owner"_s};
    QTest::newRow("--columns with JSON") << QStringList{
        u"export"_s, u"gists"_s, u"octocat"_s, u"--format"_s, u"json"_s, u"--columns"_s, u"id"_s};
}

void TestCliCommands::invalidNames_exit2WithoutARequest()
{
    QFETCH(QStringList, arguments);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err.count(u'\n'), 1);
    QVERIFY(result.err.startsWith(u"hubshelf: "_s));
    QVERIFY(m_fake->requestLog().isEmpty());
}

void TestCliCommands::errors_mapToTheirExitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("setup"); // 0 none, 1 rate limit spent, 2 server errors
    QTest::addColumn<int>("exitCode");
    QTest::newRow("3 not found") << QStringList{u"export"_s, u"repos"_s, u"nosuchuser"_s}
                                 << FakeGitHub::Tokens::Octocat << 0 << 3;
    QTest::newRow("4 bad token") << QStringList{u"export"_s, u"orgs"_s, u"octocat"_s}
                                 << QByteArray("ghp_wrong") << 0 << 4;
    QTest::newRow("5 rate limited") << QStringList{u"export"_s, u"orgs"_s, u"octocat"_s}
                                    << FakeGitHub::Tokens::Octocat << 1 << 5;
    QTest::newRow("6 server error after retries")
        << QStringList{u"export"_s, u"orgs"_s, u"octocat"_s} << FakeGitHub::Tokens::Octocat << 2 << 6;
}

void TestCliCommands::errors_mapToTheirExitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, token);
    QFETCH(int, setup);
    QFETCH(int, exitCode);
    if (setup == 1) {
        m_fake->setRateLimit(0, 0);
    } else if (setup == 2) {
        m_fake->armFault(u"/users/octocat/orgs"_s, Fault::withStatus(502), -1);
    }
    const Run result = run(arguments, token);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err.count(u'\n'), 1);
    QVERIFY2(result.err.startsWith(u"hubshelf: "_s), qPrintable(result.err));
    if (setup == 2) {
        int attempts = 0;
        for (const FakeGitHub::LoggedRequest &entry : m_fake->requestLog()) {
            attempts += entry.path == u"/users/octocat/orgs"_s ? 1 : 0;
        }
        QCOMPARE(attempts, 3);
    }
}

void TestCliCommands::rateLimits_failFastWithTheTimeOrWaitWithinTheCap_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("wait");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("sentence"); // in the one line on stderr: the time it may retry

    Fault farReset = Fault::withStatus(403, "API rate limit exceeded for user ID 1.");
    farReset.headers = {
        {"x-ratelimit-limit", "5000"},
        {"x-ratelimit-remaining", "0"},
        {"x-ratelimit-resource", "core"},
        {"x-ratelimit-reset", QByteArray::number(QDateTime::currentSecsSinceEpoch() + 30 * 86400)}};
    const QString farDate = QDateTime::currentDateTime().addDays(30).toString(u"yyyy-MM-dd"_s);
    const Fault secondary = Fault::withStatus(403, "You have exceeded a secondary rate limit.");
    QTest::newRow("429 retry-after 5") << Fault::withStatus(429, {}, 5) << false << 5 << u"in 5 second"_s;
    QTest::newRow("429 retry-after 60") << Fault::withStatus(429, {}, 60) << false << 5 << u"in 60 second"_s;
    QTest::newRow("429 retry-after 3600")
        << Fault::withStatus(429, {}, 3600) << false << 5 << u"in 3600 second"_s;
    QTest::newRow("429 retry-after absent") << Fault::withStatus(429) << false << 5 << u"in 60 second"_s;
    QTest::newRow("429 retry-after 2147483647")
        << Fault::withStatus(429, {}, 2147483647) << false << 5 << u"try again after"_s;
    QTest::newRow("secondary 403 without retry-after") << secondary << false << 5 << u"in 60 second"_s;
    QTest::newRow("reset 30 days ahead") << farReset << false << 5 << farDate;
    QTest::newRow("--wait, 429 retry-after 3600")
        << Fault::withStatus(429, {}, 3600) << true << 5 << u"--wait waits at most"_s;
    QTest::newRow("--wait, reset 30 days ahead") << farReset << true << 5 << farDate;
    QTest::newRow("--wait, 429 retry-after 1") << Fault::withStatus(429, {}, 1) << true << 0 << u"s left"_s;
}

// Without --wait a limit is one sentence and exit 5 at once; with it, a wait within the cap is one
// progress line and then the answer, and a longer one is refused at once with its time.
void TestCliCommands::rateLimits_failFastWithTheTimeOrWaitWithinTheCap()
{
    QFETCH(Fault, fault);
    QFETCH(bool, wait);
    QFETCH(int, exitCode);
    QFETCH(QString, sentence);
    m_fake->armFault(u"/users/octocat"_s, fault);
    QStringList arguments{u"api"_s, u"/users/octocat"_s};
    if (wait) {
        arguments.prepend(u"--wait"_s);
    }
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QCOMPARE(result.err.count(u'\n'), 1);
    QVERIFY2(result.err.contains(sentence), qPrintable(result.err));
    int requests = 0;
    for (const FakeGitHub::LoggedRequest &entry : m_fake->requestLog()) {
        requests += entry.path == u"/users/octocat"_s ? 1 : 0;
    }
    QCOMPARE(requests, exitCode == 0 ? 2 : 1);
}

void TestCliCommands::failingPage_oneLineAndNoMoreRequests()
{
    const QString path = u"/orgs/megacorp/repos"_s; // 50 pages
    m_fake->setLatency(30);
    bool armed = false;
    connect(m_fake.get(), &FakeGitHub::Server::requestLogged, this,
            [&](const FakeGitHub::LoggedRequest &request) {
                if (!armed && request.path == path) { // after the first page
                    armed = true;
                    m_fake->armFault(path, Fault::withStatus(404));
                }
            });
    const Run result = run({u"export"_s, u"repos"_s, u"megacorp"_s});
    QCOMPARE(result.exitCode, 3);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err.count(u'\n'), 1);
    QVERIFY2(result.err.startsWith(u"hubshelf: "_s), qPrintable(result.err));
    int requests = 0;
    for (const FakeGitHub::LoggedRequest &entry : m_fake->requestLog()) {
        requests += entry.path == path ? 1 : 0;
    }
    QVERIFY2(requests <= 1 + 2 * 4, qPrintable(QString::number(requests))); // the cap is 4
}

void TestCliCommands::linkAbuse_exit6WithOneSentence_data()
{
    QTest::addColumn<QByteArray>("link");
    QTest::addColumn<QString>("says");
    QTest::newRow("last of a million")
        << QByteArray("<API?page=2>; rel=\"next\", <API?page=1000000>; rel=\"last\"") << u"10,000"_s;
    QTest::newRow("last of 2147483647")
        << QByteArray("<API?page=2>; rel=\"next\", <API?page=2147483647>; rel=\"last\"") << u"10,000"_s;
    QTest::newRow("next to /etc/passwd") << QByteArray("<file:///etc/passwd>; rel=\"next\"") << u"file:"_s;
    QTest::newRow("next to another origin")
        << QByteArray("<http://127.0.0.1:9/x?page=2>; rel=\"next\"") << u"outside the API"_s;
}

void TestCliCommands::linkAbuse_exit6WithOneSentence()
{
    QFETCH(QByteArray, link);
    QFETCH(QString, says);
    const QString path = u"/orgs/megacorp/repos"_s;
    link.replace("API", QByteArray(m_fake->apiUrl().toEncoded() + path.toUtf8()));
    m_fake->armFault(path, Fault::withLink(link));
    const Run result = run({u"api"_s, path, u"--paginate"_s});
    QCOMPARE(result.exitCode, 6);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err.count(u'\n'), 1);
    QVERIFY2(result.err.contains(says), qPrintable(result.err));
    QCOMPARE(m_fake->requestLog().size(), 1);
}

void TestCliCommands::offline_afterAWarmRun_needsNoNetwork()
{
    const Run warm = run({u"export"_s, u"followers"_s, u"octocat"_s});
    QCOMPARE(warm.exitCode, 0);
    m_fake->clearRequestLog();
    m_fake->setMaxAge(0);
    const Run offline = run({u"--offline"_s, u"export"_s, u"followers"_s, u"octocat"_s});
    QCOMPARE(offline.exitCode, 0);
    QCOMPARE(offline.out, warm.out);
    QVERIFY(m_fake->requestLog().isEmpty());
    const Run miss = run({u"--offline"_s, u"export"_s, u"followers"_s, u"monalisa"_s});
    QCOMPARE(miss.exitCode, 6);
    QVERIFY(miss.err.contains(u"offline"_s));
    QVERIFY(m_fake->requestLog().isEmpty());
}

void TestCliCommands::verbose_showsMissThenRevalidated()
{
    m_fake->setMaxAge(0);
    const QString url = m_fake->apiUrl().toString() + u"/users/octocat/orgs?per_page=100"_s;
    const Run first = run({u"-v"_s, u"export"_s, u"orgs"_s, u"octocat"_s});
    QVERIFY2(QRegularExpression(u"^\\[GET\\] CACHE_MISS "_s + QRegularExpression::escape(url) +
                                u" 200 \\d+ms 4999/5000\n$"_s)
                 .match(first.err)
                 .hasMatch(),
             qPrintable(first.err));
    const Run second = run({u"-v"_s, u"export"_s, u"orgs"_s, u"octocat"_s});
    QVERIFY2(second.err.startsWith(u"[GET] CACHE_REVALIDATED "_s + url + u" 304 "_s), qPrintable(second.err));
    QCOMPARE(second.out, first.out);
}

void TestCliCommands::api_paginateJoinsEveryPage()
{
    const Run result = run({u"api"_s, u"/orgs/megacorp/members"_s, u"--paginate"_s});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), FakeGitHub::BigOrganizationMemberCount);
    const Run included = run({u"api"_s, u"users/octocat"_s, u"--include"_s});
    QCOMPARE(included.exitCode, 0);
    QVERIFY(included.out.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(!included.out.toLower().contains("\nauthorization:"));
    QVERIFY(!included.out.contains(FakeGitHub::Tokens::Octocat));
    QVERIFY(included.out.contains("\"login\":\"octocat\""));
}

void TestCliCommands::api_paginateOnAnObject_isAUsageError_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("a search's page") << QByteArray(
        R"({"total_count": 1, "incomplete_results": false, "items": [{"id": 1}]})");
    QTest::newRow("a single object") << QByteArray(R"({"login": "octocat"})");
}

// Decision (issue 11, item 5): --paginate joins arrays only; an object is exit 2, not a broken answer.
void TestCliCommands::api_paginateOnAnObject_isAUsageError()
{
    QFETCH(QByteArray, body);
    m_fake->armFault(u"/search/issues"_s, Fault::withBody(body));
    const Run result = run({u"api"_s, u"/search/issues?q=bug"_s, u"--paginate"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err.count(u'\n'), 1);
    QVERIFY2(result.err.contains(u"not a list"_s), qPrintable(result.err));
    QCOMPARE(m_fake->requestLog().size(), 1);
}

void TestCliCommands::api_paginateKeepsTheCallersPerPage()
{
    const QString followers = u"/users/octocat/followers"_s;
    const auto perPageAsked = [this, &followers] {
        QStringList sizes;
        const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
        for (const FakeGitHub::LoggedRequest &request : log) {
            if (request.path == followers) {
                const QUrl target(u"http://fake"_s + QString::fromLatin1(request.target));
                sizes.append(QUrlQuery(target).queryItemValue(u"per_page"_s));
            }
        }
        return sizes;
    };

    // Without a per_page of the caller's, a list is asked with GitHub's largest page.
    const Run whole = run({u"api"_s, followers, u"--paginate"_s});
    QCOMPARE(whole.exitCode, 0);
    const qsizetype count = QJsonDocument::fromJson(whole.out).array().size();
    QVERIFY(count >= FakeGitHub::OctocatFollowerCount);
    QCOMPARE(perPageAsked(), QStringList{u"100"_s});

    // A query the caller wrote is the caller's: three to a page, every page, the same items.
    m_fake->clearRequestLog();
    const Run small = run({u"--no-cache"_s, u"api"_s, followers + u"?per_page=3"_s, u"--paginate"_s});
    QCOMPARE(small.exitCode, 0);
    QCOMPARE(small.out, whole.out);
    QCOMPARE(perPageAsked(), QStringList((count + 2) / 3, u"3"_s));
}

void TestCliCommands::authStatus_namesTheSourceNeverTheToken()
{
    const Run status = run({u"auth"_s, u"status"_s});
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(status.out, QByteArray("127.0.0.1: logged in as octocat, token from environment\n"));
    QVERIFY(!status.out.contains(FakeGitHub::Tokens::Octocat));
    QVERIFY(!status.err.contains(QString::fromLatin1(FakeGitHub::Tokens::Octocat)));
    const Run bad = run({u"auth"_s, u"status"_s}, "ghp_not_a_real_token_1234567890");
    QCOMPARE(bad.exitCode, 4);
    QVERIFY(!bad.err.contains(u"ghp_not_a_real_token"_s));
}

void TestCliCommands::authLogin_storesInTheKeychainAndLogoutRemoves()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("No D-Bus session, so no Secret Service: run the tests through tests/run-in-session.sh.");
    }
    const auto runWithStdin = [this](const QStringList &arguments, const QByteArray &input) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_CACHE_HOME"_s, m_home->filePath(u"cache"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_home->filePath(u"config"_s));
        for (const QString &name : {u"GH_TOKEN"_s, u"GITHUB_TOKEN"_s, u"GH_ENTERPRISE_TOKEN"_s,
                                    u"GITHUB_ENTERPRISE_TOKEN"_s, u"QT_LOGGING_RULES"_s}) {
            environment.remove(name);
        }
        QProcess process;
        process.setProcessEnvironment(environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QString::fromUtf8(HUBSHELF_BINARY),
                      QStringList{u"--api-url"_s, m_fake->apiUrl().toString()} + arguments);
        process.write(input);
        process.closeWriteChannel();
        Run result;
        if (finished.wait(60000)) {
            result.exitCode = process.exitCode();
            result.out = process.readAllStandardOutput();
            result.err = QString::fromUtf8(process.readAllStandardError());
        }
        return result;
    };
    const QByteArray token = FakeGitHub::Tokens::Monalisa;
    const Run badToken = runWithStdin({u"auth"_s, u"login"_s, u"--with-token"_s}, "ghp_not_valid\n");
    QCOMPARE(badToken.exitCode, 4);
    const Run login = runWithStdin({u"auth"_s, u"login"_s, u"--with-token"_s}, token + '\n');
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));
    QVERIFY2(login.err.contains(u"as monalisa"_s) && login.err.contains(u"keychain"_s),
             qPrintable(login.err));
    const Run status = runWithStdin({u"auth"_s, u"status"_s}, {});
    QCOMPARE(status.out, QByteArray("127.0.0.1: logged in as monalisa, token from keychain\n"));
    const Run logout = runWithStdin({u"auth"_s, u"logout"_s}, {});
    QCOMPARE(logout.exitCode, 0);
    const Run after = runWithStdin({u"auth"_s, u"status"_s}, {});
    QCOMPARE(after.exitCode, 4);
    for (const Run &run : {badToken, login, status, logout, after}) {
        QVERIFY(!run.out.contains(token));
        QVERIFY(!run.err.contains(QString::fromLatin1(token)));
    }
}

void TestCliCommands::authStatus_signedOut_isAFailureOnStderr()
{
    const Run status = run({u"auth"_s, u"status"_s}, QByteArray());
    if (status.exitCode != 4 && qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("A token for 127.0.0.1 is in this session's keychain; the signed-out case cannot be shown.");
    }
    QCOMPARE(status.exitCode, 4);
    QVERIFY(status.out.isEmpty());
    QCOMPARE(status.err.count(u'\n'), 1);
    QVERIFY(status.err.contains(u"not logged in"_s));
}

void TestCliCommands::export_typeFiltersRepositories()
{
    const Run forks = run({u"export"_s, u"repos"_s, u"megacorp"_s, u"--type"_s, u"forks"_s, u"--columns"_s,
                           u"full_name,fork"_s});
    QCOMPARE(forks.exitCode, 0);
    const QList<QByteArray> rows = forks.out.trimmed().split('\n').mid(1);
    QVERIFY(rows.size() > 100 && rows.size() < FakeGitHub::BigOrganizationRepoCount);
    for (const QByteArray &row : rows) {
        QVERIFY2(row.trimmed().endsWith(",true"), row.constData());
    }
    QVERIFY(m_fake->requestLog().last().target.contains("type=forks"));
    // A user's list knows no "sources": asked for all, the forks are left out here.
    const Run sources = run({u"export"_s, u"repos"_s, u"octocat"_s, u"--type"_s, u"sources"_s});
    QCOMPARE(sources.exitCode, 0);
    QCOMPARE(sources.out.count('\n'), 3); // header, Hello-World, Spoon-Knife
    QVERIFY(m_fake->requestLog().last().target.contains("type=all"));
}

void TestCliCommands::stdoutThatCannotBeWritten_isAFailure()
{
    if (!QFile::exists(u"/dev/full"_s)) {
        QSKIP("This system has no /dev/full to make writes fail.");
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_CACHE_HOME"_s, m_home->filePath(u"cache"_s));
    environment.insert(u"GH_ENTERPRISE_TOKEN"_s, QString::fromLatin1(FakeGitHub::Tokens::Octocat));
    for (const QStringList &arguments :
         {QStringList{u"export"_s, u"gists"_s, u"octocat"_s}, QStringList{u"rate-limit"_s}}) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setStandardOutputFile(u"/dev/full"_s);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QString::fromUtf8(HUBSHELF_BINARY),
                      QStringList{u"--api-url"_s, m_fake->apiUrl().toString()} + arguments);
        QVERIFY(finished.wait(30000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardError().contains("standard output"));
    }
}

void TestCliCommands::rateLimit_listsEveryResource()
{
    QVERIFY(run({u"export"_s, u"orgs"_s, u"octocat"_s}).exitCode == 0);
    const Run table = run({u"rate-limit"_s});
    QCOMPARE(table.exitCode, 0);
    const QList<QByteArray> lines = table.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 4);
    QVERIFY(lines.first().startsWith("resource"));
    const QRegularExpression core(u"\\ncore +1/5000 +4999 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\n"_s);
    QVERIFY2(core.match(QString::fromUtf8(table.out)).hasMatch(), table.out.constData());
    const Run json = run({u"rate-limit"_s, u"--json"_s});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(json.out)
                 .object()
                 .value(u"resources"_s)
                 .toObject()
                 .value(u"core"_s)
                 .toObject()
                 .value(u"used"_s)
                 .toInt(),
             1);
    const Run offline = run({u"--offline"_s, u"rate-limit"_s});
    QCOMPARE(offline.exitCode, 6);
    QVERIFY(offline.out.isEmpty());
}

// An export and two `api` calls from the command line, and a window's list in between (this test's
// process, on the same cache file): `rate-limit --spend --json` sums them all, endpoint by endpoint,
// to the points the fake counted, and `--history` keeps the samples of both processes.
void TestCliCommands::rateLimitSpend_ofEveryProcess_sumsToTheServersCountPerEndpoint()
{
    QCOMPARE(
        run({u"export"_s, u"repos"_s, u"megacorp"_s, u"-o"_s, m_home->filePath(u"repos.csv"_s)}).exitCode, 0);
    const QString cachePath = QString::fromUtf8(run({u"cache"_s, u"path"_s}).out.trimmed());
    {
        Hubshelf::Cache::EtagCache cache(cachePath);
        QVERIFY(cache.open());
        QNetworkAccessManager network;
        Hubshelf::GitHub::Client client(&network, &cache, m_fake->apiUrl());
        client.setToken(FakeGitHub::Tokens::Octocat);
        Hubshelf::RateLimits::Ledger ledger(&cache, u"window"_s);
        ledger.track(&client);
        Hubshelf::GitHub::RequestOptions options;
        options.origin = u"Followers"_s;
        Hubshelf::GitHub::Request *request =
            client.get(client.endpoint(u"/users/octocat/followers"_s), options);
        QSignalSpy finished(request, &Hubshelf::GitHub::Request::finished);
        QVERIFY(finished.wait(20000));
    } // the ledger flushes as the window closes
    QCOMPARE(run({u"api"_s, u"/users/octocat"_s}).exitCode, 0);
    QCOMPARE(run({u"api"_s, u"/users/octocat"_s}).exitCode, 0); // fresh: saved

    const Run spend = run({u"rate-limit"_s, u"--spend"_s, u"--json"_s});
    QVERIFY2(spend.exitCode == 0, qPrintable(spend.err));
    const QJsonArray windows = QJsonDocument::fromJson(spend.out).object().value(u"windows"_s).toArray();
    QCOMPARE(windows.size(), 1);
    const QJsonObject core = windows.first().toObject();
    QCOMPARE(core.value(u"resource"_s).toString(), u"core"_s);
    QHash<QString, int> recorded;
    QHash<QString, int> saved;
    QSet<QString> origins;
    for (const QJsonValue &row : core.value(u"endpoints"_s).toArray()) {
        const QJsonObject object = row.toObject();
        recorded[object.value(u"endpoint"_s).toString()] += object.value(u"points"_s).toInt();
        saved[object.value(u"endpoint"_s).toString()] += object.value(u"saved"_s).toInt();
        origins.insert(object.value(u"origin"_s).toString());
    }
    const QHash<QString, QString> templateOf = {
        {u"/orgs/megacorp/repos"_s, u"/orgs/{org}/repos"_s},
        {u"/users/megacorp"_s, u"/users/{username}"_s},
        {u"/users/octocat"_s, u"/users/{username}"_s},
        {u"/users/octocat/followers"_s, u"/users/{username}/followers"_s}};
    QHash<QString, int> counted;
    for (const FakeGitHub::LoggedRequest &request : m_fake->requestLog()) {
        if (request.spentPoint) {
            QVERIFY2(templateOf.contains(request.path), qPrintable(request.path));
            counted[templateOf.value(request.path)] += 1;
        }
    }
    QCOMPARE(recorded, counted);
    QCOMPARE(core.value(u"points"_s).toInt(), m_fake->pointsUsed(u"octocat"_s));
    QCOMPARE(core.value(u"used"_s).toInt(), m_fake->pointsUsed(u"octocat"_s));
    QCOMPARE(saved.value(u"/users/{username}"_s), 1);
    QVERIFY2(origins.contains(u"hubshelf export repos"_s), qPrintable(origins.values().join(u", "_s)));
    QVERIFY2(origins.contains(u"window · Followers"_s), qPrintable(origins.values().join(u", "_s)));
    QVERIFY2(origins.contains(u"hubshelf api"_s), qPrintable(origins.values().join(u", "_s)));
    QVERIFY(!spend.out.contains(FakeGitHub::Tokens::Octocat));

    const Run table = run({u"rate-limit"_s, u"--spend"_s});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.startsWith(QByteArray("core: " + QByteArray::number(m_fake->pointsUsed(u"octocat"_s)) +
                                             " of 5000 used")),
             table.out.constData());
    QVERIFY2(table.out.contains("/orgs/{org}/repos"), table.out.constData());

    const Run history = run({u"--offline"_s, u"rate-limit"_s, u"--history"_s, u"--json"_s});
    QVERIFY2(history.exitCode == 0, qPrintable(history.err));
    QSet<QString> processes;
    for (const QJsonValue &sample : QJsonDocument::fromJson(history.out).array()) {
        processes.insert(sample.toObject().value(u"process"_s).toString());
        QCOMPARE(sample.toObject().value(u"resource"_s).toString(), u"core"_s);
    }
    QVERIFY2(processes.contains(u"window"_s) && processes.contains(u"hubshelf export repos"_s),
             qPrintable(processes.values().join(u", "_s)));

    const Run both = run({u"rate-limit"_s, u"--spend"_s, u"--history"_s});
    QCOMPARE(both.exitCode, 2);
    QVERIFY(both.out.isEmpty());
}

void TestCliCommands::cacheCommands_reportClearAndLocate()
{
    const Run path = run({u"cache"_s, u"path"_s});
    QCOMPARE(path.exitCode, 0);
    QVERIFY(path.out.startsWith(m_home->filePath(u"cache"_s).toUtf8()));
    QVERIFY(run({u"export"_s, u"orgs"_s, u"octocat"_s}).exitCode == 0);
    QVERIFY(run({u"export"_s, u"orgs"_s, u"octocat"_s}).exitCode == 0); // a fresh hit
    const Run stats = run({u"cache"_s, u"stats"_s, u"--json"_s});
    QCOMPARE(stats.exitCode, 0);
    const QJsonObject numbers = QJsonDocument::fromJson(stats.out).object();
    QCOMPARE(numbers.value(u"entries"_s).toInt(), 1);
    QCOMPARE(numbers.value(u"misses"_s).toInt(), 1);
    QCOMPARE(numbers.value(u"fresh_hits"_s).toInt(), 1);
    QVERIFY(numbers.value(u"bytes_saved"_s).toInt() > 0);
    const Run clear = run({u"cache"_s, u"clear"_s});
    QCOMPARE(clear.exitCode, 0);
    QCOMPARE(clear.err, u"Cleared 1 cached response.\n"_s);
    QCOMPARE(QJsonDocument::fromJson(run({u"cache"_s, u"stats"_s, u"--json"_s}).out)
                 .object()
                 .value(u"entries"_s)
                 .toInt(),
             0);
}

// The window's Settings dialog stores the cap; the CLI used to ignore it and evict at 256 MiB.
void TestCliCommands::cacheSizeCap_fromTheUsersSettings_isHonoured()
{
    constexpr qint64 MiB = 1024 * 1024;
    constexpr int capMiB = 16; // the smallest cap the settings allow
    // 20 MiB of older answers in the CLI's own cache file, more than the cap holds.
    const Run path = run({u"cache"_s, u"path"_s});
    QCOMPARE(path.exitCode, 0);
    {
        Hubshelf::Cache::EtagCache cache(QString::fromUtf8(path.out).trimmed());
        QVERIFY(cache.open());
        // Random bytes: the cache compresses bodies, and these keep their size.
        QByteArray filler(int(MiB), Qt::Uninitialized);
        QRandomGenerator generator(11);
        for (char &byte : filler) {
            byte = char(generator.bounded(256));
        }
        for (int i = 0; i < 20; ++i) {
            Hubshelf::Cache::CachedResponse entry;
            entry.url = "http://127.0.0.1/filler/" + QByteArray::number(i);
            entry.variant = "application/vnd.github+json";
            entry.identity = "anon";
            entry.etag = "\"filler\"";
            entry.contentType = "application/json";
            entry.fetchedAt = QDateTime::currentDateTimeUtc().addDays(-1);
            entry.lastUsed = entry.fetchedAt;
            entry.body = filler;
            QVERIFY(cache.store(entry));
        }
        QVERIFY(cache.totalBodyBytes() > capMiB * MiB);
    }
    {
        // Where QSettings keeps the application's file under XDG_CONFIG_HOME.
        QSettings settings(m_home->filePath(u"config/Hubshelf/hubshelf.conf"_s), QSettings::NativeFormat);
        settings.setValue(u"cache/sizeLimitMiB"_s, capMiB);
    }

    QCOMPARE(run({u"export"_s, u"orgs"_s, u"octocat"_s}).exitCode, 0);
    const Run stats = run({u"cache"_s, u"stats"_s, u"--json"_s});
    QCOMPARE(stats.exitCode, 0);
    const QJsonObject numbers = QJsonDocument::fromJson(stats.out).object();
    QCOMPARE(numbers.value(u"size_limit_bytes"_s).toInteger(), capMiB * MiB);
    const qint64 kept = numbers.value(u"body_bytes"_s).toInteger();
    QVERIFY2(kept <= capMiB * MiB, qPrintable(QString::number(kept)));
    QVERIFY(kept > 0); // the export's answer, the most recently used, is still there
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "test_cli_commands.moc"
