// `hubshelf serve` as a program: the built binary started headless against the fake GitHub, used
// over loopback with http and https, and stopped with SIGTERM.

#include "clirun.h"
#include "fakegithub.h"
#include "serveprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

using CliTest::Answer;

namespace {

#ifdef HUBSHELF_SANITIZED
constexpr qint64 PeakRssBoundMb = 400; // ASan's shadow memory and quarantine
#else
constexpr qint64 PeakRssBoundMb = 150;
#endif

} // namespace

class TestCliServe final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void serve_mirrorsUntilSigtermThenExitsCleanly();
    void serve_overTls();
    void serve_curlThroughTheMirror();
    void serve_gistsApi();
    void serve_monthlyNewContributors();
    void serve_theCliThroughItsOwnMirror();
    void serve_abuseIsRefusedAndOthersAreStillServed();
    void serve_tenThousandIdleConnectionsAreBoundedAndOthersServed();
    void serve_aSlowClientIsTimedOutWhileOthersAreServed();
    void serve_badOptionsAreUsageErrors_data();
    void serve_badOptionsAreUsageErrors();
    void serve_aPortInUseIsOneSentence();

private:
    // Starts `hubshelf serve --port 0 ARGS` and returns the URL of its first line.
    QUrl start(const QStringList &arguments) { return m_serve->start(m_fake->apiUrl(), *m_home, arguments); }
    Answer get(const QUrl &url, const QByteArray &token = {}) { return CliTest::get(m_network, url, token); }
    int stop() { return m_serve->stop(); }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<CliTest::ServeProcess> m_serve;
    QNetworkAccessManager m_network;
};

void TestCliServe::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_serve = std::make_unique<CliTest::ServeProcess>();
}

void TestCliServe::cleanup()
{
    m_serve.reset();
    m_fake.reset();
    m_home.reset();
}

void TestCliServe::serve_mirrorsUntilSigtermThenExitsCleanly()
{
    const QUrl base = start({});
    QVERIFY(base.isValid());
    QCOMPARE(base.host(), u"127.0.0.1"_s); // loopback unless asked
    QVERIFY(base.port() > 0);
    const QUrl repository = base.resolved(QUrl(u"/repos/octocat/Hello-World"_s));
    const Answer first = get(repository, FakeGitHub::Tokens::Octocat);
    QCOMPARE(first.status, 200);
    QCOMPARE(QJsonDocument::fromJson(first.body).object().value(u"url"_s).toString(), repository.toString());
    const Answer second = get(repository, FakeGitHub::Tokens::Octocat);
    QCOMPARE(second.cacheStatus, "hubshelf; hit");
    const QJsonObject stats = QJsonDocument::fromJson(get(base.resolved(QUrl(u"/stats"_s))).body).object();
    QCOMPARE(stats.value(u"cache_hit"_s).toInt(), 1);
    QCOMPARE(stats.value(u"cache_miss"_s).toInt(), 1);
    QCOMPARE(stop(), 0);
    const QByteArray log = m_serve->process().readAllStandardOutput();
    QVERIFY2(log.contains(QByteArray("[GET] CACHE_MISS " + m_fake->apiUrl().toEncoded() +
                                     "/repos/octocat/Hello-World 200")),
             log.constData());
    QVERIFY(log.contains("[GET] CACHE_HIT "));
    // Each cache line is followed by the request's access line: peer, request, status, bytes, time.
    const QList<QByteArray> lines = log.split('\n');
    const auto hitLine = std::find_if(lines.cbegin(), lines.cend(), [](const QByteArray &line) {
        return line.startsWith("[GET] CACHE_HIT ");
    });
    const qsizetype hit = hitLine - lines.cbegin();
    QVERIFY(hit > 0 && hit + 1 < lines.size());
    const QRegularExpression access(uR"(^127\.0\.0\.1 "GET /repos/octocat/Hello-World" 200 \d+ \d+ ms$)"_s);
    QVERIFY2(access.match(QString::fromUtf8(lines.at(hit + 1))).hasMatch(), lines.at(hit + 1).constData());
    QVERIFY(log.contains("127.0.0.1 \"GET /stats\" 200 "));
    QVERIFY(!log.contains(FakeGitHub::Tokens::Octocat));
    QVERIFY(!m_serve->process().readAllStandardError().contains(FakeGitHub::Tokens::Octocat));
}

