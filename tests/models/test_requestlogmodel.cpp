#include "fakegithub.h"
#include "github/client.h"
#include "models/requestlogmodel.h"
#include "models/roles.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;

using Hubshelf::GitHub::CacheOutcome;
using Hubshelf::GitHub::RequestLogEntry;
using Hubshelf::Models::RequestLogModel;

namespace {

const QString None = u"—"_s;

RequestLogEntry entry(const QString &path, int status, CacheOutcome outcome, qint64 milliseconds,
                      int remaining = 4999, int limit = 5000, const QString &error = {})
{
    RequestLogEntry result;
    result.url = QUrl(u"https://api.github.com"_s + path);
    result.status = status;
    result.outcome = outcome;
    result.milliseconds = milliseconds;
    result.remaining = remaining;
    result.limit = limit;
    result.error = error;
    return result;
}

QString text(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestRequestLogModel : public QObject
{
    Q_OBJECT

private slots:
    void append_addsNewestRowLast();
    void columns_showWhatWentOverTheWire_data();
    void columns_showWhatWentOverTheWire();
    void time_isLocalTimeOfArrivalFromTheClock();
    void url_hasFullUrlAsToolTip();
    void header_namesEveryColumn();
    void cap_removesOldestRowsFirst();
    void lowerCap_removesExcessRowsAtOnce();
    void clear_removesEveryRow();
    void sortRole_isTyped();
    void proxy_filtersAndSortsUnderTester();
    void track_appendsEveryRequestOfTheClient();
};

void TestRequestLogModel::append_addsNewestRowLast()
{
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(RequestLogModel::ColumnCount));
    model.append(entry(u"/users/octocat"_s, 200, CacheOutcome::Miss, 12));
    model.append(entry(u"/users/octocat/gists"_s, 200, CacheOutcome::Miss, 30));

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1);
    QCOMPARE(inserted.at(1).at(2).toInt(), 1);
    QCOMPARE(text(model, 1, RequestLogModel::Url), u"https://api.github.com/users/octocat/gists"_s);
}

void TestRequestLogModel::columns_showWhatWentOverTheWire_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("statusText");
    QTest::addColumn<QString>("outcomeText");
    QTest::addColumn<QString>("remainingText");

    QTest::newRow("200 miss") << 200 << int(CacheOutcome::Miss) << 5000 << QString() << u"200"_s << u"200"_s
                              << u"4999/5000"_s;
    QTest::newRow("304 revalidated") << 304 << int(CacheOutcome::Revalidated) << 5000 << QString() << u"304"_s
                                     << u"304"_s << u"4999/5000"_s;
    // A fresh hit never reached GitHub: no status, no rate limit.
    QTest::newRow("fresh hit") << 0 << int(CacheOutcome::Fresh) << -1 << QString() << None << u"fresh"_s
                               << None;
    QTest::newRow("200 not cacheable") << 200 << int(CacheOutcome::Uncached) << 5000 << QString() << u"200"_s
                                       << u"uncached"_s << u"4999/5000"_s;
    QTest::newRow("404 error") << 404 << int(CacheOutcome::Uncached) << 5000 << u"not-found"_s << u"404"_s
                               << u"error: not-found"_s << u"4999/5000"_s;
    QTest::newRow("network error") << 0 << int(CacheOutcome::Uncached) << -1 << u"network"_s << None
                                   << u"error: network"_s << None;
}

void TestRequestLogModel::columns_showWhatWentOverTheWire()
{
    QFETCH(int, status);
    QFETCH(int, outcome);
    QFETCH(int, limit);
    QFETCH(QString, error);

    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(entry(u"/users/octocat"_s, status, CacheOutcome(outcome), 12, 4999, limit, error));

    QCOMPARE(text(model, 0, RequestLogModel::Method), u"GET"_s);
    QCOMPARE(text(model, 0, RequestLogModel::Url), u"https://api.github.com/users/octocat"_s);
    QTEST(text(model, 0, RequestLogModel::Status), "statusText");
    QTEST(text(model, 0, RequestLogModel::Outcome), "outcomeText");
    QCOMPARE(text(model, 0, RequestLogModel::Duration), u"12 ms"_s);
    QTEST(text(model, 0, RequestLogModel::Remaining), "remainingText");
}

