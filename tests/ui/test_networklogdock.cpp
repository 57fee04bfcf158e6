#include "github/client.h"
#include "models/requestlogmodel.h"
#include "ui/networklogdock.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

using Hubshelf::GitHub::CacheOutcome;
using Hubshelf::GitHub::RequestLogEntry;
using Hubshelf::Models::RequestLogModel;
using Hubshelf::Ui::NetworkLogDock;

namespace {

RequestLogEntry entry(const QString &pathAndQuery, int status, CacheOutcome outcome, qint64 milliseconds,
                      int remaining = 4999, const QString &error = {})
{
    RequestLogEntry result;
    result.url = QUrl(u"https://api.github.com"_s + pathAndQuery);
    result.status = status;
    result.outcome = outcome;
    result.milliseconds = milliseconds;
    result.remaining = remaining;
    result.limit = remaining >= 0 ? 5000 : -1;
    result.error = error;
    return result;
}

// A session's worth of variety: misses, revalidations, fresh hits and failures.
void fillSession(RequestLogModel &model)
{
    QDateTime at(QDate(2024, 5, 1), QTime(9, 30, 15, 42));
    model.setClock([&at] { return at; });
    const auto add = [&](const RequestLogEntry &e, int afterMilliseconds) {
        at = at.addMSecs(afterMilliseconds);
        model.append(e);
    };
    add(entry(u"/users/octocat"_s, 200, CacheOutcome::Miss, 182, 4999), 0);
    add(entry(u"/users/octocat/gists?per_page=100"_s, 200, CacheOutcome::Miss, 241, 4998), 190);
    add(entry(u"/users/octocat"_s, 0, CacheOutcome::Fresh, 0, -1), 5400);
    add(entry(u"/users/octocat/gists?per_page=100"_s, 304, CacheOutcome::Revalidated, 64, 4998), 12);
    add(entry(u"/orgs/github/repos?per_page=100&type=all&sort=full_name&page=2"_s, 200, CacheOutcome::Miss,
              1312, 4997),
        3120);
    add(entry(u"/repos/octocat/does-not-exist/pulls?state=all&per_page=100"_s, 404, CacheOutcome::Uncached,
              97, 4996, u"not-found"_s),
        2210);
    add(entry(u"/rate_limit"_s, 200, CacheOutcome::Uncached, 9, 4996), 800);
    add(entry(u"/gists/aa5a315d61ae9438b18d"_s, 0, CacheOutcome::Uncached, 30012, -1, u"network"_s), 1450);
    model.setClock([] { return QDateTime::currentDateTime(); });
}

} // namespace

class TestNetworkLogDock : public QObject
{
    Q_OBJECT

private slots:
    void dock_isNamedAndReadOnly();
    void filter_narrowsRowsAsTyped();
    void clearButton_emptiesModel();
    void newRows_areFollowedUnlessUserScrolledUp();
    void dock_screenshot();

private:
    static QLineEdit *filterOf(NetworkLogDock &dock);
};

QLineEdit *TestNetworkLogDock::filterOf(NetworkLogDock &dock)
{
    return dock.findChild<QLineEdit *>(u"networkLogFilter"_s);
}

void TestNetworkLogDock::dock_isNamedAndReadOnly()
{
    RequestLogModel model;
    NetworkLogDock dock(&model);
    QCOMPARE(dock.objectName(), u"networkLogDock"_s);
    QCOMPARE(dock.windowTitle(), u"Network log"_s);

    QLineEdit *filter = filterOf(dock);
    QVERIFY(filter);
    QCOMPARE(filter->placeholderText(), u"Filter by URL, status or outcome"_s);
    QVERIFY(filter->isClearButtonEnabled());

    QTableView *view = dock.view();
    QCOMPARE(view->editTriggers(), QAbstractItemView::NoEditTriggers);
    QCOMPARE(view->selectionBehavior(), QAbstractItemView::SelectRows);
    QVERIFY(view->isSortingEnabled());
    QCOMPARE(view->horizontalHeader()->sectionResizeMode(RequestLogModel::Url), QHeaderView::Stretch);
    QCOMPARE(dock.proxy()->filterKeyColumn(), -1);
    QCOMPARE(dock.proxy()->filterCaseSensitivity(), Qt::CaseInsensitive);
}

