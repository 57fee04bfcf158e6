#include "cache/etagcache.h"
#include "github/ratelimittracker.h"
#include "ui/cacheindicator.h"
#include "ui/ratelimitindicator.h"

#include <QApplication>
#include <QDir>
#include <QFrame>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

using Hubshelf::Cache::CacheStatistics;
using Hubshelf::Cache::EtagCache;
using Hubshelf::GitHub::RateLimit;
using Hubshelf::GitHub::RateLimitTracker;
using Hubshelf::Ui::CacheIndicator;
using Hubshelf::Ui::RateLimitIndicator;

namespace {

const QDateTime Now = QDateTime(QDate(2024, 5, 17), QTime(12, 0, 0), Qt::UTC);

RateLimit makeLimit(const QString &resource, int limit, int remaining, const QDateTime &reset)
{
    RateLimit rateLimit;
    rateLimit.resource = resource;
    rateLimit.limit = limit;
    rateLimit.remaining = remaining;
    rateLimit.used = limit - remaining;
    rateLimit.reset = reset;
    return rateLimit;
}

QString localHhMm(const QDateTime &utc)
{
    return utc.toLocalTime().toString(u"HH:mm"_s);
}

} // namespace

class TestStatusIndicators : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void rateLimit_beforeData_saysNotKnownYet();
    void rateLimit_afterData_showsUsedLimitAndLocalResetTime();
    void rateLimit_warning_data();
    void rateLimit_warning();
    void rateLimit_warning_usesDifferentColourThanNormal();
    void rateLimit_warningColour_followsParentPalette();
    void rateLimit_spent_countsDownAsClockAdvances();
    void rateLimit_spent_timerUpdatesTextEverySecond();
    void rateLimit_afterReset_stopsCountdownAndSaysRefilled();
    void rateLimit_secondaryPause_countsDownThenShowsLimitAgain();
    void rateLimit_tracker_updatesFromResponseHeaders();
    void rateLimit_tracker_ignoresOtherResources();
    void rateLimit_mouseClick_emitsClicked();
    void rateLimit_releaseOutside_doesNotEmitClicked();
    void rateLimit_keys_emitClicked_data();
    void rateLimit_keys_emitClicked();
    void rateLimit_isKeyboardReachableAndAccessible();

    void cache_noRequests_saysNoRequestsYet();
    void cache_statistics_showTextAndTooltip();
    void cache_tracksEtagCacheLive();

    void statusBar_screenshot();
};

void TestStatusIndicators::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Numbers without group separators, whatever the machine's locale.
    QLocale::setDefault(QLocale::c());
}

void TestStatusIndicators::rateLimit_beforeData_saysNotKnownYet()
{
    RateLimitIndicator indicator;
    QCOMPARE(indicator.text(), u"Rate limit: not known yet"_s);
    QVERIFY(!indicator.isWarning());
    QVERIFY(!indicator.isSpent());
    QVERIFY(!indicator.isCountingDown());
    QVERIFY(indicator.toolTip().contains(u"60"_s));
    QVERIFY(indicator.toolTip().contains(u"5,000"_s));
}

void TestStatusIndicators::rateLimit_afterData_showsUsedLimitAndLocalResetTime()
{
    RateLimitIndicator indicator;
    indicator.setClock([] { return Now; });
    const QDateTime reset = Now.addSecs(65 * 60);
    indicator.setRateLimit(makeLimit(u"core"_s, 5000, 4988, reset));

    QCOMPARE(indicator.text(), u"core 12/5000 · resets %1"_s.arg(localHhMm(reset)));
    QVERIFY(!indicator.isWarning());
    QVERIFY(!indicator.font().bold());
    QVERIFY(indicator.toolTip().contains(u"4988 of 5000"_s));
    QVERIFY(indicator.accessibleName().contains(indicator.text()));
}

