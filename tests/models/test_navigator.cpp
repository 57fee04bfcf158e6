// The navigator without a window: logins resolve to users or organizations over loopback against
// the fake GitHub, places and list URLs follow, accounts are remembered per account, history moves.

#include "fakegithub.h"
#include "github/client.h"
#include "github/error.h"
#include "models/navigator.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Hubshelf::Models;
using Hubshelf::GitHub::Client;
using Hubshelf::GitHub::parseTarget;

namespace {

constexpr int NetworkTimeoutMs = 15'000;

// What the navigator said, in the order it said it.
struct Seen
{
    QList<QList<Place>> places;
    QList<QPair<ListKind, QUrl>> lists;
    QList<QJsonObject> profiles;
    QList<QJsonObject> accountDetails;
    QList<Hubshelf::GitHub::Error> failures;
    int detailsLoading = 0;
    int locationChanges = 0;
};

} // namespace

class TestNavigator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void login_ofAUser_opensItsGistsUnderUsers();
    void login_ofAnOrganization_opensItsRepositoriesUnderOrgs();
    void place_ofAnOrganization_membersUnderOrgs();
    void rememberedAccount_isNotAskedAgain();
    void resetForAccount_forgetsWhatGitHubSaid();
    void backAndForward_walkTheVisits();
    void repository_listsPullRequestsByState();
    void rowDetails_askOnceForAnAccount();
    void openRow_ofAPerson_opensTheirProfile();
    void unknownLogin_fails();
    void webPage_isGitHubsWordForALogin();

private:
    void watch(Navigator &navigator);
    int requestsFor(const QString &path) const;

    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Client> m_client;
    std::unique_ptr<Navigator> m_navigator;
    Seen m_seen;
};

void TestNavigator::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<Client>(m_network.get(), nullptr, m_fake->apiUrl());
    m_client->setToken(FakeGitHub::Tokens::Octocat);
    m_navigator = std::make_unique<Navigator>(m_client.get());
    m_seen = {};
    watch(*m_navigator);
}

void TestNavigator::cleanup()
{
    m_navigator.reset();
    m_client.reset();
    m_network.reset();
    m_fake.reset();
}

void TestNavigator::watch(Navigator &navigator)
{
    connect(&navigator, &Navigator::placesChanged, this,
            [this](const QList<Place> &places, Place) { m_seen.places.append(places); });
    connect(&navigator, &Navigator::listReady, this, [this](ListKind kind, const QUrl &url) {
        m_seen.lists.append({kind, url});
    });
    connect(&navigator, &Navigator::profileReady, this,
            [this](const QJsonObject &account) { m_seen.profiles.append(account); });
    connect(&navigator, &Navigator::accountDetails, this,
            [this](const QJsonObject &account) { m_seen.accountDetails.append(account); });
    connect(&navigator, &Navigator::detailsLoading, this, [this] { ++m_seen.detailsLoading; });
    connect(&navigator, &Navigator::failed, this,
            [this](const Hubshelf::GitHub::Error &error) { m_seen.failures.append(error); });
    connect(&navigator, &Navigator::locationChanged, this, [this] { ++m_seen.locationChanges; });
}

int TestNavigator::requestsFor(const QString &path) const
{
    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    return int(std::count_if(log.cbegin(), log.cend(), [&path](const FakeGitHub::LoggedRequest &request) {
        return request.path == path;
    }));
}

void TestNavigator::login_ofAUser_opensItsGistsUnderUsers()
{
    m_navigator->open(Location{parseTarget(u"octocat"_s), std::nullopt, {}});
    QCOMPARE(m_seen.places.size(), 1);
    QVERIFY(m_seen.places.first().isEmpty()); // no places until GitHub says who it is
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.lists.size(), 1, NetworkTimeoutMs);

    QCOMPARE(m_seen.places.constLast(), placesOf(Hubshelf::GitHub::Target::Kind::Login, OwnerKind::User));
    QCOMPARE(m_seen.lists.first().first, ListKind::Gists);
    QCOMPARE(m_seen.lists.first().second.path(), u"/users/octocat/gists"_s);
    QCOMPARE(m_navigator->location().place, std::optional<Place>(Place::Gists));
    QCOMPARE(m_navigator->currentLocation()->place, std::optional<Place>(Place::Gists)); // history too
    QCOMPARE(m_navigator->suggestedExportName(), u"octocat-gists.csv"_s);
    QVERIFY(m_navigator->knownAccount(u"OctoCat"_s).has_value()); // logins are case-insensitive
}

