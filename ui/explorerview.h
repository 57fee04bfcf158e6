#pragma once

#include "github/request.h"
#include "ui/history.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QListWidget;
class QSplitter;
class QStackedWidget;

namespace Hubshelf::GitHub {
class Client;
struct Error;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Ui {

class AvatarLoader;
class DetailsPane;
class GistView;
class ListPane;
class ProfileCard;

// Where the person is and what they see there: the places of the current target on the left,
// the list (or a profile, or a gist) in the centre and the selected row's details on the right.
// It keeps the history, asks the client for what each place shows and says when something
// failed; the window around it owns the toolbar, the banner and the status bar.
class ExplorerView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExplorerView)

public:
    ExplorerView(GitHub::Client *client, AvatarLoader *avatars, QWidget *parent = nullptr);
    ~ExplorerView() override;

    // Goes to `location`, adding it to the history.
    void open(const Location &location);
    void goBack();
    void goForward();
    // F5: the current place again, revalidated with GitHub (a 304 costs nothing).
    void refresh();
    // After a failure: the current place again, from the cache where it can.
    void retry();
    // Signed in or out, or another API server: forgets what GitHub said and shows the place again.
    void resetForAccount();

    bool canGoBack() const { return m_history.canGoBack(); }
    bool canGoForward() const { return m_history.canGoForward(); }
    std::optional<Location> currentLocation() const { return m_history.current(); }
    // The GitHub page of the selected row, else of the current target.
    QUrl currentWebPage() const;
    // A file name for an export of the current list, e.g. "megacorp-repos.csv".
    QString suggestedExportName() const;

    ListPane *listPane() const { return m_listPane; }
    DetailsPane *detailsPane() const { return m_details; }
    GistView *gistView() const { return m_gistView; }
    ProfileCard *profileCard() const { return m_profileCard; }
    QListWidget *placesList() const { return m_places; }
    QComboBox *pullStateBox() const { return m_pullState; }
    QSplitter *splitter() const { return m_splitter; }

Q_SIGNALS:
    // The location shown changed (the address field and the history buttons follow).
    void locationChanged();
    void failed(const Hubshelf::GitHub::Error &error);
    // Something loaded after a failure: the banner can go.
    void recovered();

private:
    enum class Mode { Visit, Replace, Again };

    void go(const Location &location, Mode mode, bool revalidate = false);
    void showTarget();
    void showLoginPlace(const QJsonObject &account);
    void fillPlaces(const QList<Models::Place> &places, Models::Place current);
    void placeChosen();
    void pullStateChosen();
    // A column's text (by CSV name) in the list's row of `sourceIndex`.
    QString rowValue(const QModelIndex &sourceIndex, const QString &column) const;
    void rowActivated(const QModelIndex &sourceIndex);
    void rowSelected();
    void showRowDetails();
    // GETs `path` and hands the object to `use`; go() abandons the request when the location changes.
    void fetch(const QString &encodedPath, QPointer<GitHub::Request> &slot,
               const std::function<void(const QJsonObject &)> &use);
    GitHub::RequestOptions requestOptions() const;
    void showMessagePage(const QString &text);
    void report(const GitHub::Error &error);
    void succeeded();

    QPointer<GitHub::Client> m_client;
    History m_history;
    Location m_location;
    bool m_revalidate = false;
    bool m_failing = false;
    // GET /users/{login} answers, by lower-case login: whether it is an organization and its card.
    QHash<QString, QJsonObject> m_accounts;
    QPointer<GitHub::Request> m_targetRequest;
    QPointer<GitHub::Request> m_detailsRequest;
    QTimer m_detailsTimer;

    QLabel *m_targetTitle = nullptr;
    QListWidget *m_places = nullptr;
    QLabel *m_pullStateLabel = nullptr;
    QComboBox *m_pullState = nullptr;
    QStackedWidget *m_centre = nullptr;
    QLabel *m_loadingPage = nullptr;
    ListPane *m_listPane = nullptr;
    ProfileCard *m_profileCard = nullptr;
    GistView *m_gistView = nullptr;
    DetailsPane *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
};

} // namespace Hubshelf::Ui
