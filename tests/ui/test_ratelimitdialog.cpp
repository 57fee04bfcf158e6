#include "cache/etagcache.h"
#include "darkpalette.h"
#include "fakegithub.h"
#include "github/client.h"
#include "github/request.h"
#include "models/ratelimithistory.h"
#include "models/roles.h"
#include "models/spendmodel.h"
#include "ratelimits/ledger.h"
#include "ui/ratelimitchart.h"
#include "ui/ratelimitdialog.h"
#include "ui/spendpanel.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

using Hubshelf::Ui::RateLimitDialog;

namespace {

// An answer that cost a point of the core limit, as the client logs it.
Hubshelf::GitHub::RequestLogEntry spentOn(const QString &endpoint, const QByteArray &identity)
{
    Hubshelf::GitHub::RequestLogEntry entry;
    entry.status = 200;
    entry.resource = QStringLiteral("core");
    entry.endpoint = endpoint;
    entry.identity = identity;
    entry.charge = Hubshelf::GitHub::PointCharge::Spent;
    return entry;
}

} // namespace

class TestRateLimitDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void dialog_isNonModalWithTitle();
    void show_fetchesRateLimitAndFillsARowPerResource();
    void coreBar_showsUsedOfLimit();
    void countdown_followsTheClock();
    void countdownTimer_runsOnlyWhileVisible();
    void refreshButton_fetchesAgain();
    void requests_addStepsToTheChart();
    void history_ofEveryProcessAndTheSpend_fromTheLedger();
    void projection_saidAtAFastPaceOnly();
    void failingFetch_showsTheErrorLine();
    void screenshot_aDayOfHistoryAndTheSpend();

private:
    static int rateLimitRequests(const FakeGitHub::Server &fake);
    static int rowOf(const QTableWidget *table, const QString &resource);
    void getAndWait(const QString &path);
    void showAndWaitForRows(RateLimitDialog &dialog);

    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Hubshelf::GitHub::Client> m_client;
};

void TestRateLimitDialog::initTestCase()
{
    QApplication::setQuitOnLastWindowClosed(false);
}

void TestRateLimitDialog::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<Hubshelf::GitHub::Client>(m_network.get(), nullptr, m_fake->apiUrl());
    m_client->setToken(FakeGitHub::Tokens::Octocat);
}

void TestRateLimitDialog::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_fake.reset();
}

int TestRateLimitDialog::rateLimitRequests(const FakeGitHub::Server &fake)
{
    int count = 0;
    const QList<FakeGitHub::LoggedRequest> log = fake.requestLog();
    for (const FakeGitHub::LoggedRequest &request : log) {
        if (request.path == u"/rate_limit"_s) {
            ++count;
        }
    }
    return count;
}

int TestRateLimitDialog::rowOf(const QTableWidget *table, const QString &resource)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *item = table->item(row, RateLimitDialog::ResourceColumn);
        if (item && item->text() == resource) {
            return row;
        }
    }
    return -1;
}

void TestRateLimitDialog::getAndWait(const QString &path)
{
    Hubshelf::GitHub::Request *request = m_client->get(m_client->endpoint(path));
    QSignalSpy finished(request, &Hubshelf::GitHub::Request::finished);
    QVERIFY(finished.wait(10000));
}

void TestRateLimitDialog::showAndWaitForRows(RateLimitDialog &dialog)
{
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isFetching(), 10000);
    const auto *table = dialog.findChild<QTableWidget *>(u"rateLimitTable"_s);
    QVERIFY(table);
    QVERIFY(table->rowCount() > 0);
}

void TestRateLimitDialog::dialog_isNonModalWithTitle()
{
    RateLimitDialog dialog(m_client.get());
    QCOMPARE(dialog.objectName(), u"rateLimitDialog"_s);
    QCOMPARE(dialog.windowTitle(), u"Rate limit"_s);
    QVERIFY(!dialog.isModal());
    QVERIFY(dialog.findChild<QPushButton *>(u"rateLimitRefresh"_s));
    // Nothing is asked before the dialog is shown.
    QCOMPARE(rateLimitRequests(*m_fake), 0);
}

