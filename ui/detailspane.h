#pragma once

#include <QJsonObject>
#include <QStackedWidget>

class QAbstractItemModel;
class QLabel;
class QProgressBar;

namespace Hubshelf::Images {
class AvatarLoader;
}

namespace Hubshelf::Ui {

class GistView;
class ProfileCard;
class PullRequestView;
class RowCard;

// The details beside the list: a hint while nothing is selected, a loading state while the window
// fetches the selected row's object, then the view for that kind of object. It never fetches API
// data itself; it is handed the GitHub objects.
class DetailsPane final : public QStackedWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPane)

public:
    enum class Page { Empty, Loading, Account, Gist, PullRequest, Row };
    Q_ENUM(Page)

    explicit DetailsPane(QWidget *parent = nullptr);
    ~DetailsPane() override;

    // Not owned; handed to every view.
    void setAvatarLoader(Images::AvatarLoader *loader);

    void showEmpty();
    void showLoading();
    void showAccount(const QJsonObject &account);
    // `revision`: the gist as it was then (a row of a gist's Revisions); empty: as it is.
    void showGist(const QJsonObject &gist, const QString &revision = {});
    void showPullRequest(const QJsonObject &pull);
    // A row of a kind without a view of its own (a repository), from the list's own values.
    void showRow(const QAbstractItemModel &model, int row);

    Page page() const;

    ProfileCard *profileCard() const { return m_profile; }
    GistView *gistView() const { return m_gist; }
    PullRequestView *pullRequestView() const { return m_pull; }
    RowCard *rowCard() const { return m_row; }

Q_SIGNALS:
    void pageChanged(Hubshelf::Ui::DetailsPane::Page page);

private:
    void setPage(QWidget *widget);

    QWidget *m_empty = nullptr;
    QWidget *m_loading = nullptr;
    QProgressBar *m_busy = nullptr;
    ProfileCard *m_profile = nullptr;
    GistView *m_gist = nullptr;
    PullRequestView *m_pull = nullptr;
    RowCard *m_row = nullptr;
};

} // namespace Hubshelf::Ui
