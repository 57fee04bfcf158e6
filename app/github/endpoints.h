#pragma once

#include "github/target.h"

#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

class QJsonObject;

namespace Hubshelf::GitHub {

// The lists GitHub keeps of an owner (a user or an organization) and of a repository.
enum class OwnerList { Gists, Repositories, Organizations, Followers, Following, Members };

// Every API path and web address Hubshelf uses, percent-encoded, in one place. Names must have
// passed names.h; nothing here checks them again.
namespace Endpoints {

QString user(const QString &login);                              // /users/{login}
QString viewer();                                                // /user: whom the token belongs to
QString gist(const QString &id);                                 // /gists/{id}
QString gistRevision(const QString &id, const QString &sha);     // /gists/{id}/{sha}: as it was
QString gistRevisions(const QString &id);                        // /gists/{id}/commits
QString gistForks(const QString &id);                            // /gists/{id}/forks
QString gistStar(const QString &id);                             // /gists/{id}/star
QString viewerGists();                                           // /gists: the token's own, secret too
QString starredGists();                                          // /gists/starred
QString repository(const QString &owner, const QString &name);   // /repos/{owner}/{name}
QString pullRequests(const QString &owner, const QString &name); // /repos/{owner}/{name}/pulls
QString pullRequest(const QString &owner, const QString &name, const QString &number);
QString contributorStatistics(const QString &owner, const QString &name); // …/stats/contributors
QString languages(const QString &owner, const QString &name);             // …/languages
QString rateLimit();                                                      // /rate_limit

// GitHub lists an organization's repositories and members under /orgs, everything of a user
// (and an organization's gists, followers...) under /users.
QString ownerList(const QString &login, bool organization, OwnerList list);
// The path segment of a list, e.g. "repos": also its stable name in history and settings.
QString ownerListName(OwnerList list);

// The states a pull-request list takes; the first is GitHub's default.
const QStringList &pullRequestStates();
// "merged": not a state of GitHub's, which lists merged pull requests as closed; Hubshelf tells
// them apart by merged_at and lists them as the closed ones that were merged.
const QString &mergedPullState();
// state=open|closed|all (merged asks for closed); empty: the default.
QUrlQuery pullRequestsQuery(const QString &state);

// Who a /user answer names; empty when it names nobody.
QString viewerLogin(const QJsonObject &user);

// The web page of a target: github.com for api.github.com (gist.github.com for gists); an
// Enterprise server serves its pages at its own root (/gist/{id} for gists).
QUrl webPage(const QUrl &apiBase, const Target &target);

// The one rule before anything is handed to a browser: an http(s) address with a host. A link
// from a body (a README, a gist) may say javascript:, file: or an application's own scheme.
bool isWebUrl(const QUrl &url);

} // namespace Endpoints
} // namespace Hubshelf::GitHub
