#include "ui/explorerview.h"

#include "github/client.h"
#include "github/error.h"
#include "github/names.h"
#include "models/githublistmodel.h"
#include "models/roles.h"
#include "ui/detailspane.h"
#include "ui/gistview.h"
#include "ui/listpane.h"
#include "ui/profilecard.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

using Models::Place;
using Kind = GitHub::Target::Kind;

constexpr int DetailsDelayMs = 150; // arrow keys through a list fetch only where they stop

const QStringList pullStates = {u"open"_s, u"closed"_s, u"all"_s};

GitHub::Target loginTarget(const QString &login)
{
    GitHub::Target target;
    if (GitHub::isValidLogin(login)) {
        target.kind = Kind::Login;
        target.owner = login;
    }
    return target;
}

GitHub::Target gistTarget(const QString &id)
{
    GitHub::Target target;
    if (GitHub::isValidGistId(id)) {
        target.kind = Kind::Gist;
        target.gistId = id;
    }
    return target;
}

QString accountKey(const QString &login)
{
    return login.toLower();
}

} // namespace

ExplorerView::ExplorerView(GitHub::Client *client, AvatarLoader *avatars, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(u"explorer"_s);

    auto *placesColumn = new QWidget(this);
    placesColumn->setObjectName(u"placesColumn"_s);
    m_targetTitle = new QLabel(placesColumn);
    m_targetTitle->setObjectName(u"targetTitle"_s);
    m_targetTitle->setWordWrap(true);
    m_targetTitle->setTextFormat(Qt::PlainText); // a GitHub name is text, never markup
    m_targetTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_targetTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setWeight(QFont::DemiBold);
    m_targetTitle->setFont(titleFont);

    m_places = new QListWidget(placesColumn);
    m_places->setObjectName(u"placesList"_s);
    m_places->setAccessibleName(tr("Places"));
    m_places->setToolTip(tr("What to show of the current user, organization, repository or gist"));
    m_places->setFrameShape(QFrame::NoFrame);
    m_places->setUniformItemSizes(true);
    m_places->setSpacing(1);
    connect(m_places, &QListWidget::itemActivated, this, &ExplorerView::placeChosen);
    connect(m_places, &QListWidget::itemClicked, this, &ExplorerView::placeChosen);

    m_pullStateLabel = new QLabel(tr("&State:"), placesColumn);
    m_pullState = new QComboBox(placesColumn);
    m_pullState->setObjectName(u"pullStateBox"_s);
    m_pullState->setAccessibleName(tr("Pull request state"));
    m_pullState->setToolTip(tr("Which pull requests to list"));
    m_pullState->addItem(tr("Open"), pullStates.at(0));
    m_pullState->addItem(tr("Closed"), pullStates.at(1));
    m_pullState->addItem(tr("All"), pullStates.at(2));
    m_pullStateLabel->setBuddy(m_pullState);
    connect(m_pullState, &QComboBox::activated, this, &ExplorerView::pullStateChosen);

    auto *placesLayout = new QVBoxLayout(placesColumn);
    placesLayout->setContentsMargins(8, 8, 4, 8);
    placesLayout->addWidget(m_targetTitle);
    placesLayout->addSpacing(4);
    placesLayout->addWidget(m_places, 1);
    placesLayout->addWidget(m_pullStateLabel);
    placesLayout->addWidget(m_pullState);

    m_centre = new QStackedWidget(this);
    m_centre->setObjectName(u"centreStack"_s);
    m_listPane = new ListPane(m_centre);
    m_profileCard = new ProfileCard(m_centre);
    m_profileCard->setAvatarLoader(avatars);
    m_gistView = new GistView(m_centre);
    m_gistView->setAvatarLoader(avatars);
    m_loadingPage = new QLabel(tr("Loading…"), m_centre);
    m_loadingPage->setAlignment(Qt::AlignCenter);
    m_loadingPage->setForegroundRole(QPalette::PlaceholderText);
    m_centre->addWidget(m_loadingPage);
    m_centre->addWidget(m_listPane);
    m_centre->addWidget(m_profileCard);
    m_centre->addWidget(m_gistView);

    m_details = new DetailsPane(this);
    m_details->setObjectName(u"detailsPane"_s);
    m_details->setAvatarLoader(avatars);
    // Details belong to rows: a profile or a gist in the centre has the room to itself.
    connect(m_centre, &QStackedWidget::currentChanged, this,
            [this] { m_details->setVisible(m_centre->currentWidget() == m_listPane); });

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"explorerSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(placesColumn);
    m_splitter->addWidget(m_centre);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({180, 640, 420});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    m_detailsTimer.setSingleShot(true);
    m_detailsTimer.setInterval(DetailsDelayMs);
    connect(&m_detailsTimer, &QTimer::timeout, this, &ExplorerView::showRowDetails);
    connect(m_listPane, &ListPane::currentRowChanged, this, &ExplorerView::rowSelected);
    connect(m_listPane, &ListPane::rowActivated, this, &ExplorerView::rowActivated);
    connect(m_listPane, &ListPane::loadFailed, this, &ExplorerView::report);
    connect(m_listPane, &ListPane::loadingFinished, this, &ExplorerView::succeeded);

    fillPlaces({}, Place::Profile);
}