void TestStatusIndicators::rateLimit_warning_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("remaining");
    QTest::addColumn<bool>("warning");

    QTest::newRow("token, plenty left") << 5000 << 4000 << false;
    QTest::newRow("token, exactly 10% left") << 5000 << 500 << false;
    QTest::newRow("token, just under 10% left") << 5000 << 499 << true;
    QTest::newRow("anonymous, exactly 10% left") << 60 << 6 << false;
    QTest::newRow("anonymous, under 10% left") << 60 << 5 << true;
    QTest::newRow("anonymous, one left") << 60 << 1 << true;
}

void TestStatusIndicators::rateLimit_warning()
{
    QFETCH(int, limit);
    QFETCH(int, remaining);
    QFETCH(bool, warning);

    RateLimitIndicator indicator;
    indicator.setClock([] { return Now; });
    indicator.setRateLimit(makeLimit(u"core"_s, limit, remaining, Now.addSecs(600)));

    QCOMPARE(indicator.isWarning(), warning);
    QCOMPARE(indicator.property("warning").toBool(), warning);
    QCOMPARE(indicator.font().bold(), warning);
    QVERIFY(!indicator.isSpent());
}

void TestStatusIndicators::rateLimit_warning_usesDifferentColourThanNormal()
{
    RateLimitIndicator indicator;
    indicator.setClock([] { return Now; });
    const QColor normal = indicator.palette().color(QPalette::WindowText);
    QSignalSpy stateChanged(&indicator, &RateLimitIndicator::stateChanged);

    indicator.setRateLimit(makeLimit(u"core"_s, 5000, 10, Now.addSecs(600)));
    QCOMPARE(stateChanged.count(), 1);
    const QColor warning = indicator.palette().color(QPalette::WindowText);
    QVERIFY(warning != normal);

    indicator.setRateLimit(makeLimit(u"core"_s, 5000, 0, Now.addSecs(600)));
    QCOMPARE(stateChanged.count(), 2);
    QVERIFY(indicator.palette().color(QPalette::WindowText) != warning);

    indicator.setRateLimit(makeLimit(u"core"_s, 5000, 5000, Now.addSecs(3600)));
    QCOMPARE(stateChanged.count(), 3);
    QCOMPARE(indicator.palette().color(QPalette::WindowText), normal);
    QVERIFY(!indicator.font().bold());
}

void TestStatusIndicators::rateLimit_warningColour_followsParentPalette()
{
    QWidget parent;
    auto *indicator = new RateLimitIndicator(&parent);
    indicator->setClock([] { return Now; });
    indicator->setRateLimit(makeLimit(u"core"_s, 5000, 10, Now.addSecs(600)));
    const QColor onLight = indicator->palette().color(QPalette::WindowText);

    QPalette dark = parent.palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    parent.setPalette(dark);
    const QColor onDark = indicator->palette().color(QPalette::WindowText);
    QVERIFY(onDark != onLight);
    QVERIFY(onDark.lightnessF() > onLight.lightnessF());

    // Back to normal: the label takes the parent's text colour again.
    indicator->setRateLimit(makeLimit(u"core"_s, 5000, 4000, Now.addSecs(600)));
    QCOMPARE(indicator->palette().color(QPalette::WindowText), QColor(0xee, 0xee, 0xee));
}

