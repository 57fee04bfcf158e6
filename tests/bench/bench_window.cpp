// bench_window: the whole window against the standalone fake GitHub (its own process, so that
// none of its work runs on the GUI thread). Prints tables; asserts nothing.
//
//   bench_window [--fakegithub PATH] [--latency-ms 100]
//
// Enter on the 5,000-repository organization: time to the first row painted and to every row
// shown, and the longest stall of the GUI event loop meanwhile, with a cold and a warm cache.
// The 20,000 pull requests of megacorp/monorepo and the 100,000 of hyperscale/core (--skip-huge leaves
// them out), cold and warm: the load, then sorting by title and filtering by a word. VmRSS after each
// part, VmHWM at the end.

#include "auth/tokenstore.h"
#include "auth/tokenvalidator.h"
#include "cache/etagcache.h"
#include "fakegithub.h"
#include "fakegithubprocess.h"
#include "github/client.h"
#include "github/error.h"
#include "images/avatarloader.h"
#include "models/githublistmodel.h"
#include "models/listloader.h"
#include "models/listproxymodel.h"
#include "models/requestlogmodel.h"
#include "ui/explorerview.h"
#include "ui/listpane.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcessEnvironment>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Hubshelf;

namespace {

constexpr int LoadTimeoutMs = 90000;
constexpr int StallIntervalMs = 10;

double toMs(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}

// A field of /proc/self/status ("VmRSS", "VmHWM") in MiB; -1 where there is none.
double statusMiB(const QByteArray &field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return -1;
    }
    const QByteArray prefix = field + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix)) {
            const QByteArray kib = line.mid(prefix.size()).trimmed().split(' ').value(0);
            return kib.toDouble() / 1024.0;
        }
    }
    return -1;
}

// A timer that measures its own lateness: each tick's lateness beyond its interval is how long the
// event loop was busy with something else; their 99th percentile and maximum are the stalls.
class StallMeter
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(StallIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_lateness.push_back(std::max(qint64(0), now - m_last - qint64(StallIntervalMs) * 1000000));
            m_last = now;
        });
    }

    void start()
    {
        m_lateness.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    // The 99th percentile and the longest lateness in ms, the wait still running at the moment of
    // stopping included.
    std::pair<double, double> stop()
    {
        m_timer.stop();
        m_lateness.push_back(
            std::max(qint64(0), m_clock.nsecsElapsed() - m_last - qint64(StallIntervalMs) * 1000000));
        std::sort(m_lateness.begin(), m_lateness.end());
        const std::size_t p99 = std::min(m_lateness.size() - 1, m_lateness.size() * 99 / 100);
        return {toMs(m_lateness.at(p99)), toMs(m_lateness.back())};
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<qint64> m_lateness;
};

// Watches the list pane's paints (application-wide filter) and times the end of each: a paint is
// performed inside the filter and then swallowed, so that "shown" means painted, not scheduled.
class PaintProbe final : public QObject
{
public:
    PaintProbe(Ui::ListPane *pane, const QElapsedTimer *clock)
        : m_pane(pane)
        , m_clock(clock)
    {
        QObject::connect(pane->proxyModel(), &QAbstractItemModel::rowsInserted, this, [this] {
            if (m_armed) {
                m_rowsSeen = true;
            }
        });
        QObject::connect(pane, &Ui::ListPane::loadingFinished, this, [this] {
            if (m_armed) {
                m_finishedSeen = true;
            }
        });
    }

    void arm()
    {
        m_armed = true;
        m_rowsSeen = false;
        m_finishedSeen = false;
        m_firstRowShown = -1;
        m_allRowsShown = -1;
    }
    void disarm() { m_armed = false; }

    bool finishedSeen() const { return m_finishedSeen; }
    qint64 firstRowShown() const { return m_firstRowShown; }
    qint64 allRowsShown() const { return m_allRowsShown; }
    int viewportPaints() const { return m_viewportPaints; }
    qint64 lastViewportPaint() const { return m_lastViewportPaint; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_painting || !watched->isWidgetType()) {
            return false;
        }
        auto *widget = static_cast<QWidget *>(watched);
        if (widget != m_pane && !m_pane->isAncestorOf(widget)) {
            return false;
        }
        m_painting = true;
        QCoreApplication::sendEvent(watched, event);
        m_painting = false;
        const qint64 now = m_clock->nsecsElapsed();
        const bool viewport = widget == m_pane->view()->viewport();
        if (viewport) {
            ++m_viewportPaints;
            m_lastViewportPaint = now;
        }
        if (m_armed) {
            if (viewport && m_rowsSeen && m_firstRowShown < 0 && m_pane->proxyModel()->rowCount() > 0) {
                m_firstRowShown = now;
            }
            if (m_finishedSeen && m_allRowsShown < 0) {
                m_allRowsShown = now;
            }
        }
        return true;
    }

private:
    Ui::ListPane *m_pane = nullptr;
    const QElapsedTimer *m_clock = nullptr;
    bool m_armed = false;
    bool m_painting = false;
    bool m_rowsSeen = false;
    bool m_finishedSeen = false;
    qint64 m_firstRowShown = -1;
    qint64 m_allRowsShown = -1;
    int m_viewportPaints = 0;
    qint64 m_lastViewportPaint = -1;
};