void TestNavigator::login_ofAnOrganization_opensItsRepositoriesUnderOrgs()
{
    m_navigator->open(Location{parseTarget(u"github"_s), std::nullopt, {}});
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.lists.size(), 1, NetworkTimeoutMs);
    QCOMPARE(m_seen.places.constLast(),
             (QList<Place>{Place::Profile, Place::Repositories, Place::Members, Place::Insights}));
    QCOMPARE(m_seen.lists.first().first, ListKind::Repositories);
    QCOMPARE(m_seen.lists.first().second.path(), u"/orgs/github/repos"_s);
}

void TestNavigator::place_ofAnOrganization_membersUnderOrgs()
{
    m_navigator->open(Location{parseTarget(u"github"_s), Place::Members, {}});
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.lists.size(), 1, NetworkTimeoutMs);
    QCOMPARE(m_seen.lists.first().first, ListKind::Users);
    QCOMPARE(m_seen.lists.first().second.path(), u"/orgs/github/members"_s);

    // A place a user has but an organization has not falls back to the default.
    m_navigator->open(Location{parseTarget(u"github"_s), Place::Gists, {}});
    QCOMPARE(m_seen.lists.size(), 2); // known: no request, at once
    QCOMPARE(m_seen.lists.constLast().second.path(), u"/orgs/github/repos"_s);
    QCOMPARE(m_navigator->location().place, std::optional<Place>(Place::Repositories));
}

void TestNavigator::rememberedAccount_isNotAskedAgain()
{
    m_navigator->open(Location{parseTarget(u"octocat"_s), std::nullopt, {}});
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.lists.size(), 1, NetworkTimeoutMs);
    m_navigator->choosePlace(Place::Repositories);
    // The account is known: the list URL comes at once, without asking /users/octocat again.
    QCOMPARE(m_seen.lists.size(), 2);
    QCOMPARE(m_seen.lists.constLast().second.path(), u"/users/octocat/repos"_s);
    m_navigator->choosePlace(Place::Profile);
    QCOMPARE(m_seen.profiles.size(), 1);
    QCOMPARE(m_seen.profiles.first().value(u"login"_s).toString(), u"octocat"_s);
    QCOMPARE(requestsFor(u"/users/octocat"_s), 1);
}

void TestNavigator::resetForAccount_forgetsWhatGitHubSaid()
{
    m_navigator->open(Location{parseTarget(u"octocat"_s), std::nullopt, {}});
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.lists.size(), 1, NetworkTimeoutMs);
    QCOMPARE(requestsFor(u"/users/octocat"_s), 1);

    m_navigator->resetForAccount();
    QVERIFY(!m_navigator->knownAccount(u"octocat"_s).has_value());
    QCOMPARE(m_seen.lists.size(), 1); // not before GitHub has said again who it is
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.lists.size(), 2, NetworkTimeoutMs);
    QCOMPARE(requestsFor(u"/users/octocat"_s), 2);
    QCOMPARE(m_seen.lists.constLast().second.path(), u"/users/octocat/gists"_s);
    QVERIFY(!m_navigator->canGoBack()); // the same stop, shown again
}

void TestNavigator::backAndForward_walkTheVisits()
{
    QVERIFY(!m_navigator->canGoBack());
    QVERIFY(!m_navigator->currentLocation());
    m_navigator->open(Location{parseTarget(u"octocat"_s), std::nullopt, {}});
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.lists.size(), 1, NetworkTimeoutMs);
    m_navigator->open(Location{parseTarget(u"github"_s), std::nullopt, {}});
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.lists.size(), 2, NetworkTimeoutMs);
    QVERIFY(m_navigator->canGoBack());
    QVERIFY(!m_navigator->canGoForward());

    const int changes = m_seen.locationChanges;
    m_navigator->goBack();
    QVERIFY(m_seen.locationChanges > changes);
    QCOMPARE(m_navigator->currentLocation()->target.owner, u"octocat"_s);
    QCOMPARE(m_navigator->currentLocation()->place, std::optional<Place>(Place::Gists));
    QCOMPARE(m_seen.lists.constLast().second.path(), u"/users/octocat/gists"_s); // known: at once
    QVERIFY(!m_navigator->canGoBack());
    QVERIFY(m_navigator->canGoForward());

    m_navigator->goForward();
    QCOMPARE(m_navigator->currentLocation()->target.owner, u"github"_s);
    QCOMPARE(m_seen.lists.constLast().second.path(), u"/orgs/github/repos"_s);
    QVERIFY(!m_navigator->canGoForward());

    // A new visit after going back drops what was ahead.
    m_navigator->goBack();
    m_navigator->choosePlace(Place::Followers);
    QVERIFY(!m_navigator->canGoForward());
    QCOMPARE(m_seen.lists.constLast().second.path(), u"/users/octocat/followers"_s);
}