// curl as a script would use it: a GET twice (the second a hit), HEAD, /stats, and a POST that
// passes through. Its output is the wire's, so the headers are checked as a client reads them.
void TestCliServe::serve_curlThroughTheMirror()
{
    const QString curl = QStandardPaths::findExecutable(u"curl"_s);
    if (curl.isEmpty()) {
        QSKIP("curl is not installed (packaging/install-deps.sh installs it)");
    }
    const QUrl base = start({});
    QVERIFY(base.isValid());
    const auto run = [&curl](const QStringList &arguments) {
        QProcess process;
        process.start(curl, QStringList{u"--silent"_s, u"--show-error"_s, u"--include"_s} + arguments);
        // The fake GitHub answers on this thread: wait with its events running.
        const bool ended =
            QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 20000);
        return ended ? process.readAllStandardOutput() : QByteArray("curl did not finish");
    };
    const QString authorization =
        u"Authorization: token "_s + QString::fromLatin1(FakeGitHub::Tokens::Octocat);
    const QString repository = base.resolved(QUrl(u"/repos/octocat/Hello-World"_s)).toString();
    const QByteArray first = run({u"-H"_s, authorization, repository});
    QVERIFY2(first.startsWith("HTTP/1.1 200 "), first.left(200).constData());
    QVERIFY(first.contains("\r\ncache-status: hubshelf; fwd=uri-miss; stored\r\n") ||
            first.contains("\r\nCache-Status: hubshelf; fwd=uri-miss; stored\r\n"));
    const QByteArray second = run({u"-H"_s, authorization, repository});
    QVERIFY2(second.contains("Cache-Status: hubshelf; hit\r\n"), second.left(600).constData());
    QCOMPARE(second.mid(second.indexOf("\r\n\r\n")), first.mid(first.indexOf("\r\n\r\n")));
    const QByteArray head = run({u"--head"_s, u"-H"_s, authorization, repository});
    QVERIFY(head.startsWith("HTTP/1.1 200 "));
    QVERIFY(head.endsWith("\r\n\r\n")); // headers only
    const QByteArray markdown =
        run({u"-H"_s, authorization, u"-H"_s, u"Content-Type: text/plain"_s, u"--data-binary"_s,
             u"**bold**"_s, base.resolved(QUrl(u"/markdown/raw"_s)).toString()});
    QVERIFY2(markdown.startsWith("HTTP/1.1 200 ") && markdown.endsWith("<p>**bold**</p>\n"),
             markdown.constData());
    const QByteArray stats = run({base.resolved(QUrl(u"/stats"_s)).toString()});
    const QJsonObject counts = QJsonDocument::fromJson(stats.mid(stats.indexOf("\r\n\r\n") + 4)).object();
    QCOMPARE(counts.value(u"cache_miss"_s).toInt(), 1);
    QCOMPARE(counts.value(u"cache_hit"_s).toInt(), 2); // the second GET and the HEAD
    QCOMPARE(counts.value(u"passed_through"_s).toInt(), 1);
    QCOMPARE(stop(), 0);
}