ExplorerView::~ExplorerView() = default;

void ExplorerView::open(const Location &location)
{
    go(location, Mode::Visit);
}

void ExplorerView::goBack()
{
    if (m_history.canGoBack()) {
        go(m_history.goBack(), Mode::Again);
    }
}

void ExplorerView::goForward()
{
    if (m_history.canGoForward()) {
        go(m_history.goForward(), Mode::Again);
    }
}

void ExplorerView::refresh()
{
    if (const std::optional<Location> current = m_history.current()) {
        go(*current, Mode::Again, true);
    }
}

void ExplorerView::retry()
{
    if (const std::optional<Location> current = m_history.current()) {
        go(*current, Mode::Again);
    }
}

void ExplorerView::go(const Location &location, Mode mode, bool revalidate)
{
    if (!location.target.isValid()) {
        return;
    }
    Location next = location;
    if (next.target.kind == Kind::Repository && next.pullState.isEmpty()) {
        next.pullState = pullStates.first(); // one spelling per state, so that "open" is "open"
    }
    if (m_targetRequest) {
        m_targetRequest->abandon();
    }
    if (m_detailsRequest) {
        m_detailsRequest->abandon();
    }
    m_detailsTimer.stop();
    const bool again = next == m_location;
    if (again) {
        m_listPane->stop(); // the same list again: it keeps its filter and selection
    } else {
        m_listPane->clear(); // nothing of the last list lingers while the next one loads
        m_details->showEmpty();
        m_targetTitle->setText(next.target.text());
    }
    m_location = next;
    m_revalidate = revalidate;
    if (mode == Mode::Visit) {
        m_history.visit(next);
    } else if (mode == Mode::Replace) {
        m_history.replaceCurrent(next);
    }
    showTarget();
    // Requests made from now on (a row's details) may come from the cache again.
    m_revalidate = false;
    Q_EMIT locationChanged();
}

void ExplorerView::resetForAccount()
{
    // Who is asking, or which server, changed: what GitHub said before may not hold any more.
    m_accounts.clear();
    if (const std::optional<Location> current = m_history.current()) {
        go(*current, Mode::Again);
    }
}

GitHub::RequestOptions ExplorerView::requestOptions() const
{
    GitHub::RequestOptions options;
    options.revalidate = m_revalidate;
    // The window says when a limit resets and offers Retry, rather than looking frozen.
    options.waitForRateLimit = false;
    return options;
}

