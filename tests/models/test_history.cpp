#include "models/history.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Hubshelf::GitHub::parseTarget;
using Hubshelf::Models::History;
using Hubshelf::Models::Location;
using Hubshelf::Models::Place;

namespace {

Location at(const QString &address, std::optional<Place> place = std::nullopt)
{
    return Location{parseTarget(address), place, {}};
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void empty_cannotMove();
    void backAndForward_walkTheVisits();
    void visitAfterGoingBack_dropsWhatWasAhead();
    void visitingTheCurrentStopAgain_addsNothing();
    void replaceCurrent_keepsTheLength();
    void length_isBounded();
    void savedLocation_comesBackAsItWas();
    void restoredLocation_refusesWhatIsNotAPlace_data();
    void restoredLocation_refusesWhatIsNotAPlace();
};

void TestHistory::empty_cannotMove()
{
    History history;
    QVERIFY(!history.canGoBack());
    QVERIFY(!history.canGoForward());
    QVERIFY(!history.current());
}

void TestHistory::backAndForward_walkTheVisits()
{
    History history;
    history.visit(at(u"octocat"_s));
    history.visit(at(u"megacorp"_s, Place::Repositories));
    history.visit(at(u"megacorp/monorepo"_s));
    QVERIFY(history.canGoBack());
    QVERIFY(!history.canGoForward());
    QCOMPARE(history.goBack(), at(u"megacorp"_s, Place::Repositories));
    QCOMPARE(history.goBack(), at(u"octocat"_s));
    QVERIFY(!history.canGoBack());
    QCOMPARE(history.goForward(), at(u"megacorp"_s, Place::Repositories));
    QCOMPARE(*history.current(), at(u"megacorp"_s, Place::Repositories));
    QVERIFY(history.canGoForward());
}

void TestHistory::visitAfterGoingBack_dropsWhatWasAhead()
{
    History history;
    history.visit(at(u"octocat"_s));
    history.visit(at(u"monalisa"_s));
    history.goBack();
    history.visit(at(u"megacorp"_s));
    QVERIFY(!history.canGoForward());
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.goBack(), at(u"octocat"_s));
}

void TestHistory::visitingTheCurrentStopAgain_addsNothing()
{
    History history;
    history.visit(at(u"octocat"_s, Place::Gists));
    history.visit(at(u"OCTOCAT"_s.toLower(), Place::Gists));
    QCOMPARE(history.size(), 1);
    history.visit(at(u"octocat"_s, Place::Followers));
    QCOMPARE(history.size(), 2);
}

void TestHistory::replaceCurrent_keepsTheLength()
{
    History history;
    history.visit(at(u"octocat"_s));
    history.visit(at(u"megacorp"_s));
    history.replaceCurrent(at(u"megacorp"_s, Place::Repositories));
    QCOMPARE(history.size(), 2);
    QCOMPARE(*history.current(), at(u"megacorp"_s, Place::Repositories));
    QCOMPARE(history.goBack(), at(u"octocat"_s));
}

void TestHistory::length_isBounded()
{
    History history;
    for (int i = 0; i < History::MaximumLength + 20; ++i) {
        history.visit(at(u"user-%1"_s.arg(i)));
    }
    QCOMPARE(history.size(), History::MaximumLength);
    int steps = 0;
    while (history.canGoBack()) {
        history.goBack();
        ++steps;
    }
    QCOMPARE(steps, History::MaximumLength - 1);
    QCOMPARE(*history.current(), at(u"user-20"_s));
}

void TestHistory::savedLocation_comesBackAsItWas()
{
    for (const Location &location :
         {Location{parseTarget(u"octocat/Hello-World"_s), Place::PullRequests, u"closed"_s},
          Location{parseTarget(u"megacorp"_s), Place::Members, {}},
          Location{parseTarget(u"aa5a315d61ae9438b18d4a1b2c3d4e5f"_s), std::nullopt, {}},
          Location{parseTarget(u"@deadbeef"_s), Place::Gists, {}}}) {
        const QByteArray saved = Hubshelf::Models::savedLocation(location);
        QVERIFY(!saved.isEmpty());
        const std::optional<Location> back = Hubshelf::Models::restoredLocation(saved);
        QVERIFY2(back, saved.constData());
        QCOMPARE(back->target.kind, location.target.kind);
        QCOMPARE(back->target.text(), location.target.text());
        QCOMPARE(back->place, location.place);
        QCOMPARE(back->pullState, location.pullState);
        QVERIFY(*back == location);
    }
    QCOMPARE(Hubshelf::Models::savedLocation(Location{}), QByteArray());
}

void TestHistory::restoredLocation_refusesWhatIsNotAPlace_data()
{
    QTest::addColumn<QByteArray>("saved");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("no target") << QByteArray("place=pulls");
    QTest::newRow("invalid login") << QByteArray("target=-bad-");
    QTest::newRow("a path in the name") << QByteArray("target=..%2F..%2Fetc");
    QTest::newRow("unknown place") << QByteArray("target=octocat&place=secrets");
    QTest::newRow("unknown state") << QByteArray("target=octocat%2FHello-World&place=pulls&state=weird");
    QTest::newRow("garbage") << QByteArray("\x00\xff&&==%%");
}

void TestHistory::restoredLocation_refusesWhatIsNotAPlace()
{
    QFETCH(QByteArray, saved);
    QVERIFY(!Hubshelf::Models::restoredLocation(saved));
}

QTEST_GUILESS_MAIN(TestHistory)
#include "test_history.moc"
