#pragma once

#include "httpwire.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace FakeGitHub {

// The owners the tests and benchmarks rely on. Everything is generated from a fixed seed, so two
// runs (and the in-process and standalone servers) serve the same bytes.
namespace Names {
inline const QString Octocat = QStringLiteral("octocat");   // GitHub's example user
inline const QString Monalisa = QStringLiteral("monalisa"); // a second user with a token
inline const QString GitHubOrg = QStringLiteral("github");  // GitHub's example organization
inline const QString BigOrganization = QStringLiteral("megacorp");
inline const QString BigRepository = QStringLiteral("megacorp/monorepo");
// The size of kubernetes/kubernetes: 100,000 pull requests, each made when its page is asked for.
inline const QString HugeOrganization = QStringLiteral("hyperscale");
inline const QString HugeRepository = QStringLiteral("hyperscale/core");
inline const QString ProlificUser = QStringLiteral("prolific");
inline const QString EmptyUser = QStringLiteral("nobody");
inline const QString HelloWorld = QStringLiteral("octocat/Hello-World");
inline const QString RenamedRepository = QStringLiteral("octocat/Hello-Old-World"); // 301 to Hello-World
inline const QString PrivateRepository = QStringLiteral("octocat/secret-plans");    // octocat's tokens only
inline const QString MarkdownGist = QStringLiteral("0b5c7e1f2a3d4e5f6a7b");         // README.md + a .py
inline const QString TruncatedGist = QStringLiteral("9f8e7d6c5b4a39281706");        // one file truncated
inline const QString HelloGist = QStringLiteral("aa5a315d61ae9438b18d");   // octocat's, GitHub's example
inline const QString MonalisaGist = QStringLiteral("2decf6c462d9b4418f2"); // GitHub's example, hers
// Stars are the one thing the world changes: PUT and DELETE /gists/{id}/star, kept for as long as
// the Server lives. At the start nobody has starred anything but the prolific user, who has starred
// these three of other people's gists, most recently starred first.
inline const QStringList ProlificStarredGists = {MarkdownGist, MonalisaGist, HelloGist};
// Forks hang off their gist only (GET /gists/{id}/forks, and each opens by its own id): they are not
// in their owner's gist list nor counted in public_gists. Monalisa is the first to fork HelloGist.
// The organization behind the insights (new contributors per month, languages): its repositories'
// contributor statistics tell when each of its people made a first commit.
inline const QString InsightsOrganization = QStringLiteral("constellation");
// Its statistics are never ready: 202 on every request, as GitHub answers while it computes them.
inline const QString StillComputingRepository = QStringLiteral("constellation/still-computing");
// No commit at all: its statistics are 204 without a body, its languages {}.
inline const QString EmptyRepository = QStringLiteral("constellation/empty");
} // namespace Names

inline constexpr int BigOrganizationRepoCount = 5000;
inline constexpr int BigRepositoryPullCount = 20000;
inline constexpr int HugeRepositoryPullCount = 100000;
inline constexpr int ProlificGistCount = 300;
inline constexpr int OctocatFollowerCount = 20;
inline constexpr int BigOrganizationMemberCount = 250;
inline constexpr int InsightsRepositoryCount = 200;
inline constexpr int InsightsForkCount = InsightsRepositoryCount / 10; // every tenth repository
inline constexpr int InsightsContributorCount = 150;                   // with a GitHub account

// What the data set says for one GET: the status, a compact JSON body with GitHub's canonical
// origins (https://api.github.com, https://github.com, ...) that the server rewrites to its own,
// and for lists the page served and the last page, from which the server writes `Link`.
struct Answer
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json; charset=utf-8";
    QByteArray location; // for 301
    int page = 0;        // 0: not a list
    int lastPage = 0;
    // Set on a repository's statistics, which GitHub computes in the background after the first
    // request and answers 202 for until then. The world keeps no record of requests: the server
    // remembers which repositories were asked for.
    QString statisticsOf; // the repository's full name
};

class World final
{
public:
    // Templates come from the built-in copy of GitHub's examples, or from `dataDir` when given.
    explicit World(const QString &dataDir = {});

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    // `viewer` is the login behind the request's token, empty for anonymous requests.
    Answer api(const QString &path, const QUrlQuery &query, const QString &viewer) const;
    // Any other method: POST /markdown/raw, and starring gists, which changes the world.
    Answer write(const QByteArray &method, const QString &path, const QByteArray &body,
                 const QString &viewer);
    // The other origin: avatars (PNG), raw gist files, and html pages.
    Answer content(const QString &path) const;

