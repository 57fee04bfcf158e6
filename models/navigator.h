#pragma once

#include "github/request.h"
#include "models/columns.h"
#include "models/history.h"
#include "models/places.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

namespace Hubshelf::GitHub {
class Client;
struct Error;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Models {

// Where the person is, without a widget: the location and its history, the user-or-organization
// lookup (GET /users/{login}, remembered per account until the account changes) and which
// requests each place needs — the list URL of a place, the details of a selected row, the
// target's web page. A view follows its signals and shows what they carry.
class Navigator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Navigator)

public:
    // `client` is not owned; without one nothing is requested.
    explicit Navigator(GitHub::Client *client, QObject *parent = nullptr);
    ~Navigator() override;

    // Goes to `location`, adding it to the history.
    void open(const Location &location);
    void goBack();
    void goForward();
    // F5: the current place again, revalidated with GitHub (a 304 costs nothing).
    void refresh();
    // After a failure: the current place again, from the cache where it can.
    void retry();
    // Another place of the current target (a new stop) or another pull-request state (the same).
    void choosePlace(Place place);
    void choosePullState(const QString &state);
    // Opens the row of a list of `kind` whose `key` is given: a gist (id), a repository (full
    // name), a person (login: their profile) or an organization (login). False when the row
    // names nothing that can be opened (a pull request has no places of its own).
    bool openRow(ListKind kind, const QString &key);
    // Signed in or out, or another API server: forgets what GitHub said and shows the place again.
    void resetForAccount();
    // Who is signed in (empty: nobody, or not known yet): their own login has My gists and Starred.
    // Also told when asking GitHub failed (empty again): a place of the viewer's waits until then.
    void setViewer(const QString &login);
    QString viewer() const { return m_viewer; }
    bool isViewer(const QString &login) const;

    bool canGoBack() const { return m_history.canGoBack(); }
    bool canGoForward() const { return m_history.canGoForward(); }
    std::optional<Location> currentLocation() const { return m_history.current(); }
    // What is being shown (its default place filled in once known).
    const Location &location() const { return m_location; }
    // GET /users/{login}'s answer, when this account has asked it.
    std::optional<QJsonObject> knownAccount(const QString &login) const;

    // The details of the selected row of a list of `kind`: `key` is the gist id, the login or the
    // pull request's number; empty when no row is selected (the target's own account, if any).
    // Repositories need no request: the row has it all (detailsCleared() is not sent either).
    void showDetails(ListKind kind, const QString &key);
    bool isFetchingDetails() const { return !m_detailsRequest.isNull(); }

    // The current repository's list was answered from `answeredUrl` rather than where it was asked:
    // GitHub's 301 for a renamed repository, to /repositories/{id}/pulls. Asks the repository there
    // (once; a revisit comes from the cache) and shows it under its new name (renamed()).
    void followMove(const QUrl &answeredUrl);

    // The GitHub page of the current target (a login's own html_url once known).
    QUrl webPage() const;
    // How the current list is shown (its chosen row's key, its scroll), kept with the current stop
    // of the history; asked for by leaving().
    void rememberView(const QString &chosenRow, int scrolledTo);
    // The target's own answer (a profile, a gist) came from the cache without asking GitHub: when
    // GitHub sent it. Invalid when it was asked for.
    QDateTime targetSavedAt() const { return m_targetSavedAt; }
    // A file name for an export of the current list, e.g. "megacorp-repos.csv".
    QString suggestedExportName() const;

    // The list a place shows and where it comes from; an empty URL when it has none.
    static std::optional<ListKind> listKindAt(const Location &location);
    QUrl listUrl(const Location &location, OwnerKind owner) const;

Q_SIGNALS:
    // The location or the history changed (the address field and the history buttons follow).
    void locationChanged();
    // About to go elsewhere (a visit, Back, Forward): what shows is still the current stop's, for
    // rememberView().
    void leaving();
    // A new location is being shown; `again` when it is the one already shown (the list keeps
    // its filter and selection), otherwise whatever showed the last one should go.
    void navigating(bool again);
    void titleChanged(const QString &title);
    void placesChanged(const QList<Hubshelf::Models::Place> &places, Hubshelf::Models::Place current);
    // Waiting for the target itself (its account, its gist).
    void targetLoading();
    void profileReady(const QJsonObject &account);
    // The Insights place of a user or an organization.
    void insightsReady(const QString &owner, const Hubshelf::GitHub::RequestOptions &options);
    void listReady(Hubshelf::Models::ListKind kind, const QUrl &url,
                   const Hubshelf::GitHub::RequestOptions &options);
    // The target's account, beside a list until a row is chosen; again after F5 revalidated it.
    void ownerReady(const QJsonObject &account);
    void ownerRefreshed(const QJsonObject &account);
    void gistReady(const QJsonObject &gist);
    void detailsLoading();
    void detailsCleared();
    void accountDetails(const QJsonObject &account);
    void gistDetails(const QJsonObject &gist);
    void pullRequestDetails(const QJsonObject &pull);
    // The repository shown is now called `to` (an owner/name): the location, the history and the
    // title say so, and the list already shown stays.
    void renamed(const QString &from, const QString &to);
    // A request of the navigator's own failed.
    void failed(const Hubshelf::GitHub::Error &error);

private:
    enum class Mode { Visit, Replace, Again };

    void go(const Location &location, Mode mode, bool revalidate = false);
    void showTarget();
    void showLoginPlace(const QJsonObject &account);
    GitHub::RequestOptions requestOptions() const;
    // GETs `path` and hands the object to `use`; go() abandons the request when the location changes.
    void fetch(const QString &encodedPath, QPointer<GitHub::Request> &slot,
               const std::function<void(const QJsonObject &)> &use);
    void fetch(const QUrl &url, QPointer<GitHub::Request> &slot,
               const std::function<void(const QJsonObject &)> &use);
    void remember(const QJsonObject &account);

    QPointer<GitHub::Client> m_client;
    History m_history;
    Location m_location;
    bool m_revalidate = false;
    // GET /users/{login} answers, by lower-case login: whether it is an organization and its card.
    QHash<QString, QJsonObject> m_accounts;
    QString m_viewer;
    bool m_awaitingViewer = false; // My gists or Starred waits for setViewer()
    // Whose each gist shown is, by id: a revision's address names its owner (Target::text()).
    QHash<QString, QString> m_gistOwners;
    QPointer<GitHub::Request> m_targetRequest;
    QDateTime m_targetSavedAt;
    QPointer<GitHub::Request> m_detailsRequest;
};

} // namespace Hubshelf::Models