void ExplorerView::showTarget()
{
    const GitHub::Target &target = m_location.target;
    switch (target.kind) {
    case Kind::Login: {
        const QString path = GitHub::encodedPath({u"users"_s, target.owner});
        const auto known = m_accounts.constFind(accountKey(target.owner));
        if (known != m_accounts.cend()) {
            const bool revalidate = m_revalidate;
            showLoginPlace(known.value());
            if (revalidate) {
                // F5: the profile is asked again beside the list, and what is shown stays meanwhile.
                fetch(path, m_targetRequest, [this](const QJsonObject &account) {
                    m_accounts.insert(accountKey(m_location.target.owner), account);
                    if (m_centre->currentWidget() == m_profileCard) {
                        m_profileCard->showAccount(account);
                    } else if (m_details->page() == DetailsPane::Page::Account &&
                               !m_listPane->view()->currentIndex().isValid()) {
                        m_details->showAccount(account);
                    }
                });
            }
            return;
        }
        fillPlaces({}, Place::Profile);
        showMessagePage(tr("Loading…"));
        fetch(path, m_targetRequest, [this](const QJsonObject &account) {
            m_accounts.insert(accountKey(m_location.target.owner), account);
            showLoginPlace(account);
        });
        return;
    }
    case Kind::Repository: {
        fillPlaces(Models::placesOf(Kind::Repository, Models::OwnerKind::Unknown), Place::PullRequests);
        if (m_location.place != Place::PullRequests) {
            m_location.place = Place::PullRequests;
            m_history.replaceCurrent(m_location);
        }
        const QString &state = m_location.pullState;
        m_pullState->setCurrentIndex(std::max(0, int(pullStates.indexOf(state))));
        QUrlQuery query;
        query.addQueryItem(u"state"_s, state);
        m_centre->setCurrentWidget(m_listPane);
        m_listPane->load(
            m_client, Models::ListKind::PullRequests,
            m_client->endpoint(Models::listPath(target, Models::OwnerKind::Unknown, Place::PullRequests),
                               query),
            requestOptions());
        return;
    }
    case Kind::Gist:
        fillPlaces(Models::placesOf(Kind::Gist, Models::OwnerKind::Unknown), Place::Files);
        if (m_centre->currentWidget() != m_gistView) {
            showMessagePage(tr("Loading…"));
        }
        fetch(GitHub::encodedPath({u"gists"_s, target.gistId}), m_targetRequest,
              [this](const QJsonObject &gist) {
                  const QString owner = gist.value(u"owner"_s).toObject().value(u"login"_s).toString();
                  m_targetTitle->setText(owner.isEmpty() ? m_location.target.gistId
                                                         : tr("Gist of %1").arg(owner));
                  m_gistView->showGist(gist);
                  m_centre->setCurrentWidget(m_gistView);
                  succeeded();
              });
        return;
    case Kind::Invalid:
        break;
    }
}

void ExplorerView::showLoginPlace(const QJsonObject &account)
{
    const Models::OwnerKind owner = Models::ownerKindOf(account.value(u"type"_s).toString());
    const QList<Place> places = Models::placesOf(Kind::Login, owner);
    Place place = m_location.place.value_or(Models::defaultPlace(Kind::Login, owner));
    if (!places.contains(place)) {
        place = Models::defaultPlace(Kind::Login, owner);
    }
    if (m_location.place != place) {
        m_location.place = place;
        m_history.replaceCurrent(m_location);
        Q_EMIT locationChanged(); // now that it is known, e.g. there is a list to export
    }
    const QString name = account.value(u"name"_s).toString();
    const QString login = account.value(u"login"_s).toString(m_location.target.owner);
    m_targetTitle->setText(name.isEmpty() || name == login ? login : u"%1\n%2"_s.arg(name, login));
    fillPlaces(places, place);

    if (place == Place::Profile) {
        m_profileCard->showAccount(account);
        m_centre->setCurrentWidget(m_profileCard);
        succeeded();
        return;
    }
    if (!m_listPane->view()->currentIndex().isValid()) {
        m_details->showAccount(account); // beside the list until a row is chosen
    }
    m_centre->setCurrentWidget(m_listPane);
    m_listPane->load(m_client, *Models::listKindOf(place),
                     m_client->endpoint(Models::listPath(m_location.target, owner, place)), requestOptions());
}