void TestRequestLogModel::time_isLocalTimeOfArrivalFromTheClock()
{
    RequestLogModel model;
    const QDateTime local(QDate(2024, 5, 1), QTime(9, 30, 15, 42));
    model.setClock([local] { return local; });
    model.append(entry(u"/users/octocat"_s, 200, CacheOutcome::Miss, 12));
    const QDateTime utc(QDate(2024, 5, 1), QTime(23, 59, 58, 7), Qt::UTC);
    model.setClock([utc] { return utc; });
    model.append(entry(u"/users/octocat"_s, 304, CacheOutcome::Revalidated, 12));

    QCOMPARE(text(model, 0, RequestLogModel::Time), u"09:30:15.042"_s);
    QCOMPARE(text(model, 1, RequestLogModel::Time), utc.toLocalTime().toString(u"HH:mm:ss.zzz"_s));
}

void TestRequestLogModel::url_hasFullUrlAsToolTip()
{
    RequestLogModel model;
    model.append(
        entry(u"/repos/octocat/hello-world/pulls?state=all&per_page=100"_s, 200, CacheOutcome::Miss, 12));

    const QModelIndex url = model.index(0, RequestLogModel::Url);
    QCOMPARE(url.data(Qt::ToolTipRole).toString(),
             u"https://api.github.com/repos/octocat/hello-world/pulls?state=all&per_page=100"_s);
    QVERIFY(!model.index(0, RequestLogModel::Status).data(Qt::ToolTipRole).isValid());
}

void TestRequestLogModel::header_namesEveryColumn()
{
    RequestLogModel model;
    for (int column = 0; column < RequestLogModel::ColumnCount; ++column) {
        QVERIFY2(!model.headerData(column, Qt::Horizontal).toString().isEmpty(),
                 qPrintable(QString::number(column)));
    }
    QCOMPARE(model.headerData(RequestLogModel::Url, Qt::Horizontal).toString(), u"URL"_s);
}

void TestRequestLogModel::cap_removesOldestRowsFirst()
{
    RequestLogModel model;
    QCOMPARE(model.maximumRows(), RequestLogModel::DefaultMaximumRows);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaximumRows(3);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    for (int i = 1; i <= 5; ++i) {
        model.append(entry(u"/page/%1"_s.arg(i), 200, CacheOutcome::Miss, i));
    }

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(removed.count(), 2);
    for (const QList<QVariant> &arguments : std::as_const(removed)) {
        QCOMPARE(arguments.at(1).toInt(), 0);
        QCOMPARE(arguments.at(2).toInt(), 0);
    }
    QCOMPARE(text(model, 0, RequestLogModel::Url), u"https://api.github.com/page/3"_s);
    QCOMPARE(text(model, 2, RequestLogModel::Url), u"https://api.github.com/page/5"_s);
}

void TestRequestLogModel::lowerCap_removesExcessRowsAtOnce()
{
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 1; i <= 6; ++i) {
        model.append(entry(u"/page/%1"_s.arg(i), 200, CacheOutcome::Miss, i));
    }
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    model.setMaximumRows(2);

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 3);
    QCOMPARE(text(model, 0, RequestLogModel::Url), u"https://api.github.com/page/5"_s);

    model.setMaximumRows(0); // never below one row
    QCOMPARE(model.maximumRows(), 1);
    QCOMPARE(model.rowCount(), 1);
}

void TestRequestLogModel::clear_removesEveryRow()
{
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.clear(); // nothing to remove, nothing announced
    QCOMPARE(removed.count(), 0);

    model.append(entry(u"/users/octocat"_s, 200, CacheOutcome::Miss, 12));
    model.append(entry(u"/users/octocat"_s, 304, CacheOutcome::Revalidated, 8));
    model.clear();

    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(removed.count(), 1);
    model.append(entry(u"/users/octocat"_s, 0, CacheOutcome::Fresh, 0, -1, -1));
    QCOMPARE(model.rowCount(), 1);
}

