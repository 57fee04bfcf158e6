#include "models/places.h"

#include "github/endpoints.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Hubshelf::Models {

namespace {

struct PlaceInfo
{
    Place place;
    const char *name;
    const char *title;
};

// QT_TRANSLATE_NOOP keeps the titles visible to lupdate; placeTitle() translates them.
constexpr PlaceInfo Places[] = {
    {Place::Profile, "profile", QT_TRANSLATE_NOOP("Places", "Profile")},
    {Place::Gists, "gists", QT_TRANSLATE_NOOP("Places", "Gists")},
    {Place::Repositories, "repos", QT_TRANSLATE_NOOP("Places", "Repositories")},
    {Place::Organizations, "orgs", QT_TRANSLATE_NOOP("Places", "Organizations")},
    {Place::Followers, "followers", QT_TRANSLATE_NOOP("Places", "Followers")},
    {Place::Following, "following", QT_TRANSLATE_NOOP("Places", "Following")},
    {Place::Members, "members", QT_TRANSLATE_NOOP("Places", "Members")},
    {Place::PullRequests, "pulls", QT_TRANSLATE_NOOP("Places", "Pull requests")},
    {Place::Files, "files", QT_TRANSLATE_NOOP("Places", "Files")},
    {Place::Insights, "insights", QT_TRANSLATE_NOOP("Places", "Insights")},
    {Place::MyGists, "my-gists", QT_TRANSLATE_NOOP("Places", "My gists")},
    {Place::Starred, "starred", QT_TRANSLATE_NOOP("Places", "Starred")},
    {Place::Revisions, "revisions", QT_TRANSLATE_NOOP("Places", "Revisions")},
    {Place::Forks, "forks", QT_TRANSLATE_NOOP("Places", "Forks")},
};

const PlaceInfo &infoOf(Place place)
{
    for (const PlaceInfo &info : Places) {
        if (info.place == place) {
            return info;
        }
    }
    Q_UNREACHABLE();
}

} // namespace

OwnerKind ownerKindOf(const QString &githubType)
{
    if (githubType == u"Organization"_s) {
        return OwnerKind::Organization;
    }
    return githubType.isEmpty() ? OwnerKind::Unknown : OwnerKind::User; // bots are listed like users
}

QList<Place> placesOf(GitHub::Target::Kind kind, OwnerKind owner, bool viewer)
{
    switch (kind) {
    case GitHub::Target::Kind::Login:
        switch (owner) {
        case OwnerKind::Unknown:
            return {Place::Profile};
        case OwnerKind::User:
            if (viewer) {
                return {Place::Profile,   Place::Gists,        Place::MyGists,
                        Place::Starred,   Place::Repositories, Place::Organizations,
                        Place::Followers, Place::Following,    Place::Insights};
            }
            return {Place::Profile,   Place::Gists,     Place::Repositories, Place::Organizations,
                    Place::Followers, Place::Following, Place::Insights};
        case OwnerKind::Organization:
            return {Place::Profile, Place::Repositories, Place::Members, Place::Insights};
        }
        break;
    case GitHub::Target::Kind::Repository:
        return {Place::PullRequests};
    case GitHub::Target::Kind::Gist:
        return {Place::Files, Place::Revisions, Place::Forks};
    case GitHub::Target::Kind::Invalid:
        break;
    }
    return {};
}

Place defaultPlace(GitHub::Target::Kind kind, OwnerKind owner)
{
    switch (kind) {
    case GitHub::Target::Kind::Login:
        return owner == OwnerKind::Organization ? Place::Repositories
               : owner == OwnerKind::User       ? Place::Gists
                                                : Place::Profile;
    case GitHub::Target::Kind::Repository:
        return Place::PullRequests;
    case GitHub::Target::Kind::Gist:
    case GitHub::Target::Kind::Invalid:
        break;
    }
    return Place::Files;
}

QString placeTitle(Place place)
{
    return QCoreApplication::translate("Places", infoOf(place).title);
}

QString placeName(Place place)
{
    return QString::fromLatin1(infoOf(place).name);
}

std::optional<Place> placeNamed(const QString &name)
{
    for (const PlaceInfo &info : Places) {
        if (name == QLatin1String(info.name)) {
            return info.place;
        }
    }
    return std::nullopt;
}

std::optional<ListKind> listKindOf(Place place)
{
    switch (place) {
    case Place::Gists:
    case Place::MyGists:
    case Place::Starred:
    case Place::Forks:
        return ListKind::Gists;
    case Place::Revisions:
        return ListKind::Revisions;
    case Place::Repositories:
        return ListKind::Repositories;
    case Place::Organizations:
        return ListKind::Organizations;
    case Place::Followers:
    case Place::Following:
    case Place::Members:
        return ListKind::Users;
    case Place::PullRequests:
        return ListKind::PullRequests;
    case Place::Profile:
    case Place::Files:
    case Place::Insights:
        break;
    }
    return std::nullopt;
}

QString listPath(const GitHub::Target &target, OwnerKind owner, Place place, bool viewer)
{
    if (!placesOf(target.kind, owner, viewer).contains(place) || !listKindOf(place)) {
        return {};
    }
    switch (place) {
    case Place::MyGists:
        return GitHub::Endpoints::viewerGists();
    case Place::Starred:
        return GitHub::Endpoints::starredGists();
    case Place::Revisions:
        return GitHub::Endpoints::gistRevisions(target.gistId);
    case Place::Forks:
        return GitHub::Endpoints::gistForks(target.gistId);
    default:
        break;
    }
    if (target.kind == GitHub::Target::Kind::Repository) {
        return GitHub::Endpoints::pullRequests(target.owner, target.repository);
    }
    // A place's stable name is the path segment of its list (see Endpoints::ownerListName).
    using GitHub::OwnerList;
    for (const OwnerList list : {OwnerList::Gists, OwnerList::Repositories, OwnerList::Organizations,
                                 OwnerList::Followers, OwnerList::Following, OwnerList::Members}) {
        if (GitHub::Endpoints::ownerListName(list) == placeName(place)) {
            return GitHub::Endpoints::ownerList(target.owner, owner == OwnerKind::Organization, list);
        }
    }
    return {};
}

} // namespace Hubshelf::Models