void TestStatusIndicators::rateLimit_spent_countsDownAsClockAdvances()
{
    QDateTime now = Now;
    RateLimitIndicator indicator;
    indicator.setClock([&now] { return now; });
    indicator.setRateLimit(makeLimit(u"core"_s, 60, 0, Now.addSecs(300)));

    QVERIFY(indicator.isSpent());
    QVERIFY(indicator.isWarning());
    QVERIFY(indicator.font().bold());
    QVERIFY(indicator.isCountingDown());
    QCOMPARE(indicator.text(), u"core spent · resets in 5:00"_s);

    now = Now.addSecs(1);
    indicator.refresh();
    QCOMPARE(indicator.text(), u"core spent · resets in 4:59"_s);

    // Part of a second left still shows as a whole one, never 0:00 while waiting.
    now = Now.addMSecs(299'500);
    indicator.refresh();
    QCOMPARE(indicator.text(), u"core spent · resets in 0:01"_s);
    QVERIFY(indicator.isCountingDown());
}

void TestStatusIndicators::rateLimit_spent_timerUpdatesTextEverySecond()
{
    QDateTime now = Now;
    RateLimitIndicator indicator;
    indicator.setClock([&now] { return now; });
    indicator.setRateLimit(makeLimit(u"search"_s, 30, 0, Now.addSecs(2 * 3600 + 61)));
    QCOMPARE(indicator.text(), u"search spent · resets in 2:01:01"_s);

    now = Now.addSecs(62);
    QTRY_COMPARE_WITH_TIMEOUT(indicator.text(), u"search spent · resets in 1:59:59"_s, 3000);
}

void TestStatusIndicators::rateLimit_afterReset_stopsCountdownAndSaysRefilled()
{
    QDateTime now = Now;
    const QDateTime reset = Now.addSecs(30);
    RateLimitIndicator indicator;
    indicator.setClock([&now] { return now; });
    indicator.setRateLimit(makeLimit(u"core"_s, 60, 0, reset));
    QVERIFY(indicator.isCountingDown());

    now = reset;
    indicator.refresh();
    QVERIFY(!indicator.isSpent());
    QVERIFY(!indicator.isCountingDown());
    QVERIFY(!indicator.isWarning());
    QVERIFY(!indicator.font().bold());
    QCOMPARE(indicator.text(), u"core refilled at %1"_s.arg(localHhMm(reset)));
}

void TestStatusIndicators::rateLimit_secondaryPause_countsDownThenShowsLimitAgain()
{
    QDateTime now = Now;
    const QDateTime reset = Now.addSecs(3600);
    RateLimitIndicator indicator;
    indicator.setClock([&now] { return now; });
    indicator.setRateLimit(makeLimit(u"core"_s, 5000, 4000, reset));

    indicator.showSecondaryLimitPause(60);
    QVERIFY(indicator.isPaused());
    QVERIFY(indicator.isWarning());
    QVERIFY(indicator.isCountingDown());
    QCOMPARE(indicator.text(), u"Secondary limit · resumes in 1:00"_s);

    now = Now.addSecs(60);
    indicator.refresh();
    QVERIFY(!indicator.isPaused());
    QVERIFY(!indicator.isCountingDown());
    QCOMPARE(indicator.text(), u"core 1000/5000 · resets %1"_s.arg(localHhMm(reset)));
}

void TestStatusIndicators::rateLimit_tracker_updatesFromResponseHeaders()
{
    const QDateTime reset = QDateTime::currentDateTimeUtc().addSecs(1800);
    RateLimitTracker tracker;
    RateLimitIndicator indicator;
    indicator.track(&tracker);
    QCOMPARE(indicator.text(), u"Rate limit: not known yet"_s);

    tracker.updateFromHeaders({
        {"X-RateLimit-Limit", "5000"},
        {"X-RateLimit-Remaining", "4321"},
        {"X-RateLimit-Used", "679"},
        {"X-RateLimit-Reset", QByteArray::number(reset.toSecsSinceEpoch())},
        {"X-RateLimit-Resource", "core"},
    });
    QCOMPARE(indicator.text(), u"core 679/5000 · resets %1"_s.arg(localHhMm(reset)));

    // A second indicator picks up what the tracker already knows.
    RateLimitIndicator late;
    late.track(&tracker, u"core"_s);
    QCOMPARE(late.text(), indicator.text());
}

void TestStatusIndicators::rateLimit_tracker_ignoresOtherResources()
{
    const QDateTime reset = QDateTime::currentDateTimeUtc().addSecs(1800);
    RateLimitTracker tracker;
    RateLimitIndicator indicator;
    indicator.track(&tracker, u"search"_s);
    QCOMPARE(indicator.resource(), u"search"_s);

    tracker.updateFromHeaders({
        {"x-ratelimit-limit", "5000"},
        {"x-ratelimit-remaining", "4999"},
        {"x-ratelimit-reset", QByteArray::number(reset.toSecsSinceEpoch())},
        {"x-ratelimit-resource", "core"},
    });
    QCOMPARE(indicator.text(), u"Rate limit: not known yet"_s);

    tracker.updateFromHeaders({
        {"x-ratelimit-limit", "30"},
        {"x-ratelimit-remaining", "2"},
        {"x-ratelimit-reset", QByteArray::number(reset.toSecsSinceEpoch())},
        {"x-ratelimit-resource", "search"},
    });
    QCOMPARE(indicator.text(), u"search 28/30 · resets %1"_s.arg(localHhMm(reset)));
    QVERIFY(indicator.isWarning());
}

void TestStatusIndicators::rateLimit_mouseClick_emitsClicked()
{
    RateLimitIndicator indicator;
    indicator.show();
    QVERIFY(QTest::qWaitForWindowExposed(&indicator));
    QSignalSpy clicked(&indicator, &RateLimitIndicator::clicked);

    QTest::mousePress(&indicator, Qt::LeftButton);
    QCOMPARE(clicked.count(), 0);
    QTest::mouseRelease(&indicator, Qt::LeftButton);
    QCOMPARE(clicked.count(), 1);

    QTest::mouseClick(&indicator, Qt::RightButton);
    QCOMPARE(clicked.count(), 1);
}

void TestStatusIndicators::rateLimit_releaseOutside_doesNotEmitClicked()
{
    RateLimitIndicator indicator;
    indicator.show();
    QVERIFY(QTest::qWaitForWindowExposed(&indicator));
    QSignalSpy clicked(&indicator, &RateLimitIndicator::clicked);

    QTest::mousePress(&indicator, Qt::LeftButton);
    QTest::mouseRelease(&indicator, Qt::LeftButton, {}, QPoint(-5, -5));
    QCOMPARE(clicked.count(), 0);
}

void TestStatusIndicators::rateLimit_keys_emitClicked_data()
{
    QTest::addColumn<int>("key");
    QTest::newRow("Return") << int(Qt::Key_Return);
    QTest::newRow("Enter") << int(Qt::Key_Enter);
    QTest::newRow("Space") << int(Qt::Key_Space);
}

void TestStatusIndicators::rateLimit_keys_emitClicked()
{
    QFETCH(int, key);
    RateLimitIndicator indicator;
    QSignalSpy clicked(&indicator, &RateLimitIndicator::clicked);

    QTest::keyClick(&indicator, Qt::Key(key));
    QCOMPARE(clicked.count(), 1);
    QTest::keyClick(&indicator, Qt::Key_A);
    QCOMPARE(clicked.count(), 1);
}

void TestStatusIndicators::rateLimit_isKeyboardReachableAndAccessible()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *before = new QLabel(u"before"_s, &window);
    before->setFocusPolicy(Qt::StrongFocus);
    auto *indicator = new RateLimitIndicator(&window);
    layout->addWidget(before);
    layout->addWidget(indicator);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    before->setFocus();
    QTest::keyClick(&window, Qt::Key_Tab);
    QTRY_VERIFY(indicator->hasFocus());
    QVERIFY(indicator->focusPolicy() & Qt::TabFocus);
    QVERIFY(!indicator->accessibleName().isEmpty());
    QVERIFY(indicator->accessibleDescription().contains(u"Enter"_s));
}

