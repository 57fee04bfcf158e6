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

QTEST_GUILESS_MAIN(TestHistory)
#include "test_history.moc"