void TestRateLimitDialog::show_fetchesRateLimitAndFillsARowPerResource()
{
    RateLimitDialog dialog(m_client.get());
    showAndWaitForRows(dialog);
    QCOMPARE(rateLimitRequests(*m_fake), 1);

    const auto *table = dialog.findChild<QTableWidget *>(u"rateLimitTable"_s);
    const QList<Hubshelf::GitHub::RateLimit> all = m_client->rateLimits()->all();
    QVERIFY2(all.size() >= 5, qPrintable(QString::number(all.size())));
    QCOMPARE(table->rowCount(), int(all.size()));
    for (const QString &resource : {u"core"_s, u"search"_s, u"graphql"_s}) {
        QVERIFY2(rowOf(table, resource) >= 0, qPrintable(resource));
    }
    QCOMPARE(rowOf(table, u"core"_s), 0); // the one everybody spends comes first
    for (const Hubshelf::GitHub::RateLimit &limit : all) {
        const int row = rowOf(table, limit.resource);
        QVERIFY2(row >= 0, qPrintable(limit.resource));
        QCOMPARE(table->item(row, RateLimitDialog::RemainingColumn)->text(),
                 QLocale().toString(limit.remaining));
        QVERIFY(table->item(row, RateLimitDialog::ResetColumn)->text().startsWith(u"resets in "_s));
        QVERIFY(qobject_cast<QProgressBar *>(table->cellWidget(row, RateLimitDialog::UsageColumn)));
    }
    QVERIFY(dialog.findChild<QLabel *>(u"rateLimitError"_s)->isHidden());
}

void TestRateLimitDialog::coreBar_showsUsedOfLimit()
{
    getAndWait(u"/users/octocat"_s);
    getAndWait(u"/users/octocat/gists"_s);

    RateLimitDialog dialog(m_client.get());
    showAndWaitForRows(dialog);

    const Hubshelf::GitHub::RateLimit core = m_client->rateLimits()->limit(u"core"_s);
    QVERIFY(core.isKnown());
    QVERIFY(core.used >= 2);
    auto *bar = dialog.findChild<QProgressBar *>(u"usage_core"_s);
    QVERIFY(bar);
    QCOMPARE(bar->maximum(), core.limit);
    QCOMPARE(bar->value(), core.used);
    QCOMPARE(bar->text(), u"%1 of %2 used"_s.arg(core.used).arg(core.limit));
}

void TestRateLimitDialog::countdown_followsTheClock()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    RateLimitDialog dialog(m_client.get());
    dialog.setClock([&now] { return now; });
    showAndWaitForRows(dialog);

    const auto *table = dialog.findChild<QTableWidget *>(u"rateLimitTable"_s);
    const int row = rowOf(table, u"core"_s);
    QVERIFY(row >= 0);
    const QDateTime reset = m_client->rateLimits()->limit(u"core"_s).reset;
    QVERIFY(reset > now);
    const QString before = table->item(row, RateLimitDialog::ResetColumn)->text();

    now = reset.addSecs(-(12 * 60 + 34));
    dialog.updateCountdowns();
    QCOMPARE(table->item(row, RateLimitDialog::ResetColumn)->text(), u"resets in 12:34"_s);
    QVERIFY(before != table->item(row, RateLimitDialog::ResetColumn)->text());

    // The timer picks up the clock by itself, too.
    now = reset.addSecs(-61);
    QTRY_COMPARE_WITH_TIMEOUT(table->item(row, RateLimitDialog::ResetColumn)->text(), u"resets in 1:01"_s,
                              3000);

    now = reset.addSecs(5);
    dialog.updateCountdowns();
    QCOMPARE(table->item(row, RateLimitDialog::ResetColumn)->text(), u"reset"_s);
}

void TestRateLimitDialog::countdownTimer_runsOnlyWhileVisible()
{
    RateLimitDialog dialog(m_client.get());
    auto *timer = dialog.findChild<QTimer *>(u"rateLimitCountdownTimer"_s);
    QVERIFY(timer);
    QVERIFY(!timer->isActive());
    showAndWaitForRows(dialog);
    QVERIFY(timer->isActive());
    dialog.hide();
    QVERIFY(!timer->isActive());
}