    bool hasLogin(const QString &login) const { return m_people.contains(login.toLower()); }
    // GET /rate_limit: `core` as counted, the other resources untouched and resetting with it.
    QByteArray rateLimit(int limit, int used, qint64 resetAt) const;

    static Answer error(int status, const QByteArray &message,
                        const QByteArray &documentationUrl = "https://docs.github.com/rest");

private:
    struct Person
    {
        QString login;
        qint64 id = 0;
        bool organization = false;
        QString name, company, blog, location, email, bio, description;
        QString createdAt, updatedAt;
        QStringList followers, following, organizations, members, repositories, gists;
    };
    // One author's commits to one repository: some weeks from `firstWeek` to `lastWeek`, both with
    // commits. Weeks are counted from Sunday 1970-01-04, the first week start of the Unix epoch.
    struct Contribution
    {
        QString login; // empty: commits whose author has no GitHub account
        int firstWeek = 0;
        int lastWeek = 0;
    };
    struct Repository
    {
        qint64 id = 0;
        QString owner, name, description, language, defaultBranch = QStringLiteral("main");
        bool isPrivate = false, fork = false, archived = false;
        int stars = 0, forks = 0, openIssues = 0, pullCount = 0;
        QString createdAt, updatedAt, pushedAt;
        // The insights organization's history is planned as a whole; others are made up when asked.
        bool plannedHistory = false;
        QList<Contribution> history;
        QString fullName() const { return owner + u'/' + name; }
    };
    struct GistFile
    {
        QString filename, language, type, content;
        bool truncated = false;
    };
    struct Gist
    {
        QString id, owner;
        QJsonValue description;
        bool isPublic = true;
        int comments = 0;
        QString createdAt, updatedAt;
        std::vector<GistFile> files;
        QString forkOf;    // the source's id, for a fork
        QStringList forks; // ids, oldest first
    };
    // One version of a gist. Each older one has `cut` lines less of every file, down to one line.
    struct GistRevision
    {
        QString version, committedAt;
        int cut = 0;
        int additions = 0;
    };
    struct Templates
    {
        QJsonObject simpleUser, fullUser, privateUser, simpleOrg, fullOrg, minimalRepo, fullRepo, baseGist,
            fullGist, simplePull, rateLimit;
    };

    bool loadTemplates(const QString &dataDir);
    void buildPeople();
    void buildRepositories();
    void buildGists();
    void buildInsights();
    Person &addPerson(const QString &login, qint64 id, bool organization = false);
    void addRepository(Repository repository);

    const Person *person(const QString &login) const;
    const Repository *repository(const QString &fullName, const QString &viewer) const;
    bool canSee(const Repository &repository, const QString &viewer) const;
    QList<int> pullNumbers(const Repository &repository, const QString &state) const;
    QList<Contribution> history(const Repository &repository) const;

    QJsonObject renderSimpleUser(const Person &person) const;
    QJsonObject renderFullUser(const Person &person, bool authenticated) const;
    QJsonObject renderSimpleOrg(const Person &org) const;
    QJsonObject renderFullOrg(const Person &org) const;
    QJsonObject renderRepository(const Repository &repository, bool full) const;
    QList<GistRevision> revisions(const Gist &gist) const; // newest first
    // `revision` indexes revisions(gist), for the full gist as it was then.
    QJsonObject renderGist(const Gist &gist, bool full, qsizetype revision = 0) const;
    QJsonObject renderPull(const Repository &repository, int number) const;
    QByteArray renderContributorStatistics(const Repository &repository,
                                           const QList<Contribution> &history) const;
    QByteArray renderLanguages(const Repository &repository) const;

    template <typename Render>
    Answer page(qsizetype count, const QUrlQuery &query, Render render) const;
    Answer gistPage(const QList<const Gist *> &gists, const QUrlQuery &query) const;
    Answer gistApi(const QStringList &parts, const QUrlQuery &query, const QString &viewer) const;

    Templates m_templates;
    QHash<QString, Person> m_people;
    QHash<QString, Repository> m_repositories; // by full name
    QHash<qint64, QString> m_repositoryById;
    QHash<QString, QString> m_renamed;     // old full name -> new full name
    QHash<QString, Gist> m_gists;          // forks too
    QStringList m_publicGists;             // GET /gists without a token: newest first, no forks
    QHash<QString, QStringList> m_starred; // lower-case login -> gist ids, most recently starred first
    mutable QHash<QString, QJsonObject> m_pullRepoCache; // rendered head/base repositories
    QString m_error;
};

} // namespace FakeGitHub
