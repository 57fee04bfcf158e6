#include "ui/explorerview.h"

#include "github/client.h"
#include "github/endpoints.h"
#include "github/error.h"
#include "models/giststar.h"
#include "models/githublistmodel.h"
#include "models/navigator.h"
#include "models/roles.h"
#include "ui/detailspane.h"
#include "ui/gistview.h"
#include "ui/insightsview.h"
#include "ui/listpane.h"
#include "ui/placescolumn.h"
#include "ui/profilecard.h"
#include "widgets/currentpagesize.h"

#include <QComboBox>
#include <QLabel>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

using Models::Place;
using Kind = GitHub::Target::Kind;

constexpr int DetailsDelayMs = 150; // arrow keys through a list fetch only where they stop

// The column that names a row of each kind of list: what Back and Forward choose again.
QString keyColumn(Models::ListKind kind)
{
    switch (kind) {
    case Models::ListKind::Gists:
        return u"id"_s;
    case Models::ListKind::Users:
    case Models::ListKind::Organizations:
        return u"login"_s;
    case Models::ListKind::PullRequests:
        return u"number"_s;
    case Models::ListKind::Repositories:
        return u"full_name"_s;
    case Models::ListKind::Revisions:
        return u"version"_s;
    }
    return {};
}

} // namespace