void TestRateLimitDialog::refreshButton_fetchesAgain()
{
    RateLimitDialog dialog(m_client.get());
    showAndWaitForRows(dialog);
    QCOMPARE(rateLimitRequests(*m_fake), 1);

    auto *refresh = dialog.findChild<QPushButton *>(u"rateLimitRefresh"_s);
    QVERIFY(refresh->isEnabled());
    refresh->click();
    QVERIFY(dialog.isFetching());
    QVERIFY(!refresh->isEnabled());
    refresh->click(); // disabled: no second request while one is under way
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isFetching(), 10000);
    QVERIFY(refresh->isEnabled());
    QCOMPARE(rateLimitRequests(*m_fake), 2);
}

void TestRateLimitDialog::requests_addStepsToTheChart()
{
    RateLimitDialog dialog(m_client.get()); // no ledger: this session's samples
    showAndWaitForRows(dialog);
    QCOMPARE(dialog.shownResource(), u"core"_s);
    const int before = int(dialog.chart()->sessionPoints().size());
    QVERIFY(before >= 1); // the /rate_limit body itself

    getAndWait(u"/users/octocat"_s);
    getAndWait(u"/users/octocat/gists"_s);

    const QList<QPointF> session = dialog.chart()->sessionPoints();
    QCOMPARE(int(session.size()), before + 2);
    const Hubshelf::GitHub::RateLimit core = m_client->rateLimits()->limit(u"core"_s);
    const QList<QPointF> steps = dialog.chart()->remainingPoints();
    QVERIFY(steps.size() >= session.size());
    QCOMPARE(session.last().y(), qreal(core.remaining));
    QVERIFY(session.last().y() < session.first().y());
    // A step: the count before a sample holds until the sample's time. Over the last 24 hours
    // the line then goes on to now, when now is a millisecond or more past the sample.
    const QPointF step(session.last().x(), session.at(session.size() - 2).y());
    QVERIFY(steps.contains(step));
    QCOMPARE(steps.last().y(), session.last().y());
    QVERIFY(steps.indexOf(step) >= steps.size() - 3);
    QVERIFY(dialog.spendPanel()->summaryText().contains(u"cache database"_s));
}