void ExplorerView::fillPlaces(const QList<Place> &places, Place current)
{
    const QSignalBlocker blocker(m_places);
    m_places->clear();
    for (const Place place : places) {
        auto *item = new QListWidgetItem(Models::placeTitle(place), m_places);
        item->setData(Qt::UserRole, int(place));
        if (place == current) {
            m_places->setCurrentItem(item);
        }
    }
    const bool pulls = places.contains(Place::PullRequests);
    m_pullStateLabel->setVisible(pulls);
    m_pullState->setVisible(pulls);
}

void ExplorerView::placeChosen()
{
    const QListWidgetItem *item = m_places->currentItem();
    if (!item) {
        return;
    }
    const auto place = Place(item->data(Qt::UserRole).toInt());
    if (place == m_location.place) {
        return;
    }
    Location next = m_location;
    next.place = place;
    go(next, Mode::Visit);
}

void ExplorerView::pullStateChosen()
{
    Location next = m_location;
    next.pullState = m_pullState->currentData().toString();
    if (next.pullState != m_location.pullState) {
        go(next, Mode::Replace);
    }
}

QString ExplorerView::rowValue(const QModelIndex &sourceIndex, const QString &column) const
{
    const Models::GitHubListModel *model = m_listPane->sourceModel();
    return model->index(sourceIndex.row(), model->columnNamed(column)).data(Models::ExportRole).toString();
}

