// The arithmetic of monthly new contributors and language shares, on answers written here in
// GitHub's shape.

#include "insights/contributorhistory.h"
#include "insights/insightstables.h"
#include "insights/languagetotals.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Hubshelf::Insights::ContributorHistory;
using Hubshelf::Insights::LanguageTotals;
using Hubshelf::Insights::MonthOfNewcomers;

namespace {

// Unix seconds of a UTC time.
qint64 utc(int year, int month, int day, int hour = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0), Qt::UTC).toSecsSinceEpoch();
}

QJsonObject week(qint64 start, int commits)
{
    return {{u"w"_s, start}, {u"a"_s, commits * 10}, {u"d"_s, commits}, {u"c"_s, commits}};
}

// One contributor entry; an empty login is GitHub's null author.
QJsonObject contributor(const QString &login, const QJsonArray &weeks)
{
    int total = 0;
    for (const QJsonValue &w : weeks) {
        total += w[u"c"_s].toInt();
    }
    const QJsonValue author = login.isEmpty() ? QJsonValue(QJsonValue::Null)
                                              : QJsonValue(QJsonObject{{u"login"_s, login}, {u"id"_s, 1}});
    return {{u"author"_s, author}, {u"total"_s, total}, {u"weeks"_s, weeks}};
}

QStringList monthsOf(const QList<MonthOfNewcomers> &series)
{
    QStringList lines;
    for (const MonthOfNewcomers &month : series) {
        lines.append(u"%1 %2 %3 %4"_s.arg(month.month)
                         .arg(month.newContributors)
                         .arg(month.totalContributors)
                         .arg(month.newcomers.join(u',')));
    }
    return lines;
}

} // namespace

class TestContributorHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void monthOf_isTheUtcMonthOfTheWeeksStart_data();
    void monthOf_isTheUtcMonthOfTheWeeksStart();
    void aContributorInSeveralRepositories_isCountedOnceAtTheEarliestWeek();
    void weeksWithoutCommits_doNotMakeAContributor();
    void nullAuthors_areUnattributedCommitsNotContributors();
    void monthsWithoutNewcomers_areInTheSeries_upToTheLastCommit();
    void sinceAndUntil_cutTheSeries_totalsCountFromTheStart();
    void notStatistics_isRefusedAndNothingTaken_data();
    void notStatistics_isRefusedAndNothingTaken();
    void isMonth_data();
    void isMonth();
    void languages_sumBytesSharesAndRepositories();
    void languages_notAMap_isRefused();
    void tables_csvAndJson();
};

void TestContributorHistory::monthOf_isTheUtcMonthOfTheWeeksStart_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<QString>("month");
    // GitHub's weeks start on Sunday 00:00 UTC; a week that straddles two months is the first's.
    QTest::newRow("Sunday 2019-03-31, the week ends in April") << utc(2019, 3, 31) << u"2019-03"_s;
    QTest::newRow("Sunday 2019-04-07") << utc(2019, 4, 7) << u"2019-04"_s;
    QTest::newRow("the last second of a year") << utc(2019, 12, 31, 23) + 3599 << u"2019-12"_s;
    QTest::newRow("the first second of a year") << utc(2020, 1, 1) << u"2020-01"_s;
    QTest::newRow("29 February") << utc(2020, 2, 29) << u"2020-02"_s;
    QTest::newRow("the epoch") << qint64(0) << u"1970-01"_s;
}

void TestContributorHistory::monthOf_isTheUtcMonthOfTheWeeksStart()
{
    QFETCH(qint64, start);
    QFETCH(QString, month);
    // Whatever the machine's zone: UTC only (a zone east of UTC would move 2019-03-31 into April,
    // one west of it 2020-01-01 into December).
    const QByteArray zone = qgetenv("TZ");
    for (const char *tz : {"Pacific/Kiritimati", "America/Los_Angeles", "UTC"}) {
        qputenv("TZ", tz);
        QCOMPARE(Hubshelf::Insights::monthOf(start), month);
    }
    qputenv("TZ", zone);
}

void TestContributorHistory::aContributorInSeveralRepositories_isCountedOnceAtTheEarliestWeek()
{
    ContributorHistory history;
    QVERIFY(history.add(
        QJsonArray{contributor(u"ada"_s, {week(utc(2020, 5, 3), 2), week(utc(2020, 5, 10), 1)}),
                   contributor(u"grace"_s, {week(utc(2020, 5, 3), 0), week(utc(2020, 5, 10), 4)})}));
    // Ada again, earlier, in another repository, spelt with capitals: one person, March.
    QVERIFY(history.add(QJsonArray{contributor(u"Ada"_s, {week(utc(2020, 3, 1), 1)}),
                                   contributor(u"linus"_s, {week(utc(2020, 3, 29), 3)})}));
    QCOMPARE(history.contributorCount(), 3);
    QCOMPARE(monthsOf(history.months()),
             QStringList({u"2020-03 2 2 ada,linus"_s, u"2020-04 0 2 "_s, u"2020-05 1 3 grace"_s}));
}

