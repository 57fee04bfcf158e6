// bench_serve: `hubshelf serve` under load. 32 clients (one keep-alive connection each) send 500 GETs
// each over a warm cache, for a small answer (one repository) and a large one (a page of 100
// repositories); prints requests per second, latency percentiles, errors and the server's peak RSS.
// The mirror, the fake GitHub and this client run as three processes.

#include "clirun.h"
#include "fakegithubprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// One client: a keep-alive connection that sends its next GET when the last answer is whole.
class LoadClient final : public QObject
{
    Q_OBJECT

public:
    LoadClient(quint16 port, QByteArray path, int requests, std::vector<qint64> &latenciesNs)
        : m_path(std::move(path))
        , m_remaining(requests)
        , m_port(port)
        , m_latenciesNs(latenciesNs)
    {
        connect(&m_socket, &QTcpSocket::connected, this, &LoadClient::sendNext);
        connect(&m_socket, &QTcpSocket::readyRead, this, &LoadClient::read);
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
            ++m_errors;
            Q_EMIT done();
        });
    }

    void start() { m_socket.connectToHost(u"127.0.0.1"_s, m_port); }
    int errors() const { return m_errors; }
    qint64 bytes() const { return m_bytes; }

Q_SIGNALS:
    void done();

private:
    void sendNext()
    {
        if (m_remaining-- <= 0) {
            m_socket.disconnectFromHost();
            Q_EMIT done();
            return;
        }
        m_timer.start();
        m_socket.write("GET " + m_path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port) +
                       "\r\nUser-Agent: bench_serve\r\nAccept: application/vnd.github+json\r\n\r\n");
    }

    void read()
    {
        m_buffer += m_socket.readAll();
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return;
        }
        const QByteArray head = m_buffer.left(headEnd).toLower();
        const qsizetype at = head.indexOf("\r\ncontent-length:");
        const qint64 length =
            at < 0 ? 0 : head.mid(at + 17, head.indexOf('\r', at + 2) - at - 17).trimmed().toLongLong();
        if (m_buffer.size() < headEnd + 4 + length) {
            return;
        }
        m_latenciesNs.push_back(m_timer.nsecsElapsed());
        if (!head.startsWith("http/1.1 200")) {
            ++m_errors;
        }
        m_bytes += length;
        m_buffer.remove(0, headEnd + 4 + length);
        sendNext();
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_path;
    int m_remaining;
    quint16 m_port;
    int m_errors = 0;
    qint64 m_bytes = 0;
    QElapsedTimer m_timer;
    std::vector<qint64> &m_latenciesNs;
};

double percentileMs(std::vector<qint64> sorted, double p)
{
    if (sorted.empty()) {
        return 0;
    }
    std::sort(sorted.begin(), sorted.end());
    const size_t index = std::min(sorted.size() - 1, size_t(p * double(sorted.size())));
    return double(sorted[index]) / 1e6;
}

