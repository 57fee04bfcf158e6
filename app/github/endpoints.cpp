#include "github/endpoints.h"

#include "github/names.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Hubshelf::GitHub::Endpoints {

QString user(const QString &login)
{
    return encodedPath({u"users"_s, login});
}

QString viewer()
{
    return u"/user"_s;
}

QString gist(const QString &id)
{
    return encodedPath({u"gists"_s, id});
}

QString gistRevision(const QString &id, const QString &sha)
{
    return encodedPath({u"gists"_s, id, sha});
}

QString gistRevisions(const QString &id)
{
    return encodedPath({u"gists"_s, id, u"commits"_s});
}

QString gistForks(const QString &id)
{
    return encodedPath({u"gists"_s, id, u"forks"_s});
}

QString gistStar(const QString &id)
{
    return encodedPath({u"gists"_s, id, u"star"_s});
}

QString viewerGists()
{
    return u"/gists"_s;
}

QString starredGists()
{
    return u"/gists/starred"_s;
}

QString repository(const QString &owner, const QString &name)
{
    return encodedPath({u"repos"_s, owner, name});
}

QString contributorStatistics(const QString &owner, const QString &name)
{
    return encodedPath({u"repos"_s, owner, name, u"stats"_s, u"contributors"_s});
}

QString languages(const QString &owner, const QString &name)
{
    return encodedPath({u"repos"_s, owner, name, u"languages"_s});
}

QString pullRequests(const QString &owner, const QString &name)
{
    return encodedPath({u"repos"_s, owner, name, u"pulls"_s});
}

QString pullRequest(const QString &owner, const QString &name, const QString &number)
{
    return encodedPath({u"repos"_s, owner, name, u"pulls"_s, number});
}

QString rateLimit()
{
    return u"/rate_limit"_s;
}

QString ownerListName(OwnerList list)
{
    switch (list) {
    case OwnerList::Gists:
        return u"gists"_s;
    case OwnerList::Repositories:
        return u"repos"_s;
    case OwnerList::Organizations:
        return u"orgs"_s;
    case OwnerList::Followers:
        return u"followers"_s;
    case OwnerList::Following:
        return u"following"_s;
    case OwnerList::Members:
        return u"members"_s;
    }
    Q_UNREACHABLE();
}

QString ownerList(const QString &login, bool organization, OwnerList list)
{
    const bool underOrgs = organization && (list == OwnerList::Repositories || list == OwnerList::Members);
    return encodedPath({underOrgs ? u"orgs"_s : u"users"_s, login, ownerListName(list)});
}

const QStringList &pullRequestStates()
{
    static const QStringList states = {u"open"_s, u"closed"_s, u"all"_s};
    return states;
}

const QString &mergedPullState()
{
    static const QString merged = u"merged"_s;
    return merged;
}

QUrlQuery pullRequestsQuery(const QString &state)
{
    QUrlQuery query;
    const QString asked = state == mergedPullState() ? pullRequestStates().at(1) : state;
    query.addQueryItem(u"state"_s, asked.isEmpty() ? pullRequestStates().first() : asked);
    return query;
}

QString viewerLogin(const QJsonObject &user)
{
    return user.value(u"login"_s).toString();
}

QUrl webPage(const QUrl &apiBase, const Target &target)
{
    QUrl web = apiBase;
    const bool dotCom = web.host() == u"api.github.com"_s;
    web.setPath(QString());
    web.setQuery(QString());
    web.setFragment(QString());
    if (dotCom) {
        web.setHost(u"github.com"_s);
    }
    QStringList segments;
    switch (target.kind) {
    case Target::Kind::Login:
        segments = {target.owner};
        break;
    case Target::Kind::Repository:
        segments = {target.owner, target.repository, u"pulls"_s};
        break;
    case Target::Kind::Gist:
        if (dotCom) {
            web.setHost(u"gist.github.com"_s);
            segments = {target.gistId};
        } else {
            segments = {u"gist"_s, target.gistId};
        }
        if (!target.revision.isEmpty()) {
            if (dotCom && !target.owner.isEmpty()) {
                segments.prepend(target.owner); // gist.github.com/OWNER/ID/REVISION
            }
            segments += target.revision;
        }
        break;
    case Target::Kind::Invalid:
        return {};
    }
    web.setPath(encodedPath(segments), QUrl::TolerantMode);
    return web;
}

bool isWebUrl(const QUrl &url)
{
    const QString scheme = url.scheme();
    return url.isValid() && (scheme == u"https"_s || scheme == u"http"_s) && !url.host().isEmpty();
}

} // namespace Hubshelf::GitHub::Endpoints
