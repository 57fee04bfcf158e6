#include "models/places.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Hubshelf::GitHub::parseTarget;
using Hubshelf::GitHub::Target;
using namespace Hubshelf::Models;

Q_DECLARE_METATYPE(Hubshelf::Models::Place)
Q_DECLARE_METATYPE(Hubshelf::Models::OwnerKind)

class TestPlaces : public QObject
{
    Q_OBJECT

private slots:
    void places_followTheKindOfTarget();
    void defaultPlace_isTheMainListOfEachKind();
    void listPath_usesOrgsForOrganizationsAndUsersOtherwise_data();
    void listPath_usesOrgsForOrganizationsAndUsersOtherwise();
    void placeNames_roundTrip();
    void ownerKind_fromGitHubsType();
};

void TestPlaces::places_followTheKindOfTarget()
{
    const QList<Place> user = placesOf(Target::Kind::Login, OwnerKind::User);
    QCOMPARE(user, (QList<Place>{Place::Profile, Place::Gists, Place::Repositories, Place::Organizations,
                                 Place::Followers, Place::Following, Place::Insights}));
    QCOMPARE(placesOf(Target::Kind::Login, OwnerKind::Organization),
             (QList<Place>{Place::Profile, Place::Repositories, Place::Members, Place::Insights}));
    // Insights is a place of charts, not a list.
    QCOMPARE(listKindOf(Place::Insights), std::optional<ListKind>());
    QVERIFY(listPath(parseTarget(u"octocat"_s), OwnerKind::User, Place::Insights).isEmpty());
    QCOMPARE(placesOf(Target::Kind::Login, OwnerKind::Unknown), QList<Place>{Place::Profile});
    QCOMPARE(placesOf(Target::Kind::Repository, OwnerKind::Unknown), QList<Place>{Place::PullRequests});
    QCOMPARE(placesOf(Target::Kind::Gist, OwnerKind::Unknown), QList<Place>{Place::Files});
    QVERIFY(placesOf(Target::Kind::Invalid, OwnerKind::User).isEmpty());
    for (const Place place : user) {
        QVERIFY(!placeTitle(place).isEmpty());
    }
}

void TestPlaces::defaultPlace_isTheMainListOfEachKind()
{
    QCOMPARE(defaultPlace(Target::Kind::Login, OwnerKind::User), Place::Gists);
    QCOMPARE(defaultPlace(Target::Kind::Login, OwnerKind::Organization), Place::Repositories);
    QCOMPARE(defaultPlace(Target::Kind::Login, OwnerKind::Unknown), Place::Profile);
    QCOMPARE(defaultPlace(Target::Kind::Repository, OwnerKind::Unknown), Place::PullRequests);
    QCOMPARE(defaultPlace(Target::Kind::Gist, OwnerKind::Unknown), Place::Files);
}

void TestPlaces::listPath_usesOrgsForOrganizationsAndUsersOtherwise_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<OwnerKind>("owner");
    QTest::addColumn<Place>("place");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("listKind"); // -1: no list

    QTest::newRow("user gists") << u"octocat"_s << OwnerKind::User << Place::Gists
                                << u"/users/octocat/gists"_s << int(ListKind::Gists);
    QTest::newRow("user repos") << u"octocat"_s << OwnerKind::User << Place::Repositories
                                << u"/users/octocat/repos"_s << int(ListKind::Repositories);
    QTest::newRow("user orgs") << u"octocat"_s << OwnerKind::User << Place::Organizations
                               << u"/users/octocat/orgs"_s << int(ListKind::Organizations);
    QTest::newRow("followers") << u"octocat"_s << OwnerKind::User << Place::Followers
                               << u"/users/octocat/followers"_s << int(ListKind::Users);
    QTest::newRow("following") << u"octocat"_s << OwnerKind::User << Place::Following
                               << u"/users/octocat/following"_s << int(ListKind::Users);
    QTest::newRow("org repos") << u"megacorp"_s << OwnerKind::Organization << Place::Repositories
                               << u"/orgs/megacorp/repos"_s << int(ListKind::Repositories);
    QTest::newRow("org members") << u"megacorp"_s << OwnerKind::Organization << Place::Members
                                 << u"/orgs/megacorp/members"_s << int(ListKind::Users);
    QTest::newRow("pulls") << u"megacorp/monorepo"_s << OwnerKind::Unknown << Place::PullRequests
                           << u"/repos/megacorp/monorepo/pulls"_s << int(ListKind::PullRequests);
    QTest::newRow("repo name with a dot is one segment")
        << u"octocat/octocat.github.io"_s << OwnerKind::Unknown << Place::PullRequests
        << u"/repos/octocat/octocat.github.io/pulls"_s << int(ListKind::PullRequests);
    QTest::newRow("profile has no list")
        << u"octocat"_s << OwnerKind::User << Place::Profile << QString() << -1;
    QTest::newRow("an organization has no gists place")
        << u"megacorp"_s << OwnerKind::Organization << Place::Gists << QString() << int(ListKind::Gists);
    QTest::newRow("a repository has no members") << u"megacorp/monorepo"_s << OwnerKind::Unknown
                                                 << Place::Members << QString() << int(ListKind::Users);
}

void TestPlaces::listPath_usesOrgsForOrganizationsAndUsersOtherwise()
{
    QFETCH(QString, address);
    QFETCH(OwnerKind, owner);
    QFETCH(Place, place);
    QFETCH(QString, path);
    QFETCH(int, listKind);

    const Target target = parseTarget(address);
    QVERIFY(target.isValid());
    QCOMPARE(listPath(target, owner, place), path);
    const std::optional<ListKind> kind = listKindOf(place);
    QCOMPARE(kind ? int(*kind) : -1, listKind);
}

void TestPlaces::placeNames_roundTrip()
{
    for (const Place place :
         {Place::Profile, Place::Gists, Place::Repositories, Place::Organizations, Place::Followers,
          Place::Following, Place::Members, Place::PullRequests, Place::Files, Place::Insights}) {
        QCOMPARE(placeNamed(placeName(place)), std::optional<Place>(place));
    }
    QCOMPARE(placeNamed(u"wiki"_s), std::optional<Place>());
}

void TestPlaces::ownerKind_fromGitHubsType()
{
    QCOMPARE(ownerKindOf(u"Organization"_s), OwnerKind::Organization);
    QCOMPARE(ownerKindOf(u"User"_s), OwnerKind::User);
    QCOMPARE(ownerKindOf(u"Bot"_s), OwnerKind::User);
    QCOMPARE(ownerKindOf(QString()), OwnerKind::Unknown);
}

QTEST_GUILESS_MAIN(TestPlaces)
#include "test_places.moc"