void TestContributorHistory::weeksWithoutCommits_doNotMakeAContributor()
{
    ContributorHistory history;
    QVERIFY(history.add(
        QJsonArray{contributor(u"idle"_s, {week(utc(2021, 1, 3), 0), week(utc(2021, 1, 10), 0)}),
                   contributor(u"busy"_s, {week(utc(2021, 1, 3), 0), week(utc(2021, 1, 10), 5)})}));
    QCOMPARE(history.contributorCount(), 1);
    QCOMPARE(monthsOf(history.months()), QStringList({u"2021-01 1 1 busy"_s}));
}

void TestContributorHistory::nullAuthors_areUnattributedCommitsNotContributors()
{
    ContributorHistory history;
    QVERIFY(history.add(
        QJsonArray{contributor({}, {week(utc(2018, 6, 3), 7), week(utc(2018, 6, 10), 2)}),
                   contributor(u"octo"_s, {week(utc(2018, 6, 3), 1), week(utc(2018, 6, 10), 0)})}));
    QVERIFY(history.add(QJsonArray{contributor({}, {week(utc(2018, 7, 1), 3)})}));
    QCOMPARE(history.contributorCount(), 1);
    QCOMPARE(history.unattributedCommits(), qint64(12));
    // The unattributed commits of July still extend the series to the last month with commits.
    QCOMPARE(monthsOf(history.months()), QStringList({u"2018-06 1 1 octo"_s, u"2018-07 0 1 "_s}));
}

void TestContributorHistory::monthsWithoutNewcomers_areInTheSeries_upToTheLastCommit()
{
    ContributorHistory history;
    QVERIFY(
        history.add(QJsonArray{contributor(u"early"_s, {week(utc(2019, 11, 3), 1), week(utc(2020, 2, 2), 1)}),
                               contributor(u"late"_s, {week(utc(2019, 11, 3), 0), week(utc(2020, 2, 2), 0),
                                                       week(utc(2020, 4, 5), 1)})}));
    QCOMPARE(monthsOf(history.months()),
             QStringList({u"2019-11 1 1 early"_s, u"2019-12 0 1 "_s, u"2020-01 0 1 "_s, u"2020-02 0 1 "_s,
                          u"2020-03 0 1 "_s, u"2020-04 1 2 late"_s}));
    QVERIFY(ContributorHistory().months().isEmpty());
}

void TestContributorHistory::sinceAndUntil_cutTheSeries_totalsCountFromTheStart()
{
    ContributorHistory history;
    QVERIFY(history.add(QJsonArray{
        contributor(u"a"_s, {week(utc(2019, 1, 6), 1)}), contributor(u"b"_s, {week(utc(2019, 2, 3), 1)}),
        contributor(u"c"_s, {week(utc(2019, 3, 3), 1)}), contributor(u"d"_s, {week(utc(2019, 4, 7), 1)})}));
    QCOMPARE(monthsOf(history.months(u"2019-02"_s, u"2019-03"_s)),
             QStringList({u"2019-02 1 2 b"_s, u"2019-03 1 3 c"_s}));
    QCOMPARE(monthsOf(history.months(u"2019-04"_s)), QStringList({u"2019-04 1 4 d"_s}));
    QCOMPARE(monthsOf(history.months({}, u"2019-01"_s)), QStringList({u"2019-01 1 1 a"_s}));
    QVERIFY(history.months(u"2020-01"_s).isEmpty());
}

void TestContributorHistory::notStatistics_isRefusedAndNothingTaken_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("an entry that is not an object") << QByteArray(R"([1])");
    QTest::newRow("no weeks") << QByteArray(R"([{"author": null, "total": 1}])");
    QTest::newRow("weeks not an array") << QByteArray(R"([{"author": null, "weeks": {}}])");
    QTest::newRow("a week without w") << QByteArray(R"([{"author": null, "weeks": [{"c": 1}]}])");
    QTest::newRow("a negative count") << QByteArray(R"([{"author": null, "weeks": [{"w": 0, "c": -1}]}])");
    QTest::newRow("a fraction") << QByteArray(R"([{"author": null, "weeks": [{"w": 0.5, "c": 1}]}])");
    QTest::newRow("a string count") << QByteArray(R"([{"author": null, "weeks": [{"w": 0, "c": "1"}]}])");
    QTest::newRow("a week in 2200") << QByteArray(
        R"([{"author": null, "weeks": [{"w": 7258118400, "c": 1}]}])");
    QTest::newRow("an author that is a string") << QByteArray(R"([{"author": "x", "weeks": []}])");
}

