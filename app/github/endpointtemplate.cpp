#include "github/endpointtemplate.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <array>
#include <vector>

using namespace Qt::StringLiterals;

namespace Hubshelf::GitHub {

namespace {

// GitHub's own notation, from its REST reference. Matched segment by segment: a `{…}` segment
// takes any one segment, the others only themselves. The first that matches wins, so a literal
// (/gists/starred) comes before the placeholder it would also match (/gists/{gist_id}).
constexpr std::array Templates = {
    "/user",
    "/user/repos",
    "/user/orgs",
    "/user/starred",
    "/users/{username}",
    "/users/{username}/gists",
    "/users/{username}/repos",
    "/users/{username}/orgs",
    "/users/{username}/followers",
    "/users/{username}/following",
    "/users/{username}/starred",
    "/users/{username}/events",
    "/gists",
    "/gists/public",
    "/gists/starred",
    "/gists/{gist_id}",
    "/gists/{gist_id}/commits",
    "/gists/{gist_id}/forks",
    "/gists/{gist_id}/star",
    "/gists/{gist_id}/comments",
    "/gists/{gist_id}/{sha}",
    "/orgs/{org}",
    "/orgs/{org}/repos",
    "/orgs/{org}/members",
    "/repos/{owner}/{repo}",
    "/repos/{owner}/{repo}/pulls",
    "/repos/{owner}/{repo}/pulls/{pull_number}",
    "/repos/{owner}/{repo}/pulls/{pull_number}/files",
    "/repos/{owner}/{repo}/pulls/{pull_number}/commits",
    "/repos/{owner}/{repo}/issues",
    "/repos/{owner}/{repo}/issues/{issue_number}",
    "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    "/repos/{owner}/{repo}/commits",
    "/repos/{owner}/{repo}/commits/{ref}",
    "/repos/{owner}/{repo}/contributors",
    "/repos/{owner}/{repo}/languages",
    "/repos/{owner}/{repo}/stats/contributors",
    "/repos/{owner}/{repo}/releases",
    "/repos/{owner}/{repo}/branches",
    "/repos/{owner}/{repo}/tags",
    "/repos/{owner}/{repo}/readme",
    "/repos/{owner}/{repo}/stargazers",
    "/search/repositories",
    "/search/code",
    "/search/issues",
    "/search/users",
    "/search/commits",
    "/rate_limit",
    "/markdown",
    "/markdown/raw",
    "/meta",
    "/emojis",
    "/octocat",
    "/zen",
};

const QString Hidden = u"{…}"_s;

bool isPlaceholder(QStringView segment)
{
    return segment.startsWith(u'{') && segment.endsWith(u'}');
}

// Every literal segment of the templates: what an unknown path keeps.
const QSet<QString> &collectionNames()
{
    static const QSet<QString> names = [] {
        QSet<QString> all{
            u"comments"_s,    u"events"_s,     u"labels"_s,   u"milestones"_s,  u"hooks"_s,
            u"teams"_s,       u"actions"_s,    u"runs"_s,     u"jobs"_s,        u"workflows"_s,
            u"contents"_s,    u"git"_s,        u"refs"_s,     u"trees"_s,       u"blobs"_s,
            u"reviews"_s,     u"check-runs"_s, u"statuses"_s, u"deployments"_s, u"forks"_s,
            u"subscribers"_s, u"watchers"_s,   u"topics"_s,   u"traffic"_s,     u"notifications"_s};
        for (const char *pattern : Templates) {
            for (const QString &segment : QString::fromLatin1(pattern).split(u'/', Qt::SkipEmptyParts)) {
                if (!isPlaceholder(segment)) {
                    all.insert(segment);
                }
            }
        }
        return all;
    }();
    return names;
}

bool matches(const QStringList &templateSegments, const QStringList &segments)
{
    if (templateSegments.size() != segments.size()) {
        return false;
    }
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (!isPlaceholder(templateSegments.at(i)) && templateSegments.at(i) != segments.at(i)) {
            return false;
        }
    }
    return true;
}

} // namespace

QString endpointTemplateOf(const QString &apiPath)
{
    static const std::vector<QStringList> parsed = [] {
        std::vector<QStringList> all;
        all.reserve(Templates.size());
        for (const char *pattern : Templates) {
            all.push_back(QString::fromLatin1(pattern).split(u'/', Qt::SkipEmptyParts));
        }
        return all;
    }();
    QString path = apiPath;
    if (const qsizetype query = path.indexOf(u'?'); query >= 0) {
        path.truncate(query);
    }
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        if (matches(parsed[i], segments)) {
            return QString::fromLatin1(Templates[i]);
        }
    }
    if (segments.isEmpty()) {
        return u"/"_s;
    }
    // The first segment names the area (/repos, /orgs), followed by the names it takes; after them
    // collections and their ids alternate, and only known collection names show.
    static const QHash<QString, int> namesAfterArea = {
        {u"repos"_s, 2}, {u"users"_s, 1}, {u"orgs"_s, 1}, {u"gists"_s, 1}, {u"enterprises"_s, 1}};
    const QString &area = segments.constFirst();
    const bool knownArea = collectionNames().contains(area);
    QString shape = u'/' + (knownArea ? area : Hidden);
    const qsizetype names = knownArea ? namesAfterArea.value(area, 0) : 0;
    for (qsizetype i = 1; i < segments.size(); ++i) {
        const bool collection = i > names && (i - names) % 2 == 1;
        shape += u'/' + (collection && collectionNames().contains(segments.at(i)) ? segments.at(i) : Hidden);
    }
    return shape;
}

} // namespace Hubshelf::GitHub