void TestNetworkLogDock::filter_narrowsRowsAsTyped()
{
    RequestLogModel model;
    fillSession(model);
    NetworkLogDock dock(&model);
    QAbstractItemModelTester tester(dock.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QCOMPARE(dock.view()->model()->rowCount(), 8);

    QLineEdit *filter = filterOf(dock);
    QTest::keyClicks(filter, u"OCTOCAT"_s);
    QCOMPARE(dock.view()->model()->rowCount(), 5);

    filter->clear();
    QTest::keyClicks(filter, u"304"_s);
    QCOMPARE(dock.view()->model()->rowCount(), 1);

    filter->clear();
    QTest::keyClicks(filter, u"error"_s);
    QCOMPARE(dock.view()->model()->rowCount(), 2);

    // New rows pass through the same filter.
    model.append(entry(u"/users/ghost"_s, 0, CacheOutcome::Uncached, 5, -1, u"offline"_s));
    model.append(entry(u"/users/ghost"_s, 200, CacheOutcome::Miss, 5));
    QCOMPARE(dock.view()->model()->rowCount(), 3);

    filter->clear();
    QCOMPARE(dock.view()->model()->rowCount(), 10);
}

void TestNetworkLogDock::clearButton_emptiesModel()
{
    RequestLogModel model;
    fillSession(model);
    NetworkLogDock dock(&model);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));

    auto *clear = dock.findChild<QPushButton *>(u"networkLogClear"_s);
    QVERIFY(clear);
    QCOMPARE(clear->text(), u"Clear"_s);
    QTest::mouseClick(clear, Qt::LeftButton);

    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(dock.view()->model()->rowCount(), 0);
}

void TestNetworkLogDock::newRows_areFollowedUnlessUserScrolledUp()
{
    RequestLogModel model;
    NetworkLogDock dock(&model);
    dock.resize(700, 240);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QScrollBar *scrollBar = dock.view()->verticalScrollBar();

    for (int i = 0; i < 60; ++i) {
        model.append(entry(u"/page/%1"_s.arg(i), 200, CacheOutcome::Miss, i));
    }
    QVERIFY(scrollBar->maximum() > 0);
    QCOMPARE(scrollBar->value(), scrollBar->maximum());

    scrollBar->setValue(0);
    for (int i = 60; i < 70; ++i) {
        model.append(entry(u"/page/%1"_s.arg(i), 200, CacheOutcome::Miss, i));
    }
    QCOMPARE(scrollBar->value(), 0);

    // Back at the bottom, the view follows again.
    scrollBar->setValue(scrollBar->maximum());
    model.append(entry(u"/page/70"_s, 200, CacheOutcome::Miss, 70));
    QCOMPARE(scrollBar->value(), scrollBar->maximum());
    const QModelIndex last = dock.view()->model()->index(dock.view()->model()->rowCount() - 1, 0);
    QVERIFY(dock.view()->viewport()->rect().intersects(dock.view()->visualRect(last)));
}

void TestNetworkLogDock::dock_screenshot()
{
    const QString dir = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set: no screenshot to save");
    }
    QVERIFY(QDir().mkpath(dir));

    RequestLogModel model;
    fillSession(model);
    NetworkLogDock dock(&model);
    dock.resize(1280, 280);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    dock.view()->selectRow(3);

    const QString path = dir + u"/network-log.png"_s;
    QVERIFY2(dock.grab().save(path), qPrintable(path));
}

QTEST_MAIN(TestNetworkLogDock)
#include "test_networklogdock.moc"