// The mirror's first stdout line names its URL; the log goes to a file so that nothing waits on
// this process to read it.
quint16 waitForPort(const QString &logFile)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 10000) {
        QFile log(logFile);
        if (log.open(QIODevice::ReadOnly)) {
            const QByteArray first = log.readLine().trimmed();
            if (first.startsWith("listening on ")) {
                return quint16(first.mid(first.lastIndexOf(':') + 1).toUInt());
            }
        }
        QThread::msleep(20);
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    FakeGitHubProcess::addOptions(parser);
    parser.addOptions({
        QCommandLineOption(u"hubshelf"_s, u"The hubshelf executable."_s, u"path"_s,
                           QStringLiteral(HUBSHELF_BINARY)),
        QCommandLineOption(u"clients"_s, u"Concurrent clients."_s, u"n"_s, u"32"_s),
        QCommandLineOption(u"requests"_s, u"GETs per client."_s, u"n"_s, u"500"_s),
    });
    parser.process(app);
    const int clients = parser.value(u"clients"_s).toInt();
    const int requests = parser.value(u"requests"_s).toInt();

    FakeGitHubProcess fake;
    if (!fake.start(parser, 3600)) { // within max-age: the warm cache answers without GitHub
        std::fprintf(stderr, "bench_serve: the fake GitHub did not start\n");
        return 1;
    }
    QTemporaryDir home;
    const QString logFile = home.filePath(u"serve.log"_s);
    QProcess serve;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    serve.setProcessEnvironment(environment);
    serve.setStandardOutputFile(logFile);
    serve.start(parser.value(u"hubshelf"_s),
                {u"serve"_s, u"--port"_s, u"0"_s, u"--max-connections"_s, QString::number(clients + 8),
                 u"--api-url"_s, fake.apiUrl().toString(), u"--cache-db"_s,
                 home.filePath(u"cache.sqlite"_s)});
    const quint16 port = waitForPort(logFile);
    if (port == 0) {
        std::fprintf(stderr, "bench_serve: hubshelf serve did not start\n");
        return 1;
    }

    struct Scenario
    {
        const char *name;
        QByteArray path;
    };
    const Scenario scenarios[] = {
        {"one repository (small)", "/repos/octocat/Hello-World"},
        {"100 repositories (large)", "/orgs/megacorp/repos?per_page=100&page=7"},
    };
    std::printf("hubshelf serve, warm cache, %d clients x %d GETs, keep-alive\n\n", clients, requests);
    std::printf("%-26s | %9s | %8s | %9s | %7s | %7s | %7s | %6s | %8s\n", "answer", "bytes", "wall s",
                "req/s", "p50 ms", "p99 ms", "max ms", "errors", "RSS MiB");
    for (const Scenario &scenario : scenarios) {
        std::vector<qint64> warm;
        { // one GET fills the cache
            LoadClient first(port, scenario.path, 1, warm);
            QEventLoop loop;
            QObject::connect(&first, &LoadClient::done, &loop, &QEventLoop::quit);
            first.start();
            loop.exec();
        }
        std::vector<std::vector<qint64>> latencies(static_cast<size_t>(clients));
        std::vector<std::unique_ptr<LoadClient>> load;
        int running = clients;
        QEventLoop loop;
        for (int i = 0; i < clients; ++i) {
            latencies[size_t(i)].reserve(size_t(requests));
            load.push_back(std::make_unique<LoadClient>(port, scenario.path, requests, latencies[size_t(i)]));
            QObject::connect(load.back().get(), &LoadClient::done, &loop, [&running, &loop] {
                if (--running == 0) {
                    loop.quit();
                }
            });
        }
        QElapsedTimer wall;
        wall.start();
        for (const auto &client : load) {
            client->start();
        }
        loop.exec();
        const double seconds = double(wall.nsecsElapsed()) / 1e9;
        std::vector<qint64> all;
        int errors = 0;
        qint64 bytes = 0;
        for (size_t i = 0; i < load.size(); ++i) {
            all.insert(all.end(), latencies[i].begin(), latencies[i].end());
            errors += load[i]->errors();
            bytes += load[i]->bytes();
        }
        const qint64 answered = qint64(all.size());
        std::printf("%-26s | %9lld | %8.2f | %9.0f | %7.2f | %7.2f | %7.2f | %6d | %8.1f\n", scenario.name,
                    answered ? bytes / answered : 0LL, seconds, double(answered) / seconds,
                    percentileMs(all, 0.50), percentileMs(all, 0.99), percentileMs(all, 1.0),
                    errors + int(qint64(clients) * requests - answered),
                    double(CliTest::peakRssKb(serve.processId())) / 1024);
    }

    serve.terminate();
    serve.waitForFinished(15000);
    QFile log(logFile);
    if (!log.open(QIODevice::ReadOnly)) {
        return 1;
    }
    const QByteArray logged = log.readAll();
    std::printf("\nthe mirror's log: %lld CACHE_HIT, %lld CACHE_MISS; exit code %d after SIGTERM\n",
                qint64(logged.count("] CACHE_HIT ")), qint64(logged.count("] CACHE_MISS ")),
                serve.exitCode());
    return 0;
}

#include "bench_serve.moc"