void TestStatusIndicators::cache_noRequests_saysNoRequestsYet()
{
    CacheIndicator indicator;
    QCOMPARE(indicator.text(), u"Cache: no requests yet"_s);
    QVERIFY(indicator.toolTip().contains(u"Calls saved: 0"_s));
}

void TestStatusIndicators::cache_statistics_showTextAndTooltip()
{
    CacheStatistics statistics;
    statistics.freshHits = 3;
    statistics.revalidated = 2;
    statistics.misses = 3;
    statistics.uncached = 1;
    statistics.bytesSaved = 3 * 1024 * 1024 / 2;

    CacheIndicator indicator;
    indicator.setStatistics(statistics);

    QCOMPARE(indicator.text(), u"Cache hits: 5 (2 revalidated) · misses: 3 · calls saved: 5"_s);
    const QString tip = indicator.toolTip();
    QVERIFY2(tip.contains(u"Fresh hits (answered without a request): 3"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Revalidated (304, free with a token): 2"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Misses (fetched and stored): 3"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Not cacheable: 1"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Calls saved: 5"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Bytes saved: %1"_s.arg(
                 QLocale().formattedDataSize(statistics.bytesSaved, 1, QLocale::DataSizeSIFormat))),
             qPrintable(tip));
    QVERIFY2(tip.contains(u"1.6 MB"_s), qPrintable(tip)); // SI, as every size in the window
}