void ExplorerView::rowActivated(const QModelIndex &sourceIndex)
{
    const Models::GitHubListModel *model = m_listPane->sourceModel();
    if (!model || !sourceIndex.isValid()) {
        return;
    }
    Location next;
    switch (model->kind()) {
    case Models::ListKind::Gists:
        next.target = gistTarget(sourceIndex.data(Models::IdRole).toString());
        break;
    case Models::ListKind::Repositories:
        next.target = GitHub::parseTarget(rowValue(sourceIndex, u"full_name"_s));
        break;
    case Models::ListKind::Users:
    case Models::ListKind::Organizations:
        next.target = loginTarget(rowValue(sourceIndex, u"login"_s));
        if (model->kind() == Models::ListKind::Users) {
            next.place = Place::Profile; // a person opens on who they are
        }
        break;
    case Models::ListKind::PullRequests:
        // A pull request has no places of its own: Enter takes the keyboard to its details.
        m_details->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (next.target.isValid()) {
        go(next, Mode::Visit);
    }
}

void ExplorerView::rowSelected()
{
    m_detailsTimer.start();
}

void ExplorerView::showRowDetails()
{
    const QModelIndex current = m_listPane->view()->currentIndex();
    const Models::GitHubListModel *model = m_listPane->sourceModel();
    if (m_detailsRequest) {
        m_detailsRequest->abandon();
    }
    if (!model || !current.isValid()) {
        // Nothing chosen (or the chosen row was filtered away): back to the target itself.
        const auto account = m_accounts.constFind(accountKey(m_location.target.owner));
        if (m_location.target.kind == Kind::Login && account != m_accounts.cend()) {
            m_details->showAccount(account.value());
        } else {
            m_details->showEmpty();
        }
        return;
    }
    const QModelIndex source = m_listPane->proxyModel()->mapToSource(current);
    switch (model->kind()) {
    case Models::ListKind::Gists: {
        const QString id = source.data(Models::IdRole).toString();
        if (!GitHub::isValidGistId(id)) {
            return;
        }
        m_details->showLoading();
        fetch(GitHub::encodedPath({u"gists"_s, id}), m_detailsRequest,
              [this](const QJsonObject &gist) { m_details->showGist(gist); });
        return;
    }
    case Models::ListKind::Users:
    case Models::ListKind::Organizations: {
        const QString login = rowValue(source, u"login"_s);
        if (!GitHub::isValidLogin(login)) {
            return;
        }
        const auto known = m_accounts.constFind(accountKey(login));
        if (known != m_accounts.cend()) {
            m_details->showAccount(known.value());
            return;
        }
        m_details->showLoading();
        fetch(GitHub::encodedPath({u"users"_s, login}), m_detailsRequest, [this](const QJsonObject &account) {
            m_accounts.insert(accountKey(account.value(u"login"_s).toString()), account);
            m_details->showAccount(account);
        });
        return;
    }
    case Models::ListKind::PullRequests: {
        const QString number = rowValue(source, u"number"_s);
        const GitHub::Target &target = m_location.target;
        m_details->showLoading();
        fetch(GitHub::encodedPath({u"repos"_s, target.owner, target.repository, u"pulls"_s, number}),
              m_detailsRequest, [this](const QJsonObject &pull) { m_details->showPullRequest(pull); });
        return;
    }
    case Models::ListKind::Repositories:
        m_details->showRow(*model, source.row());
        return;
    }
}

void ExplorerView::fetch(const QString &encodedPath, QPointer<GitHub::Request> &slot,
                         const std::function<void(const QJsonObject &)> &use)
{
    if (!m_client) {
        return;
    }
    GitHub::Request *request = m_client->get(m_client->endpoint(encodedPath), requestOptions());
    slot = request;
    connect(request, &GitHub::Request::succeeded, this, [use](const GitHub::Response &response) {
        use(QJsonDocument::fromJson(response.body).object());
    });
    connect(request, &GitHub::Request::failed, this, [this](const GitHub::Error &error) {
        // Whatever was on screen stays; only a page still waiting says that it could not come.
        if (m_centre->currentWidget() == m_loadingPage) {
            showMessagePage(tr("Nothing to show here; the message above says why."));
        }
        if (m_details->page() == DetailsPane::Page::Loading) {
            m_details->showEmpty();
        }
        report(error);
    });
}

void ExplorerView::showMessagePage(const QString &text)
{
    m_loadingPage->setText(text);
    m_centre->setCurrentWidget(m_loadingPage);
}

void ExplorerView::report(const GitHub::Error &error)
{
    if (error.kind == GitHub::Error::Kind::Cancelled) {
        return;
    }
    m_failing = true;
    Q_EMIT failed(error);
}

void ExplorerView::succeeded()
{
    if (m_failing) {
        m_failing = false;
        Q_EMIT recovered();
    }
}

QUrl ExplorerView::currentWebPage() const
{
    if (m_centre->currentWidget() == m_listPane) {
        const QModelIndex current = m_listPane->view()->currentIndex();
        if (current.isValid()) {
            return QUrl(current.data(Models::HtmlUrlRole).toString());
        }
    }
    const GitHub::Target &target = m_location.target;
    // github.com for api.github.com; an Enterprise server serves its pages at its own root.
    QUrl web = m_client ? m_client->apiBase() : GitHub::Client::GitHubApi;
    const bool dotCom = web.host() == GitHub::Client::GitHubApi.host();
    web.setPath(QString());
    if (dotCom) {
        web.setHost(u"github.com"_s);
    }
    QStringList segments;
    switch (target.kind) {
    case Kind::Login: {
        const QString known = m_accounts.value(accountKey(target.owner)).value(u"html_url"_s).toString();
        if (!known.isEmpty()) {
            return QUrl(known);
        }
        segments = {target.owner};
        break;
    }
    case Kind::Repository:
        segments = {target.owner, target.repository, u"pulls"_s};
        break;
    case Kind::Gist:
        if (dotCom) {
            web.setHost(u"gist.github.com"_s);
            segments = {target.gistId};
        } else {
            segments = {u"gist"_s, target.gistId};
        }
        break;
    case Kind::Invalid:
        return {};
    }
    web.setPath(GitHub::encodedPath(segments), QUrl::TolerantMode);
    return web;
}

QString ExplorerView::suggestedExportName() const
{
    QString name = m_location.target.text();
    name.replace(u'/', u'-');
    if (m_location.place) {
        name += u'-' + Models::placeName(*m_location.place);
    }
    if (m_location.target.kind == Kind::Repository) {
        name += u'-' + (m_location.pullState.isEmpty() ? pullStates.first() : m_location.pullState);
    }
    return name + u".csv"_s;
}

} // namespace Hubshelf::Ui
