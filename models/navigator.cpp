#include "models/navigator.h"

#include "github/client.h"
#include "github/endpoints.h"
#include "github/error.h"
#include "github/names.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <utility>

using namespace Qt::StringLiterals;

namespace Hubshelf::Models {

namespace {

using Kind = GitHub::Target::Kind;
namespace Endpoints = GitHub::Endpoints;

// Whose gists were shown, for revisions' addresses: forgotten all at once past this many.
constexpr qsizetype MaxGistOwners = 1000;

QString accountKey(const QString &login)
{
    return login.toLower();
}

QString defaultPullState()
{
    return Endpoints::pullRequestStates().first();
}

} // namespace

Navigator::Navigator(GitHub::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

Navigator::~Navigator()
{
    for (const QPointer<GitHub::Request> &request : {m_targetRequest, m_detailsRequest}) {
        if (request) {
            request->abandon();
        }
    }
}

void Navigator::open(const Location &location)
{
    go(location, Mode::Visit);
}

void Navigator::goBack()
{
    if (m_history.canGoBack()) {
        Q_EMIT leaving();
        go(m_history.goBack(), Mode::Again);
    }
}

void Navigator::goForward()
{
    if (m_history.canGoForward()) {
        Q_EMIT leaving();
        go(m_history.goForward(), Mode::Again);
    }
}

void Navigator::refresh()
{
    if (const std::optional<Location> current = m_history.current()) {
        go(*current, Mode::Again, true);
    }
}

void Navigator::retry()
{
    if (const std::optional<Location> current = m_history.current()) {
        go(*current, Mode::Again);
    }
}

void Navigator::choosePlace(Place place)
{
    if (place == m_location.place) {
        return;
    }
    Location next = m_location;
    next.place = place;
    go(next, Mode::Visit);
}

void Navigator::choosePullState(const QString &state)
{
    Location next = m_location;
    next.pullState = state;
    if (next.pullState != m_location.pullState) {
        go(next, Mode::Replace);
    }
}

bool Navigator::openRow(ListKind kind, const QString &key)
{
    Location next;
    switch (kind) {
    case ListKind::Gists:
        if (GitHub::isValidGistId(key)) {
            next.target.kind = Kind::Gist;
            next.target.gistId = key;
        }
        break;
    case ListKind::Repositories:
        next.target = GitHub::parseTarget(key);
        break;
    case ListKind::Users:
    case ListKind::Organizations:
        if (GitHub::isValidLogin(key)) {
            next.target.kind = Kind::Login;
            next.target.owner = key;
        }
        if (kind == ListKind::Users) {
            next.place = Place::Profile; // a person opens on who they are
        }
        break;
    case ListKind::PullRequests:
        return false;
    case ListKind::Revisions:
        if (GitHub::isValidGistRevision(key) && m_location.target.kind == Kind::Gist) {
            next.target = m_location.target;
            next.target.revision = key;
            if (next.target.owner.isEmpty()) {
                next.target.owner = m_gistOwners.value(next.target.gistId);
            }
            next.place = Place::Files;
        }
        break;
    }
    if (!next.target.isValid()) {
        return false;
    }
    go(next, Mode::Visit);
    return true;
}

void Navigator::setViewer(const QString &login)
{
    const bool changed = m_viewer.compare(login, Qt::CaseInsensitive) != 0;
    m_viewer = login;
    if (std::exchange(m_awaitingViewer, false)) {
        // My gists or Starred, now that it is known whose they are; not known: the login's default.
        Location next = m_location;
        if (login.isEmpty()) {
            next.place.reset();
        }
        go(next, Mode::Replace);
        return;
    }
    if (!changed) {
        return;
    }
    // The places of the login shown gain or lose My gists and Starred; what is shown stays. (Signing
    // out shows the place again anyway: resetForAccount().)
    const std::optional<QJsonObject> account = knownAccount(m_location.target.owner);
    if (m_location.target.kind == Kind::Login && account && m_location.place) {
        const QList<Place> places = placesOf(Kind::Login, ownerKindOf(account->value(u"type"_s).toString()),
                                             isViewer(m_location.target.owner));
        if (places.contains(*m_location.place)) {
            Q_EMIT placesChanged(places, *m_location.place);
        }
    }
}

bool Navigator::isViewer(const QString &login) const
{
    return !m_viewer.isEmpty() && m_viewer.compare(login, Qt::CaseInsensitive) == 0;
}

void Navigator::resetForAccount()
{
    // Who is asking, or which server, changed: what GitHub said before may not hold any more.
    m_accounts.clear();
    retry();
}

std::optional<QJsonObject> Navigator::knownAccount(const QString &login) const
{
    const auto known = m_accounts.constFind(accountKey(login));
    if (known == m_accounts.cend()) {
        return std::nullopt;
    }
    return known.value();
}

void Navigator::remember(const QJsonObject &account)
{
    m_accounts.insert(accountKey(account.value(u"login"_s).toString()), account);
}

void Navigator::go(const Location &location, Mode mode, bool revalidate)
{
    if (!location.target.isValid()) {
        return;
    }
    m_awaitingViewer = false;
    if (mode == Mode::Visit) {
        Q_EMIT leaving();
    }
    Location next = location;
    if (mode != Mode::Again) {
        next.chosenRow.clear(); // a view kept is only for Back and Forward to the same stop
        next.scrolledTo = 0;
    }
    if (next.target.kind == Kind::Repository && next.pullState.isEmpty()) {
        next.pullState = defaultPullState(); // one spelling per state, so that "open" is "open"
    }
    for (const QPointer<GitHub::Request> &request : {m_targetRequest, m_detailsRequest}) {
        if (request) {
            request->abandon();
        }
    }
    const bool again = next == m_location;
    m_location = next;
    m_revalidate = revalidate;
    Q_EMIT navigating(again);
    if (!again) {
        Q_EMIT titleChanged(next.target.text());
    }
    if (mode == Mode::Visit) {
        m_history.visit(next);
    } else if (mode == Mode::Replace) {
        m_history.replaceCurrent(next);
    }
    showTarget();
    if (next.target.kind == Kind::Repository && next.target.pullRequest > 0) {
        showDetails(ListKind::PullRequests, QString::number(next.target.pullRequest)); // a pasted URL
    }
    // Requests made from now on (a row's details) may come from the cache again.
    m_revalidate = false;
    Q_EMIT locationChanged();
}

GitHub::RequestOptions Navigator::requestOptions() const
{
    GitHub::RequestOptions options;
    options.revalidate = m_revalidate;
    // The window says when a limit resets and offers Retry, rather than looking frozen.
    options.waitForRateLimit = false;
    // The rate-limit ledger's "asked by": the place the window shows.
    if (m_location.place) {
        options.origin = placeTitle(*m_location.place);
    }
    return options;
}

void Navigator::showTarget()
{
    const GitHub::Target &target = m_location.target;
    switch (target.kind) {
    case Kind::Login: {
        const QString path = Endpoints::user(target.owner);
        if (const std::optional<QJsonObject> known = knownAccount(target.owner)) {
            const bool revalidate = m_revalidate;
            showLoginPlace(*known);
            if (revalidate) {
                // F5: the profile is asked again beside the list, and what is shown stays meanwhile.
                fetch(path, m_targetRequest, [this](const QJsonObject &account) {
                    m_accounts.insert(accountKey(m_location.target.owner), account);
                    Q_EMIT ownerRefreshed(account);
                });
            }
            return;
        }
        Q_EMIT placesChanged({}, Place::Profile);
        Q_EMIT targetLoading();
        fetch(path, m_targetRequest, [this](const QJsonObject &account) {
            m_accounts.insert(accountKey(m_location.target.owner), account);
            showLoginPlace(account);
        });
        return;
    }
    case Kind::Repository: {
        Q_EMIT placesChanged(placesOf(Kind::Repository, OwnerKind::Unknown), Place::PullRequests);
        if (m_location.place != Place::PullRequests) {
            m_location.place = Place::PullRequests;
            m_history.replaceCurrent(m_location);
        }
        Q_EMIT listReady(ListKind::PullRequests, listUrl(m_location, OwnerKind::Unknown), requestOptions());
        return;
    }
    case Kind::Gist: {
        const QList<Place> places = placesOf(Kind::Gist, OwnerKind::Unknown);
        const Place wanted = m_location.place.value_or(Place::Files);
        const Place place = places.contains(wanted) ? wanted : Place::Files;
        Q_EMIT placesChanged(places, place);
        if (place != Place::Files) {
            const QString owner = m_gistOwners.value(target.gistId, target.owner);
            if (!owner.isEmpty()) {
                Q_EMIT titleChanged(tr("Gist of %1").arg(owner));
            }
            Q_EMIT listReady(*listKindOf(place), listUrl(m_location, OwnerKind::Unknown), requestOptions());
            return;
        }
        Q_EMIT targetLoading();
        const QString path = target.revision.isEmpty()
                                 ? Endpoints::gist(target.gistId)
                                 : Endpoints::gistRevision(target.gistId, target.revision);
        fetch(path, m_targetRequest, [this](const QJsonObject &gist) {
            const QString owner = gist.value(u"owner"_s).toObject().value(u"login"_s).toString();
            if (GitHub::isValidLogin(owner)) {
                if (m_gistOwners.size() > MaxGistOwners) {
                    m_gistOwners.clear();
                }
                m_gistOwners.insert(m_location.target.gistId, owner);
                // A revision's address names its owner (Target::text()): learnt now, kept in history.
                if (!m_location.target.revision.isEmpty() && m_location.target.owner.isEmpty()) {
                    m_location.target.owner = owner;
                    m_history.replaceCurrent(m_location);
                    Q_EMIT locationChanged();
                }
            }
            const QString revision = m_location.target.revision.left(7);
            Q_EMIT titleChanged(owner.isEmpty()      ? m_location.target.gistId
                                : revision.isEmpty() ? tr("Gist of %1").arg(owner)
                                                     : tr("Gist of %1 at %2").arg(owner, revision));
            Q_EMIT gistReady(gist);
        });
        return;
    }
    case Kind::Invalid:
        break;
    }
}

void Navigator::showLoginPlace(const QJsonObject &account)
{
    const OwnerKind owner = ownerKindOf(account.value(u"type"_s).toString());
    const bool viewer = isViewer(m_location.target.owner);
    const QList<Place> places = placesOf(Kind::Login, owner, viewer);
    Place place = m_location.place.value_or(defaultPlace(Kind::Login, owner));
    // Restored, or asked for at start: whose the token is comes a moment later (GET /user).
    const bool viewersOwn = place == Place::MyGists || place == Place::Starred;
    if (viewersOwn && m_viewer.isEmpty() && m_client && m_client->hasToken()) {
        m_awaitingViewer = true;
        Q_EMIT targetLoading();
        return;
    }
    if (!places.contains(place)) {
        place = defaultPlace(Kind::Login, owner);
    }
    if (m_location.place != place) {
        m_location.place = place;
        m_history.replaceCurrent(m_location);
        Q_EMIT locationChanged(); // now that it is known, e.g. there is a list to export
    }
    const QString name = account.value(u"name"_s).toString();
    const QString login = account.value(u"login"_s).toString(m_location.target.owner);
    Q_EMIT titleChanged(name.isEmpty() || name == login ? login : u"%1\n%2"_s.arg(name, login));
    Q_EMIT placesChanged(places, place);

    if (place == Place::Profile) {
        Q_EMIT profileReady(account);
        return;
    }
    if (place == Place::Insights) {
        Q_EMIT insightsReady(login, requestOptions());
        return;
    }
    Q_EMIT ownerReady(account);
    Q_EMIT listReady(*listKindOf(place), listUrl(m_location, owner), requestOptions());
}

std::optional<ListKind> Navigator::listKindAt(const Location &location)
{
    return location.place ? listKindOf(*location.place) : std::nullopt;
}

QUrl Navigator::listUrl(const Location &location, OwnerKind owner) const
{
    if (!m_client || !location.place) {
        return {};
    }
    const bool viewer = location.target.kind == Kind::Login && isViewer(location.target.owner);
    const QString path = listPath(location.target, owner, *location.place, viewer);
    if (path.isEmpty()) {
        return {};
    }
    if (location.target.kind == Kind::Repository) {
        return m_client->endpoint(path, Endpoints::pullRequestsQuery(location.pullState));
    }
    return m_client->endpoint(path);
}

void Navigator::showDetails(ListKind kind, const QString &key)
{
    if (m_detailsRequest) {
        m_detailsRequest->abandon();
    }
    if (key.isEmpty()) {
        // Nothing chosen (or the chosen row was filtered away): back to the target itself.
        const std::optional<QJsonObject> account = knownAccount(m_location.target.owner);
        if (m_location.target.kind == Kind::Login && account) {
            Q_EMIT accountDetails(*account);
        } else {
            Q_EMIT detailsCleared();
        }
        return;
    }
    switch (kind) {
    case ListKind::Gists:
        if (!GitHub::isValidGistId(key)) {
            return;
        }
        Q_EMIT detailsLoading();
        fetch(Endpoints::gist(key), m_detailsRequest,
              [this](const QJsonObject &gist) { Q_EMIT gistDetails(gist); });
        return;
    case ListKind::Users:
    case ListKind::Organizations: {
        if (!GitHub::isValidLogin(key)) {
            return;
        }
        if (const std::optional<QJsonObject> known = knownAccount(key)) {
            Q_EMIT accountDetails(*known);
            return;
        }
        Q_EMIT detailsLoading();
        fetch(Endpoints::user(key), m_detailsRequest, [this](const QJsonObject &account) {
            remember(account);
            Q_EMIT accountDetails(account);
        });
        return;
    }
    case ListKind::PullRequests: {
        const GitHub::Target &target = m_location.target;
        Q_EMIT detailsLoading();
        fetch(Endpoints::pullRequest(target.owner, target.repository, key), m_detailsRequest,
              [this](const QJsonObject &pull) { Q_EMIT pullRequestDetails(pull); });
        return;
    }
    case ListKind::Repositories:
        return; // the row has it all
    case ListKind::Revisions:
        if (!GitHub::isValidGistRevision(key) || m_location.target.kind != Kind::Gist) {
            return;
        }
        Q_EMIT detailsLoading();
        fetch(Endpoints::gistRevision(m_location.target.gistId, key), m_detailsRequest,
              [this](const QJsonObject &gist) { Q_EMIT gistDetails(gist); });
        return;
    }
}

void Navigator::followMove(const QUrl &answeredUrl)
{
    if (!m_client || m_location.target.kind != Kind::Repository || m_targetRequest) {
        return;
    }
    // Only GitHub's own shape of a move is followed: .../repositories/{id}/pulls on the API.
    static const QRegularExpression moved(u"^(.*/repositories/[0-9]{1,20})/pulls$"_s);
    const QRegularExpressionMatch match = moved.match(answeredUrl.path(QUrl::FullyEncoded));
    if (!match.hasMatch()) {
        return;
    }
    QUrl repositoryUrl = answeredUrl;
    repositoryUrl.setPath(match.captured(1), QUrl::StrictMode);
    repositoryUrl.setQuery(QString());
    fetch(repositoryUrl, m_targetRequest, [this](const QJsonObject &repository) {
        const GitHub::Target now = GitHub::parseTarget(repository.value(u"full_name"_s).toString());
        GitHub::Target &target = m_location.target;
        if (now.kind != Kind::Repository || target.kind != Kind::Repository ||
            now.text().compare(target.text(), Qt::CaseInsensitive) == 0) {
            return;
        }
        const QString from = target.text();
        target.owner = now.owner;
        target.repository = now.repository;
        m_history.replaceCurrent(m_location);
        Q_EMIT titleChanged(target.text());
        Q_EMIT renamed(from, target.text());
        Q_EMIT locationChanged();
    });
}

void Navigator::fetch(const QString &encodedPath, QPointer<GitHub::Request> &slot,
                      const std::function<void(const QJsonObject &)> &use)
{
    if (m_client) {
        fetch(m_client->endpoint(encodedPath), slot, use);
    }
}

void Navigator::fetch(const QUrl &url, QPointer<GitHub::Request> &slot,
                      const std::function<void(const QJsonObject &)> &use)
{
    if (!m_client) {
        return;
    }
    GitHub::Request *request = m_client->get(url, requestOptions());
    slot = request;
    const bool target = &slot == &m_targetRequest;
    connect(request, &GitHub::Request::succeeded, this,
            [this, use, target](const GitHub::Response &response) {
                if (target) {
                    m_targetSavedAt = response.savedAt;
                }
                use(QJsonDocument::fromJson(response.body).object());
            });
    connect(request, &GitHub::Request::failed, this, &Navigator::failed);
}

void Navigator::rememberView(const QString &chosenRow, int scrolledTo)
{
    std::optional<Location> here = m_history.current();
    if (!here || *here != m_location) {
        return;
    }
    here->chosenRow = chosenRow;
    here->scrolledTo = scrolledTo;
    m_history.replaceCurrent(*here);
}

QUrl Navigator::webPage() const
{
    const GitHub::Target &target = m_location.target;
    if (target.kind == Kind::Login) {
        // GitHub's own word for where the account lives (a renamed one, an Enterprise server).
        const QString known =
            knownAccount(target.owner).value_or(QJsonObject()).value(u"html_url"_s).toString();
        if (!known.isEmpty()) {
            return QUrl(known);
        }
    }
    return Endpoints::webPage(m_client ? m_client->apiBase() : GitHub::Client::GitHubApi, target);
}

QString Navigator::suggestedExportName() const
{
    QString name = m_location.target.text();
    name.replace(u'/', u'-');
    if (m_location.place) {
        name += u'-' + placeName(*m_location.place);
    }
    if (m_location.target.kind == Kind::Repository) {
        name += u'-' + (m_location.pullState.isEmpty() ? defaultPullState() : m_location.pullState);
    }
    return name + u".csv"_s;
}

} // namespace Hubshelf::Models