ExplorerView::ExplorerView(GitHub::Client *client, Images::AvatarLoader *avatars,
                           Settings::AppSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_navigator(new Models::Navigator(client, this))
{
    setObjectName(u"explorer"_s);

    m_placesColumn = new PlacesColumn(this);
    connect(m_placesColumn, &PlacesColumn::placeChosen, m_navigator, &Models::Navigator::choosePlace);
    connect(m_placesColumn, &PlacesColumn::pullStateChosen, m_navigator, &Models::Navigator::choosePullState);

    m_centre = new QStackedWidget(this);
    m_centre->setObjectName(u"centreStack"_s);
    m_listPane = new ListPane(settings, m_centre);
    // Which pull requests to list sits with the list, beside its filter.
    m_listPane->addToBar(m_placesColumn->pullStateLabel());
    m_listPane->addToBar(m_placesColumn->pullStateBox());
    m_profileCard = new ProfileCard(m_centre);
    m_profileCard->setAvatarLoader(avatars);
    m_gistView = new GistView(m_centre);
    m_gistView->setAvatarLoader(avatars);
    m_gistView->setStar(new Models::GistStar(client, this));
    connect(m_gistView, &GistView::starFailed, this, &ExplorerView::notice);
    connect(m_gistView, &GistView::ownerActivated, this, &ExplorerView::openOwner);
    m_insightsView = new InsightsView(m_centre);
    connect(m_insightsView, &InsightsView::failed, this, &ExplorerView::report);
    connect(m_insightsView, &InsightsView::finished, this, &ExplorerView::succeeded);
    m_loadingPage = new QLabel(tr("Loading…"), m_centre);
    m_loadingPage->setAlignment(Qt::AlignCenter);
    m_loadingPage->setWordWrap(true);
    m_loadingPage->setForegroundRole(QPalette::PlaceholderText);
    m_centre->addWidget(m_loadingPage);
    m_centre->addWidget(m_listPane);
    m_centre->addWidget(m_profileCard);
    m_centre->addWidget(m_gistView);
    m_centre->addWidget(m_insightsView);
    Widgets::sizeToCurrentPage(m_centre);

    m_details = new DetailsPane(this);
    connect(m_details->gistView(), &GistView::ownerActivated, this, &ExplorerView::openOwner);
    m_details->setObjectName(u"detailsPane"_s);
    m_details->setAvatarLoader(avatars);
    // Details belong to rows: a profile or a gist in the centre has the room to itself.
    connect(m_centre, &QStackedWidget::currentChanged, this,
            [this] { m_details->setVisible(m_centre->currentWidget() == m_listPane); });

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"explorerSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_placesColumn);
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
    connect(m_listPane, &ListPane::currentRowChanged, &m_detailsTimer, qOverload<>(&QTimer::start));
    connect(m_listPane, &ListPane::rowActivated, this, &ExplorerView::rowActivated);
    connect(m_listPane, &ListPane::loadFailed, this, &ExplorerView::report);
    connect(m_listPane, &ListPane::loadingFinished, this, &ExplorerView::succeeded);
    connect(m_listPane->loader(), &Models::ListLoader::pageArrived, this,
            [this](int page, const QJsonArray &, const GitHub::Response &response) {
                if (page == 1 && response.url.path() != m_listPane->listUrl().path()) {
                    m_navigator->followMove(response.url);
                }
            });

    connectNavigator();
}

ExplorerView::~ExplorerView() = default;

void ExplorerView::openOwner(const QString &login)
{
    // The link's text came from GitHub: it opens only if it is a login.
    const GitHub::Target target = GitHub::parseTarget(QUrl::fromPercentEncoding(login.toLatin1()));
    if (target.kind == GitHub::Target::Kind::Login) {
        open(Location{target, std::nullopt, {}});
    }
}

QListWidget *ExplorerView::placesList() const
{
    return m_placesColumn->placesList();
}

QComboBox *ExplorerView::pullStateBox() const
{
    return m_placesColumn->pullStateBox();
}

void ExplorerView::connectNavigator()
{
    Models::Navigator *navigator = m_navigator;
    connect(navigator, &Models::Navigator::locationChanged, this, &ExplorerView::locationChanged);
    connect(navigator, &Models::Navigator::leaving, this, [this] {
        const Models::GitHubListModel *model = m_listPane->sourceModel();
        if (m_centre->currentWidget() != m_listPane || !model) {
            return;
        }
        const QModelIndex current = m_listPane->view()->currentIndex();
        const QString chosen = current.isValid() ? rowValue(m_listPane->proxyModel()->mapToSource(current),
                                                            keyColumn(model->kind()))
                                                 : QString();
        m_navigator->rememberView(chosen, m_listPane->view()->verticalScrollBar()->value());
    });
    connect(navigator, &Models::Navigator::navigating, this, &ExplorerView::navigating);
    connect(navigator, &Models::Navigator::titleChanged, m_placesColumn, &PlacesColumn::setTitle);
    connect(navigator, &Models::Navigator::placesChanged, this,
            [this](const QList<Place> &places, Place current) {
                m_placesColumn->setPlaces(places, current, m_navigator->location().pullState);
            });
    connect(navigator, &Models::Navigator::targetLoading, this, [this] {
        // A gist shown stays while the same gist is asked again.
        if (m_navigator->location().target.kind != Kind::Gist || m_centre->currentWidget() != m_gistView) {
            showMessagePage(tr("Loading…"));
        }
    });
    connect(navigator, &Models::Navigator::profileReady, this, [this](const QJsonObject &account) {
        m_profileCard->showAccount(account);
        m_centre->setCurrentWidget(m_profileCard);
        succeeded();
    });
    connect(navigator, &Models::Navigator::insightsReady, this,
            [this](const QString &owner, const GitHub::RequestOptions &options) {
                m_centre->setCurrentWidget(m_insightsView);
                m_insightsView->showOwner(m_client, owner, options);
            });
    connect(navigator, &Models::Navigator::ownerReady, this, [this](const QJsonObject &account) {
        if (!m_listPane->view()->currentIndex().isValid()) {
            m_details->showAccount(account); // beside the list until a row is chosen
        }
    });
    connect(navigator, &Models::Navigator::ownerRefreshed, this, [this](const QJsonObject &account) {
        if (m_centre->currentWidget() == m_profileCard) {
            m_profileCard->showAccount(account);
        } else if (m_details->page() == DetailsPane::Page::Account &&
                   !m_listPane->view()->currentIndex().isValid()) {
            m_details->showAccount(account);
        }
    });
    connect(navigator, &Models::Navigator::listReady, this,
            [this](Models::ListKind kind, const QUrl &url, const GitHub::RequestOptions &options) {
                m_centre->setCurrentWidget(m_listPane);
                // Back or Forward: the row chosen and the scroll as they were left. A pull
                // request's URL: its row, once it arrives (its details already show).
                const Location &location = m_navigator->location();
                const int pull = location.target.pullRequest;
                if (!location.chosenRow.isEmpty()) {
                    m_listPane->selectRowWhere(keyColumn(kind), location.chosenRow);
                } else {
                    m_listPane->selectRowWhere(u"number"_s, kind == Models::ListKind::PullRequests && pull > 0
                                                                ? QString::number(pull)
                                                                : QString());
                }
                m_listPane->scrollWhenComplete(location.scrolledTo);
                m_listPane->load(m_client, kind, url, options);
                const bool merged = kind == Models::ListKind::PullRequests &&
                                    m_navigator->location().pullState == GitHub::Endpoints::mergedPullState();
                m_listPane->proxyModel()->setRequiredValue(merged ? Models::columnNamed(kind, u"state"_s)
                                                                  : -1,
                                                           GitHub::Endpoints::mergedPullState());
            });
    connect(navigator, &Models::Navigator::gistReady, this, [this](const QJsonObject &gist) {
        m_gistView->showGist(gist, m_navigator->location().target.revision);
        m_centre->setCurrentWidget(m_gistView);
        succeeded();
    });
    connect(navigator, &Models::Navigator::detailsLoading, m_details, &DetailsPane::showLoading);
    connect(navigator, &Models::Navigator::detailsCleared, m_details, &DetailsPane::showEmpty);
    connect(navigator, &Models::Navigator::accountDetails, m_details, &DetailsPane::showAccount);
    connect(navigator, &Models::Navigator::gistDetails, this, [this](const QJsonObject &gist) {
        // A row of Revisions is the gist as it was: the details say which revision.
        const Models::GitHubListModel *model = m_listPane->sourceModel();
        const QModelIndex current = m_listPane->view()->currentIndex();
        const bool revision = model && model->kind() == Models::ListKind::Revisions && current.isValid();
        m_details->showGist(gist, revision ? current.data(Models::IdRole).toString() : QString());
    });
    connect(navigator, &Models::Navigator::pullRequestDetails, m_details, &DetailsPane::showPullRequest);
    connect(navigator, &Models::Navigator::failed, this, &ExplorerView::targetFailed);
    connect(navigator, &Models::Navigator::renamed, this, [this](const QString &from, const QString &to) {
        Q_EMIT notice(tr("%1 was renamed to %2; it is shown under its new name.").arg(from, to));
    });
}

void ExplorerView::navigating(bool again)
{
    m_detailsTimer.stop();
    m_insightsView->stop(); // F5 starts it again; elsewhere it is not wanted
    if (again) {
        m_listPane->stop(); // the same list again: it keeps its filter and selection
    } else {
        m_listPane->clear(); // nothing of the last list lingers while the next one loads
        m_details->showEmpty();
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
    switch (model->kind()) {
    case Models::ListKind::Gists:
    case Models::ListKind::Revisions:
        m_navigator->openRow(model->kind(), sourceIndex.data(Models::IdRole).toString());
        return;
    case Models::ListKind::Repositories:
        m_navigator->openRow(model->kind(), rowValue(sourceIndex, u"full_name"_s));
        return;
    case Models::ListKind::Users:
    case Models::ListKind::Organizations:
        m_navigator->openRow(model->kind(), rowValue(sourceIndex, u"login"_s));
        return;
    case Models::ListKind::PullRequests:
        // A pull request has no places of its own: Enter takes the keyboard to its details.
        m_details->setFocus(Qt::OtherFocusReason);
        return;
    }
}

void ExplorerView::showRowDetails()
{
    const QModelIndex current = m_listPane->view()->currentIndex();
    const Models::GitHubListModel *model = m_listPane->sourceModel();
    if (!model || !current.isValid()) {
        m_navigator->showDetails(Models::ListKind::Gists, QString()); // the target itself
        return;
    }
    const QModelIndex source = m_listPane->proxyModel()->mapToSource(current);
    switch (model->kind()) {
    case Models::ListKind::Gists:
    case Models::ListKind::Revisions:
        m_navigator->showDetails(model->kind(), source.data(Models::IdRole).toString());
        return;
    case Models::ListKind::Users:
    case Models::ListKind::Organizations:
        m_navigator->showDetails(model->kind(), rowValue(source, u"login"_s));
        return;
    case Models::ListKind::PullRequests:
        m_navigator->showDetails(model->kind(), rowValue(source, u"number"_s));
        return;
    case Models::ListKind::Repositories:
        m_navigator->showDetails(model->kind(),
                                 rowValue(source, u"full_name"_s)); // stops a request under way
        m_details->showRow(*model, source.row());
        return;
    }
}

void ExplorerView::showMessagePage(const QString &text)
{
    m_loadingPage->setText(text);
    m_centre->setCurrentWidget(m_loadingPage);
}

void ExplorerView::targetFailed(const GitHub::Error &error)
{
    // Whatever was on screen stays; only a page still waiting says that it could not come.
    if (m_centre->currentWidget() == m_loadingPage) {
        showMessagePage(tr("Nothing to show here; the message above says why."));
    }
    if (m_details->page() == DetailsPane::Page::Loading) {
        m_details->showEmpty();
    }
    report(error);
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
    Q_EMIT shown();
}

QDateTime ExplorerView::savedAt() const
{
    if (m_centre->currentWidget() == m_listPane) {
        return m_listPane->loader()->oldestSavedAt();
    }
    return m_navigator->targetSavedAt();
}

QUrl ExplorerView::currentWebPage() const
{
    if (m_centre->currentWidget() == m_listPane) {
        const QModelIndex current = m_listPane->view()->currentIndex();
        const QString rowPage = current.data(Models::HtmlUrlRole).toString();
        if (!rowPage.isEmpty()) {
            return QUrl(rowPage);
        }
        // A revision has no page of its own in the API's answer: the gist's page at that revision.
        if (current.isValid() && m_listPane->kind() == Models::ListKind::Revisions) {
            GitHub::Target revision = m_navigator->location().target;
            revision.revision = current.data(Models::IdRole).toString();
            return GitHub::Endpoints::webPage(m_client->apiBase(), revision);
        }
    }
    return m_navigator->webPage();
}

} // namespace Hubshelf::Ui
