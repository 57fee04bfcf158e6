#pragma once

#include <QString>

namespace Hubshelf::GitHub {

// The endpoint a request's API path belongs to, in GitHub's documented notation: "/users/octocat/repos"
// is "/users/{username}/repos". The paths Hubshelf asks for, and the common ones that `api` and the
// mirror pass on, have their template; any other path keeps its collection names and hides the rest
// as "{…}" ("/repos/{owner}/{repo}/issues/{…}/comments"). Without the query; names never show.
QString endpointTemplateOf(const QString &apiPath);

} // namespace Hubshelf::GitHub