void TestCliServe::serve_overTls()
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty()) {
        QSKIP("openssl is not installed: no certificate can be made for the test");
    }
    const QString certificate = m_home->filePath(u"cert.pem"_s);
    const QString key = m_home->filePath(u"key.pem"_s);
    QProcess makeCertificate;
    makeCertificate.start(openssl,
                          {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                           u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"1"_s, u"-subj"_s,
                           u"/CN=127.0.0.1"_s, u"-keyout"_s, key, u"-out"_s, certificate});
    QVERIFY(makeCertificate.waitForFinished(30000));
    QCOMPARE(makeCertificate.exitCode(), 0);
    const QUrl base = start({u"--tls-cert"_s, certificate, u"--tls-key"_s, key});
    QCOMPARE(base.scheme(), u"https"_s);
    const Answer answer = get(base.resolved(QUrl(u"/users/octocat"_s)), FakeGitHub::Tokens::Octocat);
    QCOMPARE(answer.status, 200);
    QVERIFY(
        QJsonDocument::fromJson(answer.body).object().value(u"url"_s).toString().startsWith(u"https://"_s));
    // Plain http to the https port is not served.
    QUrl plain = base;
    plain.setScheme(u"http"_s);
    QVERIFY(get(plain.resolved(QUrl(u"/users/octocat"_s))).status != 200);
    QCOMPARE(stop(), 0);
}

void TestCliServe::serve_theCliThroughItsOwnMirror()
{
    const QUrl mirror = start({});
    QVERIFY(mirror.isValid());
    QTemporaryDir clientHome; // the client's own cache: every request reaches the mirror
    const QStringList export_ = {u"--no-cache"_s, u"export"_s, u"repos"_s, u"megacorp"_s};
    const CliTest::Run first = CliTest::runHubshelf(mirror, clientHome, export_, FakeGitHub::Tokens::Octocat);
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.out.count("\r\n"), 5001); // the header and 5,000 repositories
    const qsizetype upstream = m_fake->requestLog().size();
    const CliTest::Run second =
        CliTest::runHubshelf(mirror, clientHome, export_, FakeGitHub::Tokens::Octocat);
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(second.out, first.out);
    QCOMPARE(m_fake->requestLog().size(), upstream); // the second export cost GitHub nothing
    QCOMPARE(m_fake->requestLog().last().login, FakeGitHub::Names::Octocat); // as the client's identity
    QCOMPARE(stop(), 0);
}

void TestCliServe::serve_gistsApi()
{
    const QUrl base = start({u"--gists-api"_s});
    QVERIFY(base.isValid());
    const Answer gists = get(base.resolved(QUrl(u"/octocat"_s)));
    QCOMPARE(gists.status, 200);
    QVERIFY(QJsonDocument::fromJson(gists.body).isArray());
    QVERIFY(!QJsonDocument::fromJson(gists.body).array().isEmpty());
    QCOMPARE(get(base.resolved(QUrl(u"/healthz"_s))).status, 200);
    const qsizetype upstream = m_fake->requestLog().size();
    QCOMPARE(get(base.resolved(QUrl(u"/-not-a-login"_s))).status, 400);
    QCOMPARE(m_fake->requestLog().size(), upstream);
    QCOMPARE(stop(), 0);
}

void TestCliServe::serve_monthlyNewContributors()
{
    qputenv("HUBSHELF_STATISTICS_RETRY_MS", "20"); // the always-computing repository's 202s: 0.6 s, not 31
    for (const QStringList &mode : {QStringList{}, QStringList{u"--gists-api"_s}}) {
        const QUrl base = start(mode);
        QVERIFY(base.isValid());
        const Answer answer = get(base.resolved(QUrl(u"/monthly_new_contributors/constellation"_s)),
                                  FakeGitHub::Tokens::Octocat);
        QCOMPARE(answer.status, 200);
        // The oracle's months (tests/fakegithub/insights_oracle.py), as `insights contributors --format
        // json`.
        QFile golden(QStringLiteral(HUBSHELF_GOLDEN_DIR) + u"/insights/constellation-contributors.json"_s);
        QVERIFY(golden.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(answer.body), QJsonDocument::fromJson(golden.readAll()));
        const qsizetype upstream = m_fake->requestLog().size();
        QCOMPARE(get(base.resolved(QUrl(u"/monthly_new_contributors/-not-a-login"_s))).status, 400);
        QCOMPARE(m_fake->requestLog().size(), upstream);
        QCOMPARE(get(base.resolved(QUrl(u"/monthly_new_contributors/no-such-owner"_s))).status, 404);
        QCOMPARE(stop(), 0);
        m_fake->clearRequestLog();
    }
}

