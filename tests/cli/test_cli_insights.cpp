// `hubshelf insights` against the fake GitHub's generated organization (constellation: 200
// repositories, 20 forks, one always computing, one empty), as a script would run it. The golden
// files come from tests/fakegithub/insights_oracle.py, which computes the same numbers on its own.

#include "clirun.h"
#include "fakegithub.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using CliTest::Run;

class TestCliInsights final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void contributors_matchTheOracle_data();
    void contributors_matchTheOracle();
    void aRepositoryStillComputing_isNamedAndTheResultIncomplete();
    void aSecondRun_spendsNoPoints();
    void sinceAndUntil_cutTheMonths();
    void badRequests_exit2WithoutARequest_data();
    void badRequests_exit2WithoutARequest();
    void anUnknownOwner_exits3();

private:
    Run run(const QStringList &arguments)
    {
        return CliTest::runHubshelf(m_fake->apiUrl(), *m_home, arguments, m_token);
    }
    static QByteArray golden(const QString &name);
    qsizetype pointsSpent() const;

    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QTemporaryDir> m_home;
    QByteArray m_token = FakeGitHub::Tokens::Octocat;
};

void TestCliInsights::initTestCase()
{
    // 202s are asked again after 20, 40, 80 … ms instead of 1, 2, 4 … s.
    qputenv("HUBSHELF_STATISTICS_RETRY_MS", "20");
}

void TestCliInsights::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void TestCliInsights::cleanup()
{
    m_fake.reset();
    m_home.reset();
}

QByteArray TestCliInsights::golden(const QString &name)
{
    QFile file(QStringLiteral(HUBSHELF_GOLDEN_DIR) + u"/insights/"_s + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qsizetype TestCliInsights::pointsSpent() const
{
    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    return std::count_if(log.cbegin(), log.cend(), [](const auto &entry) { return entry.spentPoint; });
}

void TestCliInsights::contributors_matchTheOracle_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("golden");
    const QString owner = FakeGitHub::Names::InsightsOrganization;
    QTest::newRow("contributors, CSV")
        << QStringList{u"insights"_s, u"contributors"_s, owner} << u"constellation-contributors.csv"_s;
    QTest::newRow("contributors, JSON")
        << QStringList{u"insights"_s, u"contributors"_s, owner, u"--format"_s, u"json"_s}
        << u"constellation-contributors.json"_s;
    QTest::newRow("contributors with forks")
        << QStringList{u"insights"_s, u"contributors"_s, owner, u"--include-forks"_s}
        << u"constellation-contributors-with-forks.csv"_s;
    QTest::newRow("languages") << QStringList{u"insights"_s, u"languages"_s, owner}
                               << u"constellation-languages.csv"_s;
}

void TestCliInsights::contributors_matchTheOracle()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, golden);
    const Run result = run(arguments);
    const QByteArray expected = TestCliInsights::golden(golden);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(result.out, expected);
    // The always-computing repository is left out, so the result says it is incomplete: exit 6.
    QCOMPARE(result.exitCode, 6);
}

void TestCliInsights::aRepositoryStillComputing_isNamedAndTheResultIncomplete()
{
    const Run result = run({u"insights"_s, u"contributors"_s, FakeGitHub::Names::InsightsOrganization});
    QCOMPARE(result.exitCode, 6);
    const QStringList lines = result.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(u"hubshelf: warning: "_s) &&
                 lines.at(0).contains(FakeGitHub::Names::StillComputingRepository),
             qPrintable(lines.at(0)));
    QCOMPARE(lines.at(1), u"hubshelf: the insights are incomplete: 1 repository left out."_s);
    // Asked six times, a 202 each time; the empty repository once, a 204.
    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    const QString stillComputing =
        u"/repos/%1/stats/contributors"_s.arg(FakeGitHub::Names::StillComputingRepository);
    QCOMPARE(std::count_if(log.cbegin(), log.cend(),
                           [&](const auto &entry) { return entry.path == stillComputing; }),
             6);
    const QString empty = u"/repos/%1/stats/contributors"_s.arg(FakeGitHub::Names::EmptyRepository);
    QCOMPARE(std::count_if(log.cbegin(), log.cend(),
                           [&](const auto &entry) { return entry.path == empty && entry.status == 204; }),
             1);
    // Forks are not asked about unless --include-forks.
    QVERIFY(std::none_of(log.cbegin(), log.cend(), [](const auto &entry) {
        return entry.path.endsWith(u"-fork/stats/contributors"_s);
    }));
}

