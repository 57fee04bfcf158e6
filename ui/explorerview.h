#pragma once

#include "models/navigator.h"

#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QSplitter;
class QStackedWidget;

namespace Hubshelf::GitHub {
class Client;
struct Error;
} // namespace Hubshelf::GitHub
namespace Hubshelf::Settings {
class AppSettings;
}

namespace Hubshelf::Images {
class AvatarLoader;
}

namespace Hubshelf::Ui {

using Models::Location;

class DetailsPane;
class GistView;
class InsightsView;
class ListPane;
class PlacesColumn;
class ProfileCard;

// Where the person is and what they see there: the places of the current target on the left,
// the list (or a profile, or a gist) in the centre and the selected row's details on the right.
// It shows what its Models::Navigator says (the location, the history, what each place needs) and
// says when something failed; the window around it owns the toolbar, the banner and the status bar.
class ExplorerView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExplorerView)

public:
    // `settings` keeps the list's columns (null: the list keeps its own on the application's QSettings).
    ExplorerView(GitHub::Client *client, Images::AvatarLoader *avatars,
                 Settings::AppSettings *settings = nullptr, QWidget *parent = nullptr);
    ~ExplorerView() override;

    // Navigation, as the navigator does it.
    void open(const Location &location) { m_navigator->open(location); }
    void goBack() { m_navigator->goBack(); }
    void goForward() { m_navigator->goForward(); }
    void refresh() { m_navigator->refresh(); }
    // What is shown came from the cache without asking GitHub: when GitHub sent it (the oldest
    // page of a list). Invalid when it was asked for.
    QDateTime savedAt() const;
    void retry() { m_navigator->retry(); }
    void resetForAccount() { m_navigator->resetForAccount(); }

    bool canGoBack() const { return m_navigator->canGoBack(); }
    bool canGoForward() const { return m_navigator->canGoForward(); }
    std::optional<Location> currentLocation() const { return m_navigator->currentLocation(); }
    // The GitHub page of the selected row, else of the current target.
    QUrl currentWebPage() const;
    // A file name for an export of the current list, e.g. "megacorp-repos.csv".
    QString suggestedExportName() const { return m_navigator->suggestedExportName(); }

    Models::Navigator *navigator() const { return m_navigator; }
    ListPane *listPane() const { return m_listPane; }
    DetailsPane *detailsPane() const { return m_details; }
    GistView *gistView() const { return m_gistView; }
    InsightsView *insightsView() const { return m_insightsView; }
    ProfileCard *profileCard() const { return m_profileCard; }
    QListWidget *placesList() const;
    QComboBox *pullStateBox() const;
    QSplitter *splitter() const { return m_splitter; }

Q_SIGNALS:
    // The location shown changed (the address field and the history buttons follow).
    void locationChanged();
    void failed(const Hubshelf::GitHub::Error &error);
    // Worth a sentence in the banner, though nothing failed (a repository was renamed).
    void notice(const QString &text);
    // Something loaded after a failure: the banner can go.
    void recovered();
    // What the place shows has arrived (each time: a list's last page, a profile, a gist).
    void shown();

private:
    void connectNavigator();
    void navigating(bool again);
    // A column's text (by CSV name) in the list's row of `sourceIndex`.
    QString rowValue(const QModelIndex &sourceIndex, const QString &column) const;
    void rowActivated(const QModelIndex &sourceIndex);
    void showRowDetails();
    void showMessagePage(const QString &text);
    void openOwner(const QString &login);
    void targetFailed(const GitHub::Error &error);
    void report(const GitHub::Error &error);
    void succeeded();

    QPointer<GitHub::Client> m_client;
    Models::Navigator *m_navigator = nullptr;
    bool m_failing = false;
    QTimer m_detailsTimer;

    PlacesColumn *m_placesColumn = nullptr;
    QStackedWidget *m_centre = nullptr;
    QLabel *m_loadingPage = nullptr;
    ListPane *m_listPane = nullptr;
    ProfileCard *m_profileCard = nullptr;
    GistView *m_gistView = nullptr;
    InsightsView *m_insightsView = nullptr;
    DetailsPane *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
};

} // namespace Hubshelf::Ui