void TestStatusIndicators::cache_tracksEtagCacheLive()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EtagCache cache(dir.filePath(u"cache.sqlite"_s));
    QVERIFY2(cache.open(), qPrintable(cache.errorString()));
    cache.recordMiss();

    CacheIndicator indicator;
    indicator.track(&cache);
    QCOMPARE(indicator.text(), u"Cache hits: 0 (0 revalidated) · misses: 1 · calls saved: 0"_s);

    cache.recordFreshHit(2048);
    cache.recordRevalidated(1024);
    cache.recordMiss();
    QCOMPARE(indicator.text(), u"Cache hits: 2 (1 revalidated) · misses: 2 · calls saved: 2"_s);
    QVERIFY(indicator.toolTip().contains(QLocale().formattedDataSize(3072, 1, QLocale::DataSizeSIFormat)));
    QCOMPARE(indicator.statistics().bytesSaved, cache.statistics().bytesSaved);
}

void TestStatusIndicators::statusBar_screenshot()
{
    const QString folder = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (folder.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set");
    }
    QVERIFY(QDir().mkpath(folder));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    struct Row
    {
        RateLimit limit;
        CacheStatistics statistics;
        bool dark;
    };
    CacheStatistics busy;
    busy.freshHits = 41;
    busy.revalidated = 17;
    busy.misses = 23;
    busy.bytesSaved = 5 * 1024 * 1024;
    const QList<Row> rows = {
        {RateLimit{}, CacheStatistics{}, false},
        {makeLimit(u"core"_s, 5000, 4988, now.addSecs(3300)), busy, false},
        {makeLimit(u"core"_s, 60, 4, now.addSecs(1500)), busy, false},
        {makeLimit(u"core"_s, 60, 0, now.addSecs(299)), busy, false},
        {makeLimit(u"core"_s, 5000, 4988, now.addSecs(3300)), busy, true},
        {makeLimit(u"search"_s, 30, 2, now.addSecs(40)), busy, true},
        {makeLimit(u"core"_s, 60, 0, now.addSecs(299)), busy, true},
    };

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));

    QWidget container;
    auto *layout = new QVBoxLayout(&container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    for (const Row &row : rows) {
        auto *bar = new QStatusBar(&container);
        bar->setSizeGripEnabled(false);
        bar->setAutoFillBackground(true);
        if (row.dark) {
            bar->setPalette(dark);
        }
        auto *rateLimit = new RateLimitIndicator(bar);
        rateLimit->setRateLimit(row.limit);
        auto *separator = new QFrame(bar);
        separator->setFrameShape(QFrame::VLine);
        separator->setFrameShadow(QFrame::Sunken);
        auto *cache = new CacheIndicator(bar);
        cache->setStatistics(row.statistics);
        bar->addPermanentWidget(rateLimit);
        bar->addPermanentWidget(separator);
        bar->addPermanentWidget(cache);
        layout->addWidget(bar);
    }
    container.resize(720, container.sizeHint().height());
    container.show();
    QVERIFY(QTest::qWaitForWindowExposed(&container));

    const QString path = QDir(folder).filePath(u"status-indicators.png"_s);
    QVERIFY(container.grab().save(path));
}

QTEST_MAIN(TestStatusIndicators)
#include "test_statusindicators.moc"
