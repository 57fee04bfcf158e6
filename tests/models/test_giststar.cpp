// Whether the signed-in person starred a gist, and the star and unstar writes, against the fake
// GitHub over loopback with a real SQLite cache.

#include "cache/etagcache.h"
#include "fakegithub.h"
#include "github/client.h"
#include "models/giststar.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Hubshelf::Models::GistStar;
using State = GistStar::State;
namespace Names = FakeGitHub::Names;

class TestGistStar final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void anonymous_cannotStar();
    void starredList_saysWhichAreStarredAndARevisitCostsNothing();
    void toggle_starsAndUnstarsAndTheStarredListFollows();
    void failure_saysWhyAndKeepsTheState();
    void beyondTheListLimit_theGistItselfSays();
    void unreadableList_saysWhyAndAsksAgain();

private:
    int requestsFor(const QString &path, const QByteArray &method = "GET") const;
    State settled(GistStar &star) const;

    QTemporaryDir m_dir;
    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Hubshelf::Cache::EtagCache> m_cache;
    std::unique_ptr<Hubshelf::GitHub::Client> m_client;
    int m_cacheNumber = 0;
};

int TestGistStar::requestsFor(const QString &path, const QByteArray &method) const
{
    int count = 0;
    for (const FakeGitHub::LoggedRequest &entry : m_fake->requestLog()) {
        count += entry.path == path && entry.method == method ? 1 : 0;
    }
    return count;
}

// The state once the star is known (or a write is over).
State TestGistStar::settled(GistStar &star) const
{
    if (!QTest::qWaitFor(
            [&star] { return star.state() != State::Unknown && star.state() != State::Changing; }, 20000)) {
        qWarning("the star did not settle");
    }
    return star.state();
}

void TestGistStar::init()
{
    QVERIFY(m_dir.isValid());
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY2(m_fake->listen(), qPrintable(m_fake->errorString()));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_cache = std::make_unique<Hubshelf::Cache::EtagCache>(
        m_dir.filePath(u"cache-%1.sqlite"_s.arg(++m_cacheNumber)));
    QVERIFY(m_cache->open());
    m_client = std::make_unique<Hubshelf::GitHub::Client>(m_network.get(), m_cache.get(), m_fake->apiUrl());
    m_client->setRetryBaseDelay(20);
    m_client->setToken(FakeGitHub::Tokens::Prolific);
}

void TestGistStar::cleanup()
{
    m_client.reset();
    m_cache.reset();
    m_network.reset();
    m_fake.reset();
}

void TestGistStar::anonymous_cannotStar()
{
    m_client->setToken({});
    GistStar star(m_client.get());
    star.setGist(Names::HelloGist);
    QCOMPARE(star.state(), State::Anonymous);
    star.toggle();
    QTest::qWait(100);
    QCOMPARE(star.state(), State::Anonymous);
    QVERIFY(m_fake->requestLog().isEmpty()); // nothing asked, nothing written
}

void TestGistStar::starredList_saysWhichAreStarredAndARevisitCostsNothing()
{
    GistStar star(m_client.get());
    star.setGist(Names::MarkdownGist); // starred from the start
    QCOMPARE(settled(star), State::Starred);
    star.setGist(Names::TruncatedGist); // octocat's, not starred
    QCOMPARE(settled(star), State::NotStarred);
    QCOMPARE(requestsFor(u"/gists/starred"_s), 1); // the second came from the cache
    QCOMPARE(requestsFor(u"/gists/"_s + Names::TruncatedGist + u"/star"_s), 0);

    // Coming back later: the saved list is revalidated, and a 304 with a token is free.
    m_cache->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(3600); });
    m_client->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(3600); });
    const int spentBefore =
        int(std::count_if(m_fake->requestLog().cbegin(), m_fake->requestLog().cend(),
                          [](const FakeGitHub::LoggedRequest &entry) { return entry.spentPoint; }));
    star.setGist(Names::MarkdownGist);
    QCOMPARE(settled(star), State::Starred);
    QCOMPARE(requestsFor(u"/gists/starred"_s), 2);
    QVERIFY(m_fake->requestLog().last().notModified());
    const int spentAfter =
        int(std::count_if(m_fake->requestLog().cbegin(), m_fake->requestLog().cend(),
                          [](const FakeGitHub::LoggedRequest &entry) { return entry.spentPoint; }));
    QCOMPARE(spentAfter, spentBefore);
}