struct Load
{
    double firstRowMs = -1;
    double allRowsMs = -1;
    double stallP99Ms = -1;
    double stallMs = -1;
    int requests = 0;
    int rows = 0;
    double rssMiB = -1;
};

class Bench
{
public:
    Bench(Ui::MainWindow *window, GitHub::Client *client, const QElapsedTimer *clock)
        : m_window(window)
        , m_client(client)
        , m_clock(clock)
        , m_probe(window->explorer()->listPane(), clock)
    {
        QCoreApplication::instance()->installEventFilter(&m_probe);
        QObject::connect(pane(), &Ui::ListPane::loadFailed, &m_probe,
                         [this](const GitHub::Error &error) { m_failure = error.message(); });
        QObject::connect(window->explorer(), &Ui::ExplorerView::failed, &m_probe,
                         [this](const GitHub::Error &error) { m_failure = error.message(); });
        QObject::connect(client, &GitHub::Client::requestLogged, &m_probe,
                         [this](const GitHub::RequestLogEntry &entry) { m_requests += entry.status > 0; });
    }

    Ui::ListPane *pane() const { return m_window->explorer()->listPane(); }
    const QString &failure() const { return m_failure; }
    int requests() const { return m_requests; }

    // Runs the event loop (never sleeping in it, which the stall meter would count) until `done`.
    bool waitUntil(const std::function<bool()> &done, int timeoutMs = LoadTimeoutMs)
    {
        QEventLoop loop;
        QTimer poll;
        poll.setInterval(5);
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (done() || !m_failure.isEmpty()) {
                loop.quit();
            }
        });
        QTimer timeout;
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        if (done()) {
            return true;
        }
        poll.start();
        timeout.start(timeoutMs);
        loop.exec();
        return done();
    }

    // Ctrl+L and the address typed; Return is left to the caller, to be timed.
    QLineEdit *typeAddress(const QString &address)
    {
        auto *field = m_window->findChild<QLineEdit *>(u"addressField"_s);
        if (!field) {
            return nullptr;
        }
        QTest::keyClick(m_window, Qt::Key_L, Qt::ControlModifier);
        QTest::keyClicks(field, address);
        return field;
    }

    // Times one list load started by `trigger`, until every row is shown.
    std::optional<Load> timeLoad(const std::function<void()> &trigger)
    {
        m_failure.clear();
        m_probe.arm();
        m_requests = 0;
        const qint64 t0 = m_clock->nsecsElapsed();
        m_stall.start();
        trigger();
        const bool shown = waitUntil([this] { return m_probe.allRowsShown() >= 0; });
        Load load;
        std::tie(load.stallP99Ms, load.stallMs) = m_stall.stop();
        m_probe.disarm();
        if (!shown) {
            if (m_failure.isEmpty()) {
                m_failure = m_probe.finishedSeen() ? u"the complete list was never painted"_s
                                                   : u"the list did not finish loading in time"_s;
            }
            return std::nullopt;
        }
        load.firstRowMs = m_probe.firstRowShown() >= 0 ? toMs(m_probe.firstRowShown() - t0) : -1;
        load.allRowsMs = toMs(m_probe.allRowsShown() - t0);
        load.requests = m_requests;
        load.rows = pane()->sourceModel() ? pane()->sourceModel()->rowCount() : 0;
        load.rssMiB = statusMiB(QByteArrayLiteral("VmRSS"));
        return load;
    }

    // `operation`'s own duration and the time until the list's viewport has been repainted.
    std::pair<double, double> timeOperation(const std::function<void()> &operation)
    {
        const int paintsBefore = m_probe.viewportPaints();
        const qint64 t0 = m_clock->nsecsElapsed();
        operation();
        const double own = toMs(m_clock->nsecsElapsed() - t0);
        const bool painted = waitUntil([&] { return m_probe.viewportPaints() > paintsBefore; }, 5000);
        return {own, painted ? toMs(m_probe.lastViewportPaint() - t0) : -1.0};
    }