namespace {

// Sends raw bytes on a socket of its own and returns what came back once the server closed it.
QByteArray rawExchange(const QUrl &base, const QByteArray &bytes)
{
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    if (!socket.waitForConnected(5000)) {
        return {};
    }
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { received += socket.readAll(); });
    socket.write(bytes);
    if (!QTest::qWaitFor([&socket] { return socket.state() == QAbstractSocket::UnconnectedState; }, 20000)) {
        qWarning("the server kept the connection open");
    }
    return received;
}

} // namespace

void TestCliServe::serve_abuseIsRefusedAndOthersAreStillServed()
{
    const QUrl base = start({u"--max-connections"_s, u"50"_s});
    QVERIFY(base.isValid());
    const QByteArray host = "Host: 127.0.0.1\r\n";
    // Not an open proxy: an absolute target and CONNECT are refused, nothing goes upstream.
    QVERIFY(rawExchange(base, "GET http://example.com/ HTTP/1.1\r\n" + host + "\r\n")
                .startsWith("HTTP/1.1 400 "));
    QVERIFY(rawExchange(base, "CONNECT example.com:443 HTTP/1.1\r\n" + host + "\r\n")
                .startsWith("HTTP/1.1 405 "));
    // A 1 MB header is refused once it passes the bound, not read to its end.
    const QByteArray huge =
        "GET /users/octocat HTTP/1.1\r\n" + host + "X-Big: " + QByteArray(1024 * 1024, 'a');
    QVERIFY(rawExchange(base, huge).startsWith("HTTP/1.1 431 "));
    QVERIFY(m_fake->requestLog().isEmpty());
    QCOMPARE(stop(), 0);
}

void TestCliServe::serve_tenThousandIdleConnectionsAreBoundedAndOthersServed()
{
    constexpr int Flood = 10000;
    constexpr int Cap = 50;
    // Each of the test's own sockets is a descriptor too.
    rlimit limit{};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
    const rlim_t needed = Flood + 1024;
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < needed) {
        QSKIP(qPrintable(u"the hard limit on open files (%1) is below the %2 this test holds"_s
                             .arg(quint64(limit.rlim_max))
                             .arg(quint64(needed))));
    }
    if (limit.rlim_cur < needed) {
        limit.rlim_cur = needed;
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &limit), 0);
    }
    const QUrl base = start({u"--max-connections"_s, u"%1"_s.arg(Cap)});
    QVERIFY(base.isValid());
    const auto unconnected = [](const std::vector<std::unique_ptr<QTcpSocket>> &sockets) {
        return std::count_if(sockets.cbegin(), sockets.cend(), [](const auto &socket) {
            return socket->state() == QAbstractSocket::UnconnectedState;
        });
    };
    // Connections that never send a byte, opened in waves that the kernel's queue can hold; the test
    // keeps every one open from its side.
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    idle.reserve(Flood);
    for (int wave = 0; wave < Flood / 500; ++wave) {
        for (int i = 0; i < 500; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(base.host(), quint16(base.port()));
        }
        QVERIFY2(QTest::qWaitFor([&] { return qsizetype(unconnected(idle)) >= qsizetype(idle.size()) - Cap; },
                                 30000),
                 qPrintable(u"after %1 connections, %2 are still held"_s.arg(idle.size())
                                .arg(qsizetype(idle.size()) - qsizetype(unconnected(idle)))));
    }
    // Bounded: the server holds at most its cap. While the flood holds on, a client is served.
    QVERIFY(qsizetype(unconnected(idle)) >= Flood - Cap);
    QCOMPARE(get(base.resolved(QUrl(u"/users/octocat"_s))).status, 200);
    QCOMPARE(get(base.resolved(QUrl(u"/users/octocat"_s))).status, 200);
    const qint64 peakKb = CliTest::peakRssKb(m_serve->process().processId());
    qInfo("serve's peak RSS after %d idle connections: %.1f MiB", Flood, double(peakKb) / 1024);
    QVERIFY2(peakKb > 0 && peakKb < PeakRssBoundMb * 1024, qPrintable(u"%1 kB"_s.arg(peakKb)));
    idle.clear();
    QCOMPARE(stop(), 0);
}