void TestRequestLogModel::sortRole_isTyped()
{
    RequestLogModel model;
    model.append(entry(u"/a"_s, 200, CacheOutcome::Miss, 10, 4999));
    model.append(entry(u"/b"_s, 304, CacheOutcome::Revalidated, 9, 998, 1000));

    QCOMPARE(model.index(0, RequestLogModel::Duration).data(Hubshelf::Models::SortRole).toLongLong(), 10);
    QCOMPARE(model.index(1, RequestLogModel::Status).data(Hubshelf::Models::SortRole).toInt(), 304);
    QCOMPARE(model.index(1, RequestLogModel::Remaining).data(Hubshelf::Models::SortRole).toInt(), 998);

    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(Hubshelf::Models::SortRole);
    proxy.sort(RequestLogModel::Duration, Qt::AscendingOrder);
    // As text "10 ms" would come before "9 ms".
    QCOMPARE(text(proxy, 0, RequestLogModel::Duration), u"9 ms"_s);
    QCOMPARE(text(proxy, 1, RequestLogModel::Duration), u"10 ms"_s);

    proxy.sort(RequestLogModel::Remaining, Qt::AscendingOrder);
    QCOMPARE(text(proxy, 0, RequestLogModel::Remaining), u"998/1000"_s);

    proxy.sort(RequestLogModel::Time, Qt::DescendingOrder);
    QCOMPARE(text(proxy, 0, RequestLogModel::Url), u"https://api.github.com/b"_s);
}

void TestRequestLogModel::proxy_filtersAndSortsUnderTester()
{
    RequestLogModel model;
    model.setMaximumRows(4);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(Hubshelf::Models::SortRole);
    proxy.setFilterKeyColumn(-1);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.sort(RequestLogModel::Duration, Qt::DescendingOrder);
    QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.append(entry(u"/users/octocat"_s, 200, CacheOutcome::Miss, 40));
    model.append(entry(u"/users/octocat/gists"_s, 304, CacheOutcome::Revalidated, 9));
    model.append(entry(u"/users/nobody"_s, 404, CacheOutcome::Uncached, 15, 4997, 5000, u"not-found"_s));
    model.append(entry(u"/orgs/github/repos"_s, 200, CacheOutcome::Miss, 120));
    model.append(entry(u"/users/octocat"_s, 0, CacheOutcome::Fresh, 0, -1, -1));
    QCOMPARE(proxy.rowCount(), 4);
    QCOMPARE(text(proxy, 0, RequestLogModel::Url), u"https://api.github.com/orgs/github/repos"_s);

    proxy.setFilterFixedString(u"OCTOCAT"_s);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setFilterFixedString(u"error"_s);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(text(proxy, 0, RequestLogModel::Status), u"404"_s);

    model.append(entry(u"/users/ghost"_s, 0, CacheOutcome::Uncached, 3, -1, -1, u"network"_s));
    QCOMPARE(proxy.rowCount(), 2);
    model.clear();
    QCOMPARE(proxy.rowCount(), 0);
}

void TestRequestLogModel::track_appendsEveryRequestOfTheClient()
{
    FakeGitHub::Server fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    QNetworkAccessManager network;
    Hubshelf::GitHub::Client client(&network, nullptr, fake.apiUrl());

    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.track(&client);
    client.get(client.endpoint(u"/users/octocat"_s));

    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0, RequestLogModel::Method), u"GET"_s);
    QCOMPARE(text(model, 0, RequestLogModel::Status), u"200"_s);
    QCOMPARE(text(model, 0, RequestLogModel::Outcome), u"uncached"_s); // no cache
    QVERIFY(text(model, 0, RequestLogModel::Url).endsWith(u"/users/octocat"_s));
    QVERIFY(text(model, 0, RequestLogModel::Remaining).contains(u'/'));
}

QTEST_GUILESS_MAIN(TestRequestLogModel)
#include "test_requestlogmodel.moc"