void TestContributorHistory::notStatistics_isRefusedAndNothingTaken()
{
    QFETCH(QByteArray, json);
    ContributorHistory history;
    const QJsonArray good{contributor(u"kept"_s, {week(utc(2022, 8, 7), 1)})};
    QVERIFY(history.add(good));
    // A good entry before the bad one is not taken either.
    QJsonArray bad = QJsonDocument::fromJson(json).array();
    bad.prepend(contributor(u"dropped"_s, {week(utc(2021, 1, 3), 1)}));
    QVERIFY(!history.add(bad));
    QCOMPARE(monthsOf(history.months()), QStringList({u"2022-08 1 1 kept"_s}));
}

void TestContributorHistory::isMonth_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("month");
    QTest::newRow("2019-03") << u"2019-03"_s << true;
    QTest::newRow("2019-12") << u"2019-12"_s << true;
    QTest::newRow("2019-13") << u"2019-13"_s << false;
    QTest::newRow("2019-00") << u"2019-00"_s << false;
    QTest::newRow("2019-3") << u"2019-3"_s << false;
    QTest::newRow("2019-03-01") << u"2019-03-01"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("Arabic-Indic digits") << u"\u0662\u0660\u0661\u0669-03"_s << false;
}

void TestContributorHistory::isMonth()
{
    QFETCH(QString, text);
    QFETCH(bool, month);
    QCOMPARE(ContributorHistory::isMonth(text), month);
}

void TestContributorHistory::languages_sumBytesSharesAndRepositories()
{
    LanguageTotals totals;
    QVERIFY(totals.add(QJsonObject{{u"C++"_s, 600}, {u"CMake"_s, 100}}));
    QVERIFY(totals.add(QJsonObject{{u"C++"_s, 200}, {u"Python"_s, 100}}));
    QVERIFY(totals.add(QJsonObject{}));
    QCOMPARE(totals.totalBytes(), qint64(1000));
    const auto shares = totals.shares();
    QCOMPARE(shares.size(), 3);
    QCOMPARE(shares.at(0).language, u"C++"_s);
    QCOMPARE(shares.at(0).bytes, qint64(800));
    QCOMPARE(shares.at(0).share, 0.8);
    QCOMPARE(shares.at(0).repositories, 2);
    // Ties by name.
    QCOMPARE(shares.at(1).language, u"CMake"_s);
    QCOMPARE(shares.at(2).language, u"Python"_s);
    QCOMPARE(shares.at(2).repositories, 1);
    QVERIFY(LanguageTotals().shares().isEmpty());
}

void TestContributorHistory::languages_notAMap_isRefused()
{
    LanguageTotals totals;
    QVERIFY(totals.add(QJsonObject{{u"Go"_s, 5}}));
    QVERIFY(!totals.add(QJsonObject{{u"Rust"_s, 10}, {u"C"_s, u"many"_s}}));
    QVERIFY(!totals.add(QJsonObject{{u"Rust"_s, -1}}));
    QVERIFY(!totals.add(QJsonObject{{u"Rust"_s, 1e300}}));
    QVERIFY(!totals.add(QJsonObject{{u" "_s, 1}}));
    QCOMPARE(totals.shares().size(), 1);
    QCOMPARE(totals.totalBytes(), qint64(5));
}

void TestContributorHistory::tables_csvAndJson()
{
    ContributorHistory history;
    QVERIFY(history.add(QJsonArray{contributor(u"a"_s, {week(utc(2019, 1, 6), 1)}),
                                   contributor(u"b"_s, {week(utc(2019, 3, 3), 1)})}));
    namespace Tables = Hubshelf::Insights::Tables;
    QCOMPARE(
        Tables::contributorsCsv(history.months()),
        QByteArray(
            "month,new_contributors,total_contributors\r\n2019-01,1,1\r\n2019-02,0,1\r\n2019-03,1,2\r\n"));
    const QJsonArray json = QJsonDocument::fromJson(Tables::contributorsJson(history.months())).array();
    QCOMPARE(json.size(), 3);
    QCOMPARE(
        json.at(2).toObject(),
        (QJsonObject{{u"month"_s, u"2019-03"_s}, {u"new_contributors"_s, 1}, {u"total_contributors"_s, 2}}));
    LanguageTotals totals;
    QVERIFY(totals.add(QJsonObject{{u"=cmd"_s, 1}, {u"C"_s, 3}}));
    // A language name from GitHub is data: the formula guard holds.
    QCOMPARE(Tables::languagesCsv(totals.shares()),
             QByteArray("language,bytes,share,repositories\r\nC,3,0.7500,1\r\n'=cmd,1,0.2500,1\r\n"));
    const QJsonArray languages = QJsonDocument::fromJson(Tables::languagesJson(totals.shares())).array();
    QCOMPARE(languages.at(0).toObject().value(u"share"_s).toDouble(), 0.75);
}

QTEST_GUILESS_MAIN(TestContributorHistory)
#include "test_contributorhistory.moc"