void TestGistStar::toggle_starsAndUnstarsAndTheStarredListFollows()
{
    const QString gist = Names::TruncatedGist;
    const QString path = u"/gists/"_s + gist + u"/star"_s;
    GistStar star(m_client.get());
    QSignalSpy states(&star, &GistStar::stateChanged);
    star.setGist(gist);
    QCOMPARE(settled(star), State::NotStarred);

    star.toggle();
    QCOMPARE(star.state(), State::Changing);
    star.toggle(); // a second click while the first is under way does nothing
    QCOMPARE(settled(star), State::Starred);
    QCOMPARE(requestsFor(path, "PUT"), 1);
    QCOMPARE(states.last().first().value<State>(), State::Starred);

    // The saved starred list was dropped: looking again asks GitHub, which now lists the gist.
    GistStar again(m_client.get());
    again.setGist(gist);
    QCOMPARE(settled(again), State::Starred);
    QCOMPARE(requestsFor(u"/gists/starred"_s), 2);

    star.toggle();
    QCOMPARE(settled(star), State::NotStarred);
    QCOMPARE(requestsFor(path, "DELETE"), 1);
    // The same gist again keeps what it knew; another look (another window) reads the list anew.
    again.setGist(gist);
    QCOMPARE(again.state(), State::Starred);
    GistStar third(m_client.get());
    third.setGist(gist);
    QCOMPARE(settled(third), State::NotStarred);
    QCOMPARE(requestsFor(u"/gists/starred"_s), 3);
}

void TestGistStar::failure_saysWhyAndKeepsTheState()
{
    const QString gist = Names::TruncatedGist;
    GistStar star(m_client.get());
    QSignalSpy failures(&star, &GistStar::failed);
    star.setGist(gist);
    QCOMPARE(settled(star), State::NotStarred);

    m_fake->armFault(u"/gists/"_s + gist + u"/star"_s,
                     FakeGitHub::Fault::withStatus(403, "Resource not accessible by personal access token"));
    star.toggle();
    QTRY_COMPARE(failures.size(), 1);
    QCOMPARE(star.state(), State::NotStarred);
    const QString message = failures.first().first().toString();
    QVERIFY2(message.startsWith(u"The gist was not starred: "_s), qPrintable(message));
    QVERIFY2(!message.contains(QString::fromLatin1(FakeGitHub::Tokens::Prolific)), qPrintable(message));

    // Offline: the write fails at once and says so.
    m_client->setOffline(true);
    const int before = int(m_fake->requestLog().size());
    star.toggle();
    QTRY_COMPARE(failures.size(), 2);
    QCOMPARE(star.state(), State::NotStarred);
    QCOMPARE(int(m_fake->requestLog().size()), before);
}

void TestGistStar::beyondTheListLimit_theGistItselfSays()
{
    // The prolific user starred three gists, most recent first: MarkdownGist, MonalisaGist, HelloGist.
    GistStar star(m_client.get());
    star.setStarredListLimit(2);
    star.setGist(Names::MarkdownGist); // within the first two
    QCOMPARE(settled(star), State::Starred);
    QCOMPARE(requestsFor(u"/gists/"_s + Names::MarkdownGist + u"/star"_s), 0);
    star.setGist(Names::HelloGist); // the third: only the gist can say
    QCOMPARE(settled(star), State::Starred);
    QCOMPARE(requestsFor(u"/gists/"_s + Names::HelloGist + u"/star"_s), 1);
    star.setGist(Names::TruncatedGist); // not starred: GitHub's 404
    QCOMPARE(settled(star), State::NotStarred);
    QCOMPARE(requestsFor(u"/gists/"_s + Names::TruncatedGist + u"/star"_s), 1);

    // With the limit above the list, the list alone answers.
    GistStar whole(m_client.get());
    whole.setGist(Names::TruncatedGist);
    QCOMPARE(settled(whole), State::NotStarred);
    QCOMPARE(requestsFor(u"/gists/"_s + Names::TruncatedGist + u"/star"_s), 1);
}

void TestGistStar::unreadableList_saysWhyAndAsksAgain()
{
    GistStar star(m_client.get());
    QSignalSpy failures(&star, &GistStar::failed);
    m_fake->armFault(u"/gists/starred"_s, FakeGitHub::Fault::withStatus(403, "Resource not accessible"));
    star.setGist(Names::MarkdownGist);
    QTRY_COMPARE(star.state(), State::Unavailable);
    QVERIFY2(star.unavailableReason().contains(u"Resource not accessible"_s),
             qPrintable(star.unavailableReason()));
    QCOMPARE(failures.size(), 0); // a read's failure is the star's to say, not the window's banner
    star.toggle();                // asks again
    QCOMPARE(settled(star), State::Starred);
    QCOMPARE(requestsFor(u"/gists/starred"_s), 2);
    QCOMPARE(requestsFor(u"/gists/"_s + Names::MarkdownGist + u"/star"_s, "PUT"), 0);
}

QTEST_GUILESS_MAIN(TestGistStar)
#include "test_giststar.moc"