void TestCliServe::serve_aSlowClientIsTimedOutWhileOthersAreServed()
{
    const QUrl base = start({});
    QVERIFY(base.isValid());
    // A request head that trickles in, a byte every 300 ms, never finished (slowloris).
    QTcpSocket slow;
    slow.connectToHost(base.host(), quint16(base.port()));
    QVERIFY(slow.waitForConnected(5000));
    const QByteArray head =
        "GET /users/octocat HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + QByteArray(200, 'z');
    QElapsedTimer trickling;
    trickling.start();
    QTimer drip;
    qsizetype sent = 0;
    connect(&drip, &QTimer::timeout, &slow, [&slow, &head, &sent] {
        if (sent < head.size() && slow.state() == QAbstractSocket::ConnectedState) {
            slow.write(head.mid(sent++, 1));
        }
    });
    drip.start(300);
    // Others are served meanwhile, at once.
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(get(base.resolved(QUrl(u"/users/octocat"_s))).status, 200);
    }
    // The server's bound for a request to arrive (10 s from its first byte) ends it with a 408.
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += slow.readAll()).startsWith("HTTP/1.1 408 ") &&
                                 slow.state() == QAbstractSocket::UnconnectedState,
                             30000);
    QVERIFY2(trickling.elapsed() < 25000, QByteArray::number(trickling.elapsed()).constData());
    QCOMPARE(stop(), 0);
}

void TestCliServe::serve_badOptionsAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("port too big") << QStringList{u"serve"_s, u"--port"_s, u"70000"_s} << u"--port takes"_s;
    QTest::newRow("not an address") << QStringList{u"serve"_s, u"--listen"_s, u"localhost;rm"_s}
                                    << u"--listen takes"_s;
    QTest::newRow("key without certificate")
        << QStringList{u"serve"_s, u"--tls-key"_s, u"k.pem"_s} << u"go together"_s;
    QTest::newRow("an argument") << QStringList{u"serve"_s, u"now"_s} << u"serve takes no argument"_s;
    QTest::newRow("zero connections")
        << QStringList{u"serve"_s, u"--max-connections"_s, u"0"_s} << u"--max-connections takes"_s;
    QTest::newRow("serve's option elsewhere")
        << QStringList{u"api"_s, u"/users/octocat"_s, u"--port"_s, u"1"_s} << u"does not apply"_s;
}

void TestCliServe::serve_badOptionsAreUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, sentence);
    const CliTest::Run run = CliTest::runHubshelf(m_fake->apiUrl(), *m_home, arguments, {});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(sentence), qPrintable(run.err));
    QCOMPARE(run.err.count(u'\n'), 1);
    QVERIFY(m_fake->requestLog().isEmpty());
}

void TestCliServe::serve_aPortInUseIsOneSentence()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    const CliTest::Run run =
        CliTest::runHubshelf(m_fake->apiUrl(), *m_home,
                             QStringList{u"serve"_s, u"--port"_s, QString::number(taken.serverPort())}, {});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(u"hubshelf: cannot listen on 127.0.0.1:"_s), qPrintable(run.err));
    QCOMPARE(run.err.count(u'\n'), 1);
}

QTEST_GUILESS_MAIN(TestCliServe)
#include "test_cli_serve.moc"
