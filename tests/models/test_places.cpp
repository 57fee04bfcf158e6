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
    QCOMPARE(placesOf(Target::Kind::Gist, OwnerKind::Unknown),
             (QList<Place>{Place::Files, Place::Revisions, Place::Forks}));
    // The signed-in person's own login: My gists (secret ones too) beside the public Gists, and Starred.
    const QList<Place> viewer = placesOf(Target::Kind::Login, OwnerKind::User, true);
    QCOMPARE(viewer,
             (QList<Place>{Place::Profile, Place::Gists, Place::MyGists, Place::Starred, Place::Repositories,
                           Place::Organizations, Place::Followers, Place::Following, Place::Insights}));
    // An organization has no gists of its own to sign in to.
    QCOMPARE(placesOf(Target::Kind::Login, OwnerKind::Organization, true),
             placesOf(Target::Kind::Login, OwnerKind::Organization, false));
    for (const Place place : viewer + placesOf(Target::Kind::Gist, OwnerKind::Unknown)) {
        QVERIFY(!placeTitle(place).isEmpty());
    }
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
    QTest::addColumn<bool>("viewer");  // the login is the signed-in person's

    QTest::newRow("user gists") << u"octocat"_s << OwnerKind::User << Place::Gists
                                << u"/users/octocat/gists"_s << int(ListKind::Gists) << false;
    QTest::newRow("user repos") << u"octocat"_s << OwnerKind::User << Place::Repositories
                                << u"/users/octocat/repos"_s << int(ListKind::Repositories) << false;
    QTest::newRow("user orgs") << u"octocat"_s << OwnerKind::User << Place::Organizations
                               << u"/users/octocat/orgs"_s << int(ListKind::Organizations) << false;
    QTest::newRow("followers") << u"octocat"_s << OwnerKind::User << Place::Followers
                               << u"/users/octocat/followers"_s << int(ListKind::Users) << false;
    QTest::newRow("following") << u"octocat"_s << OwnerKind::User << Place::Following
                               << u"/users/octocat/following"_s << int(ListKind::Users) << false;
    QTest::newRow("org repos") << u"megacorp"_s << OwnerKind::Organization << Place::Repositories
                               << u"/orgs/megacorp/repos"_s << int(ListKind::Repositories) << false;
    QTest::newRow("org members") << u"megacorp"_s << OwnerKind::Organization << Place::Members
                                 << u"/orgs/megacorp/members"_s << int(ListKind::Users) << false;
    QTest::newRow("pulls") << u"megacorp/monorepo"_s << OwnerKind::Unknown << Place::PullRequests
                           << u"/repos/megacorp/monorepo/pulls"_s << int(ListKind::PullRequests) << false;
    QTest::newRow("repo name with a dot is one segment")
        << u"octocat/octocat.github.io"_s << OwnerKind::Unknown << Place::PullRequests
        << u"/repos/octocat/octocat.github.io/pulls"_s << int(ListKind::PullRequests) << false;
    QTest::newRow("profile has no list")
        << u"octocat"_s << OwnerKind::User << Place::Profile << QString() << -1 << false;
    QTest::newRow("an organization has no gists place")
        << u"megacorp"_s << OwnerKind::Organization << Place::Gists << QString() << int(ListKind::Gists)
        << false;
    QTest::newRow("a repository has no members")
        << u"megacorp/monorepo"_s << OwnerKind::Unknown << Place::Members << QString() << int(ListKind::Users)
        << false;
    QTest::newRow("my gists") << u"octocat"_s << OwnerKind::User << Place::MyGists << u"/gists"_s
                              << int(ListKind::Gists) << true;
    QTest::newRow("starred") << u"octocat"_s << OwnerKind::User << Place::Starred << u"/gists/starred"_s
                             << int(ListKind::Gists) << true;
    QTest::newRow("another person has no starred place")
        << u"octocat"_s << OwnerKind::User << Place::Starred << QString() << int(ListKind::Gists) << false;
    QTest::newRow("the signed-in person's public gists")
        << u"octocat"_s << OwnerKind::User << Place::Gists << u"/users/octocat/gists"_s
        << int(ListKind::Gists) << true;
    QTest::newRow("revisions") << u"aa5a315d61ae9438b18d5a315d61ae94"_s << OwnerKind::Unknown
                               << Place::Revisions << u"/gists/aa5a315d61ae9438b18d5a315d61ae94/commits"_s
                               << int(ListKind::Revisions) << false;
    QTest::newRow("forks") << u"aa5a315d61ae9438b18d5a315d61ae94"_s << OwnerKind::Unknown << Place::Forks
                           << u"/gists/aa5a315d61ae9438b18d5a315d61ae94/forks"_s << int(ListKind::Gists)
                           << false;
    QTest::newRow("a login has no revisions") << u"octocat"_s << OwnerKind::User << Place::Revisions
                                              << QString() << int(ListKind::Revisions) << true;
}

void TestPlaces::listPath_usesOrgsForOrganizationsAndUsersOtherwise()
{
    QFETCH(QString, address);
    QFETCH(OwnerKind, owner);
    QFETCH(Place, place);
    QFETCH(QString, path);
    QFETCH(int, listKind);
    QFETCH(bool, viewer);

    const Target target = parseTarget(address);
    QVERIFY(target.isValid());
    QCOMPARE(listPath(target, owner, place, viewer), path);
    const std::optional<ListKind> kind = listKindOf(place);
    QCOMPARE(kind ? int(*kind) : -1, listKind);
}

void TestPlaces::placeNames_roundTrip()
{
    for (const Place place :
         {Place::Profile, Place::Gists, Place::Repositories, Place::Organizations, Place::Followers,
          Place::Following, Place::Members, Place::PullRequests, Place::Files, Place::Insights,
          Place::MyGists, Place::Starred, Place::Revisions, Place::Forks}) {
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