void TestNavigator::repository_listsPullRequestsByState()
{
    m_navigator->open(Location{parseTarget(u"octocat/Hello-World"_s), std::nullopt, {}});
    QCOMPARE(m_seen.lists.size(), 1); // nothing to ask first
    QCOMPARE(m_seen.lists.first().first, ListKind::PullRequests);
    QUrl url = m_seen.lists.first().second;
    QCOMPARE(url.path(), u"/repos/octocat/Hello-World/pulls"_s);
    QCOMPARE(QUrlQuery(url).queryItemValue(u"state"_s), u"open"_s);
    QCOMPARE(m_navigator->location().pullState, u"open"_s);

    m_navigator->choosePullState(u"closed"_s);
    url = m_seen.lists.constLast().second;
    QCOMPARE(QUrlQuery(url).queryItemValue(u"state"_s), u"closed"_s);
    QVERIFY(!m_navigator->canGoBack()); // another state is the same stop
    QCOMPARE(m_navigator->currentLocation()->pullState, u"closed"_s);
    QCOMPARE(m_navigator->suggestedExportName(), u"octocat-Hello-World-pulls-closed.csv"_s);
    QCOMPARE(m_navigator->webPage().path(), u"/octocat/Hello-World/pulls"_s);
}

void TestNavigator::rowDetails_askOnceForAnAccount()
{
    m_navigator->open(Location{parseTarget(u"github"_s), Place::Members, {}});
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.lists.size(), 1, NetworkTimeoutMs);

    m_navigator->showDetails(ListKind::Users, u"monalisa"_s);
    QCOMPARE(m_seen.detailsLoading, 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.accountDetails.size(), 1, NetworkTimeoutMs);
    QCOMPARE(m_seen.accountDetails.first().value(u"login"_s).toString(), u"monalisa"_s);

    m_navigator->showDetails(ListKind::Users, u"monalisa"_s);
    QCOMPARE(m_seen.accountDetails.size(), 2); // remembered: at once
    QCOMPARE(m_seen.detailsLoading, 1);
    QCOMPARE(requestsFor(u"/users/monalisa"_s), 1);

    // No row: the target's own account.
    m_navigator->showDetails(ListKind::Users, QString());
    QCOMPARE(m_seen.accountDetails.constLast().value(u"login"_s).toString(), u"github"_s);
    // Not a login: nothing is asked.
    m_navigator->showDetails(ListKind::Users, u"-no-"_s);
    QVERIFY(!m_navigator->isFetchingDetails());
}

void TestNavigator::openRow_ofAPerson_opensTheirProfile()
{
    QVERIFY(m_navigator->openRow(ListKind::Users, u"octocat"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.profiles.size(), 1, NetworkTimeoutMs);
    QVERIFY(m_seen.lists.isEmpty());
    QVERIFY(m_navigator->openRow(ListKind::Repositories, u"octocat/Hello-World"_s));
    QCOMPARE(m_navigator->currentLocation()->target.kind, Hubshelf::GitHub::Target::Kind::Repository);
    QVERIFY(!m_navigator->openRow(ListKind::PullRequests, u"1347"_s));
    QVERIFY(!m_navigator->openRow(ListKind::Gists, u"not a gist"_s));
    QVERIFY(m_navigator->canGoBack());
}

void TestNavigator::unknownLogin_fails()
{
    m_navigator->open(Location{parseTarget(u"no-such-user"_s), std::nullopt, {}});
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.failures.size(), 1, NetworkTimeoutMs);
    QCOMPARE(m_seen.failures.first().kind, Hubshelf::GitHub::Error::Kind::NotFound);
    QVERIFY(m_seen.lists.isEmpty());
    QVERIFY(!m_navigator->knownAccount(u"no-such-user"_s));
}

void TestNavigator::webPage_isGitHubsWordForALogin()
{
    m_navigator->open(Location{parseTarget(u"octocat"_s), std::nullopt, {}});
    // Before GitHub answered: the server's root and the login (an Enterprise-style address here).
    QCOMPARE(m_navigator->webPage().path(), u"/octocat"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.lists.size(), 1, NetworkTimeoutMs);
    const QString htmlUrl = m_navigator->knownAccount(u"octocat"_s)->value(u"html_url"_s).toString();
    QVERIFY(!htmlUrl.isEmpty());
    QCOMPARE(m_navigator->webPage(), QUrl(htmlUrl));
}

QTEST_GUILESS_MAIN(TestNavigator)
#include "test_navigator.moc"
