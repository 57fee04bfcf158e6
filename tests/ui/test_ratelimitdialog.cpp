#include "fakegithub.h"
#include "github/client.h"
#include "github/request.h"
#include "ui/ratelimitdialog.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

using Hubshelf::Ui::RateLimitDialog;

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
    void requests_addPointsToTheChart();
    void failingFetch_showsTheErrorLine();
    void screenshot();

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

void TestRateLimitDialog::requests_addPointsToTheChart()
{
    RateLimitDialog dialog(m_client.get());
    showAndWaitForRows(dialog);
    const int before = int(dialog.coreSamples().size());
    QVERIFY(before >= 1); // the /rate_limit body itself

    getAndWait(u"/users/octocat"_s);
    getAndWait(u"/users/octocat/gists"_s);

    const QList<QPointF> samples = dialog.coreSamples();
    QCOMPARE(int(samples.size()), before + 2);
    const Hubshelf::GitHub::RateLimit core = m_client->rateLimits()->limit(u"core"_s);
    QCOMPARE(samples.last().y(), qreal(core.remaining));
    QVERIFY(samples.last().y() < samples.first().y());
    QVERIFY(samples.last().x() >= samples.first().x());
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

void TestRateLimitDialog::screenshot()
{
    const QString dir = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set: no screenshot to save");
    }
    QVERIFY(QDir().mkpath(dir));

    // A session's worth of samples a few seconds apart.
    QDateTime now = QDateTime::currentDateTimeUtc();
    RateLimitDialog dialog(m_client.get());
    dialog.setClock([&now] { return now; });
    dialog.resize(900, 600);
    showAndWaitForRows(dialog);
    const QStringList paths = {u"/users/octocat"_s, u"/users/octocat/gists"_s, u"/users/octocat/repos"_s,
                               u"/users/octocat/followers"_s, u"/users/octocat/orgs"_s};
    for (int round = 0; round < 3; ++round) {
        for (const QString &path : paths) {
            now = now.addSecs(7);
            getAndWait(path);
        }
    }
    now = now.addSecs(5);
    dialog.fetch();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isFetching(), 10000);
    QCOMPARE(dialog.size(), QSize(900, 600));

    const QString path = dir + u"/rate-limit-dialog.png"_s;
    QVERIFY2(dialog.grab().save(path), qPrintable(path));
}

QTEST_MAIN(TestRateLimitDialog)
#include "test_ratelimitdialog.moc"