// Yesterday's export and this window's requests in one chart, this window's marked; the spend
// table holds what each endpoint spent.
void TestRateLimitDialog::history_ofEveryProcessAndTheSpend_fromTheLedger()
{
    QTemporaryDir home;
    Hubshelf::Cache::EtagCache cache(home.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    m_client = std::make_unique<Hubshelf::GitHub::Client>(m_network.get(), &cache, m_fake->apiUrl());
    m_client->setToken(FakeGitHub::Tokens::Octocat);
    const QByteArray me = m_client->identity();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        QDateTime then = now.addSecs(-5 * 3600);
        Hubshelf::RateLimits::Ledger earlier(&cache, u"hubshelf export repos"_s);
        earlier.setClock([&then] { return then; });
        const Hubshelf::GitHub::RequestLogEntry entry = spentOn(u"/orgs/{org}/repos"_s, me);
        for (int used = 1; used <= 3; ++used) {
            earlier.record(entry, {u"core"_s, 5000, 5000 - used * 100, used * 100, then.addSecs(1800)});
            then = then.addSecs(60);
        }
    }
    {
        Hubshelf::RateLimits::Ledger ledger(&cache, u"window"_s);
        ledger.track(m_client.get());
        Hubshelf::Models::RateLimitHistory history(&ledger, m_client.get());
        RateLimitDialog dialog(m_client.get(), &history);
        showAndWaitForRows(dialog);
        getAndWait(u"/users/octocat"_s);
        getAndWait(u"/users/octocat/gists"_s);
        getAndWait(u"/users/octocat"_s); // fresh: saved
        QVERIFY(ledger.flush());
        QTRY_VERIFY(dialog.spendPanel()->model()->rowCount() >= 2);

        const QList<QPointF> session = dialog.chart()->sessionPoints();
        const QList<QPointF> steps = dialog.chart()->remainingPoints();
        QVERIFY(!session.isEmpty());
        QVERIFY2(steps.size() > session.size() * 2, qPrintable(QString::number(steps.size())));
        QCOMPARE(steps.first().y(), 4900.0); // the export's first sample, five hours ago
        QCOMPARE(session.last().y(), qreal(m_client->rateLimits()->limit(u"core"_s).remaining));

        Hubshelf::Models::SpendModel *spend = dialog.spendPanel()->model();
        QHash<QString, qint64> points;
        QHash<QString, qint64> saved;
        for (int row = 0; row < spend->rowCount(); ++row) {
            const QString endpoint =
                spend->index(row, Hubshelf::Models::SpendModel::EndpointColumn).data().toString();
            points[endpoint] += spend->index(row, Hubshelf::Models::SpendModel::PointsColumn)
                                    .data(Hubshelf::Models::SortRole)
                                    .toLongLong();
            saved[endpoint] += spend->index(row, Hubshelf::Models::SpendModel::SavedColumn)
                                   .data(Hubshelf::Models::SortRole)
                                   .toLongLong();
        }
        QCOMPARE(points.value(u"/users/{username}"_s), 1);
        QCOMPARE(points.value(u"/users/{username}/gists"_s), 1);
        QCOMPARE(saved.value(u"/users/{username}"_s), 1);
        QVERIFY2(dialog.spendPanel()->summaryText().contains(u"Hubshelf spent 2"_s),
                 qPrintable(dialog.spendPanel()->summaryText()));
        QVERIFY(dialog.spendPanel()->projectionText().isEmpty()); // two points an hour is safe

        // The window under way only: the export's window has reset.
        auto *span = dialog.findChild<QComboBox *>(u"rateLimitSpan"_s);
        QVERIFY(span);
        span->setCurrentIndex(0);
        QCOMPARE(dialog.chart()->remainingPoints().size(), dialog.chart()->sessionPoints().size() * 2 - 1);
    }
    m_client.reset();
}