void TestCliInsights::aSecondRun_spendsNoPoints()
{
    const QStringList arguments{u"insights"_s, u"contributors"_s, FakeGitHub::Names::Octocat};
    const Run first = run(arguments);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QVERIFY(first.out.startsWith("month,new_contributors,total_contributors\r\n"));
    QVERIFY(first.out.count('\n') > 1);
    const qsizetype spent = pointsSpent();
    QVERIFY(spent > 0);
    // Within max-age from the cache, after it with 304s: not a point either way.
    const Run second = run(arguments);
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(second.out, first.out);
    QCOMPARE(pointsSpent(), spent);
    m_fake->setMaxAge(0);
    const Run third = run(arguments);
    QCOMPARE(third.out, first.out);
    QCOMPARE(pointsSpent(), spent);
}

void TestCliInsights::sinceAndUntil_cutTheMonths()
{
    const Run all = run({u"insights"_s, u"contributors"_s, FakeGitHub::Names::InsightsOrganization});
    const Run some = run({u"insights"_s, u"contributors"_s, FakeGitHub::Names::InsightsOrganization,
                          u"--since"_s, u"2019-03"_s, u"--until"_s, u"2019-05"_s});
    QList<QByteArray> expected{all.out.split('\n').constFirst()};
    for (const QByteArray &line : all.out.split('\n')) {
        if (line.startsWith("2019-03,") || line.startsWith("2019-04,") || line.startsWith("2019-05,")) {
            expected.append(line);
        }
    }
    QCOMPARE(expected.size(), 4);
    QCOMPARE(some.out, expected.join('\n') + '\n');
}

void TestCliInsights::badRequests_exit2WithoutARequest_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("sentence");
    const QString owner = FakeGitHub::Names::InsightsOrganization;
    QTest::newRow("no owner") << QStringList{u"insights"_s, u"contributors"_s}
                              << u"insights takes what and whose"_s;
    QTest::newRow("an invalid login") << QStringList{u"insights"_s, u"contributors"_s, u"not_a_login"_s}
                                      << u"'not_a_login' is not a valid GitHub login."_s;
    QTest::newRow("an unknown insight")
        << QStringList{u"insights"_s, u"stars"_s, owner} << u"'stars' is not an insight"_s;
    QTest::newRow("a bad format") << QStringList{u"insights"_s, u"languages"_s, owner, u"--format"_s,
                                                 u"xml"_s}
                                  << u"--format takes csv or json."_s;
    QTest::newRow("a bad month") << QStringList{u"insights"_s, u"contributors"_s, owner, u"--since"_s,
                                                u"2019-13"_s}
                                 << u"YYYY-MM"_s;
    QTest::newRow("since after until")
        << QStringList{u"insights"_s, u"contributors"_s, owner,       u"--since"_s,
                       u"2020-01"_s,  u"--until"_s,      u"2019-01"_s}
        << u"comes after"_s;
    QTest::newRow("months for languages")
        << QStringList{u"insights"_s, u"languages"_s, owner, u"--since"_s, u"2020-01"_s}
        << u"apply to contributors only"_s;
    QTest::newRow("an export option")
        << QStringList{u"insights"_s, u"languages"_s, owner, u"--limit"_s, u"3"_s}
        << u"--limit does not apply to insights."_s;
}

void TestCliInsights::badRequests_exit2WithoutARequest()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, sentence);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(sentence), qPrintable(result.err));
    QCOMPARE(result.err.count(u'\n'), 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY(m_fake->requestLog().isEmpty());
}

void TestCliInsights::anUnknownOwner_exits3()
{
    const Run result = run({u"insights"_s, u"languages"_s, u"no-such-owner"_s});
    QCOMPARE(result.exitCode, 3);
    QCOMPARE(result.err.count(u'\n'), 1);
    QVERIFY(result.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliInsights)
#include "test_cli_insights.moc"