private:
    Ui::MainWindow *m_window = nullptr;
    GitHub::Client *m_client = nullptr;
    const QElapsedTimer *m_clock = nullptr;
    PaintProbe m_probe;
    StallMeter m_stall;
    QString m_failure;
    int m_requests = 0;
};

QString number(double value, int decimals)
{
    return value < 0 ? u"-"_s : QString::number(value, 'f', decimals);
}

int fail(const QString &sentence)
{
    QTextStream(stderr) << "bench_window: " << sentence << '\n';
    return 1;
}

} // namespace

// The pages of megacorp's repositories as the warm load reads them, fetched apart and parsed with
// QJsonDocument alone: the floor the issue measures a warm reopen against. Nothing on failure.
std::optional<std::pair<double, qint64>> rawParse(const QUrl &api, int pages)
{
    QNetworkAccessManager network;
    std::vector<QByteArray> bodies;
    for (int page = 1; page <= pages; ++page) {
        QUrl url = api;
        url.setPath(url.path() + u"/orgs/megacorp/repos"_s);
        url.setQuery(u"per_page=100&page=%1"_s.arg(page));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", QByteArray("Bearer ") + FakeGitHub::Tokens::Octocat);
        QNetworkReply *reply = network.get(request);
        QEventLoop wait;
        QObject::connect(reply, &QNetworkReply::finished, &wait, &QEventLoop::quit);
        wait.exec();
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            return std::nullopt;
        }
        bodies.push_back(reply->readAll());
    }
    // Three times, the median printed: one pass alone came out anywhere from 102 to 189 ms between
    // runs on the same machine.
    qint64 bytes = 0;
    std::vector<double> times;
    for (int round = 0; round < 3; ++round) {
        bytes = 0;
        QElapsedTimer clock;
        clock.start();
        for (const QByteArray &body : bodies) {
            if (QJsonDocument::fromJson(body).array().size() != 100) {
                return std::nullopt;
            }
            bytes += body.size();
        }
        times.push_back(toMs(clock.nsecsElapsed()));
    }
    std::sort(times.begin(), times.end());
    return std::pair{times[1], bytes};
}

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"HubshelfBench"_s);
    QCoreApplication::setApplicationName(u"bench_window"_s);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    // Hermetic settings: default header states, window geometry and preferences.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();

    QCommandLineParser parser;
    FakeGitHubProcess::addOptions(parser);
    parser.addOption({u"skip-huge"_s, u"Leaves out the 100,000 pull requests of hyperscale/core."_s});
    parser.addHelpOption();
    parser.process(app);

    // max-age 60 s, as GitHub's: the warm run comes well within it and makes no request.
    FakeGitHubProcess fake;
    if (!fake.start(parser, 60)) {
        return fail(u"fakegithub did not start."_s);
    }
    const QUrl api = fake.apiUrl();

    QTemporaryDir dir;
    if (!dir.isValid()) {
        return fail(u"no temporary folder for the cache."_s);
    }
    QNetworkAccessManager network;
    Cache::EtagCache cache(dir.filePath(u"cache.sqlite"_s));
    if (!cache.open()) {
        return fail(u"the ETag cache did not open."_s);
    }
    // Room for every list of the bench at once, so that the warm runs are warm: 100,000 pull
    // requests alone are 1,000 pages.
    cache.setSizeLimit(qint64(4) << 30);
    GitHub::Client client(&network, &cache, api);
    Models::RequestLogModel requestLog;
    requestLog.track(&client);
    // The token as an Enterprise user's would come: from the environment, so no keychain.
    Auth::TokenStore tokens(u"hubshelf-bench-window"_s);
    QProcessEnvironment environment;
    environment.insert(u"GH_ENTERPRISE_TOKEN"_s, QString::fromLatin1(FakeGitHub::Tokens::Octocat));
    tokens.setEnvironment(environment);
    QNetworkAccessManager imageNetwork;
    Images::AvatarLoader avatars(&imageNetwork);

    Auth::TokenValidator validator(&network);
    Ui::MainWindow window({&client, &cache, &requestLog, &tokens, &validator, &avatars});
    window.resize(1280, 800);
    window.show();
    window.activateWindow();
    if (!QTest::qWaitForWindowExposed(&window)) {
        return fail(u"the window was never exposed."_s);
    }

    QElapsedTimer clock;
    clock.start();
    Bench bench(&window, &client, &clock);
    if (!bench.waitUntil([&] { return client.hasToken(); }, 10000)) {
        return fail(u"the environment's token never reached the client."_s);
    }
    QTest::qWait(500); // the account's own requests (GET /user, the avatar) settle first

    QTextStream out(stdout);
    out << "bench_window: fakegithub --latency-ms " << FakeGitHubProcess::latency(parser)
        << " (own process), window 1280x800 offscreen, Fusion; stall = lateness of a " << StallIntervalMs
        << " ms timer, its 99th percentile (p99) and maximum\n\n";
    out << QString(u"%1 %2 %3 %4 %5 %6 %7 %8\n"_s)
               .arg(u"list load"_s, -40)
               .arg(u"first row ms"_s, 13)
               .arg(u"all rows ms"_s, 12)
               .arg(u"stall p99"_s, 9)
               .arg(u"stall max"_s, 9)
               .arg(u"requests"_s, 9)
               .arg(u"rows"_s, 7)
               .arg(u"RSS MiB"_s, 8);
    out.flush();
    const auto loadRow = [&](const QString &name, const Load &load) {
        out << QString(u"%1 %2 %3 %4 %5 %6 %7 %8\n"_s)
                   .arg(name, -40)
                   .arg(number(load.firstRowMs, 0), 13)
                   .arg(number(load.allRowsMs, 0), 12)
                   .arg(number(load.stallP99Ms, 1), 9)
                   .arg(number(load.stallMs, 1), 9)
                   .arg(load.requests, 9)
                   .arg(load.rows, 7)
                   .arg(number(load.rssMiB, 1), 8);
        out.flush();
    };
    const auto pressReturn = [&](QLineEdit *field) {
        return [field] { QTest::keyClick(field, Qt::Key_Return); };
    };

    // 1 and 2: Enter on the organization, cold and then warm.
    double warmAllRowsMs = 0;
    for (const QString &name : {u"megacorp repos, cold cache"_s, u"megacorp repos, warm cache (fresh)"_s}) {
        QLineEdit *field = bench.typeAddress(u"megacorp"_s);
        if (!field) {
            return fail(u"the window has no address field."_s);
        }
        const std::optional<Load> load = bench.timeLoad(pressReturn(field));
        if (!load) {
            return fail(u"megacorp's repositories did not load: %1."_s.arg(bench.failure()));
        }
        loadRow(name, *load);
        warmAllRowsMs = load->allRowsMs;
    }
    if (const auto parse = rawParse(api, 50)) {
        out << QString(u"  raw parse of the same 50 pages (%1 MiB) with QJsonDocument alone (median of 3): "
                       u"%2 ms; the warm "
                       u"load's all rows took %3x that\n"_s)
                   .arg(number(double(parse->second) / (1 << 20), 1), number(parse->first, 0),
                        number(warmAllRowsMs / parse->first, 2));
        out.flush();
    } else {
        return fail(u"megacorp's pages could not be fetched for the raw parse."_s);
    }

    // The same revisit after max-age: the saved rows show at once, and 50 conditional requests
    // (free 304s with a token) revalidate them behind.
    client.setClock([] { return QDateTime::currentDateTimeUtc().addSecs(120); });
    {
        QLineEdit *again = bench.typeAddress(u"megacorp"_s);
        const qint64 before = clock.nsecsElapsed();
        const std::optional<Load> stale = bench.timeLoad(pressReturn(again));
        if (!stale) {
            return fail(u"megacorp's repositories did not load past max-age: %1."_s.arg(bench.failure()));
        }
        loadRow(u"megacorp repos, warm cache (past max-age)"_s, *stale);
        Models::ListLoader *loader = bench.pane()->loader();
        if (!bench.waitUntil([loader] { return !loader->isRevalidating(); })) {
            return fail(u"the revalidation behind megacorp's repositories did not end."_s);
        }
        out << QString(u"  then revalidated behind it in %1 ms after Enter: %2 requests, %3 rows\n"_s)
                   .arg(number(toMs(clock.nsecsElapsed() - before), 0))
                   .arg(bench.requests())
                   .arg(bench.pane()->sourceModel()->rowCount());
        out.flush();
    }
    client.setClock(Core::systemClock());

    // 3 and 4: a repository opens on its open pull requests; then "All" of them, cold; then again,
    // warm (the cache within max-age); then sorting and filtering every row, as the pane does them.
    const auto pullRequests = [&](const QString &repository, int expected) -> int {
        const auto openAll = [&](const QString &name) -> std::optional<Load> {
            QLineEdit *field = bench.typeAddress(repository);
            const std::optional<Load> open = bench.timeLoad(pressReturn(field));
            if (!open) {
                fail(u"%1's open pull requests did not load: %2."_s.arg(repository, bench.failure()));
                return std::nullopt;
            }
            loadRow(u"%1 open, %2"_s.arg(repository, name), *open);
            QComboBox *state = window.explorer()->pullStateBox();
            const int allIndex = state->findData(u"all"_s); // after Open, Closed and Merged
            const std::optional<Load> all = bench.timeLoad([state, allIndex] {
                state->setCurrentIndex(allIndex);
                Q_EMIT state->activated(allIndex);
            });
            if (!all || all->rows != expected) {
                fail(
                    u"%1's pull requests (all) did not load: %2 (%3 rows)."_s.arg(repository, bench.failure())
                        .arg(all ? all->rows : 0));
                return std::nullopt;
            }
            loadRow(u"%1 all, %2"_s.arg(repository, name), *all);
            return all;
        };
        if (!openAll(u"cold"_s) || !openAll(u"warm"_s)) {
            return 1;
        }

        Ui::ListPane *pane = bench.pane();
        Models::ListProxyModel *proxy = pane->proxyModel();
        const int titleSection = pane->sourceModel()->columnNamed(u"title"_s);
        if (titleSection < 0) {
            return fail(u"the pull request list has no title column."_s);
        }
        out << '\n'
            << QString(u"%1 %2 %3 %4 %5\n"_s)
                   .arg(u"on %1 pull requests"_s.arg(QLocale(QLocale::English).toString(expected)), -40)
                   .arg(u"own ms"_s, 13)
                   .arg(u"+ paint ms"_s, 12)
                   .arg(u"rows"_s, 9)
                   .arg(u"RSS MiB"_s, 8);
        const auto operationRow = [&](const QString &name, const std::pair<double, double> &times) {
            out << QString(u"%1 %2 %3 %4 %5\n"_s)
                       .arg(name, -40)
                       .arg(number(times.first, 1), 13)
                       .arg(number(times.second, 1), 12)
                       .arg(proxy->rowCount(), 9)
                       .arg(number(statusMiB(QByteArrayLiteral("VmRSS")), 1), 8);
            out.flush();
        };
        QTableView *view = pane->view();
        operationRow(u"sort by title, ascending"_s,
                     bench.timeOperation([&] { view->sortByColumn(titleSection, Qt::AscendingOrder); }));
        operationRow(u"sort by title, descending"_s,
                     bench.timeOperation([&] { view->sortByColumn(titleSection, Qt::DescendingOrder); }));
        // What ListPane::applyFilter does once the 150 ms typing pause is over.
        operationRow(u"filter \"cache\" (sorted)"_s,
                     bench.timeOperation([&] { proxy->setFilterText(u"cache"_s); }));
        operationRow(u"clear the filter (sorted)"_s, bench.timeOperation([&] { proxy->setFilterText({}); }));
        view->sortByColumn(-1, Qt::AscendingOrder);
        out << '\n';
        return 0;
    };
    out << '\n';
    if (pullRequests(u"megacorp/monorepo"_s, 20000) != 0) {
        return 1;
    }
    if (!parser.isSet(u"skip-huge"_s) && pullRequests(u"hyperscale/core"_s, 100000) != 0) {
        return 1;
    }

    out << "\npeak memory (VmHWM): " << number(statusMiB(QByteArrayLiteral("VmHWM")), 1) << " MiB\n";
    out.flush();
    return 0;
}
