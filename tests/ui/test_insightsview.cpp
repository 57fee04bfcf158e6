// The Insights place against the fake GitHub's generated organization (constellation: 180 own
// repositories, 20 forks, 144 contributors from 2016-01 to 2025-03, 17 languages, one repository
// always computing): the charts hold the oracle's numbers, Stop stops, the export is the command
// line's bytes; light and dark screenshots.

#include "cache/etagcache.h"
#include "darkpalette.h"
#include "fakegithub.h"
#include "github/client.h"
#include "ui/insightsview.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QNetworkAccessManager>
#include <QPieSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Hubshelf;
using Ui::InsightsView;

class TestInsightsView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void constellation_chartsHoldTheNumbers();
    void stop_stopsAndSaysSo();
    void includeForks_startsAgainWithThem();
    void screenshots();

private:
    // Shows constellation's insights and waits for them (30 s at most).
    bool showConstellation(InsightsView &view);

    QTemporaryDir m_dir;
    int m_cacheNumber = 0;
    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Cache::EtagCache> m_cache;
    std::unique_ptr<GitHub::Client> m_client;
};

void TestInsightsView::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s)); // the same look on every machine
    qputenv("HUBSHELF_STATISTICS_RETRY_MS", "20");
}

void TestInsightsView::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_cache = std::make_unique<Cache::EtagCache>(m_dir.filePath(u"cache-%1.sqlite"_s.arg(++m_cacheNumber)));
    QVERIFY(m_cache->open());
    m_client = std::make_unique<GitHub::Client>(m_network.get(), m_cache.get(), m_fake->apiUrl());
    m_client->setToken(FakeGitHub::Tokens::Octocat);
}

void TestInsightsView::cleanup()
{
    m_client.reset();
    m_cache.reset();
    m_network.reset();
    m_fake.reset();
}

bool TestInsightsView::showConstellation(InsightsView &view)
{
    QSignalSpy finished(&view, &InsightsView::finished);
    view.showOwner(m_client.get(), FakeGitHub::Names::InsightsOrganization, {});
    return finished.wait(30000);
}

void TestInsightsView::constellation_chartsHoldTheNumbers()
{
    InsightsView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(showConstellation(view));
    QVERIFY(!view.isRunning());

    // Bars: 111 months, 2016-01 … 2025-03; the line ends at the 144 contributors.
    QChart *contributors = view.contributorsChart();
    QCOMPARE(contributors->series().size(), 2);
    auto *bars = qobject_cast<QAbstractBarSeries *>(contributors->series().at(0));
    QVERIFY(bars);
    QCOMPARE(bars->barSets().constFirst()->count(), 111);
    auto *total = qobject_cast<QLineSeries *>(contributors->series().at(1));
    QVERIFY(total);
    QCOMPARE(total->points().constLast().y(), 144.0);
    qreal sum = 0;
    for (int i = 0; i < bars->barSets().constFirst()->count(); ++i) {
        sum += bars->barSets().constFirst()->at(i);
    }
    QCOMPARE(sum, 144.0);
    QCOMPARE(contributors->axes(Qt::Horizontal).size(), 1);
    QCOMPARE(contributors->axes(Qt::Vertical).size(), 2); // new on the left, all so far on the right

    // The donut: the eight largest of 17 languages and the rest together.
    auto *donut = qobject_cast<QPieSeries *>(view.languagesChart()->series().value(0));
    QVERIFY(donut);
    QCOMPARE(donut->count(), 9);
    QVERIFY(donut->slices().constFirst()->label().startsWith(u"TypeScript "_s));

    const auto *summary = view.findChild<QLabel *>(u"insightsSummary"_s);
    QVERIFY2(summary->text().contains(u"180 repositories"_s), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(u"144 contributors"_s), qPrintable(summary->text()));
    // The always-computing repository: said, and named where the pointer asks.
    const auto *incomplete = view.findChild<QLabel *>(u"insightsIncomplete"_s);
    QVERIFY(incomplete->isVisible());
    QVERIFY(incomplete->toolTip().contains(FakeGitHub::Names::StillComputingRepository));

    // Ctrl+E's bytes are the command line's, which the oracle computed.
    QFile golden(QStringLiteral(HUBSHELF_GOLDEN_DIR) + u"/insights/constellation-contributors.csv"_s);
    QVERIFY(golden.open(QIODevice::ReadOnly));
    QCOMPARE(view.contributorsCsv(), golden.readAll());
    QCOMPARE(view.monthCount(), 111);
    QCOMPARE(view.suggestedExportName(), u"constellation-contributors.csv"_s);
}

void TestInsightsView::stop_stopsAndSaysSo()
{
    m_fake->setLatency(50);
    InsightsView view;
    view.show();
    QSignalSpy failed(&view, &InsightsView::failed);
    view.showOwner(m_client.get(), FakeGitHub::Names::InsightsOrganization, {});
    auto *stop = view.findChild<QPushButton *>(u"insightsStop"_s);
    QTRY_VERIFY_WITH_TIMEOUT(stop->isVisible(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_fake->requestLog().size() > 5, 10000);
    QTest::mouseClick(stop, Qt::LeftButton);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.constFirst().at(0).value<GitHub::Error>().kind, GitHub::Error::Kind::Cancelled);
    QVERIFY(!stop->isVisible());
    QVERIFY(view.findChild<QLabel *>(u"insightsStatus"_s)->text().startsWith(u"Stopped."_s));
    const qsizetype asked = m_fake->requestLog().size();
    QTest::qWait(300);
    QVERIFY(m_fake->requestLog().size() <= asked + m_client->maxConcurrent()); // those on the wire
    QCOMPARE(view.monthCount(), 0);
}

void TestInsightsView::includeForks_startsAgainWithThem()
{
    InsightsView view;
    view.show();
    QVERIFY(showConstellation(view));
    QSignalSpy finished(&view, &InsightsView::finished);
    view.findChild<QCheckBox *>(u"includeForks"_s)->setChecked(true);
    QVERIFY(finished.wait(30000));
    const auto *summary = view.findChild<QLabel *>(u"insightsSummary"_s);
    QVERIFY2(summary->text().contains(u"200 repositories"_s), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(u"150 contributors"_s), qPrintable(summary->text()));
}

void TestInsightsView::screenshots()
{
    const QString dir = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set: no screenshot to save");
    }
    QVERIFY(QDir().mkpath(dir));
    for (const bool dark : {false, true}) {
        InsightsView view;
        view.resize(900, 760);
        if (dark) {
            view.setPalette(darkPalette());
        }
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(showConstellation(view));
        QTest::qWait(100); // the charts lay out on the next paint
        QVERIFY(view.grab().save(dir + (dark ? u"/insights-dark.png"_s : u"/insights.png"_s)));
    }
}

QTEST_MAIN(TestInsightsView)
#include "test_insightsview.moc"
