#pragma once

#include "github/target.h"
#include "models/columns.h"

#include <QList>
#include <QString>

#include <optional>

namespace Hubshelf::Models {

// The places of a target: what the list on the left of the window offers.
enum class Place {
    Profile,
    Gists,
    Repositories,
    Organizations,
    Followers,
    Following,
    Members,
    PullRequests,
    Files,
    Insights,  // monthly new contributors and languages of a user's or an organization's repositories
    MyGists,   // the signed-in person's own gists, secret ones too (GET /gists); Gists: the public ones
    Starred,   // the gists the signed-in person starred (GET /gists/starred)
    Revisions, // a gist's revisions, each the gist as it was
    Forks,     // a gist's forks
};

// Whether a login is a person or an organization; known once GET /users/{login} has answered.
enum class OwnerKind { Unknown, User, Organization };

OwnerKind ownerKindOf(const QString &githubType); // "User", "Organization", "Bot"

// The places of a target in the order the window lists them. A login's depend on its owner kind,
// and on whether it is the signed-in person (`viewer`), who also has My gists and Starred.
QList<Place> placesOf(GitHub::Target::Kind kind, OwnerKind owner, bool viewer = false);
// Where a target opens: a user's gists (the public ones, as everybody sees them and the command
// line exports them), an organization's repositories, a repository's pull requests, a gist's files.
Place defaultPlace(GitHub::Target::Kind kind, OwnerKind owner);

QString placeTitle(Place place); // translated, e.g. "Pull requests"
QString placeName(Place place);  // stable, e.g. "pulls": for history and settings
std::optional<Place> placeNamed(const QString &name);

// The list a place shows; none for Profile and Files.
std::optional<ListKind> listKindOf(Place place);
// The percent-encoded API path of that list, e.g. "/orgs/megacorp/repos"; empty when the place
// has none for this target.
QString listPath(const GitHub::Target &target, OwnerKind owner, Place place, bool viewer = false);

} // namespace Hubshelf::Models