void TestRateLimitDialog::projection_saidAtAFastPaceOnly()
{
    QTemporaryDir home;
    Hubshelf::Cache::EtagCache cache(home.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    m_client = std::make_unique<Hubshelf::GitHub::Client>(m_network.get(), &cache, m_fake->apiUrl());
    m_client->setToken(FakeGitHub::Tokens::Octocat);
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-300);
    QDateTime now = start;
    Hubshelf::RateLimits::Ledger ledger(&cache, u"window"_s);
    ledger.setClock([&now] { return now; });
    const Hubshelf::GitHub::RequestLogEntry entry = spentOn(u"/orgs/{org}/repos"_s, m_client->identity());
    const QDateTime reset = start.addSecs(40 * 60);
    for (int minute = 0; minute <= 5; ++minute) { // 300 points a minute, 1,700 left: out in under 6 minutes
        now = start.addSecs(minute * 60);
        const int used = 1500 + minute * 300;
        ledger.record(entry, {u"core"_s, 5000, 5000 - used, used, reset});
    }
    QVERIFY(ledger.flush());
    Hubshelf::Models::RateLimitHistory history(&ledger, m_client.get());
    history.setClock([&now] { return now; });
    RateLimitDialog dialog(m_client.get(), &history);
    dialog.setClock([&now] { return now; });
    history.reload();
    const QString sentence = dialog.spendPanel()->projectionText();
    QVERIFY2(sentence.contains(u"runs out at"_s), qPrintable(sentence));
    QVERIFY2(sentence.contains(reset.toLocalTime().toString(u"HH:mm"_s)), qPrintable(sentence));
    QVERIFY(!dialog.spendPanel()->findChild<QLabel *>(u"spendProjection"_s)->isHidden());

    // The same window, at a slow pace since: nothing to say.
    for (int minute = 6; minute <= 16; ++minute) {
        now = start.addSecs(minute * 60);
        ledger.record(entry, {u"core"_s, 5000, 5000 - 3000 - minute, 3000 + minute, reset});
    }
    QVERIFY(ledger.flush());
    history.reload();
    QVERIFY2(dialog.spendPanel()->projectionText().isEmpty(),
             qPrintable(dialog.spendPanel()->projectionText()));
    m_client.reset();
}
void TestRateLimitDialog::failingFetch_showsTheErrorLine()
{
    m_client->setRetryBaseDelay(1);
    m_fake->armFault(u"/rate_limit"_s, FakeGitHub::Fault::withStatus(500), -1);

    RateLimitDialog dialog(m_client.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *error = dialog.findChild<QLabel *>(u"rateLimitError"_s);
    QVERIFY(error);
    QTRY_VERIFY_WITH_TIMEOUT(!error->isHidden(), 15000);
    QVERIFY(!error->text().isEmpty());
    QVERIFY(!dialog.isFetching());

    // Once GitHub answers again, the error goes away.
    m_fake->clearFaults();
    dialog.fetch();
    QTRY_VERIFY_WITH_TIMEOUT(error->isHidden(), 10000);
    QVERIFY(dialog.findChild<QTableWidget *>(u"rateLimitTable"_s)->rowCount() > 0);
}

// A day of windows from the window and the command line, then this session's requests.
void TestRateLimitDialog::screenshot_aDayOfHistoryAndTheSpend()
{
    const QString dir = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set: no screenshot to save");
    }
    QVERIFY(QDir().mkpath(dir));
    QTemporaryDir home;
    Hubshelf::Cache::EtagCache cache(home.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    m_client = std::make_unique<Hubshelf::GitHub::Client>(m_network.get(), &cache, m_fake->apiUrl());
    m_client->setToken(FakeGitHub::Tokens::Octocat);
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QStringList processes = {u"window"_s, u"hubshelf export repos"_s, u"hubshelf serve"_s};
    const QStringList endpoints = {u"/orgs/{org}/repos"_s, u"/repos/{owner}/{repo}/pulls"_s,
                                   u"/users/{username}"_s};
    for (int hour = 23; hour >= 2; --hour) {
        QDateTime then = end.addSecs(-hour * 3600);
        Hubshelf::RateLimits::Ledger earlier(&cache, processes.at(hour % 3));
        earlier.setClock([&then] { return then; });
        const Hubshelf::GitHub::RequestLogEntry entry = spentOn(endpoints.at(hour % 3), m_client->identity());
        const QDateTime reset = then.addSecs(3600);
        const int pace = 20 + (hour * 37) % 160; // points a step, different every hour
        for (int step = 0; step < 12 && hour % 4 != 1; ++step) {
            const int used = std::min(5000, (step + 1) * pace);
            earlier.record(entry, {u"core"_s, 5000, 5000 - used, used, reset});
            then = then.addSecs(300);
        }
    }
    Hubshelf::RateLimits::Ledger ledger(&cache, u"window"_s);
    ledger.track(m_client.get());
    Hubshelf::Models::RateLimitHistory history(&ledger, m_client.get());
    RateLimitDialog dialog(m_client.get(), &history);
    dialog.resize(900, 720);
    showAndWaitForRows(dialog);
    const QStringList paths = {u"/users/octocat"_s, u"/users/octocat/gists"_s, u"/users/octocat/repos"_s,
                               u"/users/octocat/followers"_s, u"/users/octocat/orgs"_s};
    for (int round = 0; round < 2; ++round) {
        for (const QString &path : paths) {
            getAndWait(path);
        }
    }
    QVERIFY(ledger.flush());
    QTRY_VERIFY(dialog.spendPanel()->model()->rowCount() >= 5);
    dialog.fetch();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isFetching(), 10000);
    QCOMPARE(dialog.size(), QSize(900, 720));
    const QString path = dir + u"/rate-limit-dialog.png"_s;
    QVERIFY2(dialog.grab().save(path), qPrintable(path));

    dialog.setPalette(darkPalette());
    QTest::qWait(50);
    const QString dark = dir + u"/rate-limit-dialog-dark.png"_s;
    QVERIFY2(dialog.grab().save(dark), qPrintable(dark));
    m_client.reset();
}

QTEST_MAIN(TestRateLimitDialog)
#include "test_ratelimitdialog.moc"
